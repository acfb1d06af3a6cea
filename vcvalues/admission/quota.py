"""ResourceQuota admission (kubernetes pkg/quota/v1/evaluator/core and the apiserver's resourcequota
plugin controller.go) over the shapes of :mod:`vcvalues.admission.host`.

- usage: a pod counts ``pods`` and ``count/pods``, and per compute resource its ``PodRequests`` /
  ``PodLimits`` (``podComputeUsageHelper``: ``cpu`` = ``requests.cpu``, ``limits.cpu``, likewise memory and
  ephemeral-storage, ``hugepages-*``, extended resources as ``requests.<name>``); a service ``services``,
  ``count/services``, ``services.loadbalancers`` and ``services.nodeports`` (one per port for NodePort and
  LoadBalancer, only explicit node ports when a load balancer allocates none); a claim
  ``persistentvolumeclaims``, ``count/persistentvolumeclaims``, ``requests.storage`` and the same per
  storage class (``<class>.storageclass.storage.k8s.io/...``).
- a quota applies to an object when its hard names a resource the object's evaluator tracks and every
  scope matches (scopes match only pods: Terminating / NotTerminating, BestEffort / NotBestEffort,
  PriorityClass with In / NotIn / Exists / DoesNotExist, CrossNamespacePodAffinity);
- ``Constraints``: a pod whose container leaves out a cpu/memory request or limit that the quota names
  is refused (``must specify limits.cpu for: a,b; requests.memory for: c``);
- the fit: used + requested must stay within hard for every resource the request touches, else
  ``exceeded quota: NAME, requested: ..., used: ..., limited: ...``.
"""

from __future__ import annotations

from collections.abc import Mapping

from vcvalues.admission.host import ContainerShape, PodShape, Quota, ServiceShape, Shape
from vcvalues.admission.resources import pod_limits, pod_requests
from vcvalues.core.quantity import Quantity

ONE = Quantity(1)
ZERO = Quantity(0)
VALIDATION_SET = frozenset(
    {"cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"}
)
_POD_NAMES = frozenset(
    {"pods", "count/pods"}
    | {f"{p}{r}" for p in ("", "requests.", "limits.") for r in ("cpu", "memory", "ephemeral-storage")}
)
_SERVICE_NAMES = frozenset({"services", "count/services", "services.loadbalancers", "services.nodeports"})
_CLAIM_NAMES = frozenset({"persistentvolumeclaims", "count/persistentvolumeclaims", "requests.storage"})
_CLASS_SUFFIX = ".storageclass.storage.k8s.io/"


def _extended(name: str) -> bool:
    """``IsExtendedResourceName``: a qualified name outside kubernetes.io, not ``requests.*``."""
    return (
        "/" in name and not name.startswith(("requests.", "kubernetes.io/")) and "kubernetes.io/" not in name
    )


def _compute(requests: Mapping[str, Quantity], limits: Mapping[str, Quantity]) -> dict[str, Quantity]:
    """``podComputeUsageHelper``."""
    result = {"pods": ONE}
    for resource in ("cpu", "memory", "ephemeral-storage"):
        if resource in requests:
            result[resource] = result[f"requests.{resource}"] = requests[resource]
        if resource in limits:
            result[f"limits.{resource}"] = limits[resource]
    for resource, value in requests.items():
        if resource.startswith("hugepages-"):
            result[resource] = result[f"requests.{resource}"] = value
        elif _extended(resource):
            result[f"requests.{resource}"] = value
    return result


