"""The ``unknown-key`` check: keys the chart does not know, with a did-you-mean.

Under Helm a misspelt key is silently ignored: ``isolaton:`` leaves isolation off. The known keys come
from the chart catalogue (``vcvalues.legacy.catalog.key_tree``); maps whose keys the user chooses are open.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.suggest import suggest
from vcvalues.legacy.catalog.keys import KeyKind, KeyTree

# Keys Helm hands every chart that is used as a subchart.
_ALWAYS_KNOWN = frozenset({"global", "enabled"})


def find_unknown_keys(values: dict[str, Any], tree: KeyTree) -> Iterator[tuple[KeyPath, str | None]]:
    """Each unknown key path in ``values`` with a suggestion (a known key at the same level) or None."""
    yield from _walk(values, tree, ())


def _walk(values: dict[str, Any], tree: KeyTree, path: KeyPath) -> Iterator[tuple[KeyPath, str | None]]:
    known = tree.children
    for key, value in values.items():
        child = known.get(key)
        if child is None:
            if not path and key in _ALWAYS_KNOWN:
                continue
            yield (*path, key), suggest(key, known)
        elif child.kind is KeyKind.MAP and isinstance(value, dict):
            yield from _walk(value, child, (*path, key))


__all__ = ["find_unknown_keys", "suggest"]
