"""The values of check-pods' plain reader (:mod:`vcvalues.pss.plain_yaml`): one-line scalars and flow
collections.

A plain scalar resolves as go-yaml v2 resolves it (:func:`vcvalues.core.yaml11.resolve_plain`); a quoted
one is taken as written (no escapes: a backslash is outside). Anything this module does not know, or
that libyaml would refuse, raises :class:`Outside`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from vcvalues.core.yaml11 import YAML11_ONLY_BOOLEANS, key_to_string, resolve_plain

# a key: plain (the characters of Kubernetes keys and annotations), or quoted without escapes; then ':'
_KEY_TEXT = r"([A-Za-z0-9][A-Za-z0-9_./-]*|\"[^\"\\]*\"|'[^']*')"
BLOCK_KEY = re.compile(_KEY_TEXT + r":(?: +|\Z)")
_FLOW_KEY = re.compile(_KEY_TEXT + r": +")
_DOUBLE = re.compile(r"\"([^\"\\]*)\"")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
# a plain scalar inside [ ] or { }: no indicator first ('-' only before a safe character), no ': # , [ ] { }'
_FLOW_PLAIN = re.compile(r"(?:[^\s,\[\]{}#:'\"&*!|>%@?`-]|-[^\s,\[\]{}#:])[^,\[\]{}#:]*")
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
MAX_DEPTH = 100  # deeper documents go to the C parser's reader (which bounds depth at 512)


class Outside(Exception):
    """The text is outside the plain subset: read it with the C parser."""


def _scalar(text: str) -> Any:
    """A plain scalar's value; the forms the C parser's lean reader gives to the full builder are outside."""
    value = resolve_plain(text)
    if text in YAML11_ONLY_BOOLEANS or (type(value) is float and not math.isfinite(value)):
        raise Outside
    return value


def key_of(text: str) -> str:
    """A key's text (plain or quoted, as _KEY_TEXT matches it) as a string key."""
    if text[0] == '"':
        return text[1:-1]
    if text[0] == "'":
        return text[1:-1]
    key = key_to_string(_scalar(text))
    if key is None:
        raise Outside
    return key


def blank_or_comment(tail: str) -> bool:
    """Nothing but spaces, or spaces then a comment."""
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


def flow(text: str, start: int, depth: int) -> tuple[Any, int]:
    """The one-line flow collection at ``text[start]`` and the index after it."""
    if depth > MAX_DEPTH:
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
            key = key_of(match[1])
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
        return flow(text, at, depth + 1)
    if first in "\"'":
        return _quoted(text, at)
    match = _FLOW_PLAIN.match(text, at)
    if match is None:
        raise Outside
    return _scalar(match[0].rstrip(" ")), match.end()


def inline_value(rest: str) -> Any:
    """The value written after ``key: `` or ``- `` (``rest`` starts with neither a space nor '#')."""
    first = rest[0]
    if first in "[{":
        value, end = flow(rest, 0, 0)
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
    if not blank_or_comment(rest[end:]):
        raise Outside
    return value
