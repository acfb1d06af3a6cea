"""The exported 0.20+ schema: Helm 3 and 4 safe (DESIGN §10), quantities typed, at least as strict as
upstream, and the committed files in schema/modern/ are what the export generates."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import shared_path
from tests.unit.modern.values_gen import generate
from vcvalues.core.chart import resolve_modern
from vcvalues.core.coalesce import coalesce
from vcvalues.modern._schema_files import lines, render_files
from vcvalues.modern.catalog import release_defaults
from vcvalues.modern.schema import export_schema

ROOT = Path(__file__).resolve().parents[3]
LINES = lines()
FIRSTS = [str(line.versions[0]) for line in LINES]
FORBIDDEN = {"unevaluatedProperties", "unevaluatedItems", "prefixItems", "dependentRequired", "$id", "$defs"}
NAME_MAPS = {"properties", "definitions", "patternProperties"}


def walk(node: Any, parent: str = "") -> list[tuple[str, dict[str, Any]]]:
    out = []
    if isinstance(node, dict):
        if parent not in NAME_MAPS:
            out.append((parent, node))
        for key, value in node.items():
            out.extend(walk(value, key))
    elif isinstance(node, list):
        for item in node:
            out.extend(walk(item, parent))
    return out


def test_committed_files_are_what_the_export_generates() -> None:
    expected = render_files(LINES)
    on_disk = {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
        for p in (ROOT / "schema/modern").iterdir()
    }
    assert sorted(on_disk) == sorted(expected), "regenerate with: python -m vcvalues.modern._schema_files"
    assert [p for p in expected if expected[p] != on_disk[p]] == []
    assert len(LINES) == 23 and sum(len(line.versions) for line in LINES) == 81


@pytest.mark.parametrize("release", FIRSTS)
def test_helm_3_and_4_constraints(release: str) -> None:
    schema = export_schema(resolve_modern(release))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    for _, node in walk(schema):
        assert not FORBIDDEN & set(node), node
        if "$ref" in node:
            assert set(node) == {"$ref"}, node
            assert node["$ref"].startswith("#/definitions/")
        if "pattern" in node:
            assert "\\d" not in node["pattern"] and "(?" not in node["pattern"]
            re.compile(node["pattern"])
        assert "format" not in node
    assert {"global", "enabled"} <= set(schema["properties"])


@pytest.mark.parametrize("release", FIRSTS)
def test_defaults_validate_under_draft7_and_2020_12(release: str) -> None:
    schema = export_schema(resolve_modern(release))
    defaults = coalesce({}, release_defaults(resolve_modern(release)))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(defaults)) == []
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(defaults)) == []


@pytest.mark.parametrize(
    ("values", "path"),
    [
        (
            {"policies": {"resourceQuota": {"quota": {"requests.cpu": "20GB"}}}},
            ["policies", "resourceQuota", "quota", "requests.cpu"],
        ),
        (
            {"policies": {"limitRange": {"default": {"memory": "1K"}}}},
            ["policies", "limitRange", "default", "memory"],
        ),
        (
            {"controlPlane": {"statefulSet": {"resources": {"requests": {"cpu": "10 m"}}}}},
            ["controlPlane", "statefulSet", "resources", "requests", "cpu"],
        ),
    ],
)
def test_quantities_are_typed(values, path) -> None:
    schema = export_schema(resolve_modern("0.36.1"))
    full = coalesce(values, release_defaults(resolve_modern("0.36.1")))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(full))
    assert [list(e.absolute_path) for e in errors] == [path]


@pytest.mark.parametrize("release", ["0.20.0", "0.25.0", "0.31.0", "0.36.1"])
def test_at_least_as_strict_as_upstream(release: str) -> None:
    upstream = jsonschema.Draft202012Validator(
        json.loads(
            shared_path("reference", "vcluster", "charts", release, "chart", "values.schema.json").read_text()
        )
    )
    ours = jsonschema.Draft7Validator(export_schema(resolve_modern(release)))
    rng = random.Random(f"strict-{release}")
    rejected = 0
    for _ in range(30):
        user = generate(release_defaults(resolve_modern(release)), rng)
        values = coalesce(user, release_defaults(resolve_modern(release)))
        touched = {key: values[key] for key in user if key in values}
        if user.keys() == {"enabled"}:
            continue  # the one key ours adds: an umbrella's subchart condition
        if not upstream.is_valid(touched):
            rejected += 1
            assert not ours.is_valid(touched), user
    assert rejected > 0


def test_umbrella_nesting() -> None:
    schema = export_schema(resolve_modern("0.36.1"), subchart_key="vcluster")
    assert schema["properties"]["vcluster"] == {"$ref": "#/definitions/VClusterValues"}
    validator = jsonschema.Draft7Validator(schema)
    assert validator.is_valid({"vcluster": {"policies": {"podSecurityStandard": "baseline"}}, "other": 1})
    assert not validator.is_valid({"vcluster": {"polices": {}}})
