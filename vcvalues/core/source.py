"""Where things are in a YAML document: 1-based spans and a key-path -> span map."""

from __future__ import annotations

from typing import Any, NamedTuple

from vcvalues.core._record import field, mutable_record
from vcvalues.core.diagnostics import KeyPath


class Span(NamedTuple):
    """A 1-based line and column."""

    line: int
    column: int


ORIGIN = Span(1, 1)


def as_span(mark: Any) -> Span:
    """A Span as is, or a parser Mark (0-based ``line``/``column``) as a 1-based Span."""
    if isinstance(mark, Span):
        return mark
    return Span(mark.line + 1, mark.column + 1)


@mutable_record
class SourceMap:
    """Where each key and value of one document sits; lookups fall back to the nearest ancestor."""

    file: str
    # Spans, or the parser's 0-based Marks (converted on lookup by as_span)
    keys: dict[KeyPath, Any] = field(default_factory=dict)
    values: dict[KeyPath, Any] = field(default_factory=dict)

    def key_span(self, path: KeyPath) -> Span:
        """Position of the key at ``path`` (or of the nearest ancestor that exists)."""
        return self._nearest(path, prefer_keys=True)

    def value_span(self, path: KeyPath) -> Span:
        """Position of the value at ``path`` (or of the nearest ancestor that exists)."""
        return self._nearest(path, prefer_keys=False)

    def subtree(self, prefix: KeyPath) -> SourceMap:
        """The map of the value at ``prefix``, its paths re-rooted (an umbrella chart's subchart values)."""
        size = len(prefix)
        sub = SourceMap(self.file)
        sub.keys = {p[size:]: span for p, span in self.keys.items() if p[:size] == prefix and len(p) > size}
        sub.values = {p[size:]: span for p, span in self.values.items() if p[:size] == prefix}
        return sub

    def has(self, path: KeyPath) -> bool:
        """The document itself holds ``path``."""
        return path in self.values

    def _nearest(self, path: KeyPath, *, prefer_keys: bool) -> Span:
        first, second = (self.keys, self.values) if prefer_keys else (self.values, self.keys)
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            span = first.get(prefix) or second.get(prefix)
            if span is not None:
                return as_span(span)
        return ORIGIN


@mutable_record
class Document:
    """One YAML document: plain data as Helm holds it, and where everything came from."""

    data: Any
    source_map: SourceMap
