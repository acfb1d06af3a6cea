"""go-yaml v2's emitter for plain data: the text of Helm's ``toYaml`` (sigs.k8s.io/yaml ``Marshal``).

References (read, not copied): go-yaml v2.4.0 ``encode.go`` (``stringv``: a string that would resolve to
another type, or a base-60 float, is double-quoted; one with a line break is a literal block),
``emitterc.go`` (``yaml_emitter_analyze_scalar`` and ``yaml_emitter_select_scalar_style``: plain, else
single-quoted, else double-quoted; line folding past ``best_width`` 80 at a space; escapes of the
double-quoted writer; literal block chomping indicators), ``sorter.go`` (``keyList.Less``). The data is
JSON-shaped (what encoding/json gives back): dict with str keys, list, str, int, float, bool, None.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from vcvalues.core.go_order import _go_key_order, format_go_float
from vcvalues.core.yaml11 import resolve_plain

__all__ = ["emit"]

_KEY_ORDER = functools.cmp_to_key(_go_key_order)  # go-yaml v2 keyList.Less
_BEST_WIDTH = 80
_INDENT = 2
_SIMPLE_KEY_MAX = 128
_BASE60_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
_BREAKS = frozenset("\n\r\x85\u2028\u2029")
_FIRST_BOTH = frozenset("#,[]{}&*!|>'\"%@`")
_ESCAPES = {
    "\x00": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
}  # fmt: skip


def _printable(char: str) -> bool:
    code = ord(char)
    return (
        code == 0x0A
        or 0x20 <= code <= 0x7E
        or code == 0x85
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def _resolves_to_string(text: str) -> bool:
    """encode.go: ``resolve("", s)`` gives the str tag (and it is not a base-60 float)."""
    if resolve_plain(text) is not text or text == "<<" or _BASE60_FLOAT.fullmatch(text):
        return False
    return _TIMESTAMP.fullmatch(text) is None


def _analyze(value: str) -> tuple[bool, bool, bool, bool]:
    """(block plain allowed, single quoted allowed, block allowed, multiline) as analyze_scalar says."""
    if not value:
        return True, True, False, False
    block_indicators = value.startswith(("---", "..."))
    special = line_breaks = leading = trailing_space = trailing_break = False
    break_space = space_break = previous_space = previous_break = False
    preceded_by_whitespace = True
    for i, char in enumerate(value):
        followed_by_whitespace = i + 1 >= len(value) or value[i + 1] in " \t" or value[i + 1] in _BREAKS
        if i == 0:
            if char in _FIRST_BOTH or (char in "?:-" and followed_by_whitespace):
                block_indicators = True
        elif (char == ":" and followed_by_whitespace) or (char == "#" and preceded_by_whitespace):
            block_indicators = True
        if not _printable(char) or char == "\ufeff":
            special = True
        if char == " ":
            leading = leading or i == 0
            trailing_space = i == len(value) - 1
            break_space = break_space or previous_break
            previous_space, previous_break = True, False
        elif char in _BREAKS:
            line_breaks = True
            leading = leading or i == 0
            trailing_break = i == len(value) - 1
            space_break = space_break or previous_space
            previous_space, previous_break = False, True
        else:
            previous_space = previous_break = False
        preceded_by_whitespace = char in " \t" or char in _BREAKS
    plain = not (
        leading or trailing_space or trailing_break or break_space or line_breaks or block_indicators
    )
    single = not break_space
    block = not trailing_space
    if space_break or special:
        plain = single = block = False
    return plain, single, block, line_breaks


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.column = 0
        self.line_start = False  # a literal block ended with its line break

    def put(self, text: str) -> None:
        self.line_start = False
        self.out.append(text)
        if "\n" in text:
            self.column = len(text) - text.rindex("\n") - 1
        else:
            self.column += len(text)

    def newline(self, indent: int) -> None:
        self.put(("" if self.line_start else "\n") + " " * indent)

    def scalar(self, value: Any, indent: int, *, key: bool) -> None:
        if value is None:
            self.put("null")
        elif value is True or value is False:
            self.put("true" if value else "false")
        elif isinstance(value, (int, float)):
            self.put(format_go_float(float(value)) if isinstance(value, float) else str(value))
        else:
            self.string(str(value), indent, key=key)

    def string(self, value: str, indent: int, *, key: bool) -> None:
        # encode.go stringv picks literal (a "\n"), plain (resolves to a string) or double-quoted;
        # the emitter then falls back from plain to single-quoted to double-quoted.
        plain_ok, single_ok, block_ok, _ = _analyze(value)
        if "\n" in value:
            if block_ok and not key:
                self.literal(value, indent)
            else:
                self.double(value, indent, allow_breaks=not key)
        elif _resolves_to_string(value) and plain_ok:
            self.folded(value, indent, allow_breaks=not key, quote="")
        elif _resolves_to_string(value) and single_ok:
            self.folded(value, indent, allow_breaks=not key, quote="'")
        else:
            self.double(value, indent, allow_breaks=not key)

    def folded(self, value: str, indent: int, *, allow_breaks: bool, quote: str) -> None:
        self.put(quote)
        spaces = False
        for i, char in enumerate(value):
            if char == " ":
                inner = not quote or 0 < i < len(value) - 1
                nxt = value[i + 1] if i + 1 < len(value) else ""
                if allow_breaks and not spaces and self.column > _BEST_WIDTH and inner and nxt != " ":
                    self.newline(indent)
                else:
                    self.put(char)
                spaces = True
            else:
                self.put("''" if char == "'" and quote else char)
                spaces = False
        self.put(quote)

    def double(self, value: str, indent: int, *, allow_breaks: bool) -> None:
        self.put('"')
        spaces = False
        for i, char in enumerate(value):
            if not _printable(char) or char == "\ufeff" or char in _BREAKS or char in '"\\':
                code = ord(char)
                escape = _ESCAPES.get(char)
                if escape is None:
                    escape = (
                        f"x{code:02X}"
                        if code <= 0xFF
                        else f"u{code:04X}"
                        if code <= 0xFFFF
                        else f"U{code:08X}"
                    )
                self.put("\\" + escape)
                spaces = False
            elif char == " ":
                if allow_breaks and not spaces and self.column > _BEST_WIDTH and 0 < i < len(value) - 1:
                    self.newline(indent)
                    if value[i + 1] == " ":
                        self.put("\\")
                else:
                    self.put(char)
                spaces = True
            else:
                self.put(char)
                spaces = False
        self.put('"')

    def literal(self, value: str, indent: int) -> None:
        hints = str(_INDENT) if value[0] in " " or value[0] in _BREAKS else ""
        if value[-1] not in _BREAKS:
            hints += "-"
        elif len(value) == 1 or value[-2] in _BREAKS:
            hints += "+"
        self.put("|" + hints + "\n")
        breaks = True
        for char in value:
            if char in _BREAKS:
                self.put("\n")
                breaks = True
            else:
                if breaks:
                    self.put(" " * indent)
                    breaks = False
                self.put(char)
        self.line_start = breaks

    def node(self, value: Any, indent: int) -> None:
        """A value after ``key:`` or ``- ``, at block indentation ``indent`` for its content."""
        if isinstance(value, dict) and value:
            self.mapping(value, indent)
        elif isinstance(value, list) and value:
            self.sequence(value, indent)
        elif isinstance(value, dict):
            self.put("{}")
        elif isinstance(value, list):
            self.put("[]")
        else:
            self.scalar(value, indent + _INDENT, key=False)

    def mapping(self, data: dict[str, Any], indent: int, *, first_inline: bool = False) -> None:
        for number, key in enumerate(sorted(data, key=_KEY_ORDER)):
            if number or not first_inline:
                self.newline(indent)
            self.scalar(key, indent, key=True)
            self.put(":")
            value = data[key]
            if isinstance(value, dict) and value:
                self.mapping(value, indent + _INDENT)
            elif isinstance(value, list) and value:
                self.sequence(value, indent)  # go-yaml v2 does not indent a sequence under its key
            else:
                self.put(" ")
                self.node(value, indent)

    def sequence(self, items: list[Any], indent: int, *, first_inline: bool = False) -> None:
        for number, item in enumerate(items):
            if number or not first_inline:
                self.newline(indent)
            self.put("- ")
            if isinstance(item, dict) and item:
                self.mapping(item, indent + _INDENT, first_inline=True)
            elif isinstance(item, list) and item:
                self.sequence(item, indent + _INDENT, first_inline=True)
            else:
                self.node(item, indent)


def emit(data: Any) -> str:
    """go-yaml v2 ``Marshal`` of JSON-shaped data, without the final newline."""
    writer = _Writer()
    if isinstance(data, dict) and data:
        writer.mapping(data, 0, first_inline=True)
    elif isinstance(data, list) and data:
        writer.sequence(data, 0, first_inline=True)
    else:
        writer.node(data, -_INDENT)
    return "".join(writer.out)
