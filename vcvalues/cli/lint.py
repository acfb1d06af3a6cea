"""`vcvalues lint FILE...`: check values files before helm install."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vcvalues.cli._common import add_chart_arguments, add_helm_version_argument, read_stdin, split_ids

if TYPE_CHECKING:
    import argparse

    from vcvalues.cli import IO

FORMATS = ("text", "json", "github", "sarif")


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``lint``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="values files to check ('-' reads stdin)")
    add_chart_arguments(parser)
    add_helm_version_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="say which chart (dialect, release) each file is checked against",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing when every file is clean (text format)"
    )
    parser.add_argument("--fix", action="store_true", help="write the fixes of fixable errors into the files")
    parser.add_argument("--disable", action="append", metavar="ID,...", help="switch rules off (repeatable)")
    parser.add_argument(
        "--config", metavar="F", help="vcvalues config file (default: .vcvalues.yaml walking up)"
    )
    parser.add_argument(
        "--subchart-key",
        metavar="KEY",
        help="the files are an umbrella chart's values with vcluster's values under KEY (e.g. vcluster)",
    )


def run(args: argparse.Namespace, io: IO) -> int:
    """Lint every file on its own against the chosen chart; exit 1 on errors (or warnings with --strict)."""
    from vcvalues.core.lint import lint_files

    stdin_text, stdin_problem = read_stdin() if "-" in args.files else (None, None)
    files = [name for name in args.files if name != "-" or stdin_problem is None]
    outcome = lint_files(
        files,
        chart_version=args.chart_version,
        distro=args.distro,
        release=args.release,
        namespace=args.namespace,
        disable=split_ids(args.disable),
        config=args.config,
        fix=args.fix,
        stdin_text=stdin_text,
        subchart_key=args.subchart_key,
        parallel=True,
        helm_major=args.helm_version,
    )
    from vcvalues.core.report import format_diagnostics

    if stdin_problem is not None:
        outcome.diagnostics.append(stdin_problem)
    text = format_diagnostics(
        outcome.diagnostics,
        fmt=args.format,
        files=len(args.files),
        summaries=outcome.summaries,
        charts={name: choice.as_json() for name, choice in outcome.charts.items()},
        unreadable=outcome.unreadable_files,
    )
    if args.format == "json":  # say which Helm line's coalescing the verdict follows
        import json

        document = json.loads(text)
        document["summary"]["helmVersion"] = args.helm_version
        text = json.dumps(document, indent=2) + "\n"
    io.out.write(text)
    if args.verbose:
        for name, choice in outcome.charts.items():
            io.err.write(f"vcvalues: {name}: {choice.describe()}\n")
    for message in outcome.messages:
        io.err.write(f"{message}\n")
    clean = not outcome.diagnostics and not outcome.unreadable
    if clean and args.format == "text" and not args.quiet and _is_terminal(io.out):
        count = len(args.files)
        io.out.write(f"{count} file{'s' if count != 1 else ''} OK\n")
    return outcome.exit_code(strict=args.strict)


def _is_terminal(stream: object) -> bool:
    """Someone reads the output (not a pipe, a file or a hook runner's capture)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except ValueError:  # a closed stream
        return False
