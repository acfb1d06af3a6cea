"""A lint of 0.20+ values stays in the modern wing: the legacy render and rules are not imported (they
cost a cold ``vcvalues lint`` ~30 ms, issue 17), whatever the rules find; and valid values are judged
without jsonschema_rs (imported only to word schema errors)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "modern" / "vcluster.yaml"
LEGACY = ("vcvalues.legacy.render", "vcvalues.legacy.rules", "vcvalues.legacy.compile")
_PROBE = (
    "import sys\n"
    "from vcvalues.cli import main\n"
    "code = main(['lint', '--format', 'json', *sys.argv[1:]])\n"
    "print('LOADED=' + ','.join(m for m in {watched!r} if m in sys.modules), code)\n"
)


def _loaded(*args: str, watched: tuple[str, ...]) -> tuple[list[str], int]:
    code = _PROBE.format(watched=watched)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    names, exit_code = done.stdout.strip().splitlines()[-1].removeprefix("LOADED=").split(" ")
    return [name for name in names.split(",") if name], int(exit_code)


def test_a_clean_modern_lint_imports_neither_the_legacy_wing_nor_jsonschema_rs() -> None:
    loaded, code = _loaded("--chart-version", "0.36.1", str(EXAMPLE), watched=(*LEGACY, "jsonschema_rs"))
    assert (loaded, code) == ([], 0)


def test_jsonschema_rs_words_the_errors_of_invalid_values(tmp_path: Path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text("policies:\n  podSecurityStandrd: baseline\n")
    loaded, code = _loaded(str(values), watched=("jsonschema_rs",))
    assert (loaded, code) == (["jsonschema_rs"], 1)


@pytest.mark.parametrize(
    "text",
    [
        "policies:\n  resourceQuota:\n    enabled: true\n    quota:\n      requests.cpu: 20GB\n",
        "policies:\n  networkPolicy:\n    enabled: true\n  podSecurityStandrd: baseline\n",
        "isolation:\n  enabled: true\npolicies:\n  networkPolicy:\n    enabled: true\n",
    ],
)
def test_a_modern_lint_with_findings_imports_no_legacy_wing(tmp_path: Path, text: str) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text(text)
    loaded, code = _loaded("--chart-version", "0.36.1", str(values), watched=LEGACY)
    assert (loaded, code) == ([], 1)
