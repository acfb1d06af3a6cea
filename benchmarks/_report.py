"""Text output of the benchmark harness, and the performance targets checked against the results.

Targets: DESIGN.md §14, tightened by issue 17 (cold lint <= 0.30x check-jsonschema and <= 1.4x the
floor, in wall *and* CPU time; 100 files <= 0.33x check-jsonschema in CPU time, so that it holds on one
core; 1,000 files linear; the 0.20+ dialect within the same budgets; warm compile+render <= 3 ms).
"""

from __future__ import annotations

from typing import Any

TITLES = {
    "cold": "(a) cold process, one ~170-line file",
    "modern": "(a') cold process, the 0.20+ example (examples/modern/vcluster.yaml, release 0.36.1)",
    "batch100": "(b) 100 files, one command (vcvalues: forked shares from 40 files; cpu: all processes)",
    "batch1000": "(b) 1,000 files, one command (vcvalues: forked shares from 40 files; cpu: all processes)",
    "big": "(c) one ~1 MB values file",
    "editable": "(d) the install timed: benchmark venv (pip install ., .pyc) vs the development venv",
    "inprocess": "warm in-process compile + render, per file (100 files)",
    "pss": "PSS evaluations per second (benchmarks/bench_pss.py)",
}
MS = 1000


def header(machine: dict[str, Any], quick: bool) -> str:
    """Machine line: cores, model, load, versions, and the conditions of the install."""
    versions = machine["versions"]
    peer = "C parser (ruamel.yaml.clib)" if versions.get("peer_c_parser") == "True" else "pure-Python parser"
    lines = [
        f"machine: {machine['cpus']} cpus {machine['cpu_model']}, "
        f"load {machine['load_1m_at_start']:.2f} (1 min)"
        f"{'  [--quick: smoke run, not a measurement]' if quick else ''}",
        f"python {versions['python']}; vcvalues {versions['vcvalues']} (pip install ., not editable, "
        f".pyc checked, PYTHONDONTWRITEBYTECODE unset); ruamel.yaml {versions['ruamel.yaml']} + clib "
        f"{versions['ruamel.yaml.clib']} (C parser checked); jsonschema-rs {versions['jsonschema-rs']}",
        f"check-jsonschema {versions['check-jsonschema']} reads YAML with ruamel's {peer}; "
        f"floor: PyYAML {versions['pyyaml']} CSafeLoader (libyaml) + jsonschema-rs",
    ]
    if machine["load_1m_at_start"] >= (machine["cpus"] or 1) * 0.5:
        lines.append(
            "note: the machine is busy (load average >= half the cores): absolute times are inflated and "
            "wall ratios drift toward CPU ratios; read the same-round ratios"
        )
    return "\n".join(lines)


def dev_venv_note(facts: dict[str, Any]) -> str:
    """Say how the development venv differs from what is measured."""
    how = "editable" if facts["editable"] else "installed"
    pyc = (
        "with .pyc"
        if facts["pyc"]
        else f"{facts.get('without_pyc', '?')} of {facts.get('modules', '?')} modules without a current .pyc"
    )
    off = " (PYTHONDONTWRITEBYTECODE=1 in this shell)" if facts["dont_write_bytecode"] else ""
    if not facts["editable"] and facts["pyc"] and not facts["dont_write_bytecode"]:
        return "development venv: installed with .pyc"
    return (
        f"note: the development venv (.venv) is {how}, {pyc}{off}: timing vcvalues there measures an import "
        "finder and recompiling our modules in every process (scenario 'editable' shows how much); "
        "every figure here comes from benchmarks/.venv"
    )


def _ms(seconds: float) -> str:
    return f"{seconds * MS:8.1f} ms" if seconds < 10 else f"{seconds:8.2f} s "


def _ratio(r: dict[str, float]) -> str:
    return f"{r['median']:5.2f} ({r['min']:.2f}-{r['max']:.2f})"


def _load(result: dict[str, Any]) -> str:
    load = result["load"]
    other = load.get("other_cores")
    busy = f", other work took {other:.2f} of the cores" if other is not None else ""
    return f"load avg median {load['load_1m_median']:.2f} (max {load['load_1m_max']:.2f}){busy}"


