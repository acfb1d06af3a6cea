"""The control plane of each legacy chart, read from charts/<distro>/templates/ at every tag 0.15.0 - 0.19.10.

Each fact names its template file and the tags it holds for. Version switches are written as ``v >= (...)``
on the release triple; releases between two switches share the earlier description.
"""

from __future__ import annotations

from vcvalues.legacy.catalog.conditions import ALWAYS, AnyOf, Condition, Equals, Not, Ref, at, both, off, on
from vcvalues.legacy.catalog.control_plane import (
    Container,
    ControlPlane,
    CoreDNS,
    PluginContainers,
    PodSecurity,
    Port,
    Service,
    VolumeClaim,
    Workload,
    WorkloadKind,
)
from vcvalues.legacy.chart import ChartRef, Distro

Version = tuple[int, int, int]
ETCD_PORTS = (Port(2379), Port(2380))
KIND_IF_HA: Condition = on("enableHA")


def build(ref: ChartRef) -> ControlPlane:
    """The control plane of one chart."""
    v = ref.version.triple
    single = ref.distro in (Distro.K3S, Distro.K0S)
    workloads = _single_pod(ref.distro, v) if single else _split(ref.distro, v)
    return ControlPlane(
        ref, workloads + _hostpath_mapper(v), _services(ref.distro, v), _coredns(ref.distro, v)
    )


def _tpl(distro: Distro, name: str, tags: str) -> str:
    return f"charts/{distro.value}/templates/{name} @ {tags}"


def _not_headless(v: Version) -> Condition:
    # `headless` (render no workloads) is read from 0.15.1 on, by every chart.
    return off("headless") if v >= (0, 15, 1) else ALWAYS


def _single_pod(distro: Distro, v: Version) -> tuple[Workload, ...]:
    """k3s / k0s: one pod {release} with the distro binary and the syncer."""
    k3s = distro is Distro.K3S
    if v >= (0, 19, 0):
        source = _tpl(distro, "syncer.yaml, _migrate.tpl, _storage.tpl", "v0.19.0-v0.19.10")
        # _migrate.tpl "vcluster.replicas": .Values.replicas when truthy, else .Values.syncer.replicas.
        replicas = Ref((("replicas",), ("syncer", "replicas")), "first-truthy")
        # _storage.tpl: storage.<key> when the `storage` map has the key, else syncer.storage.<key>;
        # persistence is compared as text: eq (include "vcluster.storage.persistence" .) "true".
        persisted = Ref((("storage", "persistence"), ("syncer", "storage", "persistence")), "first-present")
        persistence: Condition = Equals(persisted, "true", printed=True)
        size = Ref((("storage", "size"), ("syncer", "storage", "size")), "first-present")
    else:
        source = _tpl(distro, "statefulset.yaml", "v0.15.0-v0.18.1")
        replicas, persistence, size = at("replicas"), on("storage", "persistence"), at("storage", "size")
    # k3s up to 0.16.4 renders a Deployment (no claims, no -headless service) when enableHA
    # (_k3s_helpers.tpl "vcluster.k3s.workloadKind"); k0s and later k3s always a StatefulSet.
    ha_switch = k3s and v < (0, 17, 0)
    kind: WorkloadKind | tuple[Condition, WorkloadKind, WorkloadKind] = (
        (KIND_IF_HA, "Deployment", "StatefulSet") if ha_switch else "StatefulSet"
    )
    # The distro binary: its own container up to k3s 0.16.4 / k0s 0.17.1, then an init container that
    # copies it for the syncer. Gate: not vcluster.disabled (+ not noopSyncer.enabled on k3s from 0.16.0);
    # k0s drops the gate in 0.18.0. k0s 0.18.0 - 0.19.1 writes no resources on that init container.
    if k3s:
        vcluster_when = both(
            off("vcluster", "disabled"), off("noopSyncer", "enabled") if v >= (0, 16, 0) else ALWAYS
        )
    else:
        vcluster_when = off("vcluster", "disabled") if v < (0, 18, 0) else ALWAYS
    init = v >= ((0, 17, 0) if k3s else (0, 18, 0))
    no_resources = not k3s and (0, 18, 0) <= v < (0, 19, 2)
    containers = (
        Container(
            "vcluster",
            init,
            None if no_resources else ("vcluster", "resources"),
            ("securityContext",),
            vcluster_when,
        ),
        Container("syncer", False, ("syncer", "resources"), ("securityContext",), off("syncer", "disabled")),
    )
    # Pod securityContext: {fsGroup} only; 0.15.6 merges the *container* securityContext into it;
    # 0.15.7 adds podSecurityContext for that.
    if v >= (0, 15, 7):
        pod_security = PodSecurity(("podSecurityContext",), ("fsGroup",))
    elif v >= (0, 15, 6):
        pod_security = PodSecurity(("securityContext",), ("fsGroup",))
    else:
        pod_security = PodSecurity(None, ("fsGroup",))
    claim = VolumeClaim(
        "data", persistence, size, ("volumeClaimTemplates",), Not(KIND_IF_HA) if ha_switch else ALWAYS
    )
    return (
        Workload(
            name="{release}",
            kind=kind,
            replicas=replicas,
            containers=containers,
            when=_not_headless(v),
            source=source,
            pod_security=pod_security,
            volume_claim=claim,
            plugins=PluginContainers(("plugin",), v2_as_init=v >= (0, 19, 0)),
        ),
    )


