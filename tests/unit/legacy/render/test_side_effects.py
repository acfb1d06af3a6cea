"""Side effects (DESIGN §7): syncer.yaml / statefulset.yaml, coredns.yaml + corefile, clusterrole.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.core.gofmt import GoInt64
from vcvalues.legacy.render import SideEffects, render_side_effects

FLAG = "--enforce-pod-security-standard"


def _effects(
    version: str, distro: str, override: dict[str, Any] | None = None, *, isolated: bool = True
) -> SideEffects:
    ref = chart(version, distro)
    return render_side_effects(
        effective(ref, override, isolated=isolated), chart=ref, release=RELEASE, namespace=NAMESPACE
    )


@pytest.mark.parametrize("version", ["0.19.10", "0.15.7"])
@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s", "eks"])
def test_isolated_defaults(distro: str, version: str) -> None:
    assert _effects(version, distro) == SideEffects(
        syncer_args=(f"{FLAG}=baseline",),
        pod_security_standard="baseline",
        coredns_forward=("/etc/resolv.conf", "8.8.8.8"),
        coredns_forward_policy="sequential",
        coredns_seccomp_profile="RuntimeDefault",
        cluster_role_node_proxy=False,
    )


@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s", "eks"])
def test_defaults_without_isolation(distro: str) -> None:
    assert _effects("0.19.10", distro, isolated=False).to_dict() == {
        "syncerArgs": [],
        "podSecurityStandard": None,
        "corednsForward": ["/etc/resolv.conf"],
        "corednsForwardPolicy": None,
        "corednsSeccompProfile": None,
        "clusterRoleNodeProxy": False,
    }


def test_user_extra_args_come_after_the_flag_and_win() -> None:
    extra = ["--sync=-ingresses", f"{FLAG}=privileged", GoInt64(5), 1000000, True, None]
    effects = _effects(
        "0.19.10", "k3s", {"isolation": {"podSecurityStandard": "restricted"}, "syncer": {"extraArgs": extra}}
    )
    # each extra arg is `{{ $f | quote }}`: Go text, nil skipped by quote (the item reads as null)
    assert effects.syncer_args == (
        f"{FLAG}=restricted",
        "--sync=-ingresses",
        f"{FLAG}=privileged",
        "5",
        "1e+06",
        "true",
        None,
    )
    assert effects.pod_security_standard == "privileged"
    two_args = _effects("0.19.10", "k8s", {"syncer": {"extraArgs": [FLAG, "restricted"]}})
    assert two_args.pod_security_standard == "restricted"


def test_no_syncer_container() -> None:
    assert _effects("0.19.10", "k3s", {"headless": True}).syncer_args is None
    assert _effects("0.19.10", "k0s", {"syncer": {"disabled": True}}).syncer_args is None
    # charts/k8s and charts/eks have no syncer.disabled
    assert _effects("0.19.10", "eks", {"syncer": {"disabled": True}}).syncer_args == (f"{FLAG}=baseline",)
    # headless arrived in 0.15.1
    assert _effects("0.15.0", "k3s", {"headless": True}).syncer_args == (f"{FLAG}=baseline",)


def test_no_args_before_0_19_replaces_chart_args_with_to_yaml() -> None:
    override = {"syncer": {"noArgs": True, "extraArgs": ["--a", 5]}}
    assert _effects("0.18.1", "k3s", override).syncer_args == ("--a", 5)
    assert _effects("0.18.1", "k3s", override).pod_security_standard is None
    assert _effects("0.19.0", "k3s", override).syncer_args == (f"{FLAG}=baseline", "--a", "5")


def test_coredns_forward_target() -> None:
    assert _effects("0.19.10", "k3s", {"coredns": {"fallback": "1.1.1.1"}}).coredns_forward == (
        "/etc/resolv.conf",
        "1.1.1.1",
    )
    # before 0.19.0 the fallback is the literal 8.8.8.8
    assert _effects("0.18.1", "k3s", {"coredns": {"fallback": "1.1.1.1"}}).coredns_forward == (
        "/etc/resolv.conf",
        "8.8.8.8",
    )
    host = _effects("0.19.10", "k3s", {"fallbackHostDns": True})
    assert (host.coredns_forward, host.coredns_forward_policy) == (("{{.HOST_CLUSTER_DNS}}",), None)
    no_policy = _effects("0.19.10", "k3s", {"isolation": {"networkPolicy": {"enabled": False}}})
    assert (no_policy.coredns_forward, no_policy.coredns_seccomp_profile) == (
        ("/etc/resolv.conf",),
        "RuntimeDefault",
    )


def test_coredns_replaced_or_off() -> None:
    custom = _effects("0.19.10", "k8s", {"coredns": {"config": ".:1053 {}"}})
    assert (custom.coredns_forward, custom.coredns_seccomp_profile) == (None, "RuntimeDefault")
    manifests = _effects("0.19.10", "k8s", {"coredns": {"manifests": "apiVersion: v1"}})
    assert (manifests.coredns_forward, manifests.coredns_seccomp_profile) == (None, None)
    off = _effects("0.19.10", "k0s", {"coredns": {"enabled": False}})
    assert (off.coredns_forward, off.coredns_seccomp_profile) == (None, None)
    # eks before 0.15.3 has no coredns.enabled gate and ignores coredns.config
    old_eks = _effects("0.15.1", "eks", {"coredns": {"enabled": False, "config": "x"}})
    assert (old_eks.coredns_forward, old_eks.coredns_seccomp_profile) == (
        ("/etc/resolv.conf", "8.8.8.8"),
        "RuntimeDefault",
    )


def test_integrated_coredns() -> None:
    pro = _effects("0.19.10", "k3s", {"pro": True, "coredns": {"integrated": True}})
    assert (pro.coredns_forward, pro.coredns_seccomp_profile) == (("/etc/resolv.conf", "8.8.8.8"), None)
    assert _effects("0.19.10", "k3s", {"coredns": {"integrated": True}}).coredns_forward is None


@pytest.mark.parametrize(
    ("version", "override", "isolated", "node_proxy"),
    [
        ("0.19.10", {"sync": {"nodes": {"enabled": True}}}, True, False),
        (
            "0.19.10",
            {"sync": {"nodes": {"enabled": True}}, "isolation": {"nodeProxyPermission": {"enabled": True}}},
            True,
            True,
        ),
        ("0.19.10", {"sync": {"nodes": {"enabled": True}}}, False, True),
        ("0.19.10", {"rbac": {"clusterRole": {"create": True}}}, False, False),
        ("0.18.1", {"rbac": {"clusterRole": {"create": True}}}, False, True),
        ("0.18.1", {"rbac": {"clusterRole": {"create": True}}}, True, False),
        # 0.15.0 grants nodes/proxy with node sync whatever isolation says
        ("0.15.0", {"sync": {"nodes": {"enabled": True}}}, True, True),
        ("0.15.1", {"sync": {"nodes": {"enabled": True}}}, True, False),
    ],
)
def test_cluster_role_node_proxy(
    version: str, override: dict[str, Any], isolated: bool, node_proxy: bool
) -> None:
    assert _effects(version, "k3s", override, isolated=isolated).cluster_role_node_proxy is node_proxy
