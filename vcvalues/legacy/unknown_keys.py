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
from vcvalues.legacy.chart import ChartRef

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


def known_elsewhere(path: KeyPath, chart: ChartRef) -> str | None:
    """A hint when another release of the same distro, or another distro of the same release, knows
    ``path``: values written for another chart are the likelier mistake than a typo."""
    from vcvalues.legacy.catalog import key_tree
    from vcvalues.legacy.chart import LEGACY_RELEASES, ChartVersion, Distro

    keys = [str(part) for part in path]
    releases = [
        ChartVersion(*triple)
        for triple in LEGACY_RELEASES
        if key_tree(ChartRef(chart.distro, ChartVersion(*triple))).lookup(keys) is not None
    ]
    if releases:
        span = f"{releases[0]}" if releases[0] == releases[-1] else f"{releases[0]} to {releases[-1]}"
        name = f"the {chart.distro.value} chart"
        if releases[-1] < chart.version:
            return f"{name} read it in {span} only: lint with --chart-version {releases[-1]}, or drop it"
        if releases[0] > chart.version:
            return f"{name} reads it from {releases[0]} on: lint with --chart-version {releases[0]}"
        return f"{name} reads it in {span} but not in {chart.version}"
    distros = [
        d.value
        for d in Distro
        if d is not chart.distro and key_tree(ChartRef(d, chart.version)).lookup(keys) is not None
    ]
    if not distros:
        return None
    charts = " and ".join(distros)
    return (
        f"this is a key of the {charts} chart{'s' if len(distros) > 1 else ''} {chart.version}, "
        f"not {chart.distro.value}: lint with --distro {distros[0]}"
    )


__all__ = ["find_unknown_keys", "known_elsewhere", "suggest"]
