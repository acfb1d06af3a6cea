"""An :class:`~vcvalues.admission.run.AdmissionReport` as text, JSON, SARIF, GitHub annotations or Markdown.

Text and Markdown show the diagnostics (text) or a verdict table (Markdown), then the capacity table
(resource, used by the control plane, used by the workloads, hard, left). JSON is the diagnostics document
of every command plus ``workloads``, ``capacity`` and ``not_workloads``; SARIF carries the verdicts and the
capacity table in the run's ``properties``.
"""

from __future__ import annotations

from collections.abc import Mapping

from vcvalues.admission.ledger import CapacityRow
from vcvalues.admission.run import AdmissionReport
from vcvalues.core.report import format_diagnostics

FORMATS = ("text", "json", "github", "sarif", "markdown")
_HEADER = ("resource", "control plane", "workloads", "hard", "left")


def capacity_json(row: CapacityRow) -> dict[str, str | None]:
    """One capacity row as strings (Kubernetes quantities); None where the simulation counts nothing."""
    return {
        "quota": row.quota,
        "resource": row.resource,
        "control_plane": str(row.control_plane) if row.simulated else None,
        "workloads": str(row.workloads) if row.simulated else None,
        "hard": row.hard.go_string(),
        "left": str(row.left) if row.simulated else None,
    }


def _cells(row: CapacityRow) -> tuple[str, ...]:
    if not row.simulated:
        return (row.resource, "-", "-", row.hard.go_string(), "not simulated")
    return (row.resource, str(row.control_plane), str(row.workloads), row.hard.go_string(), str(row.left))


def verdicts_text(report: AdmissionReport) -> str:
    """One line per workload, Service and claim: ``FILE:LINE:COL: STATUS LABEL (admitted/wanted)``."""
    lines = [
        f"{v.file}:{v.line}:{v.column}: {v.status} {v.label} ({v.admitted}/{v.wanted})"
        for v in report.verdicts
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def capacity_text(report: AdmissionReport) -> str:
    """The capacity table, one block per quota, columns aligned."""
    lines: list[str] = []
    for quota in report.host.quotas:
        rows = [_cells(r) for r in report.capacity if r.quota == quota.name]
        if not rows:
            continue
        widths = [max(len(cells[i]) for cells in [_HEADER, *rows]) for i in range(len(_HEADER))]
        lines.append(f"capacity of quota {quota.name} in namespace {report.host.namespace}:")
        for cells in [_HEADER, *rows]:
            first = cells[0].ljust(widths[0])
            rest = "  ".join(cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
            lines.append(f"  {first}  {rest}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def capacity_markdown(report: AdmissionReport) -> str:
    """The capacity table in Markdown (one table; the quota in the first column)."""
    if not report.capacity:
        return ""
    lines = [
        "| quota | resource | control plane | workloads | hard | left |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in report.capacity:
        cells = (row.quota, *_cells(row))
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def format_markdown(report: AdmissionReport) -> str:
    """A verdict table and the capacity table, for a pull-request comment."""
    lines = [f"### Admission into `{report.host.namespace}`", ""]
    lines += ["| workload | status | pods | why |", "| --- | --- | ---: | --- |"]
    for verdict in report.verdicts:
        why = "<br>".join(_md(r.message) for r in verdict.refusals) or ""
        where = f"{verdict.file}:{verdict.line}"
        pods = f"{verdict.admitted}/{verdict.wanted}"
        lines.append(f"| `{_md(verdict.label)}` ({_md(where)}) | {verdict.status} | {pods} | {why} |")
    table = capacity_markdown(report)
    if table:
        lines += ["", table.rstrip("\n")]
    return "\n".join(lines) + "\n"


def format_report(report: AdmissionReport, fmt: str, *, files: int, summaries: Mapping[str, str]) -> str:
    """The whole report in one of FORMATS."""
    if fmt == "markdown":
        return format_markdown(report)
    text = format_diagnostics(report.diagnostics, fmt=fmt, files=files, summaries=summaries)
    if fmt == "text":
        if report.host.quotas or report.host.limit_ranges:
            return text + verdicts_text(report) + capacity_text(report)
        return text
    if fmt == "github":
        return text
    import json  # only the json and sarif formats need it (~3 ms of a cold start)

    document = json.loads(text)
    extra = {
        "namespace": report.host.namespace,
        "workloads": [v.to_json() for v in report.verdicts],
        "capacity": [capacity_json(r) for r in report.capacity],
        "not_workloads": dict(report.not_workloads),
    }
    if fmt == "json":
        document.update(extra)
    else:
        document["runs"][0]["properties"] = extra
    return json.dumps(document, indent=2) + "\n"
