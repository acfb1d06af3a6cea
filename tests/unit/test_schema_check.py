"""The generated validity predicate answers exactly as jsonschema_rs does, on JSON data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from vcvalues.core import _typed_values_check
from vcvalues.core.schema_check import TARGETS, UnsupportedSchemaError, generate_module, render_targets
from vcvalues.legacy.validate import typed_schema_path

TYPED_SCHEMA: dict[str, Any] = json.loads(typed_schema_path().read_text(encoding="utf-8"))
RUST = jsonschema_rs.Draft7Validator(TYPED_SCHEMA)

# JSON data as the YAML reader produces it: string keys, finite floats, ints of any size
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([0, 1, -1, 0.0, -0.0, 1.0, 1.5, 2147483647, 2147483648, 2147483647.5, 2**64, 1e300])
    | st.text(max_size=8)
    | st.sampled_from(["500m", "2Gi", "1e3", "1\n", ".5", "5.", "+1Ki", "1Kii", "", "privileged", "NodePort"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)


def _compile(schema: dict[str, Any]) -> Any:
    namespace: dict[str, Any] = {}
    exec(generate_module(schema, origin="test"), namespace)  # the module text, as committed
    return namespace["is_valid"]


def _near(node: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values shaped by the schema ``node`` (mostly valid), with arbitrary JSON mixed in at every level."""
    definitions = TYPED_SCHEMA["definitions"]
    if not isinstance(node, dict) or depth > 6:
        return JSON
    if "$ref" in node:
        return st.deferred(lambda: _near(definitions[node["$ref"].rsplit("/", 1)[-1]], depth + 1))
    options: list[st.SearchStrategy[Any]] = [JSON]
    for branch in node.get("anyOf", ()):
        options.append(_near(branch, depth + 1))
    if "enum" in node:
        options.append(st.sampled_from(node["enum"]))
    if "pattern" in node:
        options.append(st.from_regex(r"\A[+-]?[0-9]{1,4}(\.[0-9]{0,2})?([KMGTPE]i?|[mk]|e[0-9])?\Z"))
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else types
    if "integer" in types:
        options.append(st.integers(min_value=-3, max_value=2**31 + 2))
    if "properties" in node or "additionalProperties" in node:
        properties = node.get("properties", {})
        fixed = {key: _near(schema, depth + 1) for key, schema in properties.items()}
        options.append(st.fixed_dictionaries({}, optional=fixed))
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            options.append(st.dictionaries(st.text(max_size=6), _near(extra, depth + 1), max_size=3))
    if "items" in node:
        options.append(st.lists(_near(node["items"], depth + 1), max_size=3))
    return st.one_of(options)


@given(_near(TYPED_SCHEMA))
@settings(max_examples=settings.default.max_examples * 6)
def test_typed_schema_predicate_agrees_with_jsonschema_rs(instance: Any) -> None:
    assert _typed_values_check.is_valid(instance) is RUST.is_valid(instance)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "isolation": _near(TYPED_SCHEMA["definitions"]["Isolation"]),
            "syncer": _near(TYPED_SCHEMA["definitions"]["Syncer"]),
            "fsGroup": _near(TYPED_SCHEMA["properties"]["fsGroup"]),
        },
    )
)
@settings(max_examples=settings.default.max_examples * 3)
def test_predicate_agrees_on_the_deep_sections(instance: Any) -> None:
    assert _typed_values_check.is_valid(instance) is RUST.is_valid(instance)


@pytest.mark.parametrize(
    ("instance", "valid"),
    [
        ({}, True),
        ({"isolation": {"enabled": True, "resourceQuota": {"quota": {"requests.cpu": "500m"}}}}, True),
        ({"isolation": {"resourceQuota": {"quota": {"requests.cpu": "1\n"}}}}, False),  # $ is not \Z in Rust
        ({"isolation": {"resourceQuota": {"quota": {"requests.cpu": 2.5}}}}, True),
        ({"isolation": {"enabled": "yes"}}, False),
        ({"isolation": {"podSecurityStandard": "strict"}}, False),
        ({"isolation": {"podSecurityStandard": None}}, True),
        ({"fsGroup": 1.0}, True),  # draft-07: an integral float is an integer
        ({"fsGroup": True}, False),  # a boolean is not a number
        ({"fsGroup": 2147483648}, False),
        ({"fsGroup": -1}, False),
        ({"replicas": 2**70}, True),
        ({"unknown": 1}, False),
        ([], False),
        (None, False),
    ],
)
def test_cases_at_the_edges(instance: Any, valid: bool) -> None:
    assert RUST.is_valid(instance) is valid
    assert _typed_values_check.is_valid(instance) is valid


