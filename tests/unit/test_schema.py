"""The exported values.schema.json: Helm-compatible shape (DESIGN §10), committed files, model agreement."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.strategies import schema_values
from tests.unit.legacy.model._helpers import REFERENCE_FILES, reference
from vcvalues.core.schema_text import QUANTITY_PATTERN
from vcvalues.legacy._schema_files import render_files, schema_lines
from vcvalues.legacy.catalog.keys import KeyKind, key_tree
from vcvalues.legacy.chart import ChartRef, resolve_chart
from vcvalues.legacy.model import check_model
from vcvalues.legacy.schema import DRAFT_07, export_schema, typed_schema

VALIDATORS = (jsonschema.Draft7Validator, jsonschema.Draft202012Validator)
# Keywords gojsonschema (draft-07) and santhosh-tekuri/jsonschema both implement the same way.
ALLOWED_KEYWORDS = frozenset(
    {
        "$schema", "$comment", "$ref", "description", "type", "enum", "pattern", "minimum", "maximum",
        "items", "properties", "required", "additionalProperties", "allOf", "anyOf", "definitions",
    }
)  # fmt: skip
NAME_MAPS = ("properties", "definitions")
SAMPLE_REFS = [
    resolve_chart("0.19.10", "k3s"),
    resolve_chart("0.15.0", "k8s"),
    resolve_chart("0.19.3", "eks"),
    resolve_chart("0.15.7", "k0s"),
]


@cache
def exported(ref: ChartRef, subchart_key: str | None = None) -> dict[str, Any]:
    return export_schema(ref, subchart_key=subchart_key)


@cache
def lines() -> list[Any]:
    return schema_lines()


def walk(schema: Any, where: tuple[str, ...] = ()):
    """Every (sub)schema with its location; keys of properties/definitions are names, not keywords."""
    if not isinstance(schema, dict):
        return
    yield where, schema
    for key, value in schema.items():
        if key in NAME_MAPS:
            for name, sub in value.items():
                yield from walk(sub, (*where, key, name))
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            yield from walk(value, (*where, key))
        elif key in ("allOf", "anyOf"):
            for index, sub in enumerate(value):
                yield from walk(sub, (*where, key, str(index)))


def all_schemas():
    yield "typed", typed_schema()
    yield "umbrella", exported(resolve_chart("0.19.10", "k3s"), "vcluster")
    for line in lines():
        yield line.name, line.schema


def test_committed_schema_files_are_what_the_model_generates():
    expected = render_files(lines())
    on_disk = {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for pattern in ("schema/*.values.schema.json", "schema/*.md", "vcvalues/legacy/schemas/*.json")
        for path in ROOT.glob(pattern)
    }
    stale = sorted(set(on_disk) - set(expected))
    missing = sorted(set(expected) - set(on_disk))
    changed = sorted(path for path in set(expected) & set(on_disk) if expected[path] != on_disk[path])
    hint = "regenerate with: python -m vcvalues.legacy._schema_files"
    assert (stale, missing, changed) == ([], [], []), hint


def test_lines_cover_every_chart_once_and_differ_from_their_neighbours():
    seen = [ref for line in lines() for ref in line.refs]
    assert len(seen) == len(set(seen)) == 112
    for before, after in zip(lines(), lines()[1:], strict=False):
        if before.distro == after.distro:
            assert before.schema != after.schema
    names = [line.name for line in lines() if line.distro.value == "k3s"]
    assert names[:2] == ["k3s-0.15.0", "k3s-0.15.1-0.15.2"]
    assert names[-1] == "k3s-0.19.10"


def test_every_schema_keeps_to_what_both_helm_validators_read_alike():
    names = []
    for name, schema in all_schemas():
        check_helm_compatible(schema)
        names.append(name)
    assert len(names) == 2 + len(lines())


def check_helm_compatible(schema: dict[str, Any]) -> None:
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT_07
    assert "$id" not in json.dumps(schema)
    definitions = schema["definitions"]
    for where, sub in walk(schema):
        assert set(sub) <= ALLOWED_KEYWORDS, (where, set(sub) - ALLOWED_KEYWORDS)
        if "$ref" in sub:
            assert set(sub) == {"$ref"}, where  # never a keyword beside a $ref
            assert sub["$ref"].startswith("#/definitions/"), where
            assert sub["$ref"].removeprefix("#/definitions/") in definitions, where
        if "pattern" in sub:
            pattern = sub["pattern"]
            re.compile(pattern)
            assert not re.search(r"\(\?[=!<]|\\[dDwWsSbB0-9]", pattern), (where, pattern)
        if sub.get("additionalProperties") is False:
            assert "properties" in sub, where  # closed only where the keys are listed
    assert "$defs" not in json.dumps(schema)


@pytest.mark.parametrize("ref", SAMPLE_REFS, ids=str)
def test_root_declares_global_and_enabled_and_every_optional_key_takes_null(ref):
    schema = exported(ref)
    assert schema["properties"]["global"] == {
        "description": "Values an umbrella chart shares with all its subcharts (Helm adds this key).",
        "type": ["object", "null"],
        "additionalProperties": True,
    }
    assert schema["properties"]["enabled"]["type"] == ["boolean", "null"]
    validator = jsonschema.Draft7Validator(schema)
    for where, sub in walk(schema):
        for key in set(sub.get("properties", {})) - set(sub.get("required", ())):
            one = jsonschema.Draft7Validator({**sub["properties"][key], "definitions": schema["definitions"]})
            assert one.is_valid(None), (where, key)
    assert validator.is_valid({"global": {"anything": [1]}, "enabled": None})


@pytest.mark.parametrize("ref", SAMPLE_REFS, ids=str)
def test_open_maps_take_any_key_and_quantities_are_string_or_number(ref):
    schema = exported(ref)
    tree = key_tree(ref)
    definitions = schema["definitions"]

    def resolve(sub: dict[str, Any]) -> dict[str, Any]:
        while "anyOf" in sub or "allOf" in sub or "$ref" in sub:
            if "$ref" in sub:
                sub = definitions[sub["$ref"].removeprefix("#/definitions/")]
            else:
                sub = next(
                    option for option in sub.get("anyOf", sub.get("allOf")) if option != {"type": "null"}
                )
        return sub

    # open in the catalogue: maps with user-chosen keys, and Kubernetes objects (the model types and
    # closes the security contexts, so those are left out here)
    typed = {"securityContext", "podSecurityContext"}
    open_paths = [
        path
        for path in tree.paths()
        if tree.lookup(path).kind is KeyKind.OPEN and path[-1] not in typed  # type: ignore[union-attr]
    ]
    assert ("isolation", "resourceQuota", "quota") in open_paths
    for path in open_paths:
        sub = resolve(schema)
        for key in path:
            sub = resolve(sub["properties"][key])
        assert sub.get("additionalProperties", True) is not False, path
    quota = resolve(schema)
    for key in ("isolation", "resourceQuota", "quota"):
        quota = resolve(quota["properties"][key])
    assert quota["additionalProperties"] == {
        "type": ["string", "number", "null"],
        "pattern": QUANTITY_PATTERN,
    }


@pytest.mark.parametrize("name", sorted(REFERENCE_FILES))
@pytest.mark.parametrize("subchart_key", [None, "vcluster"])
def test_reference_values_validate_under_both_drafts(name, subchart_key):
    values, ref = reference(name)
    instance = values if subchart_key is None else {subchart_key: {**values, "global": {}}, "global": {}}
    schema = exported(ref, subchart_key)
    for validator in VALIDATORS:
        assert [error.message for error in validator(schema).iter_errors(instance)] == []
    assert jsonschema_rs.Draft7Validator(schema).is_valid(instance)


MISTAKES = [
    (
        {"isolation": {"resourceQuta": {}}},
        ["isolation"],
        "Additional properties are not allowed ('resourceQuta' was unexpected)",
    ),
    (
        {"isolation": {"limitRange": {"default": {"memory": "512MB"}}}},
        ["isolation", "limitRange", "default", "memory"],
        "'512MB' does not match",
    ),
    (
        {"isolation": {"podSecurityStandard": "strict"}},
        ["isolation", "podSecurityStandard"],
        "'strict' is not one of ['privileged', 'baseline', 'restricted', None]",
    ),
]


@pytest.mark.parametrize(("values", "path", "message"), MISTAKES)
@pytest.mark.parametrize("subchart_key", [None, "vcluster"])
def test_schema_rejects_typo_bad_quantity_and_unknown_level(values, path, message, subchart_key):
    ref = resolve_chart("0.19.10", "k3s")
    instance = values if subchart_key is None else {subchart_key: values}
    prefix = [] if subchart_key is None else [subchart_key]
    for validator in VALIDATORS:
        errors = list(validator(exported(ref, subchart_key)).iter_errors(instance))
        assert len(errors) == 1
        error = errors[0]
        while error.context:  # X | null: the reason sits in the X branch
            error = next(e for e in error.context if (e.validator, e.validator_value) != ("type", "null"))
        assert list(error.absolute_path) == prefix + path
        assert error.message.startswith(message)


def test_subchart_schema_nests_the_chart_and_keeps_the_umbrella_open():
    schema = exported(resolve_chart("0.19.10", "k3s"), "vcluster")
    assert schema["properties"]["vcluster"] == {"$ref": "#/definitions/Values"}
    assert schema["properties"]["global"] == {"type": ["object", "null"]}
    assert "additionalProperties" not in schema
    validator = jsonschema.Draft7Validator(schema)
    assert validator.is_valid(
        {"ingress-nginx": {"enabled": True}, "vcluster": {"isolation": {"enabled": True}}}
    )
    assert not validator.is_valid({"vcluster": {"isolation": {"enabled": "yes"}}})


# --- the schema and the model agree ---------------------------------------------------------------


@cache
def values_for(ref: ChartRef) -> st.SearchStrategy[Any]:
    return schema_values(exported(ref))


@cache
def validators(ref: ChartRef) -> tuple[Any, Any, Any]:
    schema = exported(ref)
    return (
        jsonschema.Draft7Validator(schema),
        jsonschema.Draft202012Validator(schema),
        jsonschema_rs.validator_for(schema),
    )


def python_re_only(value: Any) -> bool:
    """Strings ending in a newline: Python's re ``$`` matches before it (RE2 and ECMAScript do not)."""
    if isinstance(value, str):
        return value.endswith("\n")
    if isinstance(value, dict):
        return any(python_re_only(item) for item in value.values())
    if isinstance(value, list):
        return any(python_re_only(item) for item in value)
    return False


@pytest.mark.parametrize("ref", SAMPLE_REFS, ids=str)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_model_and_schema_accept_the_same_values(ref, data):
    values = data.draw(values_for(ref), label="values")
    model, issues = check_model(values, ref)
    draft7, draft2020, fast = validators(ref)
    model_ok = model is not None
    # what the model accepts the schema accepts (all three validators) ...
    if model_ok:
        assert draft7.is_valid(values) and draft2020.is_valid(values) and fast.is_valid(values)
    # ... and what the schema rejects the model rejects
    if not draft7.is_valid(values) or not fast.is_valid(values):
        assert not model_ok
    # exactly, for the Helm-like validator (RE2/ECMAScript anchors)
    assert fast.is_valid(values) == model_ok, issues
    if not python_re_only(values):
        assert draft7.is_valid(values) == model_ok, issues


def test_committed_files_are_in_the_repository_layout():
    assert (ROOT / "schema").is_dir()
    assert Path(ROOT / "vcvalues" / "legacy" / "schemas" / "typed-values.json").is_file()
