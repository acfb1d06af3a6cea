from __future__ import annotations

import pytest

from vcvalues.pss import CHECK_IDS, CHECK_LEVELS, Level, checks_for, policy_for
from vcvalues.pss._base import Check, VersionedCheck
from vcvalues.pss.registry import _build

BASELINE_35 = [
    "appArmorProfile",
    "capabilities_baseline",
    "hostNamespaces",
    "hostPathVolumes",
    "hostPorts",
    "hostProbesAndHostLifecycle",
    "privileged",
    "procMount",
    "seLinuxOptions",
    "seccompProfile_baseline",
    "sysctls",
    "windowsHostProcess",
]
RESTRICTED_35 = [
    "appArmorProfile",
    "hostNamespaces",
    "hostPorts",
    "hostProbesAndHostLifecycle",
    "privileged",
    "seLinuxOptions",
    "sysctls",
    "windowsHostProcess",
    "allowPrivilegeEscalation",
    "capabilities_restricted",
    "procMount_restricted",
    "restrictedVolumes",
    "runAsNonRoot",
    "runAsUser",
    "seccompProfile_restricted",
]


def ids(level: str, minor: int) -> list[str]:
    return [check_id for check_id, _ in checks_for(Level(level), minor)]


def test_nineteen_checks():
    assert len(CHECK_IDS) == len(set(CHECK_IDS)) == 19
    assert sum(level == "baseline" for level in CHECK_LEVELS.values()) == 12


def test_order_and_overrides_at_latest():
    assert ids("baseline", 35) == BASELINE_35
    assert ids("restricted", 35) == RESTRICTED_35
    assert policy_for("restricted", "latest").check_ids == tuple(RESTRICTED_35)
    assert policy_for("privileged", "latest").check_ids == ()


@pytest.mark.parametrize(
    ("level", "minor", "expected"),
    [
        # restricted v1.0: no allowPrivilegeEscalation yet, restrictedVolumes overrides hostPathVolumes
        (
            "restricted",
            0,
            [
                "appArmorProfile",
                "capabilities_baseline",
                "hostNamespaces",
                "hostPorts",
                "privileged",
                "procMount",
                "seLinuxOptions",
                "seccompProfile_baseline",
                "sysctls",
                "windowsHostProcess",
                "restrictedVolumes",
                "runAsNonRoot",
            ],
        ),
        ("restricted", 8, ["allowPrivilegeEscalation", "restrictedVolumes", "runAsNonRoot"]),
        (
            "restricted",
            19,
            ["allowPrivilegeEscalation", "restrictedVolumes", "runAsNonRoot", "seccompProfile_restricted"],
        ),
        (
            "restricted",
            23,
            [
                "allowPrivilegeEscalation",
                "capabilities_restricted",
                "restrictedVolumes",
                "runAsNonRoot",
                "runAsUser",
                "seccompProfile_restricted",
            ],
        ),
    ],
)
def test_versions_add_checks(level, minor, expected):
    got = ids(level, minor)
    if minor == 0:
        assert got == expected
    else:
        assert [i for i in got if CHECK_LEVELS[i] == "restricted"] == expected


def test_overridden_baseline_checks_leave_restricted():
    assert "seccompProfile_baseline" in ids("restricted", 18)
    assert "seccompProfile_baseline" not in ids("restricted", 19)
    assert "capabilities_baseline" in ids("restricted", 21)
    assert "capabilities_baseline" not in ids("restricted", 22)
    assert "procMount" in ids("restricted", 34)
    assert "procMount" not in ids("restricted", 35)
    assert "hostProbesAndHostLifecycle" not in ids("baseline", 33)
    assert "hostProbesAndHostLifecycle" in ids("baseline", 34)


def test_newer_versions_clamp_to_newest():
    assert checks_for(Level.RESTRICTED, 99) == checks_for(Level.RESTRICTED, 35)
    assert policy_for("restricted", "v1.99").checks == policy_for("restricted", "latest").checks
    assert policy_for("baseline", "v1.40").minor == 35


def _noop(pod):
    return None


@pytest.mark.parametrize(
    "checks",
    [
        (
            Check("a", "baseline", (VersionedCheck(0, _noop),)),
            Check("a", "baseline", (VersionedCheck(0, _noop),)),
        ),
        (Check("a", "baseline", (VersionedCheck(3, _noop), VersionedCheck(3, _noop))),),
        (Check("a", "privileged", (VersionedCheck(0, _noop),)),),
        (
            Check("a", "baseline", (VersionedCheck(0, _noop, overrides=("b",)),)),
            Check("b", "baseline", (VersionedCheck(0, _noop),)),
        ),
    ],
)
def test_invalid_registries_are_refused(checks):
    with pytest.raises(ValueError):
        _build(checks)
