"""The pre-commit hooks of .pre-commit-hooks.yaml: the manifest, its `files` patterns, and real runs.

The real runs use ``pre-commit try-repo`` (pre-commit installs this repository, with its uncommitted
changes to tracked files, into a fresh virtualenv: pip needs the package registry for the
dependencies) against a temporary git repository, as a user's repository would run them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT
from vcvalues.cli import parse_args
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.schema import dump_schema, export_schema


def manifest() -> dict[str, dict[str, Any]]:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return {hook["id"]: hook for hook in hooks}


def selected(hook_id: str, path: str) -> bool:
    """Whether pre-commit passes ``path`` to the hook: ``files`` and ``exclude`` with re.search."""
    hook = manifest()[hook_id]
    if not re.search(hook["files"], path):
        return False
    return not (hook.get("exclude") and re.search(hook["exclude"], path))


def test_manifest_declares_the_two_hooks():
    hooks = manifest()
    assert list(hooks) == ["vcvalues-lint", "vcvalues-schema"]
    assert {key: hooks["vcvalues-lint"][key] for key in ("entry", "language", "types")} == {
        "entry": "vcvalues lint",
        "language": "python",
        "types": ["yaml"],
    }
    assert {key: hooks["vcvalues-schema"][key] for key in ("entry", "language")} == {
        "entry": "vcvalues schema --check",
        "language": "python",
    }
    for hook in hooks.values():
        assert set(hook) <= {"id", "name", "description", "entry", "language", "types", "files", "exclude"}
        assert hook["name"] and hook["description"]


def test_entries_are_commands_the_cli_accepts_with_file_names_appended():
    lint = parse_args(["lint", "deploy/vcluster/values.yaml", "deploy/vcluster/values-prod.yaml"])
    assert lint.files == ["deploy/vcluster/values.yaml", "deploy/vcluster/values-prod.yaml"]
    schema = parse_args(["schema", "--check", "charts/a/values.schema.json", "charts/a/Chart.yaml"])
    assert [*schema.check, *schema.files] == ["charts/a/values.schema.json", "charts/a/Chart.yaml"]
    # a user's `args` come between the entry and the file names
    schema = parse_args(["schema", "--check", "--distro", "k8s", "charts/a/values.schema.json"])
    assert (schema.distro, [*schema.check, *schema.files]) == ("k8s", ["charts/a/values.schema.json"])


LINT_MATCHES = [
    "deploy/vcluster/values.yaml",
    "vcluster/values-prod.yaml",
    "vcluster/values.dev.yml",
    "clusters/team-a/vcluster/overrides/values.yaml",
    "platform/vcluster-team-a/prod.values.yaml",
    "vcluster-values.yaml",
    "team-a.vcluster.values.yaml",
    "envs/prod/vcluster_values.yaml",
    "VCluster/Values.YAML",
    "vcluster.yaml",
    "clusters/team-a/vcluster.yaml",
    "envs/prod/values-vcluster.yaml",
    "envs/values.vcluster.prod.yml",
    "charts/platform-vcluster/values.yaml",  # an umbrella's values: lint reads its Chart.yaml
]
LINT_MISSES = [
    "values.yaml",  # not about vcluster (override `files` when it is)
    "charts/ingress-nginx/values.yaml",
    "deploy/vcluster/Chart.yaml",
    "deploy/vcluster/templates/values.yaml",
    "charts/platform-vcluster/charts/vcluster/values.yaml",  # a vendored subchart's defaults
    "myvcluster.yaml",
    "values-notvcluster.yaml",
    "vcluster/values.schema.json",
    "vcluster/values.yaml.bak",
    "vcluster/myvalues.yaml",
    "docs/vcluster.md",
]


@pytest.mark.parametrize("path", LINT_MATCHES)
def test_lint_pattern_matches(path):
    assert selected("vcvalues-lint", path)


@pytest.mark.parametrize("path", LINT_MISSES)
def test_lint_pattern_misses(path):
    assert not selected("vcvalues-lint", path)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("charts/platform-vcluster/values.schema.json", True),
        ("values.schema.json", True),
        ("charts/platform-vcluster/Chart.yaml", True),
        ("schema/k3s-0.19.10.values.schema.json", False),  # this repository's own schema lines
        ("charts/platform-vcluster/values.yaml", False),
        ("charts/platform-vcluster/Chart.lock", False),
        ("charts/x/values.schema.json.orig", False),
    ],
)
def test_schema_pattern(path, expected):
    assert selected("vcvalues-schema", path) is expected


# --- real runs through pre-commit ---------------------------------------------------------------

GOOD_VALUES = """\
isolation:
  enabled: true
  podSecurityStandard: restricted
