"""check-pods' first reader: the plain block YAML most manifests are written in, read with string operations.

Through the C parser, every node of a document becomes a Python event object (~220 for a 70-line
Deployment), which costs more than the checks. Most manifests use a small part of YAML: ASCII, one
``key: value`` or ``- item`` per line, one-line scalars (plain, or quoted without escapes) and one-line
flow collections, no anchors, tags, block scalars or directives. :func:`read_plain` reads a document in
that subset with a few string operations per line, and raises :class:`Outside` for anything else
(including anything libyaml would refuse); the caller then hands the stream to the C parser. Being
conservative is the rule: a form this reader does not know is never guessed at. A property test checks
that every document it reads gives the data the C parser's reader gives.
"""

from __future__ import annotations

import math
import re
from typing import Any

from vcvalues.core.yaml11 import YAML11_ONLY_BOOLEANS, key_to_string, resolve_plain

# a key: plain (the characters of Kubernetes keys and annotations), or quoted without escapes; then ':'
_KEY_TEXT = r"([A-Za-z0-9][A-Za-z0-9_./-]*|\"[^\"\\]*\"|'[^']*')"
_BLOCK_KEY = re.compile(_KEY_TEXT + r":(?: +|\Z)")
_FLOW_KEY = re.compile(_KEY_TEXT + r": +")
_DOUBLE = re.compile(r"\"([^\"\\]*)\"")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
# a plain scalar inside [ ] or { }: no indicator first ('-' only before a safe character), no ': # , [ ] { }'
_FLOW_PLAIN = re.compile(r"(?:[^\s,\[\]{}#:'\"&*!|>%@?`-]|-[^\s,\[\]{}#:])[^,\[\]{}#:]*")
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_MAX_DEPTH = 100  # deeper documents go to the C parser's reader (which bounds depth at 512)


class Outside(Exception):
    """The text is outside the plain subset: read it with the C parser."""


def _scalar(text: str) -> Any:
    """A plain scalar's value; the forms the C parser's lean reader gives to the full builder are outside."""
    value = resolve_plain(text)
    if text in YAML11_ONLY_BOOLEANS or (type(value) is float and not math.isfinite(value)):
        raise Outside
    return value


def _key(text: str) -> str:
    if text[0] == '"':
        return text[1:-1]
    if text[0] == "'":
        return text[1:-1]
    key = key_to_string(_scalar(text))
    if key is None:
        raise Outside
    return key


def _blank_or_comment(tail: str) -> bool:
    rest = tail.lstrip(" ")
    return not rest or (rest[0] == "#" and rest != tail)


def _quoted(text: str, start: int) -> tuple[str, int]:
    if text[start] == '"':
        match = _DOUBLE.match(text, start)
        if match is None:
            raise Outside
        return match[1], match.end()
    match = _SINGLE.match(text, start)
    if match is None:
        raise Outside
    return match[1].replace("''", "'"), match.end()


def _flow(text: str, start: int, depth: int) -> tuple[Any, int]:
    """The one-line flow collection at ``text[start]`` and the index after it."""
    if depth > _MAX_DEPTH:
        raise Outside
    is_map = text[start] == "{"
    close = "}" if is_map else "]"
    container: Any = {} if is_map else []
    end = len(text)
    at = start + 1
    while at < end and text[at] == " ":
        at += 1
    if at < end and text[at] == close:
        return container, at + 1
    while True:
        if is_map:
            match = _FLOW_KEY.match(text, at)
            if match is None:
                raise Outside
            key = _key(match[1])
            if key in container:
                raise Outside
            value, at = _flow_value(text, match.end(), depth)
            container[key] = value
        else:
            value, at = _flow_value(text, at, depth)
            container.append(value)
        while at < end and text[at] == " ":
            at += 1
        if at >= end:
            raise Outside
        if text[at] == close:
            return container, at + 1
        if text[at] != ",":
            raise Outside
        at += 1
        while at < end and text[at] == " ":
            at += 1
        if at >= end or text[at] == close:  # a trailing comma, or a line break inside
            raise Outside


def _flow_value(text: str, at: int, depth: int) -> tuple[Any, int]:
    if at >= len(text):
        raise Outside
    first = text[at]
    if first in "[{":
        return _flow(text, at, depth + 1)
    if first in "\"'":
        return _quoted(text, at)
    match = _FLOW_PLAIN.match(text, at)
    if match is None:
        raise Outside
    return _scalar(match[0].rstrip(" ")), match.end()


