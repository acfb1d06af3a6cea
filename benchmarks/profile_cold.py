"""Where the time of one cold ``vcvalues lint FILE`` goes (run with the benchmark venv's python).

Runs ``python -X importtime`` on the lint ``ROUNDS`` times and charges every module's own import time to
the first non-stdlib module above it in the import tree (so ``email.utils`` counts for jsonschema_rs,
``inspect`` for whoever first used dataclasses); lists the stdlib packages worth keeping off the path
with the module that imports them first; then, in one more process, times the dataclass classes
created and the work done after the imports. Prints medians in ms. Warns when run with another python
than the benchmark venv's or without bytecode (the numbers would include compiling our modules).

    benchmarks/.venv/bin/python benchmarks/profile_cold.py [FILE] [--rounds 15]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent / "values-170.yaml"
_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|( *)(\S+)")
_LINT = "from vcvalues.cli import main; main(['lint', {file!r}])"
_INSTRUMENTED = r"""
import dataclasses, json, sys, time
started = time.perf_counter()
made, spent = [], [0.0]
original = dataclasses._process_class
def timed(cls, *args, **kwargs):
    t = time.perf_counter()
    try:
        return original(cls, *args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - t
        made.append(cls.__module__ + "." + cls.__qualname__)
dataclasses._process_class = timed
from vcvalues.cli import main
main(["lint", sys.argv[1]])
total = time.perf_counter() - started
print(json.dumps({"in_process_ms": total * 1000, "dataclass_ms": spent[0] * 1000, "dataclasses": made}))
"""


# stdlib packages a cold lint should not need (issue 17), reported with whoever imports them first
WATCHED = (
    "dataclasses",
    "inspect",
    "difflib",
    "fractions",
    "decimal",
    "email",
    "socket",
    "random",
    "argparse",
    "shutil",
    "typing",
    "enum",
    "functools",
    "pathlib",
    "json",
    "re",
    "hashlib",
    "tempfile",
)


def _group(name: str) -> str | None:
    if name.startswith("vcvalues"):
        parts = name.split(".")
        return ".".join(parts[:3])
    if name.startswith(("ruamel", "_ruamel_yaml")):
        return "ruamel.yaml (+ clib)"
    if name.startswith("jsonschema_rs"):
        return "jsonschema_rs"
    return None  # stdlib: charged to its importer


def _one_run(file: str, watched: dict[str, tuple[str, int]] | None = None) -> collections.Counter[str]:
    """Own import time (us) per owner; fills ``watched`` with (first importer, cumulative us)."""
    done = subprocess.run(  # cwd "/": with -c, the current folder comes first on sys.path
        [sys.executable, "-X", "importtime", "-c", _LINT.format(file=file)],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    if watched is not None:
        _first_importers(done.stderr, watched)
    charged: collections.Counter[str] = collections.Counter()
    # importtime prints children before their parent: read it bottom-up to know each module's ancestors
    stack: list[tuple[int, str | None]] = []
    for line in reversed(done.stderr.splitlines()):
        match = _LINE.match(line)
        if not match:
            continue
        own, depth, name = int(match[1]), len(match[2]) // 2, match[3]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        group = _group(name)
        owner = group or next((g for _, g in reversed(stack) if g), None) or "python startup + stdlib"
        charged[owner] += own
        stack.append((depth, group or (stack[-1][1] if stack else None)))
    return charged


_CUMULATIVE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)")


def _first_importers(stderr: str, watched: dict[str, tuple[str, int]]) -> None:
    """For each WATCHED package imported: the innermost non-stdlib module importing it, cumulative us."""
    stack: list[tuple[int, str]] = []
    for line in reversed(stderr.splitlines()):
        match = _CUMULATIVE.match(line)
        if not match:
            continue
        cumulative, depth, name = int(match[1]), len(match[2]) // 2, match[3]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if name in WATCHED and name not in watched:
            owner = next((n for _, n in reversed(stack) if _group(n)), "python startup")
            watched[name] = (owner, cumulative)
        stack.append((depth, name))


def main(argv: list[str] | None = None) -> int:
    """Print the cold-lint breakdown."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _env import timing_warning

    if warning := timing_warning(sys.executable):
        print(warning, file=sys.stderr)
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(BASE))
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    args.file = str(Path(args.file).resolve())
    watched_runs: list[dict[str, tuple[str, int]]] = [{} for _ in range(args.rounds)]
    runs = [_one_run(args.file, watched) for watched in watched_runs]
    # per package: its first importer (the same in every run) and the median cumulative time
    watched = {
        name: (owner, statistics.median(run[name][1] for run in watched_runs if name in run))
        for run in watched_runs
        for name, (owner, _) in run.items()
    }
    groups = sorted({g for run in runs for g in run}, key=lambda g: -statistics.median(r[g] for r in runs))
    print(f"import time by owner (median of {args.rounds} cold processes, ms)")
    total = 0.0
    for group in groups:
        ms = statistics.median(r[group] for r in runs) / 1000
        total += ms
        print(f"  {ms:7.2f}  {group}")
    print(f"  {total:7.2f}  all imports")
    print(
        "stdlib packages on the path (median cumulative ms, with what they import) and who imports them first"
    )
    for name, (owner, cumulative) in sorted(watched.items(), key=lambda item: -item[1][1]):
        print(f"  {cumulative / 1000:7.2f}  {name:12s} <- {owner}")
    done = subprocess.run(
        [sys.executable, "-c", _INSTRUMENTED, args.file], capture_output=True, text=True, check=True, cwd="/"
    )
    facts = json.loads(done.stdout)
    per_module = collections.Counter(name.rsplit(".", 1)[0] for name in facts["dataclasses"])
    print(
        f"one instrumented process: {facts['in_process_ms']:.1f} ms from the first import to exit of main(); "
        f"{facts['dataclass_ms']:.1f} ms of it creating {len(facts['dataclasses'])} dataclasses"
    )
    print("  dataclasses per module: " + ", ".join(f"{m} {n}" for m, n in per_module.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
