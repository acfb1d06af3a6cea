"""Issue 15, family 2: inputs that used to block forever or take all memory, and workers that outlived
a killed parent. Memory is measured (VmHWM of a child process); no test asserts a duration."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from vcvalues.cli import IO, main

VALUES = "isolation:\n  enabled: false\n"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "{fifo}"],
        ["lint", "--config", "{fifo}", "{values}"],
        ["render", "-f", "{fifo}"],
        ["convert", "-f", "{fifo}"],
        ["schema", "--check", "{fifo}"],
        ["schema", "-o", "{fifo}"],
        ["convert", "-f", "{values}", "-o", "{fifo}"],
    ],
)
def test_a_fifo_nobody_writes_to_is_refused_not_waited_on(
    tmp_path: Path, fifo: Path, argv: list[str]
) -> None:
    values = tmp_path / "values.yaml"
    values.write_text(VALUES)
    code, _, err = run([a.format(fifo=fifo, values=values) for a in argv])
    assert code == 2
    assert f"{fifo}: is not a regular file" in err


_STDIN_CHILD = textwrap.dedent(
    """
    import sys
    from vcvalues.cli import main
    code = main(sys.argv[1:])
    # VmHWM, the peak RSS of this program; ru_maxrss would include the forking pytest (kept over exec)
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    print("maxrss_kb", peak, file=sys.stderr)
    sys.exit(code)
    """
)


@pytest.mark.parametrize("argv", [["lint", "-"], ["render", "-f", "-"], ["convert"]])
def test_stdin_is_read_with_the_16_mib_limit(argv: list[str]) -> None:
    """300 MB on stdin used to be read whole (1.46 GB RSS). Now 16 MiB + 1 byte is read, then refused."""
    writer = subprocess.Popen(  # 120 MiB offered; the reader stops after 16 MiB
        [sys.executable, "-c", "import sys\nfor _ in range(120): sys.stdout.buffer.write(b'x' * (1 << 20))"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    child = subprocess.Popen(
        [sys.executable, "-c", _STDIN_CHILD, *argv],
        stdin=writer.stdout,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert writer.stdout is not None
    writer.stdout.close()  # the child holds the only reading end: the writer gets EPIPE when it stops
    out, err = child.communicate()
    writer.wait()
    text = out.decode() + err.decode()
    assert child.returncode == 1
    assert "<stdin>:1:1: error [syntax] input is larger than 16 MiB; refused" in text
    rss_kb = int(err.decode().rsplit("maxrss_kb ", 1)[1].split()[0])
    assert rss_kb < 200 * 1024  # 16 MiB of bytes plus the interpreter and the chart data


@pytest.mark.parametrize("argv", [["lint", "-"], ["render", "-f", "-"], ["convert"]])
def test_stdin_that_is_not_utf8_is_a_diagnostic_like_a_file(argv: list[str]) -> None:
    child = subprocess.run(
        [sys.executable, "-m", "vcvalues", *argv],
        input=b"isolation:\n  namespace: caf\xe9\n",
        capture_output=True,
        check=False,
    )
    assert child.returncode == 1
    assert b"<stdin>:2:17: error [syntax] invalid UTF-8 byte 0xe9" in child.stdout + child.stderr


_PARENT = textwrap.dedent(
    """
    import os, sys, time
    from vcvalues.core._workers import run_in_workers

    def lint(share):
        print(share[0], os.getpid(), flush=True)
        while True:
            time.sleep(1)

    run_in_workers(lint, ["parent", "worker"], 2)
    """
)


def test_a_worker_dies_with_its_sigkilled_parent() -> None:
    """The worker holds the stdout pipe open: EOF on it means every process that had it is gone."""
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    lines = {parent.stdout.readline().split()[0] for _ in range(2)}
    assert lines == {b"parent", b"worker"}
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    # A generous bound so a regression fails instead of hanging the suite; not a timing assertion.
    ready, _, _ = select.select([parent.stdout], [], [], 120)
    assert ready, "the worker outlived its SIGKILLed parent"
    assert parent.stdout.read() == b""
    parent.stdout.close()
