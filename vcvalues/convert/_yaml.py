"""YAML text of converted values, laid out as ``vcluster convert config`` prints it.

Upstream prints with sigs.k8s.io/yaml (JSON, then go-yaml v2): keys sorted in go-yaml's natural
order, numbers as Go float64 (``16``, ``0.5``, ``1e+21``), a string that would read back as another
type double-quoted (``"2"``, ``"true"``, ``""``, ``"yes"``), multi-line strings as literal blocks.
"""

from __future__ import annotations

import functools
import io
import math
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.representer import SafeRepresenter

from vcvalues.core.gofmt import format_float64

# go-yaml v2 reads these plain scalars as booleans or null (resolve.go's map).
_SPECIAL_WORDS = frozenset(
    {
        *("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"),
        *("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"),
        *("~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF"),
        *("+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"),
    }
)
_GO_INT = re.compile(r"^[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$")
_YAML_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_BASE60_FLOAT = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_TIMESTAMP_DATE = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_ASCII_PRINTABLE_START, _ASCII_PRINTABLE_END = 0x20, 0x7E
_BMP_LOW_START, _BMP_LOW_END = 0xA0, 0xD7FF
_BMP_HIGH_START, _BMP_HIGH_END = 0xE000, 0xFFFD
_BYTE_ORDER_MARK = 0xFEFF
_INT64_MIN = -(2**63)
_UINT64_END = 2**64


def _reads_as_other_type(text: str) -> bool:
    """Would go-yaml v2 read ``text``, written plainly, as something other than a string?"""
    if text == "" or text in _SPECIAL_WORDS:
        return True
    if text[0] not in "+-0123456789.":
        return False
    if _TIMESTAMP_DATE.match(text):
        return True
    plain = text.replace("_", "")
    return bool(_GO_INT.match(plain) or _YAML_FLOAT.match(plain) or _BASE60_FLOAT.match(text))


def _printable(char: str) -> bool:
    """libyaml's IS_PRINTABLE (tab, U+0085, U+FEFF and characters beyond the BMP are not)."""
    code = ord(char)
    return (
        char == "\n"
        or _ASCII_PRINTABLE_START <= code <= _ASCII_PRINTABLE_END
        or _BMP_LOW_START <= code <= _BMP_LOW_END
        or (_BMP_HIGH_START <= code <= _BMP_HIGH_END and code != _BYTE_ORDER_MARK)
    )


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


class _GoRepresenter(SafeRepresenter):
    """Safe representer that lays out scalars and key order as go-yaml v2 does."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_go_mapping(self, data: dict[str, Any]) -> MappingNode:
        keys = sorted(data, key=functools.cmp_to_key(_go_key_order))
        return self.represent_mapping("tag:yaml.org,2002:map", [(key, data[key]) for key in keys])

    def represent_go_str(self, data: str) -> ScalarNode:
        style = None
        if not all(map(_printable, data)) or _reads_as_other_type(data):
            style = '"'
        elif "\n" in data:
            # go-yaml asks for a literal block; libyaml double-quotes what a block cannot hold
            style = '"' if " \n" in data or data.endswith(" ") else "|"
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    def represent_go_number(self, data: float) -> ScalarNode:
        text = format_go_float(float(data))
        kind = "int" if text.lstrip("-").isdigit() else "float"
        return self.represent_scalar(f"tag:yaml.org,2002:{kind}", text)

    def represent_go_bool(self, data: bool) -> ScalarNode:
        return self.represent_scalar("tag:yaml.org,2002:bool", "true" if data else "false")


_GoRepresenter.add_representer(dict, _GoRepresenter.represent_go_mapping)
_GoRepresenter.add_representer(str, _GoRepresenter.represent_go_str)
_GoRepresenter.add_representer(bool, _GoRepresenter.represent_go_bool)
_GoRepresenter.add_representer(int, _GoRepresenter.represent_go_number)
_GoRepresenter.add_representer(float, _GoRepresenter.represent_go_number)


def dump_values(values: dict[str, Any]) -> str:
    """YAML text of plain values, as ``vcluster convert config`` prints them (``{}`` when empty)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Representer = _GoRepresenter
    yaml.default_flow_style = False
    yaml.width = 80
    stream = io.StringIO()
    yaml.dump(values, stream)
    return stream.getvalue()
