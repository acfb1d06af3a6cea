"""Validate values against the schema of their chart, fast (the ``lint`` path: no pydantic, no jsonschema).

Finds what the chart's exported schema (:func:`vcvalues.legacy.schema.export_schema`) finds, from two parts:

- ``vcvalues/legacy/schemas/typed-values.json``: the typed keys of every chart, generated from the typed model
  (:func:`vcvalues.legacy.schema.typed_schema`) and committed; validated with jsonschema_rs, compiled once;
- the catalogue's key tree of the chart at hand: which keys exist there, and which must hold a map.

Unknown keys in maps whose keys the chart defines are *not* reported, nor problems below them: the
``unknown-key`` check reports those from the catalogue, with a did-you-mean. Unknown keys inside typed
Kubernetes objects (a security context, a scope requirement) are reported, since the catalogue leaves
those maps open.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.schema_issues import InvalidValuesError, SchemaIssue
from vcvalues.core.schema_text import (
    QUANTITY_PATTERN,
    describe_options,
    describe_types,
    describe_value,
    located,
    quantity_problem,
)
from vcvalues.legacy.catalog.keys import KeyKind, KeyTree
from vcvalues.legacy.chart import ChartRef

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "schemas")  # no pathlib on a lint
TYPED_SCHEMA = "typed-values.json"
# Keys Helm gives every chart used as a subchart (an umbrella's shared values, its condition).
ROOT_KEYS = frozenset({"global", "enabled"})

__all__ = ["ROOT_KEYS", "InvalidValuesError", "SchemaIssue", "typed_schema_path", "validate_values"]


def validate_values(values: Mapping[str, Any], ref: ChartRef) -> list[SchemaIssue]:
    """Check plain values against the schema of chart ``ref``.

    Args:
        values: plain values (dict/list/str/bool/None/int/float), usually the effective values.
        ref: the chart (distro and version).

    Returns:
        The issues, without duplicates, ordered by path; empty when the values fit.

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    from vcvalues.core._typed_values_check import is_valid
    from vcvalues.legacy.catalog.defaults import built_defaults
    from vcvalues.legacy.catalog.keys import key_tree

    context = _Context(key_tree(ref), built_defaults(ref))
    schema = _schema()
    found: dict[SchemaIssue, None] = {}
    instance = _prune(dict(values), schema, schema.get("definitions", {}), context.tree)
    # A clean file takes the fast path: a predicate generated from the schema (vcvalues.core.schema_check)
    # answers as jsonschema_rs's is_valid would, so jsonschema_rs is imported only to word the errors.
    errors: Any = ()
    if not is_valid(instance):
        validator = _validator()
        try:
            errors = list(validator.iter_errors(instance))
        except ValueError:  # jsonschema_rs: "Recursion limit reached" on deep instances (~250 levels)
            errors = list(validator.iter_errors(_clip(instance, VALIDATOR_DEPTH)))
    for error in errors:
        for issue in _translate(error, schema, context):
            if _chart_knows(context.tree, issue.path):
                found[issue] = None
    for issue in _map_issues(context.tree, values, ()):
        found[issue] = None
    return sorted(found, key=_order)


VALIDATOR_DEPTH = 64
"""Deeper containers are emptied before jsonschema_rs sees them (it refuses ~250 levels). The typed
schema is a few levels deep, so whatever it can say about a value is said above this depth: the
emptied container keeps its type (a map where a quantity belongs is still reported)."""


def _clip(node: Any, depth: int) -> Any:
    if isinstance(node, dict):
        return {k: _clip(v, depth - 1) for k, v in node.items()} if depth > 0 else {}
    if isinstance(node, list):
        return [_clip(v, depth - 1) for v in node] if depth > 0 else []
    return node


def typed_schema_path() -> Path:
    """Where the packaged typed schema is."""
    from pathlib import Path

    return Path(SCHEMA_DIR, TYPED_SCHEMA)


def _schema() -> dict[str, Any]:
    """The typed schema, as the generated check holds it (the JSON file as Python data: no json import)."""
    from vcvalues.core._typed_values_check import SCHEMA

    return SCHEMA


@functools.cache
def _validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft7Validator(_schema())


