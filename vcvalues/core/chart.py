"""Which vcluster chart a values file is for: dialect, release, distro (legacy), and the supported ranges.

Both dialects share this reference: the legacy charts (``isolation.*``; k3s, k8s, k0s, eks; 0.15.0 -
0.19.10) are a :class:`ChartRef`, the 0.20+ chart (``policies.*``, vcluster.yaml; 0.20.0 - 0.36.1) a
:class:`ModernRef`. :func:`vcvalues.core.dialect.choose_chart` picks one for a values file.
"""

from __future__ import annotations

import enum
import re

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core._record import ordered_record
from vcvalues.errors import UnsupportedChartVersionError, UsageError

_VERSION = re.compile(r"^v?(?P<major>0|[1-9][0-9]*)\.(?P<minor>0|[1-9][0-9]*)\.(?P<patch>0|[1-9][0-9]*)$")

# Every stable release of the legacy (isolation.*) charts, from the loft-sh/vcluster tags.
LEGACY_RELEASES: tuple[tuple[int, int, int], ...] = (
    *((0, 15, p) for p in range(8)),
    *((0, 16, p) for p in range(5)),
    *((0, 17, p) for p in range(2)),
    *((0, 18, p) for p in range(2)),
    *((0, 19, p) for p in range(11)),
)
# Every GA release of the modern (policies.*, vcluster.yaml) chart: minor -> number of patch releases.
_MODERN_PATCHES = {20: 7, 21: 7, 22: 7, 23: 4, 24: 3, 25: 3, 26: 6, 27: 4, 28: 3, 29: 4, 30: 6, 31: 4, 32: 4,
                   33: 5, 34: 8, 35: 4, 36: 2}  # fmt: skip
MODERN_RELEASES: tuple[tuple[int, int, int], ...] = tuple(
    (0, minor, patch) for minor, count in _MODERN_PATCHES.items() for patch in range(count)
)
SUPPORTED_RANGE = "0.15.0 - 0.19.10"
DEFAULT_VERSION = "0.19.10"
_MAX_PART_DIGITS = 9  # int() refuses over 4,300 digits; no release number comes near 9
MODERN_RANGE = "0.20.0 - 0.36.1"
MODERN_DEFAULT_VERSION = "0.36.1"
# Helm's release name (pkg/chartutil ValidateReleaseName): a DNS-1123 subdomain of at most 53 characters.
_RELEASE_NAME = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
RELEASE_NAME_MAX = 53
# A namespace is a DNS-1123 label (Kubernetes ValidateNamespaceName).
_LABEL = lazy_compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
NAMESPACE_MAX = 63


class Dialect(enum.StrEnum):
    """The two values formats of the vcluster chart."""

    LEGACY = "legacy"
    """``isolation.*``: charts k3s, k8s, k0s, eks, 0.15.0 - 0.19.10."""
    MODERN = "modern"
    """``policies.*``, ``controlPlane.*`` (vcluster.yaml): the chart ``vcluster`` 0.20.0 - 0.36.1."""


class Distro(enum.StrEnum):
    """The legacy chart flavours: charts/k3s, charts/k8s, charts/k0s, charts/eks."""

    K3S = "k3s"
    K8S = "k8s"
    K0S = "k0s"
    EKS = "eks"

    @classmethod
    def parse(cls, text: str | None) -> Distro:
        """Parse a distro name; ``None`` gives the default, k3s."""
        if text is None:
            return cls.K3S
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(d.value for d in cls)
            raise UsageError(f"unknown distro {text!r}: choose one of {names}") from None


