"""Which keys a 0.20+ release knows, read from its values schema, and the history of a key across releases.

The upstream schema closes every struct (``additionalProperties: false``), so the keys a release knows are
exactly its schema's ``properties``; maps whose keys the user chooses have a schema (or nothing) for
``additionalProperties``. Did-you-mean suggestions and "removed in" / "added in" notes come from here.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.chart import MODERN_RELEASES, ChartVersion, ModernRef
from vcvalues.modern.catalog import release_schema

Path = Sequence[str | int]

# Keys upstream removed or renamed, with what replaces them (MODERN.md §1.4, §1.5).
REPLACED: dict[str, str] = {
    "policies.networkPolicy.outgoingConnections": "policies.networkPolicy.workload.publicEgress",
    "policies.networkPolicy.outgoingConnections.ipBlock": "policies.networkPolicy.workload.publicEgress",
    "policies.networkPolicy.outgoingConnections.platform": (
        "nothing: from 0.31.0 the control plane may always reach the platform"
    ),
    "policies.networkPolicy.extraWorkloadRules": "policies.networkPolicy.workload.egress",
    "policies.networkPolicy.extraControlPlaneRules": "policies.networkPolicy.controlPlane.egress",
    "experimental.multiNamespaceMode": "sync.toHost.namespaces",
    "experimental.syncSettings.targetNamespace": (
        "nothing: from 0.29.0 every policy object is in the release namespace"
    ),
    "experimental.isolatedControlPlane": "nothing (removed in 0.28.0)",
    "experimental.genericSync": "sync.toHost.customResources and sync.fromHost.customResources",
}


def resolve(schema: dict[str, Any], node: Any) -> Any:
    """``node`` with ``$ref`` followed (within ``schema``'s definitions)."""
    for _ in range(16):
        if not isinstance(node, dict) or "$ref" not in node:
            return node
        node = schema["definitions"][str(node["$ref"]).rsplit("/", 1)[-1]]
    return node


def child_schema(schema: dict[str, Any], node: Any, key: str | int) -> Any:
    """The schema of ``key`` below ``node`` (None: the key is not allowed there)."""
    node = resolve(schema, node)
    if not isinstance(node, dict):
        return {} if node is True else None
    if isinstance(key, int):
        items = node.get("items")
        return {} if items is True else resolve(schema, items) if items is not None else None
    if key in node.get("properties", {}):
        return resolve(schema, node["properties"][key])
    branches: list[Any] = node.get("oneOf") or node.get("anyOf") or []
    for branch in branches:
        found = child_schema(schema, branch, key)
        if found is not None:
            return found
    if node.get("patternProperties"):
        return {}
    extra = node.get("additionalProperties", True)
    if extra is False:
        return None
    return {} if extra is True else resolve(schema, extra)


def known_keys(schema: dict[str, Any], path: Path) -> list[str] | None:
    """The keys the schema names at ``path`` (None when the map there is open or not an object)."""
    node: Any = resolve(schema, schema)
    for key in path:
        node = child_schema(schema, node, key)
        if node is None:
            return None
    node = resolve(schema, node)
    if not isinstance(node, dict) or node.get("additionalProperties") is not False:
        return None
    return list(node.get("properties", {}))


def has_path(schema: dict[str, Any], path: Path) -> bool:
    """The schema declares ``path`` (list indexes step into items)."""
    node: Any = resolve(schema, schema)
    for key in path:
        node = resolve(schema, node)
        if not isinstance(node, dict):
            return False
        if isinstance(key, str) and key not in node.get("properties", {}):
            return False
        node = child_schema(schema, node, key)
        if node is None:
            return False
    return True


@record
class KeyHistory:
    """The releases that declare a key path: first and last (None: no release does)."""

    first: str | None
    last: str | None
    gap: bool  # declared, then not, then declared again


@functools.cache
def key_history(path: tuple[str | int, ...]) -> KeyHistory:
    """In which 0.20+ releases the schema declares ``path``."""
    present = [has_path(release_schema(ModernRef(ChartVersion(*r))), path) for r in MODERN_RELEASES]
    names = [".".join(map(str, r)) for r in MODERN_RELEASES]
    hits = [i for i, yes in enumerate(present) if yes]
    if not hits:
        return KeyHistory(None, None, False)
    gap = hits[-1] - hits[0] + 1 != len(hits)
    return KeyHistory(names[hits[0]], names[hits[-1]], gap)


def removal_note(path: tuple[str | int, ...], ref: ModernRef) -> tuple[str, str | None] | None:
    """(note, replacement) for a key ``ref`` lacks but another release has, e.g.
    ("removed in 0.31.0", "policies.networkPolicy.workload.publicEgress"); None if no release has it."""
    history = key_history(path)
    if history.first is None or history.last is None:
        return None
    dotted = ".".join(str(p) for p in path if isinstance(p, str))
    replacement = REPLACED.get(dotted)
    names = [".".join(map(str, r)) for r in MODERN_RELEASES]
    if ChartVersion.parse(history.last) < ref.version:
        return f"removed in {names[names.index(history.last) + 1]}", replacement
    if ChartVersion.parse(history.first) > ref.version:
        return f"added in {history.first}", replacement
    return f"declared in {history.first} - {history.last}, not in {ref.version}", replacement
