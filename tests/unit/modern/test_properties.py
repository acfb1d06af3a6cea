"""Property tests of the 0.20+ lint: never a traceback, positions inside the file, known rule ids, and
the upstream schema's verdict on values drawn from the release schema itself."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import shared_path
from tests.strategies import plain_maps, plain_values, schema_values
from vcvalues.core.chart import resolve_modern
from vcvalues.core.coalesce import coalesce
from vcvalues.core.load import LoadResult, load_yaml
from vcvalues.core.source import SourceMap
from vcvalues.modern.catalog import release_defaults
from vcvalues.modern.compile import compile_modern
from vcvalues.modern.rules import REGISTRY
from vcvalues.modern.schema import export_schema

REF = resolve_modern("0.36.1")
SECTIONS = st.sampled_from(
    ["policies", "controlPlane", "sync", "privateNodes", "rbac", "exportKubeConfig", "x"]
)
READER_IDS = {"syntax", "duplicate-key", "yaml11-boolean", "multi-document", "suppression"}
SCHEMA_RULES = frozenset({"schema", "unknown-key", "dialect-mismatch"})


@given(st.dictionaries(SECTIONS, st.one_of(plain_maps, plain_values), max_size=3))
def test_any_values_give_diagnostics_never_a_traceback(values) -> None:
    result = compile_modern([LoadResult(values, SourceMap("g.yaml"), [])], REF)
    assert {d.rule_id for d in result.diagnostics} <= set(REGISTRY) | READER_IDS


@given(st.text(alphabet="policies:resourceQuota enabled\n -yes{}[]\"'#0123456789.", max_size=120))
def test_any_text_gives_positions_inside_the_file(text) -> None:
    result = compile_modern([load_yaml(text, file="t.yaml")], REF)
    lines = max(1, text.count("\n") + 1)
    for d in result.diagnostics:
        assert 1 <= d.line <= lines + 1 and d.column >= 1, d


_POLICIES = export_schema(REF)


def _upstream() -> jsonschema.Draft202012Validator:
    path = shared_path("reference", "vcluster", "charts", "0.36.1", "chart", "values.schema.json")
    return jsonschema.Draft202012Validator(json.loads(path.read_text()))


@settings(max_examples=40)
@given(
    schema_values(
        {**_POLICIES, "properties": {"policies": _POLICIES["properties"]["policies"]}}, max_properties=3
    )
)
def test_drawn_policies_get_the_upstream_verdict(values) -> None:
    if not isinstance(values, dict) or set(values) - {"policies"}:
        return
    full = coalesce(values, release_defaults(REF))
    theirs = _upstream().is_valid({key: full[key] for key in values if key in full})
    result = compile_modern([LoadResult(values, SourceMap("g.yaml"), [])], REF, run_rules=False)
    ours = not any(d.rule_id in SCHEMA_RULES for d in result.diagnostics)
    assert theirs == ours, (values, [d.message for d in result.diagnostics])
