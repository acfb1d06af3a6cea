"""Diagnostics about single values, shared by both dialects: placed at the user's sources (Provenance)."""

from __future__ import annotations

from typing import Any

from vcvalues.core.coalesce import TypeConflict
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity, format_key_path, spell_value
from vcvalues.core.provenance import Provenance

QUANTITY_HINT = "write a Kubernetes quantity: 500m, 2, 1.5, 512Mi, 8Gi, 1e3 (no space, no B, K is k or Ki)"


def conflict_diagnostic(conflict: TypeConflict, provenance: Provenance) -> Diagnostic:
    name = format_key_path(conflict.path)
    if conflict.user_is_map:
        default = spell_value(conflict.default)
        message = f"{name} is a map but the chart's default is {default}; Helm warns and keeps the map"
    else:
        message = (
            f"{name} replaces the chart's default map with a non-map value; Helm warns and the map is lost"
        )
    return located(
        "type-conflict",
        Severity.WARNING,
        provenance,
        conflict.path,
        message,
        "give the same kind of value the chart expects (see its values.yaml)",
    )


def value_at(values: dict[str, Any], path: KeyPath) -> Any:
    node: Any = values
    for part in path:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
    return node


def quantity_problem(values: dict[str, Any], path: KeyPath, fallback: str) -> tuple[str, str, str]:
    from vcvalues.core.quantity import Quantity, QuantityError

    node = value_at(values, path)
    hint = QUANTITY_HINT
    try:
        Quantity.parse(node, strict=True)
    except QuantityError as exc:
        return "invalid-quantity", f"{format_key_path(path)}: {exc}", hint
    return "invalid-quantity", fallback, hint


def located(
    rule: str,
    severity: Severity,
    provenance: Provenance,
    path: KeyPath,
    message: str,
    hint: str | None,
    *,
    key: bool = False,
) -> Diagnostic:
    where = provenance.locate(path, key=key)
    return Diagnostic(rule, severity, message, where.file, where.line, where.column, hint, path)
