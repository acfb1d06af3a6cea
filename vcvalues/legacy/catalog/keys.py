"""Which keys a legacy chart knows: the tree behind the ``unknown-key`` check.

A chart knows every key of its default values plus the keys its templates read without a default
(``_template_keys.TEMPLATE_KEYS``). Some maps are *open*: their keys are the user's to choose (labels,
annotations, quota entries, plugins) or belong to a Kubernetes type the chart passes through (security
contexts, affinity, resource limits/requests); nothing under an open map is reported. Lists and scalars
are leaves: the items of a list are not checked here.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from vcvalues.core._record import record
from vcvalues.legacy.catalog.defaults import built_defaults
from vcvalues.legacy.chart import ChartRef


class KeyKind(enum.StrEnum):
    """What sits at a key."""

    MAP = "map"
    """A map whose keys the chart defines: ``children`` lists every key it knows."""
    OPEN = "open"
    """A map whose keys the user chooses (or a Kubernetes type): nothing under it is reported."""
    LEAF = "leaf"
    """A scalar or a list: no keys below it."""


@record
class KeyTree:
    """One node of the known-key tree; the root stands for the whole values file.

    Attributes:
        kind: map, open map or leaf.
        children: the known keys below a ``MAP`` node (empty for ``OPEN`` and ``LEAF``), read-only.
    """

    kind: KeyKind
    children: Mapping[str, KeyTree] = MappingProxyType({})  # read-only: one empty map serves every leaf

    def lookup(self, path: Sequence[str]) -> KeyTree | None:
        """The node at ``path`` below this one, or ``None`` when the chart does not know that path
        (unknown, or under an open map or a leaf)."""
        node: KeyTree | None = self
        for key in path:
            if node is None:
                return None
            node = node.children.get(key)
        return node

    def known_keys(self) -> frozenset[str] | None:
        """The keys of a ``MAP`` node; ``None`` for an open map or a leaf (anything goes)."""
        return frozenset(self.children) if self.kind is KeyKind.MAP else None

    def paths(self, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
        """Every known key path below this node, parents before children."""
        for key, child in self.children.items():
            path = (*prefix, key)
            yield path
            yield from child.paths(path)


def key_tree(ref: ChartRef) -> KeyTree:
    """The keys chart ``ref`` knows (cached per chart; the tree is immutable).

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    return _key_tree(ref)


def known_child_keys(ref: ChartRef, path: Sequence[str]) -> frozenset[str] | None:
    """The keys chart ``ref`` knows directly under ``path`` (``()`` = top level).

    Returns ``None`` when they are free-form or unknown: ``path`` is an open map, a leaf, under one of
    those, or not a key the chart knows.
    """
    node = _key_tree(ref).lookup(path)
    return None if node is None else node.known_keys()


@functools.cache
def _key_tree(ref: ChartRef) -> KeyTree:
    from vcvalues.legacy.catalog import _template_keys as data

    root = _from_value(built_defaults(ref), (), data.OPEN_NAMES, data.OPEN_PATHS, data.RESOURCES_KEYS)
    version = ref.version.triple
    for item in data.TEMPLATE_KEYS:
        if ref.distro.value in item.distros.split() and item.since <= version <= (item.until or version):
            _insert(root, tuple(item.path.split(".")), item.kind)
    sync = root.children.get("sync")
    if sync is not None and sync.kind is KeyKind.MAP:
        for name in data.SYNC_CONTROLLERS:
            _insert(sync, (name, "enabled"), KeyKind.LEAF)
    return _freeze(root)


class _Node:
    __slots__ = ("children", "kind")

    def __init__(self, kind: KeyKind) -> None:
        self.kind = kind
        self.children: dict[str, _Node] = {}


def _from_value(
    value: Any,
    path: tuple[str, ...],
    open_names: frozenset[str],
    open_paths: frozenset[str],
    resources_keys: Mapping[str, KeyKind],
) -> _Node:
    if not isinstance(value, dict):
        return _Node(KeyKind.LEAF)
    name = path[-1] if path else ""
    if name in open_names or ".".join(path) in open_paths:
        return _Node(KeyKind.OPEN)
    node = _Node(KeyKind.MAP)
    for key, item in value.items():
        node.children[key] = _from_value(item, (*path, key), open_names, open_paths, resources_keys)
    if name == "resources":
        for key, kind in resources_keys.items():
            node.children[key] = _Node(kind)
    return node


def _insert(root: _Node, path: tuple[str, ...], kind: KeyKind) -> None:
    node = root
    for key in path[:-1]:
        if node.kind is not KeyKind.MAP:
            return  # under an open map or a leaf: already covered
        node = node.children.setdefault(key, _Node(KeyKind.MAP))
        if node.kind is KeyKind.LEAF:
            node.kind = KeyKind.MAP  # a template reads keys below a null/scalar default
    if node.kind is not KeyKind.MAP:
        return
    existing = node.children.get(path[-1])
    if existing is None:
        node.children[path[-1]] = _Node(kind)
    elif kind is not KeyKind.LEAF and existing.kind is KeyKind.LEAF:
        existing.kind = kind


def _freeze(node: _Node) -> KeyTree:
    if node.kind is not KeyKind.MAP:
        return KeyTree(node.kind)
    children = {key: _freeze(child) for key, child in node.children.items()}
    return KeyTree(KeyKind.MAP, MappingProxyType(children))
