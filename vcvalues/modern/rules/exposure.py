"""Exposure (0.20+): node ports and load balancers of the control-plane Service against the quota.

Helm installs the ResourceQuota before the Service. ``controlPlane.service.spec.type: LoadBalancer``
allocates one node port per port (``allocateLoadBalancerNodePorts`` defaults to true) and one load
balancer, ``NodePort`` one node port per port; with the quota rendered (``policies.resourceQuota``) and
its default ``services.nodeports: 0`` the API server refuses the Service and ``helm install`` fails
(loft-sh/vcluster#954, #1134). The ports are the chart's (``templates/service.yaml``): ``https`` always,
``wake-http`` with ``integrations.istio.enabled``, ``kubelet`` with
``networking.advanced.proxyKubelets.byHostname`` unless the type is LoadBalancer; or the user's
``spec.ports``.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import Severity
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.modern.rules._base import Fix, ModernRuleContext, Rule, at, go_truthy, quota_rendered

SERVICE = ("controlPlane", "service")
SERVICE_TYPE = ("controlPlane", "service", "spec", "type")
QUOTA = ("policies", "resourceQuota", "quota")
NODEPORTS = "services.nodeports"
LOADBALANCERS = "services.loadbalancers"
QUOTA_ON = "policies:\n  resourceQuota:\n    enabled: true\n"


def service_ports(values: dict[str, Any]) -> list[str]:
    """The names of the ports the chart gives the control-plane Service."""
    spec = at(values, (*SERVICE, "spec"))
    spec = spec if isinstance(spec, dict) else {}
    ports = spec.get("ports")
    if go_truthy(ports) and isinstance(ports, list):
        return [str(p.get("name", i)) if isinstance(p, dict) else str(i) for i, p in enumerate(ports)]
    names = ["https"]
    if go_truthy(at(values, ("integrations", "istio", "enabled"))):
        names.append("wake-http")
    by_hostname = at(values, ("networking", "advanced", "proxyKubelets", "byHostname"))
    if go_truthy(by_hostname) and spec.get("type") != "LoadBalancer":
        names.append("kubelet")
    return names


def _needs(values: dict[str, Any], resource: str) -> int:
    if not go_truthy(at(values, (*SERVICE, "enabled"))):
        return 0
    spec = at(values, (*SERVICE, "spec"))
    kind = spec.get("type") if isinstance(spec, dict) else None
    if resource == LOADBALANCERS:
        return 1 if kind == "LoadBalancer" else 0
    if kind == "NodePort" or (
        kind == "LoadBalancer"
        and isinstance(spec, dict)
        and spec.get("allocateLoadBalancerNodePorts") is not False
    ):
        return len(service_ports(values))
    return 0


def _check(ctx: ModernRuleContext, resource: str, unit: str) -> None:
    if not quota_rendered(ctx.values):
        return
    quota = at(ctx.values, QUOTA)
    if not isinstance(quota, dict) or quota.get(resource) is None:
        return
    try:
        allowed = Quantity.parse(quota[resource])
    except QuantityError:
        return  # invalid-quantity reports it
    need = _needs(ctx.values, resource)
    if not need or Quantity(need) <= allowed:
        return
    kind = at(ctx.values, SERVICE_TYPE)
    path = (*QUOTA, resource)
    where = path if ctx.user_set(path) or not ctx.user_set(SERVICE_TYPE) else SERVICE_TYPE
    plural = "s" if need > 1 else ""
    ctx.report(
        where,
        f"the {ctx.release} service ({kind}) needs {need} {unit}{plural} and the quota allows "
        f"{allowed.go_string()} ({resource}); the quota is created first, so the install fails",
        hint=f"raise policies.resourceQuota.quota[{resource}] to {need}, or use "
        "controlPlane.service.spec.type: ClusterIP",
        fix=Fix(
            path, need, f"set policies.resourceQuota.quota[{resource}] to {need} (was {allowed.go_string()})"
        ),
    )


def check_nodeports(ctx: ModernRuleContext) -> None:
    """expose-needs-nodeports."""
    _check(ctx, NODEPORTS, "node port")


def check_loadbalancers(ctx: ModernRuleContext) -> None:
    """expose-needs-loadbalancers."""
    _check(ctx, LOADBALANCERS, "load balancer")


SOURCE = (
    "chart/templates/service.yaml, resourcequota.yaml; kubernetes pkg/quota/v1/evaluator/core/services.go"
)
RULES: tuple[Rule, ...] = (
    Rule(
        id="expose-needs-nodeports",
        default_severity=Severity.ERROR,
        summary="a LoadBalancer/NodePort control-plane service needs more node ports than the quota allows",
        why=(
            "the chart creates the ResourceQuota before the Service; a LoadBalancer service allocates a node "
            "port per port (1 by default), a NodePort service 2, and the quota default services.nodeports "
            "is 0, so the API server refuses the service and helm install fails (loft-sh/vcluster#954)"
        ),
        fail_example=f"{QUOTA_ON}controlPlane:\n  service:\n    spec:\n      type: LoadBalancer\n",
        fail_at=(7, 13),
        pass_example=(
            f"{QUOTA_ON}    quota:\n      services.nodeports: 1\n"
            "controlPlane:\n  service:\n    spec:\n      type: LoadBalancer\n"
        ),
        check=check_nodeports,
        fixable=True,
        source=SOURCE,
    ),
    Rule(
        id="expose-needs-loadbalancers",
        default_severity=Severity.ERROR,
        summary="a LoadBalancer control-plane service needs more load balancers than the quota allows",
        why=(
            "the service counts against services.loadbalancers; with a quota below 1 the API server refuses "
            "it and helm install fails"
        ),
        fail_example=(
            f"{QUOTA_ON}    quota:\n      services.nodeports: 1\n      services.loadbalancers: 0\n"
            "controlPlane:\n  service:\n    spec:\n      type: LoadBalancer\n"
        ),
        fail_at=(6, 31),
        pass_example=(
            f"{QUOTA_ON}    quota:\n      services.nodeports: 1\n"
            "controlPlane:\n  service:\n    spec:\n      type: LoadBalancer\n"
        ),
        check=check_loadbalancers,
        fixable=True,
        source=SOURCE,
    ),
)
