"""The isolation-relevant parts of ``controlPlane.*``: security contexts, resources, replicas, service type,
CoreDNS, global metadata. The rest of each section is kept as given (``OpenSection``)."""

from __future__ import annotations

from vcvalues.core.model.base import NonNegativeInt, Section
from vcvalues.core.model.security import PodSecurityContext, SecurityContext
from vcvalues.modern.model._types import OpenSection, QuantityMap, StringMap


class Resources(OpenSection):
    """Container resources: ``limits`` and ``requests`` hold quantities."""

    limits: QuantityMap | None = None
    requests: QuantityMap | None = None


class Security(OpenSection):
    """``controlPlane.statefulSet.security`` / ``controlPlane.coredns.security`` (0.26.0+)."""

    pod_security_context: PodSecurityContext | None = None
    container_security_context: SecurityContext | None = None


class HighAvailability(OpenSection):
    """``controlPlane.statefulSet.highAvailability``."""

    replicas: NonNegativeInt | None = None


class StatefulSet(OpenSection):
    """``controlPlane.statefulSet``."""

    security: Security | None = None
    resources: Resources | None = None
    high_availability: HighAvailability | None = None


class ServiceSpec(OpenSection):
    """``controlPlane.service.spec`` (a Kubernetes ServiceSpec, passed through with ``toYaml``)."""

    type: str | None = None
    allocate_load_balancer_node_ports: bool | None = None


class Service(OpenSection):
    """``controlPlane.service``."""

    enabled: bool | None = None
    spec: ServiceSpec | None = None


class CoreDNSDeployment(OpenSection):
    """``controlPlane.coredns.deployment``."""

    replicas: NonNegativeInt | None = None
    resources: Resources | None = None


class CoreDNS(OpenSection):
    """``controlPlane.coredns``."""

    enabled: bool | None = None
    embedded: bool | None = None
    deployment: CoreDNSDeployment | None = None
    security: Security | None = None


class GlobalMetadata(Section):
    """``controlPlane.advanced.globalMetadata``: merged into every policy object (and wins)."""

    annotations: StringMap | None = None


class Advanced(OpenSection):
    """``controlPlane.advanced``."""

    global_metadata: GlobalMetadata | None = None


class ControlPlane(OpenSection):
    """``controlPlane``."""

    stateful_set: StatefulSet | None = None
    service: Service | None = None
    coredns: CoreDNS | None = None
    advanced: Advanced | None = None
