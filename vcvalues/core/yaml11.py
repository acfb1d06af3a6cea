"""Plain-scalar resolution as Helm reads values: go-yaml v2 (YAML 1.1) then sigs.k8s.io/yaml.

Source read: gopkg.in/yaml.v2 resolve.go (v2.4.0) and sigs.k8s.io/yaml yaml.go (convertToJSONableObject).
"""

from __future__ import annotations

import math
import re
import struct
from typing import Any

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.gofmt import format_float64

MERGE_KEY = "<<"

_TRUE = ("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")
_FALSE = ("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")
_NULL = ("", "~", "null", "Null", "NULL")
_SPECIAL_FLOATS = {
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), math.inf),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), -math.inf),
}
_RESOLVE_MAP: dict[str, Any] = {
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
    **dict.fromkeys(_NULL, None),
    **_SPECIAL_FLOATS,
}

# Booleans in YAML 1.1 (and so in Helm) that a YAML 1.2 reader takes as strings.
YAML11_ONLY_BOOLEANS = frozenset(word for word in (*_TRUE, *_FALSE) if word.lower() not in ("true", "false"))

# go-yaml v2 only accepts YAML-style floats (no hex floats, no "inf" words, no underscores).
_YAML_STYLE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_DOT_FLOAT = lazy_compile(r"\.[0-9]+([eE][-+]?[0-9]+)?")
_GO_INT = re.compile(
    r"(?P<sign>[-+]?)(?:0[xX](?P<hex>[0-9a-fA-F]+)|0[oO](?P<oct>[0-7]+)|0[bB](?P<bin>[01]+)"
    r"|0(?P<octl>[0-7]+)|(?P<dec>0|[1-9][0-9]*))"
)
_INT64_MIN, _INT64_MAX, _UINT64_MAX = -(2**63), 2**63 - 1, 2**64 - 1
_UINT64_DIGITS = 20
_NUMERIC_HINT = frozenset("+-0123456789")
_MAX_UINT64_DIGITS = 64  # 2**64 - 1 has 64 binary digits, fewer in every other base
_TAG = "tag:yaml.org,2002:"


def _go_parse_int(text: str) -> int | None:
    """strconv.ParseInt(text, 0, 64), falling back to ParseUint(text, 0, 64); None when both fail."""
    match = _GO_INT.fullmatch(text)
    if match is None:
        return None
    digits = next(d for d in (match["hex"], match["oct"], match["bin"], match["octl"], match["dec"]) if d)
    if len(digits.lstrip("0")) > _MAX_UINT64_DIGITS:
        return None  # out of range for any base; also keeps int() clear of Python's int-to-str limit
    if match["hex"] is not None:
        magnitude = int(match["hex"], 16)
    elif match["oct"] is not None:
        magnitude = int(match["oct"], 8)
    elif match["bin"] is not None:
        magnitude = int(match["bin"], 2)
    elif match["octl"] is not None:
        magnitude = int(match["octl"], 8)
    else:
        magnitude = int(match["dec"], 10)
    value = -magnitude if match["sign"] == "-" else magnitude
    if _INT64_MIN <= value <= _INT64_MAX:
        return value
    if not match["sign"] and value <= _UINT64_MAX:  # ParseUint takes no sign
        return value
    return None


def resolve_plain(text: str) -> Any:
    """The value go-yaml v2 gives an untagged plain scalar (timestamps stay strings, as v2 keeps them)."""
    if text in _RESOLVE_MAP:
        return _RESOLVE_MAP[text]
    hint = text[0]
    if hint in _NUMERIC_HINT:
        plain = text.replace("_", "")
        as_int = _go_parse_int(plain)
        if as_int is not None:
            return as_int
        if _YAML_STYLE_FLOAT.fullmatch(plain):
            value = float(plain)
            if not math.isinf(value):  # Go's ParseFloat reports ErrRange, and the scalar stays a string
                return value
        return text
    if hint == "." and _DOT_FLOAT.fullmatch(text):
        value = float(text)
        return text if math.isinf(value) else value
    return text


def resolve_plain_tagged(text: str) -> tuple[str, Any]:
    """go-yaml v2's resolve("", text) for a resolvable tag: (long tag it resolves to, value)."""
    value = resolve_plain(text)
    if value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, int):
        kind = "int"
    elif isinstance(value, float):
        kind = "float"
    else:
        kind = "str"
    return f"{_TAG}{kind}", value


def _float32_shortest(value: float) -> str:
    """strconv.FormatFloat(value, 'g', -1, 32): the shortest digits that round-trip as float32, printed
    with Go's %g layout (exponent form from 1e+06 and below 1e-04)."""
    as32 = struct.unpack("f", struct.pack("f", value))[0]
    if math.isinf(as32):
        return "+Inf" if as32 > 0 else "-Inf"
    for precision in range(1, 10):
        candidate = f"{as32:.{precision}g}"
        if struct.unpack("f", struct.pack("f", float(candidate)))[0] == as32:
            break
    # float64 reprs of a <= 9-digit decimal are those digits, so Go's float64 layout applies as is
    return format_float64(float(candidate))


def key_to_string(key: Any) -> str | None:
    """How sigs.k8s.io/yaml turns a map key into a JSON key; None for keys it rejects (null, maps)."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int):
        return str(key)
    if isinstance(key, float):
        if math.isnan(key):
            return ".nan"
        text = _float32_shortest(key)
        return {"+Inf": ".inf", "-Inf": "-.inf"}.get(text, text)
    return None
