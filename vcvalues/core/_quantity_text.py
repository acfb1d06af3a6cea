"""Text side of :mod:`vcvalues.core.quantity`: Kubernetes' quantity scanner, suffix table, and error messages.

``scan`` and ``suffix_exponent`` decide acceptance exactly as kubernetes/apimachinery v0.36.3
``pkg/api/resource/quantity.go`` (``parseQuantityString``) and ``suffix.go`` (``interpret``) do.
``explain`` only words the rejection for a person; it never decides it.
"""

from __future__ import annotations

from vcvalues.core._lazy_re import lazy_compile

_DIGITS = frozenset("0123456789")
# quantity.go parseQuantityString: characters that may start a suffix.
_SUFFIX_CHARS = frozenset("eEinumkKMGTP")
_DECIMAL_SI, _BINARY_SI, _DECIMAL_EXPONENT = "DecimalSI", "BinarySI", "DecimalExponent"
_FIXED = {
    "": (10, 0, _DECIMAL_SI),
    "n": (10, -9, _DECIMAL_SI),
    "u": (10, -6, _DECIMAL_SI),
    "m": (10, -3, _DECIMAL_SI),
    "k": (10, 3, _DECIMAL_SI),
    "M": (10, 6, _DECIMAL_SI),
    "G": (10, 9, _DECIMAL_SI),
    "T": (10, 12, _DECIMAL_SI),
    "P": (10, 15, _DECIMAL_SI),
    "E": (10, 18, _DECIMAL_SI),
    "Ki": (2, 10, _BINARY_SI),
    "Mi": (2, 20, _BINARY_SI),
    "Gi": (2, 30, _BINARY_SI),
    "Ti": (2, 40, _BINARY_SI),
    "Pi": (2, 50, _BINARY_SI),
    "Ei": (2, 60, _BINARY_SI),
}
_INT64_DIGITS = 19
_INT32_SPAN = 1 << 32
_INT32_MIN = -(1 << 31)
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_EXPONENT = lazy_compile(r"[+-]?[0-9]+")
_NUMBER = lazy_compile(r"[+-]?([0-9]*)\.?([0-9]*)")
_SCI_EXPONENT = lazy_compile(r"[eE][+-]?[0-9]+")
_LETTERS = lazy_compile(r"[A-Za-z]*")


def _run(text: str, start: int, allowed: frozenset[str]) -> int:
    """Index of the first character at or after ``start`` not in ``allowed``."""
    end = start
    while end < len(text) and text[end] in allowed:
        end += 1
    return end


def scan(text: str) -> tuple[bool, str, str, str] | None:
    """Split text into (negative, numerator, denominator, suffix) as ``parseQuantityString`` does.

    The numerator has its leading zeros stripped and is ``"0"`` when empty. None means
    ``ErrFormatWrong``. The suffix is not checked here.
    """
    pos, end, negative = 0, len(text), False
    if text[:1] in ("-", "+"):
        negative = text[0] == "-"
        pos = 1
    pos = _run(text, pos, frozenset("0"))
    if pos >= end:
        return negative, "0", "", ""
    stop = _run(text, pos, _DIGITS)
    num = text[pos:stop] or "0"
    if stop >= end:
        return negative, num, "", ""
    pos, denom = stop, ""
    if text[pos] == ".":
        stop = _run(text, pos + 1, _DIGITS)
        denom = text[pos + 1 : stop]
        if stop >= end:
            return negative, num, denom, ""
        pos = stop
    suffix_start = pos
    pos = _run(text, pos, _SUFFIX_CHARS)
    if pos < end and text[pos] in ("-", "+"):
        pos += 1
    if _run(text, pos, _DIGITS) >= end:
        return negative, num, denom, text[suffix_start:]
    return None


def suffix_exponent(suffix: str) -> tuple[int, int, str] | None:
    """(base, exponent, format) of a suffix as ``suffix.go`` interprets it; None = ``ErrSuffix``.

    ``e<int>``/``E<int>`` takes an int64 exponent that Go then narrows to int32 (wrapping).
    """
    if suffix in _FIXED:
        return _FIXED[suffix]
    if len(suffix) > 1 and suffix[0] in "eE" and _EXPONENT.fullmatch(suffix[1:]):
        digits = suffix[1:].lstrip("+-").lstrip("0")
        if len(digits) > _INT64_DIGITS:
            return None
        exponent = int(suffix[1:])
        if not _INT64_MIN <= exponent <= _INT64_MAX:
            return None
        return 10, (exponent - _INT32_MIN) % _INT32_SPAN + _INT32_MIN, _DECIMAL_EXPONENT
    return None


def _acceptable(text: str) -> bool:
    scanned = scan(text) if text else None
    return scanned is not None and suffix_exponent(scanned[3]) is not None


def _or_list(words: list[str]) -> str:
    quoted = [repr(w) for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _suggest(letters: str) -> str:
    """Why an unknown suffix is wrong and what the user probably meant."""
    core = letters[:-1] if len(letters) > 1 and letters[-1] in "Bb" else letters
    candidates = [known for known in _FIXED if known and known.lower() == core.lower()]
    first = letters[0].upper()
    if first in "KMGTPE":
        candidates += ["k" if first == "K" else first, first + "i"]
    if first in "ZY":
        return "; there is nothing above 'E' (10^18) and 'Ei' (2^60)"
    unique = list(dict.fromkeys(candidates))
    return f" (did you mean {_or_list(unique)}?)" if unique else ""


def explain(text: str) -> str:
    """Say why ``text`` (already rejected) is not a quantity, in the user's terms."""
    head = f"{text!r} is not a quantity"
    if any(c.isspace() for c in text):
        compact = "".join(text.split())
        hint = f" (write {compact!r})" if _acceptable(compact) else ""
        return f"{head}: it contains whitespace{hint}"
    number = _NUMBER.match(text)
    assert number is not None  # the pattern matches the empty string
    if not (number.group(1) or number.group(2)):
        return f"{head}: it does not start with a number"
    rest = text[number.end() :]
    if rest.startswith("."):
        return f"{head}: it has more than one decimal point"
    if rest[:1] == "\u00b5":
        return f"{head}: micro is written 'u'"
    letters = _LETTERS.match(rest)
    assert letters is not None
    suffix, after = letters.group(), rest[letters.end() :]
    if not suffix:
        return f"{head}: unexpected {rest[:1]!r} after the number {text[: number.end()]!r}"
    if suffix in _FIXED:
        return f"{head}: unexpected {after!r} after the suffix {suffix!r}"
    exponent = _SCI_EXPONENT.match(rest)
    if exponent is not None:
        tail = rest[exponent.end() :]
        if not tail:
            return f"{head}: the exponent {rest!r} is out of range"
        if tail[0].isalpha():
            return f"{head}: a suffix cannot follow an exponent ({rest[: exponent.end()]!r} then {tail!r})"
        return f"{head}: the exponent must be a whole number, unexpected {tail!r} after it"
    if suffix[0] in "eE" and (len(suffix) == 1 or after):
        return f"{head}: {suffix[0]!r} must be followed by a whole-number exponent"
    return f"{head}: unknown suffix {suffix!r}{_suggest(suffix)}"
