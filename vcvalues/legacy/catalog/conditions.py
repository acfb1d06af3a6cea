"""How a chart template picks a value or decides to render something, stated as data.

The control-plane facts (``control_plane``) say where the chart reads a setting (``Ref``) and when it
renders an object or a container (a ``Condition``). Both can be evaluated against plain values (the
effective values Helm holds: chart defaults coalesced with the user's files), with Go template truthiness.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

from vcvalues.core._record import record

Path: TypeAlias = tuple[str, ...]


def lookup(values: Any, path: Path) -> Any:
    """The value at ``path`` (``None`` when a key is missing or a parent is not a map), as ``.Values.a.b``."""
    node = values
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def has_key(values: Any, path: Path) -> bool:
    """Whether the map at ``path[:-1]`` exists and holds the key ``path[-1]`` (sprig ``hasKey``)."""
    parent = lookup(values, path[:-1])
    return isinstance(parent, Mapping) and path[-1] in parent


def go_truthy(value: Any) -> bool:
    """Go template truth: false, 0, nil, "" and empty maps/lists are false; everything else is true.

    The *string* ``"false"`` is true.
    """
    if value is None or value is False:
        return False
    if isinstance(value, (bool, int, float, str, list, dict)):
        return bool(value)
    return True


@record
class Ref:
    """Where a template reads a value: one path, or the first of several that applies.

    Attributes:
        paths: candidate values paths, in the template's order of preference.
        pick: ``"first-truthy"``: the first candidate whose value is truthy (``if .Values.replicas``),
            else the last one; ``"first-present"``: the first whose key exists in a non-empty parent map
            (``and .Values.storage (hasKey .Values.storage "size")``), else the last one.
    """

    paths: tuple[Path, ...]
    pick: Literal["first-truthy", "first-present"] = "first-truthy"

    def resolve(self, values: Any) -> Any:
        """The value the template would use."""
        for path in self.paths[:-1]:
            if self.pick == "first-truthy":
                if go_truthy(lookup(values, path)):
                    return lookup(values, path)
            elif go_truthy(lookup(values, path[:-1])) and has_key(values, path):
                return lookup(values, path)
        return lookup(values, self.paths[-1])

    @property
    def path(self) -> Path:
        """The path used when no earlier candidate applies (the chart's own default)."""
        return self.paths[-1]


def at(*path: str) -> Ref:
    """A reference to one values path: ``at("syncer", "replicas")``."""
    return Ref((path,))


@record
class Truthy:
    """``if .Values.x``."""

    ref: Ref

    def holds(self, values: Any) -> bool:
        """Evaluate against plain values."""
        return go_truthy(self.ref.resolve(values))


@record
class Equals:
    """``eq .Values.x "text"``.

    With ``printed`` the value's rendered text is compared instead (``eq (include ...) "true"``).
    """

    ref: Ref
    text: str
    printed: bool = False

    def holds(self, values: Any) -> bool:
        """Evaluate against plain values."""
        value = self.ref.resolve(values)
        if self.printed and isinstance(value, bool):
            return ("true" if value else "false") == self.text
        return isinstance(value, str) and value == self.text


@record
class Not:
    """``not X``."""

    term: Condition

    def holds(self, values: Any) -> bool:
        """Evaluate against plain values."""
        return not self.term.holds(values)


@record
class All:
    """``and X Y ...``; ``All()`` always holds."""

    terms: tuple[Condition, ...] = ()

    def holds(self, values: Any) -> bool:
        """Evaluate against plain values."""
        return all(term.holds(values) for term in self.terms)


@record
class AnyOf:
    """``or X Y ...``."""

    terms: tuple[Condition, ...]

    def holds(self, values: Any) -> bool:
        """Evaluate against plain values."""
        return any(term.holds(values) for term in self.terms)


Condition: TypeAlias = Truthy | Equals | Not | All | AnyOf
ALWAYS: Condition = All()


def on(*path: str) -> Condition:
    """``if .Values.<path>``."""
    return Truthy(at(*path))


def off(*path: str) -> Condition:
    """``if not .Values.<path>``."""
    return Not(Truthy(at(*path)))


def both(*terms: Condition) -> Condition:
    """``and``, dropping terms that always hold."""
    kept = tuple(term for term in terms if term != ALWAYS)
    return kept[0] if len(kept) == 1 else All(kept)
