"""`vcvalues check-pods FILE...`: which workloads vcluster's syncer refuses under a Pod Security Standard."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from vcvalues.cli._common import add_helm_version_argument

if TYPE_CHECKING:
    from vcvalues.cli import IO
    from vcvalues.pss.vcluster import EnforcedStandard

FORMATS = ("text", "json", "github", "sarif")
LEVELS = ("privileged", "baseline", "restricted")
DEFAULT_LEVEL = "baseline"  # the chart's default isolation.podSecurityStandard


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``check-pods``."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="YAML files with Pods or workloads ('-' reads stdin)"
    )
    parser.add_argument(
        "--level",
        choices=LEVELS,
        help=f"Pod Security Standard (default {DEFAULT_LEVEL}, or what --values enforces)",
    )
    parser.add_argument(
        "--version",
        dest="pss_version",
        metavar="latest|v1.N",
        help="policy version (default latest; with --values, latest of that chart's syncer)",
    )
    parser.add_argument(
        "--values",
        action="append",
        metavar="VALUES.yaml",
        help="take the level from these vcluster values (repeatable, merged as helm -f)",
    )
    parser.add_argument("--chart-version", metavar="V", help="legacy chart version for --values")
    add_helm_version_argument(parser)
    parser.add_argument(
        "--distro", metavar="D", choices=["k3s", "k8s", "k0s", "eks"], help="chart flavour for --values"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument(
        "--no-defaults",
        action="store_true",
        help="evaluate pods as written (default: as the API server defaults them)",
    )


def _enforced(args: argparse.Namespace, io: IO) -> tuple[EnforcedStandard | None, int | None]:
    """What --values enforces; an exit code when the values cannot be read."""
    from vcvalues.core.diagnostics import Severity
    from vcvalues.core.report import format_diagnostics
    from vcvalues.legacy.compile import compile_values
    from vcvalues.pss.vcluster import enforced_standard

    result = compile_values(
        args.values,
        chart_version=args.chart_version,
        distro=args.distro,
        run_rules=False,
        helm_major=args.helm_version,
    )
    syntax = [d for d in result.diagnostics if d.rule_id == "syntax" and d.severity is Severity.ERROR]
    if syntax:
        io.out.write(format_diagnostics(syntax, fmt=args.format, files=len(args.values)))
        io.err.write("vcvalues: error: the values cannot be read, so the enforced standard is unknown\n")
        return None, 1
    return enforced_standard(result.values, result.chart.version), None


def run(args: argparse.Namespace, io: IO) -> int:
    """Evaluate every pod in the files; exit 1 when any is refused."""
    from vcvalues.core.report import format_diagnostics
    from vcvalues.pss import NEWEST_MINOR, policy_for
    from vcvalues.pss.diagnose import SUMMARIES
    from vcvalues.pss.files import check_pod_files

    level = args.level
    newest_minor = NEWEST_MINOR
    if args.values:
        enforced, failed = _enforced(args, io)
        if enforced is None:
            return failed or 0
        io.err.write(f"vcvalues: {enforced.explanation}\n")
        if level is None:
            if enforced.level is None:
                io.out.write(
                    format_diagnostics([], fmt=args.format, files=len(args.files), summaries=SUMMARIES)
                )
                io.err.write("vcvalues: nothing to check (pass --level to check anyway)\n")
                return 0
            level = enforced.level.value
        if args.pss_version is None:
            newest_minor = enforced.newest_minor
    policy = policy_for(level or DEFAULT_LEVEL, args.pss_version or "latest", newest_minor=newest_minor)
    stdin_text = sys.stdin.read() if "-" in args.files else None
    outcome = check_pod_files(
        args.files, policy=policy, stdin_text=stdin_text, apply_defaults=not args.no_defaults
    )
    io.out.write(
        format_diagnostics(outcome.diagnostics, fmt=args.format, files=len(args.files), summaries=SUMMARIES)
    )
    for message in outcome.messages:
        io.err.write(f"{message}\n")
    io.err.write(
        f"vcvalues: {outcome.evaluated} pod template(s) checked at {policy.level_version} "
        f"(policy v1.{policy.minor}): {outcome.refused} refused"
        + (
            " - vcluster's syncer leaves their pods Pending with a SyncError event\n"
            if outcome.refused
            else "\n"
        )
    )
    return outcome.exit_code()
