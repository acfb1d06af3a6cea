"""The Diff of upstream config/diff.go: only changed keys, zero values for vanished scalars, pruning."""

from __future__ import annotations

from vcvalues.convert._diff import diff_values


def test_equal_trees_have_no_diff():
    assert diff_values({"a": {"b": [1, {"c": 2}]}}, {"a": {"b": [1.0, {"c": 2}]}}) is None


def test_only_changed_keys_of_nested_maps_remain():
    defaults = {"p": {"q": {"x": 1, "y": "a"}, "keep": True}}
    converted = {"p": {"q": {"x": 2, "y": "a"}, "keep": True}}
    assert diff_values(defaults, converted) == {"p": {"q": {"x": 2}}}


def test_a_vanished_scalar_prints_its_zero_value_and_a_vanished_list_or_map_nothing():
    defaults = {"b": True, "s": "text", "n": 3, "f": 0.5, "l": [1], "m": {"k": 1}}
    assert diff_values(defaults, {}) == {"b": False, "s": "", "n": 0, "f": 0}


def test_a_boolean_is_not_a_number():
    assert diff_values({"x": 1}, {"x": True}) == {"x": True}
    assert diff_values({"x": False}, {"x": 0}) == {"x": 0}


def test_new_keys_are_taken_whole_with_empty_maps_pruned_and_nulls_kept():
    converted = {"new": {"empty": {}, "null": None, "list": [{}, {"a": {}}]}}
    assert diff_values({}, converted) == {"new": {"null": None, "list": [None, None]}}


def test_a_changed_list_is_taken_whole():
    assert diff_values({"l": [1, 2, 3]}, {"l": [1, 2]}) == {"l": [1, 2]}


def test_a_map_replaced_by_a_scalar():
    assert diff_values({"m": {"a": 1}}, {"m": "x"}) == {"m": "x"}
