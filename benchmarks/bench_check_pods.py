"""check-pods end to end: pods per second, CPU, peak memory, and how they grow with the number of documents.

Runs ``vcvalues check-pods FILE --level restricted`` (the console script beside ``--python``, else
``python -m vcvalues``) in a fresh process per measurement (the
first run of each input is a warm-up that also writes .pyc files; PYTHONDONTWRITEBYTECODE is dropped from
the environment, see _env.clean_env) and reads wall time, CPU time (user + sys) and peak RSS from the
child's rusage. Inputs are generated into a temporary folder:

- ``deployment x1000``: the typical Deployment of examples/pods/restricted-pass.yaml (70 lines: init
  container, 2 containers, probes, volumes), renamed per copy;
- ``small pod xN``: a 5-line Pod (checked at baseline), for N = 1,000 ... 120,000 documents (linearity,
  memory).

Also times the in-process part (stream + evaluate, no interpreter start) per document. Prints a table and
writes benchmarks/results/check_pods.json.

    python benchmarks/bench_check_pods.py [--runs 3] [--python PATH] [--largest 120000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _env import clean_env

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "check_pods.json"
GOAL_PODS_PER_SECOND = 5_000
# 120,000 of these stay under the 16 MiB input limit; checked at baseline (they pass it)
SMALL = "apiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}}}\nspec:\n  containers: [{{name: c, image: x}}]\n"


def _deployment_body() -> str:
    text = (ROOT / "examples" / "pods" / "restricted-pass.yaml").read_text()
    return "\n".join(line for line in text.splitlines() if not line.startswith("#")) + "\n"


def make_inputs(folder: Path, largest: int) -> dict[str, tuple[Path, int]]:
    """name -> (file, pods in it)."""
    body = _deployment_body()
    inputs: dict[str, tuple[Path, int]] = {}
    path = folder / "deployments-1000.yaml"
    _write(path, (body.replace("name: web\n", f"name: web-{i}\n", 1) for i in range(1000)))
    inputs["deployment x1000"] = (path, 1000)
    for count in sorted({1000, 10_000, 30_000, largest}):
        path = folder / f"pods-{count}.yaml"
        _write(path, (SMALL.format(i=i) for i in range(count)))
        inputs[f"small pod x{count}"] = (path, count)
    return inputs


def _write(path: Path, documents: Iterator[str]) -> None:
    """Write the documents one at a time: this process stays small. (A child's peak RSS includes this
    process's peak, recorded when the child execs: joining 120,000 pods in one string here showed as
    47 MiB in every row.)"""
    with path.open("w") as out:
        for index, document in enumerate(documents):
            out.write("---\n" + document if index else document)


def command(python: str) -> list[str]:
    """``vcvalues`` as a user runs it: the console script beside ``python`` (as run.py times lint), else
    ``python -m vcvalues`` (measured the same within noise: 0.183 vs 0.180 s CPU, 15 paired runs)."""
    script = Path(python).parent / "vcvalues"
    return [str(script)] if script.is_file() else [python, "-m", "vcvalues"]


def run_once(python: str, path: Path, level: str) -> dict[str, float]:
    """One check-pods process: wall s, cpu s, max RSS MiB (exit code must be 0)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command(python), "check-pods", str(path), "--level", level],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=clean_env(),
        cwd=path.parent,  # not the checkout: `-m vcvalues` from the repo root would time its sources
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"check-pods failed on {path}: {stderr}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "max_rss_mib": usage.ru_maxrss / 1024}


def in_process_per_document(path: Path, pods: int, level: str) -> float:
    """Seconds per document of stream + evaluate in this process (median of 3)."""
    from vcvalues.pss import policy_for
    from vcvalues.pss.files import check_pod_text

    text = path.read_text()
    policy = policy_for(level, "latest")
    times = []
    for _ in range(3):
        start = time.process_time()
        report = check_pod_text(text, file=str(path), policy=policy)
        times.append(time.process_time() - start)
        assert report.evaluated == pods
    return statistics.median(times) / pods


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--largest", type=int, default=120_000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        inputs = make_inputs(Path(folder), args.largest)
        # Every process first, from a small parent: a child's peak RSS counts what it had before exec
        # (its copy of the parent), so in-process measurements, which grow this process, come after.
        for name, (path, pods) in inputs.items():
            level = "restricted" if name.startswith("deployment") else "baseline"
            run_once(args.python, path, level)  # warm-up (.pyc, page cache)
            runs = [run_once(args.python, path, level) for _ in range(args.runs)]
            wall = [r["wall_s"] for r in runs]
            cpu = [r["cpu_s"] for r in runs]
            row = {
                "input": name,
                "pods": pods,
                "bytes": path.stat().st_size,
                "wall_median_s": statistics.median(wall),
                "wall_min_s": min(wall),
                "wall_max_s": max(wall),
                "cpu_median_s": statistics.median(cpu),
                "max_rss_mib": max(r["max_rss_mib"] for r in runs),
            }
            row["pods_per_wall_s"] = pods / row["wall_median_s"]
            row["pods_per_cpu_s"] = pods / row["cpu_median_s"]
            rows.append(row)
        for row, (name, (path, pods)) in zip(rows, inputs.items(), strict=True):
            level = "restricted" if name.startswith("deployment") else "baseline"
            row["in_process_ms_per_doc"] = in_process_per_document(path, pods, level) * 1000
    load = os.getloadavg()[0]
    print(f"check-pods end to end ({args.python}; load {load:.2f}, {os.cpu_count()} cpus, {args.runs} runs)")
    print(
        f"  {'input':<22}{'pods/s wall':>12}{'pods/s cpu':>12}{'wall s (min-max)':>24}{'cpu s':>8}"
        f"{'RSS MiB':>9}{'ms/doc in-proc':>16}"
    )
    for row in rows:
        span = f"{row['wall_median_s']:.2f} ({row['wall_min_s']:.2f}-{row['wall_max_s']:.2f})"
        print(
            f"  {row['input']:<22}{row['pods_per_wall_s']:>12,.0f}{row['pods_per_cpu_s']:>12,.0f}{span:>24}"
            f"{row['cpu_median_s']:>8.2f}{row['max_rss_mib']:>9.1f}{row['in_process_ms_per_doc']:>16.3f}"
        )
    small = [r for r in rows if r["input"].startswith("small")]
    for before, after in itertools.pairwise(small):
        marginal = (after["cpu_median_s"] - before["cpu_median_s"]) / (after["pods"] - before["pods"])
        print(f"  cpu per extra document, {before['pods']} -> {after['pods']}: {marginal * 1000:.3f} ms")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": platform.platform(),
                "load": load,
                "goal_pods_per_s": GOAL_PODS_PER_SECOND,
                "rows": rows,
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
