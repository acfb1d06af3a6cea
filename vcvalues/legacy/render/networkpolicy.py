"""The two NetworkPolicies of ``templates/networkpolicy.yaml``.

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster. Three texts exist, differing only in where the
``globalAnnotations`` block sits: k3s (all tags) annotates the workloads policy only; k8s and eks from
0.15.1 annotate both policies; k0s (all tags) and k8s/eks 0.15.0 annotate neither. The control-plane
policy always lives in the release namespace, never in ``isolation.namespace``. The lines below are the
template's (its comments left out), with its mixed list indentation.
"""

from __future__ import annotations

from vcvalues.legacy.chart import Distro
from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._gotmpl import range_items
from vcvalues.legacy.render._text import shown

__all__ = ["TEMPLATE", "render_network_policies"]

TEMPLATE = "networkpolicy.yaml"
_POLICY = ("isolation", "networkPolicy")
_IP_BLOCK = (*_POLICY, "outgoingConnections", "ipBlock")
_API_VERSION = "apiVersion: networking.k8s.io/v1"
_KIND = "kind: NetworkPolicy"


def _annotated(ctx: Context) -> tuple[bool, bool]:
    """(workloads policy annotated, control-plane policy annotated) for this chart."""
    if ctx.chart.distro is Distro.K3S:
        return True, False
    if ctx.chart.distro in (Distro.K8S, Distro.EKS) and ctx.since("0.15.1"):
        return True, True
    return False, False


def _workloads(ctx: Context, *, annotated: bool) -> list[str]:
    release = ctx.release
    namespace = ctx.namespace_text(TEMPLATE)
    lines = [
        _API_VERSION,
        _KIND,
        *ctx.metadata_lines(TEMPLATE, f"  name: {release}-workloads", namespace, annotated=annotated),
        "spec:",
        "  podSelector:",
        "    matchLabels:",
        f"      vcluster.loft.sh/managed-by: {release}",
        "  egress:",
        "    - ports:",
        "        - port: 443",
        "        - port: 8443",
        "      to:",
        "        - podSelector:",
        "            matchLabels:",
        f"              release: {release}",
        "    - ports:",
        "      - port: 53",
        "        protocol: UDP",
        "      - port: 53",
        "        protocol: TCP",
        "    - to:",
        "        - podSelector:",
        "            matchLabels:",
        f"              vcluster.loft.sh/managed-by: {release}",
        "        - ipBlock:",
        f"            cidr: {shown(ctx.get(TEMPLATE, *_IP_BLOCK, 'cidr'))}",
        "            except:",
    ]
    excepted = range_items(
        ctx.get(TEMPLATE, *_IP_BLOCK, "except"),
        template=ctx.source(TEMPLATE),
        expression=".Values.isolation.networkPolicy.outgoingConnections.ipBlock.except",
    )
    lines += [f"              - {shown(item)}" for _, item in excepted]
    return [*lines, "  policyTypes:", "    - Egress"]


def _control_plane(ctx: Context, *, annotated: bool) -> list[str]:
    release = ctx.release
    return [
        _API_VERSION,
        _KIND,
        *ctx.metadata_lines(TEMPLATE, f"  name: {release}-control-plane", ctx.namespace, annotated=annotated),
        "spec:",
        "  podSelector:",
        "    matchLabels:",
        f"      release: {release}",
        "  egress:",
        "    - ports:",
        "        - port: 443",
        "        - port: 8443",
        "        - port: 6443",
        "    - to:",
        "        - podSelector: {}",
        "        - namespaceSelector:",
        "            matchLabels:",
        "              kubernetes.io/metadata.name: 'kube-system'",
        "          podSelector:",
        "            matchLabels:",
        "              k8s-app: kube-dns",
        "  policyTypes:",
        "    - Egress",
    ]


def render_network_policies(ctx: Context) -> list[Manifest]:
    """``<release>-workloads`` (in the target namespace) then ``<release>-control-plane``, or none."""
    if not ctx.both(TEMPLATE, ("isolation", "enabled"), (*_POLICY, "enabled")):
        return []
    workloads_annotated, control_plane_annotated = _annotated(ctx)
    return ctx.manifests(
        TEMPLATE,
        [
            _workloads(ctx, annotated=workloads_annotated),
            _control_plane(ctx, annotated=control_plane_annotated),
        ],
    )
