"""check-pods' document reader: plain documents read in Python, the others by the C parser.

:func:`read_documents` cuts the stream at its ``---`` lines and reads each document with
:func:`vcvalues.pss.plain_yaml.read_plain`; a document outside that plain subset (a block scalar, an
anchor, a character beyond ASCII) is read alone by the C parser's lean reader, as
:func:`vcvalues.pss.lean.lean_documents` reads it within the stream. Where reading a document alone could
differ from reading it in the stream (a syntax error, a directive, a ``...`` line, a line break other
than newline) the whole stream goes to :func:`~vcvalues.pss.lean.lean_documents`, which parses it from the
start: the documents already given, and their diagnostics, are skipped. A property test checks that
data, diagnostics and positions are the C parser's reader's. Positions are worked out, by the C parser,
only for the documents asked about; a stream whose documents are all plain and pass never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from vcvalues.core.diagnostics import Diagnostic, KeyPath
from vcvalues.pss.plain_yaml import Outside, read_plain

Locate = Callable[[KeyPath], tuple[int, int]]
_UNSAFE = re.compile(r"[^\x20-\x7e\n]")
_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \n]|\Z)", re.M)
# what a document cannot be read alone with: a directive (it belongs to the next document), a byte order
# mark, a line break other than \n (the cut at "---" lines would miss it)
_UNSAFE_FOR_A_PIECE = re.compile(r"^%|[\ufeff\r\x85\u2028\u2029]", re.M)


class _Stop:
    """The stream stops at this document (the full reader refused it), as the C parser's reader stops."""


_STOP = _Stop()


def _locator(text: str, start: int, end: int, line: int, file: str) -> Locate:
    """Positions in ``text[start:end]`` (a document starting at ``line``), read when first asked for."""
    found: list[Locate] = []

    def locate(path: KeyPath) -> tuple[int, int]:
        if not found:
            from vcvalues.pss.lean import Slice  # the C parser: only once a position is needed

            found.append(Slice(text, start, end, line).locator(file))
        return found[0](path)

    return locate


def _by_the_c_parser(
    text: str, start: int, end: int, line: int, file: str, diagnostics: list[Diagnostic]
) -> tuple[Any, Locate | None] | _Stop | None:
    """The document ``text[start:end]`` (outside the plain subset) read alone by the C parser's lean
    reader, as :func:`vcvalues.pss.lean.lean_documents` reads it in the stream: (data, locator); _STOP
    when the stream stops there (its diagnostics appended); None when the stream must be read by the C
    parser from the start (a syntax error, more than one document, what _UNSAFE_FOR_A_PIECE finds)."""
    from vcvalues.core._lean_ruamel import CParser, DocumentStartEvent, StreamEndEvent, YAMLError
    from vcvalues.pss.lean import Bail, Slice, build_plain

    if _UNSAFE_FOR_A_PIECE.search(text, start, end):
        return None
    parser = CParser(text[start:end])
    piece = Slice(text, start, end, line)
    try:
        parser.get_event()  # the stream's start
        if type(parser.get_event()) is not DocumentStartEvent:
            return None, None  # comments only: no document
        try:
            data, _ = build_plain(parser)
            built = None
        except Bail:
            built = piece.build(file)
        if type(parser.get_event()) is not StreamEndEvent:
            return None
    except YAMLError:
        return None
    if built is None:
        return data, piece.locator(file)
    data, source_map, found, failed = built
    diagnostics.extend(found)
    if failed:
        return _STOP
    return data, piece.locator(file, source_map)


def read_documents(text: str, *, file: str, diagnostics: list[Diagnostic]) -> Iterator[tuple[Any, Locate]]:
    """(data, locator) of each non-empty document, as :func:`vcvalues.pss.lean.lean_documents` gives
    them; problems are appended to ``diagnostics``."""
    given = 0
    before = len(diagnostics)
    start = line = 0
    explicit = False
    while True:
        marker = _MARKER.search(text, start + 3 if explicit else start)
        end = marker.start() if marker is not None else len(text)
        read: tuple[Any, Locate | None] | _Stop | None
        if _UNSAFE.search(text, start, end):  # beyond printable ASCII: the C parser reads it
            read = _by_the_c_parser(text, start, end, line, file, diagnostics)
        else:
            try:
                read = read_plain(text[start:end], explicit=explicit), None
            except Outside:
                read = _by_the_c_parser(text, start, end, line, file, diagnostics)
        if read is None:
            break
        if isinstance(read, _Stop):
            return
        data, locate = read
        if data is not None:
            given += 1
            yield data, locate or _locator(text, start, end, line, file)
        if marker is None:
            return
        if text[end] == ".":  # a document end marker: the C parser's reader reads what follows
            break
        line += text.count("\n", start, end)
        start = end
        explicit = True
    # The C parser reads the stream from its start: the documents already given, and their diagnostics
    # (the first ones it reports), are skipped.
    from vcvalues.pss.lean import lean_documents

    skip = len(diagnostics) - before
    pending: list[Diagnostic] = []
    for index, item in enumerate(lean_documents(text, file=file, diagnostics=pending)):
        if index >= given:
            skip = _report(pending, skip, diagnostics)
            yield item
    _report(pending, skip, diagnostics)


def _report(pending: list[Diagnostic], skip: int, diagnostics: list[Diagnostic]) -> int:
    """Move ``pending`` to ``diagnostics`` but for its first ``skip``; returns how many are still to skip."""
    skipped = min(skip, len(pending))
    diagnostics.extend(pending[skipped:])
    pending.clear()
    return skip - skipped
