"""check-pods' document reader: plain documents read in Python, the rest of the stream by the C parser.

:func:`read_documents` cuts the stream at its ``---`` lines and reads each document with
:func:`vcvalues.pss.plain_yaml.read_plain`. At the first document outside the plain subset (or a
``...`` line, or a character other than printable ASCII and newline) it hands the stream to
:func:`vcvalues.pss.lean.lean_documents`, which parses it from the start and whose documents are
given from there on: the documents already given are plain, so the C parser's reader gives them the same
data and no diagnostic (a property test checks both). Positions are worked out, by the C parser, only
for the documents asked about; a stream whose documents are all plain and pass never imports it.
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


def _locator(text: str, start: int, end: int, line: int, file: str) -> Locate:
    """Positions in ``text[start:end]`` (a document starting at ``line``), read when first asked for."""
    found: list[Locate] = []

    def locate(path: KeyPath) -> tuple[int, int]:
        if not found:
            from vcvalues.pss.lean import Slice  # the C parser: only once a position is needed

            found.append(Slice(text, start, end, line).locator(file))
        return found[0](path)

    return locate


def read_documents(text: str, *, file: str, diagnostics: list[Diagnostic]) -> Iterator[tuple[Any, Locate]]:
    """(data, locator) of each non-empty document, as :func:`vcvalues.pss.lean.lean_documents` gives
    them; problems are appended to ``diagnostics``."""
    unsafe = _UNSAFE.search(text)
    limit = unsafe.start() if unsafe is not None else len(text)
    given = 0
    start = line = 0
    explicit = False
    while True:
        marker = _MARKER.search(text, start + 3 if explicit else start)
        end = marker.start() if marker is not None else len(text)
        if end > limit:
            break
        piece = text[start:end]
        try:
            data = read_plain(piece, explicit=explicit)
        except Outside:
            break
        if data is not None:
            given += 1
            yield data, _locator(text, start, end, line, file)
        if marker is None:
            return
        if text[end] == ".":  # a document end marker: the C parser's reader reads what follows
            break
        line += piece.count("\n")
        start = end
        explicit = True
    from vcvalues.pss.lean import lean_documents

    for index, item in enumerate(lean_documents(text, file=file, diagnostics=diagnostics)):
        if index >= given:
            yield item
