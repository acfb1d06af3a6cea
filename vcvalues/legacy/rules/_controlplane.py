"""What the vcluster itself puts into a namespace: pods (with effective resources), services, claims.

Built from :func:`vcvalues.legacy.catalog.control_plane`
(read from the chart templates per distro and version)
evaluated against the effective values, then defaulted as the API server does before quota admission:

1. ``SetDefaults_Pod`` (kubernetes pkg/apis/core/v1/defaults.go): a resource with a limit and no request
   gets the limit as its request;
2. the LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go,
   ``mergeContainerResources``): every default limit / default request the container lacks is filled in.

A pod's usage is ``max(sum of its containers, largest init container)`` per resource (the pod requests
helper the quota evaluator uses, k8s.io/component-helpers/resource).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.catalog.conditions import has_key
from vcvalues.legacy.chart import ChartRef
from vcvalues.legacy.rules._values import Isolation, as_map, get, limit_range_defaults, quantities, quantity

NODE_PORT_TYPES = frozenset({"NodePort", "LoadBalancer"})


@record
class ContainerUse:
    """One container after defaulting.

    Attributes:
        name: container name.
        init: an init container.
        requests: effective requests.
        limits: effective limits.
        resources_path: values path of its ``resources`` map (None: the chart writes none).
    """

    name: str
    init: bool
    requests: dict[str, Quantity]
    limits: dict[str, Quantity]
    resources_path: tuple[str, ...] | None


@record
class PodUse:
    """The pods of one workload."""

    workload: str
    replicas: int
    namespace: str
    containers: tuple[ContainerUse, ...]

    def total(self, kind: str, resource: str) -> Quantity:
        """Per-pod usage of ``resource`` (``kind`` ``requests`` or ``limits``)."""
        regular = Quantity(0)
        largest_init = Quantity(0)
        for container in self.containers:
            amount = getattr(container, kind).get(resource, Quantity(0))
            if container.init:
                largest_init = max(largest_init, amount)
            else:
                regular = regular + amount
        return max(regular, largest_init)


@record
class ServiceUse:
    """One service: its rendered name, type and the node ports it allocates."""

    name: str
    type: str
    node_ports: int
    namespace: str


@record
class ClaimUse:
    """The PVCs of one StatefulSet: ``count`` claims of ``size`` (None: unknown)."""

    workload: str
    count: int
    size: Quantity | None
    namespace: str


@record
class ControlPlaneUse:
    """Everything the vcluster deploys into the host, after defaulting."""

    pods: tuple[PodUse, ...]
    services: tuple[ServiceUse, ...]
    claims: tuple[ClaimUse, ...]
    unknown_replicas: tuple[str, ...] = ()


def target_namespace(values: Mapping[str, Any], namespace: str) -> str:
    """Where the syncer puts the pods and services it syncs (``--target-namespace`` in extraArgs)."""
    args = get(values, ("syncer", "extraArgs"))
    found = namespace
    if isinstance(args, list):
        for index, item in enumerate(args):
            text = item if isinstance(item, str) else ""
            if text.startswith("--target-namespace="):
                found = text.split("=", 1)[1] or namespace
            elif text == "--target-namespace" and index + 1 < len(args) and isinstance(args[index + 1], str):
                found = args[index + 1] or namespace
    return found


def _replicas(value: Any) -> int | None:
    """Replicas as rendered: null leaves the field out (Kubernetes defaults it to 1)."""
    if value is None:
        return 1
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer() and value >= 0:
        return int(value)
    return None


def _container(
    name: str, init: bool, resources: Any, path: tuple[str, ...] | None, lr: tuple[dict[str, Quantity], ...]
) -> ContainerUse:
    limits = quantities(as_map(resources).get("limits"))
    requests = quantities(as_map(resources).get("requests"))
    for resource, value in limits.items():  # SetDefaults_Pod
        requests.setdefault(resource, value)
    if lr:  # LimitRanger
        default, default_request = lr
        for resource, value in default.items():
            limits.setdefault(resource, value)
        for resource, value in default_request.items():
            requests.setdefault(resource, value)
    return ContainerUse(name, init, requests, limits, path)


def _plugins(
    values: Mapping[str, Any], path: tuple[str, ...], v2_as_init: bool, lr: Any
) -> list[ContainerUse]:
    out = []
    for key, entry in as_map(get(values, path)).items():
        if not isinstance(entry, dict):
            continue
        init = v2_as_init and entry.get("version") == "v2" and bool(entry.get("image"))
        given = entry.get("name")
        name = given if isinstance(given, str) and given else str(key)
        out.append(_container(name, init, entry.get("resources"), (*path, str(key), "resources"), lr))
    return out


def control_plane_use(
    values: Mapping[str, Any], chart: ChartRef, release: str, iso: Isolation
) -> ControlPlaneUse:
    """The control plane of ``chart`` for these values, with LimitRange defaults where one applies."""
    from vcvalues.legacy.catalog.control_plane import control_plane

    plane = control_plane(chart)
    defaults = limit_range_defaults(values) if iso.limit_range else None

    def lr_for(namespace: str) -> tuple[dict[str, Quantity], ...]:
        return defaults if defaults is not None and namespace == iso.target else ()

    pods: list[PodUse] = []
    claims: list[ClaimUse] = []
    unknown: list[str] = []
    lr = lr_for(iso.namespace)
    for workload in plane.workloads:
        if not workload.when.holds(values):
            continue
        name = workload.name.format(release=release)
        replicas = workload.fixed_replicas
        if workload.replicas is not None:
            replicas = _replicas(workload.replicas.resolve(values))
        if replicas is None or workload.kind_for(values) == "DaemonSet":
            unknown.append(name)
            replicas = 1 if replicas is None else replicas
        containers = [
            _container(c.name, c.init, get(values, c.resources) if c.resources else None, c.resources, lr)
            for c in workload.containers
            if c.when.holds(values)
        ]
        if workload.plugins is not None and workload.plugins.when.holds(values):
            containers += _plugins(values, workload.plugins.path, workload.plugins.v2_as_init, lr)
        pods.append(PodUse(name, replicas, iso.namespace, tuple(containers)))
        claim = workload.volume_claim
        if (
            claim is not None
            and workload.kind_for(values) == "StatefulSet"
            and claim.when.holds(values)
            and claim.persistence.holds(values)
        ):
            size = None if has_key(values, claim.override) else quantity(claim.size.resolve(values))
            claims.append(ClaimUse(name, replicas, size, iso.namespace))
    services = [
        ServiceUse(
            s.name.format(release=release), s.service_type(values), s.node_ports(values), iso.namespace
        )
        for s in plane.services
        if s.when.holds(values)
    ]
    coredns = plane.coredns
    if coredns is not None and coredns.when.holds(values):
        synced = target_namespace(values, iso.namespace)
        replicas = _replicas(coredns.replicas.resolve(values))
        if replicas is None:
            unknown.append("coredns")
        container = _container(
            "coredns", False, get(values, coredns.resources), coredns.resources, lr_for(synced)
        )
        pods.append(PodUse(f"coredns-x-kube-system-x-{release}", replicas or 1, synced, (container,)))
        chosen = get(values, coredns.service_type) if coredns.service_type else None
        kind = chosen if isinstance(chosen, str) and chosen else "ClusterIP"
        ports = len(coredns.service_ports) if kind in NODE_PORT_TYPES else 0
        services.append(ServiceUse(f"kube-dns-x-kube-system-x-{release}", kind, ports, synced))
    return ControlPlaneUse(tuple(pods), tuple(services), tuple(claims), tuple(unknown))
