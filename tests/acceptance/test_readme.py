"""The README's examples are true: the Python block runs and passes mypy --strict, the lint output shown
is the output printed, and the pre-commit snippet names no tag that does not exist."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.acceptance.test_cli_friction import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def _python_block() -> str:
    """The block of the "Python API" section (check-pods' section has its own example)."""
    match = re.search(r"^## Python API\n.*?^```python\n(.*?)^```$", README, re.S | re.M)
    assert match is not None
    return match[1]


def test_python_example_runs(tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "isolated" / "values.yaml", tmp_path / "values.yaml")
    (tmp_path / "example.py").write_text(_python_block())
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("True\nTrue\n---\n# Source: vcluster/templates/networkpolicy.yaml\n")


def test_python_example_passes_mypy_strict(tmp_path: Path) -> None:
    example = tmp_path / "example.py"
    example.write_text(_python_block())
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "pyproject.toml", str(example)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    # and it would catch the README's old example
    example.write_text("import vcvalues\nprint(vcvalues.compile_values([]).model.isolation.enabled)\n")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "pyproject.toml", str(example)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and 'of "Isolation | None" has no attribute "enabled"' in done.stdout


def test_lint_output_shown_is_the_output_printed(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    shown = re.search(
        r"^vcvalues lint examples/isolated-loadbalancer/values.yaml +# exit 1\n((?:#  .*\n|#    .*\n)+)",
        README,
        re.M,
    )
    assert shown is not None
    lines: list[str] = []
    for line in shown[1].splitlines():
        if line.startswith("#    ") and not line.startswith("#    hint:"):
            lines[-1] += " " + line[5:]
        else:
            lines.append(line[3:] if line.startswith("#  ") else "  " + line[5:])
    code, out, _ = cli("lint", "examples/isolated-loadbalancer/values.yaml")
    assert code == 1
    assert out.splitlines() == lines


def test_pre_commit_snippet_names_no_made_up_tag() -> None:
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True, check=False).stdout
    for rev in re.findall(r"^\s+rev: (\S+)", README, re.M):
        assert rev in tags.split() or re.fullmatch(r"[0-9a-f]{40}", rev), rev
    assert "<org>" not in README
