"""``templates/networkpolicy.yaml`` of 0.31.0-0.36.1: the ingress+egress rework (MODERN §2.5, M31/M33).

Up to four policies in template order: ``vc-work-R`` (not with ``privateNodes.enabled`` from 0.33.2),
``vc-cp-R`` (an open 8443/TCP ingress rule first from 0.33.2), ``vc-kube-dns-R`` (CoreDNS enabled and not
embedded; not with private nodes from 0.33.2), ``vc-snapshot-R``. Labels and annotations are one
``toYaml`` block (keys sorted, ``annotations: {}`` when empty, chart labels win over user labels);
the release name is quoted in selectors from 0.33.0.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.gofmt import quote
from vcvalues.core.gotmpl import printed, truthy
from vcvalues.modern.render._context import Context, indent, merge
from vcvalues.modern.render._goyaml import to_yaml

__all__ = ["TEMPLATE", "render_policies"]

TEMPLATE = "networkpolicy.yaml"
_TYPES = ["  policyTypes:", "    - Egress", "    - Ingress"]
_HOST_DNS = [
    "    - to:",
    "        - namespaceSelector:",
    "            matchLabels:",
    "              kubernetes.io/metadata.name: 'kube-system'",
    "          podSelector:",
    "            matchLabels:",
    "              k8s-app: kube-dns",
]
_HOST_API = [
    "    - ports:",
    "        - port: 443",
    "          protocol: TCP",
    "        - port: 8443",
    "          protocol: TCP",
    "        - port: 6443",
    "          protocol: TCP",
]
_PLATFORM = [
    "        - podSelector:",
    "            matchLabels:",
    "              app: loft",
    "          namespaceSelector: {}",
]


def _peer(key: str, value: str, *, lead: str = "    - to:") -> list[str]:
    return [lead, "        - podSelector:", "            matchLabels:", f"              {key}: {value}"]


def _ports(*ports: tuple[int, str]) -> list[str]:
    lines = ["    - ports:"]
    for port, protocol in ports:
        lines += [f"        - port: {port}", f"          protocol: {protocol}"]
    return lines


def _rules(ctx: Context, *path: str) -> list[str]:
    rules = ctx.get(TEMPLATE, "policies", "networkPolicy", *path)
    return indent(to_yaml(rules), 4) if truthy(rules) else []


class _Policies:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.release = quote(ctx.release) if ctx.since("0.33.0") else ctx.release
        chart = {"app": "vcluster", "chart": ctx.chart_label, "release": ctx.release, "heritage": "Helm"}
        labels = merge(chart, ctx.get(TEMPLATE, "policies", "networkPolicy", "labels"))
        annotations = ctx.annotations(TEMPLATE, "networkPolicy")
        self.metadata: dict[str, Any] = {"labels": labels, "annotations": annotations}

    def head(self, name: str) -> list[str]:
        return [
            "apiVersion: networking.k8s.io/v1",
            "kind: NetworkPolicy",
            "metadata:",
            f"  name: {name}-{self.ctx.release}",
            f"  namespace: {self.ctx.namespace}",
            *indent(to_yaml(self.metadata), 2),
            "spec:",
            "  podSelector:",
            "    matchLabels:",
        ]

    def work(self) -> list[str]:
        r = self.release
        lines = [*self.head("vc-work"), f"      vcluster.loft.sh/managed-by: {r}", *_TYPES, "  egress:"]
        lines += _ports((1053, "UDP"), (1053, "TCP"), (8443, "TCP"))
        lines += _peer("release", r, lead="      to:")
        lines += _peer("vcluster.loft.sh/managed-by", r)
        public = ("workload", "publicEgress")
        if truthy(self.ctx.get(TEMPLATE, "policies", "networkPolicy", *public, "enabled")):
            cidr = self.ctx.get(TEMPLATE, "policies", "networkPolicy", *public, "cidr")
            excepts = self.ctx.get(TEMPLATE, "policies", "networkPolicy", *public, "except")
            lines += ["    - to:", "        - ipBlock:", f"            cidr: {printed(cidr)}"]
            lines += indent(to_yaml({"except": excepts}), 12)
        lines += _rules(self.ctx, "workload", "egress")
        lines.append("  ingress:")
        lines += _peer("release", r, lead="    - from:")
        lines += _peer("vcluster.loft.sh/managed-by", r, lead="    - from:")
        return lines + _rules(self.ctx, "workload", "ingress")

    def control_plane(self) -> list[str]:
        r = self.release
        lines = [*self.head("vc-cp"), f"      release: {r}", *_TYPES, "  egress:", *_HOST_DNS, *_HOST_API]
        lines += _peer("release", r)
        lines += _peer("vcluster.loft.sh/managed-by", r)
        lines += ["    - to:", *_PLATFORM, *_rules(self.ctx, "controlPlane", "egress"), "  ingress:"]
        if self.ctx.since("0.33.2"):
            lines += _ports((8443, "TCP"))
        lines += _peer("release", r, lead="    - from:")
        lines += _ports((1053, "UDP"), (1053, "TCP"), (8443, "TCP"))
        lines += _peer("vcluster.loft.sh/managed-by", r, lead="      from:")
        lines += _peer("app", "vcluster-snapshot", lead="    - from:")
        lines += ["    - from:", *_PLATFORM]
        return lines + _rules(self.ctx, "controlPlane", "ingress")

    def kube_dns(self) -> list[str]:
        r = self.release
        lines = [*self.head("vc-kube-dns"), "      k8s-app: vcluster-kube-dns"]
        lines += [f"      vcluster.loft.sh/managed-by: {r}", *_TYPES, "  egress:", *_HOST_DNS]
        lines += ["    - ports:", "        - port: 8443", "          protocol: TCP"]
        lines += _peer("release", r, lead="      to:")
        lines += ["  ingress:", *_ports((1053, "TCP"), (1053, "UDP"))]
        return [
            *lines,
            "      from:",
            "       - podSelector:",
            "           matchLabels:",
            f"             vcluster.loft.sh/managed-by: {r}",
        ]

    def snapshot(self) -> list[str]:
        lines = [*self.head("vc-snapshot"), "      app: vcluster-snapshot", *_TYPES, "  egress:"]
        return lines + _peer("release", self.release) + _HOST_DNS + _HOST_API


def render_policies(ctx: Context) -> list[list[str]]:
    """The policies' lines in template order, or no document when network policies are off."""
    if not truthy(ctx.get(TEMPLATE, "policies", "networkPolicy", "enabled")):
        return []
    policies = _Policies(ctx)
    private = ctx.since("0.33.2") and truthy(ctx.get(TEMPLATE, "privateNodes", "enabled"))
    documents = [] if private else [policies.work()]
    documents.append(policies.control_plane())
    if _kube_dns_gate(ctx):
        documents.append(policies.kube_dns())
    documents.append(policies.snapshot())
    return documents


def _kube_dns_gate(ctx: Context) -> bool:
    """``and coredns.enabled (not coredns.embedded) [(not privateNodes.enabled)]``, short-circuit."""
    if not truthy(ctx.get(TEMPLATE, "controlPlane", "coredns", "enabled")):
        return False
    if truthy(ctx.get(TEMPLATE, "controlPlane", "coredns", "embedded")):
        return False
    return not (ctx.since("0.33.2") and truthy(ctx.get(TEMPLATE, "privateNodes", "enabled")))