def usage(shape: Shape) -> dict[str, Quantity]:
    """Everything one object counts against a quota."""
    if isinstance(shape, PodShape):
        found = _compute(pod_requests(shape), pod_limits(shape))
        found["count/pods"] = ONE
        return found
    if isinstance(shape, ServiceShape):
        node_ports = 0
        if shape.type == "NodePort" or (shape.type == "LoadBalancer" and shape.allocate_node_ports):
            node_ports = shape.ports
        elif shape.type == "LoadBalancer":
            node_ports = shape.explicit_node_ports
        return {
            "services": ONE,
            "count/services": ONE,
            "services.loadbalancers": ONE if shape.type == "LoadBalancer" else ZERO,
            "services.nodeports": Quantity(node_ports),
        }
    found = {"persistentvolumeclaims": ONE, "count/persistentvolumeclaims": ONE}
    prefix = f"{shape.storage_class}{_CLASS_SUFFIX}" if shape.storage_class else ""
    if prefix:
        found[f"{prefix}persistentvolumeclaims"] = ONE
    if shape.storage is not None:
        found["requests.storage"] = shape.storage
        if prefix:
            found[f"{prefix}requests.storage"] = shape.storage
    return found


def tracks(shape: Shape, name: str) -> bool:
    """The object's evaluator tracks resource ``name`` (``MatchingResources``)."""
    if isinstance(shape, PodShape):
        return (
            name in _POD_NAMES
            or name.startswith(("hugepages-", "requests.hugepages-"))
            or (name.startswith("requests.") and _extended(name.removeprefix("requests.")))
        )
    if isinstance(shape, ServiceShape):
        return name in _SERVICE_NAMES
    return name in _CLAIM_NAMES or (
        _CLASS_SUFFIX in name and name.endswith(("/requests.storage", "/persistentvolumeclaims"))
    )


def _best_effort(pod: PodShape) -> bool:
    """QoS BestEffort: no container sets a cpu or memory request or limit."""
    return not any(name in ("cpu", "memory") for c in pod.containers for name in (*c.requests, *c.limits))


def _scope(pod: PodShape, scope: str, operator: str, values: tuple[str, ...]) -> bool | None:
    """``podMatchesScopeFunc`` for one requirement (None: a scope this simulation does not know)."""
    if scope == "PriorityClass":
        if operator == "Exists":
            return bool(pod.priority_class)
        if operator == "DoesNotExist":
            return not pod.priority_class
        if operator == "In":
            return pod.priority_class in values
        if operator == "NotIn":
            return pod.priority_class not in values
        return None
    known = {
        "Terminating": pod.terminating,
        "NotTerminating": not pod.terminating,
        "BestEffort": _best_effort(pod),
        "NotBestEffort": not _best_effort(pod),
        "CrossNamespacePodAffinity": pod.cross_namespace_affinity,
    }
    return known.get(scope)


def applies(quota: Quota, shape: Shape) -> bool:
    """``Matches``: the quota names a resource the object counts under, and every scope matches."""
    if not any(tracks(shape, name) for name in quota.hard):
        return False
    for requirement in quota.scopes:
        if not isinstance(shape, PodShape):
            return False
        if not _scope(shape, requirement.scope, requirement.operator, requirement.values):
            return False
    return True


def missing(quota: Quota, containers: tuple[ContainerShape, ...]) -> tuple[str, int] | None:
    """``podEvaluator.Constraints``: (``must specify ...``, index of the first container lacking one), or
    None. ``containers`` are in the evaluator's order: app containers, then init containers."""
    required = VALIDATION_SET & set(quota.hard)
    lacking: dict[str, set[str]] = {}
    first = -1
    for index, container in enumerate(containers):
        absent = required - set(_compute(container.requests, container.limits))
        for name in absent:
            lacking.setdefault(name, set()).add(container.name)
        if absent and first < 0:
            first = index
    if not lacking:
        return None
    parts = [f"{name} for: {','.join(sorted(lacking[name]))}" for name in sorted(lacking)]
    return "must specify " + "; ".join(parts), first


def pretty(resources: Mapping[str, Quantity]) -> str:
    """controller.go ``prettyPrint``: ``name=value`` sorted by name, joined by commas."""
    return ",".join(f"{name}={resources[name].go_string()}" for name in sorted(resources))
