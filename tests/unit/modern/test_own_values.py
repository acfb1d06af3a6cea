"""Every release's own values.yaml lints clean against itself: 81/81, not a single diagnostic."""

from __future__ import annotations

from tests.conftest import shared_path
from vcvalues.core.chart import resolve_modern
from vcvalues.core.load import load_path
from vcvalues.modern.catalog import release_names
from vcvalues.modern.compile import compile_modern


def test_every_release_values_yaml_lints_clean_against_itself() -> None:
    clean = []
    for release in release_names():
        loaded = load_path(shared_path("reference", "vcluster", "charts", release, "chart", "values.yaml"))
        result = compile_modern([loaded], resolve_modern(release))
        assert result.diagnostics == [], release
        clean.append(release)
    assert len(clean) == 81
