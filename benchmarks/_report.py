"""Text output of the benchmark harness, and the DESIGN.md §14 targets checked against the results."""

from __future__ import annotations

from typing import Any

TITLES = {
    "cold": "(a) cold process, one ~170-line file",
    "batch100": "(b) 100 files, one command (vcvalues: forked shares from 40 files; cpu: all)",
    "batch1000": "(b) 1,000 files, one command (vcvalues: forked shares from 40 files; cpu: all)",
    "big": "(c) one ~1 MB values file",
    "inprocess": "warm in-process compile + render, per file (100 files)",
    "pss": "PSS evaluations per second (benchmarks/bench_pss.py)",
}
MS = 1000


def header(machine: dict[str, Any], quick: bool) -> str:
    """Machine line: cores, model, load, versions."""
    versions = machine["versions"]
    lines = [
        f"machine: {machine['cpus']} cpus {machine['cpu_model']}, "
        f"load {machine['load_1m_at_start']:.2f} (1 min)"
        f"{'  [--quick: smoke run, not a measurement]' if quick else ''}",
        f"python {versions['python']}; vcvalues {versions['vcvalues']} (installed, .pyc); "
        f"ruamel.yaml {versions['ruamel.yaml']} + clib {versions['ruamel.yaml.clib']} (C parser checked); "
        f"jsonschema-rs {versions['jsonschema-rs']}; check-jsonschema {versions['check-jsonschema']}; "
        f"floor: PyYAML {versions['pyyaml']} CSafeLoader (libyaml) + jsonschema-rs",
    ]
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * MS:8.1f} ms" if seconds < 10 else f"{seconds:8.2f} s "


def _ratio(r: dict[str, float]) -> str:
    return f"{r['ratio']:5.2f} ({r['round_min']:.2f}-{r['round_max']:.2f})"


def scenario(name: str, result: dict[str, Any]) -> str:
    """One table per scenario."""
    out = [f"\n{TITLES[name]}"]
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
    load = result["load_1m"]
    out.append(
        f"  {result['files']} file(s), {result['bytes'] / 1024:,.0f} KiB; "
        f"load {load[0]:.2f} -> {load[1]:.2f}; "
        f"{result['tools']['vcvalues lint']['runs']} interleaved rounds"
    )
    out.append(f"  {'tool':18s} {'median':>11s}  {'min - max':>21s} {'cpu':>11s} {'peak RSS':>9s}  files/s")
    for tool, s in result["tools"].items():
        rate = result["files"] / s["median_s"]
        out.append(
            f"  {tool:18s} {_ms(s['median_s'])}  ({_ms(s['min_s']).strip()} - {_ms(s['max_s']).strip()})"
            f"{'':2s}{_ms(s['median_cpu_s'])} {s['peak_rss_mib']:6.1f} MiB  {rate:8,.0f}"
        )
    out.append(
        f"  vcvalues / check-jsonschema {_ratio(result['vs_check_jsonschema'])}   "
        f"vcvalues / floor {_ratio(result['vs_floor'])}   (median ratio, same-round min-max)"
    )
    return "\n".join(out)


def targets(scenarios: dict[str, Any]) -> list[dict[str, Any]]:
    """Each DESIGN.md §14 target with the measured value and whether it holds."""
    found: list[dict[str, Any]] = []

    def add(name: str, measured: float, limit: float, unit: str, *, at_least: bool = False) -> None:
        held = measured >= limit if at_least else measured <= limit
        found.append({"target": name, "measured": measured, "limit": limit, "unit": unit, "met": held})

    if "cold" in scenarios:
        cold = scenarios["cold"]
        add("cold lint, 1 file / check-jsonschema", cold["vs_check_jsonschema"]["ratio"], 0.5, "x")
        add("cold lint, 1 file / floor", cold["vs_floor"]["ratio"], 2.0, "x")
    if "batch100" in scenarios:
        add("100 files / check-jsonschema", scenarios["batch100"]["vs_check_jsonschema"]["ratio"], 0.33, "x")
    if "inprocess" in scenarios:
        add("warm compile+render per file", scenarios["inprocess"]["median_ms_per_file"], 5.0, "ms")
    if "big" in scenarios:
        big = scenarios["big"]["tools"]["vcvalues lint"]
        add("1 MB file, time", big["median_s"], 2.0, "s")
        add("1 MB file, peak RSS", big["peak_rss_mib"], 200.0, "MiB")
    if "pss" in scenarios:
        headline = next(iter(scenarios["pss"]["results"].values()))
        add("PSS evaluations per second", headline["median_per_s"], 20_000, "/s", at_least=True)
    return found


def verdicts(found: list[dict[str, Any]]) -> str:
    """The targets, one line each."""
    lines = ["\ntargets (DESIGN.md §14)"]
    for t in found:
        sign = ">=" if t["target"].startswith("PSS") else "<="
        lines.append(
            f"  {'met ' if t['met'] else 'MISS'}  {t['target']:42s} {t['measured']:10,.2f} {t['unit']:3s} "
            f"{sign} {t['limit']:,g} {t['unit']}"
        )
    return "\n".join(lines)
