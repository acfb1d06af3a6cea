"""Per-value diagnostics of 0.20+ values: dialect, schema verdict, quantities, StrBool strings.

Internal to vcvalues.modern.compile; each function turns one kind of finding into Diagnostics placed at
the user's sources (``Provenance``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vcvalues.core.chart import ModernRef
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity, format_key_path
from vcvalues.core.provenance import Provenance
from vcvalues.core.value_checks import QUANTITY_HINT, located

# Maps whose every entry is a Kubernetes quantity (the schema leaves them free-form).
POLICY_QUANTITY_MAPS: tuple[KeyPath, ...] = (
    ("policies", "resourceQuota", "quota"),
    ("policies", "limitRange", "default"),
    ("policies", "limitRange", "defaultRequest"),
    ("policies", "limitRange", "min"),
    ("policies", "limitRange", "max"),
)
RESOURCE_MAPS = frozenset({"limits", "requests"})
STRBOOL_WORDS = frozenset({"auto", "true", "false"})


def dialect_diagnostics(
    values: dict[str, Any], ref: ModernRef, provenance: Provenance, distro: str | None = None
) -> list[Diagnostic]:
    """Legacy (0.15-0.19) top-level keys in values for a 0.20+ chart."""
    from vcvalues.core.chart import Distro
    from vcvalues.core.dialect import legacy_keys

    file = provenance.files[-1].file if provenance.files else "values.yaml"
    target = "0.36" if ref.version.minor >= 36 else "0.20"
    flavour = Distro.parse(distro).value
    return [
        located(
            "dialect-mismatch",
            Severity.ERROR,
            provenance,
            path,
            f"{path[0]} is a legacy (0.15-0.19) key; chart {ref.version} reads the 0.20+ format",
            f"convert the file: vcvalues convert -f {file} --distro {flavour} --to {target}",
            key=True,
        )
        for path in legacy_keys(values)
    ]


def schema_diagnostics(values: dict[str, Any], ref: ModernRef, provenance: Provenance) -> list[Diagnostic]:
    """The upstream schema's verdict on the coalesced values, as unknown-key and schema diagnostics."""
    from vcvalues.core.dialect import LEGACY_ONLY
    from vcvalues.modern.validate import validate_modern

    out: list[Diagnostic] = []
    for issue in validate_modern(values, ref):
        if issue.unknown:
            if len(issue.path) == 1 and issue.path[0] in LEGACY_ONLY:
                continue  # dialect-mismatch says it better
            out.append(_unknown_key(issue.path, issue.siblings, ref, provenance))
        else:
            out.append(located("schema", Severity.ERROR, provenance, issue.path, issue.message, None))
    return out


def _unknown_key(
    path: tuple[str | int, ...], siblings: tuple[str, ...], ref: ModernRef, provenance: Provenance
) -> Diagnostic:
    from vcvalues.core.suggest import suggest
    from vcvalues.modern.catalog.keys import removal_note

    key = str(path[-1])
    where = format_key_path(path[:-1]) or "the top level"
    message = f"unknown key {key!r} in {where}: chart {ref.version}'s schema rejects it (helm install fails)"
    note = removal_note(path, ref)
    hint: str | None
    if note is not None:
        text, replacement = note
        message = f"{format_key_path(path)} was {text}: chart {ref.version}'s schema rejects it"
        hint = f"use {replacement}" if replacement and not replacement.startswith("nothing") else replacement
        if hint is None:
            hint = "remove it, or target a chart release that has it (--chart-version)"
    else:
        close = suggest(key, siblings)
        hint = f"did you mean {close!r}?" if close else f"see the keys of {where} in the chart's values.yaml"
    return located("unknown-key", Severity.ERROR, provenance, path, message, hint, key=True)


def quantity_diagnostics(user_values: dict[str, Any], provenance: Provenance) -> list[Diagnostic]:
    """Entries of quota, limit range and container resources maps that are not Kubernetes quantities."""
    from vcvalues.core.quantity import Quantity, QuantityError

    out: list[Diagnostic] = []
    for path, value in _quantity_entries(user_values):
        if value is None:
            continue
        try:
            Quantity.parse(value, strict=True)
        except QuantityError as exc:
            out.append(
                located(
                    "invalid-quantity",
                    Severity.ERROR,
                    provenance,
                    path,
                    f"{format_key_path(path)}: {exc}",
                    QUANTITY_HINT,
                )
            )
    return out


def _quantity_entries(values: dict[str, Any]) -> Iterator[tuple[KeyPath, Any]]:
    for map_path in POLICY_QUANTITY_MAPS:
        node = _at(values, map_path)
        if isinstance(node, dict):
            for key, value in node.items():
                yield (*map_path, key), value
    stack: list[tuple[KeyPath, Any]] = [((), values)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                here = (*path, key)
                if key in RESOURCE_MAPS and path[-1:] == ("resources",) and isinstance(value, dict):
                    yield from (((*here, name), item) for name, item in value.items())
                elif here[:1] != ("policies",):
                    stack.append((here, value))
        elif isinstance(node, list):
            stack.extend(((*path, index), item) for index, item in enumerate(node))


def strbool_diagnostics(
    user_values: dict[str, Any], ref: ModernRef, provenance: Provenance
) -> list[Diagnostic]:
    """``enabled``-style StrBool fields holding a string other than auto/true/false: the chart's
    ``toString`` comparison treats it as ``auto``."""
    from vcvalues.modern.catalog import release_schema
    from vcvalues.modern.catalog.keys import child_schema, resolve

    schema = release_schema(ref)
    out: list[Diagnostic] = []
    stack: list[tuple[KeyPath, Any, Any]] = [((), user_values, resolve(schema, schema))]
    while stack:
        path, node, node_schema = stack.pop()
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            sub = child_schema(schema, node_schema, key) if isinstance(key, str) else None
            if sub is None:
                continue
            if isinstance(value, dict):
                stack.append(((*path, key), value, sub))
            elif isinstance(value, str) and value not in STRBOOL_WORDS and _is_strbool(sub):
                here = (*path, key)
                out.append(
                    located(
                        "policy-enabled-string",
                        Severity.WARNING,
                        provenance,
                        here,
                        f'{format_key_path(here)} is {value!r}: the chart compares it with "true" and '
                        '"false" only, so it acts as auto',
                        f"write auto, true or false (found {value!r})",
                    )
                )
    return out


def _is_strbool(node: Any) -> bool:
    branches = node.get("oneOf") if isinstance(node, dict) else None
    return isinstance(branches, list) and sorted(str(b.get("type")) for b in branches) == [
        "boolean",
        "string",
    ]


def _at(values: Any, path: KeyPath) -> Any:
    node = values
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node
