"""Arguments several subcommands share."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from vcvalues.core.chart import MODERN_DEFAULT_VERSION, MODERN_RANGE, SUPPORTED_RANGE

if TYPE_CHECKING:
    from vcvalues.core.diagnostics import Diagnostic

STDIN_NAME = "<stdin>"


def add_chart_arguments(parser: argparse.ArgumentParser) -> None:
    """--chart-version, --distro, --release, --namespace."""
    parser.add_argument(
        "--chart-version",
        metavar="V",
        help=(
            f"vcluster chart version: {SUPPORTED_RANGE} (isolation.*) or {MODERN_RANGE} (vcluster.yaml); "
            f"default: the newest release of the format the file is written in "
            f"(0.19.10 or {MODERN_DEFAULT_VERSION})"
        ),
    )
    parser.add_argument(
        "--distro",
        metavar="D",
        choices=["k3s", "k8s", "k0s", "eks"],
        help="legacy chart flavour (0.15-0.19): k3s (default), k8s, k0s, eks",
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


def read_stdin(stream: TextIO | None = None) -> tuple[str | None, Diagnostic | None]:
    """stdin read as a file is: at most 16 MiB (one byte more is read, never the rest), decoded as
    go-yaml decodes (UTF-8, UTF-16 with a BOM). (text, None), or (None, the syntax diagnostic).

    Issue 15: ``sys.stdin.read()`` took 300 MB whole (1.46 GB RSS) and raised on bytes that are not
    UTF-8 (exit 3) where a file with the same bytes gets a diagnostic (exit 1).
    """
    from vcvalues.core.load import MAX_INPUT_BYTES, decode_source

    source = stream if stream is not None else sys.stdin
    if source is None:  # started with stdin closed
        return "", None
    buffer = getattr(source, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (tests, embedding)
        text = source.read(MAX_INPUT_BYTES + 1)
        data = text.encode("utf-8", errors="surrogatepass")
    else:
        data = buffer.read(MAX_INPUT_BYTES + 1)
    return decode_source(data, file=STDIN_NAME)
