"""Bytes -> text as go-yaml v2's reader (``readerc.go``) accepts them, with a clear refusal otherwise.

go-yaml reads UTF-8 (a byte order mark is optional) and UTF-16 with a byte order mark; anything else
fails in Helm ("invalid leading UTF-8 octet", or "control characters are not allowed" on the NUL bytes of
UTF-16 without a mark and of UTF-32). vcvalues says which encoding it found instead. Positions of an
invalid byte are 1-based character columns, as every other diagnostic.
"""

from __future__ import annotations

from typing import BinaryIO

from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.core.source import ORIGIN, Span

__all__ = ["MAX_INPUT_BYTES", "decode_source", "read_stream", "two_byte_order_marks"]

MAX_INPUT_BYTES = 16 * 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_SAVE_AS_UTF8 = "save the file as UTF-8"


def read_stream(stream: BinaryIO) -> bytes:
    """Read a binary stream (stdin) with the file size limit: at most MAX_INPUT_BYTES + 1 bytes, so
    decode_source refuses oversized input exactly as it refuses an oversized file."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_INPUT_BYTES:
        chunk = stream.read(MAX_INPUT_BYTES + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _refuse(file: str, span: Span, message: str, hint: str) -> tuple[None, Diagnostic]:
    return None, Diagnostic("syntax", Severity.ERROR, message, file, span.line, span.column, hint)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 (with or without a mark) or UTF-16 without a mark, recognised by where the NULs are."""
    if data.startswith(_UTF32_BOMS):
        return "UTF-32"
    head = data[:4]
    if len(head) == 4 and head.count(0) == 3 and (head[0] or head[3]):
        return "UTF-32 without a byte order mark"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16 without a byte order mark"
    return None


def two_byte_order_marks(file: str) -> Diagnostic:
    """go-yaml's ``is_bom`` tests the start of its buffer, not the current character: with a second mark
    at the start, Helm drops the first character of lines (``\\ufeff\\ufeff\\n- x`` reads as ``{}``)."""
    return _refuse(
        file,
        ORIGIN,
        "two byte order marks start the input; Helm's YAML reader then drops the first character "
        "of some lines",
        "remove the second byte order mark",
    )[1]


def decode_source(data: bytes, *, file: str) -> tuple[str | None, Diagnostic | None]:
    """Bytes -> text as go-yaml accepts it: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if len(data) > MAX_INPUT_BYTES:
        return _refuse(
            file,
            ORIGIN,
            f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB; refused",
            "values files are small; Helm stores them in a release Secret limited to 1 MiB",
        )
    wide = _wide_encoding(data)
    if wide is not None:
        return _refuse(
            file,
            ORIGIN,
            f"the input is {wide}; Helm reads UTF-8, or UTF-16 with a byte order mark",
            _SAVE_AS_UTF8,
        )
    if data.startswith(_UTF8_BOM * 2):
        return None, two_byte_order_marks(file)
    encoding = "utf-8"
    if data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    elif data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        text = data[: exc.start].decode(encoding)  # valid up to the bad byte
        line_start = text.rfind("\n") + 1
        span = Span(text.count("\n") + 1, len(text) - line_start + 1)
        return _refuse(file, span, f"invalid {encoding.upper()} byte 0x{data[exc.start]:02x}", _SAVE_AS_UTF8)
