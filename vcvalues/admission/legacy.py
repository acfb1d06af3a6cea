"""The host policy of a legacy (0.15-0.19) vCluster, read from its compiled values.

With ``isolation.enabled`` the chart renders, in ``isolation.namespace`` (default: the release namespace),
a LimitRange ``<release>-limit-range`` (one Container item: ``default`` / ``defaultRequest``) and a
ResourceQuota ``<release>-quota`` (``quota``, ``scopes``, ``scopeSelector``), and the syncer enforces
``isolation.podSecurityStandard`` (:mod:`vcvalues.pss.vcluster`). The control plane's own pods, services and
claims that land in that namespace come from the capacity rules' catalogue
(:func:`vcvalues.legacy.rules._controlplane.control_plane_use`), already defaulted by that LimitRange.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.admission.host import (
    ClaimShape,
    Consumer,
    ContainerShape,
    HostPolicy,
    LimitRange,
    LimitRangeItem,
    PodShape,
    Quota,
    ScopeRequirement,
    ServiceShape,
)
from vcvalues.legacy.chart import ChartRef
from vcvalues.pss.evaluator import Policy, policy_for
from vcvalues.pss.vcluster import enforced_standard


def _scopes(values: Mapping[str, Any]) -> tuple[ScopeRequirement, ...]:
    from vcvalues.legacy.rules._values import as_map, get

    found = [
        ScopeRequirement(str(s)) for s in get(values, ("isolation", "resourceQuota", "scopes")) or () if s
    ]
    selector = get(values, ("isolation", "resourceQuota", "scopeSelector", "matchExpressions"))
    for item in selector if isinstance(selector, list) else ():
        entry = as_map(item)
        scope, operator = entry.get("scopeName"), entry.get("operator")
        if isinstance(scope, str) and isinstance(operator, str):
            raw = entry.get("values")
            values_ = tuple(str(v) for v in raw) if isinstance(raw, list) else ()
            found.append(ScopeRequirement(scope, operator, values_))
    return tuple(found)


def legacy_host(
    values: Mapping[str, Any], chart: ChartRef, release: str, namespace: str, *, syncer: Policy | None = None
) -> HostPolicy:
    """The host policy these effective values create.

    Args:
        values: compiled (effective) values of a legacy chart.
        chart: the chart they were compiled for.
        release: the Helm release name.
        namespace: the Helm release namespace.
        syncer: the Pod Security policy to check at the syncer (None: what the values enforce).

    Raises:
        UsageError: ``isolation.podSecurityStandard`` is a value the syncer refuses to start with.
    """
    from vcvalues.legacy.rules._controlplane import control_plane_use
    from vcvalues.legacy.rules._values import QUOTA, get, isolation, limit_range_defaults, quantities

    iso = isolation(values, namespace)
    if syncer is None:
        enforced = enforced_standard(values, chart.version)
        if enforced.level is not None:
            syncer = policy_for(enforced.level, "latest", newest_minor=enforced.newest_minor)
    limit_ranges: tuple[LimitRange, ...] = ()
    if iso.limit_range:
        default, request = limit_range_defaults(values)
        item = LimitRangeItem("Container", default=default, default_request=request)
        limit_ranges = (LimitRange(f"{release}-limit-range", (item,), "isolation.limitRange"),)
    quotas: tuple[Quota, ...] = ()
    if iso.quota:
        hard = quantities(get(values, QUOTA))
        quotas = (Quota(f"{release}-quota", hard, _scopes(values), "isolation.resourceQuota"),)
    consumers: list[Consumer] = []
    notes: list[str] = []
    if iso.enabled:
        use = control_plane_use(values, chart, release, iso)
        for pod in use.pods:
            if pod.namespace == iso.target:
                containers = tuple(
                    ContainerShape(c.name, c.requests, c.limits, init=c.init) for c in pod.containers
                )
                consumers.append(Consumer(pod.workload, PodShape(containers), pod.replicas))
        for service in use.services:
            if service.namespace == iso.target:
                shape = ServiceShape(service.type, service.node_ports)
                consumers.append(Consumer(service.name, shape))
        for claim in use.claims:
            if claim.namespace == iso.target:
                consumers.append(Consumer(claim.workload, ClaimShape(claim.size), claim.count))
        notes += [
            f"the replicas of {name} are not known here (a DaemonSet or a computed value): counted once"
            for name in use.unknown_replicas
        ]
    return HostPolicy(
        namespace=iso.target,
        syncer=syncer,
        limit_ranges=limit_ranges,
        quotas=quotas,
        control_plane=tuple(consumers),
        notes=tuple(notes),
        origin=f"values of chart {chart}" if iso.enabled else "",
    )
