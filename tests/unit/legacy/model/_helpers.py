"""Shared by the model tests: reference values files, read as Helm reads them."""

from __future__ import annotations

from typing import Any

from tests.conftest import shared_path
from vcvalues.core.load import load_yaml
from vcvalues.legacy.chart import ChartRef, resolve_chart

# Reference values files in ../shared/reference/vcluster and the chart each belongs to.
REFERENCE_FILES = {
    "k3s-v0.15.7.values.yaml": ("0.15.7", "k3s"),
    "k8s-v0.15.7.values.yaml": ("0.15.7", "k8s"),
    "k3s-v0.19.10.values.yaml": ("0.19.10", "k3s"),
    "k8s-v0.19.10.values.yaml": ("0.19.10", "k8s"),
    "k0s-v0.19.10.values.yaml": ("0.19.10", "k0s"),
    "eks-v0.19.10.values.yaml": ("0.19.10", "eks"),
}


def reference(name: str) -> tuple[dict[str, Any], ChartRef]:
    """The values of one reference file and its chart."""
    path = shared_path("reference", "vcluster", name)
    result = load_yaml(path.read_text(encoding="utf-8"), file=name)
    assert result.diagnostics == []
    version, distro = REFERENCE_FILES[name]
    return result.data, resolve_chart(version, distro)
