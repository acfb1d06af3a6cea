"""Pseudo-rules of 0.20+ values: problems the reader and the compiler report themselves (no ``check``).

Listed so that ``explain``, SARIF, the config and suppressions know them; the examples are 0.20+ values.
"""

from __future__ import annotations

from vcvalues.core.diagnostics import Severity
from vcvalues.core.rules import Rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING
SCHEMA_SOURCE = "chart/values.schema.json of the release (draft 2020-12, closed objects), enforced by Helm"

RULES: tuple[Rule, ...] = (
    Rule(
        id="syntax",
        default_severity=ERROR,
        summary="the file is not YAML that Helm can read (always on)",
        why="helm install stops with a parse error; nothing is installed",
        fail_example="policies:\n  podSecurityStandard: [baseline\n",
        fail_at=(3, 1),
        pass_example="policies:\n  podSecurityStandard: baseline\n",
    ),
    Rule(
        id="duplicate-key",
        default_severity=ERROR,
        summary="a key appears twice in one map (always on)",
        why="Helm silently keeps the last one, so the first value you wrote is not the one installed",
        fail_example="policies:\n  podSecurityStandard: baseline\n  podSecurityStandard: restricted\n",
        fail_at=(3, 3),
        pass_example="policies:\n  podSecurityStandard: restricted\n",
    ),
    Rule(
        id="schema",
        default_severity=ERROR,
        summary="a value the release's values.schema.json refuses (always on)",
        why="Helm validates the values against the chart's schema and refuses to install",
        fail_example='policies:\n  networkPolicy:\n    enabled: "true"\n',
        fail_at=(3, 14),
        pass_example="policies:\n  networkPolicy:\n    enabled: true\n",
        source=SCHEMA_SOURCE,
    ),
    Rule(
        id="unknown-key",
        default_severity=ERROR,
        summary="a key the release's schema does not declare: a typo, or another release's key (always on)",
        why="every object of the 0.20+ schema is closed: Helm refuses to install",
        fail_example="policies:\n  resourceQuota:\n    enabeld: true\n",
        fail_at=(3, 5),
        pass_example="policies:\n  resourceQuota:\n    enabled: true\n",
        source=SCHEMA_SOURCE,
    ),
    Rule(
        id="invalid-quantity",
        default_severity=ERROR,
        summary="not a Kubernetes quantity (20GB, 1K, 10 Gi) in a quota, limit range or resources map",
        why=(
            "the schema leaves these maps free-form, so Helm accepts it; the API server then rejects the "
            "ResourceQuota / LimitRange / pod and helm install fails"
        ),
        fail_example="policies:\n  resourceQuota:\n    quota:\n      requests.cpu: 20GB\n",
        fail_at=(4, 21),
        pass_example='policies:\n  resourceQuota:\n    quota:\n      requests.cpu: "20"\n',
        source="k8s.io/apimachinery pkg/api/resource ParseQuantity",
    ),
    Rule(
        id="yaml11-boolean",
        default_severity=WARNING,
        summary="yes/no/on/off/y/n unquoted: a boolean for Helm (YAML 1.1), a string for YAML 1.2 tools",
        why=(
            'Helm reads `enabled: yes` as true; a YAML 1.2 tool reads the string "yes", which a StrBool '
            "field (resourceQuota.enabled, ...) treats as auto"
        ),
        fail_example="policies:\n  resourceQuota:\n    enabled: yes\n",
        fail_at=(3, 14),
        pass_example="policies:\n  resourceQuota:\n    enabled: true\n",
        source="go-yaml v2 resolve.go (YAML 1.1 booleans)",
    ),
    Rule(
        id="policy-enabled-string",
        default_severity=WARNING,
        summary="a StrBool `enabled` string other than auto/true/false: the chart treats it as auto",
        why=(
            'the templates compare `toString enabled` with "true" and "false" only, so "True", "yes" '
            'or "on" quoted leave the quota (or limit range) off unless its partner is true'
        ),
        fail_example='policies:\n  resourceQuota:\n    enabled: "True"\n',
        fail_at=(3, 14),
        pass_example="policies:\n  resourceQuota:\n    enabled: true\n",
        source="chart/templates/resourcequota.yaml, limitrange.yaml (the auto gate); config StrBool",
    ),
    Rule(
        id="type-conflict",
        default_severity=WARNING,
        summary="a map where the chart has a scalar, or a scalar where the chart has a map",
        why="Helm prints a warning and keeps one of the two; part of the chart's defaults is lost",
        fail_example=(
            "policies:\n  resourceQuota:\n    scopeSelector:\n      matchExpressions:\n"
            "        scopeName: PriorityClass\n"
        ),
        fail_at=(5, 9),
        pass_example=(
            "policies:\n  resourceQuota:\n    scopeSelector:\n      matchExpressions:\n"
            "      - scopeName: PriorityClass\n        operator: Exists\n"
        ),
        source="helm pkg/chartutil coalesce.go",
    ),
    Rule(
        id="dialect-mismatch",
        default_severity=ERROR,
        summary="legacy isolation.* values for a 0.20+ chart, or 0.20+ keys for a legacy chart",
        why="the 0.20+ schema refuses legacy keys (and a legacy chart ignores 0.20+ ones): convert them",
        fail_example="isolation:\n  enabled: true\npolicies:\n  podSecurityStandard: baseline\n",
        fail_at=(1, 1),
        pass_example="policies:\n  podSecurityStandard: baseline\n",
    ),
    Rule(
        id="multi-document",
        default_severity=WARNING,
        summary="a values file with more than one YAML document",
        why="Helm reads only the first document; everything after the first '---' is ignored",
        fail_example="policies:\n  podSecurityStandard: baseline\n---\nsync: {}\n",
        fail_at=(3, 1),
        pass_example="policies:\n  podSecurityStandard: baseline\n",
    ),
    Rule(
        id="suppression",
        default_severity=WARNING,
        summary="a '# vcvalues: disable=' comment that names no known rule",
        why="a suppression that names nothing suppresses nothing: the problem it was meant for is reported",
        fail_example="policies:  # vcvalues: disable=no-such-rule\n  podSecurityStandard: baseline\n",
        fail_at=(1, 1),
        pass_example="policies:\n  resourceQuota:\n    enabled: on  # vcvalues: disable=yaml11-boolean\n",
    ),
)
