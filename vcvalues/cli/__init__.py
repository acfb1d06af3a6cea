"""Command line: parse arguments, call one library function, format the result.

Each subcommand lives in its own module with ``configure(parser)`` and ``run(args, io) -> int``.
Those modules import nothing heavy at import time; the library is imported inside ``run`` so that
``vcvalues lint`` does not pay for what ``render`` or ``check-pods`` need (argparse included: the
usual lint command line is read by ``_lint_args``).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO, cast

from vcvalues.cli._output import Guarded, OutputError, quiet_stdout, report
from vcvalues.errors import VcValuesError

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

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
    from vcvalues.cli._parser import build_parser as build

    return build(only)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace | SimpleNamespace:
    """Parse arguments only (tests use this to check the argument mapping)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    from vcvalues.cli._lint_args import parse_lint

    plain = parse_lint(arguments)  # the common `lint` command line, read without argparse (~5 ms cold)
    if plain is not None:
        return plain
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
