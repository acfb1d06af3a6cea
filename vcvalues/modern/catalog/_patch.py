"""Patches between two JSON-like trees: the catalogue stores older releases as changes to newer ones."""

from __future__ import annotations

import copy
from typing import Any

# One change: ["set", [key, ...], value] or ["del", [key, ...]].
Patch = list[list[Any]]


def diff(base: Any, target: Any, path: tuple[str, ...] = ()) -> Patch:
    """The changes that turn ``base`` into ``target`` (maps recurse; anything else is replaced)."""
    if isinstance(base, dict) and isinstance(target, dict):
        out: Patch = []
        for key in base:
            if key not in target:
                out.append(["del", [*path, key]])
        for key, value in target.items():
            if key not in base:
                out.append(["set", [*path, key], value])
            else:
                out.extend(diff(base[key], value, (*path, key)))
        return out
    if base == target and type(base) is type(target):
        return []
    return [["set", list(path), target]]


def apply(tree: Any, patch: Patch) -> Any:
    """``tree`` with ``patch`` applied (``tree`` is not modified)."""
    return apply_in_place(copy.deepcopy(tree), patch)


def apply_in_place(out: Any, patch: Patch) -> Any:
    """``out`` changed by ``patch`` (values from the patch are copied); returns the new root."""
    for change in patch:
        op, path = change[0], change[1]
        if not path:
            out = copy.deepcopy(change[2])
            continue
        node = out
        for key in path[:-1]:
            node = node[key]
        if op == "del":
            del node[path[-1]]
        else:
            node[path[-1]] = copy.deepcopy(change[2])
    return out


def apply_sharing(tree: Any, patch: Patch) -> Any:
    """``tree`` with ``patch`` applied, sharing every untouched branch with ``tree`` (not modified).

    Only the maps along each changed path are copied, so rebuilding an old release from a newer one
    costs the size of the change, not of the tree. The result must be treated as read-only.
    """
    copied: set[int] = set()
    root = tree
    for change in patch:
        op, path = change[0], change[1]
        if not path:
            root = change[2]
            continue
        if id(root) not in copied:
            root = dict(root)
            copied.add(id(root))
        node = root
        for key in path[:-1]:
            child = node[key]
            if id(child) not in copied:
                child = dict(child)
                copied.add(id(child))
                node[key] = child
            node = child
        if op == "del":
            del node[path[-1]]
        else:
            node[path[-1]] = change[2]
    return root
