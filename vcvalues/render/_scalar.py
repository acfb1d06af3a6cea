"""What Kubernetes reads from text a template writes unquoted: go-yaml v2 resolution, then JSON.

A chart line such as ``cidr: {{ .Values...cidr }}`` writes Go's ``%v`` text of a value as a *plain* YAML
scalar. Helm (and kubectl) read the manifest with sigs.k8s.io/yaml: go-yaml v2 resolves the scalar with
YAML 1.1 rules, then the result goes through JSON, where map keys become strings. References (read,
not copied): go-yaml v2.4.0 ``resolve.go`` (``resolve``: the map of bool/null/inf/nan words, ints with
``strconv.ParseInt(plain, 0, 64)`` after removing ``_``, floats only matching ``yamlStyleFloat``) and
``decode.go`` (a timestamp decoded into ``interface{}`` stays a string); kubernetes-sigs/yaml ``yaml.go``
(``convertToJSONableObject``: int keys ``strconv.Itoa``, float keys ``FormatFloat(f, 'g', -1, 32)``, bools
``"true"``/``"false"``, null keys unsupported).
"""

from __future__ import annotations

import math
import re
import struct

from vcvalues.errors import VcValuesError

__all__ = ["RenderError", "json_number", "plain_key", "plain_value", "resolve_plain"]

_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1
_UINT64_MAX = 2**64 - 1

# resolve.go resolveMapList: looked up for every scalar whose first byte has a hint.
_WORDS: dict[str, object] = {
    **dict.fromkeys(("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), None),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), math.inf),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), -math.inf),
}
_HINTED_FIRST = frozenset("+-0123456789yYnNtTfFoO~.")
_SIGN_OR_DIGIT = frozenset("+-0123456789")
_YAML_STYLE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
# strconv.ParseFloat of text starting with "." (no sign, no underscores, no hex, no words).
_DOT_FLOAT = re.compile(r"\.[0-9]+([eE][-+]?[0-9]+)?")
# strconv.ParseInt / ParseUint with base 0 (underscores already removed).
_GO_INT = re.compile(
    r"(?P<sign>[-+]?)(?:0[xX](?P<hex>[0-9a-fA-F]+)|0[bB](?P<bin>[01]+)|0[oO]?(?P<oct>[0-7]+)|(?P<dec>0|[1-9][0-9]*))"
)
# A plain scalar written after "key: " or "- " is read back as written only without these.
_STRUCTURE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\t]|: |:$| #")
_BAD_FIRST = frozenset("[]{},#&*!|>'\"%@`")
_INDICATOR_FIRST = frozenset("-?:")
_FLOAT32_MAX_DIGITS = 9
_MIN_PLAIN_EXPONENT = -4  # strconv formatDigits: %e when exp < -4 || exp >= eprec
_SHORTEST_EPREC = 6
_JSON_PLAIN_LIMIT = 1e21  # encoding/json writes floats with %e from 1e21 on; go-yaml reads those as floats


class RenderError(VcValuesError):
    """The chart cannot render these values (Helm would fail), or they render into unreadable YAML.

    It is a problem in the values, not a usage error: the CLI exits with 1.
    """

    exit_code = 1


def _go_int(plain: str) -> int | None:
    match = _GO_INT.fullmatch(plain)
    if match is None:
        return None
    if match["hex"] is not None:
        magnitude = int(match["hex"], 16)
    elif match["bin"] is not None:
        magnitude = int(match["bin"], 2)
    elif match["oct"] is not None:
        magnitude = int(match["oct"], 8)
    else:
        magnitude = int(match["dec"], 10)
    value = -magnitude if match["sign"] == "-" else magnitude
    if _INT64_MIN <= value <= _INT64_MAX:
        return value
    # ParseUint takes no sign at all.
    if not match["sign"] and value <= _UINT64_MAX:
        return value
    return None


def _finite_float(text: str) -> float | None:
    value = float(text)
    return None if math.isinf(value) else value  # ParseFloat reports a range error: go-yaml keeps the string


def resolve_plain(text: str) -> object:
    """go-yaml v2's reading of a plain scalar into ``interface{}``.

    Args:
        text: the scalar as written (already known not to change the YAML structure).

    Returns:
        None, bool, int, float or the text itself.
    """
    if text and text[0] not in _HINTED_FIRST:
        return text
    if text in _WORDS:
        return _WORDS[text]
    if text[0] == ".":
        return _finite_float(text) if _DOT_FLOAT.fullmatch(text) else text
    if text[0] in _SIGN_OR_DIGIT:
        plain = text.replace("_", "")
        number = _go_int(plain)
        if number is not None:
            return number
        if _YAML_STYLE_FLOAT.fullmatch(plain):
            floated = _finite_float(plain)
            if floated is not None:
                return floated
    return text


def json_number(value: float) -> int | float:
    """A float as it comes back after encoding/json and a YAML/JSON reader: integral below 1e21 -> int."""
    if value.is_integer() and abs(value) < _JSON_PLAIN_LIMIT:
        return int(value)
    return value


def _check_plain(text: str, where: str) -> str:
    """The scalar text YAML reads after ``key: `` / ``- ``; RenderError if it would change the structure."""
    stripped = text.strip(" ")
    if (
        _STRUCTURE.search(stripped)
        or (stripped and stripped[0] in _BAD_FIRST)
        or (stripped[:1] in _INDICATOR_FIRST and stripped[1:2] in ("", " "))
    ):
        raise RenderError(
            f"{where}: the chart writes {text!r} unquoted, so the manifest would not read back as that text"
        )
    return stripped


def plain_value(text: str, *, where: str) -> object:
    """The JSON value Kubernetes receives for ``key: <text>`` written by a template.

    Args:
        text: the text the template printed.
        where: template and expression, for the error message.

    Returns:
        None, bool, int, float or str.

    Raises:
        RenderError: the text would change the YAML structure, or is a number JSON cannot carry.
    """
    value = resolve_plain(_check_plain(text, where))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RenderError(
                f"{where}: {text!r} reads as {value}, which JSON (and so Kubernetes) cannot carry"
            )
        return json_number(value)
    return value


def _float32_text(value: float) -> str:
    """strconv.FormatFloat(value, 'g', -1, 32): shortest float32 digits, %e once exponent < -4 or >= 6."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    single: float = struct.unpack("f", struct.pack("f", value))[0]
    if math.isinf(single):
        return ".inf" if single > 0 else "-.inf"
    if single == 0:
        return "-0" if math.copysign(1.0, single) < 0 else "0"
    sign = "-" if single < 0 else ""
    text = ""
    for precision in range(_FLOAT32_MAX_DIGITS):
        text = f"{abs(single):.{precision}e}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == abs(single):
            break
    mantissa, exponent_text = text.split("e")
    exponent = int(exponent_text)
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    if exponent < _MIN_PLAIN_EXPONENT or exponent >= _SHORTEST_EPREC:
        body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{body}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    point = exponent + 1
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def plain_key(text: str, *, where: str) -> str:
    """The JSON key Kubernetes receives for ``<text>: ...`` written by a template.

    Args:
        text: the text the template printed as a key.
        where: template and expression, for the error message.

    Returns:
        The key string (``yes`` reads as ``"true"``, ``0x10`` as ``"16"``).

    Raises:
        RenderError: the key would change the YAML structure or read as null.
    """
    value = resolve_plain(_check_plain(text, where))
    if value is None:
        raise RenderError(f"{where}: the chart writes the key {text!r} unquoted and YAML reads it as null")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float32_text(value)
    assert isinstance(value, str)
    return value
