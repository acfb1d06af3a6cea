"""`vcvalues render` for 0.20+ values (vcluster.yaml): the same two modes as for the legacy charts.

- compiler mode (default): the values compiled against the release (fixes applied unless ``--no-fix``),
  nothing printed while an error remains; the host objects as ``helm template`` prints them.
- ``--helm-template``: what ``helm template`` prints for the values as given (no fixes), whatever the
  diagnostics (they go to stderr, exit 1 on errors); nothing where Helm itself fails.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vcvalues.cli import IO
    from vcvalues.core.chart import ModernRef
    from vcvalues.core.load import LoadResult


def _text(result: Any, *, namespace_manifest: bool) -> str:
    from vcvalues.modern.render import render_text

    return render_text(
        result.values,
        release=result.release,
        namespace=result.namespace,
        chart_version=str(result.chart.version),
        namespace_manifest=namespace_manifest,
    )


def _header(result: Any, what: str) -> str:
    return (
        f"vcvalues: {what} for chart {result.chart}, release {result.release} in namespace {result.namespace}"
    )


def run_modern(args: argparse.Namespace, io: IO, chart: ModernRef, loaded: list[LoadResult]) -> int:
    """Compile 0.20+ values and print the host objects (or the effective values)."""
    from vcvalues.core.diagnostics import Severity
    from vcvalues.core.report import format_diagnostics
    from vcvalues.errors import RenderError
    from vcvalues.legacy.render import dump_document, dump_values
    from vcvalues.modern.compile import compile_modern

    helm_template = bool(getattr(args, "helm_template", False))
    result = compile_modern(
        loaded,
        chart,
        set_values=args.set_values,
        set_string_values=args.set_string_values,
        release=args.release,
        namespace=args.namespace,
        apply_fixes=not (args.no_fix or helm_template),
        helm_major=args.helm_version,
    )
    if getattr(args, "verbose", False):
        io.err.write(
            f"vcvalues: 0.20+ values (vcluster.yaml): chart {result.chart}, release {result.release} "
            f"in namespace {result.namespace}, values coalesced as Helm {args.helm_version}"
            f"{', as helm template prints them' if helm_template else ''}\n"
        )
    if result.diagnostics:
        io.err.write(format_diagnostics(result.diagnostics, fmt="text", files=max(len(args.files), 1)))
    errors = any(d.severity is Severity.ERROR for d in result.diagnostics)
    if helm_template:
        if any(one.data is None for one in loaded):
            io.err.write("vcvalues: helm template would fail with these values: nothing to print\n")
            return 1
        try:
            io.out.write(_text(result, namespace_manifest=False))
        except RenderError as error:
            io.err.write(f"vcvalues: helm template would fail: {error}\n")
            return 1
        return 1 if errors else 0
    if errors:
        return 1
    parts: list[str] = []
    try:
        if args.output in ("manifests", "all"):
            text = _text(result, namespace_manifest=args.namespace_manifest)
            if "# Source: vcluster/" not in text:
                io.err.write(
                    "vcvalues: no host objects: the chart renders them only when policies.resourceQuota, "
                    "policies.limitRange or policies.networkPolicy is enabled\n"
                )
            parts.append(text)
    except RenderError as error:
        io.err.write(f"vcvalues: error: helm template would fail: {error}\n")
        return 1
    header = _header(result, "effective values")
    if args.output == "values":
        parts.append(f"# {header}\n{dump_values(result.values_document())}")
    elif args.output == "all":
        parts.append(dump_document(result.values_document(), comments=[header]))
    io.out.write("".join(parts))
    return 0
