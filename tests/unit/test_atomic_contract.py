"""write_atomic's contract on hostile targets (issue 15, family 3): what it writes through, keeps,
refuses, and that no interruption or concurrent writer damages the file."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vcvalues.core import atomic
from vcvalues.core.atomic import ChangedOnDiskError, write_atomic
from vcvalues.errors import InputError


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_character_device_is_refused_without_reading_it() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic("/dev/zero", "x")  # used to read until memory ran out
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic("/dev/null", "x")  # as root it used to be replaced by a regular file
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "values.yaml"
    real.parent.mkdir()
    real.write_text("a: 1\n")
    link = tmp_path / "values.yaml"
    link.symlink_to(real)
    assert write_atomic(link, "a: 2\n", expected=b"a: 1\n") is True
    assert link.is_symlink()
    assert real.read_text() == "a: 2\n"
    assert _names(real.parent) == ["values.yaml"]


def test_a_dangling_symlink_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "values.yaml"
    link.symlink_to(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="symlink to a file that does not exist"):
        write_atomic(link, "a: 1\n")
    assert _names(tmp_path) == ["values.yaml"]


def test_hard_links_are_refused_not_split(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("a: 1\n")
    os.link(first, tmp_path / "b.yaml")
    with pytest.raises(InputError, match="has 2 hard links"):
        write_atomic(first, "a: 2\n")
    assert first.stat().st_ino == (tmp_path / "b.yaml").stat().st_ino
    assert first.read_text() == "a: 1\n"


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    target.chmod(0o444)
    with pytest.raises(InputError, match="is read-only"):
        write_atomic(target, "a: 2\n")
    assert target.read_text() == "a: 1\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    os.chown(target, 4321, 4322)
    write_atomic(target, "a: 2\n")
    info = target.stat()
    assert (info.st_uid, info.st_gid, target.read_text()) == (4321, 4322, "a: 2\n")


def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    try:
        os.setxattr(target, "user.vcvalues-test", b"kept")
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EPERM):
            pytest.skip(f"no user extended attributes on this file system ({exc.strerror})")
        raise
    write_atomic(target, "a: 2\n")
    assert os.getxattr(target, "user.vcvalues-test") == b"kept"


@settings(max_examples=25, deadline=None)
@given(
    kind=st.sampled_from(["regular", "symlink", "dangling", "hardlink", "readonly", "fifo", "dir", "missing"])
)
def test_any_target_is_written_as_promised_or_left_exactly_as_it_was(
    kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("t")
    path, real = folder / "out.yaml", folder / "real.yaml"
    if kind in ("regular", "hardlink", "readonly"):
        path.write_text("old\n")
    if kind == "symlink":
        real.write_text("old\n")
        path.symlink_to(real)
    if kind == "dangling":
        path.symlink_to(real)
    if kind == "hardlink":
        os.link(path, folder / "other.yaml")
    if kind == "readonly":
        path.chmod(0o444)
    if kind == "fifo":
        os.mkfifo(path)
    if kind == "dir":
        path.mkdir()
    before = {p.name: (p.lstat().st_mode, p.lstat().st_ino) for p in folder.iterdir()}
    try:
        write_atomic(path, "new\n")
    except InputError:
        after = {p.name: (p.lstat().st_mode, p.lstat().st_ino) for p in folder.iterdir()}
        assert after == before
        assert kind in ("dangling", "hardlink", "readonly", "fifo", "dir")
    else:
        assert kind in ("regular", "symlink", "missing")
        assert (real if kind == "symlink" else path).read_text() == "new\n"
        assert path.is_symlink() == (kind == "symlink")
    assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]


def test_a_change_made_between_the_check_and_the_rename_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("a: 1\n")
    real_swap = atomic._swap_in

    def edit_then_swap(temp: str, where: Path, expected: bytes | None, name: str) -> None:
        target.write_text("a: edited meanwhile\n")  # an editor saves while we are about to rename
        real_swap(temp, where, expected, name)

    monkeypatch.setattr(atomic, "_swap_in", edit_then_swap)
    with pytest.raises(ChangedOnDiskError):
        write_atomic(target, "a: 2\n", expected=b"a: 1\n")
    assert target.read_text() == "a: edited meanwhile\n"
    assert _names(tmp_path) == ["values.yaml"]


_WRITER = textwrap.dedent(
    """
    import sys
    from vcvalues.core.atomic import write_atomic
    path, size = sys.argv[1], int(sys.argv[2])
    print("ready", flush=True)
    for round in range(10_000):
        write_atomic(path, (f"round: {round}\\n" + "#" * size + "\\n"))
    """
)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_killed_at_random_moments_the_file_is_whole_and_no_temp_is_left(tmp_path: Path, sig: int) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("round: start\n")
    rng = random.Random(15)
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), str(rng.choice([10, 100_000, 2_000_000]))],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        child.stdout.readline()
        for _ in range(rng.randrange(0, 200_000)):  # a random moment, no clock involved
            pass
        child.send_signal(sig)
        child.wait()
        child.stdout.close()
        text = target.read_text()
        assert text.startswith("round: ")
        assert text.endswith("\n") and text.count("\n") in (1, 2)
        assert _names(tmp_path) == ["values.yaml"]


_CONCURRENT = textwrap.dedent(
    """
    import os, sys
    path = sys.argv[1]
    for i in range(400):
        temp = path + ".editor"
        with open(temp, "w") as f:
            f.write(f"editor: {i}\\n")
        os.replace(temp, path)
    """
)


def test_a_concurrent_writer_never_loses_an_edit_to_a_stale_fix(tmp_path: Path) -> None:
    """Every successful write_atomic(expected=old) replaced exactly ``old``; else it refused."""
    target = tmp_path / "values.yaml"
    target.write_text("editor: start\n")
    editor = subprocess.Popen([sys.executable, "-c", _CONCURRENT, str(target)])
    outcomes = {"written": 0, "refused": 0}
    try:
        for i in range(200):
            old = target.read_bytes()
            try:
                write_atomic(target, f"fix: {i}\n", expected=old)
                outcomes["written"] += 1
            except ChangedOnDiskError:
                outcomes["refused"] += 1
            except InputError as exc:  # the editor's temporary name may vanish mid-read
                assert "no such file" in str(exc).lower() or "cannot" in str(exc)
    finally:
        editor.wait()
    text = target.read_text()
    assert text.startswith(("editor: ", "fix: "))
    assert sum(outcomes.values()) <= 200
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
