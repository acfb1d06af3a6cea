"""``policies.*``: Pod Security, ResourceQuota, LimitRange, NetworkPolicy (union of 0.20.0 - 0.36.1 keys).

Keys that exist only in some releases (``limitRange.min``/``max`` from 0.21.0, ``outgoingConnections``
until 0.30.x, ``workload``/``controlPlane`` from 0.31.0) are optional here; which ones a release accepts
is the release schema's job (``vcvalues.modern.validate``).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from vcvalues.core.model.base import Integer, Section
from vcvalues.modern.model._types import OpenSection, QuantityMap, StrBoolValue, StringMap


class ScopeRequirement(Section):
    """One ``scopeSelector.matchExpressions`` item (Kubernetes ScopedResourceSelectorRequirement)."""

    scope_name: str | None = None
    operator: str | None = None
    values: list[str] | None = None


class ScopeSelector(OpenSection):
    """``resourceQuota.scopeSelector``: the chart reads only ``matchExpressions``."""

    match_expressions: list[ScopeRequirement] | None = None


class ResourceQuota(Section):
    """``policies.resourceQuota``."""

    enabled: StrBoolValue | None = None
    quota: QuantityMap | None = None
    scope_selector: ScopeSelector | None = None
    scopes: list[str] | None = None
    labels: StringMap | None = None
    annotations: StringMap | None = None


class LimitRange(Section):
    """``policies.limitRange``."""

    enabled: StrBoolValue | None = None
    default: QuantityMap | None = None
    default_request: QuantityMap | None = None
    min: QuantityMap | None = None
    max: QuantityMap | None = None
    labels: StringMap | None = None
    annotations: StringMap | None = None


class IpBlock(Section):
    """``cidr`` and ``except`` of an egress block."""

    cidr: str | None = None
    except_: list[str] | None = Field(default=None, alias="except")


class OutgoingConnections(Section):
    """``networkPolicy.outgoingConnections`` (0.20.0 - 0.30.x)."""

    ip_block: IpBlock | None = None
    platform: bool | None = None


class PublicEgress(IpBlock):
    """``networkPolicy.workload.publicEgress`` (0.31.0+)."""

    enabled: bool | None = None


class PolicyPort(Section):
    """A NetworkPolicyPort (0.31.0+): ``port`` is a number or a name."""

    protocol: str | None = None
    port: Any = None
    end_port: Integer | None = None


class LabelSelectorRequirement(Section):
    """``matchExpressions`` item of a label selector."""

    key: str | None = None
    operator: str | None = None
    values: list[str] | None = None


class LabelSelector(Section):
    """A label selector."""

    match_labels: StringMap | None = None
    match_expressions: list[LabelSelectorRequirement] | None = None


class PolicyPeer(Section):
    """A NetworkPolicyPeer (0.31.0+)."""

    ip_block: IpBlock | None = None
    namespace_selector: LabelSelector | None = None
    pod_selector: LabelSelector | None = None


class PolicyRule(Section):
    """An ingress (``from``) or egress (``to``) rule (0.31.0+)."""

    ports: list[PolicyPort] | None = None
    from_: list[PolicyPeer] | None = Field(default=None, alias="from")
    to: list[PolicyPeer] | None = None


class WorkloadPolicy(Section):
    """``networkPolicy.workload`` (0.31.0+)."""

    public_egress: PublicEgress | None = None
    ingress: list[PolicyRule] | None = None
    egress: list[PolicyRule] | None = None


class ControlPlanePolicy(Section):
    """``networkPolicy.controlPlane`` (0.31.0+)."""

    ingress: list[PolicyRule] | None = None
    egress: list[PolicyRule] | None = None


class NetworkPolicy(Section):
    """``policies.networkPolicy``."""

    enabled: bool | None = None
    fallback_dns: str | None = None
    labels: StringMap | None = None
    annotations: StringMap | None = None
    outgoing_connections: OutgoingConnections | None = None
    extra_workload_rules: list[dict[str, Any]] | None = None
    extra_control_plane_rules: list[dict[str, Any]] | None = None
    workload: WorkloadPolicy | None = None
    control_plane: ControlPlanePolicy | None = None


class Policies(Section):
    """``policies``."""

    pod_security_standard: str | None = None
    """"", privileged, baseline or restricted (the schema allows any string; the syncer does not)."""
    resource_quota: ResourceQuota | None = None
    limit_range: LimitRange | None = None
    network_policy: NetworkPolicy | None = None
    central_admission: dict[str, Any] | None = None
