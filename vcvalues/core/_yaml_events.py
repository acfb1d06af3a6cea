"""Builds plain data and a SourceMap from the C parser's event stream, as go-yaml v2 would decode it.

Internal to vcvalues.core.load. Iterative on purpose: depth, alias expansion and node count are bounded
here before anything large is built.
"""

from __future__ import annotations

import math
from typing import Any, NoReturn

from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.source import ORIGIN, Document, SourceMap, Span, as_span
from vcvalues.core.yaml11 import MERGE_KEY, YAML11_ONLY_BOOLEANS, key_to_string, resolve_plain, resolve_tagged

try:  # ruamel.yaml.clib: libyaml's C scanner and parser
    from _ruamel_yaml import CParser
except ImportError as exc:  # pragma: no cover - the dependency is declared; say what to install
    raise ImportError("vcvalues needs the C YAML parser: pip install 'ruamel.yaml.clib>=0.2.8'") from exc
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

MAX_DEPTH = 512
MAX_NODES = 2_000_000
_MERGE = object()  # pending-key marker for `<<`
_QUOTED = frozenset("'\"|>")


class _Refused(Exception):
    """Input past a limit or not decodable as Helm would: stop building."""


class _Frame:
    """An open map or list (a plain slotted class: a dataclass costs ~0.5 ms to build at import)."""

    __slots__ = ("anchor", "container", "count_at_start", "is_key", "path", "pending", "seen", "span")

    def __init__(
        self,
        container: dict[str, Any] | list[Any],
        path: KeyPath,
        span: Span,
        anchor: str | None,
        count_at_start: int,
        is_key: bool = False,
    ) -> None:
        self.container = container
        self.path = path
        self.span = span
        self.anchor = anchor
        self.count_at_start = count_at_start
        self.is_key = is_key  # a collection used as a map key (Helm rejects it)
        self.pending: Any = None  # map: the key waiting for its value (str), _MERGE, or None
        self.seen: dict[str, Span] = {}


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


