"""Issue 15, family 1: no input reaches exit 3 (internal error). Each case is a diagnostic (exit 1) or a
usage error (exit 2) with a message; hypothesis covers the open-ended ones (digit counts, Unicode digit
classes, nesting depths)."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vcvalues.cli import IO, main
from vcvalues.legacy.rules.network import parse_cidr

POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: x}]}\n"


def run(argv: list[str], out: io.TextIOBase | None = None) -> tuple[int, str, str]:
    stdout, err = out or io.StringIO(), io.StringIO()
    code = main(argv, IO(out=stdout, err=err))  # type: ignore[arg-type]
    return code, stdout.getvalue() if isinstance(stdout, io.StringIO) else "", err.getvalue()


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 12_000), st.sampled_from(["major", "minor", "patch"]))
def test_chart_version_of_any_digit_count_is_a_usage_error_or_accepted(digits: int, part: str) -> None:
    number = "9" * digits  # two digits at least: 0.19.9 is a release (exit 0)
    version = {"major": f"{number}.19.0", "minor": f"0.{number}.0", "patch": f"0.19.{number}"}[part]
    code, _, err = run(["schema", "--chart-version", version])
    assert code == 2
    assert "is not a vcluster release" in err or "unsupported" in err or "not" in err
    assert "internal error" not in err


@settings(max_examples=10, deadline=None)
@given(digits=st.integers(10, 12_000))
def test_pod_security_version_with_any_digit_count_is_a_usage_error(
    digits: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pod = tmp_path_factory.mktemp("pods") / "pod.yaml"
    pod.write_text(POD)
    code, _, err = run(["check-pods", "--version", "v1." + "9" * digits, str(pod)])
    assert code == 2
    assert 'must be "latest" or "v1.x"' in err


def test_render_re_resolving_a_5000_digit_quoted_string_keeps_it_a_string(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    values.write_text(f'isolation:\n  namespace: "{"9" * 5000}"\n')
    code, _out, err = run(["render", "-f", str(values), "--output", "values"])
    assert "internal error" not in err
    assert code in (0, 1)


def test_config_with_a_5000_digit_number_names_the_line(tmp_path: Path) -> None:
    config = tmp_path / "cfg.yaml"
    config.write_text(f"rules:\n  float-rendering: {'9' * 5000}\n")
    values = tmp_path / "values.yaml"
    values.write_text("isolation:\n  enabled: false\n")
    code, _, err = run(["lint", "--config", str(config), str(values)])
    assert code == 2
    assert f"{config}:2:20: float-rendering: expected off, on" in err


# Digits that str.isdigit() accepts but Go's IP parser does not: superscripts (No) and every
# non-ASCII decimal digit (Nd), e.g. Arabic-Indic and fullwidth.
NON_ASCII_DIGITS = [chr(c) for c in range(0x80, 0x10000) if chr(c).isdigit()]


@given(st.sampled_from(NON_ASCII_DIGITS), st.integers(0, 3), st.booleans())
def test_cidr_with_any_non_ascii_digit_is_not_a_cidr(digit: str, octet: int, in_prefix: bool) -> None:
    octets = ["10", "0", "0", "0"]
    prefix = "8"
    if in_prefix:
        prefix = digit
    else:
        octets[octet] = digit + "0"
    assert parse_cidr(".".join(octets) + "/" + prefix) is None, unicodedata.name(digit, "?")


@pytest.mark.parametrize(
    ("cidr", "expected"),
    [("10.0.0.0/8", "10.0.0.0/8"), ("010.0.0.0/08", "10.0.0.0/8"), ("10.0.0.0/0008", "10.0.0.0/8")],
)
def test_ascii_cidrs_still_parse_as_go_does(cidr: str, expected: str) -> None:
    assert str(parse_cidr(cidr)) == expected


@pytest.mark.parametrize(
    "cidr", ["\u00b2.0.0.0/8", "\u0661\u0660.0.0.0/8", "10.0.0.0/\u0668", "10.0.0.0/" + "9" * 5000]
)
def test_lint_reports_a_non_ascii_cidr_as_invalid(tmp_path: Path, cidr: str) -> None:
    values = tmp_path / "values.yaml"
    values.write_text(
        "isolation:\n  enabled: true\n  networkPolicy:\n    outgoingConnections:\n"
        f'      ipBlock:\n        cidr: "{cidr}"\n',
        encoding="utf-8",
    )
    code, out, err = run(["lint", str(values)])
    assert code == 1, err
    assert f"{values}:6:15: error [egress-cidr]" in out
    assert "not a valid CIDR" in out or "is not" in out


def _check(tmp_path: Path, text: str) -> tuple[int, str, str]:
    schema = tmp_path / "values.schema.json"
    schema.write_text(text, encoding="utf-8", errors="surrogatepass")
    return run(["schema", "--check", str(schema)])


@settings(max_examples=8, deadline=None)
@given(depth=st.integers(513, 200_000))
def test_schema_check_of_deep_json_is_drift_not_a_crash(
    depth: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    code, out, _err = _check(tmp_path_factory.mktemp("s"), "[" * depth + "]" * depth)
    assert code == 1
    assert f"nested {depth} levels deep" in out


def test_schema_check_of_huge_int_and_lone_surrogate(tmp_path: Path) -> None:
    code, out, err = _check(tmp_path, json.dumps({"a": 1}).replace("1", "9" * 5000))
    assert (code, "internal error" in err) == (1, False)
    code, out, err = _check(tmp_path, '{"a": "\\ud800"}')
    assert code == 1
    assert "lone surrogate \\ud800" in out


def test_schema_check_with_a_chart_dependency_named_by_a_list(tmp_path: Path) -> None:
    (tmp_path / "Chart.yaml").write_text(
        "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies:\n- name: [a]\n  version: 0.19.0\n"
    )
    code, _out, err = _check(tmp_path, "{}")
    assert code == 0
    assert "has no vcluster dependency" in err


class _Failing(io.TextIOBase):
    def __init__(self, error: OSError | ValueError) -> None:
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise self.error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (BrokenPipeError(32, "Broken pipe"), "stdout was closed before everything was written (broken pipe)"),
        (OSError(28, "No space left on device"), "cannot write to stdout: No space left on device"),
        (
            ValueError("I/O operation on closed file."),
            "cannot write to stdout: I/O operation on closed file.",
        ),
    ],
)
@pytest.mark.parametrize("argv", [["schema"], ["rules"], ["explain", "egress-cidr"], ["--version"]])
def test_output_failures_are_exit_2(error: OSError | ValueError, message: str, argv: list[str]) -> None:
    code, _, err = run(argv, out=_Failing(error))
    assert code == 2
    assert err == f"vcvalues: error: {message}\n"


def test_dev_full_is_exit_2() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        err = io.StringIO()
        code = main(["schema"], IO(out=full, err=err))
    assert code == 2
    assert err.getvalue() == "vcvalues: error: cannot write to stdout: No space left on device\n"


TYPED_KEYS = [
    "isolation:\n  resourceQuota:\n    quota:\n      x: ",
    "syncer:\n  resources:\n    limits: ",
    "syncer:\n  extraArgs: ",
]


@settings(max_examples=12, deadline=None)
@given(
    key=st.sampled_from(TYPED_KEYS),
    depth=st.integers(1, 400),
    kind=st.sampled_from(["map", "list"]),
)
def test_deep_values_under_typed_keys_are_diagnostics(
    key: str, depth: int, kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """jsonschema_rs refuses instances ~250 levels deep ("Recursion limit reached", was exit 3): every
    such value is the wrong type at the typed key, reported on its line."""
    prefix = key
    nested = "{a: " * depth + "x" + "}" * depth if kind == "map" else "[" * depth + "1" + "]" * depth
    values = tmp_path_factory.mktemp("deep") / "values.yaml"
    values.write_text(prefix + nested + "\n")
    code, out, err = run(["lint", str(values)])
    assert "internal error" not in err
    assert code == 1
    assert f"{values}:{prefix.count(chr(10)) + 1}:" in out
    assert "error [" in out


@pytest.mark.parametrize(
    ("value", "converted"),
    [("9" * 5000, None), ("0" * 40 + "15", "15"), ("-" + "9" * 4400, None), ("15", "15")],
)
def test_convert_integer_flags_of_any_length(tmp_path: Path, value: str, converted: str | None) -> None:
    values = tmp_path / "values.yaml"
    values.write_text(f"syncer:\n  extraArgs:\n  - --lease-duration={value}\n")
    code, out, err = run(["convert", "-f", str(values)])
    assert "internal error" not in err
    if converted is None:
        assert code == 1
        assert f"{values}:3:5: error [convert-unsupported]" in err
        assert "is not an integer" in err
    else:
        assert code == 0, err
        assert f"leaseDuration: {converted}\n" in out
