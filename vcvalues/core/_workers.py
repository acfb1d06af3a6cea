"""Linting a batch of files in forked processes (internal to vcvalues.core.lint, used by the CLI).

The parent lints the first file itself, so the chart defaults, key tree, compiled schema and rules are
built once and inherited. Then the rest is cut into one contiguous share per CPU: each forked child
lints its share and sends the outcome back through a pipe, while the parent lints the first share
itself. Measured on 2 cores (100 benchmark files, in process): 260 ms in one process, ~140 ms split in
two this way; a ``multiprocessing`` pool gained little below 200 files (its start-up and the idle
parent). Only where forking is safe: Linux, no other thread in the process, two or more usable CPUs.
Any failure in a child returns ``None``: the caller then lints sequentially and reports exactly what a
sequential run reports. A child dies with its parent (``PR_SET_PDEATHSIG``), even when the parent is
SIGKILLed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

MIN_FILES = 40
FILES_PER_WORKER = 20  # below this a share costs less than the fork and the result transfer

_Outcome = TypeVar("_Outcome")


def usable_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return 1


def worker_count(files: int) -> int:
    """How many workers a batch of ``files`` gets (0: lint in this process)."""
    if files < MIN_FILES or not sys.platform.startswith("linux"):
        return 0
    import threading

    if threading.active_count() > 1:  # forking a threaded process can deadlock the child
        return 0
    workers = min(usable_cpus(), files // FILES_PER_WORKER)
    return workers if workers >= 2 else 0


def run_in_workers(
    lint: Callable[[Sequence[str]], _Outcome], files: Sequence[str], workers: int
) -> list[_Outcome] | None:
    """``lint`` over ``workers`` contiguous shares of ``files`` (the parent takes the first), in order.

    Returns ``None`` when a share failed (the caller lints sequentially and reports as usual).
    """
    import pickle

    size = -(-len(files) // workers)
    shares = [files[start : start + size] for start in range(0, len(files), size)]
    sys.stdout.flush()
    sys.stderr.flush()
    children: list[tuple[int, int]] = []
    try:
        for share in shares[1:]:
            children.append(_fork(lint, share, pickle.dumps))
        try:
            results = [lint(shares[0])]
        except Exception:
            return None
        failed = False
        for pid, read_end in children:
            with os.fdopen(read_end, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(pid, 0)
            if status != 0 or not data:
                failed = True
                continue
            results.append(pickle.loads(data))
        children.clear()
        return None if failed else results
    finally:
        for pid, read_end in children:  # the parent failed early: reap what was started
            with contextlib.suppress(OSError):
                os.close(read_end)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _fork(
    lint: Callable[[Sequence[str]], _Outcome], share: Sequence[str], dumps: Callable[[Any], bytes]
) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: lint the share, write the pickled outcome, never return
        os.close(read_end)
        if not _die_with(parent):
            os._exit(1)
        status = 0
        try:
            data = dumps(lint(share))
        except BaseException:
            data, status = b"", 1
        try:
            with os.fdopen(write_end, "wb") as stream:
                stream.write(data)
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> bool:
    """Ask Linux to SIGKILL this child when its parent dies (even by SIGKILL); False when the parent
    is already gone. Without it a worker outlived a killed ``vcvalues lint`` (issue 15)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not glibc: the pipe check below remains
        pass
    return os.getppid() == parent  # the parent died before prctl took effect
