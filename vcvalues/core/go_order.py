"""How go-yaml v2 and encoding/json order keys and print numbers (sigs.k8s.io/yaml: JSON, then go-yaml).

Shared by the writers that must print as Helm does: ``convert``'s YAML and the legacy render's ``toYaml``.
"""

from __future__ import annotations

import math

from vcvalues.core.gofmt import format_float64

_INT64_MIN = -(2**63)
_UINT64_END = 2**64


def format_go_float(value: float) -> str:
    """A number as encoding/json + go-yaml v2 print a float64: ``16``, ``0.5``, ``1.5e-07``, ``1e+20``."""
    if math.isfinite(value) and value.is_integer() and _INT64_MIN <= value < _UINT64_END:
        return str(int(value))  # encoding/json writes it without a point; go-yaml reads an integer back
    if not math.isfinite(value):
        return {math.inf: ".inf", -math.inf: "-.inf"}.get(value, ".nan")
    return format_float64(value)  # strconv.FormatFloat(v, 'g', -1, 64), as go-yaml prints a float


def _go_key_less(a: str, b: str) -> bool:
    """go-yaml v2 keyList.Less: letters by code point, digit runs by number, non-letters first."""
    for i, (ca, cb) in enumerate(zip(a, b, strict=False)):
        if ca == cb:
            continue
        a_letter, b_letter = ca.isalpha(), cb.isalpha()
        if a_letter and b_letter:
            return ca < cb
        if a_letter or b_letter:
            return b_letter
        a_num, a_end = _digit_run(a, i)
        b_num, b_end = _digit_run(b, i)
        if a[i] == "0" or b[i] == "0":
            j = i - 1
            while j >= 0 and a[j].isdecimal():
                if a[j] != "0":
                    a_num, b_num = _digit_run(a, i, start=1)[0], _digit_run(b, i, start=1)[0]
                    break
                j -= 1
        if a_num != b_num:
            return a_num < b_num
        if a_end != b_end:
            return a_end < b_end
        return ca < cb
    return len(a) < len(b)


_ZERO = ord("0")
_INT64_SPAN = 1 << 64


def _digit_run(text: str, index: int, *, start: int = 0) -> tuple[int, int]:
    number, end = start, index
    # go-yaml's keyList.Less: unicode.IsDigit is category Nd (str.isdecimal, not isdigit, which also
    # takes "²" and made int() raise); the value is rune - '0' in a wrapping int64, as Go computes it.
    while end < len(text) and text[end].isdecimal():
        number = (number * 10 + ord(text[end]) - _ZERO + _INT64_SPAN // 2) % _INT64_SPAN - _INT64_SPAN // 2
        end += 1
    return number, end


def _go_key_order(a: str, b: str) -> int:
    return -1 if _go_key_less(a, b) else (1 if _go_key_less(b, a) else 0)
