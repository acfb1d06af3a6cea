"""Inline suppressions come from real YAML comments only (issue 15): text that looks like one inside a
quoted or block scalar does not suppress."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.load import load_yaml
from vcvalues.core.suppress import scan_suppressions, yaml_comments
from vcvalues.legacy.render import dump_values

FAKE = "# vcvalues: disable=egress-cidr"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a: 1  # vcvalues: disable=x\n", {1: {"x"}}),
        ("# vcvalues: disable=x,y\na: 1\n", {1: {"x", "y"}}),
        (f'a: "x {FAKE}"\n', {}),
        (f"a: 'x {FAKE}'\n", {}),
        (f"a: 'it''s {FAKE}'\n", {}),
        (f'a: "multi\n  line {FAKE}\n  end"\n', {}),
        (f"a: 'multi\n  {FAKE}'  # vcvalues: disable=y\n", {2: {"y"}}),
        (f"a: |\n  text {FAKE}\n  {FAKE}\nb: 1  # vcvalues: disable=z\n", {4: {"z"}}),
        (f"a: >-  # vcvalues: disable=w\n  {FAKE}\n", {1: {"w"}}),
        (f"a:\n- |\n  {FAKE}\n- x  {FAKE}\n", {4: {"egress-cidr"}}),
        (f'a: [x, "{FAKE}", z]  # vcvalues: disable=v\n', {1: {"v"}}),
        (f'a: {{k: "{FAKE}"}}\n', {}),
        (f"a: &anchor '{FAKE}'\n", {}),
        (f"a: !!str '{FAKE}'\n", {}),
        ("a: it's plain # vcvalues: disable=u\n", {1: {"u"}}),
        ("a: x#vcvalues:disable=t\n", {}),  # no space before '#': part of the plain scalar
        ('a: "esc \\" # vcvalues: disable=s"\n', {}),
    ],
)
def test_only_comments_suppress(text: str, lines: dict[int, set[str]]) -> None:
    assert load_yaml(text, file="v.yaml").diagnostics == []  # each case is valid YAML
    assert scan_suppressions(text) == {n: frozenset(ids) for n, ids in lines.items()}


strings = st.lists(st.sampled_from([*"ab #:'\"-|>\\\n,[]{}", FAKE]), max_size=12).map("".join)
values = st.recursive(
    strings,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3), st.dictionaries(strings, inner, min_size=1, max_size=3)
    ),
    max_leaves=6,
)


@given(st.dictionaries(strings, values, min_size=1, max_size=3))
def test_scalars_holding_comment_text_never_suppress(data: dict[str, Any]) -> None:
    """Whatever the strings hold, dumped as YAML they are scalars: no comment is found."""
    text = dump_values(data)
    assert load_yaml(text, file="v.yaml").data == data
    assert yaml_comments(text) == []


@given(st.dictionaries(strings, strings, min_size=1, max_size=4), st.data())
def test_real_comments_after_any_scalar_are_found(data: dict[str, str], draw: st.DataObject) -> None:
    lines = dump_values(data).splitlines()
    single = [n for n, line in enumerate(lines, start=1) if ": " in line and not line.startswith(" ")]
    chosen = draw.draw(st.sets(st.sampled_from(single))) if single else set()
    text = "".join(
        line + ("  # vcvalues: disable=quota-integer-resource" if n in chosen else "") + "\n"
        for n, line in enumerate(lines, start=1)
    )
    assert set(scan_suppressions(text)) == chosen
