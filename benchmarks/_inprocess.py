"""Warm, in-process cost per values file (run by benchmarks/run.py with the benchmark venv's python).

For each file: ``compile_values`` (read, merge, coalesce onto the chart defaults, validate, rules) then
``render_manifests`` + ``dump_manifests`` (what ``vcvalues render`` prints). The first file pays the
one-off costs (chart defaults, key tree, schema compiled) and is reported apart. Prints JSON: wall
times per file (medians) and ``cpu_ms_per_file``, the process's CPU time per file.

    python _inprocess.py ROUNDS FILE...
"""

from __future__ import annotations

import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def main(argv: list[str]) -> int:
    """Time compile and render per file over ``ROUNDS`` passes on every file."""
    rounds, files = int(argv[0]), argv[1:]
    start = time.perf_counter()
    from vcvalues.legacy.compile import compile_values
    from vcvalues.legacy.render import dump_manifests, render_manifests

    imported = time.perf_counter()

    def one(path: str) -> tuple[float, float]:
        t0 = time.perf_counter()
        result = compile_values([path], release="team-a", namespace="team-a", apply_fixes=True)
        t1 = time.perf_counter()
        if not result.ok:
            raise SystemExit(f"{path}: {result.diagnostics[0]}")
        manifests = render_manifests(result.values, chart=result.chart, release="team-a", namespace="team-a")
        if len(dump_manifests(manifests)) < 100 or len(manifests) < 3:
            raise SystemExit(f"{path}: rendered {len(manifests)} manifests")
        return t1 - t0, time.perf_counter() - t1

    first = one(files[0])
    per_round: list[dict[str, float]] = []
    for _ in range(rounds):
        cpu_start = time.process_time()
        compile_times, render_times = zip(*(one(path) for path in files), strict=True)
        cpu_ms = (time.process_time() - cpu_start) * 1000 / len(files)
        per_round.append(
            {
                "compile_ms": statistics.median(compile_times) * 1000,
                "render_ms": statistics.median(render_times) * 1000,
                "total_ms": statistics.median(c + r for c, r in zip(compile_times, render_times, strict=True))
                * 1000,
                "cpu_ms": cpu_ms,
            }
        )
    totals = [r["total_ms"] for r in per_round]
    stages = _stages(one, files)
    document = {
        "files": len(files),
        "rounds": rounds,
        "import_ms": (imported - start) * 1000,
        "first_file_ms": sum(first) * 1000,
        "median_ms_per_file": statistics.median(totals),
        "min_ms_per_file": min(totals),
        "max_ms_per_file": max(totals),
        # CPU time of this process per file (mean over a round, median of rounds): steadier than wall
        # time on a shared machine
        "cpu_ms_per_file": statistics.median(r["cpu_ms"] for r in per_round),
        "compile_ms": statistics.median(r["compile_ms"] for r in per_round),
        "render_ms": statistics.median(r["render_ms"] for r in per_round),
        "compile_stages_ms": stages,
    }
    sys.stdout.write(json.dumps(document) + "\n")
    return 0


# compile stages timed in one extra pass (names inside vcvalues.legacy.compile; a renamed one is skipped)
_STAGES = {
    "read+parse": ("vcvalues.legacy.compile", "load_path"),
    "merge": ("vcvalues.legacy.compile", "merge_files"),
    "unknown keys": ("vcvalues.legacy.compile", "_check_user_keys"),
    "coalesce": ("vcvalues.legacy.compile", "coalesce"),
    "schema": ("vcvalues.legacy.compile", "_schema"),
    "rules": ("vcvalues.legacy.rules", "check_rules"),
}


def _stages(one: Callable[[str], object], files: list[str]) -> dict[str, float]:
    """Mean ms per file spent in each compile stage (one pass over ``files``, wrappers added)."""
    spent: dict[str, float] = dict.fromkeys(_STAGES, 0.0)
    originals = []
    for label, (module_name, name) in _STAGES.items():
        module = importlib.import_module(module_name)
        function = getattr(module, name, None)
        if function is None:
            del spent[label]
            continue
        originals.append((module, name, function))
        setattr(module, name, _timed(function, label, spent))
    try:
        for path in files:
            one(path)
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
    return {label: total * 1000 / len(files) for label, total in spent.items()}


def _timed(function: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    return wrapper


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
