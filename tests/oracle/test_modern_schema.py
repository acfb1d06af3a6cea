"""Real Helm's schema validation (Chart.validate_schema, Helm v4) and our lint agree on accept/reject.

Helm coalesces the values onto the chart's and validates them against the release's values.schema.json
(santhosh-tekuri jsonschema, the validator of Helm >= 3.18.5 and 4.x). Generated values: random edits of
the release's defaults (tests/unit/modern/values_gen.py). Every release with --oracle-all.
"""

from __future__ import annotations

import random

import pytest

from tests.oracle.conftest import modern_releases, sample
from tests.unit.modern.values_gen import generate
from vcvalues.core.chart import resolve_modern
from vcvalues.core.load import LoadResult
from vcvalues.core.source import SourceMap
from vcvalues.modern.catalog import release_defaults
from vcvalues.modern.compile import compile_modern

CASES = 25
SCHEMA_RULES = frozenset({"schema", "unknown-key", "dialect-mismatch"})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(modern_releases(), metafunc.config, keep=5))


def test_helm_and_lint_agree_on_generated_values(helm, load_chart, release) -> None:
    chart = load_chart(release)
    rng = random.Random(f"helm-{release}")
    agree = rejected = 0
    disagreements = []
    for _ in range(CASES):
        user = generate(release_defaults(resolve_modern(release)), rng)
        try:
            chart.validate_schema(user)
            helm_accepts = True
        except helm.HelmValuesError:
            helm_accepts = False
        result = compile_modern(
            [LoadResult(user, SourceMap("g.yaml"), [])], resolve_modern(release), run_rules=False
        )
        ours = not any(d.rule_id in SCHEMA_RULES for d in result.diagnostics)
        agree += helm_accepts == ours
        rejected += not helm_accepts
        if helm_accepts != ours:
            disagreements.append((user, helm_accepts, [d.message for d in result.diagnostics]))
    assert disagreements == []
    assert agree == CASES and 0 < rejected < CASES


def test_every_release_values_yaml_passes_helm_and_lint(helm, load_chart, release) -> None:
    from tests.oracle.conftest import chart_path
    from vcvalues.core.load import load_path

    load_chart(release).validate_schema({})
    loaded = load_path(chart_path(release) / "values.yaml")
    assert compile_modern([loaded], resolve_modern(release)).diagnostics == []


def test_helm_enforces_our_exported_schema(helm, release, tmp_path) -> None:
    """Our schema in place of the chart's: Helm v4 loads it, the defaults pass, a bad quantity fails."""
    import json
    import shutil

    from tests.oracle.conftest import chart_path
    from vcvalues.modern.schema import export_schema

    target = tmp_path / "chart"
    shutil.copytree(chart_path(release), target)
    (target / "values.schema.json").write_text(json.dumps(export_schema(resolve_modern(release))))
    chart = helm.Chart.load(str(target))
    chart.validate_schema({})
    chart.validate_schema({"policies": {"resourceQuota": {"enabled": True, "quota": {"requests.cpu": "20"}}}})
    with pytest.raises(helm.HelmValuesError, match=r"requests\.cpu"):
        chart.validate_schema({"policies": {"resourceQuota": {"quota": {"requests.cpu": "20GB"}}}})
    with pytest.raises(helm.HelmValuesError):
        chart.validate_schema({"policies": {"resourceQuota": {"enabeld": True}}})
