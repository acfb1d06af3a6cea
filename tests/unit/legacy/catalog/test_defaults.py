"""chart_defaults: equal to the upstream values files, and the version facts of DESIGN §3 and §7."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path
from tests.unit.legacy.catalog._plain import ALL_REFS, differences, read_values, ref
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.chart import ChartRef, ChartVersion, Distro

REFERENCE_FILES = [
    ("k3s", "0.15.7"),
    ("k3s", "0.19.10"),
    ("k8s", "0.15.7"),
    ("k8s", "0.19.10"),
    ("k0s", "0.19.10"),
    ("eks", "0.19.10"),
]


@pytest.mark.parametrize(("distro", "version"), REFERENCE_FILES)
def test_defaults_equal_reference_values_file(distro: str, version: str) -> None:
    expected = read_values(shared_path("reference", "vcluster", f"{distro}-v{version}.values.yaml"))
    assert differences(chart_defaults(ref(distro, version)), expected) == []


def test_reference_reader_sees_type_and_order_differences() -> None:
    assert differences({"a": 1, "b": 2}, {"b": 2, "a": 1}) == ["(): keys ['a', 'b'] != ['b', 'a']"]
    assert differences({"a": 1}, {"a": 1.0}) == ["('a',): int 1 != float 1.0"]
    assert differences([True], [1]) == ["(0,): bool True != int 1"]


def test_every_release_of_every_distro_builds() -> None:
    for chart in ALL_REFS:
        values = chart_defaults(chart)
        assert values["isolation"]["podSecurityStandard"] == "baseline", chart


def test_isolation_block_is_the_same_for_the_four_distros_of_a_release() -> None:
    for chart in ALL_REFS:
        k3s = chart_defaults(ChartRef(Distro.K3S, chart.version))["isolation"]
        assert differences(chart_defaults(chart)["isolation"], k3s) == [], chart


def test_result_is_a_fresh_copy() -> None:
    first = chart_defaults(ref("k3s", "0.19.10"))
    first["isolation"]["resourceQuota"]["quota"]["count/pods"] = 999
    first["isolation"]["networkPolicy"]["outgoingConnections"]["ipBlock"]["except"].append("x")
    second = chart_defaults(ref("k3s", "0.19.10"))
    assert second["isolation"]["resourceQuota"]["quota"]["count/pods"] == 20
    assert len(second["isolation"]["networkPolicy"]["outgoingConnections"]["ipBlock"]["except"]) == 5


def test_unsupported_version_raises() -> None:
    with pytest.raises(UnsupportedChartVersionError, match=r"0\.15\.0 - 0\.19\.10"):
        chart_defaults(ChartRef(Distro.K3S, ChartVersion(0, 14, 2)))
    with pytest.raises(UnsupportedChartVersionError):
        chart_defaults(ChartRef(Distro.K8S, ChartVersion(0, 19, 11)))


# DESIGN §3: isolation.nodeProxyPermission from 0.15.1 (all distros).
@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_node_proxy_permission_from_0_15_1(chart: ChartRef) -> None:
    isolation = chart_defaults(chart)["isolation"]
    if chart.version.at_least("0.15.1"):
        assert isolation["nodeProxyPermission"] == {"enabled": False}
        assert list(isolation)[:4] == ["enabled", "namespace", "podSecurityStandard", "nodeProxyPermission"]
    else:
        assert "nodeProxyPermission" not in isolation


# DESIGN §3: top-level podSecurityContext from 0.15.7 on k3s/k0s only.
@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_top_level_pod_security_context(chart: ChartRef) -> None:
    values = chart_defaults(chart)
    if chart.distro in (Distro.K3S, Distro.K0S) and chart.version.at_least("0.15.7"):
        assert values["podSecurityContext"] == {}
    else:
        assert "podSecurityContext" not in values


# DESIGN §3: k3s/k0s securityContext gains runAsUser 0 / runAsGroup 0 from 0.16.0.
@pytest.mark.parametrize("chart", [c for c in ALL_REFS if c.distro in (Distro.K3S, Distro.K0S)], ids=str)
def test_k3s_k0s_security_context(chart: ChartRef) -> None:
    values = chart_defaults(chart)
    if chart.version.at_least("0.16.0"):
        expected = {"allowPrivilegeEscalation": False, "runAsUser": 0, "runAsGroup": 0}
        assert values["securityContext"] == expected
        assert type(values["securityContext"]["runAsUser"]) is int
    else:
        assert values["securityContext"] == {"allowPrivilegeEscalation": False}
    assert "securityContext" not in values["syncer"]


# DESIGN §3: coredns.fallback 8.8.8.8 from 0.19.0 (all distros).
@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_coredns_fallback_from_0_19_0(chart: ChartRef) -> None:
    coredns = chart_defaults(chart)["coredns"]
    if chart.version.at_least("0.19.0"):
        assert coredns["fallback"] == "8.8.8.8"
    else:
        assert "fallback" not in coredns


# DESIGN §3: k8s/eks have syncer.securityContext / syncer.podSecurityContext, no top-level keys.
@pytest.mark.parametrize("chart", [c for c in ALL_REFS if c.distro in (Distro.K8S, Distro.EKS)], ids=str)
def test_k8s_eks_syncer_security_contexts(chart: ChartRef) -> None:
    values = chart_defaults(chart)
    assert "securityContext" not in values
    assert "podSecurityContext" not in values
    syncer = values["syncer"]
    if chart.version.at_least("0.19.4"):
        assert syncer["securityContext"] == {"allowPrivilegeEscalation": False}
        assert syncer["podSecurityContext"] == {"runAsUser": 0, "runAsGroup": 0}
    elif chart.version.at_least("0.19.2"):
        assert syncer["securityContext"] == {}
        expected = {"allowPrivilegeEscalation": False, "runAsUser": 0, "runAsGroup": 0}
        assert syncer["podSecurityContext"] == expected
    elif chart.version.at_least("0.15.7"):
        assert syncer["securityContext"] == {}
        assert syncer["podSecurityContext"] == {}
    else:
        assert syncer["securityContext"] == {}
        assert "podSecurityContext" not in syncer


def test_rendered_defaults_of_design_section_7() -> None:
    isolation = chart_defaults(ref("k3s", "0.19.10"))["isolation"]
    quota = isolation["resourceQuota"]
    # %v of what Helm holds: these numbers are whole and < 1e6, so Python's str() prints them as Go does.
    assert {key: str(quota["quota"][key]) for key in sorted(quota["quota"])} == {
        "count/configmaps": "100",
        "count/endpoints": "40",
        "count/persistentvolumeclaims": "20",
        "count/pods": "20",
        "count/secrets": "100",
        "count/services": "20",
        "limits.cpu": "20",
        "limits.ephemeral-storage": "160Gi",
        "limits.memory": "40Gi",
        "requests.cpu": "10",
        "requests.ephemeral-storage": "60Gi",
        "requests.memory": "20Gi",
        "requests.storage": "100Gi",
        "services.loadbalancers": "1",
        "services.nodeports": "0",
    }
    assert type(quota["quota"]["requests.cpu"]) is int
    assert quota["enabled"] is True
    assert quota["scopeSelector"] == {"matchExpressions": None}
    assert quota["scopes"] is None
    assert isolation["limitRange"] == {
        "enabled": True,
        "default": {"ephemeral-storage": "8Gi", "memory": "512Mi", "cpu": "1"},
        "defaultRequest": {"ephemeral-storage": "3Gi", "memory": "128Mi", "cpu": "100m"},
    }
    assert isolation["networkPolicy"] == {
        "enabled": True,
        "outgoingConnections": {
            "ipBlock": {
                "cidr": "0.0.0.0/0",
                "except": ["100.64.0.0/10", "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
            }
        },
    }
    assert isolation["enabled"] is False
    assert isolation["namespace"] is None
