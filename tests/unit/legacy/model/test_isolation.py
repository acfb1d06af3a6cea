"""The isolation section: levels, quantities, quota scopes, egress ip block, closed keys."""

from __future__ import annotations

import pytest

from tests.unit.legacy.model._helpers import REFERENCE_FILES, reference
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.model import InvalidValuesError, build_model, check_model

K3S_19 = resolve_chart("0.19.10", "k3s")


@pytest.mark.parametrize("name", sorted(REFERENCE_FILES))
def test_reference_defaults_build(name):
    values, ref = reference(name)
    model = build_model(values, ref)
    isolation = model.isolation
    assert isolation is not None
    assert isolation.enabled is False
    assert isolation.namespace is None
    assert isolation.pod_security_standard == "baseline"
    assert isolation.resource_quota is not None
    assert isolation.resource_quota.quota is not None
    assert isolation.resource_quota.quota["requests.memory"] == Quantity.parse("20Gi")
    assert isolation.resource_quota.quota["count/pods"] == Quantity.parse("20")
    assert isolation.resource_quota.scope_selector is not None
    assert isolation.resource_quota.scope_selector.match_expressions is None
    assert isolation.limit_range is not None
    assert isolation.limit_range.default_request == {
        "ephemeral-storage": Quantity.parse("3Gi"),
        "memory": Quantity.parse("128Mi"),
        "cpu": Quantity.parse("100m"),
    }
    assert isolation.network_policy is not None
    assert isolation.network_policy.outgoing_connections is not None
    block = isolation.network_policy.outgoing_connections.ip_block
    assert block is not None
    assert block.cidr == "0.0.0.0/0"
    assert block.except_ == ["100.64.0.0/10", "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
    assert isolation.node_proxy_permission is not None
    assert isolation.node_proxy_permission.enabled is False


@pytest.mark.parametrize(
    ("isolation", "path", "message"),
    [
        (
            {"resourceQuotas": {}},
            ("isolation", "resourceQuotas"),
            "isolation.resourceQuotas: unknown key 'resourceQuotas' (did you mean 'resourceQuota'?)",
        ),
        (
            {"limitRange": {"default": {"memory": "512MB"}}},
            ("isolation", "limitRange", "default", "memory"),
            "isolation.limitRange.default.memory: expected a kubernetes quantity (such as 500m, 2Gi or 10), "
            "found '512MB': unknown suffix 'MB' (did you mean 'm', 'M' or 'Mi'?)",
        ),
        (
            {"podSecurityStandard": "strict"},
            ("isolation", "podSecurityStandard"),
            "isolation.podSecurityStandard: expected one of privileged, baseline, restricted, found 'strict'",
        ),
        (
            {"enabled": "false"},
            ("isolation", "enabled"),
            "isolation.enabled: expected a boolean, found 'false'",
        ),
        (
            {"resourceQuota": {"quota": {"requests.cpu": True}}},
            ("isolation", "resourceQuota", "quota", "requests.cpu"),
            "isolation.resourceQuota.quota[requests.cpu]: expected a string or a number, found true",
        ),
        (
            {"resourceQuota": {"scopeSelector": {"matchExpressions": [{"operator": "Exists"}]}}},
            ("isolation", "resourceQuota", "scopeSelector", "matchExpressions", 0, "scopeName"),
            "isolation.resourceQuota.scopeSelector.matchExpressions[0].scopeName: "
            "missing required key 'scopeName'",
        ),
        (
            {"networkPolicy": {"outgoingConnections": {"ipBlock": {"except": "10.0.0.0/8"}}}},
            ("isolation", "networkPolicy", "outgoingConnections", "ipBlock", "except"),
            "isolation.networkPolicy.outgoingConnections.ipBlock.except: expected a list, found '10.0.0.0/8'",
        ),
    ],
)
def test_isolation_mistakes_are_named_with_path_and_value(isolation, path, message):
    model, issues = check_model({"isolation": isolation}, K3S_19)
    assert model is None
    assert [(issue.path, issue.message) for issue in issues] == [(path, message)]


def test_quantities_accept_numbers_strings_and_null_entries():
    model = build_model(
        {"isolation": {"resourceQuota": {"quota": {"limits.cpu": 20, "requests.cpu": 0.5, "pods": None}}}},
        K3S_19,
    )
    assert model.isolation is not None
    assert model.isolation.resource_quota is not None
    assert model.isolation.resource_quota.quota == {
        "limits.cpu": Quantity.parse("20"),
        "requests.cpu": Quantity.parse("500m"),
        "pods": None,
    }


def test_scope_selector_and_scopes_are_typed():
    model = build_model(
        {
            "isolation": {
                "resourceQuota": {
                    "scopeSelector": {
                        "matchExpressions": [
                            {"scopeName": "PriorityClass", "operator": "In", "values": ["high"]}
                        ]
                    },
                    "scopes": ["NotTerminating"],
                }
            }
        },
        K3S_19,
    )
    assert model.isolation is not None
    quota = model.isolation.resource_quota
    assert quota is not None
    assert quota.scopes == ["NotTerminating"]
    assert quota.scope_selector is not None
    assert quota.scope_selector.match_expressions is not None
    requirement = quota.scope_selector.match_expressions[0]
    assert (requirement.scope_name, requirement.operator, requirement.values) == (
        "PriorityClass",
        "In",
        ["high"],
    )


def test_node_proxy_permission_only_from_0_15_1():
    values = {"isolation": {"nodeProxyPermission": {"enabled": True}}}
    assert build_model(values, resolve_chart("0.15.1", "k8s")).isolation is not None
    with pytest.raises(InvalidValuesError) as caught:
        build_model(values, resolve_chart("0.15.0", "k8s"))
    assert [(i.path, i.message) for i in caught.value.issues] == [
        (
            ("isolation", "nodeProxyPermission"),
            "isolation.nodeProxyPermission: unknown key 'nodeProxyPermission'",
        )
    ]
    assert caught.value.exit_code == 1
    assert str(caught.value) == "isolation.nodeProxyPermission: unknown key 'nodeProxyPermission'"
