"""Diagnostics about single values of compiled values: unknown keys, dialect, type conflicts, schema.

Internal to vcvalues.legacy.compile: each function turns one kind of finding into Diagnostics placed with the
user's sources (``Provenance``).
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import Diagnostic, Severity, format_key_path
from vcvalues.core.provenance import Provenance
from vcvalues.core.value_checks import conflict_diagnostic, located, quantity_problem, value_at
from vcvalues.legacy.chart import ChartRef


def check_user_keys(values: dict[str, Any], chart: ChartRef, provenance: Provenance) -> list[Diagnostic]:
    from vcvalues.core.dialect import modern_keys_in_legacy
    from vcvalues.legacy.catalog import key_tree
    from vcvalues.legacy.unknown_keys import find_unknown_keys

    tree = key_tree(chart)
    out: list[Diagnostic] = []
    modern = dict(modern_keys_in_legacy(values, frozenset(tree.children)))
    for path, legacy in modern.items():
        out.append(
            located(
                "dialect-mismatch",
                Severity.ERROR,
                provenance,
                path,
                f"{format_key_path(path)} is a vcluster 0.20+ key; chart {chart.version} does not read it",
                f"for chart {chart.version} set it through {legacy}, or target a 0.20+ chart",
                key=True,
            )
        )
    for path, suggestion in find_unknown_keys(values, tree):
        if path in modern:
            continue
        where = format_key_path(path[:-1]) or "the top level"
        hint = (
            f"did you mean {suggestion!r}?"
            if suggestion
            else f"see the keys of {where} in the chart's values.yaml"
        )
        out.append(
            located(
                "unknown-key",
                Severity.ERROR,
                provenance,
                path,
                f"unknown key {path[-1]!r} in {where}: chart {chart} ignores it",
                hint,
                key=True,
            )
        )
    return out


def schema_diagnostics(values: dict[str, Any], chart: ChartRef, provenance: Provenance) -> list[Diagnostic]:
    from vcvalues.legacy.rules import claim_schema_issue
    from vcvalues.legacy.validate import validate_values

    out = []
    plain = _without_go_types(values) if provenance.set_paths else values
    for issue in validate_values(plain, chart):
        rule, message, hint = "schema", issue.message, None
        if "quantity" in issue.message:
            rule, message, hint = quantity_problem(values, issue.path, issue.message)
        else:
            claimed = claim_schema_issue(issue.path, value_at(values, issue.path), issue.message)
            if claimed is not None:
                rule, message, hint = claimed
        out.append(located(rule, Severity.ERROR, provenance, issue.path, message, hint))
    return out


def _without_go_types(value: Any) -> Any:
    # jsonschema_rs takes exact builtin types only; --set integers are GoInt64 (an int subclass).
    if isinstance(value, dict):
        return {k: _without_go_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_go_types(v) for v in value]
    if isinstance(value, int) and type(value) not in (int, bool):
        return int(value)
    return value


__all__ = ["check_user_keys", "conflict_diagnostic", "located", "schema_diagnostics"]
