"""LimitRange (limitrange.yaml ed219d06) and NetworkPolicy (networkpolicy.yaml e40d6335) details, v0.19.10."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.legacy.render import Manifest, RenderError, render_manifests

REF = chart("0.19.10", "k3s")


def _render(
    override: dict[str, Any], *, release: str = RELEASE, namespace: str = NAMESPACE
) -> list[Manifest]:
    return render_manifests(effective(REF, override), chart=REF, release=release, namespace=namespace)


def _limits(override: dict[str, Any]) -> list[dict[str, Any]]:
    (limit_range,) = [m for m in _render(override) if m.kind == "LimitRange"]
    limits: list[dict[str, Any]] = limit_range.body["spec"]["limits"]
    return limits


def _ip_block(override: dict[str, Any]) -> dict[str, Any]:
    workloads = _render(override)[0]
    assert workloads.name == f"{RELEASE}-workloads"
    block: dict[str, Any] = workloads.body["spec"]["egress"][2]["to"][1]["ipBlock"]
    return block


def test_limit_range_empty_maps_render_null() -> None:
    # an empty map cannot come from coalescing onto the defaults ({} merges), so set it directly
    values = effective(REF, {"isolation": {"limitRange": {"defaultRequest": None}}})
    values["isolation"]["limitRange"]["default"] = {}
    limit_range = render_manifests(values, chart=REF, release=RELEASE, namespace=NAMESPACE)[3]
    assert limit_range.body["spec"]["limits"] == [
        {"default": None, "defaultRequest": None, "type": "Container"}
    ]


def test_limit_range_values_sorted_and_quoted() -> None:
    override = {"isolation": {"limitRange": {"default": {"memory": 1073741824, "cpu": 2}}}}
    assert _limits(override)[0]["default"] == {
        "cpu": "2",
        "ephemeral-storage": "8Gi",
        "memory": "1.073741824e+09",
    }


def test_ip_block_except_empty_or_null_renders_null() -> None:
    excepts: tuple[list[str] | None, ...] = ([], None)
    for excepted in excepts:
        block: dict[str, Any] = {
            "isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": {"except": excepted}}}}
        }
        assert _ip_block(block) == {"cidr": "0.0.0.0/0", "except": None}


def test_ip_block_values_are_written_unquoted() -> None:
    ip_block = {"cidr": " 10.0.0.0/8 ", "except": ["10.1.0.0/16", None, 7]}
    # plain scalars: spaces are stripped, nil prints nothing (null), a float64 7 prints 7 and reads as an int
    assert _ip_block({"isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": ip_block}}}}) == {
        "cidr": "10.0.0.0/8",
        "except": ["10.1.0.0/16", None, 7],
    }
    missing = {"isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": {"cidr": None}}}}}
    assert _ip_block(missing)["cidr"] is None


@pytest.mark.parametrize(
    ("cidr", "read"), [("10.0.0.0/8 # office", "10.0.0.0/8"), ("[10.0.0.0/8]", ["10.0.0.0/8"])]
)
def test_ip_block_cidr_reads_as_helm_reads_the_text(cidr: str, read: object) -> None:
    # checked against Helm v4.2.3: the comment is dropped, the flow sequence is a list
    block = _ip_block({"isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": {"cidr": cidr}}}}})
    assert block["cidr"] == read


@pytest.mark.parametrize(
    ("cidr", "reason"),
    [("a: b", "mapping values are not allowed"), ("*x", "alias \\*x has no anchor")],
)
def test_ip_block_cidr_that_breaks_the_yaml_fails_as_helm_fails(cidr: str, reason: str) -> None:
    # Helm: "YAML parse error on vcluster/templates/networkpolicy.yaml: error converting YAML to JSON"
    with pytest.raises(
        RenderError, match=rf"YAML parse error on vcluster/templates/networkpolicy\.yaml: .*{reason}"
    ):
        _ip_block({"isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": {"cidr": cidr}}}}})


def test_release_name_goes_unquoted_into_labels() -> None:
    # a valid Helm release name that YAML 1.1 reads as a number: the label value is no longer a string
    workloads, control_plane, *_ = _render({}, release="1e3")
    assert workloads.body["spec"]["podSelector"] == {"matchLabels": {"vcluster.loft.sh/managed-by": 1000}}
    assert control_plane.body["spec"]["podSelector"] == {"matchLabels": {"release": 1000}}
    assert control_plane.name == "1e3-control-plane"


def test_control_plane_policy_in_release_namespace() -> None:
    manifests = _render({"isolation": {"namespace": "tenants"}}, namespace="ops")
    assert [(m.kind, m.name, m.namespace) for m in manifests] == [
        ("NetworkPolicy", "my-vc-workloads", "tenants"),
        ("NetworkPolicy", "my-vc-control-plane", "ops"),
        ("ResourceQuota", "my-vc-quota", "tenants"),
        ("LimitRange", "my-vc-limit-range", "tenants"),
    ]


def test_manifest_bodies_share_no_objects() -> None:
    first, second, *_ = _render({})
    first.body["spec"]["podSelector"]["matchLabels"]["x"] = "y"
    assert "x" not in first.body["spec"]["egress"][2]["to"][0]["podSelector"]["matchLabels"]
    assert "x" not in second.body["spec"]["podSelector"]["matchLabels"]
