"""Arguments several subcommands share."""

from __future__ import annotations

import argparse

from vcvalues.core.chart import MODERN_DEFAULT_VERSION, MODERN_RANGE, SUPPORTED_RANGE


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
