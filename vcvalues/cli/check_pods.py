"""`vcvalues check-pods FILE...`: will these workloads run in the vCluster? Admission as the syncer and the
host API server do it (Pod Security, LimitRange, ResourceQuota), on top of the control plane's own use."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from vcvalues.cli._common import add_chart_arguments, add_helm_version_argument

if TYPE_CHECKING:
    from vcvalues.admission import HostPolicy
    from vcvalues.cli import IO

FORMATS = ("text", "json", "github", "sarif", "markdown")
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
        help="policy version (default latest of the chart's syncer: v1.29 for the default chart 0.19.10)",
    )
    parser.add_argument(
        "--values",
        action="append",
        metavar="VALUES.yaml",
        help="vcluster values (repeatable, merged as helm -f): linted, then their quota, limit range and "
        "standard are simulated",
    )
    add_chart_arguments(parser)
    add_helm_version_argument(parser)
    parser.add_argument(
        "--subchart-key",
        metavar="KEY",
        help="the --values are an umbrella chart's values with vcluster's under KEY (e.g. vcluster)",
    )
    parser.add_argument(
        "--host",
        action="append",
        metavar="HOST.yaml",
        help="LimitRange, ResourceQuota and Namespace manifests of the host namespace, on top of what "
        "--values creates (repeatable)",
    )
    parser.add_argument(
        "--nodes", type=int, default=None, metavar="N", help="nodes running each DaemonSet's pod (default 1)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument(
        "--no-defaults",
        action="store_true",
        help="evaluate pods as written (default: as the API server defaults them)",
    )


def _values_host(args: argparse.Namespace, io: IO) -> tuple[HostPolicy | None, int]:
    """Lint --values and read the host policy they create; (None, exit code) when they cannot be used.

    The dialect is chosen as ``lint`` chooses it: by --chart-version, else read from the files (0.15-0.19
    ``isolation.*`` or 0.20+ ``vcluster.yaml``)."""
    from vcvalues.core.chart import ModernRef
    from vcvalues.core.diagnostics import Severity
    from vcvalues.core.dialect import choose_chart
    from vcvalues.core.lint import subchart_values
    from vcvalues.core.load import load_path
    from vcvalues.core.report import format_diagnostics
    from vcvalues.pss import policy_for

    loaded = [load_path(name) for name in args.values]
    if args.subchart_key is not None:
        loaded = [subchart_values(one, args.subchart_key) for one in loaded]
    documents = [one.data for one in loaded if one.data is not None]
    chart = choose_chart(args.chart_version, args.distro, documents).chart
    result: Any
    if isinstance(chart, ModernRef):
        from vcvalues.modern.compile import compile_modern
        from vcvalues.modern.pod_security import enforced_standard as modern_standard

        result = compile_modern(
            loaded, chart, release=args.release, namespace=args.namespace, helm_major=args.helm_version
        )
    else:
        from vcvalues.legacy.compile import compile_loaded

        result = compile_loaded(
            loaded,
            chart_version=args.chart_version,
            distro=args.distro,
            release=args.release,
            namespace=args.namespace,
            helm_major=args.helm_version,
        )
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        io.out.write(format_diagnostics(errors, fmt=_lint_format(args.format), files=len(args.values)))
        io.err.write(
            f"vcvalues: error: the values have {len(errors)} error(s): fix them first, the simulation "
            "needs what the chart will deploy\n"
        )
        return None, 1
    if isinstance(chart, ModernRef):
        enforced = modern_standard(result.values, chart.version)
    else:
        from vcvalues.pss.vcluster import enforced_standard

        enforced = enforced_standard(result.values, result.chart.version)
    io.err.write(f"vcvalues: {enforced.explanation}\n")
    syncer = None
    if args.level is not None or (args.pss_version is not None and enforced.level is not None):
        level = args.level or (enforced.level.value if enforced.level else DEFAULT_LEVEL)
        syncer = policy_for(level, args.pss_version or "latest", newest_minor=enforced.newest_minor)
    if isinstance(chart, ModernRef):
        from vcvalues.admission.modern import modern_host

        host = modern_host(result.values, chart, result.release, result.namespace, syncer=syncer)
    else:
        from vcvalues.admission import legacy_host

        host = legacy_host(result.values, result.chart, result.release, result.namespace, syncer=syncer)
    if host.syncer is None and not host.quotas and not host.limit_ranges:
        io.err.write("vcvalues: nothing to check (pass --level to check anyway)\n")
        return None, 0
    return host, 0


def _add_host(host: HostPolicy, name: str, args: argparse.Namespace, io: IO) -> tuple[HostPolicy, int]:
    """``host`` plus the objects of one --host file; exit 1 on its syntax errors."""
    from vcvalues.admission.hostfile import add_host_objects
    from vcvalues.core.diagnostics import Severity
    from vcvalues.core.encoding import decode_source
    from vcvalues.core.read_file import read_source
    from vcvalues.core.report import format_diagnostics

    text, problem = decode_source(read_source(name), file=name)
    found = [problem] if problem is not None else []
    if text is not None:
        host, more = add_host_objects(host, text, file=name)
        found += more
    if found:
        io.out.write(format_diagnostics(found, fmt=_lint_format(args.format), files=1))
    if any(d.severity is Severity.ERROR for d in found):
        io.err.write(f"vcvalues: error: {name} cannot be read as host objects\n")
        return host, 1
    return host, 0


def _newest_minor(args: argparse.Namespace) -> int:
    """The newest Pod Security version the syncer of --chart-version knows (0.15-0.19 or 0.20+)."""
    from vcvalues.core.chart import ModernRef
    from vcvalues.core.dialect import choose_chart

    chart = choose_chart(args.chart_version, args.distro).chart
    if isinstance(chart, ModernRef):
        from vcvalues.modern.pod_security import syncer_newest_minor as modern_newest

        return modern_newest(chart.version)
    from vcvalues.pss.vcluster import syncer_newest_minor

    return syncer_newest_minor(chart.version)


def _lint_format(fmt: str) -> str:
    return "text" if fmt == "markdown" else fmt


def run(args: argparse.Namespace, io: IO) -> int:
    """Admit every workload in the files; exit 1 when any is refused or none is found."""
    from vcvalues.admission import HostPolicy, simulate_admission
    from vcvalues.admission.output import format_report
    from vcvalues.admission.verdicts import SUMMARIES as ADMISSION
    from vcvalues.errors import UsageError
    from vcvalues.pss import policy_for
    from vcvalues.pss.diagnose import SUMMARIES, summarise_not_workloads

    if args.nodes is not None and args.nodes < 0:
        raise UsageError(f"--nodes {args.nodes}: must be 0 or more")
    if args.values:
        host, code = _values_host(args, io)
        if host is None:
            return code
    else:
        if args.subchart_key is not None:
            raise UsageError("--subchart-key reads --values: pass the umbrella chart's values with --values")
        newest = _newest_minor(args)
        policy = policy_for(args.level or DEFAULT_LEVEL, args.pss_version or "latest", newest_minor=newest)
        host = HostPolicy(syncer=policy)
    for name in args.host or ():
        host, code = _add_host(host, name, args, io)
        if code:
            return code
    stdin_text = None
    if "-" in args.files:  # read as a file is read: 16 MiB at most, decoded as go-yaml decodes
        from vcvalues.cli._common import read_stdin
        from vcvalues.core.report import format_diagnostics

        stdin_text, problem = read_stdin()
        if problem is not None:
            io.out.write(format_diagnostics([problem], fmt=_lint_format(args.format), files=len(args.files)))
            return 1
    # Verdicts are listed by json, sarif and markdown, and by text when the host has quotas or limit
    # ranges; otherwise they are only counted (memory stays flat over any number of documents).
    listed = args.format in ("json", "sarif", "markdown") or bool(host.quotas or host.limit_ranges)
    report = simulate_admission(
        args.files,
        host,
        nodes=args.nodes or 1,
        apply_defaults=not args.no_defaults,
        stdin_text=stdin_text,
        keep_verdicts=listed,
    )
    summaries = {**SUMMARIES, **ADMISSION}
    io.out.write(format_report(report, args.format, files=len(args.files), summaries=summaries))
    for line in (*report.messages, *(f"vcvalues: note: {n}" for n in host.notes)):
        io.err.write(f"{line}\n")
    first = next((r for v in report.verdicts for r in v.refusals if r.rule == "quota-exceeded"), None)
    if first is not None:
        over = first.message[first.message.rfind("(over ") + 1 : -1]
        who = first.message.split(":", 1)[0]
        io.err.write(f"vcvalues: the quota first runs out at {who} ({first.file}:{first.line}): {over}\n")
    if report.not_workloads:
        io.err.write(f"vcvalues: {summarise_not_workloads(report.not_workloads)}\n")
    daemonsets = any(v.kind == "DaemonSet" for v in report.verdicts)
    if daemonsets and args.nodes is None and host.quotas:
        io.err.write("vcvalues: note: DaemonSets counted on 1 node (pass --nodes N)\n")
    if report.unreadable:
        return report.exit_code()
    if not report.pods_checked:
        io.err.write("vcvalues: error: no Pod or workload found in what could be read: nothing was checked\n")
        return 1
    where = f" at {host.syncer.level_version} (policy v1.{host.syncer.minor})" if host.syncer else ""
    io.err.write(
        f"vcvalues: {report.pods_checked} pod template(s) checked{where}: {report.refused} refused"
        + (
            " - vcluster's syncer leaves their pods Pending with a SyncError event\n"
            if report.refused
            else "\n"
        )
    )
    return report.exit_code()
