"""The Helm-failure rules render only when the isolation templates can render something."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, merge
from tests.unit.legacy.render.strategies import QUANTITY, SCALAR, TEXT, TRICKY, values_tree
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.compile import compile_text
from vcvalues.legacy.render import RenderError, render_manifests
from vcvalues.legacy.render._annotation_merges import MERGES
from vcvalues.legacy.rules._renders_cleanly import ANNOTATION_SOURCES, isolation_off, renders_cleanly

CHARTS = st.sampled_from([chart(v, d) for v in ("0.15.0", "0.19.10") for d in ("k3s", "k8s", "k0s", "eks")])
ENABLED = st.one_of(
    st.sampled_from([None, False, True, 0, 0.0, 1, -1, "", "false", [], {}, [0], {"a": 1}, (), (1,)]),
    SCALAR,
)


@given(CHARTS, ENABLED, values_tree(), values_tree())
def test_skipping_the_render_is_exactly_when_it_renders_nothing(
    ref: Any, enabled: Any, isolation: dict[str, Any], others: dict[str, Any]
) -> None:
    values = merge(merge(chart_defaults(ref), others), {"isolation": {**isolation, "enabled": enabled}})
    try:
        rendered: object = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    except RenderError as exc:
        rendered = exc
    if isolation_off(values):
        assert rendered == []


def test_isolation_off_is_go_template_falsity() -> None:
    off = [None, False, 0, 0.0, "", [], {}, ()]
    on = [True, 1, -0.5, float("nan"), "false", "0", [0], {"a": None}, (0,), object()]
    assert all(isolation_off({"isolation": {"enabled": value}}) for value in off)
    assert not any(isolation_off({"isolation": {"enabled": value}}) for value in on)
    assert isolation_off({"isolation": {}})
    assert not any(isolation_off({"isolation": value}) for value in (None, "x", 1, ["enabled"]))


def test_a_failing_render_is_still_found() -> None:
    result = compile_text("isolation:\n  enabled: true\n  resourceQuota: null\n")
    assert [d.rule_id for d in result.diagnostics if d.rule_id.startswith("helm-")] == ["helm-nil-pointer"]
    result = compile_text("isolation:\n  enabled: 0\n  resourceQuota: null\n")
    assert not [d for d in result.diagnostics if d.rule_id.startswith("helm-")]


def _render_modules(path: Path) -> list[str]:
    code = (
        "import sys\n"
        "from vcvalues.cli import main\n"
        f"main(['lint', '-q', {str(path)!r}])\n"
        "print('RENDER=' + ','.join(m for m in sys.modules if m.startswith('vcvalues.legacy.render')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1]
    assert last.startswith("RENDER=")
    return [m for m in last.removeprefix("RENDER=").split(",") if m]


def test_linting_values_without_isolation_does_not_import_render(tmp_path: Path) -> None:
    plain = tmp_path / "values.yaml"
    plain.write_text("syncer:\n  replicas: 1\nisolation:\n  enabled: false\n")
    assert _render_modules(plain) == []
    isolated = tmp_path / "isolated.yaml"
    isolated.write_text("isolation:\n  enabled: true\n  namespace: 'a: b'\n")
    assert "vcvalues.legacy.render" in _render_modules(isolated)  # the check above can see it


def test_linting_usual_isolated_values_does_not_import_render(tmp_path: Path) -> None:
    isolated = tmp_path / "values.yaml"
    isolated.write_text(
        "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      requests.cpu: 10\n"
        "globalAnnotations:\n  team: platform\n"
    )
    assert _render_modules(isolated) == []


WORDS = st.sampled_from(["team-a", "a", "10.0.0.0/8", "0.0.0.0/0", "requests.cpu", "count/pods", "x.y/z"])
# long printable lines: toYaml folds plain and quoted strings past column 80
LONG = st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=60, max_size=200)
HOSTILE = st.one_of(
    TRICKY, TEXT, LONG, st.sampled_from(["<no value>", "a<no value>", "null", "~", "1e3", "yes"])
)
WORDISH = st.one_of(WORDS, WORDS, WORDS, HOSTILE, st.none(), st.integers(), st.lists(WORDS, max_size=1))
SCALARISH = st.one_of(WORDS, QUANTITY, st.none(), st.booleans(), HOSTILE, st.lists(WORDS, max_size=1))
KEYISH = st.one_of(WORDS, WORDS, WORDS, HOSTILE, st.integers())
WORD_MAP = st.one_of(st.dictionaries(KEYISH, SCALARISH, max_size=3), st.none(), WORDISH)
MAP_OR_NOT = st.sampled_from([None, "x", 0, [], [{}]])


def _map_or(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(strategy, strategy, strategy, MAP_OR_NOT)


ISOLATION_OVERRIDES = st.fixed_dictionaries(
    {"enabled": st.one_of(st.just(True), st.sampled_from([1, "yes", [0], {"a": 1}]))},
    optional={
        "namespace": WORDISH,
        "networkPolicy": _map_or(st.fixed_dictionaries(
            {"enabled": st.one_of(st.booleans(), st.just(1))},
            optional={"outgoingConnections": _map_or(st.fixed_dictionaries(
                {"ipBlock": _map_or(st.fixed_dictionaries(
                    {},
                    optional={"cidr": WORDISH, "except": st.one_of(st.lists(WORDISH, max_size=3), WORDISH)},
                ))}
            ))},
        )),
        "resourceQuota": _map_or(st.fixed_dictionaries(
            {"enabled": st.one_of(st.booleans(), st.just("x"))},
            optional={
                "quota": WORD_MAP,
                "scopeSelector": _map_or(st.fixed_dictionaries(
                    {}, optional={"matchExpressions": st.one_of(st.just([]), values_tree(), MAP_OR_NOT)}
                )),
                "scopes": st.one_of(st.just([]), st.lists(HOSTILE, max_size=2), MAP_OR_NOT),
            },
        )),
        "limitRange": _map_or(st.fixed_dictionaries(
            {"enabled": st.booleans()}, optional={"default": WORD_MAP, "defaultRequest": WORD_MAP}
        )),
    },
)  # fmt: skip
ANNOTATION_MAPS = st.one_of(
    st.dictionaries(KEYISH, st.one_of(WORDS, HOSTILE, QUANTITY), max_size=3), st.none(), MAP_OR_NOT
)
OVERRIDES = st.fixed_dictionaries(
    {"isolation": ISOLATION_OVERRIDES},
    optional={
        "globalAnnotations": ANNOTATION_MAPS,
        "syncer": st.fixed_dictionaries(
            {"serviceAnnotations": ANNOTATION_MAPS, "annotations": ANNOTATION_MAPS}
        ),
        "service": st.fixed_dictionaries(
            {
                "type": st.sampled_from(["LoadBalancer", "ClusterIP"]),
                "loadBalancerAnnotations": ANNOTATION_MAPS,
            }
        ),
        "workloadServiceAccount": st.fixed_dictionaries({"annotations": ANNOTATION_MAPS}),
        "scheduler": st.fixed_dictionaries({"annotations": ANNOTATION_MAPS}),
    },
)
NAMESPACES = st.one_of(st.just(NAMESPACE), st.sampled_from(["vcluster-x", "a: b", "null", "10"]))


@settings(max_examples=400)
@given(CHARTS, OVERRIDES, NAMESPACES)
def test_values_decided_clean_render_without_error(
    ref: Any, override: dict[str, Any], namespace: str
) -> None:
    values = merge(chart_defaults(ref), override)
    if renders_cleanly(values, namespace):
        render_manifests(values, chart=ref, release=RELEASE, namespace=namespace)


def test_the_generated_values_are_often_decided_clean() -> None:
    decided: list[bool] = []

    @settings(max_examples=200, database=None)
    @given(CHARTS, OVERRIDES)
    def collect(ref: Any, override: dict[str, Any]) -> None:
        decided.append(renders_cleanly(merge(chart_defaults(ref), override), NAMESPACE))

    collect()
    assert 0.1 < sum(decided) / len(decided) < 0.9  # both sides of the decision get exercised


def test_the_annotation_sources_are_those_the_chart_merges() -> None:
    assert set(ANNOTATION_SOURCES) == {tuple(row[4].split(".")) for row in MERGES}


@pytest.mark.parametrize(
    "path", ["benchmarks/values-170.yaml", "examples/isolated/values.yaml", "benchmarks/_inputs.py"]
)
def test_usual_isolated_files_are_decided_without_rendering(path: str) -> None:
    root = Path(__file__).resolve().parents[4]
    if path.endswith(".py"):  # a generated batch file
        from benchmarks._inputs import BASE, variant

        text = variant(BASE.read_text(encoding="utf-8"), 7)
    else:
        text = (root / path).read_text(encoding="utf-8")
    result = compile_text(text, release="team-a", namespace="team-a")
    assert renders_cleanly(result.values, result.namespace)