syncer:
  extraArgs: [--service-account-token-secrets=true]
"""
BAD_VALUES = """\
isolation:
  enabled: true
  podSecurityStandard: strict
"""
NOT_VCLUSTER = "replicaCount: many\nimage: {repository: nginx}\n"
CHART = """\
apiVersion: v2
name: team-a
version: 1.0.0
dependencies:
  - name: vcluster
    version: "{version}"
    repository: https://charts.loft.sh
"""


def git(repo: Path, *argv: str) -> None:
    subprocess.run(["git", *argv], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo <this repository> --all-files`` in ``repo``: every hook of the manifest."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files", "--color", "never"]
    return subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def write(repo: Path, relative: str, text: str) -> None:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def hook_lines(output: str) -> dict[str, str]:
    """``{"vcvalues lint": "Passed", ...}`` from pre-commit's summary lines."""
    return {
        match[1]: match[2]
        for match in re.finditer(r"^(vcvalues [a-z ]+?)\.+(Passed|Failed|\(no files.*\))$", output, re.M)
    }


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a clone"
)
def test_hooks_run_for_real_with_pre_commit_try_repo(tmp_path):
    repo, home = tmp_path / "repo", tmp_path / "pre-commit-home"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "user.name", "test")
    write(repo, "deploy/vcluster/values.yaml", GOOD_VALUES)
    write(repo, "charts/ingress-nginx/values.yaml", NOT_VCLUSTER)  # not a vcluster file: never linted
    write(repo, "charts/team-a/Chart.yaml", CHART.format(version="0.19.10"))
    schema = export_schema(resolve_chart("0.19.10", "k3s"), subchart_key="vcluster")
    write(repo, "charts/team-a/values.schema.json", dump_schema(schema))
    write(repo, "charts/web/Chart.yaml", CHART.replace("vcluster", "ingress-nginx").format(version="4.10.0"))
    write(repo, "charts/web/values.schema.json", json.dumps({"type": "object"}))  # not a vcluster chart
    git(repo, "add", "-A")

    passing = try_repo(repo, home)
    assert hook_lines(passing.stdout) == {"vcvalues lint": "Passed", "vcvalues schema drift": "Passed"}, (
        passing.stdout + passing.stderr
    )
    assert passing.returncode == 0

    write(repo, "deploy/vcluster/values-prod.yaml", BAD_VALUES)
    write(repo, "charts/team-a/Chart.yaml", CHART.format(version="0.19.9"))  # bumped without a new schema
    git(repo, "add", "-A")
    failing = try_repo(repo, home)
    output = failing.stdout
    assert failing.returncode == 1, output + failing.stderr
    assert hook_lines(output) == {"vcvalues lint": "Failed", "vcvalues schema drift": "Failed"}
    assert re.search(
        r"^deploy/vcluster/values-prod\.yaml:3:[0-9]+: error \[(schema|pod-security-level)\] ", output, re.M
    )
    assert "charts/ingress-nginx" not in output
    assert "deploy/vcluster/values.yaml:" not in output
    assert (
        "charts/team-a/values.schema.json: not the schema vcvalues generates for vcluster k3s 0.19.9 under "
        "'vcluster'\nhint: regenerate it with: vcvalues schema --chart-version 0.19.9 --distro k3s "
        "--subchart-key vcluster -o charts/team-a/values.schema.json\n"
    ) in output
    assert "charts/web/Chart.yaml: skipped, its Chart.yaml has no vcluster dependency\n" in output
