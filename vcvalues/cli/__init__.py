"""Command line: parse arguments, call one library function, format the result.

Each subcommand lives in its own module with ``configure(parser)`` and ``run(args, io) -> int``.
Those modules import only argparse at import time; the library is imported inside ``run`` so that
``vcvalues lint`` does not pay for what ``render`` or ``check-pods`` need.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO, cast

from vcvalues.cli._output import Guarded, OutputError, quiet_stdout, report
from vcvalues.errors import VcValuesError

# name -> (module under vcvalues.cli, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "lint": ("lint", "check values files before helm install"),
    "render": ("render", "print the host manifests (or effective values) the chart derives"),
    "schema": ("schema", "export a Helm-compatible values.schema.json"),
    "convert": ("convert", "convert legacy isolation.* values to the vcluster 0.20+ format"),
    "check-pods": ("check_pods", "evaluate workloads against a Pod Security Standard"),
    "rules": ("rules", "list every rule"),
    "explain": ("explain", "explain one rule, with a failing and a passing example"),
}

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_CRASH = 3

BUG_HINT = "this is a bug in vcvalues; please report it with the input that caused it"


class IO:
    """Where a subcommand writes: stdout for results, stderr for diagnostics and messages.

    A plain class, not a dataclass: the ``dataclasses`` import (with ``inspect``) and building the
    class cost a cold ``vcvalues lint`` several ms.
    """

    __slots__ = ("err", "out")

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out: TextIO = sys.stdout if out is None else out
        self.err: TextIO = sys.stderr if err is None else err

    def __repr__(self) -> str:
        return f"IO(out={self.out!r}, err={self.err!r})"


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (and lzma, bz2: ~3 ms cold)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0 and sys.__stdout__ is not None:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter; argparse builds one for every ``add_argument``, so its width is
    found here without the shutil import the stock one does."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_columns() - 2)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` owns every exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _ArgumentError(f"{self.prog}: error: {message}")


class _ArgumentError(Exception):
    pass


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vcvalues")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every subcommand, or with ``only`` just that one."""
    parser = _Parser(
        prog="vcvalues",
        description="Compile and validate vcluster Helm values (isolated mode) exactly as Helm reads them.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"vcvalues.cli.{module_name}")
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.configure(sub_parser)
        sub_parser.set_defaults(_module=module_name)
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse arguments only (tests use this to check the argument mapping)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # A subcommand comes first (the top level has only --version/--help, which take no value): build
    # and configure just that one; every other subparser costs a cold `lint` time for nothing.
    only = arguments[0] if arguments and arguments[0] in SUBCOMMANDS else None
    return build_parser(only).parse_args(arguments)


def main(argv: Sequence[str] | None = None, io: IO | None = None) -> int:
    """Entry point of the ``vcvalues`` command. Returns the exit code.

    Output that cannot be written (stdout closed, a broken pipe, a full disk) is exit 2 with a message
    on stderr; nothing else in the run changes (files ``--fix`` wrote stay written).

    The cyclic garbage collector is paused while the command runs (and restored after): a command
    imports and builds data that lives until exit and frees the rest by reference counting, so the
    collector's ~50 passes in a cold ``lint`` find nothing to free (paired CPU ratio 0.93, 30 cold
    processes, benchmarks/RESULTS.md).
    """
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(argv, io)
    finally:
        if collecting:
            gc.enable()


def _run(argv: Sequence[str] | None, io: IO | None) -> int:
    io = io or IO()
    out = Guarded(io.out, "stdout")
    try:
        code = _main(argv, IO(out=cast(TextIO, out), err=io.err))
        out.flush()
    except OutputError as exc:
        if io.out is sys.stdout:
            quiet_stdout()
        report(io.err, f"vcvalues: error: {exc}\n")
        return EXIT_USAGE
    return code


def _main(argv: Sequence[str] | None, io: IO) -> int:
    try:
        args = parse_args(argv)
    except _ArgumentError as exc:
        io.err.write(f"{exc}\n")
        return EXIT_USAGE
    if args.version:
        io.out.write(f"vcvalues {_version()}\n")
        return EXIT_OK
    if args.command is None:
        build_parser().print_help(io.out)
        return EXIT_USAGE
    module = importlib.import_module(f"vcvalues.cli.{args._module}")
    try:
        return int(module.run(args, io))
    except OutputError:
        raise
    except VcValuesError as exc:
        io.err.write(f"vcvalues: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        io.err.write("vcvalues: interrupted\n")
        return 130
    except Exception as exc:  # the last line of defence: exit 3, never a traceback
        import traceback

        where = traceback.extract_tb(exc.__traceback__)[-1]
        io.err.write(
            f"vcvalues: internal error: {type(exc).__name__}: {exc} "
            f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})\nhint: {BUG_HINT}\n"
        )
        return EXIT_CRASH
