"""What isolated mode changes outside the four host objects (DESIGN §7), as the chart derives it.

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster, charts k3s/k8s/k0s/eks:
- syncer args (``statefulset.yaml`` / ``syncer-deployment.yaml``, ``syncer.yaml`` from 0.19.0): the
  container exists unless ``headless`` (from 0.15.1) or ``syncer.disabled`` (k3s, k0s); before 0.19.0
  ``syncer.noArgs`` replaces every chart arg with ``toYaml syncer.extraArgs``; otherwise
  ``--enforce-pod-security-standard=<level>`` comes when isolation is on, and ``syncer.extraArgs``
  (each ``| quote``) come after it, every version and distro.
- CoreDNS Corefile (in ``coredns.yaml``; ``_helpers.tpl`` from 0.15.3; ``_coredns.tpl`` from 0.19.0):
  ``forward . {{.HOST_CLUSTER_DNS}}`` with ``fallbackHostDns``, else
  ``forward . /etc/resolv.conf 8.8.8.8 { policy sequential }`` (``coredns.fallback`` from 0.19.0) when
  isolation and the network policy are on, else ``forward . /etc/resolv.conf``; the CoreDNS pod gets
  ``seccompProfile: RuntimeDefault`` when isolation is on.
- ClusterRole (``rbac/clusterrole.yaml``): ``nodes/proxy`` with ``sync.nodes.enabled`` or
  ``rbac.clusterRole.create`` (0.15.0 - 0.18.x; only ``sync.nodes.enabled`` from 0.19.0), and from 0.15.1
  only if isolation is off or ``isolation.nodeProxyPermission.enabled``.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core._record import record
from vcvalues.core.gofmt import strval
from vcvalues.legacy.chart import Distro
from vcvalues.legacy.render._context import Context
from vcvalues.legacy.render._gotmpl import NO_VALUE, printed, range_items, to_yaml_value, truthy

__all__ = ["ENFORCE_FLAG", "SideEffects", "render_side_effects"]

ENFORCE_FLAG = "--enforce-pod-security-standard"
_SYNCER = "syncer.yaml"
_COREDNS = "coredns.yaml"
_CLUSTER_ROLE = "rbac/clusterrole.yaml"


@record
class SideEffects:
    """Derived settings outside the host objects.

    Attributes:
        syncer_args: the enforce flag (when the chart adds it) followed by ``syncer.extraArgs`` as the
            chart passes them; the chart's other args are left out. None when there is no syncer container.
        pod_security_standard: the level the syncer enforces: the value of the last
            ``--enforce-pod-security-standard`` in ``syncer_args`` (a user copy wins), or None.
        coredns_forward: targets of the Corefile's ``forward .`` line, or None when the chart renders no
            Corefile of its own (CoreDNS off, ``coredns.manifests`` or ``coredns.config`` replace it).
        coredns_forward_policy: ``sequential`` when the forward block sets a policy.
        coredns_seccomp_profile: ``RuntimeDefault`` when the chart's CoreDNS pod gets that profile.
        cluster_role_node_proxy: the ClusterRole grants ``nodes/proxy``.
    """

    syncer_args: tuple[Any, ...] | None
    pod_security_standard: str | None
    coredns_forward: tuple[str, ...] | None
    coredns_forward_policy: str | None
    coredns_seccomp_profile: str | None
    cluster_role_node_proxy: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain data with camelCase keys, for YAML output."""
        return {
            "syncerArgs": None if self.syncer_args is None else list(self.syncer_args),
            "podSecurityStandard": self.pod_security_standard,
            "corednsForward": None if self.coredns_forward is None else list(self.coredns_forward),
            "corednsForwardPolicy": self.coredns_forward_policy,
            "corednsSeccompProfile": self.coredns_seccomp_profile,
            "clusterRoleNodeProxy": self.cluster_role_node_proxy,
        }


