"""The root of the legacy values: the typed sections, plus ``global`` and ``enabled`` for umbrella charts."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from vcvalues.core.model.base import NonNegativeInt, Section, UnixId
from vcvalues.core.model.security import PodSecurityContext, SecurityContext
from vcvalues.legacy.model.coredns import CoreDNS
from vcvalues.legacy.model.isolation import Isolation
from vcvalues.legacy.model.resources import Component
from vcvalues.legacy.model.service import Service
from vcvalues.legacy.model.sync import Sync
from vcvalues.legacy.model.syncer import Syncer


class Values(Section):
    """The values of a legacy vcluster chart (typed sections; every other known key kept as given)."""

    global_: dict[str, Any] | None = Field(default=None, alias="global")
    """Values an umbrella chart shares with all its subcharts (Helm adds this key)."""
    enabled: bool | None = None
    """Condition an umbrella chart may use to turn the vcluster subchart on or off."""
    global_annotations: dict[str, str | None] | None = None
    """Annotations added to every object the chart creates."""
    isolation: Isolation | None = None
    """Isolated mode: pod security, ResourceQuota, LimitRange and NetworkPolicies."""
    security_context: SecurityContext | None = None
    """Security context of the vcluster containers (k3s/k0s)."""
    pod_security_context: PodSecurityContext | None = None
    """Security context of the vcluster pod (k3s/k0s from 0.15.7)."""
    fs_group: UnixId | None = None
    """fsGroup of the vcluster pod (k3s/k0s)."""
    replicas: NonNegativeInt | None = None
    """Replicas of the vcluster StatefulSet (k3s/k0s; superseded by syncer.replicas)."""
    syncer: Syncer | None = None
    """The syncer container."""
    vcluster: Component | None = None
    """The distro container (k3s/k0s)."""
    api: Component | None = None
    """The kube-apiserver (k8s/eks)."""
    controller: Component | None = None
    """The kube-controller-manager (k8s/eks)."""
    scheduler: Component | None = None
    """The kube-scheduler (k8s)."""
    etcd: Component | None = None
    """etcd (k8s/eks)."""
    coredns: CoreDNS | None = None
    """The virtual cluster's CoreDNS."""
    service: Service | None = None
    """The vcluster Service."""
    sync: Sync | None = None
    """The resource syncers."""
