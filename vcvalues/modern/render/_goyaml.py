"""Helm's ``toYaml`` as text: sigs.k8s.io/yaml ``Marshal`` = encoding/json, then go-yaml v2 emits the JSON.

Facts pinned against ``helm template`` (Helm v4.2.3): keys in go-yaml v2's natural order (``a9`` before
``a10``, digits before letters), block style with sequences not indented under their key, strings plain
when go-yaml v2 reads them back as the same string and no indicator forbids it, else single-quoted, else
double-quoted; strings that resolve to another type (``"yes"``, ``"1.5"``, ``"2001-12-14"``, ``"1:20"``)
double-quoted; plain and quoted scalars folded at a space once the line passes 80 columns (continuation
indented two more than the block holding the scalar); multi-line strings as literal blocks. Numbers go
through encoding/json first: an integral float64 below 1e21 comes back as an integer when it fits int64 or
uint64, everything else as a float printed by ``strconv.FormatFloat(f, 'g', -1, 64)``.

References (read, not copied): go-yaml v2.4.0 ``encode.go`` (``stringv``, ``floatv``), ``emitterc.go``
(``yaml_emitter_analyze_scalar``, ``yaml_emitter_write_plain_scalar`` and the quoted writers),
``sorter.go`` (``keyList.Less``); kubernetes-sigs/yaml ``yaml.go`` (``JSONToYAML``).
"""

from __future__ import annotations

import decimal
import functools
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from vcvalues.core.gofmt import GoInt64, format_float64
from vcvalues.core.yaml11 import resolve_plain

__all__ = ["natural_less", "to_yaml"]

_BEST_WIDTH = 80
_INDENT = 2
_INT64_MAX = 2**63 - 1
_UINT64_MAX = 2**64 - 1
_JSON_PLAIN_LIMIT = 1e21
_BASE60 = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_TIMESTAMP = re.compile(
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$"
)
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_BREAKS = frozenset("\n\r\x85\u2028\u2029")
_ESCAPES = {
    "\x00": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P",
}  # fmt: skip


def _printable(char: str) -> bool:
    code = ord(char)
    return (
        char == "\n"
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or code >= 0x10000
    )


def _is_timestamp(text: str) -> bool:
    match = _TIMESTAMP.match(text)
    if not match:
        return False
    year, month, day = (int(part) for part in re.split(r"[-Tt ]", text, maxsplit=3)[:3])
    return 1 <= month <= 12 and 1 <= day <= 31 and year >= 0


def _resolves_to_string(text: str) -> bool:
    """go-yaml v2 reads ``text`` written plain back as this same string."""
    return resolve_plain(text) is text and not _is_timestamp(text) and not _BASE60.match(text)


def _digit(char: str) -> bool:
    return unicodedata.category(char) == "Nd"


def _letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L")


def _run(text: str, start: int, number: int) -> tuple[int, int]:
    end = start
    while end < len(text) and _digit(text[end]):
        number = number * 10 + ord(text[end]) - ord("0")
        end += 1
    return number, end


def natural_less(left: str, right: str) -> bool:
    """go-yaml v2 ``keyList.Less`` for two string keys (digit runs compare as numbers)."""
    for i, (a, b) in enumerate(zip(left, right, strict=False)):
        if a == b:
            continue
        a_letter, b_letter = _letter(a), _letter(b)
        if a_letter and b_letter:
            return a < b
        if a_letter or b_letter:
            return b_letter
        seed = 0
        if a == "0" or b == "0":
            j = i - 1
            while j >= 0 and _digit(left[j]):
                if left[j] != "0":
                    seed = 1
                    break
                j -= 1
        a_num, a_end = _run(left, i, seed)
        b_num, b_end = _run(right, i, seed)
        if a_num != b_num:
            return a_num < b_num
        if a_end != b_end:
            return a_end < b_end
        return a < b
    return len(left) < len(right)


def _sorted_keys(data: Mapping[str, Any]) -> list[str]:
    def compare(a: str, b: str) -> int:
        return -1 if natural_less(a, b) else (1 if natural_less(b, a) else 0)

    return sorted(data, key=functools.cmp_to_key(compare))


def _number(value: int | float) -> str:
    if isinstance(value, GoInt64):
        return str(int(value))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("json: unsupported value")
    if number.is_integer() and abs(number) < _JSON_PLAIN_LIMIT:
        # encoding/json writes the shortest digits that round-trip, padded with zeros (not the exact value)
        whole = int(decimal.Decimal(repr(number)))
        if -_INT64_MAX - 1 <= whole <= _UINT64_MAX:
            return str(whole)
    return format_float64(number)


