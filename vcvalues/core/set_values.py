"""--set and --set-string applied to merged values as Helm does, recording which paths each one set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.provenance import Provenance
from vcvalues.errors import UsageError


def apply_set(
    values: dict[str, Any],
    set_values: Sequence[str],
    set_string_values: Sequence[str],
    provenance: Provenance,
    *,
    helm_major: int = 3,
) -> None:
    """Apply every --set, then every --set-string (Helm's MergeValues, whatever their order on the line),
    parsed as Helm ``helm_major`` parses them (3 or 4: they differ on an unterminated index ``a[0``)."""
    from vcvalues.core.strvals import parse_set_into

    for flag, expressions, as_string in (
        ("--set", set_values, False),
        ("--set-string", set_string_values, True),
    ):
        for index, expression in enumerate(expressions, start=1):
            try:
                parse_set_into(expression, values, as_string=as_string, helm_major=helm_major)
            except UsageError as exc:
                raise UsageError(f"failed parsing {flag} data: {exc}") from None
            label = f"{flag}[{index}]"
            for assignment in split_paths(expression):
                provenance.set_paths.append((label, assignment))


def split_paths(expression: str) -> list[KeyPath]:
    """The dotted key paths an expression sets (positions only; parsing proper is strvals')."""
    paths: list[KeyPath] = []
    for part in expression.split(","):
        name = part.split("=", 1)[0].strip()
        if name:
            keys = [k.split("[", 1)[0] for k in name.replace("\\.", "\0").split(".")]
            paths.append(tuple(k.replace("\0", ".") for k in keys if k))
    return paths
