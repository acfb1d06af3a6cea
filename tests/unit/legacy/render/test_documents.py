"""Complete rendered documents against documents written out from the chart templates (see expected.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.legacy.render import expected
from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective
from vcvalues.legacy.render import Manifest, render_manifests

DISTROS = ("k3s", "k8s", "k0s", "eks")
CHART_NAMES = {"k3s": "vcluster", "k8s": "vcluster-k8s", "k0s": "vcluster-k0s", "eks": "vcluster-eks"}
ANNOTATIONS = {"team": "a", "cost-center": "42"}

# Which documents carry globalAnnotations: (workloads, control-plane, quota, limit range), read from the
# template blobs listed in expected.py.
ANNOTATED = {
    ("k3s", "0.19.10"): (True, False, True, True),
    ("k8s", "0.19.10"): (True, True, True, True),
    ("k0s", "0.19.10"): (False, False, True, True),
    ("eks", "0.19.10"): (True, True, True, True),
    ("k3s", "0.15.7"): (True, False, True, True),
    ("k8s", "0.15.7"): (True, True, True, True),
    ("k0s", "0.15.7"): (False, False, True, True),
    ("eks", "0.15.7"): (True, True, True, True),
    ("k3s", "0.15.0"): (True, False, True, True),
    ("k8s", "0.15.0"): (False, False, False, False),
    ("k0s", "0.15.0"): (False, False, False, False),
    ("eks", "0.15.0"): (False, False, False, False),
}


def _render(distro: str, version: str, override: dict[str, Any] | None = None) -> list[Manifest]:
    ref = chart(version, distro)
    return render_manifests(effective(ref, override), chart=ref, release=RELEASE, namespace=NAMESPACE)


def _expected(
    distro: str, version: str, *, target: str, annotations: dict[str, str] | None
) -> list[Manifest]:
    documents = [
        ("networkpolicy.yaml", expected.load(expected.WORKLOADS, target=target)),
        ("networkpolicy.yaml", expected.load(expected.CONTROL_PLANE)),
        ("resourcequota.yaml", expected.load(expected.QUOTA, target=target)),
        ("limitrange.yaml", expected.load(expected.LIMIT_RANGE, target=target)),
    ]
    flags = ANNOTATED[(distro, version)] if annotations else (False,) * 4
    return [
        Manifest(
            f"{CHART_NAMES[distro]}/templates/{template}",
            expected.with_annotations(body, annotations) if annotations and flag else body,
        )
        for (template, body), flag in zip(documents, flags, strict=True)
    ]


def _assert_same(rendered: list[Manifest], wanted: list[Manifest]) -> None:
    assert [m.source for m in rendered] == [m.source for m in wanted]
    for got, want in zip(rendered, wanted, strict=True):
        assert expected.ordered(got.body) == expected.ordered(want.body)


@pytest.mark.parametrize("version", ["0.19.10", "0.15.7", "0.15.0"])
@pytest.mark.parametrize("distro", DISTROS)
def test_defaults_in_isolated_mode(distro: str, version: str) -> None:
    _assert_same(_render(distro, version), _expected(distro, version, target=NAMESPACE, annotations=None))


@pytest.mark.parametrize("version", ["0.19.10", "0.15.7", "0.15.0"])
@pytest.mark.parametrize("distro", DISTROS)
def test_annotations_and_isolation_namespace(distro: str, version: str) -> None:
    override = {"globalAnnotations": ANNOTATIONS, "isolation": {"namespace": "tenants"}}
    rendered = _render(distro, version, override)
    _assert_same(rendered, _expected(distro, version, target="tenants", annotations=ANNOTATIONS))
    # the control-plane policy stays in the release namespace whatever isolation.namespace says
    assert [m.namespace for m in rendered] == ["tenants", NAMESPACE, "tenants", "tenants"]


@pytest.mark.parametrize("version", ["0.19.10", "0.15.7"])
@pytest.mark.parametrize("distro", DISTROS)
def test_isolation_off_renders_nothing(distro: str, version: str) -> None:
    ref = chart(version, distro)
    values = effective(ref, isolated=False)
    assert (
        render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True)
        == []
    )


@pytest.mark.parametrize(
    ("override", "kinds"),
    [
        ({"isolation": {"networkPolicy": {"enabled": False}}}, ["ResourceQuota", "LimitRange"]),
        ({"isolation": {"resourceQuota": {"enabled": 0}}}, ["NetworkPolicy", "NetworkPolicy", "LimitRange"]),
        ({"isolation": {"limitRange": {"enabled": ""}}}, ["NetworkPolicy", "NetworkPolicy", "ResourceQuota"]),
        # Go truthiness: the *string* "false" is true, so the object is still rendered
        (
            {"isolation": {"limitRange": {"enabled": "false"}}},
            ["NetworkPolicy", "NetworkPolicy", "ResourceQuota", "LimitRange"],
        ),
        (
            {"isolation": {"enabled": "no", "limitRange": {"enabled": None}}},
            ["NetworkPolicy", "NetworkPolicy", "ResourceQuota"],
        ),
        ({"isolation": {"enabled": {}}}, []),
        ({"isolation": {"enabled": 0.0}}, []),
    ],
)
def test_gates_use_go_truthiness(override: dict[str, Any], kinds: list[str]) -> None:
    assert [m.kind for m in _render("k3s", "0.19.10", override)] == kinds
