"""vcvalues.cli._lint_args reads the usual ``lint`` command line exactly as argparse does, or defers to it."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vcvalues.cli import _ArgumentError
from vcvalues.cli._lint_args import parse_lint
from vcvalues.cli._parser import build_parser

OPTIONS = [
    "--chart-version", "--distro", "--release", "--namespace", "--helm-version", "--format", "--disable",
    "--config", "--subchart-key", "--strict", "--verbose", "-q", "--quiet", "--fix",
    "--chart", "--form", "-h", "--help", "--", "-x", "--strict=1", "-qv",
]  # fmt: skip
VALUES = [
    "0.19.10", "0.36.1", "k3s", "k8s", "eks", "gke", "json", "sarif", "xml",
    "3", "4", " 4", "+3", "5", "three", "a,b", "team-a", "-", "-1", "--x", "",
]  # fmt: skip
FILES = ["values.yaml", "b.yaml", "-", "", "dir/c.yaml", "x=y"]
TOKEN = st.one_of(
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.sampled_from(FILES),
    st.builds(
        lambda option, value: f"{option}={value}", st.sampled_from(OPTIONS[:9]), st.sampled_from(VALUES)
    ),
)


def with_argparse(arguments: list[str]) -> dict[str, object] | None:
    """What argparse makes of ``arguments`` (None when it refuses them or prints help)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return vars(build_parser("lint").parse_args(arguments))
    except (_ArgumentError, SystemExit):
        return None


@settings(max_examples=600, deadline=None)
@given(st.lists(TOKEN, max_size=7))
def test_a_command_line_read_without_argparse_reads_as_argparse_reads_it(tokens: list[str]) -> None:
    arguments = ["lint", *tokens]
    fast = parse_lint(arguments)
    if fast is not None:
        assert vars(fast) == with_argparse(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        ["values.yaml"],
        ["--chart-version", "0.19.10", "values.yaml"],
        ["--chart-version=0.19.10", "--distro", "k8s", "a.yaml", "b.yaml"],
        ["--format", "json", "--strict", "--disable", "a,b", "--disable=c", "-q", "values.yaml"],
        ["a.yaml", "--fix", "--helm-version", "4", "--config", "cfg.yaml"],
        ["--release", "r", "--namespace", "ns", "--subchart-key", "vcluster", "--verbose", "-"],
    ],
)
def test_the_usual_command_lines_take_the_fast_path(arguments: list[str]) -> None:
    fast = parse_lint(["lint", *arguments])
    assert fast is not None
    assert vars(fast) == with_argparse(["lint", *arguments])


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["--help"],
        ["--chart", "0.19.10", "a.yaml"],
        ["a.yaml", "--strict", "b.yaml"],
        ["--format", "xml", "a.yaml"],
        ["--helm-version", "5", "a.yaml"],
        ["--release", "-x", "a.yaml"],
        ["--", "a.yaml"],
    ],
)
def test_anything_else_is_left_to_argparse(arguments: list[str]) -> None:
    assert parse_lint(["lint", *arguments]) is None


def test_a_cold_lint_imports_neither_argparse_nor_locale(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    values.write_text("isolation:\n  enabled: true\n")
    script = textwrap.dedent(
        """
        import sys
        from vcvalues.cli import main
        code = main(["lint", "--chart-version", "0.19.10", sys.argv[1]])
        loaded = [m for m in ("argparse", "gettext", "locale") if m in sys.modules]
        import json
        print(json.dumps({"code": code, "loaded": loaded}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(values)], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"code": 0, "loaded": []}
