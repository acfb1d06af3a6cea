"""The root model fitted to a chart: distro and version differences, untyped known keys, global/enabled."""

from __future__ import annotations

import pytest

from vcvalues.core.quantity import Quantity
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.chart import LEGACY_RELEASES, ChartRef, ChartVersion, Distro, resolve_chart
from vcvalues.legacy.model import (
    Component,
    CoreDNS,
    InvalidValuesError,
    SecurityContext,
    Syncer,
    Values,
    build_model,
    check_model,
    model_for,
)

K3S_19 = resolve_chart("0.19.10", "k3s")
K8S_19 = resolve_chart("0.19.10", "k8s")


def issues(values, ref):
    model, found = check_model(values, ref)
    assert model is None
    return [(issue.path, issue.message) for issue in found]


@pytest.mark.parametrize("distro", list(Distro))
@pytest.mark.parametrize("triple", LEGACY_RELEASES)
def test_every_chart_accepts_its_own_defaults(distro, triple):
    ref = ChartRef(distro, ChartVersion(*triple))
    model = build_model(chart_defaults(ref), ref)
    assert isinstance(model, Values)
    assert model_for(ref) is type(model)


def test_k3s_security_contexts_are_top_level_and_k8s_ones_under_syncer():
    k3s = build_model(
        {"securityContext": {"runAsUser": 0}, "podSecurityContext": {"fsGroup": 1}, "fsGroup": 2}, K3S_19
    )
    assert k3s.security_context == SecurityContext(runAsUser=0)  # type: ignore[call-arg]
    assert k3s.fs_group == 2
    assert k3s.syncer is None
    k8s = build_model({"syncer": {"securityContext": {"runAsNonRoot": True}}}, K8S_19)
    assert isinstance(k8s.syncer, Syncer)
    assert k8s.syncer.security_context == SecurityContext(runAsNonRoot=True)  # type: ignore[call-arg]
    assert issues({"syncer": {"securityContext": {}}}, K3S_19) == [
        (("syncer", "securityContext"), "syncer.securityContext: unknown key 'securityContext'")
    ]
    assert issues({"securityContext": {}, "fsGroup": 1}, K8S_19) == [
        (("securityContext",), "securityContext: unknown key 'securityContext'"),
        (("fsGroup",), "fsGroup: unknown key 'fsGroup'"),
    ]


def test_version_differences():
    # podSecurityContext (k3s) from 0.15.7, coredns.fallback from 0.19.0
    assert issues({"podSecurityContext": {}}, resolve_chart("0.15.6", "k3s")) == [
        (
            ("podSecurityContext",),
            "podSecurityContext: unknown key 'podSecurityContext' (did you mean 'securityContext'?)",
        )
    ]
    build_model({"podSecurityContext": {}}, resolve_chart("0.15.7", "k3s"))
    assert issues({"coredns": {"fallback": "1.1.1.1"}}, resolve_chart("0.18.1", "k0s")) == [
        (("coredns", "fallback"), "coredns.fallback: unknown key 'fallback'")
    ]
    model = build_model({"coredns": {"fallback": "1.1.1.1"}}, resolve_chart("0.19.0", "k0s"))
    assert isinstance(model.coredns, CoreDNS)
    assert model.coredns.fallback == "1.1.1.1"
    # k8s runs api/controller as Deployments with their own resources before 0.19.0
    old = build_model(
        {"api": {"resources": {"limits": {"cpu": 2}}, "replicas": 3}}, resolve_chart("0.18.1", "k8s")
    )
    assert isinstance(old.api, Component)
    assert old.api.replicas == 3
    assert old.api.resources is not None
    assert old.api.resources.limits == {"cpu": Quantity.parse("2")}
    assert issues({"api": {"replicas": 3}}, K8S_19) == [
        (("api", "replicas"), "api.replicas: unknown key 'replicas'")
    ]


