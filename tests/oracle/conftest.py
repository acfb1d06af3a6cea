"""Real Helm as the oracle: helm-python-sdk (Helm v4.2.3's Go SDK) loads the upstream chart sources.

Without the package or ../shared the oracle tests skip with the reason; under CI=true they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import shared_path

LEGACY_DISTROS = ("k3s", "k8s", "k0s", "eks")


def _releases(kind: str) -> list[str]:
    """Every chart release under ../shared/reference/vcluster/charts of one dialect, oldest first."""
    root = shared_path("reference", "vcluster", "charts")
    marker = "chart" if kind == "modern" else "k3s"
    found = [p.name for p in root.iterdir() if p.is_dir() and (p / marker).is_dir()]
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))


def helm_module() -> ModuleType:
    """helm_python, or a skip (a fail under CI=true) when the package is not installed."""
    try:
        import helm_python
    except ImportError as error:  # pragma: no cover - depends on the machine
        reason = f"helm-python-sdk is not installed ({error}): pip install -e '.[oracle]'"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return helm_python


@pytest.fixture(scope="session")
def helm() -> ModuleType:
    """The helm_python module (real Helm v4.2.3)."""
    return helm_module()


def sample(items: list[str], config: pytest.Config, keep: int = 4) -> list[str]:
    """All items with --oracle-all, else a fixed spread: the first, the last and evenly spaced ones."""
    if config.getoption("--oracle-all") or len(items) <= keep:
        return items
    step = (len(items) - 1) / (keep - 1)
    return sorted({items[round(i * step)] for i in range(keep)}, key=items.index)


_CHART_CACHE: dict[tuple[str, str], Any] = {}


@pytest.fixture(scope="session")
def load_chart(helm: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Any]:
    """load_chart(release, distro) -> helm_python.Chart, with Chart.yaml's version set to the release.

    The repository's Chart.yaml says ``version: 0.0.1``; the published chart carries the release number,
    which templates print (the ``chart:`` label). distro is ``k3s|k8s|k0s|eks`` (0.15-0.19) or ``chart``.
    """
    base = tmp_path_factory.mktemp("charts")

    def load(release: str, distro: str = "chart") -> Any:
        key = (release, distro)
        if key not in _CHART_CACHE:
            source = shared_path("reference", "vcluster", "charts", release, distro)
            target = base / release / distro
            if not target.exists():
                shutil.copytree(source, target)
                chart_yaml = target / "Chart.yaml"
                lines = chart_yaml.read_text().splitlines(keepends=True)
                chart_yaml.write_text(
                    "".join(f"version: {release}\n" if ln.startswith("version:") else ln for ln in lines)
                )
            _CHART_CACHE[key] = helm.Chart.load(str(target))
        return _CHART_CACHE[key]

    return load


def legacy_releases() -> list[str]:
    """0.15.0 ... 0.19.10 (28 releases)."""
    return _releases("legacy")


def modern_releases() -> list[str]:
    """0.20.0 ... 0.36.1 (81 releases)."""
    return _releases("modern")


def chart_path(release: str, distro: str = "chart") -> Path:
    """The upstream chart directory of one release (and legacy distro)."""
    return shared_path("reference", "vcluster", "charts", release, distro)
