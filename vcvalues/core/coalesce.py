"""Helm's merge of values: several -f files, then --set, then coalescing onto the chart defaults.

Source read: helm/helm v3.21.4 pkg/cli/values/options.go (MergeValues, mergeMaps) and
pkg/chartutil/coalesce.go (coalesceValues, coalesceTablesFullKey).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath


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


def _file_merger() -> Any:
    # mergeMaps: maps merge recursively, anything else (lists included) is replaced by the later file.
    # deepmerge's always_merger would append lists, which Helm never does.
    from deepmerge import Merger

    return Merger([(dict, ["merge"]), (list, ["override"])], ["override"], ["override"])


def merge_files(documents: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Merge -f files left to right as Helm's ``mergeMaps``: the later file wins, maps merge."""
    merged: dict[str, Any] = {}
    merger = None
    for document in documents:
        if not merged:
            merged = copy_values(document)
            continue
        merger = merger or _file_merger()
        merger.merge(merged, copy_values(document))
    return merged


def with_deletions(
    values: dict[str, Any], deleted: Iterable[KeyPath], defaults: dict[str, Any]
) -> dict[str, Any]:
    """The effective values as a document that coalesces back onto ``defaults`` to exactly ``values``.

    A key a user null deleted is written as null (so it is deleted again). A top-level null the
    chart itself defaults is left out: written out, a top-level null would delete it.
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


def copy_values(value: Any) -> Any:
    """A deep copy of plain values (dicts and lists rebuilt, scalars shared)."""
    if isinstance(value, dict):
        return {k: copy_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_values(v) for v in value]
    return value


def coalesce(
    user: dict[str, Any],
    defaults: dict[str, Any],
    *,
    on_conflict: Callable[[TypeConflict], None] | None = None,
    on_delete: Callable[[KeyPath], None] | None = None,
) -> dict[str, Any]:
    """The values the templates see: ``user`` coalesced onto ``defaults`` (both left untouched).

    Top level (coalesceValues): a user null removes a key the chart has; a user map over a chart
    non-map, or a user non-map over a chart map, keeps the user value. Below it
    (coalesceTablesFullKey): a user null removes a default only where the default is not null,
    and a null the chart itself has, or a user null for a key the chart lacks, stays null.
    """
    report = on_conflict or (lambda conflict: None)
    deleted = on_delete or (lambda path: None)
    result: dict[str, Any] = copy_values(user)
    for key, default in defaults.items():
        if key not in result:
            result[key] = copy_values(default)
            continue
        value = result[key]
        if value is None:
            del result[key]
            deleted((key,))
        elif isinstance(value, dict):
            if isinstance(default, dict):
                _coalesce_table(value, default, (key,), report, deleted)
            elif default is not None:
                report(TypeConflict((key,), True, default))
        elif isinstance(default, dict):
            report(TypeConflict((key,), False, default))
    return result


def _coalesce_table(
    dst: dict[str, Any],
    src: dict[str, Any],
    path: KeyPath,
    report: Callable[[TypeConflict], None],
    deleted: Callable[[KeyPath], None],
) -> None:
    for key, default in src.items():
        here = (*path, key)
        if key not in dst:
            dst[key] = copy_values(default)
            continue
        value = dst[key]
        if value is None:
            if default is not None:
                del dst[key]
                deleted(here)
        elif isinstance(default, dict):
            if isinstance(value, dict):
                _coalesce_table(value, default, here, report, deleted)
            else:
                report(TypeConflict(here, False, default))
        elif isinstance(value, dict) and default is not None:
            report(TypeConflict(here, True, default))
