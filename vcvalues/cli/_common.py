"""Arguments several subcommands share."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from vcvalues.legacy.chart import DEFAULT_VERSION, SUPPORTED_RANGE

if TYPE_CHECKING:
    from vcvalues.core.load import LoadResult
    from vcvalues.core.umbrella import Umbrella


def add_chart_arguments(parser: argparse.ArgumentParser) -> None:
    """--chart-version, --distro, --release, --namespace."""
    parser.add_argument(
        "--chart-version",
        metavar="V",
        help=f"legacy vcluster chart version, {SUPPORTED_RANGE} (default {DEFAULT_VERSION})",
    )
    parser.add_argument(
        "--distro",
        metavar="D",
        choices=["k3s", "k8s", "k0s", "eks"],
        help="chart flavour: k3s (default), k8s, k0s, eks",
    )
    parser.add_argument(
        "--release", metavar="R", default="vcluster", help="Helm release name (default vcluster)"
    )
    parser.add_argument(
        "--namespace", metavar="N", help="Helm release namespace (default vcluster-<release>)"
    )


def split_ids(values: list[str] | None) -> frozenset[str]:
    """``--disable a,b --disable c`` -> {a, b, c}."""
    return frozenset(part.strip() for value in values or () for part in value.split(",") if part.strip())


def add_subchart_argument(parser: argparse.ArgumentParser) -> None:
    """--subchart-key (render, convert; lint declares its own)."""
    parser.add_argument(
        "--subchart-key",
        metavar="KEY",
        help="the files are an umbrella chart's values with vcluster's under KEY; default: the key of the "
        "vcluster dependency in a Chart.yaml beside the file",
    )


def load_values_files(
    files: Sequence[str], *, subchart_key: str | None, stdin: TextIO
) -> tuple[list[LoadResult], Umbrella | None]:
    """Read ``-f`` files (``-``: stdin) as Helm does; an umbrella chart's values become vcluster's.

    The key is ``subchart_key``, else the one a ``Chart.yaml`` beside every file names (see
    :func:`vcvalues.core.umbrella.umbrella_of`); that dependency is returned (when its key is the one
    used) so that its chart can be used.

    Raises:
        InputError: a file cannot be read.
    """
    from vcvalues.core.lint import STDIN_NAME, subchart_values
    from vcvalues.core.load import load_path, load_yaml
    from vcvalues.core.umbrella import umbrella_of

    text = stdin.read() if "-" in files else ""  # read once, however often '-' is given
    loaded = [load_yaml(text, file=STDIN_NAME) if f == "-" else load_path(f) for f in files]
    umbrella = None
    if files and "-" not in files:
        found = {umbrella_of(f) for f in files}
        umbrella = found.pop() if len(found) == 1 else None
        if umbrella is not None and subchart_key not in (None, umbrella.subchart_key):
            umbrella = None  # another key than the dependency's: its chart says nothing
        subchart_key = subchart_key or (umbrella.subchart_key if umbrella is not None else None)
    if subchart_key is None:
        return loaded, None
    return [subchart_values(result, subchart_key) for result in loaded], umbrella
