from __future__ import annotations

import pytest

from vcvalues.errors import UsageError
from vcvalues.legacy.chart import ChartVersion
from vcvalues.pss import Level
from vcvalues.pss.vcluster import enforced_standard, syncer_newest_minor


@pytest.mark.parametrize(
    ("version", "minor"),
    [
        ("0.15.0", 25),  # pod-security-admission v0.26.1
        ("0.15.1", 27),  # v0.27.2
        ("0.15.7", 27),
        ("0.16.0", 27),  # v0.28.1
        ("0.18.1", 27),  # v0.28.3
        ("0.19.0", 29),  # v0.29.1
        ("0.19.10", 29),
        ("0.20.0", 35),
        ("0.14.0", 35),
    ],
)
def test_syncer_library_per_release(version, minor):
    assert syncer_newest_minor(ChartVersion.parse(version)) == minor


def test_no_chart_version_means_newest():
    assert syncer_newest_minor(None) == 35


V19 = ChartVersion.parse("0.19.10")


@pytest.mark.parametrize(
    ("isolation", "level"),
    [
        ({"enabled": True, "podSecurityStandard": "restricted"}, Level.RESTRICTED),
        ({"enabled": True, "podSecurityStandard": "baseline"}, Level.BASELINE),
        (
            {"enabled": "false", "podSecurityStandard": "privileged"},
            Level.PRIVILEGED,
        ),  # Go template: "false" is true
        ({"enabled": 1.0, "podSecurityStandard": "baseline"}, Level.BASELINE),
    ],
)
def test_enforced_when_isolation_enabled(isolation, level):
    enforced = enforced_standard({"isolation": isolation}, V19)
    assert enforced.level is level
    assert enforced.newest_minor == 29
    assert enforced.explanation == (
        "isolation is enabled: the syncer of chart 0.19.10 enforces "
        f"{level.value}:latest (policy version v1.29)"
    )


@pytest.mark.parametrize(
    ("values", "explanation"),
    [
        ({"isolation": {"enabled": False, "podSecurityStandard": "restricted"}}, "isolation is not enabled"),
        ({"isolation": {"enabled": "", "podSecurityStandard": "restricted"}}, "isolation is not enabled"),
        ({"isolation": {"enabled": 0}}, "isolation is not enabled"),
        ({}, "isolation is not enabled"),
        (
            {"isolation": {"enabled": True, "podSecurityStandard": None}},
            "isolation.podSecurityStandard is empty",
        ),
        (
            {"isolation": {"enabled": True, "podSecurityStandard": ""}},
            "isolation.podSecurityStandard is empty",
        ),
    ],
)
def test_nothing_enforced(values, explanation):
    enforced = enforced_standard(values, V19)
    assert enforced.level is None
    assert enforced.explanation.startswith(explanation + ": vcluster enforces no Pod Security Standard")


@pytest.mark.parametrize("value", ["Restricted", "strict", True])
def test_invalid_standard_stops_the_syncer(value):
    with pytest.raises(UsageError, match="the syncer refuses to start"):
        enforced_standard({"isolation": {"enabled": True, "podSecurityStandard": value}}, V19)
