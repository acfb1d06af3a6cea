"""vcvalues: compile and validate the Helm values of the vcluster chart, exactly as Helm reads them.

Error model: every problem in the values is a :class:`Diagnostic` in ``CompileResult.diagnostics``
(``result.ok``: no error among them); an exception, always a :class:`VcValuesError`, means vcvalues
could not do what was asked: ``UsageError`` (bad option, ``UnsupportedChartVersionError``,
``UnknownRuleError``), ``InputError`` (a file cannot be read), ``ConfigError`` (``.vcvalues.yaml``), and,
when asked for a product of values that have errors, ``InvalidValuesError`` (``result.model``) and
``RenderError`` (``result.manifests()``). Check ``result.ok`` first and those two never happen.

The public API is re-exported here. Names are imported on first use (PEP 562), so ``import vcvalues``
stays cheap and ``vcvalues lint`` never pays for pydantic, jsonschema or the renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "compile_values": "vcvalues.legacy.compile",
    "compile_text": "vcvalues.legacy.compile",
    "compile_modern_values": "vcvalues.modern.compile",
    "ModernCompileResult": "vcvalues.modern.compile",
    "ModernRef": "vcvalues.core.chart",
    "Dialect": "vcvalues.core.chart",
    "choose_chart": "vcvalues.core.dialect",
    "CompileResult": "vcvalues.legacy.compile",
    "lint_files": "vcvalues.core.lint",
    "LintOutcome": "vcvalues.core.lint",
    "Diagnostic": "vcvalues.core.diagnostics",
    "Severity": "vcvalues.core.diagnostics",
    "ChartRef": "vcvalues.legacy.chart",
    "Distro": "vcvalues.legacy.chart",
    "resolve_chart": "vcvalues.legacy.chart",
    "Quantity": "vcvalues.core.quantity",
    "QuantityError": "vcvalues.core.quantity",
    "render_manifests": "vcvalues.legacy.render",
    "dump_manifests": "vcvalues.legacy.render",
    "dump_values": "vcvalues.legacy.render",
    "render_side_effects": "vcvalues.legacy.render",
    "Manifest": "vcvalues.legacy.render",
    "SideEffects": "vcvalues.legacy.render",
    "RenderError": "vcvalues.errors",
    "export_schema": "vcvalues.legacy.schema",
    "validate_values": "vcvalues.legacy.validate",
    "convert_values": "vcvalues.convert",
    "convert_files": "vcvalues.convert",
    "convert_text": "vcvalues.convert",
    "ConvertResult": "vcvalues.convert",
    "evaluate_pod": "vcvalues.pss",
    "simulate_admission": "vcvalues.admission",
    "AdmissionReport": "vcvalues.admission",
    "HostPolicy": "vcvalues.admission",
    "legacy_host": "vcvalues.admission",
    "VcValuesError": "vcvalues.errors",
    "UsageError": "vcvalues.errors",
    "InputError": "vcvalues.errors",
    "UnsupportedChartVersionError": "vcvalues.errors",
    "UnknownRuleError": "vcvalues.errors",
    "ConfigError": "vcvalues.errors",
    "InvalidValuesError": "vcvalues.legacy.validate",
}

__all__ = [
    "AdmissionReport",
    "ChartRef",
    "CompileResult",
    "ConfigError",
    "ConvertResult",
    "Diagnostic",
    "Dialect",
    "Distro",
    "HostPolicy",
    "InputError",
    "InvalidValuesError",
    "LintOutcome",
    "Manifest",
    "ModernCompileResult",
    "ModernRef",
    "Quantity",
    "QuantityError",
    "RenderError",
    "Severity",
    "SideEffects",
    "UnknownRuleError",
    "UnsupportedChartVersionError",
    "UsageError",
    "VcValuesError",
    "__version__",
    "choose_chart",
    "compile_modern_values",
    "compile_text",
    "compile_values",
    "convert_files",
    "convert_text",
    "convert_values",
    "dump_manifests",
    "dump_values",
    "evaluate_pod",
    "export_schema",
    "legacy_host",
    "lint_files",
    "render_manifests",
    "render_side_effects",
    "resolve_chart",
    "simulate_admission",
    "validate_values",
]

if TYPE_CHECKING:
    from vcvalues.admission import AdmissionReport, HostPolicy, legacy_host, simulate_admission
    from vcvalues.convert import ConvertResult, convert_files, convert_text, convert_values
    from vcvalues.core.chart import Dialect, ModernRef
    from vcvalues.core.diagnostics import Diagnostic, Severity
    from vcvalues.core.dialect import choose_chart
    from vcvalues.core.lint import LintOutcome, lint_files
    from vcvalues.core.quantity import Quantity, QuantityError
    from vcvalues.errors import (
        ConfigError,
        InputError,
        RenderError,
        UnknownRuleError,
        UnsupportedChartVersionError,
        UsageError,
        VcValuesError,
    )
    from vcvalues.legacy.chart import ChartRef, Distro, resolve_chart
    from vcvalues.legacy.compile import CompileResult, compile_text, compile_values
    from vcvalues.legacy.render import (
        Manifest,
        SideEffects,
        dump_manifests,
        dump_values,
        render_manifests,
        render_side_effects,
    )
    from vcvalues.legacy.schema import export_schema
    from vcvalues.legacy.validate import InvalidValuesError, validate_values
    from vcvalues.modern.compile import ModernCompileResult, compile_modern_values
    from vcvalues.pss import evaluate_pod


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'vcvalues' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
