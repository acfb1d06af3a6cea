"""The only YAML writer of vcvalues: block style, 2-space indent, key order as given, Helm-safe scalars.

Helm reads YAML with go-yaml v2 (YAML 1.1), so a string such as ``yes``, ``on``, ``0x1F`` or ``1_000``
must be quoted even though a YAML 1.2 writer would leave it plain; floats always carry a ``.`` before
an exponent (``1.0e+21``) so YAML 1.1 readers see a float too. Nothing is ever written as an alias.

The data written here is plain (dict/list/str/int/float/bool/None), so a small emitter does it: ruamel's
representer machinery cost ~2 ms for four manifests (measured), this one ~0.2 ms. Quoted strings use
double quotes with JSON escapes (valid YAML), which is also how ``helm template`` prints ``quote``d values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from vcvalues.core.gofmt import GoInt64
from vcvalues.core.yaml11 import resolve_plain

__all__ = ["dump_documents", "dump_yaml", "needs_quotes"]

# Readers of YAML 1.1 other than go-yaml (PyYAML) also take base-60 numbers and "=" as non-strings.
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_SPECIAL = frozenset(("<<", "="))
# Characters a plain scalar cannot hold (line breaks, tabs, controls, non-printables, YAML's odd breaks).
_NOT_PLAIN = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|: | #|:$"
)
_BAD_FIRST = frozenset("[]{},#&*!|>'\"%@`")
_INDICATOR_FIRST = frozenset("-?:")


def needs_quotes(text: str) -> bool:
    """A YAML 1.1 reader would not read ``text`` written plain as this string."""
    return resolve_plain(text) is not text or text in _SPECIAL or _SEXAGESIMAL.fullmatch(text) is not None


def _plain_ok(text: str) -> bool:
    if not text or text[0] == " " or text[-1] == " " or needs_quotes(text):
        return False
    first = text[0]
    if first in _BAD_FIRST or (first in _INDICATOR_FIRST and text[1:2] in ("", " ")):
        return False
    if text.startswith(("---", "...")):
        return False
    return _NOT_PLAIN.search(text) is None


_NAMED_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
# In a double-quoted scalar: the quote, the backslash, and everything outside YAML's printable set.
_TO_ESCAPE = re.compile(
    '["\\\\]|[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]'
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _string(text: str) -> str:
    return text if _plain_ok(text) else '"' + _TO_ESCAPE.sub(_escape, text) + '"'


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e", 1)
    return text


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, GoInt64):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


# YAML (and go-yaml's scanner) ends a simple key after 1,024 characters: a longer one is written as
# an explicit "? key" / ": value" entry, which readers take whatever its length (issue 15).
_SIMPLE_KEY_MAX = 1000


def _explicit(pad: str, name: str, value: Any, indent: int, out: list[str]) -> None:
    out.append(f"{pad}? {name}")
    if isinstance(value, dict) and value:
        out.append(f"{pad}:")
        _mapping(value, indent + 2, out)
    elif isinstance(value, list) and value:
        out.append(f"{pad}:")
        _sequence(value, indent + 2, out)
    else:
        out.append(f"{pad}: {_inline(value)}")


def _mapping(data: dict[Any, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        name = _string(str(key))
        if len(name) > _SIMPLE_KEY_MAX:
            _explicit(pad, name, value, indent, out)
        elif isinstance(value, dict) and value:
            out.append(f"{pad}{name}:")
            _mapping(value, indent + 2, out)
        elif isinstance(value, list) and value:
            out.append(f"{pad}{name}:")
            _sequence(value, indent, out)  # sequences are not indented under their key
        else:
            out.append(f"{pad}{name}: {_inline(value)}")


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, (dict, list)) and item:
            start = len(out)
            if isinstance(item, dict):
                _mapping(item, indent + 2, out)
            else:
                _sequence(item, indent + 2, out)
            out[start] = f"{pad}- {out[start][indent + 2 :]}"
        else:
            out.append(f"{pad}- {_inline(item)}")


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def dump_yaml(data: Any) -> str:
    """One YAML document (no ``---``), ending in a newline."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, 0, out)
    elif isinstance(data, list) and data:
        _sequence(data, 0, out)
    else:
        out.append(_inline(data))
    return "\n".join(out) + "\n"


def dump_documents(documents: Iterable[tuple[Iterable[str], Any]]) -> str:
    """A stream of documents, each ``---``, then its ``# comment`` lines, then the data."""
    parts: list[str] = []
    for comments, data in documents:
        parts.append("---\n")
        parts.extend(f"# {line}\n" for line in comments)
        parts.append(dump_yaml(data))
    return "".join(parts)
