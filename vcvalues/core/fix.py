"""``lint --fix``: write the compiler's fixes into the user's values file, changing nothing else.

The edit is made with ruamel.yaml in round-trip mode (comments, key order, quoting kept; the file's own
indentation detected). ruamel still normalizes a few things it cannot keep (odd indentation, spacing
before comments), so the result is applied as a *patch*: only the lines that differ between ruamel's
output without and with the fixes replace the matching lines of the original text. The new text must
read back (with :func:`vcvalues.core.load.load_yaml`) as exactly the old values plus the fixes, else nothing
is written. The write is atomic (temporary file in the same folder, ``os.replace``, mode kept) and is
refused when the file's bytes changed since they were read.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vcvalues.core.atomic import ChangedOnDiskError, write_atomic
from vcvalues.core.coalesce import copy_values
from vcvalues.core.diagnostics import Diagnostic, KeyPath, format_key_path
from vcvalues.core.gofmt import strval
from vcvalues.errors import InputError, VcValuesError

if TYPE_CHECKING:
    from vcvalues.legacy.compile import CompileResult
    from vcvalues.modern.compile import ModernCompileResult

WIDTH = 1 << 16
_OPENS_BLOCK = re.compile(r":[ \t]*(#.*)?$")
Fixes = Sequence[tuple[KeyPath, Any, str]]


class FixError(VcValuesError):
    """The fixes cannot be written into the file safely."""


def write_fixes(
    path: str,
    result: CompileResult | ModernCompileResult,
    *,
    original: bytes | None = None,
    prefix: KeyPath = (),
) -> list[str]:
    """Write ``result.fixes`` into the values file ``path``.

    Args:
        path: the file linted.
        result: its compile result (with ``apply_fixes``): ``fixes`` says what to change.
        original: the bytes the result was compiled from; the file is left alone if it now differs.
        prefix: where the values sit in the file (``("vcluster",)`` for an umbrella chart's values).

    Returns:
        Messages for the user (what was written, or why nothing was).
    """
    if not result.fixes:
        return []
    try:
        current = Path(path).read_bytes()
    except OSError as exc:
        return [f"vcvalues: {path}: not fixed: {exc.strerror or exc}"]
    if original is not None and current != original:
        return [f"vcvalues: {path}: not fixed: the file changed on disk since it was read; lint it again"]
    try:
        bom, text, newline = split_encoding(current)
        fixes = [((*prefix, *p), value, description) for p, value, description in result.fixes]
        new_text = fix_text(text, fixes, file=path)
    except (UnicodeDecodeError, FixError) as exc:
        return [f"vcvalues: {path}: not fixed: {exc}"]
    if new_text == text:
        return [f"vcvalues: {path}: not fixed: the edit left the file unchanged"]
    try:
        write_atomic(path, bom + new_text.replace("\n", newline).encode("utf-8"), expected=current)
    except ChangedOnDiskError:
        return [f"vcvalues: {path}: not fixed: the file changed on disk while fixing; lint it again"]
    except InputError as exc:
        return [f"vcvalues: {path}: not fixed: {exc.reason}"]
    done = "; ".join(description for _, _, description in result.fixes)
    return [f"vcvalues: {path}: fixed: {done}"]


def split_encoding(data: bytes) -> tuple[bytes, str, str]:
    """(BOM, text with LF line ends, the file's line end): how to write the fixed text back alike.

    Raises:
        UnicodeDecodeError: not UTF-8 (UTF-16 files are read, but not rewritten).
        FixError: a lone carriage return, or LF and CRLF mixed (no single way to write new lines).
    """
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom) :].decode("utf-8")
    if "\r" not in text:
        return bom, text, "\n"
    crlf = text.count("\r\n")
    if crlf != text.count("\r"):
        raise FixError("the file has a carriage return (\\r) that does not end a line")
    if crlf != text.count("\n"):
        raise FixError("the file mixes LF and CRLF line ends")
    return bom, text.replace("\r\n", "\n"), "\r\n"


def mark_unwritten(diagnostics: Sequence[Diagnostic], reason: str) -> list[Diagnostic]:
    """Fixes that were applied but not written are errors again: the file still holds the problem."""
    from vcvalues.core._record import replace
    from vcvalues.core.diagnostics import Severity

    return [
        replace(
            d,
            severity=Severity.ERROR,
            message="not fixed: " + d.message.removeprefix("fixed: "),
            hint=f"the fix could not be written: {reason}",
        )
        if d.fixable and d.message.startswith("fixed: ")
        else d
        for d in diagnostics
    ]


def fix_text(text: str, fixes: Fixes, *, file: str = "values.yaml") -> str:
    """``text`` with every fix set, all other bytes kept.

    Raises:
        FixError: the file cannot hold the fix (a value on the way is not a map) or the edit would change
            anything besides the fixed values.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        mapping, sequence, offset = guess_indent(text)
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = WIDTH
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = yaml.load(text)
        if data is None:  # empty or only comments: append the new keys after whatever is there
            for path, value, _ in fixes:
                data = _set(data, path, value)
            separator = "" if text == "" or text.endswith("\n") else "\n"
            patched = text + separator + _dump(yaml, data)
            _verify(text, patched, fixes, file)
            return patched
        before = _dump(yaml, data)
        for path, value, _ in fixes:
            data = _set(data, path, value)
        after = _dump(yaml, data)
    except YAMLError as exc:
        raise FixError(f"ruamel.yaml cannot edit the file: {str(exc).splitlines()[0]}") from None
    patched = _patch(text, before, after)  # also when ruamel round-trips the text exactly: see _patch
    _verify(text, patched, fixes, file)
    return patched


def guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) the file uses, from its first nested blocks."""
    mapping: int | None = None
    offset: int | None = None
    parent: int | None = None  # indentation of the previous line when it opens a block (`key:`)
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if (parent is not None and indent > parent) or (parent is not None and stripped.startswith("- ")):
            if stripped.startswith("- "):
                offset = indent - parent if offset is None else offset
            elif mapping is None:
                mapping = indent - parent
        parent = indent if _OPENS_BLOCK.search(line) else None
        if mapping is not None and offset is not None:
            break
    mapping = mapping or 2
    offset = max(offset or 0, 0)
    return mapping, max(mapping, offset + 2), offset


def _dump(yaml: Any, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _set(data: Any, path: KeyPath, value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if data is None:
        data = CommentedMap()
    node = data
    for depth, part in enumerate(path[:-1]):
        if not isinstance(node, dict):
            raise FixError(f"{format_key_path(path[:depth])} is not a map in the file")
        child = node.get(part)
        if child is None and part not in node:
            child = CommentedMap()
            node[part] = child
        node = child
    if not isinstance(node, dict):
        raise FixError(f"{format_key_path(path[:-1])} is not a map in the file")
    old = node.get(path[-1])
    if isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        node[path[-1]] = type(old)(str(value))  # keep the quoting the user chose
    else:
        node[path[-1]] = value
    return data


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _patch(original: str, before: str, after: str) -> str:
    """Apply the ``before`` -> ``after`` change to ``original`` (which ``before`` normalizes)."""
    orig, old, new = _lines(original), _lines(before), _lines(after)
    align = difflib.SequenceMatcher(None, orig, old, autojunk=False)
    boundary: dict[int, int] = {}  # line boundary in `old` -> boundary in `orig`
    for tag, o1, o2, b1, b2 in align.get_opcodes():
        if tag == "equal" or (tag == "replace" and o2 - o1 == b2 - b1):
            for k in range(b2 - b1 + 1):
                boundary.setdefault(b1 + k, o1 + k)
    out: list[str] = []
    position = 0
    for tag, b1, b2, a1, a2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if b1 not in boundary or b2 not in boundary:
            raise FixError("the file's layout is too unusual to edit without touching other lines")
        start, end = boundary[b1], boundary[b2]
        if tag == "insert" and start == end:
            start = end = _before_detached_comments(orig, start, position, new[a1:a2])
        out.extend(orig[position:start])
        out.extend(new[a1:a2])
        position = end
    out.extend(orig[position:])
    return "".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _before_detached_comments(orig: list[str], start: int, floor: int, inserted: list[str]) -> int:
    """Where new lines go: above the blank lines and comments that end the block they are appended to
    but are indented less than the new lines, because those introduce the next key (ruamel keeps them
    as the block's trailing comment and appends after them)."""
    indent = min((_indent(line) for line in inserted if line.strip()), default=0)
    while start > floor:
        line = orig[start - 1]
        if line.strip() and not (line.lstrip(" ").startswith("#") and _indent(line) < indent):
            break
        start -= 1
    return start


def _verify(original: str, patched: str, fixes: Fixes, file: str) -> None:
    from vcvalues.core.load import load_yaml

    expected = load_yaml(original, file=file).data
    got = load_yaml(patched, file=file)
    if expected is None or got.data is None:
        raise FixError("the fixed file would not read back as a values map")
    expected = copy_values(expected)
    for path, value, _ in fixes:
        node: Any = expected
        written: Any = got.data
        for part in path[:-1]:
            node = node.setdefault(part, {})
            written = written.get(part) if isinstance(written, dict) else None
        kept_quotes = isinstance(written, dict) and written.get(path[-1]) == strval(value)
        node[path[-1]] = strval(value) if kept_quotes else value
    if _normalized(got.data) != _normalized(expected):
        raise FixError("the fixed file would not read back as the old values plus the fixes")


def _normalized(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalized(v) for v in value]
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return ("n", float(value))
    return value
