"""Umbrella charts: a values.yaml beside a Chart.yaml with a vcluster dependency is linted, rendered and
converted under the dependency's key (alias, else name) and chart; --subchart-key says so explicitly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.acceptance.test_cli_friction import cli
from tests.conftest import ROOT

CHART = """\
apiVersion: v2
name: team-a
version: 1.0.0
dependencies:
  - name: vcluster-k8s
    alias: vc
    version: 0.18.1
    repository: https://charts.loft.sh
"""
VALUES = """\
global:
  team: a
ingress-nginx:
  replicaCount: 2
vc:
  isolation:
    enabled: true
    podSecurityStandard: strict
  api:
    image: registry.k8s.io/kube-apiserver:v1.28.2
  syncer:
    extraArgs: [--service-account-token-secrets]
"""


@pytest.fixture
def umbrella(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "Chart.yaml").write_text(CHART)
    (tmp_path / "values.yaml").write_text(VALUES)
    return tmp_path / "values.yaml"


def test_the_projects_umbrella_example_lints_clean(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    chart = tmp_path / "platform-vcluster"
    shutil.copytree(ROOT / "charts" / "platform-vcluster", chart)
    assert cli("lint", str(chart / "values.yaml")) == (0, "", "")


def test_lint_uses_the_dependency_key_and_chart(umbrella: Path) -> None:
    code, out, _ = cli("lint", "--format", "github", str(umbrella))
    assert code == 1
    # only the real mistake: api is a k8s key (the dependency is vcluster-k8s), ingress-nginx is not ours
    assert out.splitlines() == [
        f"::error file={umbrella},line=8,col=26,title=pod-security-level::isolation.podSecurityStandard "
        "is 'strict': the syncer refuses to start with it (must be privileged, baseline or restricted) "
        "(hint: use baseline (the chart default) or restricted)"
    ]


def test_render_and_convert_find_the_key_or_take_it(umbrella: Path) -> None:
    umbrella.write_text(VALUES.replace("strict", "restricted"))
    code, out, _ = cli("render", "-f", str(umbrella), "--release", "team-a")
    assert code == 0 and "name:  team-a-quota" in out  # the template's two spaces (h2-render: Helm's text)
    assert cli("render", "-f", str(umbrella), "--subchart-key", "vc", "--release", "team-a")[1] == out
    code, out, _ = cli("convert", "-f", str(umbrella))
    assert code == 0 and "podSecurityStandard: restricted" in out
    code, out, _ = cli("convert", "-f", str(umbrella), "--subchart-key", "nope")  # nothing under it
    assert code == 0 and "podSecurityStandard" not in out
