"""`vcvalues convert` (not implemented yet)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vcvalues.cli import IO


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of this subcommand."""


def run(args: argparse.Namespace, io: IO) -> int:
    """Run the subcommand."""
    io.err.write("vcvalues: convert is not implemented yet\n")
    return 2
