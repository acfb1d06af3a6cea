"""Arguments several subcommands share."""

from __future__ import annotations

import argparse

from vcvalues.legacy.chart import DEFAULT_VERSION, SUPPORTED_RANGE


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
