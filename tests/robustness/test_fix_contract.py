"""`lint --fix` on files it cannot (or must not) rewrite: it fails closed (issue 15, family 3).

Whenever the fix is not written, the fixable problem is reported as an error, ``not fixed: ...``, with
the reason as hint, and the exit code is 1: the problem is still in the file."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from vcvalues.cli import IO, main
from vcvalues.core import atomic

FLAGSHIP = "isolation:\n  enabled: true\nservice:\n  type: LoadBalancer\n"
FIXED = (
    "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"
    "service:\n  type: LoadBalancer\n"
)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), IO(out, err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def _read_only_folder(path: Path) -> None:
    path.parent.chmod(0o555)


REFUSALS: dict[str, tuple[bytes, Callable[[Path], None] | None, str]] = {
    "multi-document": (FLAGSHIP.encode() + b"---\nb: 1\n", None, "not fixed: "),
    "lone CR": (FLAGSHIP.replace("true\n", "true\r  \n").encode(), None, "carriage return"),
    "mixed line ends": (FLAGSHIP.replace("true\n", "true\r\n").encode(), None, "mixes LF and CRLF"),
    "UTF-16": (FLAGSHIP.encode("utf-16"), None, "not fixed: "),
    "read-only file": (FLAGSHIP.encode(), lambda p: p.chmod(0o444), "is read-only"),
    "hard link": (FLAGSHIP.encode(), lambda p: os.link(p, p.parent / "other.yaml"), "hard links"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_fix_exits_1_with_the_problem_as_an_error(repo: Path, case: str) -> None:
    data, prepare, reason = REFUSALS[case]
    path = repo / "values.yaml"
    path.write_bytes(data)
    if prepare is not None:
        prepare(path)
    code, out, err = cli("lint", "--fix", str(path))
    assert code == 1, (out, err)
    assert path.read_bytes() == data
    assert f"vcvalues: {path}: not fixed: " in err
    assert reason in err
    assert "error [expose-needs-nodeports] not fixed: set isolation.resourceQuota.quota" in out
    assert "hint: the fix could not be written: " in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_fails_closed(repo: Path) -> None:
    folder = repo / "ro"
    folder.mkdir()
    path = folder / "values.yaml"
    path.write_text(FLAGSHIP)
    folder.chmod(0o555)
    try:
        code, out, _ = cli("lint", "--fix", str(path))
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert "not fixed: " in out


def test_a_file_changed_meanwhile_fails_closed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = repo / "values.yaml"
    path.write_text(FLAGSHIP)
    real_swap = atomic._swap_in

    def edit_then_swap(temp: str, where: Path, expected: bytes | None, name: str) -> None:
        path.write_text(FLAGSHIP + "# saved by an editor meanwhile\n")
        real_swap(temp, where, expected, name)

    monkeypatch.setattr(atomic, "_swap_in", edit_then_swap)
    code, out, err = cli("lint", "--fix", str(path))
    assert code == 1
    assert "error [expose-needs-nodeports] not fixed: " in out
    assert "changed on disk" in err
    assert path.read_text() == FLAGSHIP + "# saved by an editor meanwhile\n"


def test_crlf_file_gets_crlf_lines(repo: Path) -> None:
    path = repo / "values.yaml"
    path.write_bytes(FLAGSHIP.replace("\n", "\r\n").encode())
    code, _, err = cli("lint", "--fix", str(path))
    assert code == 0, err
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_bom_is_kept(repo: Path) -> None:
    path = repo / "values.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + FLAGSHIP.encode())
    code, _, err = cli("lint", "--fix", str(path))
    assert code == 0, err
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


def test_fix_writes_through_a_symlink(repo: Path) -> None:
    real = repo / "charts" / "values.yaml"
    real.parent.mkdir()
    real.write_text(FLAGSHIP)
    link = repo / "values.yaml"
    link.symlink_to(real)
    code, _, err = cli("lint", "--fix", str(link))
    assert code == 0, err
    assert link.is_symlink()
    assert real.read_text() == FIXED


def test_fix_keeps_mode(repo: Path) -> None:
    path = repo / "values.yaml"
    path.write_text(FLAGSHIP)
    path.chmod(0o604)
    assert cli("lint", "--fix", str(path))[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    assert path.read_text() == FIXED
