"""Check the pods in YAML files (multi-document, List kinds) against a Pod Security Standard.

Files are read as ``kubectl`` reads manifests (go-yaml, YAML 1.1 scalars) by :mod:`vcvalues.core.load`.
Inline ``# vcvalues: disable=`` comments are deliberately not honoured here: they would hide a pod that
vcluster's syncer still refuses.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence

from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.source import SourceMap
from vcvalues.errors import InputError
from vcvalues.pss.diagnose import Locate, PodReport, PodTally, diagnose_document
from vcvalues.pss.evaluator import Policy

STDIN_NAME = "<stdin>"


def _locator(source_map: SourceMap) -> Locate:
    """A present field is placed at its value; a missing one at the key of its nearest existing ancestor."""

    def locate(path: KeyPath) -> tuple[int, int]:
        span = source_map.value_span(path) if source_map.has(path) else source_map.key_span(path)
        return span.line, span.column

    return locate


def located_documents(
    text: str, *, file: str, diagnostics: list[Diagnostic]
) -> Iterator[tuple[object, Locate]]:
    """Each document of ``text`` with its locator, read one at a time (syntax problems are appended to
    ``diagnostics``); positions are worked out only for the documents asked about
    (:mod:`vcvalues.pss.documents`). The cyclic garbage collector is paused meanwhile, as in
    :func:`~vcvalues.pss.stream.iter_documents`."""
    from vcvalues.pss.documents import read_documents

    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield from read_documents(text, file=file, diagnostics=diagnostics)
    finally:
        if paused:
            gc.enable()


def check_pod_text(text: str, *, file: str, policy: Policy, apply_defaults: bool = True) -> PodReport:
    """Evaluate every pod in a YAML text, each document as it is read (syntax problems come back as
    ``syntax`` diagnostics).

    Args:
        text: one or more YAML documents.
        file: the name to put in diagnostics.
        policy: level and version (:func:`vcvalues.pss.policy_for`).
        apply_defaults: evaluate pods as the API server defaults them.

    Returns:
        Diagnostics (syntax, one ERROR per failed check per object, INFO per workload without a pod spec),
        counts, and the kinds of the objects that hold no pod.
    """
    problems: list[Diagnostic] = []
    tally = PodTally()
    for data, locate in located_documents(text, file=file, diagnostics=problems):
        tally.add(diagnose_document(data, locate, file=file, policy=policy, apply_defaults=apply_defaults))
    tally.diagnostics[:0] = problems
    return tally.report()


class CheckPodsOutcome:
    """The result of checking several files."""

    __slots__ = ("diagnostics", "evaluated", "messages", "not_workloads", "refused", "unreadable")

    def __init__(  # a plain class: the dataclasses import costs a cold check-pods ~10 ms
        self,
        diagnostics: list[Diagnostic] | None = None,
        evaluated: int = 0,
        refused: int = 0,
        messages: list[str] | None = None,
        unreadable: int = 0,
        not_workloads: dict[str, int] | None = None,
    ) -> None:
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.evaluated = evaluated
        self.refused = refused
        self.messages: list[str] = [] if messages is None else messages
        self.unreadable = unreadable
        self.not_workloads: dict[str, int] = {} if not_workloads is None else not_workloads

    def exit_code(self) -> int:
        """0 pods checked and none refused; 1 an object refused, a syntax error, or no pod found at all
        (nothing checked is not a pass); 2 a file could not be read."""
        if self.unreadable:
            return 2
        if not self.evaluated:
            return 1
        return 1 if any(d.severity is Severity.ERROR for d in self.diagnostics) else 0


def check_pod_files(
    files: Sequence[str], *, policy: Policy, stdin_text: str | None = None, apply_defaults: bool = True
) -> CheckPodsOutcome:
    """Evaluate every pod in every file (``-`` is ``stdin_text``); unreadable files are noted, not raised.

    Args:
        files: paths, or ``-`` for standard input.
        policy: level and version (:func:`vcvalues.pss.policy_for`).
        stdin_text: the text of ``-``.
        apply_defaults: evaluate pods as the API server defaults them.

    Returns:
        The diagnostics of all files, counts, and messages for stderr.
    """
    from vcvalues.core.encoding import decode_source
    from vcvalues.core.read_file import read_source

    outcome = CheckPodsOutcome()
    for name in files:
        file = STDIN_NAME if name == "-" else name
        if name == "-":
            text: str | None = stdin_text or ""
        else:
            try:
                text, problem = decode_source(read_source(name), file=name)
            except InputError as exc:
                outcome.messages.append(f"vcvalues: error: {exc}")
                outcome.unreadable += 1
                continue
            if problem is not None:
                outcome.diagnostics.append(problem)
        if text is None:
            continue
        report = check_pod_text(text, file=file, policy=policy, apply_defaults=apply_defaults)
        outcome.diagnostics.extend(report.diagnostics)
        outcome.evaluated += report.evaluated
        outcome.refused += report.refused
        for kind, count in report.not_workloads.items():
            outcome.not_workloads[kind] = outcome.not_workloads.get(kind, 0) + count
    return outcome
