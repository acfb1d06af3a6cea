"""Shared Hypothesis strategies: plain value trees (as Helm holds values) and values shaped by a JSON schema.

Plain values are what every library function takes: dict/list/str/bool/None/int/float, string keys.
``schema_values`` draws values that mostly fit a (draft-07, our subset) JSON schema and sometimes do not:
at every node it may put an arbitrary plain value instead, so both sides of a validator get exercised.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

KEY_TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC-_./0123456789", min_size=1, max_size=12)
plain_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
plain_values: st.SearchStrategy[Any] = st.recursive(
    plain_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(KEY_TEXT, children, max_size=3),
    ),
    max_leaves=6,
)
# Maps as a values file holds them at the top: string keys, any plain values.
plain_maps = st.dictionaries(KEY_TEXT, plain_values, max_size=4)

# Quantity-like strings that are close to valid (suffixes, signs, exponents, whitespace, typos).
quantity_texts = st.one_of(
    st.from_regex(
        r"[+-]?([0-9]{1,4}(\.[0-9]{0,3})?|\.[0-9]{1,3})([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]{1,2})?",
        fullmatch=True,
    ),
    st.sampled_from(
        ["20GB", "1K", "10 Gi", "Ki", "", ".", "1e", "1.5.5", "-", "1Gi\n", "0x10", "1ki", "1E", "+.5m"]
    ),
)

_NOISE_WEIGHT = 6  # one node in about seven gets an arbitrary value instead of a fitting one
_MAX_DEPTH = 6


def schema_values(schema: dict[str, Any], *, max_properties: int = 6) -> st.SearchStrategy[Any]:
    """Values for a JSON schema that mostly fit it (and sometimes not, at any depth).

    Args:
        schema: a root schema; ``$ref`` resolves against its ``definitions``.
        max_properties: at most this many optional properties are drawn per object.
    """
    return _node(schema, schema.get("definitions", {}), 0, max_properties)


def _node(schema: Any, definitions: dict[str, Any], depth: int, width: int) -> st.SearchStrategy[Any]:
    fitting = _fitting(schema, definitions, depth, width)
    if depth == 0:
        return fitting
    return st.one_of(*([fitting] * _NOISE_WEIGHT), plain_values)


def _fitting(schema: Any, definitions: dict[str, Any], depth: int, width: int) -> st.SearchStrategy[Any]:
    if schema is True or schema == {}:
        return plain_values
    if schema is False:
        return st.nothing()
    if "$ref" in schema:
        return _fitting(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions, depth, width)
    if "allOf" in schema:
        return _fitting(schema["allOf"][0], definitions, depth, width)
    if "anyOf" in schema:
        return st.one_of([_fitting(option, definitions, depth, width) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    types = schema.get("type")
    names = types if isinstance(types, list) else [types] if types else ["object"]
    return st.one_of([_typed(name, schema, definitions, depth, width) for name in names])


def _typed(name: str, schema: dict[str, Any], definitions: dict[str, Any], depth: int, width: int) -> Any:
    if name == "null":
        return st.none()
    if name == "boolean":
        return st.booleans()
    if name == "string":
        return quantity_texts if "pattern" in schema else st.text(max_size=10)
    if name == "number":
        return st.one_of(st.integers(-(10**7), 10**7), st.floats(allow_nan=False, allow_infinity=False))
    if name == "integer":
        low, high = schema.get("minimum", -(2**40)), schema.get("maximum", 2**40)
        near = st.integers(min_value=low - 2, max_value=min(high, low + 5000) + 2)
        edge = st.sampled_from([low - 1, low, high, high + 1])
        return st.one_of(near, edge, near.map(float))
    if name == "array":
        items = schema.get("items", {})
        return st.lists(_node(items, definitions, depth + 1, width), max_size=3)
    return _object(schema, definitions, depth, width)


def _object(schema: dict[str, Any], definitions: dict[str, Any], depth: int, width: int) -> Any:
    if depth >= _MAX_DEPTH:
        return st.just({})
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", ()))
    fixed = {key: _node(properties[key], definitions, depth + 1, width) for key in required}
    optional = {
        key: _node(sub, definitions, depth + 1, width)
        for key, sub in properties.items()
        if key not in required
    }
    chosen = (
        st.lists(st.sampled_from(list(optional)), unique=True, max_size=width) if optional else st.just([])
    )
    objects = chosen.flatmap(
        lambda keys: st.fixed_dictionaries({**fixed, **{key: optional[key] for key in keys}})
    )
    extra = schema.get("additionalProperties", True)
    if extra is False:
        return objects
    extra_values = st.dictionaries(
        KEY_TEXT, _node(extra if isinstance(extra, dict) else {}, definitions, depth + 1, width), max_size=3
    )
    return st.tuples(objects, extra_values).map(lambda pair: {**pair[1], **pair[0]})
