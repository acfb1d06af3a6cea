"""What the host namespace holds before any workload arrives, in terms no chart dialect owns.

The admission simulation reads only these: the LimitRanges and ResourceQuotas of the namespace the syncer
creates pods in, what the vCluster's own control plane already consumes there, and the Pod Security
policies in force (the syncer's, and the host namespace's own when known). The legacy wing
(:mod:`vcvalues.admission.legacy`) builds one from compiled values; a modern (0.20+) wing can build the same
from ``policies.*``; :mod:`vcvalues.admission.hostfile` from LimitRange/ResourceQuota/Namespace manifests.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.quantity import Quantity
from vcvalues.pss.evaluator import Policy

Resources = Mapping[str, Quantity]
_NONE: Resources = {}


@record
class LimitRangeItem:
    """One ``spec.limits[]`` entry as the API server stores it (after ``SetDefaults_LimitRangeItem``)."""

    type: str  # Container, Pod or PersistentVolumeClaim
    max: Resources = _NONE  # shared and never written to (Mapping)
    min: Resources = _NONE  # shared and never written to (Mapping)
    default: Resources = _NONE  # shared and never written to (Mapping)
    default_request: Resources = _NONE  # shared and never written to (Mapping)
    max_limit_request_ratio: Resources = _NONE  # shared and never written to (Mapping)


def stored_item(item: LimitRangeItem) -> LimitRangeItem:
    """``SetDefaults_LimitRangeItem`` (pkg/apis/core/v1/defaults.go): for a Container item, a missing
    default limit comes from ``max``, a missing default request from the default limit, then from ``min``."""
    if item.type != "Container":
        return item
    default = dict(item.default)
    for name, value in item.max.items():
        default.setdefault(name, value)
    request = dict(item.default_request)
    for name, value in default.items():
        request.setdefault(name, value)
    for name, value in item.min.items():
        request.setdefault(name, value)
    return LimitRangeItem(item.type, item.max, item.min, default, request, item.max_limit_request_ratio)


@record
class LimitRange:
    """A LimitRange of the namespace; ``source`` says where it comes from (``isolation.limitRange``)."""

    name: str
    items: tuple[LimitRangeItem, ...]
    source: str = ""


@record
class ScopeRequirement:
    """One quota scope: ``spec.scopes`` entries are ``Exists`` requirements (quota helper
    ``getScopeSelectorsFromQuota``)."""

    scope: str
    operator: str = "Exists"
    values: tuple[str, ...] = ()


@record
class Quota:
    """A ResourceQuota of the namespace: ``hard`` per resource name, and its scopes."""

    name: str
    hard: Resources
    scopes: tuple[ScopeRequirement, ...] = ()
    source: str = ""


@record
class ContainerShape:
    """A container's resources after the API server's defaulting (``restart_always``: a sidecar)."""

    name: str
    requests: Resources
    limits: Resources
    init: bool = False
    restart_always: bool = False


@record
class PodShape:
    """What the quota evaluator reads of a pod."""

    containers: tuple[ContainerShape, ...]
    overhead: Resources = _NONE  # shared and never written to (Mapping)
    priority_class: str = ""
    terminating: bool = False  # activeDeadlineSeconds >= 0
    cross_namespace_affinity: bool = False


@record
class ServiceShape:
    """What the quota evaluator reads of a service."""

    type: str = "ClusterIP"
    ports: int = 0
    explicit_node_ports: int = 0
    allocate_node_ports: bool = True


@record
class ClaimShape:
    """What the quota evaluator reads of a PersistentVolumeClaim (storage None: not a quantity)."""

    storage: Quantity | None
    storage_class: str = ""


Shape = PodShape | ServiceShape | ClaimShape


@record
class Consumer:
    """``count`` identical objects (a workload's replicas) that already use the namespace."""

    label: str
    shape: Shape
    count: int = 1


@record
class HostPolicy:
    """Everything the host applies to the workloads of one vCluster.

    Attributes:
        namespace: where the syncer creates the pods (the quota's and limit range's namespace).
        syncer: the Pod Security policy the syncer enforces before creating a pod (None: none).
        namespace_pss: the host namespace's ``pod-security.kubernetes.io/enforce`` policy, when known.
        limit_ranges: the LimitRanges of the namespace, in order.
        quotas: the ResourceQuotas of the namespace.
        control_plane: what the vCluster itself runs in that namespace (counted against the quotas).
        notes: what the simulation could not know (said once, on stderr).
        origin: one phrase naming where this came from (``values of chart 0.19.10``).
    """

    namespace: str = "default"
    syncer: Policy | None = None
    namespace_pss: Policy | None = None
    limit_ranges: tuple[LimitRange, ...] = ()
    quotas: tuple[Quota, ...] = ()
    control_plane: tuple[Consumer, ...] = ()
    notes: tuple[str, ...] = ()
    origin: str = ""

    def replace(self, **changes: Any) -> HostPolicy:
        """A copy with ``changes`` (what ``dataclasses.replace`` does for a dataclass)."""
        fields: dict[str, Any] = {name: getattr(self, name) for name in self.__match_args__}
        return HostPolicy(**(fields | changes))
