"""syncer_flags / syncer_flag_specs: the flags of the syncer binary of each release."""

from __future__ import annotations

import pytest

from tests.unit.legacy.catalog._plain import ALL_REFS, ref
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.catalog import FlagKind, syncer_flag_specs, syncer_flags
from vcvalues.legacy.chart import LEGACY_RELEASES, ChartRef, ChartVersion, Distro

PRO_FLAGS_0_19_3 = {
    "--pro-license-secret",
    "--remote-kube-config",
    "--remote-namespace",
    "--remote-service-name",
    "--integrated-coredns",
    "--use-coredns-plugin",
    "--noop-syncer",
    "--sync-k8s-service",
    "--etcd-embedded",
    "--migrate-from",
    "--etcd-replicas",
    "--enforce-validating-hook",
    "--enforce-mutating-hook",
}
RESERVED = {"--reserved-resource-cpu", "--reserved-resource-memory", "--reserved-resource-ephemeral-storage"}


@pytest.mark.parametrize("chart", ALL_REFS, ids=str)
def test_isolation_related_flags_everywhere(chart: ChartRef) -> None:
    flags = syncer_flags(chart)
    for name in ("--node-selector", "--enforce-pod-security-standard", "--enforce-node-selector", "--sync"):
        assert name in flags
    assert ("--service-account-token-secrets" in flags) is chart.version.at_least("0.15.1")
    assert ("--mount-physical-host-paths" in flags) is chart.version.at_least("0.15.3")
    assert (flags >= PRO_FLAGS_0_19_3) is chart.version.at_least("0.19.3")
    assert not (PRO_FLAGS_0_19_3 & flags) or chart.version.at_least("0.19.3")
    assert (flags >= RESERVED) is chart.version.at_least("0.19.10")
    assert "--help" not in flags
    assert all(name.startswith("--") and "=" not in name for name in flags)


def test_flag_counts_per_release() -> None:
    counts = {
        str(ChartVersion(*t)): len(syncer_flags(ChartRef(Distro.K3S, ChartVersion(*t))))
        for t in LEGACY_RELEASES
    }
    assert counts["0.15.0"] == 59
    assert counts["0.15.1"] == 60
    assert counts["0.15.3"] == counts["0.19.2"] == 61
    assert counts["0.19.3"] == counts["0.19.9"] == 74
    assert counts["0.19.10"] == 77


def test_same_binary_for_every_distro() -> None:
    for triple in LEGACY_RELEASES:
        version = ChartVersion(*triple)
        flags = {distro: syncer_flags(ChartRef(distro, version)) for distro in Distro}
        assert len(set(flags.values())) == 1, version


def test_flag_kinds() -> None:
    specs = syncer_flag_specs(ref("k3s", "0.19.10"))
    expected = {
        "--service-account-token-secrets": FlagKind.BOOL,
        "--enforce-node-selector": FlagKind.BOOL,
        "--sync-all-nodes": FlagKind.BOOL,
        "--node-selector": FlagKind.STRING,
        "--enforce-pod-security-standard": FlagKind.STRING,
        "--sync": FlagKind.STRING_SLICE,
        "--enforce-toleration": FlagKind.STRING_SLICE,
        "--enforce-validating-hook": FlagKind.STRING_ARRAY,
        "--port": FlagKind.INT,
        "--etcd-replicas": FlagKind.INT,
        "--lease-duration": FlagKind.INT64,
    }
    assert {name: specs[name].kind for name in expected} == expected
    assert specs["--node-selector"].takes_value is True
    assert specs["--sync"].takes_value is True
    assert specs["--service-account-token-secrets"].takes_value is False
    assert list(specs)[:3] == ["--kube-config-context-name", "--sync", "--request-header-ca-cert"]


def test_deprecated_flags() -> None:
    specs = syncer_flag_specs(ref("k8s", "0.19.10"))
    assert specs["--fake-nodes"].replacement == "--sync=-fake-nodes"
    assert specs["--suffix"].replacement == "--name"
    assert specs["--rewrite-host-paths"].replacement == "--mount-physical-host-paths"
    assert specs["--name"].deprecated is False
    old = syncer_flag_specs(ref("k8s", "0.15.2"))
    assert old["--rewrite-host-paths"].deprecated is False
    assert old["--fake-nodes"].deprecated is True
    assert sum(spec.deprecated for spec in specs.values()) == 10


def test_unsupported_version() -> None:
    with pytest.raises(UnsupportedChartVersionError):
        syncer_flags(ChartRef(Distro.K3S, ChartVersion(0, 14, 0)))
