"""``netpol-dns-port``: the chart's NetworkPolicies, as rendered, leave a DNS path the vcluster needs closed.

With ``policies.networkPolicy.enabled`` the chart renders egress policies for the workloads
(``vcluster.loft.sh/managed-by: R``, which includes the vcluster's CoreDNS pod) and the control plane
(``release: R``). The DNS paths a vcluster needs, each on UDP and TCP:

- the workloads to the vcluster's DNS: the CoreDNS pod (``k8s-app: vcluster-kube-dns``) or, with
  ``controlPlane.coredns.embedded``, the control plane, on port **1053** (the service's 53 is translated to
  1053 before the policy is applied; loft-sh/vcluster#390);
- the control plane to the host's DNS (``kube-system``/``k8s-app: kube-dns``, port 53): chart 0.22.0-0.22.1
  select ``k8s-app: vcluster-kube-dns`` there, so host DNS is unreachable (reverted in 0.22.2, PR #2393);
- CoreDNS to ``fallbackDns`` (port 53): with network policies on, the Corefile forwards to
  ``/etc/resolv.conf`` then ``policies.networkPolicy.fallbackDns`` (``policy sequential``); a fallback the
  policies drop is dead (0.31+ with ``publicEgress`` off or excepting it).

A user egress rule that opens only port 53 towards the vcluster's DNS pods (the mistake of #390) opens
nothing: it is reported too. Rules of a NetworkPolicy are a union, so the fix is always to add a rule.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from vcvalues.core.cidr import parse_cidr
from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.modern.rules._base import Example, ModernRuleContext, Rule, at, go_truthy
from vcvalues.modern.rules._netpol_eval import Endpoint, allows_egress, selects
from vcvalues.modern.rules.network import ip_blocks

NP = ("policies", "networkPolicy")
HOST_DNS = Endpoint("kube-system", {"k8s-app": "kube-dns"})
VCLUSTER_DNS_LABELS = ({"k8s-app": "vcluster-kube-dns"}, {"k8s-app": "kube-dns"})


def _policies(ctx: ModernRuleContext) -> list[dict[str, Any]] | None:
    from vcvalues.errors import VcValuesError
    from vcvalues.modern.render import render_bodies

    try:
        rendered = render_bodies(
            ctx.values, release=ctx.release, namespace=ctx.namespace, chart_version=str(ctx.chart.version)
        )
    except VcValuesError:
        return None  # other rules (schema, null-parent) say why the chart does not render
    return [body for _, body, _ in rendered if body.get("kind") == "NetworkPolicy"]


def _workload_namespace(ctx: ModernRuleContext) -> str:
    target = at(ctx.values, ("experimental", "syncSettings", "targetNamespace"))
    if ctx.chart.version.triple < (0, 29, 0) and isinstance(target, str) and target:
        return target
    return ctx.namespace


def _closed(policies: list[dict[str, Any]], source: Endpoint, dest: Endpoint, port: int) -> list[str]:
    return [p for p in ("UDP", "TCP") if not allows_egress(policies, source, dest, port, p)]


def _first_set(ctx: ModernRuleContext, *paths: KeyPath) -> KeyPath:
    return next((path for path in paths if ctx.user_set(path)), (*NP, "enabled"))


def _rules_key(ctx: ModernRuleContext) -> str:
    if ctx.chart.version.triple >= (0, 31, 0):
        return "policies.networkPolicy.workload.egress"
    return "policies.networkPolicy.extraWorkloadRules"


def check_dns(ctx: ModernRuleContext) -> None:
    """netpol-dns-port."""
    if not go_truthy(at(ctx.values, (*NP, "enabled"))):
        return
    _check_user_rules(ctx)
    policies = _policies(ctx)
    if policies is None:
        return
    release = ctx.release
    workloads = _workload_namespace(ctx)
    control_plane = Endpoint(ctx.namespace, {"app": "vcluster", "release": release})
    coredns_on = go_truthy(at(ctx.values, ("controlPlane", "coredns", "enabled")))
    embedded = go_truthy(at(ctx.values, ("controlPlane", "coredns", "embedded")))
    coredns = Endpoint(workloads, {"k8s-app": "vcluster-kube-dns", "vcluster.loft.sh/managed-by": release})
    closed = _closed(policies, control_plane, HOST_DNS, 53)
    if closed:
        ctx.report(
            (*NP, "enabled"),
            f"the control-plane network policy vc-cp-{release} drops DNS to the host's kube-dns "
            f"(kube-system, k8s-app: kube-dns) on 53/{'+'.join(closed)}: the control plane cannot resolve "
            "host names (chart 0.22.0-0.22.1 select k8s-app: vcluster-kube-dns there, loft-sh/vcluster "
            "PR #2393)",
            hint="use chart 0.22.2 or later, or add a NetworkPolicy of your own allowing egress from pods "
            f"with release: {release} to kube-system/k8s-app: kube-dns on 53/UDP and 53/TCP",
        )
    if coredns_on:
        workload = Endpoint(workloads, {"vcluster.loft.sh/managed-by": release})
        server = control_plane if embedded else coredns
        closed = _closed(policies, workload, server, 1053)
        if closed:
            _report_server(ctx, closed, embedded)
    if (
        coredns_on
        and not embedded
        and not go_truthy(at(ctx.values, ("networking", "advanced", "fallbackHostCluster")))
    ):
        _check_fallback(ctx, policies, coredns)


def _report_server(ctx: ModernRuleContext, closed: list[str], embedded: bool) -> None:
    what = f"the control plane (release: {ctx.release})" if embedded else "the CoreDNS pod"
    if ctx.chart.version.triple < (0, 25, 0):
        how = f"use chart 0.31.0 or later, or add a NetworkPolicy of your own allowing egress to {what}"
    else:
        how = f"add to {_rules_key(ctx)} a rule to {what}"
    ctx.report(
        _first_set(ctx, ("controlPlane", "coredns", "embedded"), (*NP, "workload", "egress")),
        f"the workloads' network policy drops DNS to {what} on 1053/{'+'.join(closed)}: no workload can "
        "resolve names",
        hint=f"{how} on port 1053 (UDP and TCP)",
    )


def _check_fallback(ctx: ModernRuleContext, policies: list[dict[str, Any]], coredns: Endpoint) -> None:
    if not _blocks_valid(ctx.values):
        return  # the API server rejects the policy with the bad ipBlock (egress-cidr says so)
    fallback = at(ctx.values, (*NP, "fallbackDns"))
    try:
        address = str(ipaddress.ip_address(str(fallback)))
    except ValueError:
        return  # empty (no fallback) or a name the Corefile cannot use as an address anyway
    closed = _closed(policies, coredns, Endpoint(ip=address), 53)
    if not closed:
        return
    public = (*NP, "workload", "publicEgress")
    ctx.report(
        _first_set(
            ctx,
            (*NP, "fallbackDns"),
            (*public, "enabled"),
            (*public, "except"),
            (*public, "cidr"),
            (*NP, "outgoingConnections", "ipBlock"),
        ),
        f"CoreDNS forwards to policies.networkPolicy.fallbackDns {address} when the first upstream fails, "
        f"but the network policies drop {address}:53/{'+'.join(closed)} from the CoreDNS pod: "
        "the fallback DNS is dead",
        hint=f"add to {_rules_key(ctx)}: [{{to: [{{ipBlock: {{cidr: {address}/"
        f"{32 if ':' not in address else 128}}}}}], ports: [{{port: 53, protocol: UDP}}, "
        "{port: 53, protocol: TCP}]}], or set fallbackDns to an address the workloads may reach",
    )


def _blocks_valid(values: dict[str, Any]) -> bool:
    for _, block in ip_blocks(values):
        cidr = parse_cidr(block.get("cidr"))
        excepts = block.get("except")
        if cidr is None:
            return False
        for item in excepts if isinstance(excepts, list) else []:
            inner = parse_cidr(item)
            if inner is None or inner.version != cidr.version or not inner.subnet_of(cidr) or inner == cidr:  # type: ignore[arg-type]
                return False
    return True


def _check_user_rules(ctx: ModernRuleContext) -> None:
    """A user egress rule that opens only port 53 to the vcluster's DNS pods (#390)."""
    if ctx.chart.version.triple >= (0, 31, 0):
        keys: tuple[tuple[str, ...], ...] = (("workload", "egress"),)
    else:
        keys = (("extraWorkloadRules",),) if ctx.chart.version.triple >= (0, 25, 0) else ()
    for key in keys:
        rules = at(ctx.values, (*NP, *key))
        for i, rule in enumerate(rules if isinstance(rules, list) else []):
            if not isinstance(rule, dict) or not _to_vcluster_dns(rule.get("to")):
                continue
            ports = rule.get("ports")
            items = ports if isinstance(ports, list) else []
            numbers = [p.get("port") if isinstance(p, dict) else None for p in items]
            if not numbers or any(n not in (53, "53") for n in numbers):
                continue
            ctx.report(
                (*NP, *key, i, "ports", 0, "port"),
                "this rule opens port 53 to the vcluster's DNS pods, but vcluster's CoreDNS listens on 1053 "
                "(the service's port 53 is translated before the policy applies): it opens nothing "
                "(loft-sh/vcluster#390)",
                hint="use port: 1053 (UDP and TCP)",
            )


