"""Where a value of the effective values came from: which -f file (and line:column) or which --set."""

from __future__ import annotations

from vcvalues.core._record import field, mutable_record, record
from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.source import SourceMap, Span

DEFAULTS_FILE = "<chart defaults>"


@record
class Location:
    """A file name (or ``--set[N]``) and a 1-based position."""

    file: str
    line: int
    column: int


@mutable_record
class Provenance:
    """The user's sources in the order Helm applies them; later ones win."""

    files: list[SourceMap] = field(default_factory=list)
    set_paths: list[tuple[str, KeyPath]] = field(default_factory=list)  # (label, path set)

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The place to report ``path`` at: the source that reaches deepest into it (the value itself,
        else its nearest ancestor), the later one on a tie, as Helm applies them. A ``--set`` counts with
        every key of its path: ``--set isolation.enabled=true`` is where ``isolation`` was given."""
        best: tuple[int, int, SourceMap | str] | None = None  # (depth, order, source)
        for order, source_map in enumerate(self.files):
            depth = _known_depth(source_map, path)
            if depth > 0 and (best is None or depth >= best[0]):
                best = (depth, order, source_map)
        for label, set_path in self.set_paths:
            depth = _common_depth(set_path, path)
            if depth > 0 and (best is None or depth >= best[0]):
                best = (depth, len(self.files), label)
        if best is None:
            if self.files:
                return Location(self.files[-1].file, 1, 1)
            return Location(DEFAULTS_FILE, 1, 1)
        source = best[2]
        if isinstance(source, str):
            return Location(source, 1, 1)
        span: Span = source.key_span(path) if key else source.value_span(path)
        return Location(source.file, span.line, span.column)

    def set_label(self, path: KeyPath) -> str | None:
        """The ``--set[N]`` that gave ``path`` or a key below it (the latest), or None."""
        for label, set_path in reversed(self.set_paths):
            if set_path[: len(path)] == path or path[: len(set_path)] == set_path:
                return label
        return None

    def user_set(self, path: KeyPath) -> bool:
        """A user source (file or --set) gives ``path`` itself."""
        if any(path[: len(p)] == p for _, p in self.set_paths):
            return True
        return any(m.has(path) for m in self.files)


def _common_depth(set_path: KeyPath, path: KeyPath) -> int:
    """How far a --set path reaches into ``path``: all of it when it sets ``path`` or an ancestor."""
    if path[: len(set_path)] == set_path:
        return len(path)
    depth = 0
    for mine, theirs in zip(set_path, path, strict=False):
        if mine != theirs:
            break
        depth += 1
    return depth


def _known_depth(source_map: SourceMap, path: KeyPath) -> int:
    for end in range(len(path), 0, -1):
        if source_map.has(path[:end]):
            return end
    return -1
