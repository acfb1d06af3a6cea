"""`vcvalues render`: the host manifests (or the effective values) the chart derives from values files.

Two modes. The compiler (default): validated values, fixes of fixable errors applied to values the
user did not write, and nothing on stdout while an error remains. ``--helm-template``: exactly what
``helm template`` prints for the isolation objects of these values, unchanged, whatever the
diagnostics (which go to stderr; exit 1 on errors); nothing when Helm itself would fail.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vcvalues.cli._common import add_chart_arguments, add_helm_version_argument, add_subchart_argument

if TYPE_CHECKING:
    from vcvalues.cli import IO
    from vcvalues.core.chart import ModernRef
    from vcvalues.core.diagnostics import Diagnostic
    from vcvalues.core.load import LoadResult
    from vcvalues.legacy.compile import CompileResult

OUTPUTS = ("manifests", "values", "all")
_HELM_LINES = {
    3: "Helm 3.x, 4.0, 4.1: null chart defaults kept",
    4: "Helm >= 4.2: unset null defaults dropped",
}
STDIN = "-"


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``render``."""
    parser.add_argument(
        "-f",
        "--values",
        dest="files",
        action="append",
        default=[],
        metavar="FILE",
        help="values file, repeatable, later wins ('-' reads stdin); none: the chart defaults",
    )
    parser.add_argument(
        "--set", dest="set_values", action="append", default=[], metavar="K=V", help="as helm --set"
    )
    parser.add_argument(
        "--set-string",
        dest="set_string_values",
        action="append",
        default=[],
        metavar="K=V",
        help="as helm --set-string",
    )
    add_chart_arguments(parser)
    add_helm_version_argument(parser)
    parser.add_argument(
        "--helm-template",
        action="store_true",
        help=(
            "print exactly what helm template prints for the isolation objects (no fixes, whatever the "
            "diagnostics; exit 1 on errors)"
        ),
    )
    parser.add_argument(
        "--verbose", action="store_true", help="say on stderr which chart, release and Helm line are used"
    )
    parser.add_argument(
        "--output",
        choices=OUTPUTS,
        default="manifests",
        help="manifests (default): the host objects; values: effective values; all: both and side effects",
    )
    parser.add_argument(
        "--namespace-manifest",
        action="store_true",
        help="also print the Namespace with the Pod Security labels the vcluster docs recommend",
    )
    parser.add_argument("--no-fix", action="store_true", help="do not apply the fixes of fixable errors")
    add_subchart_argument(parser)


def _header(result: CompileResult, what: str) -> str:
    return (
        f"vcvalues: {what} for chart {result.chart}, release {result.release} in namespace {result.namespace}"
    )


def _render_output(result: CompileResult, args: argparse.Namespace, io: IO) -> str:
    """Everything to print on stdout (computed before anything is written)."""
    from vcvalues.legacy.render import dump_document, dump_manifests, dump_values, render_manifests
    from vcvalues.legacy.render import render_side_effects as side_effects

    chart, release, namespace = result.chart, result.release, result.namespace
    parts: list[str] = []
    if args.output in ("manifests", "all"):
        manifests = render_manifests(
            result.values,
            chart=chart,
            release=release,
            namespace=namespace,
            namespace_manifest=args.namespace_manifest,
        )
        if not any(m.from_chart for m in manifests):
            io.err.write(
                "vcvalues: no host objects: the chart renders them only when isolation.enabled and their own "
                "enabled are true\n"
            )
        parts.append(dump_manifests(manifests))
    if args.output == "all":
        effects = side_effects(result.values, chart=chart, release=release, namespace=namespace).to_dict()
        parts.append(dump_document(effects, comments=[_header(result, "side effects (not objects)")]))
        parts.append(dump_document(result.values_document(), comments=[_header(result, "effective values")]))
    if args.output == "values":
        parts.append(f"# {_header(result, 'effective values')}\n{dump_values(result.values_document())}")
    return "".join(parts)