def _to_vcluster_dns(peers: Any) -> bool:
    for peer in peers if isinstance(peers, list) else []:
        if not isinstance(peer, dict) or "ipBlock" in peer or "namespaceSelector" in peer:
            continue
        selector = peer.get("podSelector")
        match = selector.get("matchLabels") if isinstance(selector, dict) else None
        if (
            isinstance(match, dict)
            and match
            and any(selects(selector, labels) for labels in VCLUSTER_DNS_LABELS)
        ):
            return True
    return False


RULES: tuple[Rule, ...] = (
    Rule(
        id="netpol-dns-port",
        default_severity=Severity.WARNING,
        summary="network policies close a DNS path of the vcluster (or open 53 where CoreDNS uses 1053)",
        why=(
            "workloads reach the vcluster's CoreDNS on 1053, the control plane the host's kube-dns on 53, "
            "CoreDNS its fallbackDns on 53; a path the rendered policies drop means names do not resolve "
            "(loft-sh/vcluster#390; chart 0.22.0-0.22.1 block host DNS, PR #2393)"
        ),
        fail_example=(
            "policies:\n  networkPolicy:\n    enabled: true\n    workload:\n      egress:\n      - to:\n"
            "        - podSelector:\n            matchLabels:\n              k8s-app: vcluster-kube-dns\n"
            "        ports:\n        - port: 53\n          protocol: UDP\n"
        ),
        fail_at=(11, 17),
        pass_example=(
            "policies:\n  networkPolicy:\n    enabled: true\n    workload:\n      egress:\n      - to:\n"
            "        - podSelector:\n            matchLabels:\n              k8s-app: vcluster-kube-dns\n"
            "        ports:\n        - port: 1053\n          protocol: UDP\n"
        ),
        check=check_dns,
        example=Example(chart_version="0.36.1"),
        source="chart templates/networkpolicy.yaml (rendered), _coredns.tpl forward; loft-sh/vcluster#390, "
        "PR #2393",
    ),
)