@ordered_record
class ChartVersion:
    """A chart version such as 0.19.10, ordered numerically."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> ChartVersion:
        """Parse ``0.19.10`` or ``v0.19.10``."""
        match = _VERSION.match(text.strip())
        if match is None:
            raise UsageError(f"chart version {_clip(text)} is not MAJOR.MINOR.PATCH (e.g. {DEFAULT_VERSION})")
        if max(len(match[part]) for part in ("major", "minor", "patch")) > _MAX_PART_DIGITS:
            raise UsageError(f"chart version {_clip(text)} is not a vcluster release ({SUPPORTED_RANGE})")
        return cls(int(match["major"]), int(match["minor"]), int(match["patch"]))

    def at_least(self, text: str) -> bool:
        """``self >= text``."""
        return self >= ChartVersion.parse(text)

    @property
    def triple(self) -> tuple[int, int, int]:
        """``(major, minor, patch)``."""
        return (self.major, self.minor, self.patch)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


@ordered_record
class ChartRef:
    """One legacy chart: distro and version."""

    distro: Distro
    version: ChartVersion

    @property
    def dialect(self) -> Dialect:
        """Always the legacy dialect."""
        return Dialect.LEGACY

    def __str__(self) -> str:
        return f"{self.distro.value}-{self.version}"


@ordered_record
class ModernRef:
    """One release of the 0.20+ chart (one chart, ``vcluster``; the distro is a value inside it)."""

    version: ChartVersion

    @property
    def dialect(self) -> Dialect:
        """Always the modern dialect."""
        return Dialect.MODERN

    def __str__(self) -> str:
        return f"vcluster-{self.version}"


AnyChart = ChartRef | ModernRef


def check_release(release: str, namespace: str | None = None) -> None:
    """Refuse a release name Helm refuses and a namespace Kubernetes refuses: the one check every
    command (lint, render, check-pods, the Python API) makes of ``--release`` and ``--namespace``.

    Raises:
        UsageError: naming the option and the rule broken.
    """
    if len(release) > RELEASE_NAME_MAX or not _RELEASE_NAME.fullmatch(release):
        raise UsageError(
            f"invalid release name {_clip(release)}: Helm needs lower-case letters, digits, '-' and '.', "
            f"starting and ending with a letter or digit, at most {RELEASE_NAME_MAX} characters"
        )
    if namespace is not None and (len(namespace) > NAMESPACE_MAX or not _LABEL.fullmatch(namespace)):
        raise UsageError(
            f"invalid namespace {_clip(namespace)}: Kubernetes needs lower-case letters, digits and '-', "
            f"starting and ending with a letter or digit, at most {NAMESPACE_MAX} characters"
        )


def resolve_modern(version: str | None = None) -> ModernRef:
    """The 0.20+ release to compile against (default the newest); raises UnsupportedChartVersionError."""
    parsed = ChartVersion.parse(version or MODERN_DEFAULT_VERSION)
    if parsed.triple in MODERN_RELEASES:
        return ModernRef(parsed)
    raise UnsupportedChartVersionError(
        f"chart version {parsed} is not a supported vcluster release; supported: {SUPPORTED_RANGE} "
        f"(isolation.*) and {MODERN_RANGE} (vcluster.yaml)"
    )


def resolve_chart(version: str | None = None, distro: str | None = None) -> ChartRef:
    """The chart to compile against; raises UnsupportedChartVersionError outside 0.15.0 - 0.19.10.

    A modern version (0.20+) raises too: those charts take ``policies.*`` values, which
    ``vcvalues convert`` produces from legacy values.
    """
    parsed = ChartVersion.parse(version or DEFAULT_VERSION)
    chosen = Distro.parse(distro)
    if parsed.triple in LEGACY_RELEASES:
        return ChartRef(chosen, parsed)
    if parsed.triple in MODERN_RELEASES:
        raise UnsupportedChartVersionError(
            f"chart version {parsed} uses the 0.20+ values format (policies.*, vcluster.yaml): lint, schema "
            f"and check-pods take it, this command does not (supported: {SUPPORTED_RANGE}). "
            "To move legacy values to it, run: vcvalues convert -f values.yaml"
        )
    raise UnsupportedChartVersionError(
        f"chart version {parsed} is not a supported vcluster release; supported: {SUPPORTED_RANGE}"
    )


def _clip(text: str, limit: int = 60) -> str:
    """``repr(text)``, shortened for a message."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text)} characters)"
