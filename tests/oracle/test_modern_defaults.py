"""Real Helm coalesces each 0.20+ release's chart defaults to exactly what our catalogue states."""

from __future__ import annotations

import pytest

from tests.oracle.conftest import modern_releases, sample
from vcvalues.core.chart import ChartVersion, ModernRef
from vcvalues.core.coalesce import coalesce
from vcvalues.modern.catalog import release_defaults


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(modern_releases(), metafunc.config, keep=6))


def test_coalesced_defaults_equal_helms(load_chart, release) -> None:
    chart = load_chart(release)
    ours = release_defaults(ModernRef(ChartVersion.parse(release)))
    assert chart.merge_values({}) == coalesce({}, ours)


def test_a_user_null_deletes_the_default_as_in_helm(load_chart, release) -> None:
    chart = load_chart(release)
    user = {"policies": {"resourceQuota": {"quota": {"count/pods": None, "requests.cpu": 5}}}}
    ours = coalesce(user, release_defaults(ModernRef(ChartVersion.parse(release))))
    helms = chart.merge_values(user)
    assert helms["policies"] == ours["policies"]
    assert "count/pods" not in helms["policies"]["resourceQuota"]["quota"]
