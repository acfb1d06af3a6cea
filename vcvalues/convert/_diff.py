"""Only what differs from the new chart's defaults, computed as vcluster's ``config.Diff`` does.

Upstream marshals both configs to JSON and walks them: a map recurses; any other changed value is
taken whole; a scalar key that disappeared prints its zero value (``false``, ``""``, ``0``); then
empty maps are pruned. Pruning keeps an explicit ``null`` (as 0.36 does; 0.20 dropped it, which loses
a user's ``null`` that removes a default quota entry, so the 0.36 behaviour is used for both targets).
"""

from __future__ import annotations

from typing import Any

_NUMBER = (int, float)


def _same(a: Any, b: Any) -> bool:
    """Deep equality of JSON-shaped data, with ``True != 1`` as in Go's reflect.DeepEqual."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, _NUMBER) or isinstance(b, _NUMBER):
        return isinstance(a, _NUMBER) and isinstance(b, _NUMBER) and float(a) == float(b)
    if isinstance(a, dict):
        return (
            isinstance(b, dict)
            and a.keys() == b.keys()
            and all(_same(value, b[key]) for key, value in a.items())
        )
    if isinstance(a, list):
        return (
            isinstance(b, list) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
        )
    return type(a) is type(b) and a == b


def _zero_of(value: Any) -> Any:
    """What a scalar that disappeared from the new config prints as; ``_MISSING`` for maps and lists."""
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        return ""
    if isinstance(value, _NUMBER):
        return 0
    return _MISSING


_MISSING = object()


def _prune(value: Any) -> Any:
    """Drop empty maps (recursively, also inside lists); an explicit ``None`` stays."""
    if isinstance(value, list):
        return [_prune(item) for item in value]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            pruned = _prune(item)
            if pruned is None and item is not None:
                continue
            out[key] = pruned
        return out or None
    return value


def diff_values(defaults: Any, converted: Any) -> Any:
    """The part of ``converted`` that differs from ``defaults``; ``None`` when nothing differs.

    Args:
        defaults: the new chart's defaults (JSON-shaped plain data).
        converted: the defaults after conversion.

    Returns:
        A map holding only the changed keys (as ``vcluster convert config`` prints them), or None.
    """
    if _same(defaults, converted):
        return None
    if not isinstance(defaults, dict) or not isinstance(converted, dict):
        return _prune(converted)
    changed: dict[str, Any] = {}
    for key, old in defaults.items():
        if key not in converted:
            zero = _zero_of(old)
            if zero is not _MISSING:
                changed[key] = zero
        elif not _same(old, converted[key]):
            changed[key] = diff_values(old, converted[key]) if isinstance(old, dict) else converted[key]
    for key, new in converted.items():
        if key not in defaults:
            changed[key] = new
    return _prune(changed)
