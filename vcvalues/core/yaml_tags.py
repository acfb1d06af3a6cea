"""Explicitly tagged scalars as Helm reads them: go-yaml v2.4 ``decode.go`` (``scalar``) and
``resolve.go`` (``resolve``, ``parseTimestamp``), then sigs.k8s.io/yaml's JSON conversion.

Facts followed (read in go-yaml v2.4.0, checked against Helm v4.2.3 by ``tests/oracle/test_reader.py``):

- only ``!!str``, ``!!bool``, ``!!int``, ``!!float``, ``!!null`` and ``!!timestamp`` are resolved; any
  other tag (``!``, ``!foo``, ``!!foo``, ``!!map`` on a scalar, ...) leaves the text as a string;
- a resolvable tag must match what the text resolves to (``!!float`` also takes an int), else Helm fails
  with ``cannot decode !!<found> `<text>` as a !!<tag>``;
- ``!!timestamp`` text must parse with one of go-yaml's four ``time.Parse`` layouts; the value stays the
  text (go-yaml v2 keeps timestamps as strings in ``interface{}``);
- ``!!binary`` is base64 (Go ``StdEncoding``: padding required, CR and LF ignored), decoded into a Go
  string whose invalid UTF-8 bytes JSON encoding turns into U+FFFD one byte at a time.
"""

from __future__ import annotations

import binascii
from typing import Any

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.yaml11 import resolve_plain_tagged

__all__ = ["TagError", "decode_binary", "go_utf8", "resolve_explicit"]

LONG_PREFIX = "tag:yaml.org,2002:"
_RESOLVABLE = frozenset(
    f"{LONG_PREFIX}{name}" for name in ("str", "bool", "int", "float", "null", "timestamp")
)
_BINARY = f"{LONG_PREFIX}binary"
_BASE64 = lazy_compile(r"[A-Za-z0-9+/]*={0,2}")
_TIMESTAMP = lazy_compile(
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:(?:(?P<t>[Tt])|(?P<space> ))(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{1,2}):(?P<s>[0-9]{1,2})(?:[.,][0-9]+)?"
    r"(?P<zone>Z|[-+](?P<zh>[0-9]{2}):(?P<zm>[0-9]{2}))?)?"
)
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_HOURS, _MINUTES = 24, 60
_TZ_HOUR_MAX, _TZ_MINUTE_MAX = 24, 60  # Go's time.Parse accepts offsets up to 24:60 (it tests with >)


class TagError(Exception):
    """Helm refuses the tagged scalar; the message is go-yaml's."""


def short_tag(tag: str) -> str:
    """go-yaml's shortTag: ``tag:yaml.org,2002:int`` -> ``!!int``."""
    return f"!!{tag[len(LONG_PREFIX) :]}" if tag.startswith(LONG_PREFIX) else tag


def go_utf8(data: bytes) -> str:
    """A Go string as encoding/json writes it: each byte of an invalid UTF-8 sequence becomes U+FFFD."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out: list[str] = []
    index = 0
    while index < len(data):
        for width in (1, 2, 3, 4):
            try:
                out.append(data[index : index + width].decode("utf-8"))
            except UnicodeDecodeError:
                continue
            index += width
            break
        else:
            out.append("\ufffd")
            index += 1
    return "".join(out)


def decode_binary(text: str) -> str:
    """``!!binary`` text -> the decoded string (Go ``base64.StdEncoding.DecodeString``)."""
    compact = text.replace("\r", "").replace("\n", "")
    if len(compact) % 4 or not _BASE64.fullmatch(compact):
        raise TagError("!!binary value contains invalid base64 data")
    try:
        return go_utf8(binascii.a2b_base64(compact.encode("ascii"), strict_mode=True))
    except binascii.Error:
        raise TagError("!!binary value contains invalid base64 data") from None


def _is_timestamp(text: str) -> bool:
    """go-yaml's parseTimestamp: one of its layouts parses ``text`` (ranges checked as time.Parse does)."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        return False
    if match["h"] is not None and (match["t"] is None) == (match["zone"] is not None):
        return False  # "T" layouts need a zone, the space layout has none
    year, month, day = int(match["y"]), int(match["mo"]), int(match["d"])
    if not 1 <= month <= len(_DAYS):
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not 1 <= day <= _DAYS[month - 1] + (1 if month == 2 and leap else 0):
        return False
    if match["h"] is not None:
        hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"])
        if not (hour < _HOURS and minute < _MINUTES and second < _MINUTES):
            return False
    return match["zh"] is None or (int(match["zh"]) <= _TZ_HOUR_MAX and int(match["zm"]) <= _TZ_MINUTE_MAX)


def resolve_explicit(tag: str, text: str) -> Any:
    """The value of a scalar with an explicit tag; raises TagError where Helm fails to read it."""
    if tag == _BINARY:
        return decode_binary(text)
    if tag not in _RESOLVABLE or tag == f"{LONG_PREFIX}str":
        return text
    if tag == f"{LONG_PREFIX}timestamp" and _is_timestamp(text):
        return text
    found, value = resolve_plain_tagged(text)
    if found == tag:
        return value
    if tag == f"{LONG_PREFIX}float" and found == f"{LONG_PREFIX}int":
        return float(value)
    raise TagError(f"cannot decode {short_tag(found)} `{text}` as a {short_tag(tag)}")
