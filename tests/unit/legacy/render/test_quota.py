"""ResourceQuota details (templates/resourcequota.yaml, blob b19d89ff at v0.19.10)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.core.gofmt import GoInt64
from vcvalues.errors import UsageError
from vcvalues.legacy.render import RenderError, render_manifests
from vcvalues.legacy.render.quota import render_quota

REF = chart("0.19.10", "k3s")


def _quota(override: dict[str, Any]) -> dict[str, Any]:
    manifests = render_manifests(effective(REF, override), chart=REF, release=RELEASE, namespace=NAMESPACE)
    (quota,) = [m for m in manifests if m.kind == "ResourceQuota"]
    return quota.body


def _only_quota(quota: Any, **more: Any) -> dict[str, Any]:
    """Spec of a quota whose map is exactly ``quota`` (defaults removed with nulls first)."""
    defaults = effective(REF)["isolation"]["resourceQuota"]["quota"]
    cleared: dict[str, Any] = dict.fromkeys(defaults)
    body = _quota({"isolation": {"resourceQuota": {"quota": cleared}}})
    assert body["spec"] == {"hard": None}
    values = effective(REF)
    values["isolation"]["resourceQuota"]["quota"] = quota
    values["isolation"]["resourceQuota"].update(more)
    return render_quota_spec(values)


def render_quota_spec(values: dict[str, Any]) -> dict[str, Any]:
    manifests = render_manifests(values, chart=REF, release=RELEASE, namespace=NAMESPACE)
    return next(m.body["spec"] for m in manifests if m.kind == "ResourceQuota")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1000000, "1e+06"),  # a number from a values file is a float64: %v prints 1e+06
        (1000000.0, "1e+06"),
        (1234567, "1.234567e+06"),
        (123456, "123456"),
        (0.5, "0.5"),
        (GoInt64(1000000), "1000000"),  # --set keeps an int64, printed plainly
        (True, "true"),
        ("1e6", "1e6"),
        ("500m", "500m"),
        ([1, "a"], "[1 a]"),
        ({"b": 2, "a": 1}, "map[a:1 b:2]"),
        ("<no value>", ""),  # Helm blanks this text anywhere in the output
    ],
)
def test_values_render_as_quoted_go_text(value: Any, text: str) -> None:
    assert _only_quota({"count/pods": value}) == {"hard": {"count/pods": text}}


def test_hard_is_sorted_and_a_user_null_removes_a_default_entry() -> None:
    hard = _quota(
        {"isolation": {"resourceQuota": {"quota": {"services.nodeports": None, "a.custom/x": "1"}}}}
    )["spec"]["hard"]
    assert "services.nodeports" not in hard
    assert list(hard) == sorted(hard)
    assert hard["a.custom/x"] == "1"
    assert len(hard) == 15


def test_a_null_value_without_a_default_is_written_as_nothing() -> None:
    # `{{ $val | quote }}` skips nil, so the line is `key:` which reads as null
    assert _only_quota({"x": None, "pods": "1"}) == {"hard": {"pods": "1", "x": None}}
    # and a key `y` is a YAML 1.1 boolean: Kubernetes gets "true"
    assert _only_quota({"y": "1"}) == {"hard": {"true": "1"}}


@pytest.mark.parametrize("quota", [{}, None, []])
def test_empty_quota_gives_hard_null(quota: Any) -> None:
    assert _only_quota(quota) == {"hard": None}


def test_a_quota_list_ranges_with_index_keys() -> None:
    assert _only_quota(["1", "2"]) == {"hard": {"0": "1", "1": "2"}}


def test_keys_are_written_unquoted_and_read_back_by_yaml_rules() -> None:
    assert _only_quota({"yes": "1", "0x10": "2", "1e3": "3", "requests.nvidia.com/gpu": "4"}) == {
        "hard": {"16": "2", "1000": "3", "requests.nvidia.com/gpu": "4", "true": "1"}
    }


@pytest.mark.parametrize("key", ["a: b", "~", "[a]"])  # each fails in Helm v4.2.3 too
def test_keys_that_break_the_yaml_are_an_error(key: str) -> None:
    with pytest.raises(RenderError, match=r"YAML parse error on vcluster/templates/resourcequota\.yaml"):
        _only_quota({key: "1"})


def test_a_key_that_starts_a_comment_is_dropped_as_helm_drops_it() -> None:
    assert _only_quota({"#x": "1", "pods": "2"}) == {"hard": {"pods": "2"}}


def test_scope_selector_and_scopes_only_when_non_empty() -> None:
    expressions = [{"scopeName": "PriorityClass", "operator": "In", "values": ["high"]}]
    spec = _only_quota(
        {"pods": "1"}, scopeSelector={"matchExpressions": expressions}, scopes=["NotBestEffort"]
    )
    assert spec == {
        "hard": {"pods": "1"},
        # toYaml goes through encoding/json: keys sorted
        "scopeSelector": {
            "matchExpressions": [{"operator": "In", "scopeName": "PriorityClass", "values": ["high"]}]
        },
        "scopes": ["NotBestEffort"],
    }
    assert list(spec["scopeSelector"]["matchExpressions"][0]) == ["operator", "scopeName", "values"]
    assert _only_quota({"pods": "1"}, scopeSelector={"matchExpressions": [], "other": 1}, scopes=[]) == {
        "hard": {"pods": "1"}
    }


def test_scope_selector_that_is_a_map_lands_beside_match_expressions() -> None:
    # toYaml of a map at the indentation of `matchExpressions:` (as Helm v4.2.3 renders it)
    spec = _only_quota({"pods": "1"}, scopeSelector={"matchExpressions": {"a": "b"}})
    assert spec == {"hard": {"pods": "1"}, "scopeSelector": {"matchExpressions": None, "a": "b"}}


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (
            {"isolation": None},
            r"at <\.Values\.isolation\.enabled>: nil pointer evaluating interface \{\}\.enabled",
        ),
        (
            {"isolation": {"resourceQuota": {"scopeSelector": None}}},
            r"<\.Values\.isolation\.resourceQuota\.scopeSelector\.matchExpressions>: nil pointer evaluating "
            r"interface \{\}\.matchExpressions",
        ),
        (
            {"isolation": {"resourceQuota": "on"}},
            r"<\.Values\.isolation\.resourceQuota\.enabled>: can't evaluate field enabled in type string",
        ),
        (
            {"isolation": {"resourceQuota": {"quota": "lots"}}},
            r"<\.Values\.isolation\.resourceQuota\.quota>: range can't iterate over lots",
        ),
    ],
)
def test_values_helm_cannot_render_raise_render_error(override: dict[str, Any], message: str) -> None:
    with pytest.raises(RenderError, match=message) as caught:
        render_manifests(effective(REF, override), chart=REF, release=RELEASE, namespace=NAMESPACE)
    assert caught.value.exit_code == 1


def test_gate_short_circuits_like_go_and() -> None:
    # `and .Values.isolation.enabled .Values.isolation.resourceQuota.enabled` never reads the second
    values = effective(REF, {"isolation": {"resourceQuota": None}}, isolated=False)
    assert render_manifests(values, chart=REF, release=RELEASE, namespace=NAMESPACE) == []


def test_annotations_go_through_to_yaml() -> None:
    annotations = {"z": "1", "n": 1000000, "f": 0.5, "b": True, "nested": {"y": 1, "x": None}}
    metadata = _quota({"globalAnnotations": annotations})["metadata"]
    assert metadata["annotations"] == {
        "b": True,
        "f": 0.5,
        "n": 1000000,
        "nested": {"x": None, "y": 1},
        "z": "1",
    }
    assert list(metadata) == ["name", "namespace", "annotations"]
    assert list(metadata["annotations"]) == ["b", "f", "n", "nested", "z"]
    # NaN makes encoding/json fail, toYaml prints nothing: `annotations:` reads as null
    assert _quota({"globalAnnotations": {"a": math.nan}})["metadata"]["annotations"] is None
    assert "annotations" not in _quota({"globalAnnotations": {}})["metadata"]


def test_isolation_namespace_uses_sprig_default() -> None:
    assert _quota({"isolation": {"namespace": ""}})["metadata"]["namespace"] == NAMESPACE
    assert _quota({"isolation": {"namespace": 0}})["metadata"]["namespace"] == NAMESPACE
    assert _quota({"isolation": {"namespace": "tenants"}})["metadata"]["namespace"] == "tenants"


def test_release_name_is_checked_as_helm_does() -> None:
    values = effective(REF)
    with pytest.raises(UsageError, match="invalid release name"):
        render_manifests(values, chart=REF, release="My_VC", namespace=NAMESPACE)
    with pytest.raises(UsageError):
        render_manifests(values, chart=REF, release="a" * 54, namespace=NAMESPACE)


def test_render_quota_returns_none_when_off() -> None:
    from vcvalues.legacy.render._context import Context

    assert render_quota(Context(effective(REF, isolated=False), REF, RELEASE, NAMESPACE)) is None
