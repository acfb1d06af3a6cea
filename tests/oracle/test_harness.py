"""The oracle itself: real Helm loads every chart release and renders its defaults."""

from __future__ import annotations

import pytest

from tests.oracle.conftest import LEGACY_DISTROS, legacy_releases, modern_releases


def test_every_release_is_there() -> None:
    assert len(legacy_releases()) == 28
    assert len(modern_releases()) == 81
    assert legacy_releases()[0] == "0.15.0" and legacy_releases()[-1] == "0.19.10"
    assert modern_releases()[0] == "0.20.0" and modern_releases()[-1] == "0.36.1"


def test_helm_is_v4(helm) -> None:
    assert helm.helm_sdk_version().startswith("v4.")


@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_loaded_chart_carries_the_release_number(load_chart, distro) -> None:
    rendered = load_chart("0.19.10", distro).render(
        {"isolation": {"enabled": True}}, name="my-vc", namespace="team-a"
    )
    by_template = {path.split("/", 1)[1]: text for path, text in rendered.items()}
    assert "kind: ResourceQuota" in by_template["templates/resourcequota.yaml"]
    name = "vcluster" if distro == "k3s" else f"vcluster-{distro}"
    assert f'chart: "{name}-0.19.10"' in by_template["templates/syncer.yaml"]
