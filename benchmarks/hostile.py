"""Time and peak memory of the CLI on hostile and huge input, measured by ``/usr/bin/time -v``.

    python3 benchmarks/hostile.py            # uses the benchmark venv (built by benchmarks/_env.py)

Inputs, generated at run time: a valid ~1 MB values file, an alias bomb (10^10 expansions), 10k-deep
flow nesting, and a 50 MB file. For each, `vcvalues lint` and `vcvalues render -f` run once under
/usr/bin/time -v; the table gives wall time, peak RSS and the exit code (DESIGN §12, §14: a 1 MB file
within 2 s and 200 MB; hostile input refused in bounded time and memory).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _env import bin_path, clean_env, ensure_venv
from _inputs import big_values_text

RESULTS = Path(__file__).resolve().parent / "results" / "hostile.json"
_WALL = re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)")
_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def _bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 10):
        prev, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _inputs(work: Path) -> dict[str, Path]:
    files = {
        "1 MB values": ("big.yaml", big_values_text()),
        "alias bomb": ("bomb.yaml", _bomb()),
        "10k nesting": ("deep.yaml", "a: " + "[" * 10_000 + "]" * 10_000 + "\n"),
    }
    paths = {}
    for label, (name, text) in files.items():
        paths[label] = work / name
        paths[label].write_text(text, encoding="utf-8")
    huge = work / "huge.yaml"
    with huge.open("wb") as handle:
        handle.write(b"a: " + b"x" * (50 * 1024 * 1024) + b"\n")
    paths["50 MB file"] = huge
    return paths


def _measure(argv: list[str]) -> dict[str, float | int]:
    done = subprocess.run(
        ["/usr/bin/time", "-v", *argv], capture_output=True, text=True, env=clean_env(), check=False
    )
    wall = _WALL.search(done.stderr)
    rss = _RSS.search(done.stderr)
    assert wall is not None and rss is not None, done.stderr[-2000:]
    hours, minutes, seconds = wall.groups()
    return {
        "seconds": int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds),
        "peak_mib": int(rss.group(1)) / 1024,
        "exit": done.returncode,
    }


def main() -> int:
    ensure_venv(reinstall=False)
    vcvalues = bin_path("vcvalues")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in _inputs(Path(tmp)).items():
            for command in (["lint", str(path)], ["render", "-f", str(path)]):
                result = _measure([vcvalues, *command])
                rows.append({"input": label, "command": command[0], **result})
    print(f"{'input':<14} {'command':<8} {'wall s':>7} {'peak MiB':>9} {'exit':>5}")
    for row in rows:
        print(
            f"{row['input']:<14} {row['command']:<8} {row['seconds']:>7.2f} "
            f"{row['peak_mib']:>9.1f} {row['exit']:>5}"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
