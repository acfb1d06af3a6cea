"""What the virtual cluster itself takes from the quota: its control plane, deployed etcd and CoreDNS.

The pods run in the release namespace under the chart's ResourceQuota: the control-plane StatefulSet
(``controlPlane.statefulSet.highAvailability.replicas`` pods: the ``syncer`` container and the distro's
init container), a deployed etcd (``controlPlane.backingStore.etcd.deploy``) and CoreDNS
(``controlPlane.coredns.deployment.replicas``, synced from the virtual cluster). The API server charges a
pod ``max(largest init container, sum of containers)`` per resource, after the LimitRange filled what a
container leaves unset (``default`` -> limits, ``defaultRequest`` -> requests, a missing request takes
the limit). If that exceeds ``hard``, the pods beyond it are refused and the cluster never comes up.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.k8s_resources import CONTAINER_RESOURCES
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.modern.rules._base import (
    ModernRuleContext,
    Rule,
    at,
    go_truthy,
    limit_range_rendered,
    quota_rendered,
)

QUOTA = ("policies", "resourceQuota", "quota")
LR = ("policies", "limitRange")
DISTROS = ("k8s", "k3s", "k0s")
Amounts = dict[str, Quantity]


def _quantities(value: Any) -> Amounts:
    out: Amounts = {}
    for key, item in (value if isinstance(value, dict) else {}).items():
        try:
            out[str(key)] = Quantity.parse(item)
        except QuantityError:
            continue
    return out


def _replicas(value: Any) -> int:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else 1


def workloads(values: dict[str, Any]) -> list[tuple[str, int, list[Any], list[Any]]]:
    """(name, replicas, init containers' resources, containers' resources) of the chart's own pods."""
    out: list[tuple[str, int, list[Any], list[Any]]] = []
    cp = ("controlPlane", "statefulSet")
    enabled = [d for d in DISTROS if go_truthy(at(values, ("controlPlane", "distro", d, "enabled")))]
    distro = enabled[0] if enabled else "k8s"
    init = [at(values, ("controlPlane", "distro", distro, "resources"))]
    replicas = _replicas(at(values, (*cp, "highAvailability", "replicas")))
    out.append(("the control plane", replicas, init, [at(values, (*cp, "resources"))]))
    etcd = ("controlPlane", "backingStore", "etcd", "deploy")
    if go_truthy(at(values, (*etcd, "enabled"))):
        replicas = _replicas(at(values, (*etcd, "statefulSet", "highAvailability", "replicas")))
        out.append(("etcd", replicas, [], [at(values, (*etcd, "statefulSet", "resources"))]))
    dns = ("controlPlane", "coredns")
    if go_truthy(at(values, (*dns, "enabled"))) and not go_truthy(at(values, (*dns, "embedded"))):
        replicas = _replicas(at(values, (*dns, "deployment", "replicas")))
        out.append(("coredns", replicas, [], [at(values, (*dns, "deployment", "resources"))]))
    return out


def _container(resources: Any, default: Amounts, default_request: Amounts) -> tuple[Amounts, Amounts]:
    """(requests, limits) of one container after the LimitRange defaults."""
    limits = {**default, **_quantities(resources.get("limits") if isinstance(resources, dict) else None)}
    own = _quantities(resources.get("requests") if isinstance(resources, dict) else None)
    requests = {**default_request, **own}
    for name, limit in limits.items():
        if name not in own and name not in default_request:
            requests[name] = limit
    return requests, limits


def pod_amounts(
    init: list[Any], main: list[Any], default: Amounts, default_request: Amounts
) -> dict[str, Quantity]:
    """``requests.X`` / ``limits.X`` of one pod: max(largest init container, sum of containers)."""
    out: dict[str, Quantity] = {}
    # each container's (requests, limits) once, not once per resource name
    main_amounts = [_container(resources, default, default_request) for resources in main]
    init_amounts = [_container(resources, default, default_request) for resources in init]
    for index, kind in enumerate(("requests", "limits")):
        for name in CONTAINER_RESOURCES:
            total = Quantity(0)
            for amounts in main_amounts:
                total = total + amounts[index].get(name, Quantity(0))
            for amounts in init_amounts:
                total = max(total, amounts[index].get(name, Quantity(0)))
            out[f"{kind}.{name}"] = total
    return out


def check_exceeds_quota(ctx: ModernRuleContext) -> None:
    """control-plane-exceeds-quota."""
    if not quota_rendered(ctx.values):
        return
    hard = _quantities(at(ctx.values, QUOTA))
    lr_on = limit_range_rendered(ctx.values)
    default = _quantities(at(ctx.values, (*LR, "default"))) if lr_on else {}
    default_request = _quantities(at(ctx.values, (*LR, "defaultRequest"))) if lr_on else {}
    need: dict[str, Quantity] = {"count/pods": Quantity(0)}
    parts: list[str] = []
    for name, replicas, init, main in workloads(ctx.values):
        need["count/pods"] = need["count/pods"] + Quantity(replicas)
        parts.append(f"{name} x{replicas}")
        for key, amount in pod_amounts(init, main, default, default_request).items():
            need[key] = need.get(key, Quantity(0)) + amount * replicas
    need["pods"] = need["count/pods"]
    for resource in CONTAINER_RESOURCES:
        need[resource] = need[f"requests.{resource}"]
    for entry, allowed in hard.items():
        wanted = need.get(entry)
        if wanted is None or wanted <= allowed:
            continue
        path: KeyPath = (*QUOTA, entry)
        if not ctx.user_set(path) and ctx.user_set(("policies", "resourceQuota", "enabled")):
            path = ("policies", "resourceQuota", "enabled")
        ctx.report(
            path,
            f"the virtual cluster's own pods ({', '.join(parts)}) need {entry} {wanted.go_string()} and the "
            f"quota allows {allowed.go_string()}: the pods beyond it are refused, the cluster does not start",
            hint=f"raise policies.resourceQuota.quota[{entry}] to at least {wanted.go_string()}",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="control-plane-exceeds-quota",
        default_severity=Severity.ERROR,
        summary="the control plane, etcd and CoreDNS pods (replicas, LimitRange defaults) exceed the quota",
        why=(
            "the chart's quota also charges the virtual cluster's own pods: beyond it the API server refuses "
            "them and the virtual cluster never starts"
        ),
        fail_example=("policies:\n  resourceQuota:\n    enabled: true\n    quota:\n      count/pods: 1\n"),
        fail_at=(5, 19),
        pass_example="policies:\n  resourceQuota:\n    enabled: true\n    quota:\n      count/pods: 2\n",
        check=check_exceeds_quota,
        source="kubernetes pkg/quota/v1/evaluator/core/pods.go (init containers vs sum); chart templates",
    ),
)
