"""Wording shared by the typed model and the schema validator (no pydantic, no jsonschema here).

Both report the same problem with the same words: ``isolation.enabled: expected a boolean, found
'maybe'``. The quantity pattern lives here too, because the lint path needs it without the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# The resource.Quantity grammar of k8s.io/apimachinery (quantity.go): sign, digits with an optional
# fraction, then at most one suffix: binary SI, decimal SI, or a decimal exponent with an integer.
# Written for RE2, ECMAScript and Python alike: [0-9] (never \d), no lookaround.
QUANTITY_PATTERN = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$"
QUANTITY_EXAMPLES = "such as 500m, 2Gi or 10"

_MAX_SHOWN = 60
_TYPE_NAMES = {  # in the order they are listed: "a string or a number"
    "boolean": "a boolean",
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "object": "a map",
    "array": "a list",
    "null": "null",
}


def describe_path(path: Sequence[str | int]) -> str:
    """``isolation.resourceQuota.quota[requests.cpu]``, ``syncer.extraArgs[0]``; ``(root)`` when empty."""
    from vcvalues.core.diagnostics import format_key_path

    return format_key_path(tuple(path)) or "(root)"


def describe_value(value: object) -> str:
    """The value found, as a user reads it: ``'maybe'``, ``true``, ``null``, ``12``, ``a map``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(int(value))
    if isinstance(value, str):
        shown = value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 3] + "..."
        return repr(shown)
    if isinstance(value, dict):
        return "a map"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def describe_types(types: Iterable[str]) -> str:
    """``a boolean``, ``a string or a number``: JSON-schema type names in words, null left out."""
    order = list(_TYPE_NAMES)
    ranked = sorted(
        set(types) - {"null"}, key=lambda name: (order.index(name) if name in order else len(order), name)
    )
    names = [_TYPE_NAMES.get(name, name) for name in ranked]
    if not names:
        return "null"
    return " or ".join(names)


def describe_options(options: Iterable[object]) -> str:
    """``privileged, baseline, restricted``: the allowed values of an enumeration, null left out."""
    return ", ".join(str(option) for option in options if option is not None)


def quantity_problem(value: object) -> str:
    """``expected a kubernetes quantity (...), found '20GB': unknown suffix 'GB' (did you mean ...)``.

    Args:
        value: a string or number that is not a quantity (the strict grammar: digits required).
    """
    from vcvalues.core.quantity import Quantity, QuantityError

    text = f"expected a kubernetes quantity ({QUANTITY_EXAMPLES}), found {describe_value(value)}"
    try:
        Quantity.parse(value, strict=True)
    except QuantityError as exc:
        reason = str(exc).removeprefix(f"{value!r} is not a quantity").lstrip(": ")
        return f"{text}: {reason}" if reason else text
    return text


def located(path: Sequence[str | int], text: str) -> str:
    """``<path>: <text>``, the form of every message about one key."""
    return f"{describe_path(path)}: {text}"
