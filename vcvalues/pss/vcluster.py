"""Which Pod Security Standard a vcluster (legacy chart, 0.15-0.19) enforces, read from its compiled values.

When ``{{- if .Values.isolation.enabled }}`` holds, the chart passes the syncer
``--enforce-pod-security-standard={{ .Values.isolation.podSecurityStandard }}``
(charts/*/templates/syncer.yaml); an empty value enforces nothing, an unknown one stops the syncer at
start. The syncer evaluates each pod at ``latest`` of the pod-security-admission library it is built
with, whose newest policy version depends on the release (the go.mod of each loft-sh/vcluster tag).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.gofmt import strval
from vcvalues.errors import UsageError
from vcvalues.legacy.chart import ChartVersion
from vcvalues.pss.levels import NEWEST_MINOR, Level

# (first release, pod-security-admission version in go.mod, newest policy minor version of that library)
_SYNCER_LIBRARIES: tuple[tuple[tuple[int, int, int], str, int], ...] = (
    ((0, 15, 0), "v0.26.1", 25),
    ((0, 15, 1), "v0.27.2", 27),
    ((0, 16, 0), "v0.28.1", 27),
    ((0, 18, 0), "v0.28.3", 27),
    ((0, 19, 0), "v0.29.1", 29),
)


def syncer_newest_minor(chart_version: ChartVersion | None) -> int:
    """Newest policy version (v1.<N>) the syncer of this chart release evaluates ``latest`` as.

    Releases outside 0.15.0-0.19.x (or None) give the newest this evaluator knows (v1.35).
    """
    if chart_version is None or not (0, 15, 0) <= chart_version.triple < (0, 20, 0):
        return NEWEST_MINOR
    newest = NEWEST_MINOR
    for first, _, minor in _SYNCER_LIBRARIES:
        if chart_version.triple >= first:
            newest = minor
    return newest


def _go_truthy(value: object) -> bool:
    """Go template ``if``: false, 0, nil and empty strings/lists/maps are false; "false" is true."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, (str, list, dict)):
        return len(value) > 0
    return True


@record
class EnforcedStandard:
    """What the syncer enforces.

    Attributes:
        level: the level enforced, or None when nothing is.
        newest_minor: the newest policy version its ``latest`` means.
        explanation: one sentence saying why, naming the values keys.
    """

    level: Level | None
    newest_minor: int
    explanation: str


def enforced_standard(values: Mapping[str, Any], chart_version: ChartVersion | None) -> EnforcedStandard:
    """Read the enforced standard from compiled (effective) values of a legacy chart.

    Raises:
        UsageError: ``isolation.podSecurityStandard`` is set to something the syncer refuses to start with.
    """
    newest = syncer_newest_minor(chart_version)
    isolation = values.get("isolation")
    if not isinstance(isolation, dict) or not _go_truthy(isolation.get("enabled")):
        return EnforcedStandard(
            None, newest, "isolation is not enabled: vcluster enforces no Pod Security Standard on pods"
        )
    text = strval(isolation.get("podSecurityStandard"))
    if text == "":
        return EnforcedStandard(
            None, newest, "isolation.podSecurityStandard is empty: vcluster enforces no Pod Security Standard"
        )
    try:
        level = Level(text)
    except ValueError:
        raise UsageError(
            f"isolation.podSecurityStandard is {text!r}: the syncer refuses to start "
            "(must be privileged, baseline or restricted)"
        ) from None
    return EnforcedStandard(
        level,
        newest,
        f"isolation is enabled: the syncer of chart {chart_version or 'latest'} enforces "
        f"{level.value}:latest (policy version v1.{newest})",
    )
