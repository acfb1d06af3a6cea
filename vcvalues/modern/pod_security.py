"""Which Pod Security Standard a 0.20+ vcluster enforces, read from its compiled values (``check-pods``).

When ``policies.podSecurityStandard`` is not empty the syncer labels every tenant namespace
``pod-security.kubernetes.io/enforce=<level>`` and refuses to sync pods that violate it (they stay Pending
with a ``SyncError`` event); there is no other switch (MODERN.md §2.6). It evaluates at ``latest`` of the
k8s.io/pod-security-admission it vendors, whose newest policy version depends on the release (go.mod at
each tag, MODERN.md §1.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core.chart import ChartVersion
from vcvalues.core.gofmt import strval
from vcvalues.errors import UsageError
from vcvalues.pss.levels import NEWEST_MINOR, Level
from vcvalues.pss.vcluster import EnforcedStandard

# (first release, pod-security-admission version in go.mod, newest policy minor of that library)
SYNCER_LIBRARIES: tuple[tuple[tuple[int, int, int], str, int], ...] = (
    ((0, 20, 0), "v0.30.2", 30),
    ((0, 21, 0), "v0.31.1", 31),
    ((0, 23, 0), "v0.32", 32),
    ((0, 27, 0), "v0.33", 33),
    ((0, 30, 0), "v0.34.0", 34),
    ((0, 32, 0), "v0.35.0", 35),
    ((0, 35, 0), "v0.36.0", 36),
)


def syncer_newest_minor(version: ChartVersion) -> int:
    """The newest policy version (v1.<N>) ``latest`` means for this release's syncer, clamped to the newest
    this evaluator implements (v1.35: 0.35+ vendor v0.36.0, whose v1.36 adds no check we know of)."""
    newest = SYNCER_LIBRARIES[0][2]
    for first, _, minor in SYNCER_LIBRARIES:
        if version.triple >= first:
            newest = minor
    return min(newest, NEWEST_MINOR)


def enforced_standard(values: Mapping[str, Any], version: ChartVersion) -> EnforcedStandard:
    """Read the enforced standard from compiled (effective) 0.20+ values.

    Raises:
        UsageError: ``policies.podSecurityStandard`` is a level the syncer refuses to start with.
    """
    newest = syncer_newest_minor(version)
    policies = values.get("policies")
    raw = policies.get("podSecurityStandard") if isinstance(policies, dict) else None
    text = "" if raw is None else strval(raw)
    if text == "":
        return EnforcedStandard(
            None, newest, "policies.podSecurityStandard is empty: vcluster enforces no Pod Security Standard"
        )
    try:
        level = Level(text)
    except ValueError:
        raise UsageError(
            f"policies.podSecurityStandard is {text!r}: the syncer refuses to start "
            "(must be privileged, baseline or restricted)"
        ) from None
    return EnforcedStandard(
        level,
        newest,
        f"policies.podSecurityStandard is {level.value}: the syncer of chart {version} enforces "
        f"{level.value}:latest (policy version v1.{newest})",
    )
