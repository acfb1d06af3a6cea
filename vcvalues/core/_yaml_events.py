"""Builds plain data and a SourceMap from the C parser's event stream, as go-yaml v2 would decode it.

Internal to vcvalues.core.load. Iterative on purpose: depth, alias expansion and node count are bounded
here before anything large is built.
"""

from __future__ import annotations

import math
from typing import Any

from vcvalues.core._lean_ruamel import (
    AliasEvent,
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
from vcvalues.core._yaml_report import NULL_KEY, Refused, Reporting, excessive_aliasing
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.encoding import two_byte_order_marks
from vcvalues.core.go_yaml_text import Masks
from vcvalues.core.source import ORIGIN, Document, SourceMap, Span, as_span
from vcvalues.core.yaml11 import MERGE_KEY, YAML11_ONLY_BOOLEANS, key_to_string, resolve_plain
from vcvalues.core.yaml_tags import TagError, resolve_explicit

_LIBYAML_FLOW_COLON = "found unexpected ':'"
_MERGE_TAG = "tag:yaml.org,2002:merge"
MAX_DEPTH = 512
MAX_NODES = 2_000_000
_MERGE = object()  # pending-key marker for `<<`
_QUOTED = frozenset("'\"|>")


class _FlowColon(Exception):
    """libyaml refused a ':' that go-yaml keeps inside a flow-context plain scalar."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _is_merge(scalar: Any) -> bool:
    """go-yaml's isMerge: ``<<`` plain and untagged, or tagged ``!`` or ``!!merge``."""
    tag = scalar.tag
    if tag is None:
        return not (scalar.style and scalar.style in _QUOTED)
    return str(tag) in ("!", _MERGE_TAG)


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


class Builder(Reporting):
    """One pass over the events of ``text``; diagnostics collect in ``self.diagnostics``."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self._masks = Masks(text)
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.failed = False
        self._anchors: dict[str, tuple[Any, int] | _Frame] = {}
        self._aliased = 0
        self._count = 0
        self._not_json = False

    # -- driver ---------------------------------------------------------------------------------
    def run(self, *, first_only: bool) -> list[Document]:
        """Parse; where libyaml refuses a ``:`` that go-yaml keeps inside a flow plain scalar, mask it
        (see vcvalues.core.go_yaml_text) and parse again, so the C parser stays the only parser."""
        text = self._masks.text
        if text.startswith("\ufeff\ufeff"):
            self.failed = True
            self.diagnostics.append(two_byte_order_marks(self.file))
            return []
        while True:
            try:
                return self._run_once(text, first_only=first_only)
            except _FlowColon as retry:
                if not self._masks.mask_flow_colons(retry.offset):
                    self.failed = True
                    self._report(
                        Span(*self._position(retry.offset)),
                        "syntax",
                        Severity.ERROR,
                        "too many ':' inside unquoted flow values ([a:b], {a:b}) to read; refused",
                        "quote these values",
                    )
                    return []
                text = self._masks.text

    def _run_once(self, text: str, *, first_only: bool) -> list[Document]:
        self.diagnostics = []
        self.failed = False
        self._count = 0
        self._not_json = False
        documents: list[Document] = []
        parser = CParser(text)
        try:
            while True:
                event = parser.get_event()
                kind = type(event)
                if kind is StreamEndEvent:
                    break
                if kind is DocumentStartEvent:
                    self._check_version(event)
                    self._start_document()
                elif kind is DocumentEndEvent:
                    if self._not_json:
                        self._check_json(self._root)
                    documents.append(Document(self._root, self._map))
                    if first_only:
                        self._after_first_document(parser)
                        break
                else:
                    self._handle(event, kind)
        except Refused:
            self.failed = True
        except MarkedYAMLError as exc:
            mark = exc.problem_mark
            if exc.problem == _LIBYAML_FLOW_COLON and mark is not None:
                raise _FlowColon(mark.index) from None
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
        self._aliased = 0
        self._document_start = self._count

    def _handle(self, event: Any, kind: type) -> None:
        span = event.start_mark  # a 0-based Mark; SourceMap converts it only when asked (see _span)
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
            frame = _Frame(container, path, span, event.anchor, self._count, is_key)
            self._stack.append(frame)
            if event.anchor is not None:
                # go-yaml names a node when it starts: an anchor redefined inside wins, and an alias to
                # a node still open is an error (decode.go: "anchor ... value contains itself")
                self._anchors[event.anchor] = frame
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = self._stack.pop()
            self._count += 1
            if frame.is_key:
                self._fail(frame.span, "a map key must be a plain value, not a map or a list")
            size = self._count - frame.count_at_start
            if frame.anchor is not None and self._anchors.get(frame.anchor) is frame:
                self._anchors[frame.anchor] = (frame.container, size)
            self._place(frame.container, frame.span, None, size)
        elif kind is AliasEvent:
            anchored = self._anchors.get(event.anchor)
            if anchored is None:
                self._fail(span, f"alias *{event.anchor} has no anchor &{event.anchor} defined before it")
            if isinstance(anchored, _Frame):
                self._fail(span, f"anchor '{event.anchor}' value contains itself")
            value, size = anchored
            # _count is go-yaml's unmarshal calls so far (the alias node, then its target again), less
            # the document node and the maps and lists still open, which go-yaml counts on entry
            self._count += 1 + size
            self._aliased += size
            decodes = self._count - self._document_start + 1 + len(self._stack)
            if excessive_aliasing(decodes, self._aliased):
                self._fail(span, "document contains excessive aliasing (an alias bomb?)")
            if self._count > MAX_NODES:
                self._fail(
                    span, f"more than {MAX_NODES:,} values after expanding aliases (an alias bomb?); refused"
                )
            if self._stack and self._stack[-1].pending is _MERGE and not isinstance(value, dict):
                self._fail(span, "map merge requires map or sequence of maps as the value")
            self._place(_copy(value), span, None, 1 + size)

    # -- scalars --------------------------------------------------------------------------------
    def _scalar(self, event: Any, span: Span) -> Any:
        self._count += 1
        text: str = event.value
        masks = self._masks
        if masks.active:
            text = masks.restore(text)
        tag = event.tag
        style = event.style
        if tag is not None:
            try:
                value = resolve_explicit(str(tag), text)
            except TagError as problem:
                self._fail(span, str(problem))
        elif style and style in _QUOTED:
            if style == '"' and masks.has_slash_escape:
                self._check_escapes(event)
            return text
        else:
            value = resolve_plain(text)
            if text in YAML11_ONLY_BOOLEANS:
                self._report(
                    span,
                    "yaml11-boolean",
                    Severity.WARNING,
                    f"{text!r} is the boolean {str(value).lower()} for Helm (YAML 1.1); "
                    f"a YAML 1.2 tool reads the string {text!r}",
                    f"write {str(value).lower()}, or quote it ('{text}') if you mean the string",
                )
        if isinstance(value, float) and not math.isfinite(value) and not self._expecting_key():
            self._not_json = True  # Helm fails only if the value survives to its JSON step
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
            if isinstance(value, list):  # go-yaml decodes each map of a << list, not the list
                self._count -= 1
            self._merge(frame, value, span)
        else:
            self._map.values[(*frame.path, frame.pending)] = span
            frame.container[frame.pending] = value
            frame.pending = None

    def _take_key(self, frame: _Frame, value: Any, span: Span, scalar: Any) -> None:
        if scalar is not None and value == MERGE_KEY and _is_merge(scalar):
            frame.pending = _MERGE
            self._count -= 1  # go-yaml decodes the value of <<, never the key
            return
        key = key_to_string(value)
        if key is None:
            key = NULL_KEY  # Helm fails only if the key survives to its JSON step
            self._not_json = True
        assert isinstance(frame.container, dict)
        seen = frame.seen.get(key)
        if seen is not None:
            first = as_span(seen)
            shown = "null" if key == NULL_KEY else repr(key)
            self._report(
                span,
                "duplicate-key",
                Severity.ERROR,
                f"duplicate key {shown} (first at line {first.line}, column {first.column}); "
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
            self._fail(span, "map merge requires map or sequence of maps as the value")
        assert isinstance(frame.container, dict)
        for source in reversed(sources):
            for key, item in source.items():
                frame.container[key] = item
                self._map.keys.setdefault((*frame.path, key), span)
                self._map.values.setdefault((*frame.path, key), span)
        frame.pending = None
