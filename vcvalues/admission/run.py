"""Simulate admission for every workload in YAML files, each document as it is read.

:func:`simulate_admission` is the library entry point behind ``vcvalues check-pods``: files in, an
:class:`AdmissionReport` out (verdicts, capacity table, diagnostics). Nothing is printed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vcvalues.admission.host import HostPolicy
from vcvalues.admission.ledger import CapacityRow
from vcvalues.admission.simulate import Simulation
from vcvalues.admission.verdicts import Verdict
from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.errors import InputError
from vcvalues.pss.diagnose import skipped_diagnostics
from vcvalues.pss.workloads import SkippedObject

STDIN_NAME = "<stdin>"


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

    __slots__ = (
        "capacity",
        "diagnostics",
        "host",
        "messages",
        "not_workloads",
        "pods_checked",
        "refused",
        "unreadable",
        "verdicts",
    )

    def __init__(  # a plain class: the dataclasses import costs a cold check-pods ~10 ms
        self,
        host: HostPolicy,
        verdicts: list[Verdict] | None = None,
        capacity: list[CapacityRow] | None = None,
        diagnostics: list[Diagnostic] | None = None,
        not_workloads: dict[str, int] | None = None,
        messages: list[str] | None = None,
        unreadable: int = 0,
        pods_checked: int = 0,
        refused: int = 0,
    ) -> None:
        self.host = host
        self.verdicts: list[Verdict] = [] if verdicts is None else verdicts
        self.capacity: list[CapacityRow] = [] if capacity is None else capacity
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.not_workloads: dict[str, int] = {} if not_workloads is None else not_workloads
        self.messages: list[str] = [] if messages is None else messages
        self.unreadable = unreadable
        self.pods_checked = pods_checked
        self.refused = refused

    def exit_code(self) -> int:
        """0 all admitted; 1 something refused, a syntax error, or no workload at all; 2 unreadable."""
        if self.unreadable:
            return 2
        if not self.pods_checked:
            return 1
        return 1 if any(d.severity is Severity.ERROR for d in self.diagnostics) else 0


def _texts(
    files: Sequence[str], stdin_text: str | None, texts: Sequence[tuple[str, str]], report: AdmissionReport
) -> Iterator[tuple[str, str]]:
    """(name, text) of each input in turn, read when its turn comes; unreadable ones noted in ``report``."""
    from vcvalues.core.encoding import decode_source
    from vcvalues.core.read_file import read_source

    for name in files:
        if name == "-":
            yield STDIN_NAME, stdin_text or ""
            continue
        try:
            text, problem = decode_source(read_source(name), file=name)
        except InputError as exc:
            report.messages.append(f"vcvalues: error: {exc}")
            report.unreadable += 1
            continue
        if problem is not None:
            report.diagnostics.append(problem)
        if text is not None:
            yield name, text
    yield from texts


def simulate_admission(
    files: Sequence[str],
    host: HostPolicy,
    *,
    nodes: int = 1,
    apply_defaults: bool = True,
    stdin_text: str | None = None,
    texts: Sequence[tuple[str, str]] = (),
    keep_verdicts: bool = True,
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
    from vcvalues.pss.files import located_documents

    report = AdmissionReport(host)
    simulation = Simulation(host, nodes=nodes, apply_defaults=apply_defaults)
    kept: list[Verdict] = []
    for name, text in _texts(files, stdin_text, texts, report):
        found: list[Diagnostic] = []
        for data, locate in located_documents(text, file=name, diagnostics=found):
            simulation.add(data, locate, file=name)
            for verdict in simulation.verdicts:
                found += [r.diagnostic() for r in verdict.refusals]
                report.pods_checked += verdict.kind not in ("Service", "PersistentVolumeClaim")
                report.refused += bool(verdict.refusals)
            if keep_verdicts:
                kept += simulation.verdicts
            simulation.verdicts.clear()
            for kind, object_name, reason, path, where in simulation.skipped:
                skip = SkippedObject(kind, object_name, reason, path)
                found += skipped_diagnostics([skip], where, file=name, not_workloads=report.not_workloads)
            simulation.skipped.clear()
        report.diagnostics += sorted(found, key=Diagnostic.sort_key)
    report.verdicts = kept
    report.capacity = simulation.ledger.capacity()
    return report
