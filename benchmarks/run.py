"""vcvalues performance benchmarks (DESIGN.md §14), side by side with check-jsonschema and a floor.

    python benchmarks/run.py [--quick] [--only cold,modern,batch100,batch1000,big,editable,inprocess,pss]

Builds (once) benchmarks/.venv with vcvalues installed from the working tree (``pip install .``, not
editable, .pyc compiled) and check-jsonschema; reinstalls vcvalues whenever its sources change. Every
measured process runs from that venv with PYTHONDONTWRITEBYTECODE unset. Each scenario runs the tools
interleaved, round by round, and reports per tool the median and min-max wall time, the median CPU
time (rusage, forked workers included) and the peak RSS; and per comparison the median and min-max of
the same-round ratios, of wall time and of CPU time. It records the conditions each figure holds
under: the install (bytecode or not), the machine's load during each scenario (1-minute load average
and the cores busy with other work), whether check-jsonschema got ruamel's C parser. Writes
benchmarks/results/latest.json.

Tools: ``vcvalues lint`` (k3s 0.19.10); ``check-jsonschema --schemafile S`` where S is the schema
vcvalues exports for that chart (same coverage of types and keys); ``floor.py S`` (C YAML parse +
jsonschema_rs, no rules, no positions). ``modern``: the same on examples/modern/vcluster.yaml against
release 0.36.1 (skipped, saying so, when the file or the modern dialect is missing). ``editable``:
cold lint from the development venv (editable, PYTHONDONTWRITEBYTECODE as in your shell) beside the
installed one, to show what timing the wrong install costs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _env
import _inputs
import _report
from _timing import MachineLoad, check, interleaved, paired_ratios

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
CHART = ("0.19.10", "k3s")
MODERN_CHART = "0.36.1"
MODERN_FILE = HERE.parent / "examples" / "modern" / "vcluster.yaml"
SCENARIOS = ("cold", "modern", "batch100", "batch1000", "big", "editable", "inprocess", "pss")
# rounds per scenario: (full run, --quick)
ROUNDS = {
    "cold": (40, 10),
    "modern": (30, 5),
    "batch100": (10, 3),
    "batch1000": (5, 1),
    "big": (7, 2),
    "editable": (15, 3),
    "inprocess": (7, 2),
}
PSS_RUNS = {False: ("7", "0.5"), True: ("3", "0.2")}

_EXPORT = (
    "import json, sys; from vcvalues.legacy.chart import resolve_chart; "
    "from vcvalues.legacy.schema import export_schema; "
    "sys.stdout.write(json.dumps(export_schema(resolve_chart(sys.argv[1], sys.argv[2])), indent=2))"
)


def _load() -> float:
    return os.getloadavg()[0]


def _tools(schema: Path, files: list[str], chart_version: str = CHART[0]) -> dict[str, list[str]]:
    return {
        "vcvalues lint": [_env.bin_path("vcvalues"), "lint", "--chart-version", chart_version, *files],
        "check-jsonschema": [_env.bin_path("check-jsonschema"), "--schemafile", str(schema), *files],
        "floor": [_env.bin_path("python"), str(HERE / "floor.py"), str(schema), *files],
    }


def _processes(
    name: str, commands: dict[str, list[str]], files: list[str], rounds: int, work: Path, **kwargs: Any
) -> dict[str, Any]:
    """Run ``commands`` interleaved; every command is compared with ``vcvalues lint`` (the first)."""
    env = _env.clean_env()
    envs = kwargs.get("envs") or {}
    for tool, argv in commands.items():
        check(argv, envs.get(tool, env), str(work))
    load_before = _load()
    machine = MachineLoad()
    samples = interleaved(
        commands,
        rounds=rounds,
        env=env,
        envs=envs,
        cwd=str(work),
        warmup=1 if rounds > 1 else 0,
        load=machine,
    )
    ours_name = next(iter(commands))
    ours = samples[ours_name]
    return {
        "files": len(files),
        "bytes": sum(os.path.getsize(f) for f in files),
        "load_1m": [load_before, _load()],
        "load": machine.summary(),
        "tools": {tool: s.summary() for tool, s in samples.items()},
        "ratios": {
            tool: paired_ratios(ours, s)
            for tool, s in samples.items()
            if tool not in (ours_name, "python -c pass")
        },
    }


def _modern(rounds: int, work: Path) -> dict[str, Any]:
    """Cold lint of the 0.20+ example, or the reason it was skipped."""
    if not MODERN_FILE.exists():
        return {"skipped": f"{MODERN_FILE.relative_to(HERE.parent)} does not exist on this branch"}
    exported = subprocess.run(
        [_env.bin_path("vcvalues"), "schema", "--chart-version", MODERN_CHART],
        capture_output=True,
        text=True,
        env=_env.clean_env(),
        check=False,
    )
    if exported.returncode:
        reason = exported.stderr.strip()[-300:]
        return {"skipped": f"vcvalues schema --chart-version {MODERN_CHART} failed: {reason}"}
    schema = work / f"vcluster-{MODERN_CHART}.values.schema.json"
    schema.write_text(exported.stdout, encoding="utf-8")
    files = [str(MODERN_FILE)]
    try:
        return _processes("modern", _tools(schema, files, MODERN_CHART), files, rounds, work)
    except SystemExit as exc:  # a tool failed on the example: say so, measure the rest
        return {"skipped": f"a tool failed on {MODERN_FILE.name}: {str(exc)[:300]}"}


def _editable(rounds: int, work: Path) -> dict[str, Any]:
    """Cold lint from the development venv beside the benchmark venv (same file, same chart)."""
    facts = _env.dev_install()
    if facts is None:
        return {"skipped": f"no development venv at {_env.DEV_VENV}"}
    files = [str(_inputs.BASE)]
    dev = str(_env.DEV_VENV / "bin" / "vcvalues")
    commands = {
        "vcvalues lint": [_env.bin_path("vcvalues"), "lint", "--chart-version", CHART[0], *files],
        "dev venv lint": [dev, "lint", "--chart-version", CHART[0], *files],
    }
    result = _processes(
        "editable", commands, files, rounds, work, envs={"dev venv lint": _env.dev_venv_env()}
    )
    result["dev_install"] = facts
    return result


def _inprocess(files: list[str], rounds: int, work: Path) -> dict[str, Any]:
    done = subprocess.run(
        [_env.bin_path("python"), str(HERE / "_inprocess.py"), str(rounds), *files],
        check=True,
        capture_output=True,
        text=True,
        env=_env.clean_env(),
        cwd=str(work),
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _pss(quick: bool) -> dict[str, Any]:
    runs, seconds = PSS_RUNS[quick]
    done = subprocess.run(
        [_env.bin_path("python"), str(HERE / "bench_pss.py"), "--runs", runs, "--seconds", seconds],
        check=True,
        capture_output=True,
        text=True,
        env=_env.clean_env(),
        cwd=str(RESULTS),
    )
    result: dict[str, Any] = json.loads((RESULTS / "pss.json").read_text())
    result["output"] = done.stdout
    return result


def _machine(versions: dict[str, str]) -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "load_1m_at_start": _load(),
        "versions": versions,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print the table; write results/latest.json."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds: a smoke run, not a measurement")
    parser.add_argument("--only", default=",".join(SCENARIOS), help="comma-separated scenarios")
    parser.add_argument("--no-install", action="store_true", help="measure the venv as it is")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    chosen = [s for s in args.only.split(",") if s]
    if unknown := set(chosen) - set(SCENARIOS):
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    started = time.time()
    versions = _env.ensure_venv(reinstall=not args.no_install)
    work = RESULTS / "inputs"
    batch = [str(p) for p in _inputs.write_batch(work / "batch", 1000)]
    schema = work / f"{CHART[1]}-{CHART[0]}.values.schema.json"
    exported = subprocess.run(
        [_env.bin_path("python"), "-c", _EXPORT, *CHART],
        check=True,
        capture_output=True,
        text=True,
        env=_env.clean_env(),
    )
    schema.write_text(exported.stdout, encoding="utf-8")
    document: dict[str, Any] = {"machine": _machine(versions), "quick": args.quick, "scenarios": {}}
    print(_report.header(document["machine"], args.quick))
    if (dev := _env.dev_install()) is not None:
        document["machine"]["dev_venv"] = dev
        print(_report.dev_venv_note(dev))
    index = 1 if args.quick else 0
    inputs = {
        "cold": [str(_inputs.BASE)],
        "batch100": batch[:100],
        "batch1000": batch,
        "big": [str(_inputs.write_big(work))],
    }
    for name in chosen:
        if name in inputs:
            commands = _tools(schema, inputs[name])
            if name == "cold":
                commands["python -c pass"] = [_env.bin_path("python"), "-c", "pass"]
            result = _processes(name, commands, inputs[name], ROUNDS[name][index], work)
        elif name == "modern":
            result = _modern(ROUNDS[name][index], work)
        elif name == "editable":
            result = _editable(ROUNDS[name][index], work)
        elif name == "inprocess":
            result = _inprocess(batch[:100], ROUNDS[name][index], work)
        else:
            result = _pss(args.quick)
        document["scenarios"][name] = result
        print(_report.scenario(name, result), flush=True)
    document["targets"] = _report.targets(document["scenarios"])
    document["seconds"] = round(time.time() - started, 1)
    document["machine"]["load_1m_at_end"] = _load()
    print(_report.verdicts(document["targets"], document["scenarios"]))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"results: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
