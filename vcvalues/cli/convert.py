"""`vcvalues convert`: legacy isolation.* values -> the vcluster 0.20+ format (policies.*)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vcvalues.cli import IO

_FORMATS = ("text", "json", "github", "sarif")
_SUMMARIES = {
    "convert-unsupported": "vcluster cannot convert this legacy setting",
    "convert-not-converted": "a legacy key outside the isolation-related part vcvalues converts",
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of this subcommand."""
    parser.add_argument(
        "-f",
        "--values",
        dest="files",
        action="append",
        default=[],
        metavar="FILE",
        help="legacy values file; repeat to merge several (later wins); '-' or none reads stdin",
    )
    parser.add_argument(
        "--distro", metavar="D", help="legacy chart of the values: k3s (default), k8s, k0s, eks"
    )
    parser.add_argument(
        "--to",
        choices=("0.20", "0.36"),
        default="0.36",
        help="vcluster release line to convert to (default 0.36; 0.36 has only the k8s distro)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the converted values to FILE (atomically) instead of stdout",
    )
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="format of the diagnostics on stderr (default text)",
    )
    from vcvalues.cli._common import add_subchart_argument

    add_subchart_argument(parser)


def run(args: argparse.Namespace, io: IO) -> int:
    """Convert, print diagnostics to stderr and the values to stdout (or ``-o``); 1 on errors."""
    from vcvalues.cli._common import load_values_files
    from vcvalues.convert import ValuesSource, convert_sources
    from vcvalues.core.atomic import write_atomic
    from vcvalues.core.diagnostics import Severity
    from vcvalues.core.report import format_diagnostics

    files = args.files or ["-"]
    loaded, umbrella = load_values_files(files, subchart_key=args.subchart_key)
    problems = [d for result in loaded for d in result.diagnostics]
    if any(d.severity is Severity.ERROR for d in problems) or any(r.data is None for r in loaded):
        io.err.write(format_diagnostics(problems, fmt=args.format, files=len(files), summaries=_SUMMARIES))
        return 1
    distro = args.distro or (umbrella.distro if umbrella is not None else None)
    sources = [ValuesSource(r.source_map.file, r.data or {}, r.source_map) for r in loaded]
    result = convert_sources(sources, distro=distro, to=args.to)
    if problems:  # warnings of the reader (yaml11-boolean, ...) before the conversion's own
        from dataclasses import replace

        result = replace(result, diagnostics=(*problems, *result.diagnostics))
    if result.diagnostics:
        io.err.write(
            format_diagnostics(result.diagnostics, fmt=args.format, files=len(files), summaries=_SUMMARIES)
        )
    if not result.ok or result.text is None:
        return 1
    if args.output:
        write_atomic(args.output, result.text)
    else:
        io.out.write(result.text)
    return 0
