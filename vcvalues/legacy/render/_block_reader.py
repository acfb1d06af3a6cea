"""A fast reader for the block YAML the isolation templates write: load_yaml's data, or None when unsure.

Reading every rendered document back with :func:`vcvalues.core.load.load_yaml` (the C parser's events,
one Python call per event) cost more than rendering it. The templates write a small subset of YAML:
block maps and lists, one ``key: value`` or ``- value`` per line, plain values, quotes without escapes,
``{}`` and ``[]``. This reader takes exactly that subset, line by line, and resolves scalars and keys
with the functions load_yaml uses (:func:`vcvalues.core.yaml11.resolve_plain`, ``key_to_string``).
Anything outside it (a comment, a tab, a non-ASCII character, a block scalar, an escape, a flow
collection, an anchor or tag, a line whose indentation is not the one expected, a value YAML might read
differently, a number JSON cannot carry) returns None and the caller reads the text with load_yaml, so
an answer is always load_yaml's answer; ``tests/legacy/render/test_block_reader.py`` compares the two on
generated documents.
"""

from __future__ import annotations

import math
import re
from typing import Any, TypeVar

from vcvalues.core.yaml11 import key_to_string, resolve_plain
from vcvalues.legacy.render._scalar import json_number

__all__ = ["read_block_yaml"]

# A key the reader trusts: plain, no quote, no space, no ':' (libyaml's simple keys end at ": " or ":$").
_KEY_LINE = re.compile(r"([A-Za-z0-9][A-Za-z0-9._/-]{0,250}):(?: +(.*))?")
# Inside a plain value: what would end it (": ", a final ':') or start a comment.
_PLAIN_BREAK = re.compile(r": |:$| #")
_BAD_FIRST = frozenset("[]{},#&*!|>'\"%@`")
_INDICATORS = frozenset("-?:")
_MAX_DEPTH = 64
_CACHE_SIZE = 4096
_V = TypeVar("_V")
# Plain texts and keys already resolved (the templates repeat most of theirs in every render).
_PLAIN: dict[str, Any] = {}
_KEYS: dict[str, str] = {}


class _Unsure(Exception):
    """The text leaves the subset this reader knows to read as load_yaml does."""


def read_block_yaml(text: str) -> dict[str, Any] | None:
    """The map load_yaml reads from ``text`` (a non-empty block map), or None when this reader is unsure.

    None says nothing about the text: read it with load_yaml. Duplicate keys keep their first place and
    their last value, as load_yaml keeps them (it reports them; the caller ignores that report). Numbers
    come as JSON carries them (integral floats below 1e21 as ints, see ``json_number``), as
    parse_document returns them.
    """
    if not text.isascii() or not text.replace("\n", "").isprintable():
        return None  # tabs, carriage returns, control and non-ASCII characters: load_yaml decides
    lines: list[tuple[int, str]] = []
    for raw in text.split("\n"):
        content = raw.strip(" ")
        if not content:
            return None
        lines.append((len(raw) - len(raw.lstrip(" ")), content))
    if lines[0][0] != 0:
        return None
    reader = _Reader(lines)
    try:
        data = reader.mapping(0, 0)
    except _Unsure:
        return None
    return data if reader.index == len(lines) else None


def _scalar(text: str) -> Any:
    """A value written after ``key: `` or ``- `` (no space at either end)."""
    if text == "{}":
        return {}
    if text == "[]":
        return []
    first = text[0]
    if first in "\"'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != first or first in inner or "\\" in inner:
            raise _Unsure
        return inner
    try:
        return _PLAIN[text]
    except KeyError:
        pass
    if first in _BAD_FIRST or (first in _INDICATORS and text[1:2] in ("", " ")) or _PLAIN_BREAK.search(text):
        raise _Unsure
    value = resolve_plain(text)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Unsure  # load_yaml words this error
        value = json_number(value)  # as parse_document's JSON step would
    return _remember(_PLAIN, text, value)


def _key(text: str) -> str:
    """The JSON key of a plain key text that matched _KEY_LINE."""
    try:
        return _KEYS[text]
    except KeyError:
        pass
    key = key_to_string(resolve_plain(text))
    if key is None:
        raise _Unsure
    return _remember(_KEYS, text, key)


def _remember(cache: dict[str, _V], text: str, value: _V) -> _V:
    """Keep the resolution of ``text`` (immutable) for the next render; bounded for hostile input."""
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[text] = value
    return value


class _Reader:
    """Recursive descent over (indentation, stripped content) lines; ``index`` is the next line."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.lines = lines
        self.index = 0

    def _deeper_next(self, indent: int) -> bool:
        return self.index < len(self.lines) and self.lines[self.index][0] > indent

    def mapping(self, indent: int, depth: int) -> dict[str, Any]:
        if depth > _MAX_DEPTH:
            raise _Unsure
        result: dict[str, Any] = {}
        lines = self.lines
        while self.index < len(lines):
            at, content = lines[self.index]
            if at < indent:
                break
            found = _KEY_LINE.fullmatch(content) if at == indent else None
            if found is None:
                raise _Unsure
            key = _key(found[1])
            self.index += 1
            if found[2]:
                value = _scalar(found[2])
                if self._deeper_next(indent):
                    raise _Unsure  # a continued scalar or a block where YAML allows none
            else:
                value = self._nested(indent, depth)
            result[key] = value
        return result

    def _nested(self, indent: int, depth: int) -> Any:
        """The value of ``key:`` at ``indent``: a deeper block, a list at the same indentation, or null."""
        if self.index == len(self.lines):
            return None
        at, content = self.lines[self.index]
        if at > indent:
            if content.startswith("- "):
                return self.sequence(at, depth + 1)
            return self.mapping(at, depth + 1)
        if at == indent and content.startswith("- "):
            return self.sequence(indent, depth + 1)
        return None

    def sequence(self, indent: int, depth: int) -> list[Any]:
        if depth > _MAX_DEPTH:
            raise _Unsure
        result: list[Any] = []
        lines = self.lines
        while self.index < len(lines):
            at, content = lines[self.index]
            if at != indent or not content.startswith("- "):
                if at > indent:
                    raise _Unsure
                break  # the parent reads this line (or refuses it)
            rest = content[2:]
            if rest[0] == " ":
                raise _Unsure
            if _KEY_LINE.fullmatch(rest):
                lines[self.index] = (indent + 2, rest)  # "- key: v": a map whose keys sit at indent + 2
                result.append(self.mapping(indent + 2, depth + 1))
                continue
            self.index += 1
            result.append(_scalar(rest))
            if self._deeper_next(indent):
                raise _Unsure
        return result
