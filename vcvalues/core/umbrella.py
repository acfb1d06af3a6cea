"""Which vcluster chart an umbrella chart depends on, read from its ``Chart.yaml``.

``vcvalues schema --check charts/platform/values.schema.json`` (and the ``vcvalues-schema`` pre-commit
hook) read the ``Chart.yaml`` next to the schema: the dependency on the vcluster chart gives the distro
(chart name), the version (it must be exact: a range cannot tell which schema is right) and the key the
subchart's values sit under (its alias, else its name).
"""

from __future__ import annotations

import os

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core._record import record
from vcvalues.core.chart import (
    MODERN_RELEASES,
    AnyChart,
    ChartRef,
    ChartVersion,
    resolve_chart,
    resolve_modern,
)
from vcvalues.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

CHART_FILE = "Chart.yaml"
SCHEMA_FILE = "values.schema.json"
# charts.loft.sh publishes the legacy distros as these chart names.
CHART_DISTROS = {"vcluster": "k3s", "vcluster-k8s": "k8s", "vcluster-k0s": "k0s", "vcluster-eks": "eks"}
_EXACT = lazy_compile(r"^v?[0-9]+\.[0-9]+\.[0-9]+$")


@record
class SchemaTarget:
    """The schema a ``values.schema.json`` must hold: a chart, nested under ``subchart_key`` or not."""

    ref: AnyChart
    subchart_key: str | None = None

    def describe(self) -> str:
        """``vcluster k3s 0.19.10 under 'vcluster'`` (``vcluster 0.36.1`` for a 0.20+ release)."""
        where = f" under {self.subchart_key!r}" if self.subchart_key else ""
        flavour = f" {self.ref.distro.value}" if isinstance(self.ref, ChartRef) else ""
        return f"vcluster{flavour} {self.ref.version}{where}"

    def command(self, output: str) -> str:
        """The command that writes this schema to ``output``."""
        key = f" --subchart-key {self.subchart_key}" if self.subchart_key else ""
        chart = f"--chart-version {self.ref.version}"
        if isinstance(self.ref, ChartRef):
            chart += f" --distro {self.ref.distro.value}"
        return f"vcvalues schema {chart}{key} -o {output}"


def dependency_target(chart_file: Path, *, subchart_key: str | None = None) -> SchemaTarget:
    """The vcluster dependency of an umbrella chart.

    Args:
        chart_file: the umbrella's ``Chart.yaml``.
        subchart_key: pick the dependency with this alias or name when there are several.

    Returns:
        The chart and the key its values sit under.

    Raises:
        InputError: the file cannot be read.
        UsageError: not a chart file, no (or several) vcluster dependencies, or a version range.
    """
    target = find_dependency(chart_file, subchart_key=subchart_key)
    if target is None:
        names = ", ".join(CHART_DISTROS)
        raise UsageError(
            f"{chart_file}: no dependency on a vcluster chart ({names}); "
            "pass --chart-version, --distro and --subchart-key"
        )
    return target


def find_dependency(chart_file: Path, *, subchart_key: str | None = None) -> SchemaTarget | None:
    """Like :func:`dependency_target`, but ``None`` when the chart has no vcluster dependency at all."""
    from vcvalues.core.load import load_path

    loaded = load_path(chart_file)
    if loaded.data is None or loaded.diagnostics:
        problem = loaded.diagnostics[0].message if loaded.diagnostics else "not a YAML map"
        raise UsageError(f"{chart_file}: cannot read the chart: {problem}")
    dependencies = loaded.data.get("dependencies") or []
    found = [
        dep
        for dep in (dependencies if isinstance(dependencies, list) else [])
        if isinstance(dep, dict) and isinstance(dep.get("name"), str) and dep["name"] in CHART_DISTROS
    ]
    if subchart_key is not None:
        found = [dep for dep in found if (dep.get("alias") or dep.get("name")) == subchart_key]
    if not found:
        return None
    if len(found) > 1:
        keys = ", ".join(str(dep.get("alias") or dep.get("name")) for dep in found)
        raise UsageError(
            f"{chart_file}: several vcluster dependencies ({keys}): pick one with --subchart-key"
        )
    dependency = found[0]
    version = str(dependency.get("version", "")).strip()
    if not _EXACT.match(version):
        raise UsageError(
            f"{chart_file}: dependency {dependency['name']} has version {version!r}, not an exact release: "
            "pin it (e.g. 0.19.10) or pass --chart-version"
        )
    ref: AnyChart
    if dependency["name"] == "vcluster" and ChartVersion.parse(version).triple >= MODERN_RELEASES[0]:
        ref = resolve_modern(version)
    else:
        ref = resolve_chart(version, CHART_DISTROS[str(dependency["name"])])
    return SchemaTarget(ref, str(dependency.get("alias") or dependency["name"]))


@record
class Umbrella:
    """The vcluster dependency of the chart a values file belongs to.

    Attributes:
        subchart_key: the key vcluster's values sit under (the dependency's alias, else its name).
        distro: the legacy distro its chart name stands for.
        version: its version when it is one exact release, else None.
    """

    subchart_key: str
    distro: str
    version: str | None


def umbrella_of(values_file: str | Path) -> Umbrella | None:
    """The umbrella chart ``values_file`` belongs to: a ``Chart.yaml`` beside it with exactly one
    dependency on a vcluster chart. None when there is none (or it cannot be read): plain values."""
    from vcvalues.core.load import load_path
    from vcvalues.errors import InputError

    chart_file = os.path.join(os.path.dirname(values_file), CHART_FILE)  # os.path: pathlib costs a cold lint
    if not os.path.isfile(chart_file):
        return None
    try:
        loaded = load_path(chart_file)
    except InputError:
        return None
    dependencies = loaded.data.get("dependencies") if isinstance(loaded.data, dict) else None
    found = [
        dep
        for dep in (dependencies if isinstance(dependencies, list) else [])
        if isinstance(dep, dict) and dep.get("name") in CHART_DISTROS
    ]
    if len(found) != 1:
        return None
    dependency = found[0]
    version = str(dependency.get("version", "")).strip()
    return Umbrella(
        str(dependency.get("alias") or dependency["name"]),
        CHART_DISTROS[str(dependency["name"])],
        version.removeprefix("v") if _EXACT.match(version) else None,
    )
