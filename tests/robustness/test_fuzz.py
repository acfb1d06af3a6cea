"""Fuzzing the whole pipeline (DESIGN §12, issue 9): no crash on any input, positions inside the file,
and the effective values that render prints are a fixed point of render.

The default `ci` Hypothesis profile keeps this quick; run long with
``python -m pytest tests/robustness --hypothesis-profile=long``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import plain_maps, plain_values, quantity_texts
from vcvalues.convert import convert_text
from vcvalues.core.load import load_yaml
from vcvalues.errors import VcValuesError
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.compile import compile_text
from vcvalues.legacy.render import dump_manifests, dump_values, render_manifests

YAML_PIECES = st.sampled_from(
    [
        "isolation:",
        "  enabled: ",
        "yes",
        "true",
        "null",
        "~",
        "  resourceQuota:",
        "    quota:",
        "      services.nodeports: ",
        "1e6",
        "0x10",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "<<: *a",
        "'",
        '"',
        "\t",
        "#",
        " ",
        ":",
        "---",
        "!!str ",
        "!!int ",
        "? ",
        "|",
        ">",
        "\n",
        "\n  ",
        "-1",
        "20GB",
        "0.0.0.0/0",
        "service:",
        "  type: LoadBalancer",
        "syncer:",
        "  extraArgs:",
        "  - --x=1",
    ]
)
yaml_texts = st.one_of(st.text(max_size=300), st.lists(YAML_PIECES, max_size=40).map("".join))


def _inside(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= len(lines) + 1 and column >= 1


@given(yaml_texts)
def test_lint_never_crashes_and_positions_fall_inside_the_file(text: str) -> None:
    result = compile_text(text, file="fuzz.yaml")
    for d in result.diagnostics:
        if d.file == "fuzz.yaml":
            assert _inside(text, d.line, d.column), d


@given(yaml_texts, st.sampled_from(["0.20", "0.36"]))
def test_convert_never_crashes(text: str, target: str) -> None:
    result = convert_text(text, file="fuzz.yaml", to=target)
    for d in result.diagnostics:
        if d.file == "fuzz.yaml":
            assert _inside(text, d.line, d.column), d


QUOTA_KEYS = ["requests.cpu", "limits.memory", "count/pods", "services.nodeports"]
LIMITS = st.dictionaries(st.sampled_from(["cpu", "memory"]), quantity_texts, max_size=2)
SERVICE_TYPES = st.sampled_from(["ClusterIP", "LoadBalancer", "NodePort"])
ISOLATION_TREES = st.fixed_dictionaries(
    {
        "isolation": st.fixed_dictionaries(
            {"enabled": st.booleans()},
            optional={
                "podSecurityStandard": st.sampled_from(["baseline", "restricted", "privileged", "bogus", ""]),
                "namespace": st.one_of(st.none(), st.sampled_from(["", "team-a", "Bad_Name"])),
                "resourceQuota": st.fixed_dictionaries(
                    {},
                    optional={
                        "enabled": plain_values,
                        "quota": st.dictionaries(
                            st.sampled_from(
                                ["requests.cpu", "limits.memory", "count/pods", "services.nodeports"]
                            ),
                            st.one_of(quantity_texts, st.integers(-5, 10**7), st.none()),
                            max_size=4,
                        ),
                    },
                ),
                "limitRange": st.fixed_dictionaries(
                    {},
                    optional={
                        "enabled": st.booleans(),
                        "default": st.dictionaries(
                            st.sampled_from(["cpu", "memory"]), quantity_texts, max_size=2
                        ),
                    },
                ),
                "networkPolicy": st.fixed_dictionaries({}, optional={"enabled": plain_values}),
            },
        ),
    },
    optional={
        "service": st.fixed_dictionaries({"type": st.sampled_from(["ClusterIP", "LoadBalancer", "NodePort"])})
    },
)


@given(st.one_of(ISOLATION_TREES, plain_maps), st.sampled_from(["k3s", "k8s", "k0s", "eks"]))
def test_render_of_printed_values_is_a_fixed_point(values: dict[str, Any], distro: str) -> None:
    text = dump_values(values)
    first = compile_text(text, file="v.yaml", distro=distro, apply_fixes=True)
    if not first.ok:
        return
    chart = first.chart
    try:
        manifests = render_manifests(first.values, chart=chart, release="vc", namespace="ns")
    except VcValuesError:
        return
    again = compile_text(dump_values(first.values_document()), file="effective.yaml", distro=distro)
    assert again.values == first.values
    manifests_again = render_manifests(again.values, chart=chart, release="vc", namespace="ns")
    assert dump_manifests(manifests_again) == dump_manifests(manifests)


@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s", "eks"])
def test_every_wrong_type_in_every_default_leaf_is_handled(distro: str) -> None:
    chart = resolve_chart("0.19.10", distro)
    leaves = list(_leaf_paths(chart_defaults(chart)))
    assert len(leaves) > 100
    wrong: list[Any] = ["text", 7, 1.5, True, None, [1], {"x": 1}]
    for path in leaves:
        for value in wrong:
            text = dump_values(_tree(path, value))
            result = compile_text(text, file="w.yaml", distro=distro, run_rules=True)
            assert load_yaml(text, file="w.yaml").data is not None
            if result.ok:
                render_manifests(result.values, chart=chart, release="vc", namespace="ns")


def _leaf_paths(values: Any, prefix: tuple[str, ...] = ()) -> Any:
    if isinstance(values, dict) and values:
        for key, value in values.items():
            yield from _leaf_paths(value, (*prefix, key))
    else:
        yield prefix


def _tree(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    tree: Any = value
    for key in reversed(path):
        tree = {key: tree}
    return tree
