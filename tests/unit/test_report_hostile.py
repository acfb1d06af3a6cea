"""Report formats on hostile keys, values and file names (issue 15, family 4)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.core.report import format_diagnostics, format_github, format_text, printable


def _diagnostic(key: str, file: str = "values.yaml") -> Diagnostic:
    return Diagnostic(
        "unknown-key",
        Severity.ERROR,
        f"unknown key {key}",
        file,
        3,
        5,
        hint=f"remove {key}",
        key_path=("isolation", key),
    )


def test_a_key_with_a_newline_cannot_start_a_workflow_command_line() -> None:
    text = format_text([_diagnostic("x\n::warning file=a::injected")], 1, {})
    assert not any(line.startswith("::") for line in text.splitlines())
    assert text.splitlines()[0] == (
        "values.yaml:3:5: error [unknown-key] unknown key x\\n::warning file=a::injected "
        "(isolation[x\\n::warning file=a::injected])"  # a key that is not plain goes in brackets
    )


@given(st.text())
def test_text_output_is_one_line_per_diagnostic_and_hint_whatever_the_key(key: str) -> None:
    text = format_text([_diagnostic(key, file=key or "f")], 1, {})
    assert len(text.splitlines()) == 3  # the diagnostic, its hint, the summary
    assert not any(line.startswith("::") for line in text.splitlines())


@given(st.text())
def test_github_output_is_one_command_per_diagnostic(key: str) -> None:
    text = format_github([_diagnostic(key, file=key or "f")], 1, {})
    assert len(text.splitlines()) == 1
    assert text.startswith("::error file=")


@pytest.mark.parametrize(
    ("char", "escaped"),
    [("\n", "\\n"), ("\r", "\\r"), ("\x1b", "\\x1b"), ("\x85", "\\x85"), ("\u2028", "\\u2028"), ("\t", "\t")],
)
def test_printable(char: str, escaped: str) -> None:
    assert printable(f"a{char}b") == f"a{escaped}b"


@pytest.mark.parametrize(
    ("file", "location"),
    [
        ("values.yaml", {"uri": "values.yaml"}),
        ("my values/v#1 100%.yaml", {"uri": "my%20values/v%231%20100%25.yaml"}),
        ("caf\u00e9.yaml", {"uri": "caf%C3%A9.yaml"}),
        ("<stdin>", {"description": {"text": "standard input"}}),
    ],
)
def test_sarif_uris_are_percent_encoded_and_stdin_has_none(file: str, location: dict[str, object]) -> None:
    document = json.loads(format_diagnostics([_diagnostic("k", file=file)], fmt="sarif"))
    result = document["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == location
