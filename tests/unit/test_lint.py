"""lint_files: each file on its own, umbrella values with --subchart-key, exit codes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vcvalues.core.diagnostics import Severity
from vcvalues.core.lint import lint_files


def _write(tmp_path: Path, text: str, name: str = "values.yaml") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return str(path)


def test_each_file_is_linted_on_its_own(tmp_path: Path) -> None:
    good = _write(tmp_path, "isolation:\n  enabled: true\n", "good.yaml")
    bad = _write(tmp_path, "isolaton:\n  enabled: true\n", "bad.yaml")
    outcome = lint_files([good, bad], disable=["service-account-token-annotations"])
    assert [(d.file, d.rule_id, d.line, d.column) for d in outcome.diagnostics] == [
        (bad, "unknown-key", 1, 1)
    ]
    assert outcome.exit_code() == 1


def test_unreadable_file_is_exit_2_and_the_others_are_still_linted(tmp_path: Path) -> None:
    bad = _write(tmp_path, "isolaton: {}\n")
    outcome = lint_files([str(tmp_path / "missing.yaml"), bad])
    assert outcome.exit_code() == 2
    assert outcome.messages == [f"vcvalues: error: {tmp_path / 'missing.yaml'}: no such file"]
    assert [d.rule_id for d in outcome.diagnostics] == ["unknown-key"]


def test_warnings_fail_only_under_strict(tmp_path: Path) -> None:
    path = _write(tmp_path, "isolation:\n  enabled: yes\n")
    outcome = lint_files([path], disable=["service-account-token-annotations"])
    assert [d.rule_id for d in outcome.diagnostics] == ["yaml11-boolean"]
    assert outcome.exit_code() == 0
    assert outcome.exit_code(strict=True) == 1


def test_subchart_key_lints_the_values_under_it_at_their_real_positions(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        global:
          team: a
        other-chart:
          whatever: 1
        vcluster:
          isolation:
            enabld: true
        """,
    )
    outcome = lint_files([path], subchart_key="vcluster")
    assert [(d.rule_id, d.line, d.column, d.key_path) for d in outcome.diagnostics] == [
        ("unknown-key", 7, 5, ("isolation", "enabld"))
    ]


def test_subchart_key_that_is_not_a_map_is_a_syntax_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "vcluster: 3\n")
    outcome = lint_files([path], subchart_key="vcluster")
    assert [(d.rule_id, d.line, d.column) for d in outcome.diagnostics] == [("syntax", 1, 11)]


def test_missing_subchart_key_means_no_overrides_and_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path, "other: 1\n")
    outcome = lint_files([path], subchart_key="vcluster")
    assert [(d.rule_id, d.severity, d.line, d.column, d.hint) for d in outcome.diagnostics] == [
        ("unknown-key", Severity.WARNING, 1, 1, "check the dependency's name or alias")
    ]
    assert outcome.exit_code() == 0


def test_a_subchart_key_typo_is_an_error_naming_the_key_meant(tmp_path: Path) -> None:
    path = _write(tmp_path, "vcluster:\n  isolation:\n    enabled: true\n")
    outcome = lint_files([path], subchart_key="vclustr")
    assert [(d.rule_id, d.severity, d.message, d.hint) for d in outcome.diagnostics] == [
        (
            "unknown-key",
            Severity.ERROR,
            "--subchart-key vclustr: the file has no top-level key 'vclustr', so none of its values reach "
            "the vcluster subchart",
            "did you mean --subchart-key vcluster?",
        )
    ]
    assert outcome.exit_code() == 1


def test_fix_written_into_the_file_says_so_in_the_hint(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        isolation:
          enabled: true  # keep me
        service:
          type: LoadBalancer
        syncer:
          extraArgs: [--service-account-token-secrets]
        """,
    )
    outcome = lint_files([path], fix=True)
    assert [(d.rule_id, d.severity.label, d.hint) for d in outcome.diagnostics] == [
        ("expose-needs-nodeports", "warning", f"written into {path}")
    ]
    assert "enabled: true  # keep me" in Path(path).read_text()
    assert lint_files([path]).exit_code() == 0