def _syncer_args(ctx: Context) -> tuple[Any, ...] | None:
    if ctx.since("0.15.1") and truthy(ctx.get(_SYNCER, "headless")):
        return None
    if ctx.chart.distro in (Distro.K3S, Distro.K0S) and truthy(ctx.get(_SYNCER, "syncer", "disabled")):
        return None
    extra = ctx.get(_SYNCER, "syncer", "extraArgs")
    if not ctx.since("0.19.0") and truthy(ctx.get(_SYNCER, "syncer", "noArgs")):
        as_yaml = to_yaml_value(extra)
        return tuple(as_yaml) if isinstance(as_yaml, list) else (() if as_yaml is None else (as_yaml,))
    args: list[Any] = []
    if truthy(ctx.get(_SYNCER, "isolation", "enabled")):
        level = printed(ctx.get(_SYNCER, "isolation", "podSecurityStandard"))
        args.append(ctx.plain(_SYNCER, f"{ENFORCE_FLAG}={level}"))
    source = ctx.source(_SYNCER)
    for _, arg in range_items(extra, template=source, expression=".Values.syncer.extraArgs"):
        args.append(None if arg is None else strval(arg).replace(NO_VALUE, ""))
    return tuple(args)


def _enforced_level(args: tuple[Any, ...] | None) -> str | None:
    level: str | None = None
    for index, arg in enumerate(args or ()):
        if not isinstance(arg, str):
            continue
        if arg.startswith(f"{ENFORCE_FLAG}="):
            level = arg.split("=", 1)[1]
        elif arg == ENFORCE_FLAG and index + 1 < len(args or ()):
            following = (args or ())[index + 1]
            level = following if isinstance(following, str) else level
    return level


def _corefile_rendered(ctx: Context) -> tuple[bool, bool]:
    """(the chart renders its own Corefile, that Corefile belongs to the chart's CoreDNS Deployment)."""
    integrated = ctx.since("0.16.0") and truthy(ctx.get(_COREDNS, "coredns", "integrated"))
    if integrated:
        return truthy(ctx.get(_COREDNS, "pro")), False
    if ctx.since("0.15.1") and truthy(ctx.get(_COREDNS, "headless")):
        return False, False
    gated = ctx.chart.distro is not Distro.EKS or ctx.since("0.15.3")
    if gated and not truthy(ctx.get(_COREDNS, "coredns", "enabled")):
        return False, False
    if truthy(ctx.get(_COREDNS, "coredns", "manifests")):
        return False, False
    return True, True


def _coredns(ctx: Context) -> tuple[tuple[str, ...] | None, str | None, str | None]:
    corefile, deployment = _corefile_rendered(ctx)
    seccomp = "RuntimeDefault" if deployment and truthy(ctx.get(_COREDNS, "isolation", "enabled")) else None
    custom_config = ctx.chart.distro is not Distro.EKS or ctx.since("0.15.3")
    if not corefile or (custom_config and truthy(ctx.get(_COREDNS, "coredns", "config"))):
        return None, None, seccomp
    if truthy(ctx.get(_COREDNS, "fallbackHostDns")):
        return ("{{.HOST_CLUSTER_DNS}}",), None, seccomp
    if ctx.both(_COREDNS, ("isolation", "enabled"), ("isolation", "networkPolicy", "enabled")):
        fallback = printed(ctx.get(_COREDNS, "coredns", "fallback")) if ctx.since("0.19.0") else "8.8.8.8"
        return ("/etc/resolv.conf", *fallback.split()), "sequential", seccomp
    return ("/etc/resolv.conf",), None, seccomp


def _node_proxy(ctx: Context) -> bool:
    syncs_nodes = truthy(ctx.get(_CLUSTER_ROLE, "sync", "nodes", "enabled"))
    if not ctx.since("0.19.0"):
        syncs_nodes = syncs_nodes or truthy(ctx.get(_CLUSTER_ROLE, "rbac", "clusterRole", "create"))
    if not syncs_nodes or not ctx.since("0.15.1"):
        return syncs_nodes
    isolated = truthy(ctx.get(_CLUSTER_ROLE, "isolation", "enabled"))
    return not isolated or truthy(ctx.get(_CLUSTER_ROLE, "isolation", "nodeProxyPermission", "enabled"))


def render_side_effects(ctx: Context) -> SideEffects:
    """The side effects of these values on this chart."""
    args = _syncer_args(ctx)
    forward, policy, seccomp = _coredns(ctx)
    return SideEffects(
        syncer_args=args,
        pod_security_standard=_enforced_level(args),
        coredns_forward=forward,
        coredns_forward_policy=policy,
        coredns_seccomp_profile=seccomp,
        cluster_role_node_proxy=_node_proxy(ctx),
    )
