"""Pseudo-rules: problems the reader and the compiler report themselves (no ``check`` here).

They are listed so that ``vcvalues rules`` / ``explain`` document them, SARIF gets a descriptor for them,
and the config and suppressions can name them (``syntax``, ``schema``, ``duplicate-key`` and
``unknown-key`` are always on).
"""

from __future__ import annotations

from vcvalues.core.diagnostics import Severity
from vcvalues.legacy.rules._base import Example, Rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING

RULES: tuple[Rule, ...] = (
    Rule(
        id="syntax",
        default_severity=ERROR,
        summary="the file is not YAML that Helm can read (always on)",
        why="helm install stops with a parse error; nothing is installed",
        fail_example="isolation:\n  enabled: [true\n",
        fail_at=(3, 1),
        pass_example="isolation:\n  enabled: false\n",
    ),
    Rule(
        id="duplicate-key",
        default_severity=ERROR,
        summary="a key appears twice in one map (always on)",
        why="Helm silently keeps the last one, so the first value you wrote is not the one installed",
        fail_example="isolation:\n  enabled: true\n  enabled: false\n",
        fail_at=(3, 3),
        pass_example="isolation:\n  enabled: false\n",
    ),
    Rule(
        id="schema",
        default_severity=ERROR,
        summary="a value has the wrong type or is not one of the allowed values (always on)",
        why="the chart templates misrender it, or Helm refuses it once a values.schema.json is used",
        fail_example="isolation:\n  enabled: maybe\n",
        fail_at=(2, 12),
        pass_example="isolation:\n  enabled: false\n",
    ),
    Rule(
        id="unknown-key",
        default_severity=ERROR,
        summary="a key the chart does not read (a typo, or a key of another chart version) (always on)",
        why="Helm accepts any key and the chart silently ignores it: the setting you wrote has no effect",
        fail_example="isolation:\n  enabeld: true\n",
        fail_at=(2, 3),
        pass_example="isolation:\n  enabled: false\n",
    ),
    Rule(
        id="invalid-quantity",
        default_severity=ERROR,
        summary="not a Kubernetes quantity (20GB, 1K, 10 Gi)",
        why="the API server rejects the ResourceQuota / LimitRange / pod and helm install fails",
        fail_example="isolation:\n  limitRange:\n    default:\n      memory: 20GB\n",
        fail_at=(4, 15),
        pass_example="isolation:\n  limitRange:\n    default:\n      memory: 20Gi\n",
        source="k8s.io/apimachinery pkg/api/resource ParseQuantity",
    ),
    Rule(
        id="yaml11-boolean",
        default_severity=WARNING,
        summary="yes/no/on/off/y/n unquoted: a boolean for Helm (YAML 1.1), a string for YAML 1.2 tools",
        why="editors, linters and yq read a string where Helm reads a boolean, so they disagree on the value",
        fail_example="isolation:\n  enabled: no\n",
        fail_at=(2, 12),
        pass_example="isolation:\n  enabled: false\n",
        source="go-yaml v2 resolve.go (YAML 1.1 booleans)",
    ),
    Rule(
        id="type-conflict",
        default_severity=WARNING,
        summary="a map where the chart has a scalar, or a scalar where the chart has a map",
        why="Helm prints a warning and keeps one of the two; part of the chart's defaults is lost",
        fail_example="fallbackHostDns:\n  enabled: true\n",
        fail_at=(2, 3),
        pass_example="fallbackHostDns: true\n",
        source="helm pkg/chartutil coalesce.go",
    ),
    Rule(
        id="dialect-mismatch",
        default_severity=ERROR,
        summary="legacy isolation.* values for a 0.20+ chart, or 0.20+ keys for a legacy chart",
        why="the chart ignores keys of the other format: isolation would silently be off",
        fail_example="policies:\n  resourceQuota:\n    enabled: true\n",
        fail_at=(1, 1),
        pass_example="isolation:\n  resourceQuota:\n    enabled: true\n",
    ),
    Rule(
        id="unsupported-chart-version",
        default_severity=ERROR,
        summary="a chart version outside the supported range (a usage error, exit 2)",
        why="vcvalues knows the defaults, templates and syncer flags of chart versions 0.15.0-0.19.10 only",
        fail_example="isolation:\n  enabled: false\n",
        fail_at=(0, 0),
        pass_example="isolation:\n  enabled: false\n",
        example=Example(chart_version="0.14.0"),
        usage_error=True,
    ),
    Rule(
        id="multi-document",
        default_severity=WARNING,
        summary="a values file with more than one YAML document",
        why="Helm reads only the first document; everything after the first '---' is ignored",
        fail_example="isolation:\n  enabled: false\n---\nsyncer:\n  replicas: 2\n",
        fail_at=(3, 1),
        pass_example="isolation:\n  enabled: false\nsyncer:\n  replicas: 2\n",
    ),
    Rule(
        id="suppression",
        default_severity=WARNING,
        summary="a '# vcvalues: disable=' comment that names no known rule",
        why="a suppression that names nothing suppresses nothing: the problem it was meant for is reported",
        fail_example="isolation:  # vcvalues: disable=no-such-rule\n  enabled: false\n",
        fail_at=(1, 1),
        pass_example="isolation:\n  enabled: off  # vcvalues: disable=yaml11-boolean\n",
    ),
)
