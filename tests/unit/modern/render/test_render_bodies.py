"""The 0.20+ render's bodies (what the network-policy rules read) are its manifests' bodies, and both
dialects' renders refuse a release name as every command refuses it (one check, in core)."""

from __future__ import annotations

from typing import Any

import pytest

from vcvalues.core.chart import check_release, resolve_chart, resolve_modern
from vcvalues.core.coalesce import coalesce
from vcvalues.errors import UsageError
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.render import render_manifests as render_legacy
from vcvalues.modern.catalog import release_defaults
from vcvalues.modern.render import render_bodies, render_manifests


@pytest.mark.parametrize("release", ["Team-A", "-a", "a" * 54, "a_b", "x" * 5000])
def test_both_renders_refuse_a_release_name_in_the_words_of_every_command(release: str) -> None:
    with pytest.raises(UsageError) as expected:
        check_release(release)
    modern = coalesce({}, release_defaults(resolve_modern("0.36.1")))
    with pytest.raises(UsageError) as refused:
        render_manifests(modern, release=release, namespace="ns", chart_version="0.36.1")
    assert str(refused.value) == str(expected.value)
    chart = resolve_chart("0.19.10", "k3s")
    with pytest.raises(UsageError) as refused:
        render_legacy(coalesce({}, chart_defaults(chart)), chart=chart, release=release, namespace="ns")
    assert str(refused.value) == str(expected.value)


def test_render_bodies_are_the_manifests_bodies() -> None:
    user = {"policies": {"networkPolicy": {"enabled": True}, "resourceQuota": {"enabled": True}}}
    values = coalesce(user, release_defaults(resolve_modern("0.36.1")))
    kwargs: dict[str, Any] = {"release": "r", "namespace": "ns", "chart_version": "0.36.1"}
    bodies = render_bodies(values, namespace_manifest=True, **kwargs)
    manifests = render_manifests(values, namespace_manifest=True, **kwargs)
    assert bodies == [(m.source, m.body, m.from_chart) for m in manifests]
    assert len(bodies) >= 3