def test_a_key_the_chart_sets_by_default_inside_a_kubernetes_object_is_accepted():
    # k8s/eks 0.19.2-0.19.3 default syncer.podSecurityContext.allowPrivilegeEscalation (not a pod field)
    odd = resolve_chart("0.19.3", "k8s")
    values = {"syncer": {"podSecurityContext": {"allowPrivilegeEscalation": False}}}
    build_model(values, odd)
    assert issues(values, resolve_chart("0.19.4", "k8s")) == [
        (
            ("syncer", "podSecurityContext", "allowPrivilegeEscalation"),
            "syncer.podSecurityContext.allowPrivilegeEscalation: unknown key 'allowPrivilegeEscalation'",
        )
    ]


def test_untyped_known_keys_keep_their_value_and_are_closed():
    model = build_model(
        {"syncer": {"image": "ghcr.io/loft-sh/vcluster:0.19.10", "env": [{"name": "A", "value": "1"}]}},
        K3S_19,
    )
    assert model.syncer is not None
    assert model.syncer.model_dump(by_alias=True, exclude_none=True) == {
        "image": "ghcr.io/loft-sh/vcluster:0.19.10",
        "env": [{"name": "A", "value": "1"}],
    }
    assert issues({"sync": {"generic": {"role": {"gpu": 1}}}}, K3S_19) == [
        (("sync", "generic", "role", "gpu"), "sync.generic.role.gpu: unknown key 'gpu'")
    ]
    assert issues({"monitoring": {"serviceMonitor": True}}, K3S_19) == [
        (("monitoring", "serviceMonitor"), "monitoring.serviceMonitor: expected a map, found true")
    ]
    assert issues({"plugin": ["a"]}, K3S_19) == [(("plugin",), "plugin: expected a map, found a list")]
    build_model({"plugin": {"my-plugin": {"image": "x", "anything": {"goes": 1}}}}, K3S_19)


def test_umbrella_keys_global_and_enabled():
    model = build_model({"global": {"domain": "example.com"}, "enabled": True}, K3S_19)
    assert model.global_ == {"domain": "example.com"}
    assert model.enabled is True
    assert issues({"enabled": "yes"}, K3S_19) == [(("enabled",), "enabled: expected a boolean, found 'yes'")]


def test_syncer_typed_fields():
    model = build_model(
        {
            "syncer": {
                "extraArgs": ["--service-account-token-secrets=true"],
                "replicas": 3.0,
                "resources": None,
            }
        },
        K3S_19,
    )
    assert model.syncer is not None
    assert model.syncer.extra_args == ["--service-account-token-secrets=true"]
    assert model.syncer.replicas == 3
    assert issues({"syncer": {"extraArgs": [1], "replicas": -1}}, K3S_19) == [
        (("syncer", "extraArgs", 0), "syncer.extraArgs[0]: expected a string, found 1"),
        (("syncer", "replicas"), "syncer.replicas: expected at least 0, found -1"),
    ]


def test_service_type_and_sync_switches():
    model = build_model(
        {"service": {"type": "LoadBalancer"}, "sync": {"nodes": {"nodeSelector": "a=b"}}}, K3S_19
    )
    assert model.service is not None
    assert model.service.type == "LoadBalancer"
    assert model.sync is not None
    assert model.sync.nodes is not None
    assert model.sync.nodes.node_selector == "a=b"
    assert issues(
        {"service": {"type": "Loadbalancer"}, "sync": {"networkpolicies": {"enabled": "true"}}}, K3S_19
    ) == [
        (
            ("service", "type"),
            "service.type: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, "
            "found 'Loadbalancer'",
        ),
        (
            ("sync", "networkpolicies", "enabled"),
            "sync.networkpolicies.enabled: expected a boolean, found 'true'",
        ),
    ]


def test_build_model_raises_with_every_issue():
    with pytest.raises(InvalidValuesError) as caught:
        build_model({"isolation": {"enabled": 1}, "replicas": "1"}, K3S_19)
    assert [issue.path for issue in caught.value.issues] == [("isolation", "enabled"), ("replicas",)]
    assert str(caught.value) == "isolation.enabled: expected a boolean, found 1 (and 1 more)"


def test_models_are_frozen():
    model = build_model({}, K3S_19)
    with pytest.raises(ValueError, match="frozen"):
        model.enabled = True  # type: ignore[misc]
