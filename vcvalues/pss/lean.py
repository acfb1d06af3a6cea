"""The fast path of check-pods' reader: plain data first, positions only when a diagnostic needs them.

Most documents in a manifest stream are plain (no anchors, tags, merge keys, duplicate keys or YAML 1.1
booleans) and most pods pass, so keeping every key's position (what the full builder does) is wasted work.
:func:`lean_documents` builds such a document's data straight from the C parser's events and gives a
locator that parses that document's own text again, with positions, the first time a position is asked
for. Any document outside that plain subset is built by the full
:class:`~vcvalues.pss.stream.StreamBuilder` from its text, so data, positions and diagnostics are the same
as the full reader's (a property test compares them).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

from vcvalues.core._lean_ruamel import (
    CParser,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    MarkedYAMLError,
    ReaderError,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    YAMLError,
)
from vcvalues.core._yaml_events import MAX_DEPTH
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.source import ORIGIN, SourceMap, Span
from vcvalues.core.yaml11 import YAML11_ONLY_BOOLEANS, key_to_string, resolve_plain
from vcvalues.pss.stream import StreamBuilder

Locate = Callable[[KeyPath], tuple[int, int]]
_NO_KEY = object()
_QUOTED = frozenset("'\"|>")


class Bail(Exception):
    """The document is outside the plain subset: build it with the full builder (``end``: its end mark)."""

    end: Any = None


def _place(stack: list[list[Any]], value: Any) -> None:
    frame = stack[-1]
    container = frame[0]
    if type(container) is list:
        container.append(value)
    else:
        container[frame[1]] = value
        frame[1] = _NO_KEY


def build_plain(parser: Any) -> tuple[Any, Any]:
    """(root, end mark) of the document whose start event was just read; :class:`Bail` when it is not
    plain (the rest of its events are consumed first)."""
    stack: list[list[Any]] = []
    root: Any = None
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                tag = event.tag
                if event.anchor is not None or (tag is not None and tag != "!"):
                    raise Bail
                text = event.value
                style = event.style
                if style and style in _QUOTED:
                    value: Any = text
                else:
                    value = resolve_plain(text)
                    if text in YAML11_ONLY_BOOLEANS or (type(value) is float and not math.isfinite(value)):
                        raise Bail
                if not stack:
                    root = value
                    continue
                frame = stack[-1]
                if type(frame[0]) is dict and frame[1] is _NO_KEY:
                    if text == "<<" and not (style and style in _QUOTED):
                        raise Bail
                    key = value if type(value) is str else key_to_string(value)
                    if key is None or key in frame[0]:
                        raise Bail
                    frame[1] = key
                else:
                    _place(stack, value)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or len(stack) >= MAX_DEPTH:
                    raise Bail
                if stack and type(stack[-1][0]) is dict and stack[-1][1] is _NO_KEY:
                    raise Bail  # a collection as a map key
                stack.append([{} if kind is MappingStartEvent else [], _NO_KEY])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                container = stack.pop()[0]
                if stack:
                    _place(stack, container)
                else:
                    root = container
            elif kind is DocumentEndEvent:
                return root, event.end_mark
            else:  # an alias
                raise Bail
    except Bail as bail:
        while True:
            event = parser.get_event()
            if type(event) is DocumentEndEvent:
                bail.end = event.end_mark
                raise


class _PlacedBuilder(StreamBuilder):
    """Builds a document cut out of a larger text, giving the lines it has in that text."""

    def __init__(self, text: str, file: str, offset: int) -> None:
        super().__init__(text, file)
        self.offset = offset

    def _handle(self, event: Any, kind: type) -> None:
        super()._handle(_Shifted(event, self.offset), kind)


class _Shifted:
    """An event whose start lies ``offset`` lines further down (the builder reads only its start)."""

    __slots__ = ("_event", "start_mark")

    def __init__(self, event: Any, offset: int) -> None:
        self._event = event
        mark = event.start_mark
        self.start_mark = Span(mark.line + 1 + offset, mark.column + 1)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._event, name)


class Slice:
    """One document's own text (from the start of its first line), and its first line in the file."""

    __slots__ = ("end", "offset", "start", "text")

    def __init__(self, text: str, start: int, end: int, offset: int) -> None:
        self.text = text
        self.start = start  # the index where the document's first line starts
        self.end = end
        self.offset = offset  # that line's number, from 0

    @classmethod
    def between(cls, text: str, start_mark: Any, end_mark: Any) -> Slice:
        """The document from the line of ``start_mark`` to ``end_mark`` (the C parser's marks)."""
        return cls(text, start_mark.index - start_mark.column, end_mark.index, start_mark.line)

    def build(self, file: str) -> tuple[Any, SourceMap | None, list[Diagnostic], bool]:
        """(data, source map, diagnostics, failed) by the full builder, at the file's lines (the text parsed
        once already, so no parse error can come from it)."""
        builder = _PlacedBuilder(self.text[self.start : self.end], file, self.offset)
        documents = list(builder.documents())
        if not documents:
            return None, None, builder.diagnostics, builder.failed
        return documents[0].data, documents[0].source_map, builder.diagnostics, builder.failed

    def locator(self, file: str, source_map: SourceMap | None = None) -> Locate:
        """Positions in this document, as the full reader's locator gives them (parsed on first use)."""
        maps: list[SourceMap] = [source_map] if source_map is not None else []

        def locate(path: KeyPath) -> tuple[int, int]:
            if not maps:
                built = self.build(file)[1]
                maps.append(built if built is not None else SourceMap(file))
            found = maps[0]
            span = found.value_span(path) if found.has(path) else found.key_span(path)
            return span.line, span.column

        return locate


def lean_documents(text: str, *, file: str, diagnostics: list[Diagnostic]) -> Iterator[tuple[Any, Locate]]:
    """(data, locator) of each non-empty document; problems are appended to ``diagnostics``, as
    :func:`vcvalues.pss.stream.iter_documents` does."""
    parser = CParser(text)
    errors = StreamBuilder(text, file)  # words stream-level errors exactly as the full reader does
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is StreamEndEvent:
                break
            if kind is not DocumentStartEvent:
                continue
            start = event.start_mark
            try:
                data, end = build_plain(parser)
            except Bail as bail:
                piece = Slice.between(text, start, bail.end)
                data, source_map, found, failed = piece.build(file)
                diagnostics.extend(found)
                if failed:
                    return
                if data is not None:
                    yield data, piece.locator(file, source_map)
                continue
            if data is not None:
                yield data, Slice.between(text, start, end).locator(file)
    except MarkedYAMLError as exc:
        errors._parse_error(exc)
    except ReaderError as exc:
        line, column = errors._position(exc.position)
        message = f"character {exc.character!r} is not allowed in YAML"
        errors._report(Span(line, column), "syntax", Severity.ERROR, message, "remove the control character")
    except YAMLError as exc:  # pragma: no cover - other parser errors carry no mark
        errors._report(ORIGIN, "syntax", Severity.ERROR, str(exc).strip().splitlines()[0], None)
    diagnostics.extend(errors.diagnostics)
