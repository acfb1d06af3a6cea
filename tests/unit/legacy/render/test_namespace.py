"""The optional Namespace (--namespace-manifest): first in Helm's install order, Pod Security labels."""

from __future__ import annotations

import pytest

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.legacy.render import render_manifests


@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s", "eks"])
@pytest.mark.parametrize("level", ["privileged", "baseline", "restricted"])
def test_namespace_first_with_labels(distro: str, level: str) -> None:
    ref = chart("0.19.10", distro)
    values = effective(ref, {"isolation": {"namespace": "tenants", "podSecurityStandard": level}})
    manifests = render_manifests(
        values, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True
    )
    assert [m.kind for m in manifests] == [
        "Namespace",
        "NetworkPolicy",
        "NetworkPolicy",
        "ResourceQuota",
        "LimitRange",
    ]
    namespace = manifests[0]
    assert namespace.source == "vcvalues/namespace.yaml"
    assert not namespace.from_chart
    assert namespace.body == {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": "tenants",
            "labels": {
                "pod-security.kubernetes.io/enforce": level,
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
            },
        },
    }
    assert namespace.namespace is None


def test_namespace_defaults_to_the_release_namespace_and_needs_isolation() -> None:
    ref = chart("0.15.7", "k0s")
    manifests = render_manifests(
        effective(ref), chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True
    )
    assert manifests[0].name == NAMESPACE
    off = effective(ref, isolated=False)
    assert (
        render_manifests(off, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True) == []
    )
    first = render_manifests(effective(ref), chart=ref, release=RELEASE, namespace=NAMESPACE)[0]
    assert first.kind == "NetworkPolicy"
