"""The host policy of a 0.20+ vCluster (``vcluster.yaml``), read from its compiled values.

The ResourceQuota and LimitRange are the objects the chart renders (:mod:`vcvalues.modern.render`, the
``auto`` gates, ``targetNamespace`` up to 0.28 included), read back as a host-objects file is read
(:mod:`vcvalues.admission.hostfile`). The syncer enforces ``policies.podSecurityStandard``
(:mod:`vcvalues.modern.pod_security`). The control plane's own pods are those the capacity rule counts
(:func:`vcvalues.modern.rules.footprint.workloads`: the control-plane StatefulSet with the distro's init
container, a deployed etcd, CoreDNS), defaulted by the LimitRange as the API server defaults them; its
Service is the ``controlPlane.service`` the exposure rules read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.admission.host import (
    Consumer,
    ContainerShape,
    HostPolicy,
    LimitRange,
    PodShape,
    Quota,
    ServiceShape,
)
from vcvalues.core.chart import ModernRef
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.pss.evaluator import Policy, policy_for


def _amounts(value: Any) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    for name, item in (value if isinstance(value, dict) else {}).items():
        try:
            out[str(name)] = Quantity.parse(item)
        except QuantityError:
            continue
    return out


def _container(name: str, resources: Any, *, init: bool) -> ContainerShape:
    resources = resources if isinstance(resources, dict) else {}
    return ContainerShape(
        name, _amounts(resources.get("requests")), _amounts(resources.get("limits")), init=init
    )


def _control_plane(
    values: dict[str, Any], limit_ranges: tuple[LimitRange, ...]
) -> tuple[list[Consumer], list[str]]:
    from vcvalues.admission.limitranger import default_pod
    from vcvalues.modern.rules.exposure import service_ports
    from vcvalues.modern.rules.footprint import workloads

    consumers: list[Consumer] = []
    for label, replicas, init, main in workloads(values):
        containers = [_container(f"{label} init", r, init=True) for r in init]
        containers += [_container(label, r, init=False) for r in main]
        pod = default_pod(PodShape(tuple(containers)), limit_ranges)
        consumers.append(Consumer(label, pod, replicas))
    plane = values.get("controlPlane")
    service = plane.get("service") if isinstance(plane, dict) else None
    service = service if isinstance(service, dict) else {}
    notes: list[str] = []
    if service.get("enabled") not in (False, None, "", 0):
        raw_spec = service.get("spec")
        spec: dict[str, Any] = raw_spec if isinstance(raw_spec, dict) else {}
        raw_type = spec.get("type")
        kind = raw_type if isinstance(raw_type, str) and raw_type else "ClusterIP"
        allocate = spec.get("allocateLoadBalancerNodePorts") is not False
        shape = ServiceShape(kind, len(service_ports(values)), allocate_node_ports=allocate)
        consumers.append(Consumer("the control-plane service", shape))
    return consumers, notes


def modern_host(
    values: dict[str, Any], chart: ModernRef, release: str, namespace: str, *, syncer: Policy | None = None
) -> HostPolicy:
    """The host policy these effective 0.20+ values create.

    Args:
        values: compiled (effective) values of a 0.20+ chart.
        chart: the release they were compiled for.
        release: the Helm release name.
        namespace: the Helm release namespace.
        syncer: the Pod Security policy to check at the syncer (None: what the values enforce).

    Raises:
        UsageError: ``policies.podSecurityStandard`` is a value the syncer refuses to start with.
        RenderError: Helm fails to render the chart's policies with these values.
    """
    from vcvalues.admission.hostfile import limit_range_from, quota_from
    from vcvalues.modern.pod_security import enforced_standard
    from vcvalues.modern.render import render_manifests

    if syncer is None:
        enforced = enforced_standard(values, chart.version)
        if enforced.level is not None:
            syncer = policy_for(enforced.level, "latest", newest_minor=enforced.newest_minor)
    limit_ranges: tuple[LimitRange, ...] = ()
    quotas: tuple[Quota, ...] = ()
    target = namespace
    for manifest in render_manifests(
        values, release=release, namespace=namespace, chart_version=str(chart.version)
    ):
        body: Mapping[str, Any] = manifest.body
        kind = body.get("kind")
        metadata = body.get("metadata")
        where = metadata.get("namespace") if isinstance(metadata, dict) else None
        if kind == "LimitRange":
            limit_ranges = (*limit_ranges, limit_range_from(body, "policies.limitRange"))
            target = where if isinstance(where, str) and where else target
        elif kind == "ResourceQuota":
            quotas = (*quotas, quota_from(body, "policies.resourceQuota"))
            target = where if isinstance(where, str) and where else target
    consumers: list[Consumer] = []
    notes: list[str] = []
    if quotas or limit_ranges:
        if target == namespace:
            consumers, notes = _control_plane(values, limit_ranges)
        else:
            notes.append(
                f"the quota and limit range sit in {target} (experimental.syncSettings.targetNamespace): "
                f"the control plane in {namespace} does not count against them"
            )
    return HostPolicy(
        namespace=target,
        syncer=syncer,
        limit_ranges=limit_ranges,
        quotas=quotas,
        control_plane=tuple(consumers),
        notes=tuple(notes),
        origin=f"values of chart {chart}",
    )
