"""The clean case of a 0.20+ schema check, in pure Python: are these values valid? (no jsonschema_rs).

Most values a user lints are valid. Importing jsonschema_rs and compiling a release's schema costs a cold
``vcvalues lint`` ~25 ms, so :func:`is_clean` decides first, interpreting exactly the draft-07 subset the
catalogue's schemas use (``type``, ``$ref`` to ``#/definitions/``, ``properties``, ``patternProperties``,
``additionalProperties``, ``required``, ``items``, ``oneOf``, ``anyOf``, ``allOf``, ``pattern``,
``minLength``). It answers True only when it is sure jsonschema_rs would accept the values; anything else
(an invalid value, a keyword or an instance type outside that subset) is False, and jsonschema_rs then
judges and words the errors as before. ``tests/unit/modern/test_clean_check.py`` proves it agrees with
jsonschema_rs over every release's schema.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["is_clean"]

# Keywords that judge nothing (annotations, the definitions a $ref points into).
_INERT = frozenset({"$schema", "$comment", "definitions", "title", "description"})
_JUDGED = frozenset(
    {
        "type",
        "properties",
        "patternProperties",
        "additionalProperties",
        "required",
        "items",
        "oneOf",
        "anyOf",
        "allOf",
        "pattern",
        "minLength",
    }
)
_REF_PREFIX = "#/definitions/"
_INT64 = 2**63


class _Unsure(Exception):
    """The values or the schema leave the subset interpreted here: jsonschema_rs decides."""


def is_clean(values: Any, schema: Mapping[str, Any]) -> bool:
    """True when ``values`` certainly satisfy ``schema`` (as jsonschema_rs's Draft7Validator judges);
    False when they do not, or when this subset cannot tell."""
    try:
        _plain(values)
        return _valid(schema, values, schema)
    except _Unsure:
        return False


def _plain(value: Any) -> None:
    """Refuse (``_Unsure``) what jsonschema_rs reads differently or not at all: a subclass of a JSON type,
    a tuple, a key that is not a str, an int beyond 64 bits, NaN or infinity, text that is not UTF-8."""
    stack = [value]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            for key, item in node.items():
                if type(key) is not str:
                    raise _Unsure
                _text(key)
                stack.append(item)
        elif kind is list:
            stack.extend(node)
        elif kind is str:
            _text(node)
        elif kind is int:
            if not -_INT64 <= node < _INT64:
                raise _Unsure
        elif kind is float:
            if not math.isfinite(node):
                raise _Unsure
        elif node is not None and kind is not bool:
            raise _Unsure


def _text(text: str) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            raise _Unsure from None


def _valid(node: Any, value: Any, root: Mapping[str, Any]) -> bool:
    if node is True:
        return True
    if node is False:
        return False
    if type(node) is not dict:
        raise _Unsure
    ref = node.get("$ref")
    if ref is not None:
        if len(node) != 1 or not isinstance(ref, str) or not ref.startswith(_REF_PREFIX):
            raise _Unsure
        target = root.get("definitions", {}).get(ref[len(_REF_PREFIX) :])
        if target is None:
            raise _Unsure
        return _valid(target, value, root)
    for keyword in node:
        if keyword not in _JUDGED and keyword not in _INERT:
            raise _Unsure
    wanted = node.get("type")
    if wanted is not None and not _has_type(value, wanted):
        return False
    kind = type(value)
    if kind is dict and not _object_valid(node, value, root):
        return False
    if kind is list and "items" in node and not all(_valid(node["items"], item, root) for item in value):
        return False
    if kind is str and not _string_valid(node, value):
        return False
    for branch in node.get("allOf", ()):
        if not _valid(branch, value, root):
            return False
    if "anyOf" in node and not any(_valid(branch, value, root) for branch in node["anyOf"]):
        return False
    return "oneOf" not in node or sum(1 for branch in node["oneOf"] if _valid(branch, value, root)) == 1


def _has_type(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, list):
        return any(_has_type(value, name) for name in wanted)
    kind = type(value)
    if wanted == "string":
        return kind is str
    if wanted == "object":
        return kind is dict
    if wanted == "array":
        return kind is list
    if wanted == "boolean":
        return kind is bool
    if wanted == "integer":
        if kind is float:
            raise _Unsure  # 1.0 is an integer to jsonschema_rs: not worth following here
        return kind is int
    raise _Unsure  # number, null: the catalogue's schemas do not use them


def _object_valid(node: dict[str, Any], value: dict[str, Any], root: Mapping[str, Any]) -> bool:
    properties = node.get("properties", {})
    patterns = node.get("patternProperties", {})
    extra = node.get("additionalProperties", True)
    for key in node.get("required", ()):
        if key not in value:
            return False
    for key, item in value.items():
        matched = False
        if key in properties:
            matched = True
            if not _valid(properties[key], item, root):
                return False
        for pattern, sub in patterns.items():
            if _search(pattern, key):
                matched = True
                if not _valid(sub, item, root):
                    return False
        if not matched and not _valid(extra, item, root):
            return False
    return True


def _string_valid(node: dict[str, Any], value: str) -> bool:
    if "minLength" in node and len(value) < node["minLength"]:
        return False
    return "pattern" not in node or _search(node["pattern"], value)


def _search(pattern: str, text: str) -> bool:
    """ECMA/Rust regex search, where Python's re reads the same: ASCII text without a newline (Python's
    ``$`` also matches before a final newline)."""
    if pattern == ".*":
        return True
    if "\n" in text or not text.isascii():
        raise _Unsure
    return _compiled(pattern).search(text) is not None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
