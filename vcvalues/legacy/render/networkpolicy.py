"""The two NetworkPolicies of ``templates/networkpolicy.yaml``.

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster. Three texts exist, differing only in where the
``globalAnnotations`` block sits: k3s (all tags) annotates the workloads policy only; k8s and eks from
0.15.1 annotate both policies; k0s (all tags) and k8s/eks 0.15.0 annotate neither. The control-plane
policy always lives in the release namespace, never in ``isolation.namespace``.
"""

from __future__ import annotations

from typing import Any

from vcvalues.legacy.chart import Distro
from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._gotmpl import printed, range_items

__all__ = ["TEMPLATE", "render_network_policies"]

TEMPLATE = "networkpolicy.yaml"
_POLICY = ("isolation", "networkPolicy")
_IP_BLOCK = (*_POLICY, "outgoingConnections", "ipBlock")
_API_VERSION = "networking.k8s.io/v1"


def _annotated(ctx: Context) -> tuple[bool, bool]:
    """(workloads policy annotated, control-plane policy annotated) for this chart."""
    if ctx.chart.distro is Distro.K3S:
        return True, False
    if ctx.chart.distro in (Distro.K8S, Distro.EKS) and ctx.since("0.15.1"):
        return True, True
    return False, False


def _ip_block(ctx: Context) -> dict[str, Any]:
    cidr = ctx.get(TEMPLATE, *_IP_BLOCK, "cidr")
    excepted = [
        ctx.plain(TEMPLATE, printed(item))
        for _, item in range_items(
            ctx.get(TEMPLATE, *_IP_BLOCK, "except"),
            template=ctx.source(TEMPLATE),
            expression=".Values.isolation.networkPolicy.outgoingConnections.ipBlock.except",
        )
    ]
    return {"cidr": ctx.plain(TEMPLATE, printed(cidr)), "except": excepted or None}


def _managed_by(release: object) -> dict[str, Any]:
    return {"matchLabels": {"vcluster.loft.sh/managed-by": release}}


def _workloads(ctx: Context, release: object, *, annotated: bool) -> dict[str, Any]:
    metadata = ctx.metadata(
        TEMPLATE, f"{ctx.release}-workloads", ctx.target_namespace(TEMPLATE), annotated=annotated
    )
    egress: list[dict[str, Any]] = [
        # outgoing connections to the vcluster control plane
        {
            "ports": [{"port": 443}, {"port": 8443}],
            "to": [{"podSelector": {"matchLabels": {"release": release}}}],
        },
        # outgoing connections to the DNS server
        {"ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}]},
        # outgoing connections to the internet or other vcluster workloads
        {"to": [{"podSelector": _managed_by(release)}, {"ipBlock": _ip_block(ctx)}]},
    ]
    spec = {"podSelector": _managed_by(release), "egress": egress, "policyTypes": ["Egress"]}
    return {"apiVersion": _API_VERSION, "kind": "NetworkPolicy", "metadata": metadata, "spec": spec}


def _control_plane(ctx: Context, release: object, *, annotated: bool) -> dict[str, Any]:
    namespace = ctx.plain(TEMPLATE, ctx.namespace)
    metadata = ctx.metadata(TEMPLATE, f"{ctx.release}-control-plane", namespace, annotated=annotated)
    egress: list[dict[str, Any]] = [
        # host Kubernetes access: any pod on 443, 8443 or 6443
        {"ports": [{"port": 443}, {"port": 8443}, {"port": 6443}]},
        # vcluster workloads, or the kube-system DNS server
        {
            "to": [
                {"podSelector": {}},
                {
                    "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
                    "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
                },
            ]
        },
    ]
    spec = {"podSelector": {"matchLabels": {"release": release}}, "egress": egress, "policyTypes": ["Egress"]}
    return {"apiVersion": _API_VERSION, "kind": "NetworkPolicy", "metadata": metadata, "spec": spec}


def render_network_policies(ctx: Context) -> list[Manifest]:
    """``<release>-workloads`` (in the target namespace) then ``<release>-control-plane``, or none."""
    if not ctx.both(TEMPLATE, ("isolation", "enabled"), (*_POLICY, "enabled")):
        return []
    release = ctx.plain(TEMPLATE, ctx.release)
    workloads_annotated, control_plane_annotated = _annotated(ctx)
    source = ctx.source(TEMPLATE)
    return [
        Manifest(source, _workloads(ctx, release, annotated=workloads_annotated)),
        Manifest(source, _control_plane(ctx, release, annotated=control_plane_annotated)),
    ]
