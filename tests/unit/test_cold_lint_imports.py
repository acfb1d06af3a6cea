"""A cold ``vcvalues lint`` of legacy values keeps heavy modules it does not need out of the process.

Each case runs the command in a fresh interpreter and reads ``sys.modules`` (issue 17: what a cold start
imports is what it costs). Still imported on this path: typing (``vcvalues/__init__``, ``core/_record``,
``core/compiled``'s Generic base). pathlib is not imported by an installed vcvalues, but the editable
install's import finder of the development venv imports it, so it is not checked here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BENCHMARK_VALUES = Path(__file__).resolve().parents[2] / "benchmarks" / "values-170.yaml"
KEPT_OFF = (
    *("difflib", "fractions", "json", "ruamel.yaml.main", "ruamel.yaml.cyaml", "glob"),
    *("pydantic", "jsonschema", "jsonschema_rs", "dataclasses", "inspect", "decimal"),
    "vcvalues.legacy.render",  # the usual isolated file is decided without rendering (helm-failures)
)


def loaded_after_lint(*args: str) -> tuple[int, list[str]]:
    script = textwrap.dedent(
        f"""
        import sys
        from vcvalues.cli import main
        code = main(["lint", "--format", "text", *sys.argv[1:]])
        loaded = sorted(m for m in {KEPT_OFF!r} if m in sys.modules)
        import json
        print(json.dumps({{"code": code, "loaded": loaded}}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return found["code"], found["loaded"]


@pytest.mark.parametrize(
    "text",
    [
        BENCHMARK_VALUES.read_text(),
        "isolation:\n  enabled: true\nservice:\n  type: LoadBalancer\n",  # errors, a fixable one
        "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      requests.cpu: 2\n",
    ],
    ids=["benchmark-file", "flagship-errors", "quota"],
)
def test_a_cold_lint_imports_none_of_the_heavy_modules(tmp_path: Path, text: str) -> None:
    path = tmp_path / "values.yaml"
    path.write_text(text)
    code, loaded = loaded_after_lint("--chart-version", "0.19.10", str(path))
    assert code in (0, 1)
    assert loaded == []


def test_a_suggestion_imports_difflib_when_it_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      request.cpu: 2\n")
    code, loaded = loaded_after_lint("--chart-version", "0.19.10", str(path))
    assert code == 1
    assert loaded == ["difflib"]


def test_config_discovery_umbrella_and_validation_do_without_pathlib(tmp_path: Path) -> None:
    # legacy.compile still imports pathlib for a lint; the core's share of the path does not. The editable
    # development install loads pathlib at startup, so it is dropped first and must not come back.
    (tmp_path / ".git").mkdir()
    values = tmp_path / "values.yaml"
    values.write_text("isolation:\n  enabled: true\n")
    script = textwrap.dedent(
        """
        import json, sys
        for name in [m for m in sys.modules if m == "pathlib"]:
            del sys.modules[name]
        from vcvalues.core.config import config_for
        from vcvalues.core.umbrella import umbrella_of
        from vcvalues.legacy.chart import resolve_chart
        from vcvalues.legacy.validate import validate_values
        config = config_for(sys.argv[1])
        umbrella = umbrella_of(sys.argv[1])
        issues = validate_values({"isolation": {"enabled": "maybe"}}, resolve_chart("0.19.10", "k3s"))
        print(json.dumps({"rules": len(config.rules), "umbrella": umbrella, "issues": len(issues),
                          "pathlib": "pathlib" in sys.modules}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(values)], capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["umbrella"] is None and found["issues"] == 1 and found["rules"] > 0
    assert found["pathlib"] is False
