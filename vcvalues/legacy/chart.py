"""The legacy charts' reference, now shared by both dialects: see :mod:`vcvalues.core.chart`."""

from __future__ import annotations

from vcvalues.core.chart import (
    DEFAULT_VERSION,
    LEGACY_RELEASES,
    MODERN_RELEASES,
    SUPPORTED_RANGE,
    ChartRef,
    ChartVersion,
    Distro,
    check_release,
    resolve_chart,
)

__all__ = [
    "DEFAULT_VERSION",
    "LEGACY_RELEASES",
    "MODERN_RELEASES",
    "SUPPORTED_RANGE",
    "ChartRef",
    "ChartVersion",
    "Distro",
    "check_release",
    "resolve_chart",
]
