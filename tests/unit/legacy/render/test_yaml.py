"""The YAML writer: Helm (go-yaml v2, via vcvalues.core.load) reads back exactly what was written."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from tests.unit.legacy.render.strategies import TRICKY, values_tree
from vcvalues.core.gofmt import GoInt64
from vcvalues.core.load import load_yaml, load_yaml_documents
from vcvalues.legacy.render import dump_manifests, dump_values, render_manifests
from vcvalues.legacy.render._yaml import needs_quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [("yes", True), ("Off", True), ("~", True), ("", True), ("0x1F", True), ("1_000", True), ("08", True),
     ("1:20", True), ("=", True), ("<<", True), ("1e3", True), (".5", True), ("yES", False), ("100m", False),
     ("0.0.0.0/0", False), ("baseline", False)],
)  # fmt: skip
def test_needs_quotes(text: str, quoted: bool) -> None:
    assert needs_quotes(text) is quoted


def test_layout_and_order() -> None:
    values = {
        "b": {"z": 1, "a": [{"y": None, "x": "yes"}]},
        "a": [],
        "c": {},
        "d": 1000000.0,
        "e": GoInt64(7),
    }
    assert dump_values(values) == (
        'b:\n  z: 1\n  a:\n  - "y": null\n    x: "yes"\na: []\nc: {}\nd: 1000000.0\ne: 7\n'
    )


def test_shared_objects_are_never_aliased() -> None:
    shared = {"k": "v"}
    assert "&" not in dump_values({"a": shared, "b": shared})


def _read(text: str) -> Any:
    result = load_yaml(text, file="values.yaml")
    assert result.diagnostics == []
    return result.data


@given(values_tree())
def test_values_read_back_unchanged(values: dict[str, Any]) -> None:
    assert _read(dump_values(values)) == values


@given(TRICKY)
def test_tricky_strings_as_keys_and_values(text: str) -> None:
    assert _read(dump_values({text: text, "list": [text]})) == {text: text, "list": [text]}


def test_manifest_stream() -> None:
    ref = chart("0.19.10", "k8s")
    values = effective(ref, {"globalAnnotations": {"on": "yes"}})
    manifests = render_manifests(
        values, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True
    )
    text = dump_manifests(manifests)
    assert text.startswith(
        "---\n# Source: vcvalues/namespace.yaml\n# not rendered by the chart: the Namespace the vcluster "
        "docs recommend (--namespace-manifest)\napiVersion: v1\nkind: Namespace\n"
    )
    assert text.count("---\n# Source: vcluster-k8s/templates/networkpolicy.yaml\napiVersion:") == 2
    assert (
        "\n---\n# Source: vcluster-k8s/templates/resourcequota.yaml\napiVersion: v1\nkind: ResourceQuota\n"
        in text
    )
    assert '    "on": "yes"\n' in text
    read = load_yaml_documents(text, file="manifests.yaml")
    assert read.diagnostics == []
    assert [document.data for document in read.documents] == [m.body for m in manifests]
