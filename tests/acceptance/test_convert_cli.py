"""`vcvalues convert` end to end: files, stdin, -o, diagnostics with file:line:col, exit codes."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.unit.convert._support import schema_errors
from vcvalues.cli import IO, main

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", *argv], IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def parse(text: str) -> dict:
    return YAML(typ="safe", pure=True).load(text)


ISOLATED_K0S = """
isolation:
  enabled: true
  podSecurityStandard: baseline
  resourceQuota:
    enabled: true
  limitRange:
    enabled: true
  networkPolicy:
    enabled: false
"""


def test_upstream_isolated_mode_case_prints_what_vcluster_0_20_prints(tmp_path):
    code, out, err = run(
        "-f", write(tmp_path, "values.yaml", ISOLATED_K0S), "--distro", "k0s", "--to", "0.20"
    )

    assert (code, err) == (0, "")
    assert out == textwrap.dedent(
        """\
        controlPlane:
          distro:
            k0s:
              enabled: true
          statefulSet:
            scheduling:
              podManagementPolicy: OrderedReady
        policies:
          limitRange:
            enabled: true
          podSecurityStandard: baseline
          resourceQuota:
            enabled: true
        """
    )
    assert schema_errors("0.20", parse(out)) == []


def test_upstream_errors_are_reported_with_positions_and_nothing_is_printed(tmp_path):
    path = write(
        tmp_path,
        "legacy.yaml",
        """
        isolation:
          enabled: true
          namespace: tenants
          nodeProxyPermission:
            enabled: true
        syncer:
          extraArgs:
            - --enforce-pod-security-standard=restricted
            - --enforce-node-selector=false
            - --no-such-flag
        """,
    )
    code, out, err = run("-f", path, "--distro", "k8s")

    assert (code, out) == (1, "")
    unsupported = "error [convert-unsupported]"
    assert [line for line in err.splitlines() if not line.startswith("  hint:")] == [
        f"{path}:3:3: {unsupported} isolation.namespace is no longer supported",
        f"{path}:5:5: {unsupported} isolation.nodeProxyPermission.enabled is no longer supported",
        f"{path}:8:7: {unsupported} syncer flag --enforce-pod-security-standard cannot be converted: "
        "shouldn't be used directly, use isolation.podSecurityStandard instead (syncer.extraArgs[0])",
        f"{path}:9:7: {unsupported} syncer flag --enforce-node-selector cannot be converted: "
        "this is not supported anymore, node selector will from now on always be enforced "
        "(syncer.extraArgs[1])",
        f"{path}:10:7: {unsupported} unknown syncer flag --no-such-flag (syncer.extraArgs[2])",
        "5 error(s), 0 warning(s), 0 info(s) in 1 file(s)",
    ]


def test_keys_outside_the_scope_are_infos_and_do_not_fail(tmp_path):
    path = write(
        tmp_path,
        "values.yaml",
        """
        isolation:
          enabled: true
        syncer:
          replicas: 2
        ingress:
          enabled: true
        """,
    )
    code, out, err = run("-f", path, "--distro", "k3s", "--to", "0.20")

    assert code == 0
    assert "policies:\n" in out
    assert [line for line in err.splitlines() if not line.startswith("  hint:")] == [
        f"{path}:4:3: info [convert-not-converted] syncer.replicas is not converted: "
        "vcvalues converts only isolation-related values",
        f"{path}:5:1: info [convert-not-converted] ingress is not converted: "
        "vcvalues converts only isolation-related values",
        "0 error(s), 0 warning(s), 2 info(s) in 1 file(s)",
    ]


def test_several_files_merge_later_wins_and_errors_point_into_the_right_file(tmp_path):
    base = write(tmp_path, "base.yaml", "isolation:\n  enabled: true\n  podSecurityStandard: baseline\n")
    prod = write(tmp_path, "prod.yaml", "isolation:\n  podSecurityStandard: restricted\n")
    code, out, err = run("-f", base, "-f", prod, "--to", "0.36")
    assert (code, err) == (0, "")
    assert parse(out)["policies"]["podSecurityStandard"] == "restricted"

    bad = write(tmp_path, "bad.yaml", "# team overrides\nisolation:\n  namespace: x\n")
    code, out, err = run("-f", base, "-f", bad)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{bad}:3:3: error [convert-unsupported] isolation.namespace is no longer supported"
    )


def test_output_file_is_replaced_atomically_and_keeps_its_mode(tmp_path):
    source = write(tmp_path, "values.yaml", ISOLATED_K0S)
    target = tmp_path / "vcluster.yaml"
    target.write_text("old\n")
    target.chmod(0o640)

    code, out, err = run("-f", source, "--distro", "k0s", "-o", str(target))

    assert (code, out, err) == (0, "", "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert parse(target.read_text())["policies"]["podSecurityStandard"] == "baseline"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["values.yaml", "vcluster.yaml"]


def test_output_file_is_left_alone_when_conversion_fails(tmp_path):
    source = write(tmp_path, "values.yaml", "isolation:\n  enabled: true\n  namespace: x\n")
    target = tmp_path / "vcluster.yaml"
    target.write_text("old\n")

    code, out, _ = run("-f", source, "-o", str(target))

    assert (code, out, target.read_text()) == (1, "", "old\n")


def test_a_new_output_file_gets_the_umask_mode(tmp_path):
    source = write(tmp_path, "values.yaml", ISOLATED_K0S)
    target = tmp_path / "new.yaml"
    old_mask = os.umask(0o027)
    try:
        code, _, _ = run("-f", source, "-o", str(target))
    finally:
        os.umask(old_mask)
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_stdin_is_read_without_files_and_with_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("isolation:\n  enabled: true\n  namespace: x\n"))
    code, out, err = run()
    assert (code, out) == (1, "")
    assert err.startswith("<stdin>:3:3: error [convert-unsupported]")

    monkeypatch.setattr(sys, "stdin", io.StringIO("service:\n  type: NodePort\n"))
    code, out, err = run("-f", "-", "--to", "0.36")
    assert (code, err) == (0, "")
    assert parse(out)["controlPlane"]["service"] == {"spec": {"type": "NodePort"}}


def test_unreadable_input_and_bad_arguments_exit_2(tmp_path):
    code, out, err = run("-f", str(tmp_path / "missing.yaml"))
    assert (code, out) == (2, "")
    assert "missing.yaml: no such file" in err

    code, _, err = run("--to", "0.19")
    assert code == 2 and "invalid choice: '0.19'" in err

    code, _, err = run("-f", write(tmp_path, "v.yaml", "a: 1\n"), "--distro", "k9s")
    assert code == 2 and "unknown distro 'k9s'" in err


def test_syntax_errors_exit_1_without_output(tmp_path):
    code, out, err = run("-f", write(tmp_path, "broken.yaml", "isolation:\n  enabled: [true\n"))
    assert (code, out) == (1, "")
    assert "error [syntax]" in err


def test_json_diagnostics(tmp_path):
    code, _, err = run(
        "-f", write(tmp_path, "v.yaml", "isolation:\n  enabled: true\n  namespace: x\n"), "--format", "json"
    )
    assert code == 1
    assert '"rule": "convert-unsupported"' in err and '"line": 3' in err


@pytest.mark.parametrize(
    ("distro", "target"), [("k8s", "0.36"), ("k3s", "0.20"), ("eks", "0.20"), ("k0s", "0.36")]
)
def test_the_example_converts_and_validates(distro, target):
    code, out, err = run(
        "-f", str(ROOT / "examples" / "legacy-isolated.yaml"), "--distro", distro, "--to", target
    )

    assert (code, err) == (0, "")
    values = parse(out)
    assert schema_errors(target, values) == []
    assert values["policies"]["resourceQuota"]["quota"] == {
        "requests.cpu": 8,
        "limits.cpu": 16,
        "limits.memory": "64Gi",
        "services.nodeports": 2,
        "count/pods": None,
    }


def test_the_installed_entry_point_runs():
    completed = subprocess.run(
        [sys.executable, "-m", "vcvalues", "convert", "--distro", "k8s"],
        input="isolation:\n  enabled: true\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (completed.returncode, completed.stderr) == (0, "")
    assert "podSecurityStandard: baseline\n" in completed.stdout
