"""The pure-Python clean-case check agrees with jsonschema_rs over every 0.20+ release's schema.

Wherever the check is sure (it raises no ``_Unsure``), its verdict equals jsonschema_rs's Draft7Validator,
valid and invalid alike; ``is_clean`` is True only for values jsonschema_rs accepts. Inputs: values drawn
near each release's schema (right and wrong types, unknown keys, nulls, nested maps and lists, StrBool
words, patterns), random edits of each release's defaults, and every YAML file the tests and examples lint.
"""

from __future__ import annotations

import functools
import random
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.modern.values_gen import FOREIGN_KEYS, SCALARS, generate
from vcvalues.core.chart import resolve_modern
from vcvalues.core.coalesce import coalesce
from vcvalues.core.gofmt import GoInt64
from vcvalues.core.load import load_path
from vcvalues.modern import _clean_check
from vcvalues.modern._clean_check import is_clean
from vcvalues.modern.catalog import release_defaults, release_names, release_schema
from vcvalues.modern.catalog.keys import resolve

ROOT = Path(__file__).resolve().parents[3]
RELEASES = release_names()
STRINGS = ["", "a", "auto", "true", "false", "ab-c", "a-", "AB", "a\n", "x.y", "é", "512Mi", "0.0.0.0/0"]


@functools.cache
def _validator(release: str) -> Any:
    return jsonschema_rs.Draft7Validator(release_schema(resolve_modern(release)))


def _verdict(release: str, values: Any) -> bool | None:
    """The check's own verdict; None where it is not sure."""
    schema = release_schema(resolve_modern(release))
    try:
        _clean_check._plain(values)
        return _clean_check._valid(schema, values, schema)
    except _clean_check._Unsure:
        return None


def _agrees(release: str, values: Any) -> bool | None:
    """Assert the check agrees with jsonschema_rs; returns the check's verdict (None: not sure)."""
    expected = _validator(release).is_valid(values)
    verdict = _verdict(release, values)
    if verdict is not None:
        assert verdict == expected, (release, values)
    assert is_clean(values, release_schema(resolve_modern(release))) == (verdict is True)
    return verdict


@st.composite
def _near(draw: st.DrawFn, schema: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """A value shaped like ``node`` wants, with now and then a wrong type, a null or an unknown key."""
    node = resolve(schema, node)
    if depth > 5 or not isinstance(node, dict) or draw(st.integers(0, 11)) == 0:
        return draw(st.sampled_from(SCALARS) | st.sampled_from(STRINGS))
    branches = node.get("oneOf") or node.get("anyOf") or node.get("allOf")
    if branches and draw(st.booleans()):
        return draw(_near(schema, draw(st.sampled_from(branches)), depth + 1))
    wanted = node.get("type")
    if wanted == "object" or "properties" in node:
        properties = node.get("properties", {})
        keys = (
            draw(st.lists(st.sampled_from(sorted(properties)), max_size=4, unique=True)) if properties else []
        )
        out = {key: draw(_near(schema, properties[key], depth + 1)) for key in keys}
        extra = node.get("additionalProperties", True)
        if (extra is not False or node.get("patternProperties")) and draw(st.booleans()):
            sub = (
                extra
                if isinstance(extra, dict)
                else next(iter(node.get("patternProperties", {}).values()), {})
            )
            out[draw(st.sampled_from(["x", "my-key", "a.b"]))] = draw(_near(schema, sub, depth + 1))
        if draw(st.integers(0, 5)) == 0:
            out[draw(st.sampled_from(FOREIGN_KEYS))] = draw(st.sampled_from(SCALARS))
        return out
    if wanted == "array":
        items = node.get("items", True)
        return [draw(_near(schema, items, depth + 1)) for _ in range(draw(st.integers(0, 2)))]
    if wanted == "integer":
        return draw(st.integers(-3, 3) | st.sampled_from([1.0, 1.5, True, 2**40]))
    if wanted == "boolean":
        return draw(st.booleans())
    return draw(st.sampled_from(STRINGS) | st.text(max_size=4))


@st.composite
def _release_and_values(draw: st.DrawFn) -> tuple[str, Any]:
    release = draw(st.sampled_from(RELEASES))
    schema = release_schema(resolve_modern(release))
    user = draw(_near(schema, schema))
    if isinstance(user, dict) and draw(st.booleans()):
        return release, coalesce(user, release_defaults(resolve_modern(release)))
    return release, user


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_release_and_values())
def test_the_check_agrees_with_jsonschema_rs_near_every_release_schema(case: tuple[str, Any]) -> None:
    _agrees(*case)


@st.composite
def _definition_and_value(draw: st.DrawFn) -> tuple[str, str, Any]:
    release = draw(st.sampled_from(RELEASES))
    schema = release_schema(resolve_modern(release))
    name = draw(st.sampled_from(sorted(schema["definitions"])))
    return release, name, draw(_near(schema, schema["definitions"][name]))


