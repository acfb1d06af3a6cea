"""Diagnostics about single values of compiled values: unknown keys, dialect, type conflicts, schema.

Internal to vcvalues.legacy.compile: each function turns one kind of finding into Diagnostics placed with the
user's sources (``Provenance``).
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity, format_key_path
from vcvalues.core.provenance import Provenance
from vcvalues.core.value_checks import conflict_diagnostic, located, quantity_problem, value_at
from vcvalues.legacy.chart import ChartRef


def check_user_keys(values: dict[str, Any], chart: ChartRef, provenance: Provenance) -> list[Diagnostic]:
    from vcvalues.core.dialect import modern_keys_in_legacy
    from vcvalues.legacy.catalog import key_tree
    from vcvalues.legacy.unknown_keys import find_unknown_keys, known_elsewhere

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
        hint = known_elsewhere(path, chart) or (
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
            value = value_at(values, issue.path)
            claimed = claim_schema_issue(issue.path, value, issue.message)
            if claimed is not None:
                rule, message, hint = claimed
                label = provenance.set_label(issue.path)
                if rule == "quota-resource-name" and label is not None and isinstance(value, dict):
                    hint = _escaped_set_hint(label, issue.path, value)
        out.append(located(rule, Severity.ERROR, provenance, issue.path, message, hint))
    return out


def with_defaults_at(values: dict[str, Any], paths: list[KeyPath], chart: ChartRef | None) -> dict[str, Any]:
    """A copy of ``values`` with the value at each path put back to chart's default (removed where it
    has none, or with ``chart`` None)."""
    import copy

    from vcvalues.legacy.catalog import chart_defaults

    out = copy.deepcopy(values)
    defaults = chart_defaults(chart) if chart is not None else {}
    for path in paths:
        parent: Any = out
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or path[-1] not in parent:
            continue
        default = value_at(defaults, path) if _has(defaults, path) else _MISSING
        if default is _MISSING:
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(default)
    return out


_MISSING = object()


def _has(values: Any, path: KeyPath) -> bool:
    node = values
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _escaped_set_hint(label: str, path: KeyPath, value: dict[str, Any]) -> str:
    """--set split a dotted resource name (``quota.requests.cpu=4``): show it with the dot escaped."""
    parent = ".".join(str(part).replace(".", "\\.") for part in path[:-1])
    names = [f"{path[-1]}.{key}" for key in value]
    spelled = ", ".join(f"{parent}.{name.replace('.', chr(92) + '.')}=..." for name in names)
    return f"{label} split the resource name at its dot; escape it: --set {spelled}"


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
