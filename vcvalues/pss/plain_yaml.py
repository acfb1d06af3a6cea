"""check-pods' first reader: the plain block YAML most manifests are written in, read with string operations.

Through the C parser, every node of a document becomes a Python event object (~220 for a 70-line
Deployment), which costs more than the checks. Most manifests use a small part of YAML: ASCII, one
``key: value`` or ``- item`` per line, one-line scalars (plain, or quoted without escapes) and one-line
flow collections, no anchors, tags, block scalars or directives. :func:`read_plain` reads a document in
that subset with a few string operations per line, and raises :class:`Outside` for anything else
(including anything libyaml would refuse); the caller then reads that document with the C parser. Being
conservative is the rule: a form this reader does not know is never guessed at. A property test checks
that every document it reads gives the data the C parser's reader gives.
"""

from __future__ import annotations

import re
from typing import Any

from vcvalues.pss.plain_values import BLOCK_KEY, MAX_DEPTH, Outside, blank_or_comment, inline_value, key_of

__all__ = ["Outside", "read_plain"]


def _is_entry(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


# Manifests repeat their lines (``containers:``, ``- name: web``), so what a line holds is kept by its text.
# A value is a scalar (shared: immutable), a flow collection (copied: mutable), nothing (the block below
# gives it) or, for ``- key: v`` and ``- - v``, a block starting on that line. Bounded: cleared when full.
_SCALAR, _FLOW, _BELOW, _BLOCK = range(4)
_KEY_LINES: dict[str, tuple[str, int, Any]] = {}
_ENTRY_LINES: dict[str, tuple[int, Any, int]] = {}
_CACHE_SIZE = 4096


def _fresh(value: Any) -> Any:
    """A copy of a flow collection (its maps and lists new)."""
    if type(value) is dict:
        return {key: _fresh(item) for key, item in value.items()}
    if type(value) is list:
        return [_fresh(item) for item in value]
    return value


def _value(rest: str) -> tuple[int, Any]:
    value = inline_value(rest)
    return (_FLOW if rest[0] in "[{" else _SCALAR), value


def _key_line(content: str) -> tuple[str, int, Any]:
    """``key: value`` -> (key, kind, value); kind _BELOW for ``key:`` alone."""
    match = BLOCK_KEY.match(content)
    if match is None:
        raise Outside
    key = key_of(match[1])
    rest = content[match.end() :]
    found = (key, _BELOW, None) if not rest or rest[0] == "#" else (key, *_value(rest))
    if len(_KEY_LINES) >= _CACHE_SIZE:
        _KEY_LINES.clear()
    _KEY_LINES[content] = found
    return found


def _entry_line(content: str) -> tuple[int, Any, int]:
    """``- ...`` -> (kind, value, 0), or (_BLOCK, the rest of the line, its offset in the line)."""
    rest = content[1:].lstrip(" ")
    found: tuple[int, Any, int]
    if not rest:
        found = (_BELOW, None, 0)
    elif rest[0] == "#":
        raise Outside
    elif _is_entry(rest) or BLOCK_KEY.match(rest):
        found = (_BLOCK, rest, len(content) - len(rest))
    else:
        found = (*_value(rest), 0)
    if len(_ENTRY_LINES) >= _CACHE_SIZE:
        _ENTRY_LINES.clear()
    _ENTRY_LINES[content] = found
    return found


class _Lines:
    """The content lines of one document (blank and comment lines dropped): indentations and contents.

    Each reader takes the index of its first line and returns its value and the index after it.
    """

    __slots__ = ("contents", "count", "indents")

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        self.indents = [len(spaces) for spaces, _ in lines]
        self.contents = [content for _, content in lines]
        self.count = len(lines)

    def node(self, at: int, indent: int, depth: int) -> tuple[Any, int]:
        """The block collection whose first line is ``at``, at ``indent``."""
        if depth > MAX_DEPTH:
            raise Outside
        if _is_entry(self.contents[at]):
            return self.sequence(at, indent, depth)
        return self.mapping(at, indent, depth)

    def mapping(self, at: int, indent: int, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        contents, indents, count = self.contents, self.indents, self.count
        while True:
            content = contents[at]
            key, kind, value = _KEY_LINES.get(content) or _key_line(content)
            if key in result:
                raise Outside
            at += 1
            if kind == _FLOW:
                value = _fresh(value)
            elif kind == _BELOW:  # the block below, a sequence at this indentation, or null
                below = indents[at] if at < count else -1
                if below > indent:
                    value, at = self.node(at, below, depth + 1)
                elif below == indent and _is_entry(contents[at]):
                    value, at = self.sequence(at, indent, depth + 1)
            result[key] = value
            if at == count or indents[at] < indent:
                return result, at
            if indents[at] > indent:
                raise Outside

    def sequence(self, at: int, indent: int, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        contents, indents, count = self.contents, self.indents, self.count
        while True:
            content = contents[at]
            kind, value, offset = _ENTRY_LINES.get(content) or _entry_line(content)
            if kind == _BLOCK:  # the rest of the line is the first line of a block at its column
                contents[at] = value
                indents[at] = indent + offset
                value, at = self.node(at, indent + offset, depth + 1)
            else:
                at += 1
                if kind == _FLOW:
                    value = _fresh(value)
                elif kind == _BELOW and at < count and indents[at] > indent:
                    value, at = self.node(at, indents[at], depth + 1)
            result.append(value)
            if at == count or indents[at] < indent:
                return result, at
            if indents[at] > indent:
                raise Outside
            if not _is_entry(contents[at]):
                return result, at  # the mapping this sequence is a value of goes on (its reader checks)


# a line that is neither blank nor a comment: (its indentation, the rest)
_CONTENT_LINE = re.compile(r"^( *)([^ #\n][^\n]*)", re.M)


def read_plain(piece: str, *, explicit: bool) -> Any:
    """The data of one document's text (ASCII, without a document marker inside; ``explicit``: it starts
    with its ``---`` line); None when it holds no node; :class:`Outside` when it is not plain."""
    at = 0
    if explicit:
        at = piece.find("\n") + 1 or len(piece)
        if not blank_or_comment(piece[3:at].rstrip("\n")):
            raise Outside
    lines = _CONTENT_LINE.findall(piece, at)
    if not lines:
        return None
    reader = _Lines(lines)
    root, end = reader.node(0, reader.indents[0], 0)
    if end != reader.count:
        raise Outside
    return root
