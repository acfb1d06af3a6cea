"""Where a value of the effective values came from: which -f file (and line:column) or which --set."""

from __future__ import annotations

from dataclasses import dataclass, field

from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.source import SourceMap, Span

DEFAULTS_FILE = "<chart defaults>"


@dataclass(frozen=True, slots=True)
class Location:
    """A file name (or ``--set[N]``) and a 1-based position."""

    file: str
    line: int
    column: int


@dataclass(slots=True)
class Provenance:
    """The user's sources in the order Helm applies them; later ones win."""

    files: list[SourceMap] = field(default_factory=list)
    set_paths: list[tuple[str, KeyPath]] = field(default_factory=list)  # (label, path set)

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The place to report ``path`` at: the latest source that set it or its nearest ancestor."""
        for label, set_path in reversed(self.set_paths):
            if path[: len(set_path)] == set_path:
                return Location(label, 1, 1)
        best: tuple[int, SourceMap] | None = None
        for source_map in self.files:
            depth = _known_depth(source_map, path)
            if depth >= 0 and (best is None or depth >= best[0]):
                best = (depth, source_map)
        if best is None:
            if self.files:
                return Location(self.files[-1].file, 1, 1)
            return Location(DEFAULTS_FILE, 1, 1)
        source_map = best[1]
        span: Span = source_map.key_span(path) if key else source_map.value_span(path)
        return Location(source_map.file, span.line, span.column)

    def user_set(self, path: KeyPath) -> bool:
        """A user source (file or --set) gives ``path`` itself."""
        if any(path[: len(p)] == p for _, p in self.set_paths):
            return True
        return any(m.has(path) for m in self.files)


def _known_depth(source_map: SourceMap, path: KeyPath) -> int:
    for end in range(len(path), 0, -1):
        if source_map.has(path[:end]):
            return end
    return -1
