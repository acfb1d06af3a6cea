"""Arguments several subcommands share."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from vcvalues.core.chart import MODERN_DEFAULT_VERSION, MODERN_RANGE, SUPPORTED_RANGE

if TYPE_CHECKING:
    import argparse

    from vcvalues.core.diagnostics import Diagnostic
    from vcvalues.core.load import LoadResult
    from vcvalues.core.umbrella import Umbrella

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


def add_subchart_argument(parser: argparse.ArgumentParser) -> None:
    """--subchart-key (render, convert; lint declares its own)."""
    parser.add_argument(
        "--subchart-key",
        metavar="KEY",
        help="the files are an umbrella chart's values with vcluster's under KEY; default: the key of the "
        "vcluster dependency in a Chart.yaml beside the file",
    )


def load_values_files(
    files: Sequence[str], *, subchart_key: str | None, stdin: TextIO | None = None
) -> tuple[list[LoadResult], Umbrella | None]:
    """Read ``-f`` files (``-``: stdin, read once and bounded as :func:`read_stdin` reads it) as Helm
    does; an umbrella chart's values become vcluster's.

    The key is ``subchart_key``, else the one a ``Chart.yaml`` beside every file names (see
    :func:`vcvalues.core.umbrella.umbrella_of`); that dependency is returned (when its key is the one
    used) so that its chart can be used.

    Raises:
        InputError: a file cannot be read.
    """
    from vcvalues.core.lint import subchart_values
    from vcvalues.core.load import LoadResult, load_path, load_yaml
    from vcvalues.core.source import SourceMap
    from vcvalues.core.umbrella import umbrella_of

    from_stdin: LoadResult | None = None
    if "-" in files:  # read once, however often '-' is given
        text, problem = read_stdin(stdin)
        from_stdin = (
            load_yaml(text or "", file=STDIN_NAME)
            if problem is None
            else LoadResult(None, SourceMap(STDIN_NAME), [problem])
        )
    loaded = [from_stdin if f == "-" and from_stdin is not None else load_path(f) for f in files]
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


def add_helm_version_argument(parser: argparse.ArgumentParser) -> None:
    """--helm-version 3|4: which Helm line's coalescing to follow."""
    parser.add_argument(
        "--helm-version",
        type=int,
        choices=(3, 4),
        default=3,
        metavar="3|4",
        help=(
            "coalesce values as Helm 3 (default; also Helm 4.0/4.1: the chart's null defaults stay) "
            "or Helm 4 (>= 4.2: null defaults you did not set are dropped)"
        ),
    )
