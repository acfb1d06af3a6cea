"""NetworkPolicy inputs (0.20+): the workloads' public egress block and the ipBlocks of user rules.

The chart copies ``outgoingConnections.ipBlock`` (0.20.0-0.30.x) or ``workload.publicEgress`` (0.31.0+)
into an egress ``ipBlock``, and user rules (``workload``/``controlPlane`` ``ingress``/``egress``) verbatim;
the API server validates every ipBlock (:mod:`vcvalues.core.cidr`).
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.cidr import parse_cidr
from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.modern.rules._base import Example, ModernRuleContext, Rule, at, go_truthy

NP = ("policies", "networkPolicy")
HINT = "write a CIDR such as 0.0.0.0/0 or 10.0.0.0/8 (address/prefix)"


def ip_blocks(values: dict[str, Any]) -> list[tuple[KeyPath, dict[str, Any]]]:
    """Every ipBlock the chart renders from the values: (path, block)."""
    out: list[tuple[KeyPath, dict[str, Any]]] = []
    public = (*NP, "workload", "publicEgress")
    if isinstance(at(values, public), dict) and go_truthy(at(values, (*public, "enabled"))):
        out.append((public, at(values, public)))
    legacy = (*NP, "outgoingConnections", "ipBlock")
    if isinstance(at(values, legacy), dict):
        out.append((legacy, at(values, legacy)))
    for side in ("workload", "controlPlane"):
        for direction, peers in (("egress", "to"), ("ingress", "from")):
            rules = at(values, (*NP, side, direction))
            for i, rule in enumerate(rules if isinstance(rules, list) else []):
                items = rule.get(peers) if isinstance(rule, dict) else None
                for j, peer in enumerate(items if isinstance(items, list) else []):
                    if isinstance(peer, dict) and isinstance(peer.get("ipBlock"), dict):
                        out.append(((*NP, side, direction, i, peers, j, "ipBlock"), peer["ipBlock"]))
    return out


def check_cidr(ctx: ModernRuleContext) -> None:
    """egress-cidr."""
    if not go_truthy(at(ctx.values, (*NP, "enabled"))):
        return
    for path, block in ip_blocks(ctx.values):
        cidr_text = block.get("cidr")
        cidr = parse_cidr(cidr_text)
        if cidr is None:
            problem = "is empty: the API server requires it" if cidr_text in (None, "") else "is not a CIDR"
            ctx.report((*path, "cidr"), f"ipBlock.cidr {cidr_text!r} {problem}", HINT)
            continue
        excepts = block.get("except")
        for index, item in enumerate(excepts if isinstance(excepts, list) else []):
            inner = parse_cidr(item)
            here = (*path, "except", index)
            if inner is None:
                ctx.report(here, f"ipBlock.except[{index}] {item!r} is not a CIDR", HINT)
            elif (
                inner.version != cidr.version
                or inner.network_address not in cidr
                or inner.prefixlen <= cidr.prefixlen
            ):
                ctx.report(
                    here,
                    f"ipBlock.except[{index}] {item} is not strictly inside cidr {cidr_text}: the API server "
                    "rejects the NetworkPolicy (must be a strict subset of `cidr`)",
                    hint=f"drop it, or use a range inside {cidr} with a longer prefix (same IP family)",
                )


def check_scope(ctx: ModernRuleContext) -> None:
    """policies-scope."""
    policies = [
        name
        for name, on in (
            ("network policies", go_truthy(at(ctx.values, (*NP, "enabled")))),
            ("resource quota", _strbool_true(at(ctx.values, ("policies", "resourceQuota", "enabled")))),
            ("limit range", _strbool_true(at(ctx.values, ("policies", "limitRange", "enabled")))),
        )
        if on
    ]
    if not policies:
        return
    where = ", ".join(policies)
    for path, why in (
        (("privateNodes", "enabled"), "workloads run on private nodes, outside the host namespace"),
        (("sync", "toHost", "namespaces", "enabled"), "workloads are synced into other host namespaces"),
        (
            ("experimental", "multiNamespaceMode", "enabled"),
            "workloads are synced into other host namespaces",
        ),
    ):
        if go_truthy(at(ctx.values, path)):
            ctx.report(
                path,
                f"{'.'.join(path)} is on: {why}, and the {where} cover the release namespace only",
                hint="apply equivalent policies where the workloads run, or turn this mode off",
            )
    target = at(ctx.values, ("experimental", "syncSettings", "targetNamespace"))
    if (
        isinstance(target, str)
        and target
        and target != ctx.namespace
        and go_truthy(at(ctx.values, (*NP, "enabled")))
    ):
        ctx.report(
            ("experimental", "syncSettings", "targetNamespace"),
            f"workloads run in {target!r} while the control plane's network policy is in {ctx.namespace!r}: "
            "the workloads policy lets them reach pods of their own namespace only",
            hint="leave targetNamespace empty, or add a NetworkPolicy that allows that egress",
        )


def check_blocks_exposure(ctx: ModernRuleContext) -> None:
    """netpol-blocks-exposure."""
    if not ((0, 31, 0) <= ctx.chart.version.triple < (0, 33, 2)):
        return  # before 0.31 the policies are egress only; 0.33.2 opens 8443 itself (PR #3765)
    if not go_truthy(at(ctx.values, (*NP, "enabled"))):
        return
    kind = at(ctx.values, ("controlPlane", "service", "spec", "type"))
    ingress = go_truthy(at(ctx.values, ("controlPlane", "ingress", "enabled")))
    if kind not in ("LoadBalancer", "NodePort") and not ingress:
        return
    rules = at(ctx.values, (*NP, "controlPlane", "ingress"))
    if any(_admits_8443(rule) for rule in (rules if isinstance(rules, list) else [])):
        return
    how = f"controlPlane.service.spec.type {kind}" if kind in ("LoadBalancer", "NodePort") else "the ingress"
    path = (
        ("controlPlane", "service", "spec", "type")
        if kind in ("LoadBalancer", "NodePort")
        else (
            "controlPlane",
            "ingress",
            "enabled",
        )
    )
    ctx.report(
        path,
        f"{how} exposes the API server, but from chart 0.31.0 to 0.33.1 the control-plane network policy "
        "admits ingress only from inside the namespace: kubectl from outside times out "
        "(loft-sh/vcluster#873)",
        hint="add policies.networkPolicy.controlPlane.ingress: [{ports: [{port: 8443, protocol: TCP}]}], "
        "or use chart 0.33.2+",
    )


def _admits_8443(rule: Any) -> bool:
    if not isinstance(rule, dict) or rule.get("from"):
        return False  # a peer list limits who may connect
    ports = rule.get("ports")
    if not ports:
        return True
    return any(isinstance(p, dict) and p.get("port") in (8443, "8443", "https") for p in ports)


def check_sa_tokens(ctx: ModernRuleContext) -> None:
    """service-account-token-annotations."""
    path = ("sync", "toHost", "pods", "useSecretsForSATokens")
    if at(ctx.values, path) is not False or not ctx.user_set(path):
        return  # only when written: false is the chart's default, and most files never mention it
    if not (
        go_truthy(at(ctx.values, (*NP, "enabled"))) or at(ctx.values, ("policies", "podSecurityStandard"))
    ):
        return
    ctx.report(
        path,
        "synced pods keep their service account tokens in annotations on the host: anyone who can read pods "
        "in the host namespace can act as the tenant's service accounts",
        hint="set sync.toHost.pods.useSecretsForSATokens: true",
    )


def _strbool_true(value: Any) -> bool:
    return value is True or value == "true"


RULES: tuple[Rule, ...] = (
    Rule(
        id="netpol-blocks-exposure",
        default_severity=Severity.ERROR,
        summary="network policies (0.31.0-0.33.1) block the exposed API server (service or ingress)",
        why=(
            "the 0.31 control-plane policy admits ingress from the namespace only; port 8443 from outside is "
            "dropped, so kubectl through the service or ingress times out (fixed in 0.33.2, PR #3765)"
        ),
        fail_example=(
            "policies:\n  networkPolicy:\n    enabled: true\ncontrolPlane:\n  service:\n    spec:\n"
            "      type: NodePort\n"
        ),
        fail_at=(7, 13),
        pass_example=(
            "policies:\n  networkPolicy:\n    enabled: true\n    controlPlane:\n      ingress:\n"
            "      - ports:\n        - port: 8443\n          protocol: TCP\ncontrolPlane:\n  service:\n"
            "    spec:\n      type: NodePort\n"
        ),
        check=check_blocks_exposure,
        example=Example(chart_version="0.31.0"),
        source="chart templates/networkpolicy.yaml at 0.31.0-0.33.1; loft-sh/vcluster#873, PR #3765",
    ),
    Rule(
        id="service-account-token-annotations",
        default_severity=Severity.INFO,
        summary="useSecretsForSATokens: false with policies on: pod SA tokens sit in annotations on the host",
        why="anyone who can read pods in the host namespace can read the tenant's service account tokens",
        fail_example=(
            "policies:\n  podSecurityStandard: baseline\nsync:\n  toHost:\n    pods:\n"
            "      useSecretsForSATokens: false\n"
        ),
        fail_at=(6, 30),
        pass_example=(
            "policies:\n  podSecurityStandard: baseline\nsync:\n  toHost:\n    pods:\n"
            "      useSecretsForSATokens: true\n"
        ),
        check=check_sa_tokens,
        source="vcluster pkg/controllers/resources/pods/translate (token annotations)",
    ),
    Rule(
        id="egress-cidr",
        default_severity=Severity.ERROR,
        summary="an ipBlock with an invalid cidr, or an except entry not strictly inside it",
        why="the API server rejects the NetworkPolicy (not a valid CIDR / must be a strict subset of cidr)",
        fail_example=(
            "policies:\n  networkPolicy:\n    enabled: true\n    workload:\n      publicEgress:\n"
            "        cidr: 10.0.0.0/16\n        except:\n        - 10.0.0.0/8\n"
        ),
        fail_at=(8, 11),
        pass_example=(
            "policies:\n  networkPolicy:\n    enabled: true\n    workload:\n      publicEgress:\n"
            "        cidr: 0.0.0.0/0\n        except:\n        - 10.0.0.0/16\n"
        ),
        check=check_cidr,
        source="kubernetes pkg/apis/networking/validation/validation.go ValidateIPBlock",
    ),
    Rule(
        id="policies-scope",
        default_severity=Severity.WARNING,
        summary="private nodes or multi-namespace sync leave workloads outside the namespace's policies",
        why=(
            "the chart renders the quota, limit range and network policies in the release namespace only; "
            "workloads on private nodes or synced into other namespaces are not covered"
        ),
        fail_example="policies:\n  networkPolicy:\n    enabled: true\nprivateNodes:\n  enabled: true\n",
        fail_at=(5, 12),
        pass_example="policies:\n  networkPolicy:\n    enabled: true\n",
        check=check_scope,
        source="chart templates/resourcequota.yaml, limitrange.yaml, networkpolicy.yaml (namespace)",
    ),
)
