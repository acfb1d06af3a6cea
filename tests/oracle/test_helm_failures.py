"""Where real Helm fails to render (or to read what it rendered), ``lint`` reports an error, and only there.

Helm fails when ``Chart.render`` raises, or when a rendered manifest is not YAML it reads back
(``helm template``/``install``: ``YAML parse error on <template>``). vcvalues' verdict is an error from
the rules of ``vcvalues.legacy.rules.helm_failures``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.oracle.conftest import LEGACY_DISTROS, legacy_releases, sample
from vcvalues.core.diagnostics import Severity
from vcvalues.legacy.compile import compile_values
from vcvalues.legacy.rules.helm_failures import RULES

HELM_FAILURE_RULES = frozenset(rule.id for rule in RULES)
_SEPARATOR = re.compile(r"(?:^|\s*\n)---\s*")
ISOLATED = {"enabled": True}
CORPUS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "isolated": {"isolation": ISOLATED},
    "isolation-null": {"isolation": None},
    "resource-quota-null": {"isolation": {**ISOLATED, "resourceQuota": None}},
    "resource-quota-null-while-off": {"isolation": {"resourceQuota": None}},
    "limit-range-null": {"isolation": {**ISOLATED, "limitRange": None}},
    "network-policy-null": {"isolation": {**ISOLATED, "networkPolicy": None}},
    "outgoing-connections-null": {"isolation": {**ISOLATED, "networkPolicy": {"outgoingConnections": None}}},
    "scope-selector-null": {"isolation": {**ISOLATED, "resourceQuota": {"scopeSelector": None}}},
    "global-annotations-null": {"globalAnnotations": None},
    "one-annotation": {"globalAnnotations": {"team": "a"}},
    "two-annotations": {"globalAnnotations": {"team": "a", "owner": "b"}},
    "global-and-service-annotation": {
        "globalAnnotations": {"team": "a"},
        "syncer": {"serviceAnnotations": {"lb": "internal"}},
    },
    "long-quoted-annotation": {"globalAnnotations": {"note": "word " * 20}},
    "long-plain-annotation": {"globalAnnotations": {"note": "it's " * 20 + "x"}},
    "multi-line-annotation": {"globalAnnotations": {"note": "x\ny"}},
    "nested-annotation": {"globalAnnotations": {"a": {"b": "c"}}},
    "namespace-breaks-yaml": {"isolation": {**ISOLATED, "namespace": "a: b"}},
    "namespace-comment": {"isolation": {**ISOLATED, "namespace": "#x"}},
    "cidr-alias": {
        "isolation": {**ISOLATED, "networkPolicy": {"outgoingConnections": {"ipBlock": {"cidr": "*x"}}}}
    },
    "quota-key-null": {"isolation": {**ISOLATED, "resourceQuota": {"quota": {"~": "1"}}}},
    "except-string": {
        "isolation": {**ISOLATED, "networkPolicy": {"outgoingConnections": {"ipBlock": {"except": "x"}}}}
    },
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(legacy_releases(), metafunc.config))


def helm_fails(helm, chart, values: dict[str, Any]) -> bool:
    try:
        rendered = chart.render(values, name="vcluster", namespace="vcluster-vcluster")
    except helm.HelmError:
        return True
    for path, text in rendered.items():
        if path.endswith("NOTES.txt"):
            continue
        for part in _SEPARATOR.split(text):
            if part.strip():
                try:
                    helm.values_from_yaml(part)
                except helm.HelmError:
                    return True
    return False


@pytest.mark.parametrize("case", sorted(CORPUS))
@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_lint_errors_exactly_where_helm_fails(helm, load_chart, release: str, distro: str, case: str) -> None:
    """Helm fails -> an error (a helm-failure rule, or the schema when the values do not even fit it);
    Helm renders -> no helm-failure rule reports."""
    values = CORPUS[case]
    result = compile_values([("values.yaml", json.dumps(values))], chart_version=release, distro=distro)
    errors = [d.rule_id for d in result.diagnostics if d.severity is Severity.ERROR]
    if helm_fails(helm, load_chart(release, distro), values):
        assert any(rule in HELM_FAILURE_RULES or rule == "schema" for rule in errors), errors
    else:
        assert not HELM_FAILURE_RULES.intersection(errors), errors
