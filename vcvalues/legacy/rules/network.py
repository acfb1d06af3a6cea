"""The NetworkPolicies of isolated mode: the egress ipBlock, and where the policies can reach.

The workloads policy copies ``outgoingConnections.ipBlock`` verbatim into an egress ``ipBlock``; the API
server validates it (kubernetes pkg/apis/networking/validation/validation.go ``ValidateIPBlock``):
``cidr`` is required and must parse as a CIDR (``netutils.ParseCIDRSloppy``: leading zeros allowed), each
``except`` entry must parse too and be a strict subset: ``cidr`` contains its network address and has a
shorter prefix. An IPv6 entry is never inside an IPv4 ``cidr`` (and vice versa).
"""

from __future__ import annotations

from vcvalues.core.cidr import parse_cidr
from vcvalues.core.diagnostics import Severity
from vcvalues.legacy.rules._base import Rule, RuleContext
from vcvalues.legacy.rules._values import IP_BLOCK, SA_FLAG, get, isolation

_NS = ("isolation", "namespace")
NP = "isolation:\n  enabled: true\n  networkPolicy:\n    outgoingConnections:\n      ipBlock:\n"


def check_cidr(ctx: RuleContext) -> None:
    """egress-cidr."""
    block = get(ctx.values, IP_BLOCK)
    if not isinstance(block, dict):
        return
    cidr_text = block.get("cidr")
    cidr = parse_cidr(cidr_text)
    hint = "write a CIDR such as 0.0.0.0/0 or 10.0.0.0/8 (address/prefix)"
    if cidr_text in (None, ""):
        if isolation(ctx.values, ctx.namespace).network_policy:
            ctx.report((*IP_BLOCK, "cidr"), "ipBlock.cidr is empty: the API server requires it", hint)
        return
    if cidr is None:
        ctx.report((*IP_BLOCK, "cidr"), f"ipBlock.cidr {cidr_text!r} is not a CIDR", hint)
        return
    excepts = block.get("except")
    for index, item in enumerate(excepts if isinstance(excepts, list) else []):
        path = (*IP_BLOCK, "except", index)
        inner = parse_cidr(item)
        if inner is None:
            ctx.report(path, f"ipBlock.except[{index}] {item!r} is not a CIDR", hint)
        elif inner.version != cidr.version:
            ctx.report(
                path,
                f"ipBlock.except[{index}] {item} is IPv{inner.version} but cidr {cidr_text} is "
                f"IPv{cidr.version}: "
                "must be a strict subset of cidr",
                hint="use one ipBlock per address family; the chart renders only one",
            )
        elif inner.network_address not in cidr or inner.prefixlen <= cidr.prefixlen:
            ctx.report(
                path,
                f"ipBlock.except[{index}] {item} is not strictly inside cidr {cidr_text}: the API server "
                "rejects the NetworkPolicy (must be a strict subset of `cidr`)",
                hint=f"drop it, or use a range inside {cidr} with a longer prefix",
            )


def check_namespace(ctx: RuleContext) -> None:
    """isolation-namespace-netpol."""
    iso = isolation(ctx.values, ctx.namespace)
    if iso.network_policy and iso.target != iso.namespace:
        ctx.report(
            _NS,
            f"isolation.namespace {iso.target!r} differs from the release namespace {iso.namespace!r}: the "
            f"workloads policy in {iso.target} allows egress only to pods of its own namespace, so workloads "
            f"cannot reach the vcluster control plane in {iso.namespace}",
            hint="leave isolation.namespace empty, or add a NetworkPolicy that allows that egress",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="egress-cidr",
        default_severity=Severity.ERROR,
        summary="the egress ipBlock has an invalid cidr, or an except entry not strictly inside it",
        why="the API server rejects the NetworkPolicy (not a valid CIDR / must be a strict subset of cidr)",
        fail_example=f"{NP}        cidr: 10.0.0.0/16\n        except:\n        - 10.0.0.0/8\n{SA_FLAG}",
        fail_at=(8, 11),
        pass_example=f"{NP}        cidr: 10.0.0.0/8\n        except:\n        - 10.0.0.0/16\n{SA_FLAG}",
        check=check_cidr,
        source="kubernetes pkg/apis/networking/validation ValidateIPBlock",
    ),
    Rule(
        id="isolation-namespace-netpol",
        default_severity=Severity.WARNING,
        summary="isolation.namespace differs from the release namespace while the network policy is on",
        why=(
            "the workloads policy only allows egress to pods of its own namespace: workloads lose the "
            "control plane"
        ),
        fail_example=(
            f"isolation:\n  enabled: true\n  namespace: team-a\n{SA_FLAG}  - --target-namespace=team-a\n"
        ),
        fail_at=(3, 14),
        pass_example=f"isolation:\n  enabled: true\n  namespace: vcluster-vcluster\n{SA_FLAG}",
        check=check_namespace,
        source="charts/*/templates/networkpolicy.yaml",
    ),
)
