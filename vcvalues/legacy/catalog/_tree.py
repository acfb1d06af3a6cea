"""Plain value trees stated as a base plus per-release edits, and a fast copy of plain values.

The default values of each legacy chart are written as the values file of the first supported release
(``BASE``) and, for each later release that changed the file, the edits that turn the previous release's
values into that release's (``HISTORY``). Edits keep the file's key order: a new key is placed right
after the key it follows in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

from vcvalues.core._record import record

Path: TypeAlias = tuple[str, ...]


@record
class Add:
    """A key that first appears in a release, placed right after ``after`` (``None``: first in its map)."""

    path: Path
    value: Any
    after: str | None


@record
class Change:
    """A key whose value a release replaces (lists and scalars whole; maps are edited key by key)."""

    path: Path
    value: Any


@record
class Drop:
    """A key that a release removes."""

    path: Path


Edit: TypeAlias = Add | Change | Drop
# ((major, minor, patch), edits of that release), oldest first.
History: TypeAlias = tuple[tuple[tuple[int, int, int], tuple[Edit, ...]], ...]


def copy_plain(value: Any) -> Any:
    """A deep copy of plain values (dict/list/scalars); about 10x faster than ``copy.deepcopy``."""
    kind = type(value)
    if kind is dict:
        return {key: copy_plain(item) for key, item in value.items()}
    if kind is list:
        return [copy_plain(item) for item in value]
    return value


def replay(base: dict[str, Any], history: History, until: tuple[int, int, int]) -> dict[str, Any]:
    """The values of release ``until``: ``base`` with every edit of the releases up to ``until`` applied.

    ``base`` and the history are not modified; the result shares nothing with them.
    """
    tree: dict[str, Any] = copy_plain(base)
    for release, edits in history:
        if release > until:
            break
        apply_edits(tree, edits)
    return tree


def apply_edits(tree: dict[str, Any], edits: Iterable[Edit]) -> None:
    """Apply edits in order to ``tree`` in place; a stale edit (wrong path) raises ``KeyError``."""
    for edit in edits:
        parent = _parent(tree, edit.path)
        key = edit.path[-1]
        if isinstance(edit, Drop):
            del parent[key]
        elif isinstance(edit, Change):
            if key not in parent:
                raise KeyError(f"no key {'.'.join(edit.path)} to change")
            parent[key] = copy_plain(edit.value)
        else:
            if key in parent:
                raise KeyError(f"key {'.'.join(edit.path)} already exists")
            items = list(parent.items())
            index = 0 if edit.after is None else [name for name, _ in items].index(edit.after) + 1
            items.insert(index, (key, copy_plain(edit.value)))
            parent.clear()
            parent.update(items)


def _parent(tree: dict[str, Any], path: Path) -> dict[str, Any]:
    node = tree
    for key in path[:-1]:
        node = node[key]
    return node
