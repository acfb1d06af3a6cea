"""Every manifest render emits passes the Kubernetes OpenAPI schema (kubernetes-validate, strict).

kubernetes-validate ships schemas for 1.25 - 1.37 (``kubernetes_validate.utils.all_versions``); we check
1.29 and the newest it ships.
"""

from __future__ import annotations

from typing import Any

import kubernetes_validate
import pytest
from kubernetes_validate.utils import latest_version, major_minor

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.legacy.render import render_manifests

KUBERNETES = ("1.29", major_minor(latest_version()))  # "1.37" with kubernetes-validate 1.37.0

VARIANTS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "annotated": {
        "globalAnnotations": {"team": "a", "example.com/owner": "ops"},
        "isolation": {
            "namespace": "tenants",
            "podSecurityStandard": "restricted",
            "resourceQuota": {
                "quota": {"requests.nvidia.com/gpu": 2, "services.nodeports": None, "count/pods": 1000000},
                "scopeSelector": {
                    "matchExpressions": [{"scopeName": "PriorityClass", "operator": "In", "values": ["high"]}]
                },
                "scopes": ["NotBestEffort"],
            },
            "networkPolicy": {"outgoingConnections": {"ipBlock": {"cidr": "10.0.0.0/8", "except": []}}},
        },
    },
    "empty-maps": {
        "isolation": {
            "resourceQuota": {
                "quota": dict.fromkeys(
                    effective(chart("0.19.10", "k3s"))["isolation"]["resourceQuota"]["quota"]
                )
            },
            "limitRange": {"default": None, "defaultRequest": None},
            "networkPolicy": {"outgoingConnections": {"ipBlock": {"except": None}}},
        }
    },
}


def _manifests() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for distro in ("k3s", "k8s", "k0s", "eks"):
        for version in ("0.15.0", "0.15.7", "0.17.1", "0.19.10"):
            ref = chart(version, distro)
            for variant, override in VARIANTS.items():
                values = effective(ref, override)
                for manifest in render_manifests(
                    values, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True
                ):
                    out.append(
                        (f"{distro}-{version}-{variant}-{manifest.kind}-{manifest.name}", manifest.body)
                    )
    return out


MANIFESTS = _manifests()


def test_every_kind_and_variant_is_covered() -> None:
    kinds = {body["kind"] for _, body in MANIFESTS}
    assert kinds == {"Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange"}
    assert len(MANIFESTS) == 4 * 4 * 3 * 5
    assert any(body["kind"] == "ResourceQuota" and body["spec"]["hard"] is None for _, body in MANIFESTS)


@pytest.mark.parametrize("kubernetes", KUBERNETES)
def test_manifests_pass_the_openapi_schema(kubernetes: str) -> None:
    for label, body in MANIFESTS:
        try:
            checked = kubernetes_validate.validate(body, kubernetes, strict=True)
        except kubernetes_validate.ValidationError as exc:  # pragma: no cover - the failure message
            pytest.fail(f"{label}: {exc.message}")
        assert checked == kubernetes


def test_the_schema_check_can_fail() -> None:
    ref = chart("0.19.10", "k3s")
    body = render_manifests(effective(ref), chart=ref, release=RELEASE, namespace=NAMESPACE)[2].body
    body["metadata"]["annotations"] = {"n": 1}  # what a number in globalAnnotations would give
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(body, KUBERNETES[-1], strict=True)
    body["metadata"].pop("annotations")
    body["spec"]["unknown"] = 1
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(body, KUBERNETES[-1], strict=True)
