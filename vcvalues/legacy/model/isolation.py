"""The ``isolation`` section: pod security, ResourceQuota, LimitRange and NetworkPolicy of isolated mode.

The block is the same in the four distros of one release; ``nodeProxyPermission`` exists from 0.15.1
(the model of an older chart refuses it, see :mod:`vcvalues.legacy.model._build`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vcvalues.core.model.base import Section
from vcvalues.core.model.quantity import QuantityValue

PodSecurityLevel = Literal["privileged", "baseline", "restricted"]
# A quota or limit range entry: resource name -> quantity; null removes a default entry (Helm coalescing).
QuantityMap = dict[str, QuantityValue | None]


class NodeProxyPermission(Section):
    """``isolation.nodeProxyPermission``: keep ``nodes/proxy`` in the ClusterRole in isolated mode."""

    enabled: bool | None = None
    """Keep the nodes/proxy permission although isolation is on."""


class ScopeRequirement(Section):
    """One ``scopeSelector.matchExpressions`` item (core/v1 ScopedResourceSelectorRequirement)."""

    scope_name: str
    """The scope the selector applies to, e.g. PriorityClass."""
    operator: str
    """In, NotIn, Exists or DoesNotExist."""
    values: list[str] | None = None
    """Values for In and NotIn."""


class ScopeSelector(Section):
    """``isolation.resourceQuota.scopeSelector`` (the chart reads only matchExpressions)."""

    match_expressions: list[ScopeRequirement] | None = None
    """Scope requirements, given verbatim to the ResourceQuota."""


class ResourceQuota(Section):
    """``isolation.resourceQuota``: the ResourceQuota ``<release>-quota`` in the target namespace."""

    enabled: bool | None = None
    """Create the ResourceQuota (when isolation is enabled)."""
    quota: QuantityMap | None = None
    """``spec.hard``: resource name to quantity, e.g. ``requests.cpu: 10``."""
    scope_selector: ScopeSelector | None = None
    """``spec.scopeSelector``."""
    scopes: list[str] | None = None
    """``spec.scopes``, e.g. NotTerminating."""


class LimitRange(Section):
    """``isolation.limitRange``: the LimitRange ``<release>-limit-range`` (one item of type Container)."""

    enabled: bool | None = None
    """Create the LimitRange (when isolation is enabled)."""
    default: QuantityMap | None = None
    """Default limits of a container that sets none."""
    default_request: QuantityMap | None = None
    """Default requests of a container that sets none."""


class IpBlock(Section):
    """``isolation.networkPolicy.outgoingConnections.ipBlock``: where workloads may connect."""

    cidr: str | None = None
    """Allowed destination range, e.g. 0.0.0.0/0."""
    except_: list[str] | None = Field(default=None, alias="except")
    """Ranges inside cidr that stay forbidden."""


class OutgoingConnections(Section):
    """``isolation.networkPolicy.outgoingConnections``."""

    ip_block: IpBlock | None = None
    """Egress to this IP block is allowed."""


class NetworkPolicy(Section):
    """``isolation.networkPolicy``: the two egress NetworkPolicies of isolated mode."""

    enabled: bool | None = None
    """Create the NetworkPolicies (when isolation is enabled)."""
    outgoing_connections: OutgoingConnections | None = None
    """Egress allowed to workloads besides DNS and the control plane."""


class Isolation(Section):
    """``isolation``: isolated mode (the same block in the four distros of one release)."""

    enabled: bool | None = None
    """Turn on isolated mode."""
    namespace: str | None = None
    """Namespace the workloads are synced to; empty or null: the release namespace."""
    pod_security_standard: PodSecurityLevel | None = None
    """The Pod Security Standard the syncer enforces on virtual pods."""
    resource_quota: ResourceQuota | None = None
    """The ResourceQuota of isolated mode."""
    limit_range: LimitRange | None = None
    """The LimitRange of isolated mode."""
    network_policy: NetworkPolicy | None = None
    """The NetworkPolicies of isolated mode."""

    node_proxy_permission: NodeProxyPermission | None = None
    """Keep nodes/proxy in the ClusterRole in isolated mode (from 0.15.1)."""
