"""Timing whole processes: wall clock, CPU time and peak RSS, the tools interleaved round by round.

Interleaving (round 1: A B C, round 2: C A B, ...) spreads the load of a shared machine over every
tool alike, so that ratios taken within one round stay meaningful when absolute times do not. CPU
time is the child's rusage from ``wait4`` (user + system), which includes the worker processes a
command forks and reaps: on one core a command cannot be faster than its CPU time.

While the rounds run, the machine's load is sampled: the 1-minute load average after each round, and
from ``/proc/stat`` how many cores were busy on average with work *other* than the measured
processes (``other_cores``: 0 on an idle machine, 1.0 = one core's worth taken by someone else).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_STAT = Path("/proc/stat")


@dataclass
class Samples:
    """Measurements of one command over the rounds."""

    wall: list[float] = field(default_factory=list)  # seconds
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process and its children
    rss: list[int] = field(default_factory=list)  # peak resident set size, KiB

    def summary(self) -> dict[str, float]:
        """Median and min-max of wall and CPU time, peak RSS."""
        return {
            "runs": len(self.wall),
            "median_s": statistics.median(self.wall),
            "min_s": min(self.wall),
            "max_s": max(self.wall),
            "median_cpu_s": statistics.median(self.cpu),
            "min_cpu_s": min(self.cpu),
            "max_cpu_s": max(self.cpu),
            "peak_rss_mib": max(self.rss) / 1024,
        }


@dataclass
class MachineLoad:
    """The load of the machine during a series of rounds."""

    load_1m: list[float] = field(default_factory=list)  # after each round
    busy_s: float = 0.0  # CPU seconds the whole machine spent busy (all cores)
    measured_cpu_s: float = 0.0  # of which the measured processes
    elapsed_s: float = 0.0

    def summary(self) -> dict[str, float | None]:
        """Load average median and max; cores busy with other work, on average (None without /proc)."""
        other = None
        if self.elapsed_s > 0 and self.busy_s > 0:
            other = max(0.0, (self.busy_s - self.measured_cpu_s) / self.elapsed_s)
        return {
            "load_1m_median": statistics.median(self.load_1m) if self.load_1m else os.getloadavg()[0],
            "load_1m_max": max(self.load_1m) if self.load_1m else os.getloadavg()[0],
            "other_cores": other,
        }


def _busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (0.0 where /proc/stat is missing)."""
    try:
        fields = _STAT.read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    ticks = [int(f) for f in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    busy = sum(ticks[:8]) - idle  # user nice system idle iowait irq softirq steal (no guest: counted in user)
    return busy / os.sysconf("SC_CLK_TCK")


def run_once(argv: Sequence[str], env: Mapping[str, str], cwd: str) -> tuple[float, float, int, int]:
    """(wall s, cpu s, peak RSS KiB, exit code) of one run, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(env), cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode


def check(argv: Sequence[str], env: Mapping[str, str], cwd: str, expected: int = 0) -> None:
    """Run once with output captured; fail loudly unless the exit code is ``expected``."""
    done = subprocess.run(list(argv), capture_output=True, text=True, env=dict(env), cwd=cwd, check=False)
    if done.returncode != expected:
        raise SystemExit(
            f"benchmark command failed (exit {done.returncode}, expected {expected}): "
            f"{' '.join(argv[:4])} ...\n"
            f"{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )


def interleaved(
    commands: Mapping[str, Sequence[str]],
    *,
    rounds: int,
    env: Mapping[str, str],
    cwd: str,
    envs: Mapping[str, Mapping[str, str]] | None = None,
    warmup: int = 1,
    seed: int = 0,
    load: MachineLoad | None = None,
) -> dict[str, Samples]:
    """Run every command ``rounds`` times, in a shuffled order each round, after ``warmup`` rounds.

    ``envs`` gives some commands (by name) their own environment instead of ``env``. ``load`` (if
    given) receives the machine's load during the measured rounds.
    """
    order = list(commands)
    rng = random.Random(seed)
    samples = {name: Samples() for name in commands}
    own = envs or {}
    busy_at = started = 0.0
    for round_number in range(warmup + rounds):
        if round_number == warmup:
            busy_at, started = _busy_seconds(), time.perf_counter()
        rng.shuffle(order)
        for name in order:
            wall, cpu, rss, code = run_once(commands[name], own.get(name, env), cwd)
            if code != 0:
                raise SystemExit(f"{name} exited {code} during the benchmark")
            if round_number >= warmup:
                samples[name].wall.append(wall)
                samples[name].cpu.append(cpu)
                samples[name].rss.append(rss)
                if load is not None:
                    load.measured_cpu_s += cpu
        if load is not None and round_number >= warmup:
            load.load_1m.append(os.getloadavg()[0])
    if load is not None:
        load.elapsed_s = time.perf_counter() - started
        load.busy_s = _busy_seconds() - busy_at
    return samples


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def paired_ratios(numerator: Samples, denominator: Samples) -> dict[str, dict[str, float]]:
    """Median and min-max of the per-round ratios (same round = same machine load), wall and CPU."""
    return {
        "wall": _spread([a / b for a, b in zip(numerator.wall, denominator.wall, strict=True)]),
        "cpu": _spread([a / b for a, b in zip(numerator.cpu, denominator.cpu, strict=True)]),
    }
