"""Every check, and the ordered list of check functions for each level and policy version.

Built once at import, as upstream's ``checkRegistry`` (policy/registry.go): for each version v1.0..v1.35 each
check contributes the revision in force at that version; restricted runs the baseline checks too, except the
ones a restricted revision overrides; order is the baseline ids sorted, then the restricted ids sorted.
"""

from __future__ import annotations

from collections.abc import Mapping

from vcvalues.pss import host, privilege, profiles, sysctls, users, volumes
from vcvalues.pss._base import Check, CheckFn, VersionedCheck
from vcvalues.pss.levels import NEWEST_MINOR, Level

ALL_CHECKS: tuple[Check, ...] = (
    *host.CHECKS,
    *privilege.CHECKS,
    *profiles.CHECKS,
    *sysctls.CHECKS,
    *users.CHECKS,
    *volumes.CHECKS,
)

CheckTable = tuple[tuple[str, CheckFn], ...]


def _validate(checks: tuple[Check, ...]) -> dict[str, Check]:
    by_id: dict[str, Check] = {}
    for check in checks:
        if check.check_id in by_id:
            raise ValueError(f"duplicate check id {check.check_id}")
        if check.level not in ("baseline", "restricted") or not check.versions:
            raise ValueError(f"check {check.check_id}: bad level or no versions")
        minors = [v.min_minor for v in check.versions]
        if minors != sorted(set(minors)):
            raise ValueError(f"check {check.check_id}: versions must be strictly increasing")
        by_id[check.check_id] = check
    for check in checks:
        for revision in check.versions:
            for target in revision.overrides:
                if check.level != "restricted" or by_id[target].level != "baseline":
                    raise ValueError(f"check {check.check_id}: may not override {target}")
    return by_id


def _in_force(check: Check, minor: int) -> VersionedCheck | None:
    current = None
    for revision in check.versions:
        if revision.min_minor <= minor:
            current = revision
    return current


def _build(checks: tuple[Check, ...]) -> dict[tuple[Level, int], CheckTable]:
    _validate(checks)
    order = sorted(c.check_id for c in checks if c.level == "baseline")
    order += sorted(c.check_id for c in checks if c.level == "restricted")
    rank = {check_id: i for i, check_id in enumerate(order)}
    tables: dict[tuple[Level, int], CheckTable] = {}
    for minor in range(NEWEST_MINOR + 1):
        active = {c.check_id: (c, r) for c in checks if (r := _in_force(c, minor)) is not None}
        overridden = {t for c, r in active.values() if c.level == "restricted" for t in r.overrides}
        baseline = [(i, r.fn) for i, (c, r) in active.items() if c.level == "baseline"]
        restricted = [(i, r.fn) for i, (c, r) in active.items() if i not in overridden]
        tables[(Level.BASELINE, minor)] = tuple(sorted(baseline, key=lambda item: rank[item[0]]))
        tables[(Level.RESTRICTED, minor)] = tuple(sorted(restricted, key=lambda item: rank[item[0]]))
        tables[(Level.PRIVILEGED, minor)] = ()
    return tables


TABLES: Mapping[tuple[Level, int], CheckTable] = _build(ALL_CHECKS)
"""(level, policy minor version) -> ((check id, check function), ...) in upstream order."""

CHECK_IDS: tuple[str, ...] = tuple(c.check_id for c in ALL_CHECKS)
CHECK_LEVELS: Mapping[str, str] = {c.check_id: c.level for c in ALL_CHECKS}


def checks_for(level: Level, minor: int) -> CheckTable:
    """The checks that run at ``level`` and version v1.<minor> (clamped to v1.35), in upstream order."""
    return TABLES[(level, min(minor, NEWEST_MINOR))]
