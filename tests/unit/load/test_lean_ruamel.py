"""The lint path imports the C parser without ruamel.yaml's ``__init__``; the full package still works after.

Each case runs in a fresh interpreter: what is under test is the state of ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

FLAGSHIP = "isolation:\n  enabled: true   # on\nservice:\n  type: LoadBalancer\n"
FIXED = "isolation:\n  enabled: true   # on\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"


def run(script: str, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True, check=True
    )
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_a_lint_runs_neither_ruamel_init_nor_its_main(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text(FLAGSHIP)
    found = run(
        """
        import json, sys
        from vcvalues.cli import main
        code = main(["lint", "--format", "json", sys.argv[1]])
        skipped = ("ruamel.yaml.main", "ruamel.yaml.cyaml", "ruamel.yaml.loader", "glob")
        loaded = sorted(m for m in skipped if m in sys.modules)
        complete = "__version__" in vars(sys.modules["ruamel.yaml"])
        print(json.dumps({"code": code, "loaded": loaded, "complete": complete}))
        """,
        str(path),
    )
    assert found == {"code": 1, "loaded": [], "complete": False}


def test_lint_then_fix_in_one_process_uses_the_full_package(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text(FLAGSHIP)
    found = run(
        """
        import json, sys
        from vcvalues.cli import main
        first = main(["lint", sys.argv[1]])
        fixed = main(["lint", "--fix", sys.argv[1]])
        import ruamel.yaml
        print(json.dumps({"codes": [first, fixed], "version": ruamel.yaml.__version__,
                          "one_module": sys.modules["ruamel.yaml"] is ruamel.yaml,
                          "events_shared": ruamel.yaml.events is sys.modules["ruamel.yaml.events"]}))
        """,
        str(path),
    )
    assert found["codes"] == [1, 0]
    assert found["one_module"] is True and found["events_shared"] is True
    assert isinstance(found["version"], str) and found["version"]
    assert path.read_text().startswith(FIXED)


def test_the_full_package_imported_first_is_kept_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text(FLAGSHIP)
    found = run(
        """
        import io, json, sys
        from ruamel.yaml import YAML
        before = sys.modules["ruamel.yaml"]
        from vcvalues.cli import main
        code = main(["lint", "--fix", sys.argv[1]])
        out = io.StringIO()
        YAML().dump({"a": [1, 2]}, out)
        same = sys.modules["ruamel.yaml"] is before
        print(json.dumps({"code": code, "same": same, "dump": out.getvalue()}))
        """,
        str(path),
    )
    assert found == {"code": 0, "same": True, "dump": "a:\n- 1\n- 2\n"}
    assert path.read_text().startswith(FIXED)


def test_when_the_lean_import_fails_the_plain_import_is_used() -> None:
    found = run(
        """
        import importlib.util, json, sys
        importlib.util.find_spec = lambda name, package=None: None  # a ruamel laid out otherwise
        from vcvalues.core import _lean_ruamel
        from vcvalues.core.load import load_yaml
        from ruamel.yaml import YAML
        print(json.dumps({"data": load_yaml("a: [1, {b: c}]\\n", file="x").data,
                          "main": "ruamel.yaml.main" in sys.modules,
                          "parser": _lean_ruamel.CParser.__module__}))
        """
    )
    assert found == {"data": {"a": [1, {"b": "c"}]}, "main": True, "parser": found["parser"]}
    assert "_ruamel_yaml" in str(found["parser"])
