"""Our exported legacy values.schema.json, enforced by real Helm, against our own lint verdict.

The schema is written as the chart's ``values.schema.json`` in a copy of the chart; Helm validates
the values it renders (the user's values coalesced onto the chart's, ``Chart.merge_values``). Our
verdict is lint's: an error from the schema-level checks (``schema``, ``unknown-key``,
``invalid-quantity`` and the rules that explain a schema issue under their own id).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.oracle.conftest import LEGACY_DISTROS, chart_path, legacy_releases, sample
from vcvalues.core.diagnostics import Severity
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.compile import compile_values
from vcvalues.legacy.schema import dump_schema, export_schema

SCHEMA_RULES = frozenset({"schema", "unknown-key", "invalid-quantity", "pod-security-level"})
CORPUS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "isolated": {"isolation": {"enabled": True}},
    "misspelt-top-key": {"isolaton": {"enabled": True}},
    "misspelt-nested-key": {"isolation": {"resourceQuta": {}}},
    "quantity-20GB": {"isolation": {"resourceQuota": {"quota": {"requests.cpu": "20GB"}}}},
    "quantity-number": {"isolation": {"resourceQuota": {"quota": {"requests.cpu": 2}}}},
    "run-as-user-negative": {"securityContext": {"runAsUser": -1}},
    "pod-security-strict": {"isolation": {"podSecurityStandard": "strict"}},
    "enabled-string": {"isolation": {"enabled": "false"}},
    "enabled-number": {"isolation": {"enabled": 1}},
    "replicas-string": {"syncer": {"replicas": "2"}},
    "list-for-map": {"isolation": {"limitRange": []}},
    "map-for-list": {"syncer": {"extraArgs": {"a": "b"}}},
    "except-string": {"isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": {"except": "x"}}}}},
    "namespace-number": {"isolation": {"namespace": 31}},
    "global-annotations-list": {"globalAnnotations": ["a"]},
    "null-map": {"isolation": {"resourceQuota": None}},
    "null-leaf": {"isolation": {"namespace": None}},
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(legacy_releases(), metafunc.config))


_CHARTS: dict[tuple[str, str], Any] = {}


@pytest.fixture
def schema_chart(helm, tmp_path_factory: pytest.TempPathFactory):
    """schema_chart(release, distro) -> the chart with our schema as its values.schema.json."""

    def load(release: str, distro: str) -> Any:
        if (release, distro) not in _CHARTS:
            target = tmp_path_factory.mktemp("schema") / distro
            shutil.copytree(chart_path(release, distro), target)
            schema = export_schema(resolve_chart(release, distro))
            Path(target / "values.schema.json").write_text(dump_schema(schema))
            _CHARTS[release, distro] = helm.Chart.load(str(target))
        return _CHARTS[release, distro]

    return load


def helm_refuses(helm, chart, values: dict[str, Any]) -> bool:
    try:
        chart.validate_schema(chart.merge_values(values))
    except helm.HelmValuesError:
        return True
    return False


def lint_refuses(values: dict[str, Any], release: str, distro: str) -> bool:
    result = compile_values([("values.yaml", json.dumps(values))], chart_version=release, distro=distro)
    return any(d.rule_id in SCHEMA_RULES and d.severity is Severity.ERROR for d in result.diagnostics)


@pytest.mark.parametrize("case", sorted(CORPUS))
@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_corpus_verdicts_agree(helm, schema_chart, release: str, distro: str, case: str) -> None:
    values = CORPUS[case]
    assert helm_refuses(helm, schema_chart(release, distro), values) == lint_refuses(values, release, distro)
