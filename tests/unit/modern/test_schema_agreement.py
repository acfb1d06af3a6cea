"""The upstream schema (Python jsonschema, draft 2020-12) and our lint agree on accept/reject.

For every release 0.20.0 - 0.36.1, generated values (a few random edits of the release's defaults) are
coalesced onto the defaults as Helm does and judged by the release's own ``values.schema.json``; our lint
rejects exactly those (a ``schema``, ``unknown-key`` or ``dialect-mismatch`` error). Our extra checks
(``invalid-quantity``, rules) are not part of the comparison: upstream lets those values through.
"""

from __future__ import annotations

import functools
import json
import random
from typing import Any

import jsonschema

from tests.conftest import shared_path
from tests.unit.modern.values_gen import generate
from vcvalues.core.chart import resolve_modern
from vcvalues.core.coalesce import coalesce
from vcvalues.core.load import LoadResult
from vcvalues.core.source import SourceMap
from vcvalues.modern.catalog import release_defaults, release_names
from vcvalues.modern.compile import compile_modern

CASES_PER_RELEASE = 8
SCHEMA_RULES = frozenset({"schema", "unknown-key", "dialect-mismatch"})


@functools.cache
def upstream(release: str) -> jsonschema.Draft202012Validator:
    path = shared_path("reference", "vcluster", "charts", release, "chart", "values.schema.json")
    return jsonschema.Draft202012Validator(json.loads(path.read_text()))


def upstream_accepts(release: str, user: dict[str, Any]) -> bool:
    values = coalesce(user, release_defaults(resolve_modern(release)))
    # the root has no `required` and its properties are independent: the sections the user touched decide
    touched = {key: values[key] for key in user if key in values}
    return upstream(release).is_valid(touched)


def lint_accepts(release: str, user: dict[str, Any]) -> bool:
    loaded = LoadResult(user, SourceMap("generated.yaml"), [])
    result = compile_modern([loaded], resolve_modern(release), run_rules=False)
    return not any(d.rule_id in SCHEMA_RULES for d in result.diagnostics)


def test_upstream_schema_and_lint_agree_at_every_release() -> None:
    cases = agree = rejected = 0
    disagreements = []
    for release in release_names():
        rng = random.Random(f"agree-{release}")
        for _ in range(CASES_PER_RELEASE):
            user = generate(release_defaults(resolve_modern(release)), rng)
            theirs, ours = upstream_accepts(release, user), lint_accepts(release, user)
            cases += 1
            agree += theirs == ours
            rejected += not theirs
            if theirs != ours:
                disagreements.append((release, user, theirs, ours))
    assert disagreements == []
    assert (agree, cases) == (81 * CASES_PER_RELEASE, 81 * CASES_PER_RELEASE)
    assert 0.2 * cases < rejected < 0.8 * cases, rejected  # both verdicts are exercised


def test_the_generated_cases_exercise_both_verdicts() -> None:
    rng = random.Random("balance")
    verdicts = [
        upstream_accepts("0.36.1", generate(release_defaults(resolve_modern("0.36.1")), rng))
        for _ in range(40)
    ]
    assert 5 <= sum(verdicts) <= 35, sum(verdicts)
