"""Compute resources and replicas of the control-plane containers (syncer, vcluster, api, etcd, ...)."""

from __future__ import annotations

from vcvalues.core.model.base import NonNegativeInt, Section
from vcvalues.core.model.security import SecurityContext
from vcvalues.legacy.model.isolation import QuantityMap


class ResourceClaim(Section):
    """One ``resources.claims`` item (core/v1 ResourceClaim)."""

    name: str
    """Name of a pod resource claim."""
    request: str | None = None
    """Request inside that claim."""


class Resources(Section):
    """A container's ``resources`` (core/v1 ResourceRequirements), copied verbatim by the chart."""

    limits: QuantityMap | None = None
    """Resource name to limit, e.g. ``memory: 2Gi``."""
    requests: QuantityMap | None = None
    """Resource name to request, e.g. ``cpu: 200m``."""
    claims: list[ResourceClaim] | None = None
    """Dynamic resource claims."""


class Component(Section):
    """A control-plane component with its own pods: ``vcluster``, ``api``, ``controller``, ``etcd``, ...

    Which of these keys a chart has depends on distro and version (k8s/eks run api, controller and
    scheduler as Deployments before 0.19.0; k3s/k0s have only ``vcluster.resources``).
    """

    replicas: NonNegativeInt | None = None
    """Number of pods."""
    resources: Resources | None = None
    """Container resources."""
    security_context: SecurityContext | None = None
    """Container security context."""
    fs_group: NonNegativeInt | None = None
    """fsGroup of the pod (etcd of k8s/eks)."""