def _inline(rest: str) -> Any:
    """The value written after ``key: `` or ``- `` (``rest`` starts with neither a space nor '#')."""
    first = rest[0]
    if first in "[{":
        value, end = _flow(rest, 0, 0)
    elif first in "\"'":
        value, end = _quoted(rest, 0)
    else:
        if first in _NOT_PLAIN_FIRST and (first != "-" or len(rest) == 1 or rest[1] == " "):
            raise Outside
        cut = rest.find(" #")
        text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in text or text[-1] == ":":
            raise Outside
        return _scalar(text)
    if not _blank_or_comment(rest[end:]):
        raise Outside
    return value


def _is_entry(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


# Manifests repeat their lines (``containers:``, ``- name: web``), so what a line holds is kept, by its text:
# (key, None, value) for ``key: value`` with a scalar value, (key, rest, None) with a flow collection (built
# again each time: it is mutable), (key, "", None) for ``key:`` alone. Bounded: cleared when full.
_LINE_CACHE: dict[str, tuple[str, str | None, Any]] = {}
_CACHE_SIZE = 4096


def _key_line(content: str) -> tuple[str, str | None, Any]:
    known = _LINE_CACHE.get(content)
    if known is not None:
        return known
    match = _BLOCK_KEY.match(content)
    if match is None:
        raise Outside
    key = _key(match[1])
    rest = content[match.end() :]
    if not rest or rest[0] == "#":
        found: tuple[str, str | None, Any] = (key, "", None)
    elif rest[0] == "[" or rest[0] == "{":
        _inline(rest)  # refuses what is not plain before it is kept
        found = (key, rest, None)
    else:
        found = (key, None, _inline(rest))
    if len(_LINE_CACHE) >= _CACHE_SIZE:
        _LINE_CACHE.clear()
    _LINE_CACHE[content] = found
    return found


class _Lines:
    """The content lines of one document, as (indentation, content) with blank and comment lines dropped,
    and a cursor over them."""

    __slots__ = ("at", "lines")

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        self.lines = lines
        self.at = 0

    def node(self, indent: int, depth: int) -> Any:
        """The block collection whose first line is the current one, at ``indent``."""
        if depth > _MAX_DEPTH:
            raise Outside
        content = self.lines[self.at][1]
        if _is_entry(content):
            return self.sequence(indent, depth)
        return self.mapping(indent, depth)

    def _below(self, indent: int, depth: int, indentless: bool) -> Any:
        """The value of a ``key:`` or ``-`` with nothing after it: the block below, or null."""
        if self.at < len(self.lines):
            spaces, content = self.lines[self.at]
            below = len(spaces)
            if below > indent:
                return self.node(below, depth + 1)
            if indentless and below == indent and _is_entry(content):
                return self.sequence(indent, depth + 1)
        return None

    def mapping(self, indent: int, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines = self.lines
        while True:
            key, rest, value = _key_line(lines[self.at][1])
            if key in result:
                raise Outside
            self.at += 1
            if rest is None:
                result[key] = value
            elif rest:
                result[key] = _flow(rest, 0, 0)[0]
            else:
                result[key] = self._below(indent, depth, indentless=True)
            if self.at == len(lines):
                return result
            following = len(lines[self.at][0])
            if following < indent:
                return result
            if following > indent:
                raise Outside

    def sequence(self, indent: int, depth: int) -> list[Any]:
        result: list[Any] = []
        lines = self.lines
        while True:
            content = lines[self.at][1]
            rest = content[1:].lstrip(" ")
            if not rest:
                self.at += 1
                result.append(self._below(indent, depth, indentless=False))
            elif rest[0] == "#":
                raise Outside
            elif _is_entry(rest) or _BLOCK_KEY.match(rest):
                # "- key: v" or "- - v": the rest of the line is the first line of a block at its column
                column = indent + len(content) - len(rest)
                lines[self.at] = (" " * column, rest)
                result.append(self.node(column, depth + 1))
            else:
                self.at += 1
                result.append(_inline(rest))
            if self.at == len(lines):
                return result
            spaces, following_content = lines[self.at]
            following = len(spaces)
            if following < indent:
                return result
            if following > indent:
                raise Outside
            if not _is_entry(following_content):
                return result  # the mapping this sequence is a value of goes on (its reader checks)


# a line that is neither blank nor a comment: (its indentation, the rest)
_CONTENT_LINE = re.compile(r"^( *)([^ #\n][^\n]*)", re.M)


def read_plain(piece: str, *, explicit: bool) -> Any:
    """The data of one document's text (ASCII, without a document marker inside; ``explicit``: it starts
    with its ``---`` line); None when it holds no node; :class:`Outside` when it is not plain."""
    at = 0
    if explicit:
        at = piece.find("\n") + 1 or len(piece)
        if not _blank_or_comment(piece[3:at].rstrip("\n")):
            raise Outside
    lines = _CONTENT_LINE.findall(piece, at)
    if not lines:
        return None
    reader = _Lines(lines)
    root = reader.node(len(lines[0][0]), 0)
    if reader.at != len(lines):
        raise Outside
    return root