def _split(distro: Distro, v: Version) -> tuple[Workload, ...]:
    """k8s / eks: the syncer pod plus etcd; up to 0.18.1 also api-server, controller-manager (and the
    k8s scheduler) as Deployments of their own."""
    etcd = _etcd(distro, v)
    if v >= (0, 19, 0):
        # syncer.yaml, _kind.tpl: kube-apiserver / controller-manager / scheduler binaries are copied by
        # init containers and run inside the syncer container. The init containers get syncer.resources
        # from 0.19.3 (none before).
        copy_resources = ("syncer", "resources") if v >= (0, 19, 3) else None
        inits = [
            Container("vcluster-copy", True, copy_resources, None),
            Container("kube-controller-manager", True, copy_resources, None, off("controller", "disabled")),
        ]
        if distro is Distro.K8S:
            scheduler_when = AnyOf((off("scheduler", "disabled"), on("sync", "nodes", "enableScheduler")))
            inits.append(Container("kube-scheduler-manager", True, copy_resources, None, scheduler_when))
        inits.append(Container("kube-apiserver", True, copy_resources, None, off("api", "disabled")))
        embedded = on("embeddedEtcd", "enabled")
        syncer = Workload(
            name="{release}",
            kind=(both(embedded, on("pro")), "StatefulSet", "Deployment"),
            replicas=at("syncer", "replicas"),
            containers=(
                *inits,
                Container("syncer", False, ("syncer", "resources"), ("syncer", "securityContext")),
            ),
            when=off("headless"),
            source=_tpl(distro, "syncer.yaml, _kind.tpl", "v0.19.0-v0.19.10"),
            pod_security=PodSecurity(("syncer", "podSecurityContext"), None),
            volume_claim=VolumeClaim(
                "data",
                on("syncer", "storage", "persistence"),
                at("syncer", "storage", "size"),
                ("volumeClaimTemplates",),
                embedded,
            ),
            plugins=PluginContainers(("plugin",), v2_as_init=True),
        )
        return (syncer, etcd)
    gate = _not_headless(v)
    source = "v0.15.0-v0.18.1"
    syncer = Workload(
        name="{release}",
        kind="Deployment",
        replicas=at("syncer", "replicas"),
        containers=(Container("syncer", False, ("syncer", "resources"), ("syncer", "securityContext")),),
        when=gate,
        source=_tpl(distro, "syncer-deployment.yaml", source),
        # syncer.podSecurityContext is rendered from 0.15.7 (`if .Values.syncer.podSecurityContext`).
        pod_security=PodSecurity(("syncer", "podSecurityContext"), None) if v >= (0, 15, 7) else None,
        plugins=PluginContainers(("plugin",), v2_as_init=False),
    )
    parts = [
        ("api", "kube-apiserver", "api-deployment.yaml"),
        ("controller", "kube-controller-manager", "controller-deployment.yaml"),
    ]
    if distro is Distro.K8S:
        parts.append(("scheduler", "kube-scheduler", "scheduler-deployment.yaml"))
    workloads = [syncer]
    for key, container, template in parts:
        when = both(gate, off(key, "disabled"))
        if key == "scheduler":
            when = both(gate, on("sync", "nodes", "enableScheduler"), off("scheduler", "disabled"))
        workloads.append(
            Workload(
                name=f"{{release}}-{key}",
                kind="Deployment",
                replicas=at(key, "replicas"),
                containers=(Container(container, False, (key, "resources"), (key, "securityContext")),),
                when=when,
                source=_tpl(distro, template, source),
            )
        )
    return (*workloads, etcd)


def _etcd_when(v: Version) -> Condition:
    if v >= (0, 19, 0):
        own = both(off("embeddedEtcd", "enabled"), off("headless"), off("etcd", "disabled"))
        return AnyOf((own, on("embeddedEtcd", "migrateFromEtcd")))
    return both(_not_headless(v), off("etcd", "disabled"))


def _etcd(distro: Distro, v: Version) -> Workload:
    """etcd-statefulset.yaml (k8s / eks, every tag)."""
    return Workload(
        name="{release}-etcd",
        kind="StatefulSet",
        replicas=at("etcd", "replicas"),
        containers=(Container("etcd", False, ("etcd", "resources"), ("etcd", "securityContext")),),
        when=_etcd_when(v),
        source=_tpl(distro, "etcd-statefulset.yaml", "v0.15.0-v0.19.10"),
        pod_security=PodSecurity(None, ("etcd", "fsGroup")),
        volume_claim=VolumeClaim(
            "data",
            on("etcd", "storage", "persistence"),
            at("etcd", "storage", "size"),
            ("etcd", "volumeClaimTemplates"),
        ),
    )


