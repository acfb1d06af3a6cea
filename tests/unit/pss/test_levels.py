from __future__ import annotations

import pytest

from vcvalues.errors import UsageError
from vcvalues.pss import LATEST, Level, LevelVersion, PolicyVersion, parse_level, parse_version


@pytest.mark.parametrize(
    ("text", "minor", "effective"),
    [
        ("latest", None, 35),
        ("v1.0", 0, 0),
        ("v1.9", 9, 9),
        ("v1.35", 35, 35),
        ("v1.36", 36, 35),
        ("v1.999", 999, 35),
    ],
)
def test_parse_version(text, minor, effective):
    version = parse_version(text)
    assert version.minor == minor
    assert version.effective_minor == effective
    assert str(version) == text


@pytest.mark.parametrize(
    "text", ["", "Latest", "v1.01", "v1.", "1.20", "v2.0", "V1.2", "v1.2 ", "v1.2\n", "v1.٣"]
)
def test_parse_version_rejects(text):
    with pytest.raises(UsageError, match=r'must be "latest" or "v1\.x"'):
        parse_version(text)


def test_parse_level():
    assert parse_level("restricted") is Level.RESTRICTED
    assert parse_level(Level.BASELINE) is Level.BASELINE
    for bad in ("Restricted", "", "strict"):
        with pytest.raises(UsageError, match="must be one of privileged, baseline, restricted"):
            parse_level(bad)


def test_level_version_prints_as_upstream():
    assert str(LevelVersion(Level.RESTRICTED, LATEST)) == "restricted:latest"
    assert str(LevelVersion(Level.BASELINE, PolicyVersion(24))) == "baseline:v1.24"
    assert parse_version(PolicyVersion(3)) == PolicyVersion(3)
    assert LATEST.is_latest and not PolicyVersion(35).is_latest