def _helm_template(result: CompileResult, io: IO) -> int:
    """``--helm-template``: the isolation objects as ``helm template`` prints them, or nothing where
    Helm fails (unreadable values, a helm-failure rule, a template error)."""
    from vcvalues.core.diagnostics import Severity
    from vcvalues.legacy.render import RenderError, dump_manifests, render_manifests
    from vcvalues.legacy.rules.helm_failures import RULES

    helm_fails = {rule.id for rule in RULES} | {"syntax"}
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if any(d.rule_id in helm_fails for d in errors) or any(r.data is None for r in result.loaded):
        io.err.write("vcvalues: helm template would fail with these values: nothing to print\n")
        return 1
    try:
        manifests = render_manifests(
            result.values, chart=result.chart, release=result.release, namespace=result.namespace
        )
    except RenderError as error:
        io.err.write(f"vcvalues: helm template would fail: {error}\n")
        return 1
    io.out.write(dump_manifests(manifests))
    return 1 if errors else 0


def run(args: argparse.Namespace, io: IO) -> int:
    """Compile the values; print diagnostics to stderr and, unless an error remains, the YAML to stdout."""
    from vcvalues.cli._common import load_values_files
    from vcvalues.core.report import format_diagnostics
    from vcvalues.errors import UsageError
    from vcvalues.legacy.compile import compile_loaded

    if args.helm_template and (args.output != "manifests" or args.namespace_manifest):
        raise UsageError(
            "--helm-template prints the chart's manifests only (no --output, --namespace-manifest)"
        )
    loaded, umbrella = load_values_files(args.files, subchart_key=args.subchart_key)
    version, distro = args.chart_version, args.distro
    if umbrella is not None and version is None and distro is None:
        version, distro = umbrella.version, umbrella.distro
    chart = _modern_chart(version, distro, loaded)
    if chart is not None:  # 0.20+ values (vcluster.yaml): the modern wing renders them
        from vcvalues.cli._render_modern import run_modern

        return run_modern(args, io, chart, loaded)
    result = compile_loaded(
        loaded,
        set_values=args.set_values,
        set_string_values=args.set_string_values,
        chart_version=version,
        distro=distro,
        release=args.release,
        namespace=args.namespace,
        apply_fixes=not (args.no_fix or args.helm_template),
        helm_major=args.helm_version,
    )
    if args.verbose:
        io.err.write(
            f"vcvalues: chart {result.chart}, release {result.release} in namespace {result.namespace}, "
            f"values coalesced as Helm {args.helm_version} ({_HELM_LINES[args.helm_version]})"
            f"{', as helm template prints them' if args.helm_template else ''}\n"
        )
    diagnostics = list(result.diagnostics)
    if args.namespace_manifest and result.ok:
        diagnostics.extend(_admission(result))
    if diagnostics:
        io.err.write(format_diagnostics(diagnostics, fmt="text", files=max(len(args.files), 1)))
    if args.helm_template:
        return _helm_template(result, io)
    if not result.ok:
        return 1
    io.out.write(_render_output(result, args, io))
    return 0


def _modern_chart(version: str | None, distro: str | None, loaded: list[LoadResult]) -> ModernRef | None:
    """The 0.20+ release to render for (by version, else read from the files as lint reads them), or None."""
    from vcvalues.core.chart import ModernRef
    from vcvalues.core.dialect import choose_chart

    chart = choose_chart(version, distro, [one.data for one in loaded if one.data is not None]).chart
    return chart if isinstance(chart, ModernRef) else None


def _admission(result: CompileResult) -> list[Diagnostic]:
    """A warning when the Namespace must enforce a lower level than podSecurityStandard to admit the
    vcluster's own pods (see vcvalues.legacy.render.namespace)."""
    from vcvalues.core.diagnostics import Diagnostic, Severity
    from vcvalues.legacy.render._context import Context
    from vcvalues.legacy.render.namespace import admission_note

    note = admission_note(Context(result.values, result.chart, result.release, result.namespace))
    if note is None:
        return []
    path = ("isolation", "podSecurityStandard")
    where = result.sources.locate(path)
    return [
        Diagnostic(
            "control-plane-pod-security",
            Severity.WARNING,
            note,
            where.file,
            where.line,
            where.column,
            "the syncer still enforces podSecurityStandard on the virtual cluster's pods; baseline on the "
            "host namespace is what the vcluster docs recommend",
            path,
        )
    ]
