"""Coalescing against real Helm: ``vcvalues.core.coalesce`` (Helm 4 line) vs ``Chart.merge_values``.

helm-python-sdk is Helm v4.2.3, which drops the chart's null defaults the user did not set: that is
``helm_major=4``. ``helm_major=3`` keeps them (Helm 3.x, 4.0, 4.1); the unit tests pin that difference.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.oracle._render import as_float64, same_object
from tests.oracle.conftest import LEGACY_DISTROS, legacy_releases, sample
from vcvalues.core.coalesce import coalesce, merge_files
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.chart import resolve_chart

CORPUS: dict[str, dict[str, Any]] = {
    "nothing": {},
    "null-deletes-a-default": {"isolation": {"resourceQuota": {"quota": {"services.nodeports": None}}}},
    "null-deletes-a-default-map": {"isolation": {"limitRange": None}, "syncer": None},
    "top-level-null-of-an-unknown-key": {"mine": None},
    "nested-nulls": {"isolation": {"namespace": None, "extra": None, "resourceQuota": {"scopes": None}}},
    "null-under-a-new-map": {"mine": {"a": None, "b": {"c": None}}},
    "map-over-scalar": {"isolation": {"podSecurityStandard": {"a": 1}}},
    "scalar-over-map": {"isolation": "yes", "syncer": {"resources": "small"}},
    "list-over-map-and-map-over-list": {"syncer": {"extraArgs": {"a": 1}, "resources": ["x"]}},
    "lists-replace": {
        "syncer": {"extraArgs": ["--x"]},
        "isolation": {"networkPolicy": {"outgoingConnections": {"ipBlock": {"except": []}}}},
    },
    "empty-map-over-map": {"isolation": {"resourceQuota": {"quota": {}}}},
    "null-over-null-default": {"isolation": {"resourceQuota": {"scopeSelector": {"matchExpressions": None}}}},
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(legacy_releases(), metafunc.config))


def _ours(release: str, distro: str, user: dict[str, Any]) -> dict[str, Any]:
    return coalesce(as_float64(user), chart_defaults(resolve_chart(release, distro)), helm_major=4)


@pytest.mark.parametrize("case", sorted(CORPUS))
@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_corpus_coalesces_as_helm(load_chart, release: str, distro: str, case: str) -> None:
    theirs = load_chart(release, distro).merge_values(CORPUS[case])
    assert same_object(_ours(release, distro, CORPUS[case]), theirs)


# Keys of the real chart (so generated values meet real defaults), and some it does not have.
_KEYS = st.sampled_from(
    ["isolation", "enabled", "namespace", "resourceQuota", "quota", "scopes", "limitRange", "default",
     "syncer", "extraArgs", "resources", "limits", "mine", "a", "services.nodeports", "rbac", "role",
     "excludedApiResources", "scopeSelector", "matchExpressions", "globalAnnotations"]
)  # fmt: skip
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 5).map(float), st.sampled_from(["", "x", "1"]))
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=2), st.dictionaries(_KEYS, children, max_size=3)),
    max_leaves=8,
)
_USER = st.dictionaries(_KEYS, _VALUES, max_size=4)


@pytest.mark.parametrize("distro", ["k3s", "eks"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(_USER, min_size=1, max_size=3))
def test_generated_values_coalesce_as_helm(load_chart, release: str, distro: str, files: list) -> None:
    """Several -f files merged (mergeMaps), then coalesced: one merge_values call per file list."""
    chart = load_chart(release, distro)
    user = merge_files(files)
    assert same_object(_ours(release, distro, user), chart.merge_values(user))
