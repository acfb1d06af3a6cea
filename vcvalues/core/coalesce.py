"""Helm's merge of values: several -f files, then --set, then coalescing onto the chart defaults.

Source read: helm/helm v3.21.4 pkg/cli/values/options.go (MergeValues, mergeMaps) and
pkg/chartutil/coalesce.go (coalesceValues, coalesceTablesFullKey); the Helm 4.2 behaviour (null
defaults dropped) measured with helm-python-sdk (Helm v4.2.3's SDK, ``Chart.merge_values``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath

HELM_MAJORS = (3, 4)
# Helm 4.2 drops the chart's null defaults the user did not set (4.0 and 4.1 still kept them).
HELM_DROPS_DEFAULT_NULLS = 4


@record
class TypeConflict:
    """A user value and a chart default where one is a map and the other is not; the user value wins.

    Attributes:
        path: where the two meet.
        user_is_map: the user gave a map over a default scalar or list (else a non-map over a default map).
        default: the chart default that was skipped.
    """

    path: KeyPath
    user_is_map: bool
    default: Any


def merge_files(documents: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Merge -f files left to right as Helm's ``mergeMaps``: the later file wins, maps merge.

    Lists are replaced, never appended. Iterative, so any nesting the reader accepts merges.
    """
    merged: dict[str, Any] = {}
    for document in documents:
        stack: list[tuple[dict[str, Any], dict[str, Any]]] = [(merged, document)]
        while stack:
            into, source = stack.pop()
            for key, value in source.items():
                current = into.get(key)
                if isinstance(value, dict) and isinstance(current, dict):
                    stack.append((current, value))
                else:
                    into[key] = copy_values(value)
    return merged


def with_deletions(
    values: dict[str, Any], deleted: Iterable[KeyPath], defaults: dict[str, Any]
) -> dict[str, Any]:
    """The effective values as a document that coalesces back onto ``defaults`` to exactly ``values``.

    A key a user null deleted is written as null (so it is deleted again). A top-level null the
    chart itself defaults is left out: written out, a top-level null would delete it. This holds for
    both Helm lines: under Helm 4 a null left in ``values`` is one the user set, and stays set.
    """
    out: dict[str, Any] = {
        key: copy_values(value) for key, value in values.items() if not (value is None and key in defaults)
    }
    for path in deleted:
        node: Any = out
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and path[-1] not in node:
            node[path[-1]] = None
    return out


def copy_values(value: Any, *, drop_nulls: bool = False) -> Any:
    """A deep copy of plain values (dicts and lists rebuilt, scalars shared); iterative.

    Args:
        value: plain data.
        drop_nulls: leave out map entries whose value is null (at any depth).
    """
    if not isinstance(value, (dict, list)):
        return value
    root: Any = {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        source, target = stack.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, item in items:
            if item is None and drop_nulls and isinstance(source, dict):
                continue
            if isinstance(item, (dict, list)):
                child: Any = {} if isinstance(item, dict) else []
                stack.append((item, child))
            else:
                child = item
            if isinstance(target, dict):
                target[key] = child
            else:
                target.append(child)
    return root


def coalesce(
    user: dict[str, Any],
    defaults: dict[str, Any],
    *,
    helm_major: int = 3,
    on_conflict: Callable[[TypeConflict], None] | None = None,
    on_delete: Callable[[KeyPath], None] | None = None,
) -> dict[str, Any]:
    """The values the templates see: ``user`` coalesced onto ``defaults`` (both left untouched).

    Top level (coalesceValues): a user null removes a key the chart has; a user map over a chart
    non-map, or a user non-map over a chart map, keeps the user value. Below it
    (coalesceTablesFullKey): a user null removes a default only where the default is not null,
    and a null the chart itself has, or a user null for a key the chart lacks, stays null.

    Args:
        user: the user's merged values (files, then --set).
        defaults: the chart's values.yaml.
        helm_major: 3 (Helm 3.x and 4.0/4.1): a null default the user did not set stays null;
            4 (Helm >= 4.2): such a null is dropped, as if the chart did not have the key.
        on_conflict: called for each map/non-map conflict (the user value wins).
        on_delete: called with each key path a user null deleted.
    """
    report = on_conflict or (lambda conflict: None)
    deleted = on_delete or (lambda path: None)
    drop = helm_major >= HELM_DROPS_DEFAULT_NULLS
    result: dict[str, Any] = copy_values(user)
    for key, default in defaults.items():
        if key not in result:
            if not (drop and default is None):
                result[key] = copy_values(default, drop_nulls=drop)
            continue
        value = result[key]
        if value is None:
            del result[key]
            deleted((key,))
        elif isinstance(value, dict):
            if isinstance(default, dict):
                _coalesce_tables(value, default, (key,), drop, report, deleted)
            elif default is not None:
                report(TypeConflict((key,), True, default))
        elif isinstance(default, dict):
            report(TypeConflict((key,), False, default))
    return result


def _coalesce_tables(
    dst: dict[str, Any],
    src: dict[str, Any],
    path: KeyPath,
    drop: bool,
    report: Callable[[TypeConflict], None],
    deleted: Callable[[KeyPath], None],
) -> None:
    """coalesceTablesFullKey, with an explicit stack instead of recursion."""
    stack = [(dst, src, path)]
    while stack:
        into, source, prefix = stack.pop()
        for key, default in source.items():
            here = (*prefix, key)
            if key not in into:
                if not (drop and default is None):
                    into[key] = copy_values(default, drop_nulls=drop)
                continue
            value = into[key]
            if value is None:
                if default is not None:
                    del into[key]
                    deleted(here)
            elif isinstance(default, dict):
                if isinstance(value, dict):
                    stack.append((value, default, here))
                else:
                    report(TypeConflict(here, False, default))
            elif isinstance(value, dict) and default is not None:
                report(TypeConflict(here, True, default))
