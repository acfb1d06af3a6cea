"""``templates/networkpolicy.yaml`` of 0.20.0-0.30.5: two egress-only policies (MODERN §2.5, M20-M29).

``vc-work-R`` goes to ``experimental.syncSettings.targetNamespace`` when set (until 0.28), ``vc-cp-R``
always to the release namespace. 0.22.0-0.22.1 select ``k8s-app: vcluster-kube-dns`` as host DNS (reverted
in 0.22.2, PR #2393); 0.25.0+ appends ``extraWorkloadRules`` / ``extraControlPlaneRules``.
"""

from __future__ import annotations

from vcvalues.core.gotmpl import printed, range_items, truthy
from vcvalues.modern.render._context import Context, indent
from vcvalues.modern.render._goyaml import to_yaml

__all__ = ["TEMPLATE", "render_egress_policies"]

TEMPLATE = "networkpolicy.yaml"
_HEAD = ["apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy"]
_TAIL = ["  policyTypes:", "    - Egress"]


def _policy(ctx: Context, *path: str) -> object:
    return ctx.get(TEMPLATE, "policies", "networkPolicy", *path)


def _extra(ctx: Context, key: str) -> list[str]:
    if not ctx.since("0.25.0"):
        return []
    rules = _policy(ctx, key)
    return indent(to_yaml(rules), 4) if truthy(rules) else []


def _work(ctx: Context) -> list[str]:
    release = ctx.release
    namespace = ctx.target_namespace(TEMPLATE)
    lines = [*_HEAD, *ctx.quoted_metadata(TEMPLATE, "networkPolicy", f"vc-work-{release}", namespace)]
    lines += [
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
        "        - port: 53",
        "          protocol: UDP",
        "        - port: 53",
        "          protocol: TCP",
        "    - to:",
        "      - podSelector:",
        "          matchLabels:",
        f"            vcluster.loft.sh/managed-by: {release}",
        "      - ipBlock:",
        f"          cidr: {printed(_policy(ctx, 'outgoingConnections', 'ipBlock', 'cidr'))}",
        "          except:",
    ]
    excepts = _policy(ctx, "outgoingConnections", "ipBlock", "except")
    lines += [f"            - {printed(item)}" for item in _ranged(ctx, excepts)]
    return [*lines, *_extra(ctx, "extraWorkloadRules"), *_TAIL]


def _ranged(ctx: Context, value: object) -> list[object]:
    where = ".Values.policies.networkPolicy.outgoingConnections.ipBlock.except"
    return [item for _, item in range_items(value, template=ctx.source(TEMPLATE), expression=where)]


def _control_plane(ctx: Context) -> list[str]:
    release = ctx.release
    dns = "vcluster-kube-dns" if (0, 22, 0) <= ctx.version < (0, 22, 2) else "kube-dns"
    lines = [*_HEAD, *ctx.quoted_metadata(TEMPLATE, "networkPolicy", f"vc-cp-{release}", ctx.namespace)]
    lines += [
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
        f"              k8s-app: {dns}",
    ]
    if truthy(_policy(ctx, "outgoingConnections", "platform")):
        lines += [
            "        - podSelector:",
            "            matchLabels:",
            "              app: loft",
            "          namespaceSelector: {}",
        ]
    return [*lines, *_extra(ctx, "extraControlPlaneRules"), *_TAIL]


def render_egress_policies(ctx: Context) -> list[list[str]]:
    """``vc-work-R`` and ``vc-cp-R`` as lines, or no document when network policies are off."""
    if not truthy(_policy(ctx, "enabled")):
        return []
    return [_work(ctx), _control_plane(ctx)]
