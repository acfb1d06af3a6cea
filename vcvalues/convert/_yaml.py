"""YAML text of converted values, laid out as ``vcluster convert config`` prints it.

Upstream prints with sigs.k8s.io/yaml (JSON, then go-yaml v2): keys sorted in go-yaml's natural
order, numbers as Go float64 (``16``, ``0.5``, ``1e+21``), a string that would read back as another
type double-quoted (``"2"``, ``"true"``, ``""``, ``"yes"``), multi-line strings as literal blocks.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.representer import SafeRepresenter

from vcvalues.core.go_order import _go_key_order, format_go_float

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
