"""The default values of each legacy chart, as Helm holds them after reading the chart's values.yaml."""

from __future__ import annotations

import functools
import importlib
from typing import Any

from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.catalog._tree import copy_plain, replay
from vcvalues.legacy.chart import LEGACY_RELEASES, SUPPORTED_RANGE, ChartRef, Distro

# The data modules are imported on first use: a lint of a k3s file never reads the k8s data.
_DATA_MODULES: dict[Distro, str] = {
    Distro.K3S: "vcvalues.legacy.catalog._defaults_k3s",
    Distro.K8S: "vcvalues.legacy.catalog._defaults_k8s",
    Distro.K0S: "vcvalues.legacy.catalog._defaults_k0s",
    Distro.EKS: "vcvalues.legacy.catalog._defaults_eks",
}


def chart_defaults(ref: ChartRef) -> dict[str, Any]:
    """The chart's default values: a fresh deep copy the caller may change.

    Equal to what Helm reads from ``charts/<distro>/values.yaml`` at tag ``v<version>``: plain
    dict/list/str/bool/None/int/float in file key order, integers as ``int`` and decimals as ``float``,
    nulls kept as ``None``, YAML 1.1 scalars resolved as go-yaml v2 does.

    Args:
        ref: the chart (distro and version).

    Returns:
        A new nested dict on every call.

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    result: dict[str, Any] = copy_plain(built_defaults(ref))
    return result


def check_supported(ref: ChartRef) -> None:
    """Raise ``UnsupportedChartVersionError`` unless ``ref`` is a legacy release the catalogue holds."""
    if ref.version.triple not in LEGACY_RELEASES:
        raise UnsupportedChartVersionError(
            f"chart version {ref.version} is not a supported vcluster release; supported: {SUPPORTED_RANGE}"
        )


@functools.cache
def built_defaults(ref: ChartRef) -> dict[str, Any]:
    """The shared, cached defaults of ``ref``. Never modify or hand out the result: copy it."""
    check_supported(ref)
    module = importlib.import_module(_DATA_MODULES[ref.distro])
    return replay(module.BASE, module.HISTORY, ref.version.triple)
