"""vcvalues: compile and validate the Helm values of the vcluster chart, exactly as Helm reads them.

The public API is re-exported here. Names are imported on first use (PEP 562), so ``import vcvalues``
stays cheap and ``vcvalues lint`` never pays for pydantic, jsonschema or the renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "compile_values": "vcvalues.compile",
    "compile_text": "vcvalues.compile",
    "CompileResult": "vcvalues.compile",
    "lint_files": "vcvalues.lint",
    "LintOutcome": "vcvalues.lint",
    "Diagnostic": "vcvalues.diagnostics",
    "Severity": "vcvalues.diagnostics",
    "ChartRef": "vcvalues.chart",
    "Distro": "vcvalues.chart",
    "resolve_chart": "vcvalues.chart",
    "Quantity": "vcvalues.quantity",
    "QuantityError": "vcvalues.quantity",
    "render_manifests": "vcvalues.render",
    "dump_manifests": "vcvalues.render",
    "dump_values": "vcvalues.render",
    "render_side_effects": "vcvalues.render",
    "Manifest": "vcvalues.render",
    "SideEffects": "vcvalues.render",
    "RenderError": "vcvalues.errors",
    "export_schema": "vcvalues.schema",
    "validate_values": "vcvalues.validate",
    "convert_values": "vcvalues.convert",
    "convert_files": "vcvalues.convert",
    "convert_text": "vcvalues.convert",
    "ConvertResult": "vcvalues.convert",
    "evaluate_pod": "vcvalues.pss",
    "VcValuesError": "vcvalues.errors",
    "UsageError": "vcvalues.errors",
    "InputError": "vcvalues.errors",
    "UnsupportedChartVersionError": "vcvalues.errors",
}

__all__ = [
    "ChartRef",
    "CompileResult",
    "ConvertResult",
    "Diagnostic",
    "Distro",
    "InputError",
    "LintOutcome",
    "Manifest",
    "Quantity",
    "QuantityError",
    "RenderError",
    "Severity",
    "SideEffects",
    "UnsupportedChartVersionError",
    "UsageError",
    "VcValuesError",
    "__version__",
    "compile_text",
    "compile_values",
    "convert_files",
    "convert_text",
    "convert_values",
    "dump_manifests",
    "dump_values",
    "evaluate_pod",
    "export_schema",
    "lint_files",
    "render_manifests",
    "render_side_effects",
    "resolve_chart",
    "validate_values",
]

if TYPE_CHECKING:
    from vcvalues.chart import ChartRef, Distro, resolve_chart
    from vcvalues.compile import CompileResult, compile_text, compile_values
    from vcvalues.convert import ConvertResult, convert_files, convert_text, convert_values
    from vcvalues.diagnostics import Diagnostic, Severity
    from vcvalues.errors import (
        InputError,
        RenderError,
        UnsupportedChartVersionError,
        UsageError,
        VcValuesError,
    )
    from vcvalues.lint import LintOutcome, lint_files
    from vcvalues.pss import evaluate_pod
    from vcvalues.quantity import Quantity, QuantityError
    from vcvalues.render import (
        Manifest,
        SideEffects,
        dump_manifests,
        dump_values,
        render_manifests,
        render_side_effects,
    )
    from vcvalues.schema import export_schema
    from vcvalues.validate import validate_values


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'vcvalues' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
