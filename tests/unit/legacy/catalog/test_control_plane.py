"""control_plane: what each chart deploys into the host namespace (DESIGN §8, quota arithmetic)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.legacy.catalog._plain import ALL_REFS, ref
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.catalog import chart_defaults, control_plane
from vcvalues.legacy.catalog.conditions import lookup
from vcvalues.legacy.catalog.control_plane import Port
from vcvalues.legacy.chart import ChartRef, ChartVersion, Distro

K3S = ref("k3s", "0.19.10")


def _with(chart: ChartRef, **changes: Any) -> dict[str, Any]:
    """Chart defaults with dotted-path changes: _with(K3S, **{"service.type": "NodePort"})."""
    values = chart_defaults(chart)
    for dotted, value in changes.items():
        node = values
        *parents, last = dotted.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return values


def _rendered_services(chart: ChartRef, values: dict[str, Any]) -> dict[str, tuple[str, int]]:
    plane = control_plane(chart)
    return {
        service.name: (
            "None" if service.headless else service.service_type(values),
            service.node_ports(values),
        )
        for service in plane.services
        if service.when.holds(values)
    }


def test_k3s_0_19_10_workload_matches_design_section_8() -> None:
    plane = control_plane(K3S)
    values = chart_defaults(K3S)
    assert [w.name for w in plane.workloads] == ["{release}"]
    pod = plane.workload("{release}")
    assert pod.kind_for(values) == "StatefulSet"
    assert pod.when.holds(values)
    assert pod.replicas is not None
    assert pod.replicas.path == ("syncer", "replicas")
    assert pod.replicas.resolve(values) == 1
    assert [(c.name, c.init, c.resources, c.security_context) for c in pod.containers] == [
        ("vcluster", True, ("vcluster", "resources"), ("securityContext",)),
        ("syncer", False, ("syncer", "resources"), ("securityContext",)),
    ]
    assert all(c.when.holds(values) for c in pod.containers)
    vcluster, syncer = pod.containers
    assert lookup(values, vcluster.resources or ()) == {
        "limits": {"cpu": "100m", "memory": "256Mi"},
        "requests": {"cpu": "40m", "memory": "64Mi"},
    }
    syncer_resources = lookup(values, syncer.resources or ())
    assert syncer_resources == {
        "limits": {"ephemeral-storage": "8Gi", "memory": "2Gi"},
        "requests": {"ephemeral-storage": "200Mi", "cpu": "200m", "memory": "256Mi"},
    }
    assert "cpu" not in syncer_resources["limits"]  # the syncer sets no CPU limit
    claim = pod.volume_claim
    assert claim is not None
    assert claim.name == "data"
    assert claim.size.path == ("syncer", "storage", "size")
    assert claim.size.resolve(values) == "5Gi"
    assert claim.persistence.holds(values)
    assert not claim.persistence.holds(_with(K3S, **{"syncer.storage.persistence": False}))
    assert claim.override == ("volumeClaimTemplates",)


def test_k3s_0_19_10_services_match_design_section_8() -> None:
    assert _rendered_services(K3S, chart_defaults(K3S)) == {
        "{release}": ("ClusterIP", 0),
        "{release}-headless": ("None", 0),
    }
    assert _rendered_services(K3S, _with(K3S, **{"service.type": "NodePort"})) == {
        "{release}": ("NodePort", 2),
        "{release}-headless": ("None", 0),
    }
    assert _rendered_services(K3S, _with(K3S, **{"service.type": "LoadBalancer"})) == {
        "{release}": ("ClusterIP", 0),
        "{release}-lb": ("LoadBalancer", 1),
        "{release}-headless": ("None", 0),
    }
    main = control_plane(K3S).service("{release}")
    assert main.ports == (Port(443), Port(10250))
    assert control_plane(K3S).service("{release}-lb").ports == (Port(443),)


def test_k3s_0_19_10_coredns_matches_design_section_8() -> None:
    coredns = control_plane(K3S).coredns
    assert coredns is not None
    values = chart_defaults(K3S)
    assert coredns.when.holds(values)
    assert not coredns.when.holds(_with(K3S, **{"coredns.enabled": False}))
    assert not coredns.when.holds(_with(K3S, **{"coredns.integrated": True}))
    assert coredns.replicas.path == ("coredns", "replicas")
    assert coredns.replicas.resolve(values) == 1
    assert coredns.resources == ("coredns", "resources")
    assert lookup(values, coredns.resources) == {
        "limits": {"cpu": "1000m", "memory": "170Mi"},
        "requests": {"cpu": "3m", "memory": "16Mi"},
    }
    assert coredns.service_ports == (Port(53, "UDP"), Port(53, "TCP"), Port(9153, "TCP"))
    assert coredns.service_type == ("coredns", "service", "type")
    assert coredns.seccomp_when.holds(_with(K3S, **{"isolation.enabled": True}))
    assert not coredns.seccomp_when.holds(values)


def test_legacy_replicas_and_storage_keys_win_in_0_19() -> None:
    pod = control_plane(K3S).workload("{release}")
    assert pod.replicas is not None and pod.volume_claim is not None
    values = _with(K3S, replicas=3, storage={"size": "9Gi"})
    assert pod.replicas.resolve(values) == 3
    assert pod.volume_claim.size.resolve(values) == "9Gi"
    assert pod.volume_claim.persistence.holds(values)  # storage has no `persistence`: syncer.storage's
    assert not pod.volume_claim.persistence.holds(_with(K3S, storage={"persistence": False}))
    # compared as rendered text: only a boolean true (or "true") makes a claim
    assert not pod.volume_claim.persistence.holds(_with(K3S, storage={"persistence": 1}))


def test_headless_renders_no_workload() -> None:
    values = _with(K3S, headless=True)
    plane = control_plane(K3S)
    assert not plane.workload("{release}").when.holds(values)
    assert set(_rendered_services(K3S, values)) == {"{release}"}
    assert plane.coredns is not None and not plane.coredns.when.holds(values)


def test_k0s_init_container_without_resources_0_18_0_to_0_19_1() -> None:
    for chart in ALL_REFS:
        if chart.distro is not Distro.K0S:
            continue
        vcluster = control_plane(chart).workload("{release}").containers[0]
        assert vcluster.name == "vcluster"
        assert vcluster.init is chart.version.at_least("0.18.0")
        no_resources = chart.version.at_least("0.18.0") and not chart.version.at_least("0.19.2")
        assert (vcluster.resources is None) is no_resources, chart


def test_k3s_distro_container_becomes_init_in_0_17_0() -> None:
    assert control_plane(ref("k3s", "0.16.4")).workload("{release}").containers[0].init is False
    assert control_plane(ref("k3s", "0.17.0")).workload("{release}").containers[0].init is True


def test_k3s_enable_ha_deployment_before_0_17_0() -> None:
    chart = ref("k3s", "0.16.4")
    pod = control_plane(chart).workload("{release}")
    ha = _with(chart, enableHA=True)
    assert pod.kind_for(ha) == "Deployment"
    assert pod.kind_for(chart_defaults(chart)) == "StatefulSet"
    assert pod.volume_claim is not None and not pod.volume_claim.when.holds(ha)
    assert "{release}-headless" not in _rendered_services(chart, ha)
    assert control_plane(ref("k3s", "0.17.0")).workload("{release}").kind == "StatefulSet"


@pytest.mark.parametrize(
    ("version", "base"),
    [("0.15.5", None), ("0.15.6", ("securityContext",)), ("0.15.7", ("podSecurityContext",))],
)
def test_k3s_pod_security_context_source(version: str, base: tuple[str, ...] | None) -> None:
    pod_security = control_plane(ref("k3s", version)).workload("{release}").pod_security
    assert pod_security is not None
    assert pod_security.base == base
    assert pod_security.fs_group == ("fsGroup",)


def test_k8s_before_0_19_separate_workloads() -> None:
    plane = control_plane(ref("k8s", "0.18.1"))
    values = chart_defaults(ref("k8s", "0.18.1"))
    assert [w.name for w in plane.workloads] == [
        "{release}",
        "{release}-api",
        "{release}-controller",
        "{release}-scheduler",
        "{release}-etcd",
    ]
    assert [w.name for w in plane.workloads if w.when.holds(values)] == [
        "{release}",
        "{release}-api",
        "{release}-controller",
        "{release}-etcd",
    ]
    api = plane.workload("{release}-api")
    assert api.kind == "Deployment"
    assert api.replicas is not None and api.replicas.path == ("api", "replicas")
    assert [(c.name, c.resources, c.security_context) for c in api.containers] == [
        ("kube-apiserver", ("api", "resources"), ("api", "securityContext"))
    ]
    etcd = plane.workload("{release}-etcd")
    assert etcd.volume_claim is not None
    assert etcd.volume_claim.size.resolve(values) == "5Gi"
    assert etcd.volume_claim.override == ("etcd", "volumeClaimTemplates")
    names = {name for name, _ in _rendered_services(ref("k8s", "0.18.1"), values).items()}
    assert names == {"{release}", "{release}-api", "{release}-etcd", "{release}-etcd-headless"}
    eks = control_plane(ref("eks", "0.18.1"))
    assert "{release}-scheduler" not in [w.name for w in eks.workloads]


def test_k8s_0_19_init_containers_get_syncer_resources_from_0_19_3() -> None:
    for version, resources in (("0.19.2", None), ("0.19.3", ("syncer", "resources"))):
        pod = control_plane(ref("k8s", version)).workload("{release}")
        assert [(c.name, c.init, c.resources) for c in pod.containers] == [
            ("vcluster-copy", True, resources),
            ("kube-controller-manager", True, resources),
            ("kube-scheduler-manager", True, resources),
            ("kube-apiserver", True, resources),
            ("syncer", False, ("syncer", "resources")),
        ]
        assert pod.containers[-1].security_context == ("syncer", "securityContext")
    eks = control_plane(ref("eks", "0.19.10")).workload("{release}")
    assert [c.name for c in eks.containers] == [
        "vcluster-copy",
        "kube-controller-manager",
        "kube-apiserver",
        "syncer",
    ]


def test_k8s_0_19_kind_and_etcd() -> None:
    chart = ref("k8s", "0.19.10")
    plane = control_plane(chart)
    values = chart_defaults(chart)
    pod = plane.workload("{release}")
    assert pod.kind_for(values) == "Deployment"
    embedded = _with(chart, pro=True, **{"embeddedEtcd.enabled": True})
    assert pod.kind_for(embedded) == "StatefulSet"
    assert plane.workload("{release}-etcd").when.holds(values)
    assert not plane.workload("{release}-etcd").when.holds(embedded)
    assert _rendered_services(chart, embedded)["{release}-headless"] == ("None", 0)
    headless = plane.service("{release}-headless")
    assert [p.port for p in headless.ports_for(embedded)] == [443, 2379, 2380]
    assert pod.pod_security is not None and pod.pod_security.base == ("syncer", "podSecurityContext")


def test_hostpath_mapper_until_0_15_2() -> None:
    for chart in ALL_REFS:
        names = [w.name for w in control_plane(chart).workloads]
        assert ("{release}-hostpath-mapper" in names) is (not chart.version.at_least("0.15.3")), chart
    mapper = control_plane(ref("k8s", "0.15.2")).workload("{release}-hostpath-mapper")
    assert mapper.replicas is None  # a DaemonSet: one pod per node
    assert mapper.kind_for({"hostpathMapper": {"dev": True}}) == "Deployment"
    assert not mapper.when.holds(chart_defaults(ref("k8s", "0.15.2")))


def test_eks_coredns_service_is_always_cluster_ip() -> None:
    coredns = control_plane(ref("eks", "0.19.10")).coredns
    assert coredns is not None and coredns.service_type is None
    old = control_plane(ref("eks", "0.15.2")).coredns
    assert old is not None and old.when.holds({"coredns": {"enabled": False}})


@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_defaults_always_render_the_main_pod_and_service(chart: ChartRef) -> None:
    values = chart_defaults(chart)
    plane = control_plane(chart)
    pod = plane.workload("{release}")
    assert pod.when.holds(values)
    assert any(c.name == "syncer" and c.when.holds(values) for c in pod.containers)
    assert _rendered_services(chart, values)["{release}"] == ("ClusterIP", 0)
    for workload in plane.workloads:
        for container in workload.containers:
            if container.resources is not None:
                assert isinstance(lookup(values, container.resources), dict), (workload.name, container.name)
    assert plane.coredns is not None and plane.coredns.when.holds(values)


def test_unsupported_version() -> None:
    with pytest.raises(UnsupportedChartVersionError):
        control_plane(ChartRef(Distro.EKS, ChartVersion(0, 20, 0)))
