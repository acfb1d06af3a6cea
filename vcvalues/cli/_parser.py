"""The argparse parser of every subcommand (imported when a command line needs it: see ``_lint_args``)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Any

from vcvalues.cli import SUBCOMMANDS, _ArgumentError


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
