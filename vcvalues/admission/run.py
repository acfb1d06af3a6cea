"""Simulate admission for every workload in YAML files, each document as it is read.

:func:`simulate_admission` is the library entry point behind ``vcvalues check-pods``: files in, an
:class:`AdmissionReport` out (verdicts, capacity table, diagnostics). Nothing is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from vcvalues.admission.host import HostPolicy
from vcvalues.admission.ledger import CapacityRow
from vcvalues.admission.simulate import Simulation
from vcvalues.admission.verdicts import Verdict
from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.errors import InputError
from vcvalues.pss.diagnose import skipped_diagnostics
from vcvalues.pss.workloads import SkippedObject

STDIN_NAME = "<stdin>"


@dataclass
class AdmissionReport:
    """What the simulation found.

    Attributes:
        host: the policy the workloads were admitted against.
        verdicts: one per workload, Service and PersistentVolumeClaim, in file order.
        capacity: per quota and resource: control plane, workloads, hard, left.
        diagnostics: syntax problems, one ERROR per reason an object is refused, INFO per workload that
            holds no pod spec.
        not_workloads: ``{kind: count}`` of the objects that create no pod (summarised, not reported).
        messages: lines for stderr (unreadable files).
        unreadable: files that could not be read.
    """

    host: HostPolicy
    verdicts: list[Verdict] = field(default_factory=list)
    capacity: list[CapacityRow] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    not_workloads: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    unreadable: int = 0

    @property
    def pods_checked(self) -> int:
        """Workloads with a pod template that were evaluated."""
        return sum(1 for v in self.verdicts if v.kind not in ("Service", "PersistentVolumeClaim"))

    @property
    def refused(self) -> int:
        """Objects with at least one refusal."""
        return sum(1 for v in self.verdicts if v.refusals)

    def exit_code(self) -> int:
        """0 all admitted; 1 something refused, a syntax error, or no workload at all; 2 unreadable."""
        if self.unreadable:
            return 2
        if not self.pods_checked:
            return 1
        return 1 if any(d.severity is Severity.ERROR for d in self.diagnostics) else 0


def simulate_admission(
    files: Sequence[str],
    host: HostPolicy,
    *,
    nodes: int = 1,
    apply_defaults: bool = True,
    stdin_text: str | None = None,
    texts: Sequence[tuple[str, str]] = (),
) -> AdmissionReport:
    """Admit the workloads of ``files`` (``-`` is ``stdin_text``) and of ``texts`` (name, YAML) in order.

    Args:
        files: paths, or ``-`` for standard input.
        host: what the host namespace holds (:func:`vcvalues.admission.legacy.legacy_host`, or built).
        nodes: how many nodes run each DaemonSet's pod.
        apply_defaults: evaluate Pod Security as the API server defaults pods.
        stdin_text: the text of ``-``.
        texts: YAML texts to read after the files.

    Returns:
        The verdicts, the capacity table and the diagnostics; unreadable files are noted, not raised.
    """
    from vcvalues.core.load import decode_source, read_source
    from vcvalues.pss.files import located_documents

    report = AdmissionReport(host)
    simulation = Simulation(host, nodes=nodes, apply_defaults=apply_defaults)
    sources: list[tuple[str, str | None]] = []
    for name in files:
        if name == "-":
            sources.append((STDIN_NAME, stdin_text or ""))
            continue
        try:
            text, problem = decode_source(read_source(name), file=name)
        except InputError as exc:
            report.messages.append(f"vcvalues: error: {exc}")
            report.unreadable += 1
            continue
        if problem is not None:
            report.diagnostics.append(problem)
        sources.append((name, text))
    sources += list(texts)
    for file, text in sources:
        if text is None:
            continue
        found: list[Diagnostic] = []
        for data, locate in located_documents(text, file=file, diagnostics=found):
            start = len(simulation.verdicts)
            simulation.add(data, locate, file=file)
            for verdict in simulation.verdicts[start:]:
                found += [r.diagnostic() for r in verdict.refusals]
            for kind, name, reason, path, where in simulation.skipped:
                skip = SkippedObject(kind, name, reason, path)
                found += skipped_diagnostics([skip], where, file=file, not_workloads=report.not_workloads)
            simulation.skipped.clear()
        report.diagnostics += sorted(found, key=Diagnostic.sort_key)
    report.verdicts = simulation.verdicts
    report.capacity = simulation.ledger.capacity()
    return report