def _hostpath_mapper(v: Version) -> tuple[Workload, ...]:
    """daemonset-hostpath-mapper.yaml (every distro, 0.15.0 - 0.15.2): one pod per node, or a
    single-replica Deployment with hostpathMapper.dev."""
    if v >= (0, 15, 3):
        return ()
    return (
        Workload(
            name="{release}-hostpath-mapper",
            kind=(on("hostpathMapper", "dev"), "Deployment", "DaemonSet"),
            replicas=None,
            fixed_replicas=1,
            containers=(Container("hostpath-mapper", False, ("hostpathMapper", "resources"), None),),
            when=on("hostpathMapper", "enabled"),
            source="charts/<distro>/templates/daemonset-hostpath-mapper.yaml @ v0.15.0-v0.15.2",
        ),
    )


def _services(distro: Distro, v: Version) -> tuple[Service, ...]:
    split = distro in (Distro.K8S, Distro.EKS)
    main_file = "syncer-service.yaml" if split and v < (0, 19, 0) else "service.yaml"
    services = [
        # A LoadBalancer request is served by {release}-lb; the main service then stays ClusterIP.
        Service(
            name="{release}",
            ports=(Port(443), Port(10250)),
            when=ALWAYS,
            source=_tpl(distro, main_file, "v0.15.0-v0.19.10"),
            fixed_type=None,
            type_from=("service", "type"),
            type_map=(("LoadBalancer", "ClusterIP"),),
        ),
        Service(
            name="{release}-lb",
            ports=(Port(443),),
            when=Equals(at("service", "type"), "LoadBalancer"),
            source=_tpl(distro, main_file, "v0.15.0-v0.19.10"),
            fixed_type="LoadBalancer",
        ),
    ]
    headless = _headless_service(distro, v)
    if headless is not None:
        services.append(headless)
    if split and v < (0, 19, 0):
        gate = _not_headless(v)
        services.append(
            Service(
                "{release}-api",
                (Port(443),),
                both(gate, off("api", "disabled")),
                _tpl(distro, "api-service.yaml", "v0.15.0-v0.18.1"),
            )
        )
    if split:
        when = _etcd_when(v)
        services.append(
            Service("{release}-etcd", ETCD_PORTS, when, _tpl(distro, "etcd-service.yaml", "v0.15.0-v0.19.10"))
        )
        services.append(
            Service(
                "{release}-etcd-headless",
                ETCD_PORTS,
                when,
                _tpl(distro, "etcd-statefulset-service.yaml", "v0.15.0-v0.19.10"),
                headless=True,
            )
        )
    return tuple(services)


def _headless_service(distro: Distro, v: Version) -> Service | None:
    """statefulset-service.yaml: the StatefulSet's governing service (clusterIP: None)."""
    embedded = on("embeddedEtcd", "enabled")
    source = _tpl(distro, "statefulset-service.yaml", "v0.15.0-v0.19.10")
    if distro is Distro.K3S:
        # Only for the StatefulSet kind up to 0.16.4; etcd peer ports with embeddedEtcd from 0.17.0.
        when = _not_headless(v) if v >= (0, 17, 0) else both(_not_headless(v), Not(KIND_IF_HA))
        extra = ((embedded, ETCD_PORTS),) if v >= (0, 17, 0) else ()
    elif distro is Distro.K0S:
        when = _not_headless(v)
        extra = ((embedded, ETCD_PORTS),) if v >= (0, 19, 0) else ()
    elif v >= (0, 19, 0):
        # k8s / eks: only when the syncer is a StatefulSet (_kind.tpl: embeddedEtcd.enabled and pro).
        when = both(embedded, on("pro"))
        extra = ((embedded, ETCD_PORTS),)
        source = _tpl(distro, "statefulset-service.yaml, _kind.tpl", "v0.19.0-v0.19.10")
    else:
        return None
    return Service("{release}-headless", (Port(443),), when, source, headless=True, extra_ports=extra)


def _coredns(distro: Distro, v: Version) -> CoreDNS:
    """coredns.yaml: the CoreDNS manifests the syncer applies inside the virtual cluster."""
    enabled = on("coredns", "enabled")
    if distro is Distro.EKS and v < (0, 15, 3):
        enabled = ALWAYS  # eks reads coredns.enabled from 0.15.3
    when = both(_not_headless(v), enabled, off("coredns", "integrated") if v >= (0, 16, 0) else ALWAYS)
    return CoreDNS(
        when=when,
        replicas=at("coredns", "replicas"),
        resources=("coredns", "resources"),
        service_ports=(Port(53, "UDP"), Port(53, "TCP"), Port(9153, "TCP")),
        # eks writes no type: the kube-dns service is always ClusterIP there.
        service_type=None if distro is Distro.EKS else ("coredns", "service", "type"),
        seccomp_when=on("isolation", "enabled"),
        source=_tpl(distro, "coredns.yaml", "v0.15.0-v0.19.10"),
    )
