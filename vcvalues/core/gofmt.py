"""Go's printing of values as Helm holds them: fmt ``%v``, sprig ``toString`` / ``quote``, strconv.Quote.

Helm holds every number read from a values file as float64 and every integer given with ``--set`` as
int64 (:class:`GoInt64`). Templates print them with Go's ``fmt``, so ``1000000`` from a file renders as
``1e+06``. References (read, not copied): golang/go ``src/fmt/print.go`` (``%v`` of a float64 is
``fmtFloat(v, 64, 'g', -1)``), ``src/fmt/format.go`` (``fmtFloat``: ``+Inf``, ``-Inf``, ``NaN``, no
``+`` sign otherwise) and ``src/strconv/ftoa.go`` (``formatDigits``: shortest digits, ``%e`` when the
decimal exponent is < -4 or >= 6, at least two exponent digits); Masterminds/sprig v3.3.0
``strings.go`` (``strval``, ``quote`` skips nil).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = ["GoInt64", "format_float64", "format_value", "go_quote", "go_quote_rune", "quote", "strval"]

# strconv/ftoa.go formatDigits: with the shortest digits, %g uses %e once exp < -4 or exp >= 6.
_MIN_PLAIN_EXPONENT = -4
_SHORTEST_EPREC = 6
_ESCAPES = {"\a": r"\a", "\b": r"\b", "\f": r"\f", "\n": r"\n", "\r": r"\r", "\t": r"\t", "\v": r"\v"}
_DEL = 0x7F
_BMP_END = 0x10000


class GoInt64(int):
    """An integer Helm holds as int64 (given with ``--set``); Go prints it plainly, never as float."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"GoInt64({int(self)})"


def _shortest_digits(f: float) -> tuple[str, int]:
    """Shortest round-trip decimal digits of a finite positive float and the decimal point position.

    The value is ``0.<digits> * 10**point``. Python's repr yields the shortest digits that round-trip,
    as Go's shortest formatting does.
    """
    # read off repr's text (what Decimal(repr(f)).as_tuple() would give, without importing decimal)
    mantissa, _, exponent = repr(f).partition("e")
    whole, _, fraction = mantissa.partition(".")
    significant = (whole + fraction).lstrip("0")
    leading_zeros = len(whole) + len(fraction) - len(significant)
    return significant.rstrip("0"), len(whole) + int(exponent or 0) - leading_zeros


def format_float64(f: float) -> str:
    """Go's ``fmt.Sprintf("%v", f)`` of a float64.

    Args:
        f: the number.

    Returns:
        ``10``, ``0.5``, ``123456``, ``1e+06``, ``1.5e-05``, ``-0``, ``+Inf``, ``-Inf``, ``NaN``.
    """
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "+Inf" if f > 0 else "-Inf"
    sign = "-" if math.copysign(1.0, f) < 0 else ""
    if f == 0:
        return sign + "0"
    digits, point = _shortest_digits(abs(f))
    exponent = point - 1
    if exponent < _MIN_PLAIN_EXPONENT or exponent >= _SHORTEST_EPREC:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        exp_sign = "-" if exponent < 0 else "+"
        return f"{sign}{mantissa}e{exp_sign}{abs(exponent):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def _as_float64(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def format_value(value: object) -> str:
    """Go's ``fmt.Sprintf("%v", value)`` for plain values as Helm holds them.

    Maps print as ``map[a:1 b:[x y]]`` with sorted keys, lists as ``[x y]``, nil as ``<nil>``; a Python
    int that is not a :class:`GoInt64` stands for a float64 (a number from a values file).

    Args:
        value: plain data (dict, list, str, bool, None, int, float).

    Returns:
        The text Go prints.
    """
    if value is None:
        return "<nil>"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, GoInt64):
        return str(int(value))
    if isinstance(value, int):
        return format_float64(_as_float64(value))
    if isinstance(value, float):
        return format_float64(value)
    if isinstance(value, Mapping):
        items = sorted((format_value(k), format_value(v)) for k, v in value.items())
        return "map[" + " ".join(f"{k}:{v}" for k, v in items) + "]"
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(format_value(v) for v in value) + "]"
    return str(value)


def strval(value: object) -> str:
    """The text sprig's ``quote`` / ``toString`` put in a manifest for a value as Helm holds it.

    Like :func:`format_value`, except that None gives ``""`` (``quote`` skips nil arguments, so
    ``{{ $v | quote }}`` renders nothing at all; ``toString`` would print ``<nil>``).

    Args:
        value: plain data.

    Returns:
        The string, without quotes.
    """
    if value is None:
        return ""
    return format_value(value)


def _quote(text: str, quote_char: str) -> str:
    out = [quote_char]
    for char in text:
        code = ord(char)
        if char in (quote_char, "\\"):
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif code < ord(" ") or code == _DEL:
            out.append(f"\\x{code:02x}")
        elif code < _BMP_END:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append(quote_char)
    return "".join(out)


def go_quote(text: str) -> str:
    """Go's ``strconv.Quote`` (what ``%q`` prints for a string).

    Args:
        text: any string.

    Returns:
        The double-quoted Go string literal; printable runes (``unicode.IsPrint``) stay as they are.
    """
    return _quote(text, '"')


def go_quote_rune(char: str) -> str:
    """Go's ``strconv.QuoteRune`` (what ``%q`` prints for a rune): ``'x'``, ``'\\''``, ``'\\n'``.

    Args:
        char: one character.

    Returns:
        The single-quoted Go rune literal.
    """
    return _quote(char, "'")


def quote(value: object) -> str:
    """Sprig's ``quote`` of one value: ``go_quote(strval(value))``, or ``""`` for None (nil is skipped).

    Args:
        value: plain data.

    Returns:
        The quoted text as the template writes it.
    """
    if value is None:
        return ""
    return go_quote(strval(value))


def go_type(value: object) -> str:
    """The Go type name Helm's runtime errors give a value as Helm holds it (nil: ``interface {}``)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, GoInt64):
        return "int64"
    if isinstance(value, (int, float)):
        return "float64"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "[]interface {}"
    if isinstance(value, Mapping):
        return "map[string]interface {}"
    return "interface {}"
