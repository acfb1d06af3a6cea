"""Linting a large batch of files in forked worker processes (internal to vcvalues.lint).

Measured on 2 cores (benchmarks/RESULTS.md): 1,000 files in 2 workers take ~0.55x the time of one
process; 100 files only ~0.85x, for 25% more CPU. So only batches of ``MIN_FILES`` or more go to
workers, and only where forking is safe and cheap: Linux, a ``fork`` start method, no other thread in
the process, more than one usable CPU. The parent lints the first file itself, so the chart defaults,
key tree, compiled schema and rules are built once and inherited by every worker. Any failure in a
worker (a bad config file, an unreadable path raising) returns ``None``: the caller then lints
sequentially and reports exactly what a sequential run reports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

MIN_FILES = 200
FILES_PER_WORKER = 100  # fewer per worker and the fork + result transfer outweigh the gain
CHUNKS_PER_WORKER = 4  # contiguous chunks, handed out as workers free up

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
    """``lint`` over contiguous chunks of ``files`` in ``workers`` forked processes, in file order.

    ``lint`` must be picklable by reference (a module-level function or a ``functools.partial`` of
    one). Returns ``None`` when a worker failed or the pool could not start.
    """
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - every Linux Python has fork
        return None
    size = max(1, -(-len(files) // (workers * CHUNKS_PER_WORKER)))
    chunks = [files[start : start + size] for start in range(0, len(files), size)]
    try:
        with context.Pool(workers) as pool:
            return pool.map(lint, chunks, chunksize=1)
    except Exception:  # a worker raised: the sequential run reports it as usual
        return None
