"""write_atomic: the single writer behind lint --fix, convert -o and schema -o (DESIGN §12)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from vcvalues.core.atomic import ChangedOnDiskError, write_atomic
from vcvalues.errors import InputError


def test_replaces_content_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("old")
    assert write_atomic(target, "new: 1\n") is True
    assert target.read_text() == "new: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    target.chmod(0o640)
    write_atomic(target, "a: 2\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.yaml", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640


def test_an_unchanged_file_is_not_touched(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    inode = target.stat().st_ino
    assert write_atomic(target, "a: 1\n") is False
    assert target.stat().st_mtime_ns == 1_000_000_000
    assert target.stat().st_ino == inode


def test_refuses_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    read = target.read_bytes()
    target.write_text("a: 1  # edited meanwhile\n")
    with pytest.raises(ChangedOnDiskError, match="changed on disk"):
        write_atomic(target, "a: 2\n", expected=read)
    assert target.read_text() == "a: 1  # edited meanwhile\n"


def test_refuses_a_directory_or_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(tmp_path, "x")
    with pytest.raises(InputError, match="its folder does not exist"):
        write_atomic(tmp_path / "missing" / "out.yaml", "x")


@pytest.mark.parametrize("command", ["convert", "schema"])
def test_cli_output_files_go_through_it(tmp_path: Path, command: str) -> None:
    from vcvalues.cli import main

    source = tmp_path / "legacy.yaml"
    source.write_text("isolation:\n  enabled: true\n")
    out = tmp_path / "out.yaml"
    out.write_text("old\n")
    out.chmod(0o600)
    argv = (
        ["convert", "-f", str(source), "-o", str(out)] if command == "convert" else ["schema", "-o", str(out)]
    )
    assert main(argv) == 0
    assert out.read_text() != "old\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    mtime = out.stat().st_mtime_ns
    assert main(argv) == 0  # same content again: the file is not rewritten
    assert out.stat().st_mtime_ns == mtime
