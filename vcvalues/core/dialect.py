"""Legacy (isolation.*, charts 0.15-0.19) versus modern (policies.*, vcluster.yaml 0.20+) values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.chart import (
    MODERN_RELEASES,
    AnyChart,
    ChartVersion,
    Dialect,
    Distro,
    resolve_chart,
    resolve_modern,
)
from vcvalues.core.diagnostics import KeyPath

# Top-level keys only the 0.20+ vcluster.yaml has (and where their legacy counterpart lives).
MODERN_ONLY = {
    "controlPlane": "the distro sections (vcluster, syncer, k3s/k8s/etcd) and service",
    "policies": "isolation",
    "exportKubeConfig": "syncer.kubeConfigContextName and syncer.extraArgs",
    "experimental": "the individual legacy keys",
    "deploy": "the individual legacy keys",
    "integrations": "the individual legacy keys",
    "networking": "syncer.extraArgs and coredns",
    "external": "the individual legacy keys",
    "plugins": "plugin",
    "logging": "syncer.extraArgs",
    "privateNodes": "nothing: private nodes need 0.27+",
    "sleep": "nothing: sleep mode is a 0.20+ feature",
    "snapshots": "nothing: snapshots are a 0.20+ feature",
    "deletion": "the individual legacy keys",
    "platform": "nothing: the platform integration is a 0.20+ feature",
}
# Keys of the legacy charts that 0.20+ does not read.
LEGACY_ONLY = (
    "isolation",
    "syncer",
    "vcluster",
    "k3sToken",
    "securityContext",
    "podSecurityContext",
    "fsGroup",
)


def modern_keys_in_legacy(values: dict[str, Any], known: frozenset[str]) -> Iterator[tuple[KeyPath, str]]:
    """0.20+ keys in values for a legacy chart: (path, where the legacy chart takes it instead)."""
    for key, legacy in MODERN_ONLY.items():
        if key in values and key not in known:
            yield (key,), legacy
    sync = values.get("sync")
    if isinstance(sync, dict):
        for key in ("toHost", "fromHost"):
            if key in sync:
                yield ("sync", key), "sync.<resource>.enabled"


def legacy_keys(values: dict[str, Any]) -> Iterator[KeyPath]:
    """Legacy-only keys present in values meant for a 0.20+ chart."""
    for key in LEGACY_ONLY:
        if key in values:
            yield (key,)


def detect_dialect(documents: Iterable[dict[str, Any]]) -> Dialect | None:
    """The format the values are written in: ``isolation:`` and the other legacy-only keys, versus
    ``policies:``/``controlPlane:``/``sync.toHost``/... (more of one kind wins, a tie is legacy);
    None when nothing tells (an empty file, only keys both formats share)."""
    legacy = modern = 0
    for values in documents:
        legacy += sum(1 for key in LEGACY_ONLY if key in values)
        modern += sum(1 for key in MODERN_ONLY if key in values)
        sync = values.get("sync")
        if isinstance(sync, dict):
            modern += sum(1 for key in ("toHost", "fromHost") if key in sync)
    if not (legacy or modern):
        return None
    return Dialect.MODERN if modern > legacy else Dialect.LEGACY


@record
class ChartChoice:
    """The chart a values file is compiled against, and how it was chosen.

    Attributes:
        chart: a legacy ``ChartRef`` or a 0.20+ ``ModernRef``.
        detected: no ``--chart-version`` was given: the dialect was read from the file (its newest
            release is used).
    """

    chart: AnyChart
    detected: bool

    @property
    def dialect(self) -> Dialect:
        """The chart's dialect."""
        return self.chart.dialect

    def describe(self) -> str:
        """``chart vcluster-0.36.1 (modern dialect, detected from the file)``."""
        how = "detected from the file" if self.detected else "--chart-version"
        return f"chart {self.chart} ({self.dialect.value} dialect, {how})"

    def as_json(self) -> dict[str, object]:
        """For JSON output."""
        return {"dialect": self.dialect.value, "chart": str(self.chart), "detected": self.detected}


def choose_chart(
    version: str | None, distro: str | None, documents: Iterable[dict[str, Any]] = ()
) -> ChartChoice:
    """The chart to compile against: by ``version`` (0.15-0.19 legacy, 0.20+ modern), else the newest
    release of the dialect the documents are written in (legacy when nothing tells). ``distro`` picks the
    legacy chart flavour; the 0.20+ chart has one flavour, so it does not apply there.

    Raises:
        UsageError / UnsupportedChartVersionError: a bad version or distro.
    """
    if version is not None:
        parsed = ChartVersion.parse(version)
        if parsed.triple >= MODERN_RELEASES[0]:
            if distro is not None:
                Distro.parse(distro)  # still a usage error when misspelt
            return ChartChoice(resolve_modern(version), False)
        return ChartChoice(resolve_chart(version, distro), False)
    if detect_dialect(documents) is Dialect.MODERN:
        if distro is not None:
            Distro.parse(distro)  # still a usage error when misspelt
        return ChartChoice(resolve_modern(None), True)
    return ChartChoice(resolve_chart(None, distro), True)
