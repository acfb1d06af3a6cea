"""DESIGN §12: every kind of bad input gives a clear diagnostic or exit 2, never a traceback."""

from __future__ import annotations

import io
import resource
import time
from pathlib import Path

import pytest

from vcvalues.cli import IO, main

# subcommand -> how it takes one input file
COMMANDS = {
    "lint": lambda f: ["lint", f],
    "render": lambda f: ["render", "-f", f],
    "convert": lambda f: ["convert", "-f", f],
    "check-pods": lambda f: ["check-pods", f],
}


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


BAD_YAML = {
    "syntax": (b"isolation:\n  enabled: true\n   x: [\n", "3:"),
    "tab": (b"isolation:\n\tenabled: true\n", "2:1"),
    "utf8": (b"isolation:\n  namespace: caf\xe9\n", "2:17"),
    "nul": (b"a: 1\nb: \x00\n", "2:4"),
    "list": (b"- isolation\n", "1:1"),
    "scalar": (b"just text\n", "1:1"),
}


# A manifest stream may hold lists and scalars: check-pods skips those (tested below).
BAD_YAML_CASES = [
    (command, case)
    for command in sorted(COMMANDS)
    for case in sorted(BAD_YAML)
    if not (command == "check-pods" and case in ("list", "scalar"))
]


@pytest.mark.parametrize(("command", "case"), BAD_YAML_CASES)
def test_bad_yaml_is_a_syntax_diagnostic_with_position(tmp_path: Path, command: str, case: str) -> None:
    data, where = BAD_YAML[case]
    path = _write(tmp_path, "in.yaml", data)
    code, out, err = run(COMMANDS[command](path))
    assert code == 1
    text = out + err
    assert f"{path}:{where}" in text
    assert "[syntax]" in text
    assert "Traceback" not in text


def test_check_pods_skips_non_objects(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.yaml", b"- a\n---\nhello\n")
    code, out, err = run(["check-pods", path])
    assert code == 1  # no pod found is not a pass (issue 16 item 3)
    assert "nothing was checked" in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("command", ["lint", "render", "convert"])
@pytest.mark.parametrize("data", [b"", b"# only a comment\n", b"---\n", b"\n\n\n"])
def test_empty_values_file_means_no_overrides(tmp_path: Path, command: str, data: bytes) -> None:
    path = _write(tmp_path, "empty.yaml", data)
    code, _, err = run(COMMANDS[command](path))
    assert code == 0, err


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "u16.yaml", "isolation:\n  enabled: true\n".encode("utf-16"))
    code, out, _ = run(["render", "-f", path])
    assert code == 0
    assert "kind: ResourceQuota" in out


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_missing_file_and_directory_exit_2_naming_the_path(tmp_path: Path, command: str) -> None:
    for path, reason in ((str(tmp_path / "nope.yaml"), "no such file"), (str(tmp_path), "is a directory")):
        code, out, err = run(COMMANDS[command](path))
        assert code == 2
        assert f"{path}: {reason}" in err
        assert out == ""


def test_unreadable_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root here, where file modes do not stop reading: simulate the OS refusing.
    # read_source opens with os.open (O_NONBLOCK, so a FIFO cannot block it): refuse there.
    import os

    real_open = os.open
    target = str(tmp_path / "secret.yaml")
    Path(target).write_text("a: 1\n")

    def guarded(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == target:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    code, _, err = run(["lint", target])
    assert code == 2
    assert f"{target}: permission denied" in err


DEEP = "nesting deeper than 512 levels"


def _bomb() -> bytes:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 10):
        prev, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomb.yaml", _bomb(), "alias bomb"),
        ("deep.yaml", b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "nesting deeper than 512 levels"),
        (
            "deepblock.yaml",
            b"".join(b" " * i + b"k:\n" for i in range(2000)),
            "nesting deeper than 512 levels",
        ),
    ],
)
@pytest.mark.parametrize("command", ["lint", "render", "convert", "check-pods"])
def test_hostile_input_is_refused_in_bounded_time(
    tmp_path: Path, name: str, data: bytes, message: str, command: str
) -> None:
    path = _write(tmp_path, name, data)
    started = time.monotonic()
    code, out, err = run(COMMANDS[command](path))
    elapsed = time.monotonic() - started
    assert code == 1
    assert message in out + err
    # a generous bound that only a runaway expansion would break (not a performance assertion)
    assert elapsed < 30


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"a: " + b"x" * (50 * 1024 * 1024) + b"\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, out, _ = run(["lint", str(path)])
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert code == 1
    assert "larger than 16 MiB; refused" in out
    assert grown_mib < 200


@pytest.mark.parametrize(
    "argv",
    [
        ["lint"],
        ["lint", "x.yaml", "--format", "xml"],
        ["render", "--output", "nope"],
        ["render", "--set", "a.b"],
        ["render", "--chart-version", "0.12.0"],
        ["render", "--chart-version", "banana"],
        ["lint", "x.yaml", "--distro", "minikube"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2_with_a_message(argv: list[str]) -> None:
    code, _, err = run(argv)
    assert code == 2
    assert err.strip()
    assert "Traceback" not in err
