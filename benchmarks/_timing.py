"""Timing whole processes: wall clock, CPU time and peak RSS, the tools interleaved round by round.

Interleaving (round 1: A B C, round 2: C A B, ...) spreads the load of a shared machine over every
tool alike, so that ratios stay meaningful when absolute times do not.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class Samples:
    """Measurements of one command over the rounds."""

    wall: list[float] = field(default_factory=list)  # seconds
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process
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
    warmup: int = 1,
    seed: int = 0,
) -> dict[str, Samples]:
    """Run every command ``rounds`` times, in a shuffled order each round, after ``warmup`` rounds."""
    order = list(commands)
    rng = random.Random(seed)
    samples = {name: Samples() for name in commands}
    for round_number in range(warmup + rounds):
        rng.shuffle(order)
        for name in order:
            wall, cpu, rss, code = run_once(commands[name], env, cwd)
            if code != 0:
                raise SystemExit(f"{name} exited {code} during the benchmark")
            if round_number >= warmup:
                samples[name].wall.append(wall)
                samples[name].cpu.append(cpu)
                samples[name].rss.append(rss)
    return samples


def paired_ratios(numerator: Samples, denominator: Samples) -> dict[str, float]:
    """Ratio of medians, and the min-max of the per-round ratios (same round = same machine load)."""
    per_round = [a / b for a, b in zip(numerator.wall, denominator.wall, strict=True)]
    return {
        "ratio": statistics.median(numerator.wall) / statistics.median(denominator.wall),
        "round_min": min(per_round),
        "round_max": max(per_round),
        "cpu_ratio": statistics.median(numerator.cpu) / statistics.median(denominator.cpu),
    }
