"""--namespace-manifest: the Namespace that hosts the vcluster's own pods must admit them (checked with
the Pod Security evaluator); render says why it enforces less than podSecurityStandard."""

from __future__ import annotations

import io

import pytest

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.cli import IO, main
from vcvalues.legacy.render import render_manifests
from vcvalues.legacy.rules.pod_security import refused_pods

ENFORCE = "pod-security.kubernetes.io/enforce"
HARDENED = {
    "runAsUser": 1000,
    "runAsGroup": 1000,
    "runAsNonRoot": True,
    "allowPrivilegeEscalation": False,
    "capabilities": {"drop": ["ALL"]},
    "seccompProfile": {"type": "RuntimeDefault"},
}


def _enforced(distro: str, release: str, overrides: dict[str, object]) -> str:
    ref = chart(release, distro)
    values = effective(ref, overrides)
    manifests = render_manifests(
        values, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True
    )
    level = manifests[0].body["metadata"]["labels"][ENFORCE]
    assert refused_pods(values, ref, RELEASE, level) == []  # the label admits the control plane
    return str(level)


@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s", "eks"])
@pytest.mark.parametrize("release", ["0.15.0", "0.19.10"])
def test_restricted_is_lowered_to_what_admits_the_default_control_plane(distro: str, release: str) -> None:
    level = _enforced(distro, release, {"isolation": {"podSecurityStandard": "restricted"}})
    assert level == "baseline"
    assert _enforced(distro, release, {"isolation": {"podSecurityStandard": "baseline"}}) == "baseline"


def test_a_hardened_control_plane_keeps_restricted() -> None:
    overrides = {"isolation": {"podSecurityStandard": "restricted"}, "securityContext": HARDENED}
    assert _enforced("k3s", "0.19.10", overrides) == "restricted"


def test_render_warns_and_says_what_to_change() -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["render", "--namespace-manifest", "--set", "isolation.enabled=true"]
    argv += ["--set", "isolation.podSecurityStandard=restricted"]
    argv += ["--set", "syncer.extraArgs={--service-account-token-secrets}"]
    assert main(argv, IO(out, err)) == 0
    assert f"{ENFORCE}: baseline" in out.getvalue()
    lines = err.getvalue().splitlines()
    assert lines[0].startswith(
        "--set[2]:1:1: warning [control-plane-pod-security] the Namespace enforces baseline, not "
        "restricted: it hosts the vcluster's own pod vcluster, which restricted refuses (violates "
        'PodSecurity "restricted:latest": unrestricted capabilities'
    )
    assert lines[0].endswith(
        "to enforce restricted, adjust the security contexts (runAsNonRoot, capabilities.drop [ALL], "
        "seccompProfile RuntimeDefault, allowPrivilegeEscalation false) (isolation.podSecurityStandard)"
    )
