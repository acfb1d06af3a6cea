"""The ``unknown-key`` check: keys the chart does not know, with a did-you-mean.

Under Helm a misspelt key is silently ignored: ``isolaton:`` leaves isolation off. The known keys come
from the chart catalogue (``vcvalues.legacy.catalog.key_tree``); maps whose keys the user chooses are open.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from vcvalues.core.diagnostics import KeyPath
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


def suggest(key: str, known: Any) -> str | None:
    """The closest known key, matched case-insensitively; None when nothing is close."""
    lowered: dict[str, str] = {str(k).lower(): str(k) for k in known}
    if key.lower() in lowered:
        return lowered[key.lower()]
    matches = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[matches[0]] if matches else None
