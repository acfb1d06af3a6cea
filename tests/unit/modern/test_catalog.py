"""The modern catalogue: every release's stored defaults and schema equal the upstream chart's."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import shared_path
from vcvalues.core.chart import MODERN_RELEASES, ChartVersion, ModernRef
from vcvalues.modern.catalog import profile, release_defaults, release_names, release_schema
from vcvalues.modern.catalog._generate import read_defaults, read_schema
from vcvalues.modern.catalog._patch import apply, apply_sharing, diff

RELEASES = release_names()


def ref(name: str) -> ModernRef:
    return ModernRef(ChartVersion.parse(name))


def test_the_release_list_is_every_ga_tag() -> None:
    assert len(RELEASES) == len(MODERN_RELEASES) == 81
    assert RELEASES[0] == "0.20.0" and RELEASES[-1] == "0.36.1"
    charts = shared_path("reference", "vcluster", "charts")
    on_disk = sorted((p.name for p in charts.iterdir() if (p / "chart").is_dir()), key=ChartVersion.parse)
    assert on_disk == RELEASES


@pytest.mark.parametrize("release", RELEASES)
def test_stored_defaults_and_schema_are_the_upstream_ones(release: str) -> None:
    chart = shared_path("reference", "vcluster", "charts", release, "chart")
    assert release_defaults(ref(release)) == read_defaults(chart)
    assert release_schema(ref(release)) == read_schema(chart)


def test_the_draft7_spelling_keeps_upstream_verdicts() -> None:
    chart = shared_path("reference", "vcluster", "charts", "0.36.1", "chart")
    upstream = json.loads((chart / "values.schema.json").read_text())
    ours = release_schema(ref("0.36.1"))
    cases = [
        {},
        {"policies": {"resourceQuota": {"enabled": 1}}},
        {"policies": {"networkPolicy": {"enabled": "true"}}},
        {"policies": {"resourceQuota": {"labels": {"a": 1}}}},
        {"policies": {"networkPolicy": {"outgoingConnections": {}}}},
        {"isolation": {"enabled": True}},
        {"policies": {"resourceQuota": {"enabled": "True", "quota": {"requests.cpu": "20GB"}}}},
    ]
    for case in cases:
        assert jsonschema.Draft202012Validator(upstream).is_valid(case) == jsonschema.Draft7Validator(
            ours
        ).is_valid(case), case


def test_profiles() -> None:
    assert [profile(ref(n)) for n in ("0.20.6", "0.21.0", "0.28.2", "0.29.0", "0.33.1", "0.33.2")] == [
        "M20",
        "M21",
        "M21",
        "M29",
        "M31",
        "M33",
    ]


def test_patches_round_trip() -> None:
    old = {"a": {"b": 1, "c": [1, 2]}, "d": "x", "gone": {"x": 1}}
    new = {"a": {"b": 2.0, "c": [1, 2], "e": {}}, "d": "x"}
    patch = diff(old, new)
    assert apply(old, patch) == new
    assert apply_sharing(old, patch) == new
    assert old == {"a": {"b": 1, "c": [1, 2]}, "d": "x", "gone": {"x": 1}}  # untouched
    assert type(apply(old, patch)["a"]["b"]) is float
