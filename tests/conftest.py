"""Shared fixtures. Tests run against the installed package (pip install -e .), never by path hacks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Hypothesis profiles: `ci` (default, modest) and `long` (pytest --hypothesis-profile=long).
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("VCVALUES_HYPOTHESIS_PROFILE", "ci"))

# Variables that would change behaviour under test.
for _name in ("VCVALUES_CONFIG", "NO_COLOR", "FORCE_COLOR"):
    os.environ.pop(_name, None)


def shared_path(*parts: str) -> Path:
    """A path under ../shared. Skips when it is absent (a user's clone), fails under CI=true."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is not there: the shared reference data sits beside the project only in CI and dev"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (skip without it, fail under CI=true)."""
    return shared_path()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--oracle-all",
        action="store_true",
        default=False,
        help="real-Helm oracle tests: every chart release and distro (default: a fixed sample per run)",
    )
