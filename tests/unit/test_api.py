"""The public API: every name in __all__ resolves, and importing the package stays light."""

from __future__ import annotations

import subprocess
import sys

import vcvalues


def test_every_exported_name_resolves() -> None:
    for name in vcvalues.__all__:
        assert getattr(vcvalues, name) is not None, name


def test_unknown_attribute_raises_attribute_error() -> None:
    try:
        vcvalues.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_and_lint_path_do_not_import_pydantic_or_jsonschema() -> None:
    code = (
        "import sys, vcvalues\n"
        "from vcvalues.legacy.compile import compile_text\n"
        "r = compile_text('isolation:\\n  enabled: true\\n', run_rules=True)\n"
        "heavy = [m for m in ('pydantic', 'jsonschema', 'deepmerge') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_lint_command_on_a_modern_file_imports_neither_pydantic_nor_jsonschema(tmp_path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text(
        "policies:\n  resourceQuota:\n    enabled: true\n    quota:\n      requests.cpu: 20GB\n"
        "  podSecurityStandrd: baseline\ncontrolPlane:\n  service:\n    spec:\n      type: LoadBalancer\n"
    )
    code = (
        "import sys\n"
        "from vcvalues.cli import main\n"
        f"code = main(['lint', '--format', 'json', {str(values)!r}])\n"
        "heavy = [m for m in ('pydantic', 'jsonschema', 'deepmerge') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy), code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1]
    assert last == "HEAVY= 1"  # exit 1: errors found (invalid-quantity, unknown-key, expose-needs-nodeports)
    assert '"chart": "vcluster-0.36.1"' in out.stdout


def test_compile_values_through_the_package() -> None:
    result = vcvalues.compile_text("isolation:\n  enabled: true\n")
    assert result.ok
    assert result.values["isolation"]["enabled"] is True
