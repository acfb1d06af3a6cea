"""key_tree / known_child_keys: which keys each chart knows, and which maps are open."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.legacy.catalog._plain import ALL_REFS, ref
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.catalog import KeyKind, KeyTree, chart_defaults, key_tree, known_child_keys
from vcvalues.legacy.chart import ChartRef, ChartVersion, Distro


def _keys(chart: ChartRef, path: tuple[str, ...]) -> set[str] | None:
    known = known_child_keys(chart, path)
    return None if known is None else set(known)


def _default_paths(value: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            paths.append((*prefix, key))
            paths.extend(_default_paths(item, (*prefix, key)))
    return paths


def _open_ancestor(tree: KeyTree, path: tuple[str, ...]) -> bool:
    return any(
        (node := tree.lookup(path[:i])) is not None and node.kind is KeyKind.OPEN for i in range(1, len(path))
    )


@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_every_default_key_path_is_known(chart: ChartRef) -> None:
    tree = key_tree(chart)
    for path in _default_paths(chart_defaults(chart)):
        assert tree.lookup(path) is not None or _open_ancestor(tree, path), path


@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_no_closed_map_without_keys(chart: ChartRef) -> None:
    # An empty default map that is neither open nor given keys would reject every key a user writes.
    tree = key_tree(chart)
    for path in tree.paths():
        node = tree.lookup(path)
        assert node is not None
        if node.kind is KeyKind.MAP:
            assert node.children, path
        else:
            assert not node.children, path


def test_isolation_keys_by_version() -> None:
    base = {"enabled", "namespace", "podSecurityStandard", "resourceQuota", "limitRange", "networkPolicy"}
    assert _keys(ref("k3s", "0.15.0"), ("isolation",)) == base
    for distro in ("k3s", "k8s", "k0s", "eks"):
        assert _keys(ref(distro, "0.15.1"), ("isolation",)) == {*base, "nodeProxyPermission"}
        assert _keys(ref(distro, "0.19.10"), ("isolation",)) == {*base, "nodeProxyPermission"}
    assert _keys(ref("k3s", "0.19.10"), ("isolation", "resourceQuota")) == {
        "enabled",
        "quota",
        "scopeSelector",
        "scopes",
    }
    assert _keys(ref("k3s", "0.19.10"), ("isolation", "resourceQuota", "scopeSelector")) == {
        "matchExpressions"
    }
    assert _keys(ref("k3s", "0.19.10"), ("isolation", "networkPolicy", "outgoingConnections")) == {"ipBlock"}
    assert _keys(ref("k3s", "0.19.10"), ("isolation", "nodeProxyPermission")) == {"enabled"}


@pytest.mark.parametrize(
    "path",
    [
        ("isolation", "resourceQuota", "quota"),
        ("isolation", "limitRange", "default"),
        ("isolation", "limitRange", "defaultRequest"),
        ("syncer", "resources", "limits"),
        ("syncer", "resources", "requests"),
        ("vcluster", "resources", "limits"),
        ("coredns", "resources", "requests"),
        ("annotations",),
        ("labels",),
        ("podAnnotations",),
        ("podLabels",),
        ("globalAnnotations",),
        ("nodeSelector",),
        ("affinity",),
        ("plugin",),
        ("securityContext",),
        ("podSecurityContext",),
        ("ingress", "annotations"),
        ("service", "loadBalancerAnnotations"),
        ("syncer", "serviceAnnotations"),
        ("workloadServiceAccount", "annotations"),
        ("coredns", "nodeSelector"),
        ("coredns", "service", "annotations"),
    ],
)
def test_open_maps_k3s_0_19_10(path: tuple[str, ...]) -> None:
    node = key_tree(ref("k3s", "0.19.10")).lookup(path)
    assert node is not None
    assert node.kind is KeyKind.OPEN
    assert known_child_keys(ref("k3s", "0.19.10"), path) is None
    assert known_child_keys(ref("k3s", "0.19.10"), (*path, "anything")) is None


def test_k8s_eks_open_syncer_security_contexts() -> None:
    for distro in ("k8s", "eks"):
        tree = key_tree(ref(distro, "0.19.10"))
        for path in [
            ("syncer", "securityContext"),
            ("syncer", "podSecurityContext"),
            ("etcd", "nodeSelector"),
        ]:
            node = tree.lookup(path)
            assert node is not None and node.kind is KeyKind.OPEN, (distro, path)
        assert tree.lookup(("securityContext",)) is None


def test_leaves() -> None:
    tree = key_tree(ref("k3s", "0.19.10"))
    for path in [
        ("syncer", "extraArgs"),
        ("sync", "nodes", "nodeSelector"),
        ("isolation", "namespace"),
        ("tolerations",),
    ]:
        node = tree.lookup(path)
        assert node is not None and node.kind is KeyKind.LEAF, path
        assert known_child_keys(ref("k3s", "0.19.10"), path) is None


def test_resources_know_kubernetes_resource_requirements_keys() -> None:
    chart = ref("k3s", "0.19.10")
    for owner in ("syncer", "vcluster", "coredns"):
        assert _keys(chart, (owner, "resources")) == {"limits", "requests", "claims"}
    assert _keys(ref("k8s", "0.19.10"), ("etcd", "resources")) == {"limits", "requests", "claims"}


def test_template_only_keys() -> None:
    k3s = ref("k3s", "0.19.10")
    syncer = known_child_keys(k3s, ("syncer",))
    assert syncer is not None
    assert {"extraVolumeMounts", "image", "command", "workingDir", "disabled", "volumes"} <= syncer
    assert "noArgs" not in syncer  # read up to 0.18.1 only
    assert "noArgs" in (known_child_keys(ref("k3s", "0.18.1"), ("syncer",)) or ())
    assert _keys(k3s, ("storage",)) == {"persistence", "size", "className"}
    assert "className" in (known_child_keys(k3s, ("syncer", "storage")) or ())
    assert _keys(k3s, ("serviceAccount",)) == {"create", "name", "imagePullSecrets"}
    assert {"httpsNodePort", "kubeletNodePort"} <= (known_child_keys(k3s, ("service",)) or set())
    top = known_child_keys(k3s, ())
    assert top is not None
    assert {"fsGroup", "fullnameOverride", "nameOverride", "replicas", "volumeClaimTemplates"} <= top
    assert "serviceCIDR" not in top
    assert "hostpathMapper" not in top


def test_syncer_extra_volume_mounts_from_0_15_1() -> None:
    assert "extraVolumeMounts" not in (known_child_keys(ref("k3s", "0.15.0"), ("syncer",)) or ())
    assert "extraVolumeMounts" in (known_child_keys(ref("k3s", "0.15.1"), ("syncer",)) or ())


@pytest.mark.parametrize(
    ("distro", "last_version_reading_it"),
    [("k3s", "0.16.4"), ("k8s", "0.18.1"), ("eks", "0.18.1"), ("k0s", "0.19.10")],
)
def test_service_cidr(distro: str, last_version_reading_it: str) -> None:
    last = ChartVersion.parse(last_version_reading_it)
    for chart in ALL_REFS:
        if chart.distro.value == distro:
            top = known_child_keys(chart, ())
            assert top is not None
            assert ("serviceCIDR" in top) is (chart.version <= last), chart


def test_sync_controllers_and_enabled() -> None:
    chart = ref("k3s", "0.19.10")
    sync = known_child_keys(chart, ("sync",))
    assert sync is not None
    for name in ("namespaces", "csinodes", "csidrivers", "csistoragecapacities", "legacy-storageclasses"):
        assert name in sync
        assert _keys(chart, ("sync", name)) == {"enabled"}
    assert _keys(chart, ("sync", "ingressclasses")) == {"enabled"}
    assert _keys(chart, ("sync", "generic")) == {"config", "clusterRole", "role"}
    assert _keys(chart, ("sync", "generic", "role")) == {"extraRules"}
    # open: its keys become --reserved-resource-<key> flags, checked by the reserved-resource-flag rule
    assert _keys(chart, ("sync", "nodes", "reservedResources")) is None


def test_unknown_paths() -> None:
    chart = ref("k3s", "0.19.10")
    assert key_tree(chart).lookup(("isolation", "resourceQuota", "hard")) is None
    assert known_child_keys(chart, ("isolation", "resourceQuota", "hard")) is None
    assert known_child_keys(chart, ("nope",)) is None


def test_paths_and_cache() -> None:
    chart = ref("k0s", "0.19.10")
    tree = key_tree(chart)
    assert key_tree(chart) is tree
    paths = list(tree.paths())
    assert ("vcluster", "clusterDomain") in paths
    assert paths.index(("isolation",)) < paths.index(("isolation", "limitRange"))
    with pytest.raises(TypeError):
        tree.children["x"] = tree  # type: ignore[index]


def test_unsupported_version() -> None:
    with pytest.raises(UnsupportedChartVersionError):
        key_tree(ChartRef(Distro.K3S, ChartVersion(0, 20, 0)))