def _object_schema(node: Any, definitions: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema ``node`` stands for (through ``$ref``, ``allOf`` and ``anyOf`` wrappers)."""
    for _ in range(8):  # the generated schemas nest these wrappers at most a few levels deep
        if not isinstance(node, dict):
            return None
        if "$ref" in node:
            node = definitions.get(str(node["$ref"]).rsplit("/", 1)[-1])
        elif "properties" in node:
            return node
        elif "allOf" in node or "anyOf" in node:
            wrapped: list[Any] = node.get("allOf") or node.get("anyOf") or []
            branches = [b for b in wrapped if b != {"type": "null"}]
            if len(branches) != 1:
                return None
            node = branches[0]
        else:
            return None
    return None


def _prune(value: Any, node: Any, definitions: dict[str, Any], tree: KeyTree | None) -> Any:
    """``value`` without the keys that a map the chart defines holds but the typed schema leaves out.

    The validator would report each as an additional property, and validate_values drops those
    anyway (a known key the typed schema does not model, or an unknown key that unknown-key reports).
    Only maps the key tree calls MAP are pruned: in the open maps (Kubernetes objects such as a
    security context) an undeclared key is a real error and stays.
    """
    if not isinstance(value, dict) or tree is None or tree.kind is not KeyKind.MAP:
        return value
    schema = _object_schema(node, definitions)
    if schema is None:
        return value
    properties: dict[str, Any] = schema.get("properties", {})
    closed = schema.get("additionalProperties") is False
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in properties:
            child = tree.children.get(key) if isinstance(key, str) else None
            out[key] = _prune(item, properties[key], definitions, child)
        elif not closed:
            out[key] = item
    return out


def _order(issue: SchemaIssue) -> tuple[tuple[tuple[int, str], ...], str]:
    return tuple((1, str(key)) if isinstance(key, int) else (0, key) for key in issue.path), issue.message


def _chart_knows(tree: KeyTree, path: tuple[str | int, ...]) -> bool:
    """False when ``path`` goes through a key the chart does not have (``unknown-key`` covers it)."""
    node: KeyTree | None = tree
    for depth, key in enumerate(path):
        if node is None or node.kind is not KeyKind.MAP:
            return True  # below an open map, a leaf or a list: the schema alone decides
        if depth == 0 and key in ROOT_KEYS:
            return True
        node = node.children.get(key) if isinstance(key, str) else None
        if node is None:
            # an unknown key itself is the catalogue's; anything below it is moot
            return False
    return True


def _map_issues(tree: KeyTree, value: Any, path: tuple[str, ...]) -> Iterator[SchemaIssue]:
    """Keys the chart holds a map at (closed or open) that hold something else than a map or null."""
    if not isinstance(value, dict) or tree.kind is not KeyKind.MAP:
        return
    for key, item in value.items():
        child = tree.children.get(key) if isinstance(key, str) else None
        if child is None or child.kind is KeyKind.LEAF or item is None:
            continue
        where = (*path, key)
        if isinstance(item, dict):
            yield from _map_issues(child, item, where)
        else:
            yield SchemaIssue(where, located(where, f"expected a map, found {describe_value(item)}"))


@record
class _Context:
    tree: KeyTree  # the keys the chart knows
    defaults: dict[str, Any]  # the chart's default values (shared: never modified)

    def default_has(self, path: tuple[str | int, ...]) -> bool:
        node: Any = self.defaults
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return False
            node = node[key]
        return True


def _translate(error: Any, schema: dict[str, Any], context: _Context) -> Iterator[SchemaIssue]:
    import jsonschema_rs

    kinds = jsonschema_rs.ValidationErrorKind
    kind = error.kind
    path = tuple(error.instance_path)
    found = describe_value(error.instance)
    if isinstance(kind, kinds.AdditionalProperties):
        # the catalogue reports unknown keys of the maps it defines; the chart's own defaults are known
        if _catalogue_reports(context.tree, path):
            return
        for key in kind.unexpected:
            if not context.default_has((*path, key)):
                hint = _did_you_mean(key, schema, list(error.schema_path))
                yield SchemaIssue((*path, key), located((*path, key), f"unknown key {key!r}{hint}"))
        return
    if isinstance(kind, kinds.AnyOf):
        branches = [list(branch) for branch in kind.context]
        real = [b for b in branches if not (len(b) == 1 and _is_null_type(b[0]))]
        if len(real) == 1:  # X | null: report what is wrong with X
            for sub in real[0]:
                yield from _translate(sub, schema, context)
            return
        text = f"found {found}, which fits none of the allowed shapes"
    elif isinstance(kind, kinds.Type):
        text = f"expected {describe_types(kind.types)}, found {found}"
    elif isinstance(kind, kinds.Enum):
        text = f"expected one of {describe_options(kind.options)}, found {found}"
    elif isinstance(kind, kinds.Pattern):
        if kind.pattern == QUANTITY_PATTERN:
            text = quantity_problem(error.instance)
        else:
            text = f"expected text matching {kind.pattern}, found {found}"
    elif isinstance(kind, kinds.Minimum):
        text = f"expected at least {kind.limit}, found {found}"
    elif isinstance(kind, kinds.Maximum):
        text = f"expected at most {kind.limit}, found {found}"
    elif isinstance(kind, kinds.Required):
        path = (*path, kind.property)
        text = f"missing required key {kind.property!r}"
    else:  # keywords the generated schemas do not use; keep the validator's words
        text = str(error.message)
    yield SchemaIssue(path, located(path, text))


def _is_null_type(error: Any) -> bool:
    import jsonschema_rs

    kind = error.kind
    return isinstance(kind, jsonschema_rs.ValidationErrorKind.Type) and list(kind.types) == ["null"]


def _catalogue_reports(tree: KeyTree, path: tuple[str | int, ...]) -> bool:
    """True when the ``unknown-key`` check covers unknown keys at ``path`` (a map the chart defines)."""
    if any(not isinstance(key, str) for key in path):
        return False  # list items: the catalogue treats lists as leaves
    node = tree.lookup([str(key) for key in path])
    return node is not None and node.kind is KeyKind.MAP


def _did_you_mean(key: str, schema: dict[str, Any], schema_path: list[Any]) -> str:
    node: Any = schema
    for step in schema_path[:-1]:  # the last step is "additionalProperties"
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return ""
    names = list(node.get("properties", {})) if isinstance(node, dict) else []
    import difflib  # only to suggest a name: off the cold path

    close = difflib.get_close_matches(key, names, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
