"""`vcvalues schema`: export a Helm-compatible values.schema.json, or check committed ones for drift.

``--check`` takes files after it and as positional arguments, so the pre-commit hook
(``vcvalues schema --check`` plus the staged file names) works whatever ``args`` a user adds. A checked
file that sits next to a ``Chart.yaml`` gets its chart from that chart's vcluster dependency unless
``--chart-version``/``--distro`` are given; a chart without one is skipped (a note on stderr). Checking
a ``Chart.yaml`` checks the ``values.schema.json`` beside it, so bumping the dependency without
regenerating the schema is caught too.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from vcvalues.core.chart import DEFAULT_VERSION, MODERN_RANGE, SUPPORTED_RANGE

if TYPE_CHECKING:
    from pathlib import Path

    from vcvalues.cli import IO
    from vcvalues.core.chart import AnyChart
    from vcvalues.core.umbrella import SchemaTarget


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``schema``."""
    parser.add_argument(
        "--chart-version",
        metavar="V",
        help=(
            f"vcluster chart version: {SUPPORTED_RANGE} (isolation.*) or {MODERN_RANGE} (vcluster.yaml) "
            f"(default {DEFAULT_VERSION})"
        ),
    )
    parser.add_argument(
        "--distro", metavar="D", choices=["k3s", "k8s", "k0s", "eks"], help="k3s (default), k8s, k0s, eks"
    )
    parser.add_argument(
        "--subchart-key",
        metavar="KEY",
        help="nest the schema under this key, for an umbrella chart with vcluster as a dependency",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of stdout")
    parser.add_argument(
        "--check",
        nargs="*",
        metavar="FILE",
        help="compare committed schema files with what would be generated; exit 1 with a diff on drift",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, io: IO) -> int:
    """Print or write the schema; with ``--check``, report drift (exit 1) or nothing (exit 0)."""
    from vcvalues.errors import UsageError

    if args.check is None:
        if args.files:
            raise UsageError(f"unexpected argument {args.files[0]!r} (did you mean --check {args.files[0]}?)")
        return _export(args, io)
    if args.output:
        raise UsageError("--check and -o cannot be used together")
    files = [*args.check, *args.files]
    if not files:
        raise UsageError("--check needs at least one schema file")
    drifted = 0
    for name in _one_per_schema(files):
        drifted += _check(name, args, io)
    return 1 if drifted else 0


def _one_per_schema(files: list[str]) -> list[str]:
    """Drop a Chart.yaml whose values.schema.json is listed too (the hook passes both when both change)."""
    from pathlib import Path

    from vcvalues.core.umbrella import CHART_FILE, SCHEMA_FILE

    kept: list[str] = []
    seen: set[Path] = set()
    for name in files:
        given = Path(name)
        schema_file = (given.parent / SCHEMA_FILE if given.name == CHART_FILE else given).resolve()
        if schema_file not in seen:
            seen.add(schema_file)
            kept.append(name)
    return kept


def _export(args: argparse.Namespace, io: IO) -> int:
    from vcvalues.legacy.schema import dump_schema

    text = dump_schema(schema_for(_chart(args), subchart_key=args.subchart_key))
    if args.output is None:
        io.out.write(text)
        return 0
    from vcvalues.core.atomic import write_atomic

    write_atomic(args.output, text)
    return 0


def _check(name: str, args: argparse.Namespace, io: IO) -> int:
    """1 when the schema drifted (diff written), 0 when it is up to date or not a vcluster chart's."""
    from pathlib import Path

    from vcvalues.core.load import read_source
    from vcvalues.core.umbrella import CHART_FILE, SCHEMA_FILE
    from vcvalues.legacy.schema import schema_diff

    given = Path(name)
    schema_file = given.parent / SCHEMA_FILE if given.name == CHART_FILE else given
    target = _target(given, args)
    if target is None:
        io.err.write(f"{name}: skipped, its {CHART_FILE} has no vcluster dependency\n")
        return 0
    shown = str(schema_file)
    if given.name == CHART_FILE and not schema_file.exists():
        io.out.write(
            f"{shown}: missing; {name} depends on {target.describe()}\n"
            f"hint: generate it with: {target.command(shown)}\n"
        )
        return 1
    text = read_source(schema_file).decode("utf-8", errors="replace")
    diff = schema_diff(text, schema_for(target.ref, subchart_key=target.subchart_key), name=shown)
    if diff is None:
        return 0
    io.out.write(diff)
    io.out.write(
        f"{shown}: not the schema vcvalues generates for {target.describe()}\n"
        f"hint: regenerate it with: {target.command(shown)}\n"
    )
    return 1


def _target(given: Path, args: argparse.Namespace) -> SchemaTarget | None:
    """The chart a checked file is for: explicit options, else the Chart.yaml beside it, else defaults."""
    from vcvalues.core.umbrella import CHART_FILE, SchemaTarget, find_dependency

    chart_file = given if given.name == CHART_FILE else given.parent / CHART_FILE
    if args.chart_version is None and args.distro is None and chart_file.is_file():
        return find_dependency(chart_file, subchart_key=args.subchart_key)
    return SchemaTarget(_chart(args), args.subchart_key)


def _chart(args: argparse.Namespace) -> AnyChart:
    """--chart-version picks the dialect: 0.15-0.19 legacy (with --distro), 0.20+ the vcluster.yaml chart."""
    from vcvalues.core.dialect import choose_chart

    return choose_chart(args.chart_version, args.distro).chart


def schema_for(ref: AnyChart, *, subchart_key: str | None) -> dict[str, Any]:
    """The schema vcvalues exports for a chart of either dialect."""
    from vcvalues.core.chart import ModernRef

    if isinstance(ref, ModernRef):
        from vcvalues.modern.schema import export_schema as export_modern

        return export_modern(ref, subchart_key=subchart_key)
    from vcvalues.legacy.schema import export_schema

    return export_schema(ref, subchart_key=subchart_key)
