"""The 0.20+ render's Go template helpers agree with the legacy render's, and a refused release name is
refused in the same words: the modern render keeps its own copies so that a 0.20+ lint does not import the
legacy render package."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.chart import resolve_modern
from vcvalues.core.coalesce import coalesce
from vcvalues.core.gofmt import GoInt64
from vcvalues.errors import RenderError, UsageError
from vcvalues.legacy.render import _gotmpl as legacy
from vcvalues.legacy.render._context import check_release_name
from vcvalues.modern.catalog import release_defaults
from vcvalues.modern.render import _check_release_name, render_bodies, render_manifests
from vcvalues.modern.render import _gotmpl as modern

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(GoInt64),
    st.text(max_size=12),
    st.sampled_from(["<no value>", "a<no value>b", "", "false", "0"]),
)
VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), inner, max_size=4),
    ),
    max_leaves=12,
)


def _ranged(module: Any, value: object) -> tuple[str, object]:
    try:
        return "ok", list(module.range_items(value, template="t.yaml", expression=".Values.x"))
    except RenderError as exc:
        return "error", str(exc)


@given(VALUES)
def test_truth_printing_and_range_agree_with_the_legacy_render(value: object) -> None:
    assert modern.truthy(value) == legacy.truthy(value)
    assert modern.printed(value) == legacy.printed(value)
    assert _ranged(modern, value) == _ranged(legacy, value)


def _refusal(check: Any, release: str) -> str | None:
    try:
        check(release)
    except UsageError as exc:
        return str(exc)
    return None


@given(st.one_of(st.text(alphabet="ab-.A1_", max_size=8), st.text(max_size=60), st.just("a" * 54)))
def test_a_release_name_is_refused_as_the_legacy_render_refuses_it(release: str) -> None:
    assert _refusal(_check_release_name, release) == _refusal(check_release_name, release)


def test_render_bodies_are_the_manifests_bodies() -> None:
    user = {"policies": {"networkPolicy": {"enabled": True}, "resourceQuota": {"enabled": True}}}
    values = coalesce(user, release_defaults(resolve_modern("0.36.1")))
    kwargs: dict[str, Any] = {"release": "r", "namespace": "ns", "chart_version": "0.36.1"}
    bodies = render_bodies(values, namespace_manifest=True, **kwargs)
    manifests = render_manifests(values, namespace_manifest=True, **kwargs)
    assert bodies == [(m.source, m.body, m.from_chart) for m in manifests]
    assert len(bodies) >= 3
