"""What a legacy chart itself deploys into the host namespace: for quota and pod-security arithmetic.

Every object below lives in the release namespace: the chart passes the syncer no ``--target-namespace``,
so the pods and services the syncer copies out of the virtual cluster (CoreDNS among them) land there too.
Object names use ``{release}`` for the Helm release name. Where a template chooses (a gate, a kind, a
replicas value), the choice is stated as a ``Condition`` / ``Ref`` that can be evaluated against the
effective values (see ``vcvalues.legacy.catalog.conditions``).

Not counted: the pre-install hook Job of k8s/eks 0.15.x-0.16.x (``pre-install-hook-job.yaml``) runs before
the release's ResourceQuota exists and is deleted when it succeeds.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from vcvalues.core._record import record
from vcvalues.legacy.catalog.conditions import ALWAYS, Condition, Path, Ref
from vcvalues.legacy.catalog.defaults import check_supported
from vcvalues.legacy.chart import ChartRef

WorkloadKind = Literal["StatefulSet", "Deployment", "DaemonSet"]
NODE_PORT_TYPES = frozenset({"NodePort", "LoadBalancer"})


@record
class Container:
    """One container of a control-plane pod.

    Attributes:
        name: the container name.
        init: an init container (its requests count as max(init, sum of containers) per pod).
        resources: values path of the map rendered as its ``resources``; ``None``: the chart sets none
            (the LimitRange defaults apply in full).
        security_context: values path rendered as its ``securityContext``; ``None``: none.
        when: rendered only when this holds.
    """

    name: str
    init: bool
    resources: Path | None
    security_context: Path | None
    when: Condition = ALWAYS


@record
class PluginContainers:
    """Containers made from the entries of a user map (``plugin``), named by their ``name`` or key.

    Each takes ``<entry>.resources`` (only when set) and ``<entry>.securityContext``. With ``v2_as_init``
    (0.19+) an entry with ``version: v2`` and an ``image`` becomes an init container (placed before the
    chart's own init containers) and the other entries sidecars (after the chart's containers); before
    0.19 every entry is a sidecar.
    """

    path: Path
    v2_as_init: bool
    when: Condition = ALWAYS


@record
class PodSecurity:
    """The pod-level ``securityContext``: rendered when ``base`` or ``fs_group`` is truthy, as
    ``merge <base> (dict "fsGroup" <fs_group>)`` (keys of ``base`` win; ``fsGroup`` is added)."""

    base: Path | None
    fs_group: Path | None


@record
class VolumeClaim:
    """The claim template of a StatefulSet: one PVC per replica.

    Attributes:
        name: the claim name (``data``).
        persistence: a claim is made when this holds.
        size: where its storage request comes from.
        override: when this key exists, the claims are that user list instead (size unknown here).
        when: the StatefulSet has claim templates at all only when this holds.
    """

    name: str
    persistence: Condition
    size: Ref
    override: Path
    when: Condition = ALWAYS


@record
class Workload:
    """A Deployment, StatefulSet or DaemonSet of the control plane.

    Attributes:
        name: name pattern, e.g. ``{release}-etcd``.
        kind: the kind, or ``(condition, kind if it holds, kind otherwise)``.
        replicas: where replicas come from; ``None`` for a DaemonSet (one pod per node).
        containers: the containers the chart writes, in pod order (init containers first).
        when: rendered only when this holds.
        pod_security: the pod-level security context, ``None`` when the chart never sets one.
        volume_claim: claim templates (StatefulSet only).
        plugins: containers made from user plugin entries.
        fixed_replicas: replicas when not taken from values (``hostpath-mapper`` Deployment: 1).
        source: chart template file(s) and the tags this description holds for.
    """

    name: str
    kind: WorkloadKind | tuple[Condition, WorkloadKind, WorkloadKind]
    replicas: Ref | None
    containers: tuple[Container, ...]
    when: Condition
    source: str
    pod_security: PodSecurity | None = None
    volume_claim: VolumeClaim | None = None
    plugins: PluginContainers | None = None
    fixed_replicas: int | None = None

    def kind_for(self, values: Any) -> WorkloadKind:
        """The kind the template renders for these values."""
        if isinstance(self.kind, tuple):
            condition, then, otherwise = self.kind
            return then if condition.holds(values) else otherwise
        return self.kind


@record
class Port:
    """A service port."""

    port: int
    protocol: str = "TCP"


@record
class Service:
    """A Service of the control plane.

    Attributes:
        name: name pattern, e.g. ``{release}-lb``.
        ports: its ports; a NodePort or LoadBalancer service allocates one node port per port.
        when: rendered only when this holds.
        source: chart template file and tags.
        fixed_type: the type the template always writes (``ClusterIP``, ``LoadBalancer``).
        type_from: otherwise the values path the type is read from ...
        type_map: ... with these replacements (``{"LoadBalancer": "ClusterIP"}``: a LoadBalancer
            request is served by the separate ``{release}-lb`` service).
        headless: ``clusterIP: None``.
        extra_ports: ports added when a condition holds.
    """

    name: str
    ports: tuple[Port, ...]
    when: Condition
    source: str
    fixed_type: str | None = "ClusterIP"
    type_from: Path | None = None
    type_map: tuple[tuple[str, str], ...] = ()
    headless: bool = False
    extra_ports: tuple[tuple[Condition, tuple[Port, ...]], ...] = ()

    def service_type(self, values: Any) -> str:
        """The ``spec.type`` rendered for these values (ClusterIP when the values leave it empty)."""
        if self.type_from is None:
            return self.fixed_type or "ClusterIP"
        from vcvalues.legacy.catalog.conditions import lookup

        chosen = lookup(values, self.type_from)
        text = chosen if isinstance(chosen, str) and chosen else "ClusterIP"
        return dict(self.type_map).get(text, text)

    def ports_for(self, values: Any) -> tuple[Port, ...]:
        """The ports rendered for these values."""
        extra = tuple(
            port for condition, ports in self.extra_ports if condition.holds(values) for port in ports
        )
        return self.ports + extra

    def node_ports(self, values: Any) -> int:
        """How many node ports the service allocates (``services.nodeports`` quota)."""
        if self.headless or self.service_type(values) not in NODE_PORT_TYPES:
            return 0
        return len(self.ports_for(values))


@record
class CoreDNS:
    """The virtual cluster's CoreDNS: created inside the vcluster, synced to the host as pods
    ``coredns-...-x-kube-system-x-{release}`` and the service ``kube-dns-x-kube-system-x-{release}``.

    Attributes:
        when: the chart ships the CoreDNS manifests only when this holds (``coredns.manifests`` replaces
            them with the user's own, which this description then does not cover).
        replicas: Deployment replicas.
        resources: values path of the ``coredns`` container's resources.
        service_ports: the ``kube-dns`` service ports.
        service_type: values path of the ``kube-dns`` type; ``None``: always ClusterIP.
        seccomp_when: the pod gets ``seccompProfile: RuntimeDefault`` when this holds.
        source: chart template file and tags.
    """

    when: Condition
    replicas: Ref
    resources: Path
    service_ports: tuple[Port, ...]
    service_type: Path | None
    seccomp_when: Condition
    source: str


@record
class ControlPlane:
    """Everything chart ``chart`` deploys that counts against a quota in the release namespace."""

    chart: ChartRef
    workloads: tuple[Workload, ...]
    services: tuple[Service, ...]
    coredns: CoreDNS | None

    def workload(self, name: str) -> Workload:
        """The workload with this name pattern (``{release}``, ``{release}-etcd``); ``KeyError`` if none."""
        for item in self.workloads:
            if item.name == name:
                return item
        raise KeyError(name)

    def service(self, name: str) -> Service:
        """The service with this name pattern; ``KeyError`` if none."""
        for item in self.services:
            if item.name == name:
                return item
        raise KeyError(name)


def control_plane(ref: ChartRef) -> ControlPlane:
    """What chart ``ref`` deploys into the host namespace (cached; immutable).

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    return _control_plane(ref)


@functools.cache
def _control_plane(ref: ChartRef) -> ControlPlane:
    check_supported(ref)
    from vcvalues.legacy.catalog import _control_plane_data as data

    return data.build(ref)
