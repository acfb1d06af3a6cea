"""Pod Security Standard levels and policy versions, parsed as k8s.io/pod-security-admission parses them.

A level is ``privileged``, ``baseline`` or ``restricted``. A version is ``latest`` or ``v1.N``; versions newer
than the newest policy version this evaluator knows (:data:`NEWEST_MINOR`, Kubernetes 1.35) evaluate as that
version, and so does ``latest`` (upstream ``checkRegistry.EvaluatePod`` clamps the same way).
"""

from __future__ import annotations

import enum
import re

from vcvalues.core._record import record
from vcvalues.errors import UsageError

NEWEST_MINOR = 35
"""The newest policy version with checks (v1.35, pod-security-admission v0.35.0)."""

_VERSION_RE = re.compile(r"v1\.([0-9]|[1-9][0-9]*)")
_MAX_MINOR_DIGITS = 9  # upstream's strconv.Atoi fails past int range; int() past 4,300 digits


class Level(enum.StrEnum):
    """A Pod Security Standard level, from least to most strict."""

    PRIVILEGED = "privileged"
    BASELINE = "baseline"
    RESTRICTED = "restricted"


@record
class PolicyVersion:
    """``latest`` (``minor is None``) or ``v1.<minor>``."""

    minor: int | None = None

    @property
    def is_latest(self) -> bool:
        """This is ``latest``."""
        return self.minor is None

    @property
    def effective_minor(self) -> int:
        """The policy minor version the checks run at (``latest`` and newer versions clamp to v1.35)."""
        if self.minor is None or self.minor > NEWEST_MINOR:
            return NEWEST_MINOR
        return self.minor

    def __str__(self) -> str:
        return "latest" if self.minor is None else f"v1.{self.minor}"


LATEST = PolicyVersion()


@record
class LevelVersion:
    """A level at a version, printed as upstream prints it: ``restricted:latest``."""

    level: Level
    version: PolicyVersion

    def __str__(self) -> str:
        return f"{self.level.value}:{self.version}"


def parse_level(text: str | Level) -> Level:
    """Parse ``privileged``, ``baseline`` or ``restricted`` (exact spelling, as upstream).

    Raises:
        UsageError: any other text.
    """
    if isinstance(text, Level):
        return text
    try:
        return Level(text)
    except ValueError:
        raise UsageError(
            f"invalid pod security level {text!r}: must be one of privileged, baseline, restricted"
        ) from None


def parse_version(text: str | PolicyVersion) -> PolicyVersion:
    """Parse ``latest`` or ``v1.N`` (no leading zeros, as upstream's ``ParseVersion``).

    Raises:
        UsageError: any other text.
    """
    if isinstance(text, PolicyVersion):
        return text
    if text == "latest":
        return LATEST
    match = _VERSION_RE.fullmatch(text) if isinstance(text, str) else None
    if match is None or len(match.group(1)) > _MAX_MINOR_DIGITS:
        shown = repr(text) if len(str(text)) <= 40 else repr(str(text)[:40]) + "..."
        raise UsageError(f'invalid pod security version {shown}: must be "latest" or "v1.x"')
    return PolicyVersion(int(match.group(1)))
