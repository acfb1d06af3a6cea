"""control-plane-pod-security on 0.20+ values: the control-plane and etcd pods the chart creates, judged at
the host level the rule option gives, at exact (line, column) and per release boundary (kubeVip 0.30.0,
the k8s init container's name 0.25.0)."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from vcvalues.core.chart import resolve_modern
from vcvalues.core.config import RulesConfig, RuleSetting
from vcvalues.core.diagnostics import Diagnostic
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import compile_modern

RULE = "control-plane-pod-security"
RESTRICTED = (
    "        allowPrivilegeEscalation: false\n        runAsUser: 1000\n        runAsNonRoot: true\n"
    "        capabilities:\n          drop:\n          - ALL\n        seccompProfile:\n"
    "          type: RuntimeDefault\n"
)
COMPLIANT = (
    "controlPlane:\n  distro:\n    k8s:\n      securityContext:\n"
    + RESTRICTED
    + "  statefulSet:\n    security:\n      containerSecurityContext:\n"
    + RESTRICTED
)
KUBE_VIP = "controlPlane:\n  advanced:\n    kubeVip:\n      enabled: true\n"


def lint(text: str, version: str = "0.36.1", level: str | None = "restricted") -> list[Diagnostic]:
    options = {"level": level} if level else {}
    config = RulesConfig(MappingProxyType({RULE: RuleSetting(options=MappingProxyType(options))}))
    return compile_modern(
        [load_yaml(text, file="v.yaml")], resolve_modern(version), config=config
    ).diagnostics


def found(text: str, version: str = "0.36.1", level: str | None = "restricted") -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in lint(text, version, level)]


def test_off_without_a_level() -> None:
    assert (
        found(
            "controlPlane:\n  statefulSet:\n    security:\n      containerSecurityContext: {}\n", level=None
        )
        == []
    )


def test_compliant_contexts_pass_restricted_at_every_profile() -> None:
    for version in ("0.20.0", "0.25.0", "0.31.0", "0.36.1"):
        assert found(COMPLIANT, version) == [], version


def test_the_default_root_syncer_fails_restricted_passes_baseline() -> None:
    text = (
        "controlPlane:\n  statefulSet:\n    security:\n      containerSecurityContext:\n"
        "        runAsUser: 0\n"
    )
    assert found(text) == [(RULE, 5, 9)]
    assert found(text, level="baseline") == []
    assert found(text, level="privileged") == []


def test_init_container_only() -> None:
    # the syncer compliant, the distro's init container left at {} -> its context is what fails
    text = "controlPlane:\n  statefulSet:\n    security:\n      containerSecurityContext:\n" + RESTRICTED
    (diagnostic,) = lint(text, "0.25.0")
    assert 'container "kubernetes"' in diagnostic.message and '"syncer"' not in diagnostic.message
    (diagnostic,) = lint(text, "0.24.0")
    assert 'container "vcluster-copy"' in diagnostic.message


def test_kube_vip_capabilities_fail_baseline_from_0_30_0() -> None:
    assert found(KUBE_VIP, "0.30.0", "baseline") == [(RULE, 4, 16)]
    assert found(KUBE_VIP, "0.36.1", "baseline") == [(RULE, 4, 16)]
    (diagnostic,) = lint(KUBE_VIP, "0.30.0", "baseline")
    assert '"NET_ADMIN", "NET_RAW"' in diagnostic.message
    assert found(KUBE_VIP, "0.30.0", "privileged") == []


def test_kube_vip_is_not_a_key_before_0_30_0() -> None:
    assert [r for r, _, _ in found(KUBE_VIP, "0.29.0", "baseline")] == ["unknown-key"]


@pytest.mark.parametrize("key", ["sidecarContainers", "initContainers"])
def test_user_containers_are_judged_from_0_30_0(key: str) -> None:
    text = (
        f"controlPlane:\n  statefulSet:\n    {key}:\n    - name: x\n      securityContext:\n"
        "        privileged: true\n"
    )
    assert found(text, "0.30.0", level="baseline") == [(RULE, 4, 5)]
    assert [r for r, _, _ in found(text, "0.29.0", level="baseline")] == ["unknown-key"]


def test_deployed_etcd_pod() -> None:
    text = (
        "controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n"
        "        statefulSet:\n"
        "          security:\n            containerSecurityContext:\n              privileged: true\n"
    )
    (diagnostic,) = lint(text, level="baseline")
    assert (diagnostic.rule_id, diagnostic.line, diagnostic.column) == (RULE, 9, 15)
    assert "pod of the deployed etcd (vcluster-etcd)" in diagnostic.message


def test_k3s_distro_context() -> None:
    text = (
        "controlPlane:\n  distro:\n    k3s:\n      enabled: true\n      securityContext:\n"
        "        privileged: true\n"
    )
    (diagnostic,) = lint(text, "0.25.0", "baseline")
    assert (diagnostic.line, diagnostic.column) == (6, 9)
    assert 'container "vcluster"' in diagnostic.message
