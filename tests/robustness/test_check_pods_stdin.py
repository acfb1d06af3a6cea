"""check-pods reads '-' as lint reads it: the 16 MiB limit and the file's decoding, never exit 3."""

from __future__ import annotations

import subprocess
import sys


def run(data: bytes, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vcvalues", "check-pods", "-", *extra],
        input=data,
        capture_output=True,
        check=False,
        env={"PYTHONIOENCODING": "utf-8:strict", "PATH": "/usr/bin:/bin"},
    )


def test_invalid_utf8_on_stdin_is_a_syntax_diagnostic() -> None:
    done = run(b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\xe9\n")
    assert done.returncode == 1
    assert b"<stdin>:4:12: error [syntax] invalid UTF-8 byte 0xe9" in done.stdout


def test_stdin_over_16_mib_is_refused_not_read_whole() -> None:
    done = run(b"# " + b"x" * (16 * 1024 * 1024) + b"\n")
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert b"16 MiB" in done.stdout + done.stderr
