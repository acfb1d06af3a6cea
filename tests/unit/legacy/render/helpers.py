"""Test inputs for render: chart defaults with small overrides merged the way Helm coalesces them."""

from __future__ import annotations

from typing import Any

from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.chart import ChartRef, resolve_chart

RELEASE = "my-vc"
NAMESPACE = "team-a"


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Helm's coalesce of one override onto defaults: maps merge, a None deletes a default key."""
    out = dict(base)
    for key, value in override.items():
        if value is None and key in base:
            del out[key]
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = merge(base[key], value)
        else:
            out[key] = value
    return out


def chart(version: str, distro: str) -> ChartRef:
    return resolve_chart(version, distro)


def effective(
    ref: ChartRef, override: dict[str, Any] | None = None, *, isolated: bool = True
) -> dict[str, Any]:
    """Chart defaults of ``ref`` with isolation on (unless told otherwise) and ``override`` on top."""
    values = merge(chart_defaults(ref), {"isolation": {"enabled": isolated}})
    return merge(values, override or {})
