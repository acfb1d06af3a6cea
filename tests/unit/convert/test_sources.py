"""Merging several -f files as Helm does, and finding which file a key came from."""

from __future__ import annotations

from tests.unit.convert._support import FakeSourceMap
from vcvalues.convert import ValuesSource, convert_sources
from vcvalues.convert._sources import Locator, merge_values


def test_maps_merge_recursively_and_everything_else_is_replaced():
    first = ValuesSource("a.yaml", {"m": {"x": 1, "l": [1, 2]}, "s": {"k": 1}, "keep": 1})
    second = ValuesSource("b.yaml", {"m": {"y": 2, "l": [3]}, "s": None})
    assert merge_values([first, second]) == {"m": {"x": 1, "l": [3], "y": 2}, "s": None, "keep": 1}


def test_a_key_is_located_in_the_last_file_that_holds_it():
    first = ValuesSource(
        "a.yaml",
        {"isolation": {"namespace": "x", "enabled": True}},
        FakeSourceMap({("isolation", "namespace"): (7, 3)}),
    )
    second = ValuesSource(
        "b.yaml", {"isolation": {"enabled": True}}, FakeSourceMap({("isolation", "enabled"): (2, 3)})
    )
    locator = Locator([first, second])

    assert locator.locate(("isolation", "namespace")) == ("a.yaml", 7, 3)
    assert locator.locate(("isolation", "enabled")) == ("b.yaml", 2, 3)
    # a missing key points at its nearest existing ancestor, in the last file holding that ancestor
    assert locator.locate(("isolation", "missing")) == ("b.yaml", 1, 1)
    assert Locator([]).locate(("x",)) == ("<values>", 1, 1)


def test_convert_sources_merges_before_converting_and_reports_in_the_right_file():
    first = ValuesSource(
        "base.yaml",
        {"isolation": {"enabled": True, "namespace": "team"}},
        FakeSourceMap({("isolation",): (1, 1), ("isolation", "namespace"): (3, 3)}),
    )
    second = ValuesSource(
        "prod.yaml",
        {"isolation": {"podSecurityStandard": "restricted"}},
        FakeSourceMap({("isolation",): (1, 1)}),
    )
    result = convert_sources([first, second], distro="k8s", to="0.20")

    assert [(d.file, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("base.yaml", 3, 3, "isolation.namespace is no longer supported")
    ]
    result = convert_sources(
        [second, ValuesSource("on.yaml", {"isolation": {"enabled": True}})], distro="k8s"
    )
    assert result.values["policies"]["podSecurityStandard"] == "restricted"