SMALL_SCHEMAS: list[dict[str, Any]] = [
    {"type": "integer", "minimum": -1, "maximum": 2.5},
    {"type": ["number", "string"], "minimum": 0},
    {"minimum": 0},  # applies to numbers only
    {"enum": [1, "a", None, True, 2.5]},
    {"type": "string", "pattern": "^a+(b|c){1,2}$"},
    {"pattern": "x"},
    {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]},
    {"additionalProperties": {"type": ["array", "null"], "items": {"type": "boolean"}}},
    {"type": "array", "items": {"anyOf": [{"type": "string"}, {"$ref": "#/definitions/node"}]}},
    {"allOf": [{"type": "object"}, {"properties": {"b": False}}]},
    {
        "$ref": "#/definitions/node",
        "definitions": {
            "node": {
                "type": ["object", "null"],
                "properties": {"next": {"$ref": "#/definitions/node"}, "v": {"enum": ["x"]}},
                "additionalProperties": False,
            }
        },
    },
]


@pytest.mark.parametrize("schema", SMALL_SCHEMAS, ids=[json.dumps(s)[:40] for s in SMALL_SCHEMAS])
@given(instance=JSON)
@settings(max_examples=settings.default.max_examples * 2)
def test_every_keyword_agrees_with_jsonschema_rs(schema: dict[str, Any], instance: Any) -> None:
    schema = {"definitions": {"node": {"type": "object"}}} | schema
    assert _compile(schema)(instance) is jsonschema_rs.Draft7Validator(schema).is_valid(instance)


@pytest.mark.parametrize(
    "schema",
    [
        {"oneOf": [{"type": "string"}]},
        {"type": "string", "pattern": "^\\d+$"},  # \d: Unicode digits differ between engines
        {"pattern": "a$b"},
        {"$ref": "other.json#/x"},
        {"$ref": "#/definitions/a", "type": "string"},  # draft-07 ignores siblings of $ref
        {"items": [{"type": "string"}]},
        {"enum": [{"a": 1}]},
        {"type": "date"},
    ],
)
def test_what_the_generator_does_not_translate_is_refused(schema: dict[str, Any]) -> None:
    with pytest.raises(UnsupportedSchemaError):
        generate_module(schema | {"definitions": {"a": {}}}, origin="test")


def test_committed_modules_match_their_schemas() -> None:
    rendered = render_targets(ROOT)
    assert set(rendered) == set(TARGETS.values())
    for relative, text in rendered.items():
        assert (ROOT / relative).read_text(encoding="utf-8") == text, (
            f"{relative} is stale: run python -m vcvalues.core.schema_check"
        )


_PROBE = (
    "import sys\n"
    "from vcvalues.legacy.compile import compile_text\n"
    "result = compile_text(sys.argv[1], run_rules=True)\n"
    "schema = [d for d in result.diagnostics if d.rule_id == 'schema']\n"
    "print(len(schema), 'jsonschema_rs' in sys.modules)\n"
)


@pytest.mark.parametrize(
    ("text", "imported"),
    [("isolation:\n  enabled: true\n", "False"), ("isolation:\n  enabled: 3\n", "True")],
)
def test_jsonschema_rs_is_imported_only_to_word_errors(text: str, imported: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, text], capture_output=True, text=True, check=True, cwd=Path(ROOT)
    )
    count, loaded = done.stdout.split()
    assert loaded == imported
    assert (int(count) > 0) is (imported == "True")


def test_the_generated_schema_data_is_the_json_file_a_lint_validates_against() -> None:
    from vcvalues.legacy.validate import _schema

    on_disk = json.loads(typed_schema_path().read_text(encoding="utf-8"))
    assert on_disk == _typed_values_check.SCHEMA
    assert json.dumps(_schema()) == json.dumps(on_disk)  # same keys in the same order, same types
