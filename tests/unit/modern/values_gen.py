"""Generated 0.20+ values for differential tests: a few random edits of a release's defaults.

Each case edits 1-3 places chosen from the release's own key tree: a value of another type, a value of the
same type, a misspelt or foreign key, a null, a legacy key, or a policies-specific value (StrBool words,
quantities). Deterministic for a seed.
"""

from __future__ import annotations

import random
from typing import Any

from vcvalues.core.coalesce import copy_values

SCALARS: list[Any] = [
    True,
    False,
    0,
    3,
    -1,
    1.5,
    1000000,
    "",
    "auto",
    "true",
    "false",
    "True",
    "yes",
    "baseline",
    "20GB",
    "512Mi",
    None,
    [],
    ["a"],
    [1],
    {},
    {"x": "y"},
    {"a": 1},
]
FOREIGN_KEYS = [
    "enabeld",
    "isolation",
    "outgoingConnections",
    "workload",
    "min",
    "privateNodes",
    "extra",
    "x-y",
]


def _maps(node: Any, path: tuple[str, ...], out: list[tuple[str, ...]]) -> None:
    if isinstance(node, dict):
        out.append(path)
        for key, value in node.items():
            _maps(value, (*path, key), out)


def _leaves(node: Any, path: tuple[str, ...], out: list[tuple[str, ...]]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _leaves(value, (*path, key), out)
    elif path:
        out.append(path)


def _put(values: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = values
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    node[path[-1]] = value


def generate(defaults: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """User values: 1-3 edits at paths of ``defaults`` (never modified)."""
    maps: list[tuple[str, ...]] = []
    leaves: list[tuple[str, ...]] = []
    _maps(defaults, (), maps)
    _leaves(defaults, (), leaves)
    policies = [p for p in leaves if p[:1] == ("policies",)]
    user: dict[str, Any] = {}
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if kind < 0.35 and policies:
            _put(user, rng.choice(policies), copy_values(rng.choice(SCALARS)))
        elif kind < 0.65:
            _put(user, rng.choice(leaves), copy_values(rng.choice(SCALARS)))
        elif kind < 0.85:
            where = rng.choice(maps)
            _put(user, (*where, rng.choice(FOREIGN_KEYS)), copy_values(rng.choice(SCALARS)))
        else:
            where = rng.choice([m for m in maps if m] or [("policies",)])
            _put(user, where, copy_values(rng.choice([None, {}, "x", 1, []])))
    return user
