"""Field types for keys the chart knows but the model does not type: closed maps, open maps, leaves.

From the catalogue's key tree (:func:`vcvalues.legacy.catalog.keys.key_tree`): a *map* node accepts a map (or
null) holding only the keys the chart knows, an *open* node accepts any map (or null), a *leaf* accepts
any value. The pydantic validator and the JSON schema of each node say the same thing.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import PlainValidator
from pydantic.json_schema import SkipJsonSchema, WithJsonSchema
from pydantic_core import PydanticCustomError

from vcvalues.core.schema_text import describe_value
from vcvalues.legacy.catalog.keys import KeyKind, KeyTree


def node_schema(node: KeyTree) -> dict[str, Any]:
    """The JSON schema of a known, untyped key.

    Args:
        node: the key's node in the catalogue's key tree.

    Returns:
        ``{}`` for a leaf; an object-or-null schema for a map, closed over the known keys unless open.
    """
    if node.kind is KeyKind.LEAF:
        return {}
    if node.kind is KeyKind.OPEN:
        return {"type": ["object", "null"], "additionalProperties": {}}
    return {
        "type": ["object", "null"],
        "properties": {key: node_schema(child) for key, child in node.children.items()},
        "additionalProperties": False,
    }


class _NodeValidator:
    """Checks one value against a key-tree node, naming the first offending key below it."""

    __slots__ = ("node",)

    def __init__(self, node: KeyTree) -> None:
        self.node = node

    def __call__(self, value: Any) -> Any:
        _check(self.node, value, ())
        return value


def _check(node: KeyTree, value: Any, below: tuple[str, ...]) -> None:
    # ``below`` (the path under the field) travels in the error context: SchemaIssue paths are complete.
    if node.kind is KeyKind.LEAF or value is None:
        return
    if not isinstance(value, dict):
        raise PydanticCustomError(
            "dict_type", "expected a map, found {found}", {"found": describe_value(value), "below": below}
        )
    if node.kind is KeyKind.OPEN:
        return
    for key, item in value.items():
        child = node.children.get(key) if isinstance(key, str) else None
        if child is None:
            raise PydanticCustomError(
                "extra_forbidden", "unknown key {key}", {"key": repr(str(key)), "below": (*below, str(key))}
            )
        _check(child, item, (*below, key))


def known_key_type(node: KeyTree) -> Any:
    """The annotation of a known, untyped key: validated against ``node``, schema from :func:`node_schema`."""
    return Annotated[Any, PlainValidator(_NodeValidator(node)), WithJsonSchema(node_schema(node))]


def _reject(value: Any) -> Any:
    raise PydanticCustomError("extra_forbidden", "this chart version and distro have no such key")


ABSENT_DESCRIPTION = "not a key of this chart"  # marks ABSENT_TYPE fields (never in a schema)
# A typed key the chart at hand does not have (nodeProxyPermission before 0.15.1, syncer.securityContext
# on k3s): left out of the schema, refused by the model, always None on the object.
ABSENT_TYPE: Any = SkipJsonSchema[Annotated[Any, PlainValidator(_reject)]]  # type: ignore[misc]