@functools.cache
def _definition_validator(release: str, name: str) -> Any:
    definitions = release_schema(resolve_modern(release))["definitions"]
    return jsonschema_rs.Draft7Validator(
        {"definitions": definitions, "allOf": [{"$ref": f"#/definitions/{name}"}]}
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_definition_and_value())
def test_the_check_agrees_with_jsonschema_rs_on_every_definition(case: tuple[str, str, Any]) -> None:
    # deep structs (required keys, patterns, minLength) are rarely reached from the root: start at each
    release, name, value = case
    schema = release_schema(resolve_modern(release))
    try:
        _clean_check._plain(value)
        verdict = _clean_check._valid({"$ref": f"#/definitions/{name}"}, value, schema)
    except _clean_check._Unsure:
        return
    assert verdict == _definition_validator(release, name).is_valid(value), (release, name, value)


# Hand-written schemas for what the catalogue's schemas leave undecided (overlapping oneOf branches, a
# boolean where an integer is wanted, ...): every keyword of the subset, judged as jsonschema_rs judges.
SYNTHETIC: list[dict[str, Any]] = [
    {"type": "integer"},
    {"type": ["string", "boolean"]},
    {"oneOf": [{"type": "object"}, {"properties": {"a": {"type": "string"}}}]},
    {"anyOf": [{"type": "string", "minLength": 2}, {"type": "array", "items": {"type": "integer"}}]},
    {
        "allOf": [
            {"required": ["a"]},
            {"properties": {"a": {"type": "boolean"}}, "additionalProperties": False},
        ]
    },
    {"patternProperties": {"^x": {"type": "string"}}, "additionalProperties": {"type": "integer"}},
    {"type": "object", "properties": {"n": {"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "minLength": 1}}},
    {"items": False},
    {"properties": {"a": False, "b": True}},
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([1.0, 1.5]) | st.sampled_from(STRINGS),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "n", "x1", "y"]), inner, max_size=3)
    ),
    max_leaves=8,
)


SAMPLES: list[Any] = [
    *SCALARS,
    *STRINGS,
    1.0,
    {"a": True},
    {"a": "x"},
    {"a": True, "b": 1},
    {"x1": "s", "y": 2},
    {"x1": 1},
    {"y": "s"},
    {"n": "ab-c"},
    {"n": ""},
    {"n": "a-"},
    [1, 2],
    [1, "a"],
]


def _judged_alike(schema: dict[str, Any], value: Any) -> None:
    try:
        verdict = _clean_check._valid(schema, value, schema)
    except _clean_check._Unsure:
        return
    assert verdict == jsonschema_rs.Draft7Validator(schema).is_valid(value), (schema, value)


@pytest.mark.parametrize("schema", SYNTHETIC, ids=str)
def test_each_keyword_is_judged_as_jsonschema_rs_judges_it(schema: dict[str, Any]) -> None:
    for value in SAMPLES:
        _judged_alike(schema, value)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SYNTHETIC), JSON_VALUES)
def test_each_keyword_is_judged_alike_on_drawn_values(schema: dict[str, Any], value: Any) -> None:
    _judged_alike(schema, value)


def test_edits_of_every_release_defaults_are_judged_as_jsonschema_rs_judges_them() -> None:
    verdicts: list[bool | None] = []
    for release in RELEASES:
        defaults = release_defaults(resolve_modern(release))
        verdicts.append(_agrees(release, defaults))
        rng = random.Random(f"clean-{release}")
        for _ in range(10):
            verdicts.append(_agrees(release, coalesce(generate(defaults, rng), defaults)))
    assert verdicts[0] is True  # every release's defaults are valid, and the check sees it
    assert verdicts.count(None) <= len(verdicts) // 10, "the check should rarely be unsure"
    assert verdicts.count(True) > 0 and verdicts.count(False) > 0


# every example file that holds a map of values (a few hold pods or lists: not values)
LINTED = [
    path
    for path in sorted([*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/examples/**/*.yaml")])
    if isinstance(load_path(path).data, dict)
]


@pytest.mark.parametrize("path", LINTED, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_linted_files_are_judged_as_jsonschema_rs_judges_them(path: Path) -> None:
    loaded = load_path(path)
    assert isinstance(loaded.data, dict)
    for release in ("0.20.0", "0.31.0", "0.36.1"):
        _agrees(release, coalesce(loaded.data, release_defaults(resolve_modern(release))))
        _agrees(release, loaded.data)


@pytest.mark.parametrize(
    "values",
    [
        {"sync": {1: "a"}},
        {"serviceCIDR": "x", "pro": GoInt64(1)},
        {"serviceCIDR": ("a",)},
        {"telemetry": {"enabled": float("nan")}},
        {"global": 2**64},
        {"global": "\ud800"},
    ],
)
def test_what_jsonschema_rs_reads_differently_is_left_to_it(values: dict[str, Any]) -> None:
    assert _verdict("0.36.1", values) is None
    assert not is_clean(values, release_schema(resolve_modern("0.36.1")))


def test_a_newline_before_the_end_of_a_pattern_match_is_left_to_jsonschema_rs() -> None:
    # Python's $ matches before a final newline, ECMA's and Rust's do not
    assert _clean_check._string_valid({"pattern": "^a$"}, "a") is True
    with pytest.raises(_clean_check._Unsure):
        _clean_check._string_valid({"pattern": "^a$"}, "a\n")