class _Emitter:
    """go-yaml v2's block emitter for the plain data encoding/json produces."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line = ""

    def newline(self, indent: int) -> None:
        self.lines.append(self.line)
        self.line = " " * indent

    def scalar_text(self, value: Any) -> str | None:
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, (int, float)):
            return _number(value)
        if isinstance(value, Mapping) and not value:
            return "{}"
        if isinstance(value, (list, tuple)) and not value:
            return "[]"
        return None

    def node(self, value: Any, indent: int, *, key: bool = False) -> None:
        """Write ``value`` at the current position; ``indent`` is the indent of its enclosing block."""
        text = self.scalar_text(value)
        if text is not None:
            self.line += text
        elif isinstance(value, str):
            self.string(value, indent + _INDENT, key=key)
        else:
            raise TypeError(f"cannot write {type(value).__name__}")

    def mapping(self, data: Mapping[str, Any], indent: int, *, first_inline: bool) -> None:
        for n, name in enumerate(_sorted_keys(data)):
            if n or not first_inline:
                self.newline(indent)
            self.node(name, indent, key=True)
            self.line += ":"
            self.value(data[name], indent, in_mapping=True)

    def sequence(self, items: list[Any], indent: int, *, first_inline: bool) -> None:
        for n, item in enumerate(items):
            if n or not first_inline:
                self.newline(indent)
            self.line += "-"
            self.value(item, indent, in_mapping=False)

    def value(self, value: Any, indent: int, *, in_mapping: bool) -> None:
        if isinstance(value, Mapping) and value:
            if in_mapping:
                self.mapping(value, indent + _INDENT, first_inline=False)
            else:
                self.line += " "
                self.mapping(value, indent + _INDENT, first_inline=True)
        elif isinstance(value, (list, tuple)) and value:
            if in_mapping:
                self.sequence(list(value), indent, first_inline=False)  # indentless under a key
            else:
                self.line += " "
                self.sequence(list(value), indent + _INDENT, first_inline=True)
        else:
            self.line += " "
            self.node(value, indent)

    def string(self, text: str, indent: int, *, key: bool) -> None:
        if _unreadable(text):
            raise ValueError("yaml: control characters are not allowed")
        special = any(_special(char) for char in text)
        if "\n" in text and not key and _block_allowed(text) and not special:
            self.literal(text, indent)
        elif not special and _resolves_to_string(text) and _plain_allowed(text):
            self.folded(text, indent, allow_breaks=not key, quote="")
        elif not special and _resolves_to_string(text) and _single_allowed(text):
            self.folded(text, indent, allow_breaks=not key, quote="'")
        else:
            self.double(text, indent, allow_breaks=not key)

    def folded(self, text: str, indent: int, *, allow_breaks: bool, quote: str) -> None:
        self.line += quote
        spaces = False
        for i, char in enumerate(text):
            if char == " ":
                inner = not quote or 0 < i < len(text) - 1
                if (
                    allow_breaks
                    and not spaces
                    and len(self.line) > _BEST_WIDTH
                    and inner
                    and text[i + 1 : i + 2] != " "
                ):
                    self.newline(indent)
                else:
                    self.line += char
                spaces = True
            else:
                self.line += "''" if char == "'" and quote else char
                spaces = False
        self.line += quote

    def double(self, text: str, indent: int, *, allow_breaks: bool) -> None:
        self.line += '"'
        spaces = False
        for i, char in enumerate(text):
            if char in '"\\' or char in _BREAKS or _special(char):
                self.line += "\\" + _ESCAPES[char] if char in _ESCAPES else _hex_escape(char)
                spaces = False
            elif char == " ":
                if allow_breaks and not spaces and len(self.line) > _BEST_WIDTH and 0 < i < len(text) - 1:
                    self.newline(indent)
                    if text[i + 1] == " ":
                        self.line += "\\"
                else:
                    self.line += char
                spaces = True
            else:
                self.line += char
                spaces = False
        self.line += '"'

    def literal(self, text: str, indent: int) -> None:
        chomp = "-" if not text.endswith("\n") else ("+" if text.endswith("\n\n") or text == "\n" else "")
        hint = str(_INDENT) if text[:1] in (" ", "\n") else ""
        self.line += f"|{hint}{chomp}"
        body = text[:-1] if text.endswith("\n") else text
        for part in body.split("\n"):
            self.newline(indent if part else 0)
            self.line += part


def _unreadable(text: str) -> bool:
    """go-yaml v2 refuses to read these raw (encoding/json does not escape them): toYaml then fails."""
    return any(
        char == "\x7f" or ("\x80" <= char <= "\x9f" and char != "\x85") or char in "\ufffe\uffff"
        for char in text
    )


def _special(char: str) -> bool:
    """Characters only a double-quoted scalar can hold (libyaml's special characters and odd breaks)."""
    return (char != "\n" and char in _BREAKS) or not _printable(char) or char == "\ufeff"


def _hex_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def _indicators(text: str) -> bool:
    """libyaml's block indicators (and document markers) that forbid a plain scalar."""
    if text.startswith(("---", "...")) and text[3:4] in ("", " ", "\t", "\n"):
        return True
    for i, char in enumerate(text):
        after_blank = text[i + 1 : i + 2] in ("", " ", "\t", "\n", "\r")
        if i == 0:
            if char in _FIRST_INDICATORS:
                return True
            if char in "?:-" and after_blank:
                return True
        elif (char == ":" and after_blank) or (char == "#" and text[i - 1] in " \t"):
            return True
    return False


def _plain_allowed(text: str) -> bool:
    if not text or text[0] == " " or text[-1] == " " or "\n" in text or "\t" in text:
        return False
    return not _indicators(text)


def _single_allowed(text: str) -> bool:
    return "\n" not in text and "\t" not in text


def _block_allowed(text: str) -> bool:
    lines = text.split("\n")
    return not any(line.endswith((" ", "\t")) for line in lines) and "\t" not in text


def to_yaml(value: Any) -> str:
    """Helm's ``toYaml value``: the text, without its trailing newline; ``""`` where Helm's marshal fails."""
    emitter = _Emitter()
    try:
        if isinstance(value, Mapping) and value:
            emitter.mapping(value, 0, first_inline=True)
        elif isinstance(value, (list, tuple)) and value:
            emitter.sequence(list(value), 0, first_inline=True)
        else:
            emitter.node(value, -_INDENT)
    except ValueError:
        return ""
    emitter.lines.append(emitter.line)
    return "\n".join(emitter.lines)
