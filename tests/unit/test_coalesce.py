"""Coalescing as Helm v3.21.4 does (pkg/chartutil/coalesce.go, pkg/cli/values/options.go)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import KEY_TEXT, plain_values
from vcvalues.core.coalesce import TypeConflict, coalesce, merge_files

DEFAULTS: dict[str, Any] = {
    "isolation": {
        "enabled": False,
        "namespace": None,
        "resourceQuota": {"enabled": True, "quota": {"count/pods": 20, "services.nodeports": 0}},
    },
    "syncer": {"extraArgs": ["--a"], "replicas": 1},
    "fallbackHostDns": None,
}

maps = st.dictionaries(KEY_TEXT, plain_values, max_size=4)


def test_nothing_given_gives_the_defaults() -> None:
    assert coalesce({}, DEFAULTS) == DEFAULTS


def test_user_scalars_and_lists_replace_maps_merge() -> None:
    result = coalesce({"isolation": {"enabled": True}, "syncer": {"extraArgs": ["--b"]}}, DEFAULTS)
    assert result["isolation"]["enabled"] is True
    assert result["isolation"]["resourceQuota"] == DEFAULTS["isolation"]["resourceQuota"]
    assert result["syncer"] == {"extraArgs": ["--b"], "replicas": 1}


def test_user_null_deletes_a_nested_default() -> None:
    user = {"isolation": {"resourceQuota": {"quota": {"services.nodeports": None}}}}
    result = coalesce(user, DEFAULTS)
    assert result["isolation"]["resourceQuota"]["quota"] == {"count/pods": 20}


def test_nested_null_over_a_null_default_or_a_new_key_stays_null() -> None:
    result = coalesce({"isolation": {"namespace": None, "extra": None}}, DEFAULTS)
    assert "namespace" in result["isolation"]
    assert result["isolation"]["namespace"] is None
    assert result["isolation"]["extra"] is None


def test_top_level_null_deletes_any_chart_key_but_not_a_new_one() -> None:
    result = coalesce({"fallbackHostDns": None, "syncer": None, "mine": None}, DEFAULTS)
    assert "fallbackHostDns" not in result
    assert "syncer" not in result
    assert result["mine"] is None


def test_map_meeting_non_map_keeps_user_value_and_reports() -> None:
    conflicts: list[TypeConflict] = []
    user = {"isolation": {"resourceQuota": "off", "enabled": {"x": 1}}, "syncer": 3}
    result = coalesce(user, DEFAULTS, on_conflict=conflicts.append)
    assert result["isolation"]["resourceQuota"] == "off"
    assert result["isolation"]["enabled"] == {"x": 1}
    assert result["syncer"] == 3
    assert sorted(conflicts, key=lambda c: c.path) == [
        TypeConflict(("isolation", "enabled"), True, False),
        TypeConflict(("isolation", "resourceQuota"), False, DEFAULTS["isolation"]["resourceQuota"]),
        TypeConflict(("syncer",), False, DEFAULTS["syncer"]),
    ]


def test_inputs_are_not_mutated() -> None:
    user = {"isolation": {"resourceQuota": {"quota": {"count/pods": None}}}}
    snapshot = repr(user), repr(DEFAULTS)
    coalesce(user, DEFAULTS)
    assert (repr(user), repr(DEFAULTS)) == snapshot


def test_files_merge_later_wins_lists_replaced_nulls_kept() -> None:
    merged = merge_files(
        [
            {"a": {"x": 1, "l": [1, 2]}, "b": 1},
            {"a": {"y": 2, "l": [3]}, "b": {"m": 1}},
            {"a": {"x": None}},
        ]
    )
    assert merged == {"a": {"x": None, "l": [3], "y": 2}, "b": {"m": 1}}


@given(maps)
def test_property_coalescing_onto_nothing_keeps_user_non_null_values(user: dict[str, Any]) -> None:
    result = coalesce(user, {})
    assert result == user


@given(maps)
def test_property_defaults_plus_empty_is_defaults(defaults: dict[str, Any]) -> None:
    assert coalesce({}, defaults) == defaults


@given(maps, maps)
def test_property_user_non_null_scalars_win(user: dict[str, Any], defaults: dict[str, Any]) -> None:
    result = coalesce(user, defaults)
    for key, value in user.items():
        if value is not None and not isinstance(value, dict):
            assert result[key] == value


@given(maps, st.sampled_from(sorted(DEFAULTS)))
def test_property_user_null_deletes_a_top_level_default(user: dict[str, Any], key: str) -> None:
    user = {**user, key: None}
    assert key not in coalesce(user, DEFAULTS)


@given(st.lists(maps, min_size=1, max_size=4))
def test_property_later_file_wins(files: list[dict[str, Any]]) -> None:
    merged = merge_files(files)
    for key, value in files[-1].items():
        if not isinstance(value, dict):
            assert merged[key] == value


@given(maps, maps)
def test_property_coalesce_is_deterministic(user: dict[str, Any], defaults: dict[str, Any]) -> None:
    assert coalesce(user, defaults) == coalesce(user, defaults)


def test_deletions_are_reported_and_restored_as_nulls_for_output() -> None:
    from vcvalues.core.coalesce import with_deletions

    deleted: list[tuple[str | int, ...]] = []
    user = {"isolation": {"resourceQuota": {"quota": {"count/pods": None}}}, "fallbackHostDns": None}
    result = coalesce(user, DEFAULTS, on_delete=deleted.append)
    assert sorted(deleted) == [("fallbackHostDns",), ("isolation", "resourceQuota", "quota", "count/pods")]
    printed = with_deletions(result, deleted, DEFAULTS)
    assert printed["isolation"]["resourceQuota"]["quota"] == {"services.nodeports": 0, "count/pods": None}
    assert printed["fallbackHostDns"] is None
    # read back onto the defaults, the printed document gives the same effective values
    assert coalesce(printed, DEFAULTS) == result


@given(maps, maps)
def test_property_printed_effective_values_are_a_fixed_point(
    user: dict[str, Any], defaults: dict[str, Any]
) -> None:
    from vcvalues.core.coalesce import with_deletions

    deleted: list[tuple[str | int, ...]] = []
    result = coalesce(user, defaults, on_delete=deleted.append)
    assert coalesce(with_deletions(result, deleted, defaults), defaults) == result


def _nested(depth: int, leaf: Any) -> dict[str, Any]:
    value: Any = leaf
    for _ in range(depth):
        value = {"a": value}
    return value


def test_deep_nesting_merges_and_coalesces_without_recursion() -> None:
    # the reader accepts 512 levels (issue 15); coalescing must not be the limit, whatever the stack
    deep = 5000
    merged = merge_files([_nested(deep, 1), _nested(deep, None), _nested(deep, 2)])
    result = coalesce(merged, _nested(deep, 3), helm_major=4)
    node: Any = result
    for _ in range(deep):
        node = node["a"]
    assert node == 2


def test_helm_4_drops_the_null_defaults_the_user_did_not_set() -> None:
    helm3 = coalesce({"isolation": {"enabled": True}}, DEFAULTS, helm_major=3)
    helm4 = coalesce({"isolation": {"enabled": True}}, DEFAULTS, helm_major=4)
    assert helm3["isolation"]["namespace"] is None and helm3["fallbackHostDns"] is None
    assert "namespace" not in helm4["isolation"] and "fallbackHostDns" not in helm4
    assert {k: v for k, v in helm3["isolation"].items() if k != "namespace"} == helm4["isolation"]


def test_helm_4_keeps_a_null_the_user_set_over_a_null_default() -> None:
    result = coalesce({"isolation": {"namespace": None}}, DEFAULTS, helm_major=4)
    assert "namespace" in result["isolation"] and result["isolation"]["namespace"] is None


@given(user=maps)
def test_helm_majors_differ_only_by_null_defaults(user: dict[str, Any]) -> None:
    helm3 = coalesce(user, DEFAULTS, helm_major=3)
    helm4 = coalesce(user, DEFAULTS, helm_major=4)
    assert helm4 == _without_unset_nulls(helm3, user)


def _without_unset_nulls(value: Any, user: Any) -> Any:
    if not isinstance(value, dict):
        return value
    given_map = user if isinstance(user, dict) else {}
    return {
        k: _without_unset_nulls(v, given_map.get(k))
        for k, v in value.items()
        if not (v is None and k not in given_map)
    }