def scenario(name: str, result: dict[str, Any]) -> str:
    """One table per scenario."""
    out = [f"\n{TITLES[name]}"]
    if "skipped" in result:
        out.append(f"  skipped: {result['skipped']}")
        return "\n".join(out)
    if name == "inprocess":
        out.append(
            f"  compile+render {result['median_ms_per_file']:.2f} ms/file median "
            f"(rounds {result['min_ms_per_file']:.2f}-{result['max_ms_per_file']:.2f}; "
            f"compile {result['compile_ms']:.2f}, render {result['render_ms']:.2f}); "
            f"first file {result['first_file_ms']:.1f} ms, imports {result['import_ms']:.1f} ms"
        )
        stages = result.get("compile_stages_ms", {})
        if stages:
            out.append("  compile stages, ms/file: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
        return "\n".join(out)
    if name == "pss":
        out.extend(f"  {line}" for line in result["output"].rstrip().splitlines())
        return "\n".join(out)
    out.append(
        f"  {result['files']} file(s), {result['bytes'] / 1024:,.0f} KiB; "
        f"{result['tools']['vcvalues lint']['runs']} interleaved rounds; {_load(result)}"
    )
    out.append(
        f"  {'tool':18s} {'wall median':>11s}  {'min - max':>21s} {'cpu median':>11s}  "
        f"{'min - max':>21s} {'peak RSS':>9s}  files/s"
    )
    for tool, s in result["tools"].items():
        rate = result["files"] / s["median_s"]
        wall = f"({_ms(s['min_s']).strip()} - {_ms(s['max_s']).strip()})"
        cpu = f"({_ms(s['min_cpu_s']).strip()} - {_ms(s['max_cpu_s']).strip()})"
        out.append(
            f"  {tool:18s} {_ms(s['median_s'])}  {wall:>21s}  {_ms(s['median_cpu_s'])}  {cpu:>21s}"
            f"{'':2s}{s['peak_rss_mib']:6.1f} MiB  {rate:8,.0f}"
        )
    for tool, ratio in result["ratios"].items():
        out.append(
            f"  vcvalues / {tool:18s} wall {_ratio(ratio['wall'])}   cpu {_ratio(ratio['cpu'])}"
            "   (median of same-round ratios, min-max)"
        )
    return "\n".join(out)


def linearity(scenarios: dict[str, Any]) -> dict[str, float] | None:
    """Marginal CPU ms per file from 100 to 1,000 files, against the 100-file average beyond the first."""
    if "batch100" not in scenarios or "batch1000" not in scenarios or "cold" not in scenarios:
        return None
    one = scenarios["cold"]["tools"]["vcvalues lint"]["median_cpu_s"]
    hundred = scenarios["batch100"]["tools"]["vcvalues lint"]["median_cpu_s"]
    thousand = scenarios["batch1000"]["tools"]["vcvalues lint"]["median_cpu_s"]
    per_file_100 = (hundred - one) / 99 * MS
    per_file_1000 = (thousand - hundred) / 900 * MS
    return {"ms_per_file_2_100": per_file_100, "ms_per_file_101_1000": per_file_1000}


def targets(scenarios: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it holds."""
    found: list[dict[str, Any]] = []

    def add(name: str, measured: float, limit: float, unit: str, *, at_least: bool = False) -> None:
        held = measured >= limit if at_least else measured <= limit
        found.append({"target": name, "measured": measured, "limit": limit, "unit": unit, "met": held})

    for key, label in (("cold", "cold lint, 1 file"), ("modern", "0.20+ cold lint, 1 file")):
        result = scenarios.get(key)
        if result is None or "skipped" in result:
            continue
        for measure in ("wall", "cpu"):
            add(
                f"{label} / check-jsonschema, {measure}",
                result["ratios"]["check-jsonschema"][measure]["median"],
                0.30,
                "x",
            )
            add(f"{label} / floor, {measure}", result["ratios"]["floor"][measure]["median"], 1.4, "x")
    if "batch100" in scenarios:
        ratios = scenarios["batch100"]["ratios"]["check-jsonschema"]
        add("100 files / check-jsonschema, cpu", ratios["cpu"]["median"], 0.33, "x")
        add("100 files / check-jsonschema, wall", ratios["wall"]["median"], 0.33, "x")
    if (line := linearity(scenarios)) is not None:
        growth = line["ms_per_file_101_1000"] / line["ms_per_file_2_100"]
        add("1,000 files linear: cpu/file 101-1000 over 2-100", growth, 1.10, "x")
    if "inprocess" in scenarios:
        add("warm compile+render per file", scenarios["inprocess"]["median_ms_per_file"], 3.0, "ms")
    if "big" in scenarios:
        big = scenarios["big"]["tools"]["vcvalues lint"]
        add("1 MB file, time", big["median_s"], 2.0, "s")
        add("1 MB file, peak RSS", big["peak_rss_mib"], 200.0, "MiB")
    if "pss" in scenarios:
        headline = next(iter(scenarios["pss"]["results"].values()))
        add("PSS evaluations per second", headline["median_per_s"], 20_000, "/s", at_least=True)
    return found


def verdicts(found: list[dict[str, Any]], scenarios: dict[str, Any]) -> str:
    """The targets, one line each."""
    lines = ["\ntargets (DESIGN.md §14, issue 17; medians of same-round ratios)"]
    if (line := linearity(scenarios)) is not None:
        lines.append(
            f"  cpu per file: files 2-100 {line['ms_per_file_2_100']:.2f} ms, "
            f"files 101-1000 {line['ms_per_file_101_1000']:.2f} ms"
        )
    for t in found:
        sign = ">=" if t["target"].startswith("PSS") else "<="
        lines.append(
            f"  {'met ' if t['met'] else 'MISS'}  {t['target']:52s} {t['measured']:10,.2f} {t['unit']:3s} "
            f"{sign} {t['limit']:,g} {t['unit']}"
        )
    return "\n".join(lines)