class Builder:
    """One pass over the events of ``text``; diagnostics collect in ``self.diagnostics``."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.failed = False
        self._anchors: dict[str, tuple[Any, int]] = {}
        self._count = 0

    # -- driver ---------------------------------------------------------------------------------
    def run(self, *, first_only: bool) -> list[Document]:
        documents: list[Document] = []
        parser = CParser(self.text)
        try:
            while True:
                event = parser.get_event()
                kind = type(event)
                if kind is StreamEndEvent:
                    break
                if kind is DocumentStartEvent:
                    if first_only and documents:
                        self._report(
                            self._span(event),
                            "multi-document",
                            Severity.WARNING,
                            "Helm reads only the first document of a values file; this one is ignored",
                            "put every value in one document, or pass the documents as separate -f files",
                        )
                        break
                    self._start_document()
                elif kind is DocumentEndEvent:
                    documents.append(Document(self._root, self._map))
                else:
                    self._handle(event, kind)
        except _Refused:
            self.failed = True
        except MarkedYAMLError as exc:
            self._parse_error(exc)
        except ReaderError as exc:
            self.failed = True
            line, column = self._position(exc.position)
            message = f"character {exc.character!r} is not allowed in YAML"
            self._report(
                Span(line, column), "syntax", Severity.ERROR, message, "remove the control character"
            )
        except YAMLError as exc:  # pragma: no cover - other parser errors carry no mark
            self.failed = True
            self._report(ORIGIN, "syntax", Severity.ERROR, str(exc).strip().splitlines()[0], None)
        return documents

    def _start_document(self) -> None:
        self._root: Any = None
        self._map = SourceMap(self.file)
        self._stack: list[_Frame] = []
        self._anchors = {}

    def _handle(self, event: Any, kind: type) -> None:
        span = self._span(event)
        if kind is ScalarEvent:
            self._place(self._scalar(event, span), span, event.anchor, 1, scalar=event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if len(self._stack) >= MAX_DEPTH:
                self._fail(span, f"nesting deeper than {MAX_DEPTH} levels; refused")
            is_key = (
                bool(self._stack)
                and isinstance(self._stack[-1].container, dict)
                and (self._stack[-1].pending is None)
            )
            path = self._child_path()
            container: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
            self._stack.append(_Frame(container, path, span, event.anchor, self._count, is_key))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = self._stack.pop()
            self._count += 1
            if frame.is_key:
                self._fail(frame.span, "a map key must be a plain value, not a map or a list")
            self._place(frame.container, frame.span, frame.anchor, self._count - frame.count_at_start)
        elif kind is AliasEvent:
            anchored = self._anchors.get(event.anchor)
            if anchored is None:
                self._fail(span, f"alias *{event.anchor} has no anchor &{event.anchor} defined before it")
            value, size = anchored
            self._count += size
            if self._count > MAX_NODES:
                self._fail(
                    span, f"more than {MAX_NODES:,} values after expanding aliases (an alias bomb?); refused"
                )
            self._place(_copy(value), span, None, size)

    # -- scalars --------------------------------------------------------------------------------
    def _scalar(self, event: Any, span: Span) -> Any:
        self._count += 1
        text: str = event.value
        tag = event.tag
        if tag is not None and tag != "!":
            ok, value = resolve_tagged(str(tag), text)
            if not ok and str(tag).startswith("tag:yaml.org,2002:"):
                self._fail(span, f"cannot read {text!r} as {str(tag).rsplit(':', 1)[-1]}")
            return value if ok else text
        if event.style and event.style in _QUOTED:
            return text
        value = resolve_plain(text)
        if (
            isinstance(value, float)
            and (math.isinf(value) or math.isnan(value))
            and not self._expecting_key()
        ):
            self._fail(
                span,
                f"{text} is not a number Helm can hold (its values pass through JSON)",
                hint="quote it if you mean the string",
            )
        if text in YAML11_ONLY_BOOLEANS:
            self._report(
                span,
                "yaml11-boolean",
                Severity.WARNING,
                f"{text!r} is the boolean {str(value).lower()} for Helm (YAML 1.1); "
                f"a YAML 1.2 tool reads the string {text!r}",
                f"write {str(value).lower()}, or quote it ('{text}') if you mean the string",
            )
        return value

    # -- placing values into their parent ------------------------------------------------------
    def _expecting_key(self) -> bool:
        return (
            bool(self._stack)
            and isinstance(self._stack[-1].container, dict)
            and self._stack[-1].pending is None
        )

    def _child_path(self) -> KeyPath:
        if not self._stack:
            return ()
        frame = self._stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.pending is None or frame.pending is _MERGE:
            return (*frame.path, "<<")
        return (*frame.path, frame.pending)

    def _place(self, value: Any, span: Span, anchor: str | None, size: int, scalar: Any = None) -> None:
        if anchor is not None:
            self._anchors[anchor] = (value, size)
        if self._count > MAX_NODES:
            self._fail(span, f"more than {MAX_NODES:,} values; refused")
        if not self._stack:
            self._root = value
            self._map.values[()] = span
            return
        frame = self._stack[-1]
        if isinstance(frame.container, list):
            self._map.values[(*frame.path, len(frame.container))] = span
            frame.container.append(value)
        elif frame.pending is None:
            self._take_key(frame, value, span, scalar)
        elif frame.pending is _MERGE:
            self._merge(frame, value, span)
        else:
            self._map.values[(*frame.path, frame.pending)] = span
            frame.container[frame.pending] = value
            frame.pending = None

    def _take_key(self, frame: _Frame, value: Any, span: Span, scalar: Any) -> None:
        if scalar is not None and value == MERGE_KEY and not (scalar.style and scalar.style in _QUOTED):
            frame.pending = _MERGE
            return
        key = key_to_string(value)
        if key is None:
            self._fail(span, "a map key must not be null (Helm cannot convert it to JSON)")
        assert isinstance(frame.container, dict)
        seen = frame.seen.get(key)
        if seen is not None:
            first = as_span(seen)
            self._report(
                span,
                "duplicate-key",
                Severity.ERROR,
                f"duplicate key {key!r} (first at line {first.line}, column {first.column}); "
                "Helm silently keeps this last one",
                "remove one of the two, or merge their contents",
            )
        frame.seen[key] = span
        self._map.keys[(*frame.path, key)] = span
        frame.pending = key

    def _merge(self, frame: _Frame, value: Any, span: Span) -> None:
        # go-yaml v2 merges positionally; in a list of maps the earlier maps take precedence.
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(source, dict) for source in sources):
            self._fail(span, "a merge key (<<) needs a map or a list of maps")
        assert isinstance(frame.container, dict)
        for source in reversed(sources):
            for key, item in source.items():
                frame.container[key] = item
                self._map.keys.setdefault((*frame.path, key), span)
                self._map.values.setdefault((*frame.path, key), span)
        frame.pending = None

    # -- positions and diagnostics ------------------------------------------------------------
    @staticmethod
    def _span(event: Any) -> Any:
        # The parser's own Mark (0-based), kept as is: SourceMap converts it to a 1-based Span only
        # when a position is asked for, which on a clean file is never (measured: ~25% of build time).
        return event.start_mark

    def _position(self, offset: int) -> tuple[int, int]:
        before = self.text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1

    def _parse_error(self, exc: MarkedYAMLError) -> None:
        mark = exc.problem_mark or exc.context_mark
        span = Span(mark.line + 1, mark.column + 1) if mark is not None else ORIGIN
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        context = f" {exc.context.strip()}" if exc.context and exc.problem else ""
        hint = None
        if "\\t" in problem or "\t" in problem or "tab" in problem:
            hint = "YAML does not allow tabs for indentation; indent with spaces"
        self.failed = True
        self.diagnostics.append(
            Diagnostic(
                "syntax", Severity.ERROR, f"{problem}{context}", self.file, span.line, span.column, hint
            )
        )

    def _report(self, mark: Any, rule: str, severity: Severity, message: str, hint: str | None) -> None:
        span = as_span(mark)
        self.diagnostics.append(Diagnostic(rule, severity, message, self.file, span.line, span.column, hint))

    def _fail(self, span: Span, message: str, *, hint: str | None = None) -> NoReturn:
        self._report(span, "syntax", Severity.ERROR, message, hint)
        raise _Refused
