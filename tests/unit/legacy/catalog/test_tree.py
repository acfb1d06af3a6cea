"""The base-plus-edits representation of default values."""

from __future__ import annotations

from typing import Any

import pytest

from vcvalues.legacy.catalog._tree import Add, Change, Drop, apply_edits, copy_plain, replay


def test_add_keeps_file_order() -> None:
    tree: dict[str, Any] = {"a": 1, "c": {"x": 1}}
    edits = [Add(("b",), [1], after="a"), Add(("c", "w"), 0, after=None), Add(("d",), None, after="c")]
    apply_edits(tree, edits)
    assert list(tree) == ["a", "b", "c", "d"]
    assert list(tree["c"]) == ["w", "x"]


def test_change_and_drop() -> None:
    tree: dict[str, Any] = {"a": {"b": 1, "c": 2}}
    apply_edits(tree, [Change(("a", "b"), "x"), Drop(("a", "c"))])
    assert tree == {"a": {"b": "x"}}


def test_stale_edits_raise() -> None:
    with pytest.raises(KeyError):
        apply_edits({"a": 1}, [Change(("b",), 2)])
    with pytest.raises(KeyError):
        apply_edits({"a": 1}, [Add(("a",), 2, after=None)])
    with pytest.raises(KeyError):
        apply_edits({"a": 1}, [Drop(("b",))])


def test_replay_stops_at_the_release_and_shares_nothing() -> None:
    base = {"a": {"list": [1]}}
    history = (
        ((0, 15, 1), (Add(("b",), {"m": []}, after="a"),)),
        ((0, 16, 0), (Change(("a", "list"), [2]),)),
    )
    at_15_1 = replay(base, history, (0, 15, 7))
    assert at_15_1 == {"a": {"list": [1]}, "b": {"m": []}}
    at_15_1["a"]["list"].append(9)
    at_15_1["b"]["m"].append(9)
    assert base == {"a": {"list": [1]}}
    assert history[0][1][0].value == {"m": []}
    assert replay(base, history, (0, 16, 0)) == {"a": {"list": [2]}, "b": {"m": []}}
    assert replay(base, history, (0, 15, 0)) == base


def test_copy_plain_is_deep() -> None:
    value: dict[str, Any] = {"a": [{"b": 1}], "c": None}
    copied = copy_plain(value)
    assert copied == value
    assert copied["a"] is not value["a"]
    assert copied["a"][0] is not value["a"][0]
