"""Exposure: the node ports and load balancers the chart's own services need, against the quota.

Helm installs the ResourceQuota before the Services (install order, DESIGN §7). A Service of type NodePort
allocates one node port per port, and a LoadBalancer Service does too (``allocateLoadBalancerNodePorts``
defaults to true, kubernetes pkg/apis/core/v1/defaults.go ``SetDefaults_Service``); the quota admission
then refuses the Service (``exceeded quota: ..., requested: services.nodeports=1, used: 0, limited: 0``)
and ``helm install`` fails. The chart's services per distro and version come from
:mod:`vcvalues.legacy.catalog.control_plane`
(``service.type: LoadBalancer`` renders ``<release>-lb`` with port 443;
``NodePort`` makes the main service a NodePort with ports 443 and 10250).
"""

from __future__ import annotations

from vcvalues.core.diagnostics import Severity
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.rules._base import Fix, Rule, RuleContext
from vcvalues.legacy.rules._controlplane import ServiceUse, control_plane_use
from vcvalues.legacy.rules._values import QUOTA, SA_FLAG, as_map, get, isolation, quantity

SERVICE_TYPE = ("service", "type")
NODEPORTS = "services.nodeports"
LOADBALANCERS = "services.loadbalancers"


def _services(ctx: RuleContext) -> tuple[list[ServiceUse], dict[str, object]] | None:
    iso = isolation(ctx.values, ctx.namespace)
    if not iso.quota:
        return None
    use = ctx.memo("control-plane-use", lambda: control_plane_use(ctx.values, ctx.chart, ctx.release, iso))
    return [s for s in use.services if s.namespace == iso.target], as_map(get(ctx.values, QUOTA))


def _check(ctx: RuleContext, resource: str, unit: str) -> None:
    found = _services(ctx)
    if found is None:
        return
    services, quota = found
    allowed = quantity(quota.get(resource))
    if allowed is None:  # no such entry (or an invalid one: invalid-quantity reports it)
        return
    if resource == NODEPORTS:
        needing = [(s, s.node_ports) for s in services if s.node_ports]
    else:
        needing = [(s, 1) for s in services if s.type == "LoadBalancer"]
    need = sum(count for _, count in needing)
    if not needing or Quantity(need) <= allowed:
        return
    parts = ", ".join(
        f"the {s.name} service ({s.type}) needs {n} {unit}{'s' if n > 1 else ''}" for s, n in needing
    )
    path = (*QUOTA, resource)
    where = path if ctx.user_set(path) or not ctx.user_set(SERVICE_TYPE) else SERVICE_TYPE
    ctx.report(
        where,
        f"{parts} and the quota allows {allowed.go_string()} ({resource}); the quota is created first, "
        "so the install fails",
        hint=f"raise isolation.resourceQuota.quota[{resource}] to {need}, or use service.type: ClusterIP",
        fix=Fix(
            path, need, f"set isolation.resourceQuota.quota[{resource}] to {need} (was {allowed.go_string()})"
        ),
    )


def check_nodeports(ctx: RuleContext) -> None:
    """expose-needs-nodeports."""
    _check(ctx, NODEPORTS, "node port")


def check_loadbalancers(ctx: RuleContext) -> None:
    """expose-needs-loadbalancers."""
    _check(ctx, LOADBALANCERS, "load balancer")


RULES: tuple[Rule, ...] = (
    Rule(
        id="expose-needs-nodeports",
        default_severity=Severity.ERROR,
        summary="service.type LoadBalancer/NodePort needs more node ports than services.nodeports allows",
        why=(
            "the chart creates the ResourceQuota before its services; the LoadBalancer service "
            "<release>-lb allocates 1 node port (a NodePort main service 2), the quota default allows 0, "
            "so the API server refuses the service and helm install fails"
        ),
        fail_example=f"isolation:\n  enabled: true\nservice:\n  type: LoadBalancer\n{SA_FLAG}",
        fail_at=(4, 9),
        pass_example=(
            "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"
            "service:\n  type: LoadBalancer\nsyncer:\n  extraArgs:\n  - --service-account-token-secrets\n"
        ),
        check=check_nodeports,
        fixable=True,
        source="charts/*/templates/service.yaml; kubernetes pkg/quota/v1/evaluator/core/services.go",
    ),
    Rule(
        id="expose-needs-loadbalancers",
        default_severity=Severity.ERROR,
        summary="service.type LoadBalancer needs more load balancers than the quota's services.loadbalancers",
        why=(
            "the <release>-lb service counts against services.loadbalancers; with a quota below 1 the API "
            "server refuses it and helm install fails"
        ),
        fail_example=(
            "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"
            "      services.loadbalancers: 0\nservice:\n  type: LoadBalancer\n"
            "syncer:\n  extraArgs:\n  - --service-account-token-secrets\n"
        ),
        fail_at=(6, 31),
        pass_example=(
            "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"
            "      services.loadbalancers: 1\nservice:\n  type: LoadBalancer\n"
            "syncer:\n  extraArgs:\n  - --service-account-token-secrets\n"
        ),
        check=check_loadbalancers,
        fixable=True,
        source="charts/*/templates/service.yaml; kubernetes pkg/quota/v1/evaluator/core/services.go",
    ),
)
