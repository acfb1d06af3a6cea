"""Where a legacy value came from: merging several values files as Helm does, keeping positions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from vcvalues.core.diagnostics import KeyPath


class SpanLike(Protocol):
    """A 1-based position (vcvalues.core.load's Span)."""

    @property
    def line(self) -> int:
        """1-based line."""

    @property
    def column(self) -> int:
        """1-based column."""


class SpanSource(Protocol):
    """Positions of keys and values of one file (vcvalues.core.load's SourceMap)."""

    def key_span(self, path: KeyPath) -> SpanLike:
        """Position of the key at ``path`` (nearest existing ancestor when missing)."""

    def value_span(self, path: KeyPath) -> SpanLike:
        """Position of the value at ``path`` (nearest existing ancestor when missing)."""


@dataclass(frozen=True)
class ValuesSource:
    """One values file: its name as given, its plain values, and the positions of its nodes."""

    file: str
    data: Mapping[str, Any]
    source_map: SpanSource | None = None


def merge_values(sources: Sequence[ValuesSource]) -> dict[str, Any]:
    """Merge files left to right as Helm's mergeMaps does: maps recursively, anything else replaced."""
    from vcvalues.core.coalesce import merge_files

    return merge_files(dict(source.data) for source in sources)


def _has_path(data: Any, path: KeyPath) -> bool:
    node = data
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return False
        elif not isinstance(node, Mapping) or part not in node:
            return False
        node = node[part]
    return True


class Locator:
    """Finds the file, line and column of a legacy key after several files were merged.

    The last file that holds a path is the one whose value won the merge (later files win), so the
    files are searched from the last; a path no file holds points at its nearest existing ancestor.
    """

    def __init__(self, sources: Sequence[ValuesSource]) -> None:
        self._sources = tuple(sources)

    def locate(self, path: KeyPath, *, value: bool = False) -> tuple[str, int, int]:
        """``(file, line, column)`` of the key (or, with ``value=True``, the value) at ``path``."""
        for depth in range(len(path), -1, -1):
            prefix = path[:depth]
            for source in reversed(self._sources):
                if depth and not _has_path(source.data, prefix):
                    continue
                if source.source_map is None or not prefix:
                    return (source.file, 1, 1)
                exact = depth == len(path)
                span = (
                    source.source_map.value_span(prefix)
                    if value and exact
                    else source.source_map.key_span(prefix)
                )
                return (source.file, span.line, span.column)
        return ("<values>", 1, 1)
