"""What the simulation says about each object: admitted, partly admitted or refused, and why."""

from __future__ import annotations

from collections.abc import Callable

from vcvalues.core._record import record
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.pss.diagnose import HINTS, Locate

STAGES = ("syncer", "resources", "limitrange", "namespace", "quota")
"""Where a pod can be refused, in the order it meets them."""

RULE_HINTS = {
    "invalid-quantity": "write a Kubernetes quantity such as 500m, 1, 256Mi or 1Gi",
    "invalid-pod-spec": "write the containers as a list of maps (- name: app ...)",
    "limitrange": "set the container's resources within the LimitRange (or change the LimitRange)",
    "request-over-limit": "set the request at most the limit (a LimitRange default limit is a limit)",
    "namespace-pod-security": "make the pod meet the host namespace's Pod Security level",
    "quota-must-specify": "set the named requests/limits in every container, or give the LimitRange defaults",
    "quota-exceeded": "lower the replicas or resources, or raise the quota",
}

SUMMARIES = {
    "invalid-quantity": "a resource value is not a Kubernetes quantity",
    "limitrange": "the host's LimitRange refuses the pod (min, max, maxLimitRequestRatio)",
    "request-over-limit": "a container's request exceeds its limit (its own, or the LimitRange default)",
    "namespace-pod-security": "the host namespace's Pod Security level refuses the pod",
    "quota-must-specify": "a quota names cpu/memory that a container leaves unset",
    "quota-exceeded": "the workload's pods, services or claims do not fit the quota",
}


@record
class Refusal:
    """One reason an object is (partly) refused, placed on the field to change."""

    stage: str
    rule: str
    message: str
    file: str
    line: int
    column: int
    path: KeyPath

    @classmethod
    def at(cls, stage: str, rule: str, message: str, file: str, locate: Locate, path: KeyPath) -> Refusal:
        """A refusal at ``path`` of the document."""
        line, column = locate(path)
        return cls(stage, rule, message, file, line, column, path)

    @classmethod
    def of(cls, stage: str, diagnostic: Diagnostic) -> Refusal:
        """A refusal from a Pod Security diagnostic."""
        return cls(
            stage,
            diagnostic.rule_id,
            diagnostic.message,
            diagnostic.file,
            diagnostic.line,
            diagnostic.column,
            diagnostic.key_path,
        )

    def diagnostic(self) -> Diagnostic:
        """As an ERROR diagnostic (rule id, message, position, hint)."""
        hint = HINTS.get(self.rule) or RULE_HINTS.get(self.rule)
        return Diagnostic(
            self.rule, Severity.ERROR, self.message, self.file, self.line, self.column, hint, self.path
        )


def _origin() -> tuple[int, int]:
    return 1, 1


class Verdict:
    """One workload, Service or claim: how many objects it asks for and how many were admitted.

    ``where`` gives the position of the object's ``kind`` when asked (see :attr:`line`, :attr:`column`);
    it takes no part in ``==``, ``hash`` and ``repr``. Read-only, like the records of this package (a
    plain class: a field left out of comparison is what ``@record`` does not do).
    """

    __slots__ = ("admitted", "file", "kind", "name", "refusals", "wanted", "where")
    file: str
    kind: str
    name: str
    wanted: int
    admitted: int
    refusals: tuple[Refusal, ...]
    where: Callable[[], tuple[int, int]]

    def __init__(
        self,
        file: str,
        kind: str,
        name: str,
        wanted: int,
        admitted: int,
        refusals: tuple[Refusal, ...] = (),
        where: Callable[[], tuple[int, int]] = _origin,
    ) -> None:
        initialise = object.__setattr__
        initialise(self, "file", file)
        initialise(self, "kind", kind)
        initialise(self, "name", name)
        initialise(self, "wanted", wanted)
        initialise(self, "admitted", admitted)
        initialise(self, "refusals", refusals)
        initialise(self, "where", where)

    def _compared(self) -> tuple[object, ...]:
        return (self.file, self.kind, self.name, self.wanted, self.admitted, self.refusals)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Verdict)
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        names = ("file", "kind", "name", "wanted", "admitted", "refusals")
        return (
            "Verdict(" + ", ".join(f"{n}={v!r}" for n, v in zip(names, self._compared(), strict=True)) + ")"
        )

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    @property
    def line(self) -> int:
        """Line of the object's ``kind``."""
        return self.where()[0]

    @property
    def column(self) -> int:
        """Column of the object's ``kind``."""
        return self.where()[1]

    @property
    def label(self) -> str:
        """``Deployment web``."""
        return f"{self.kind} {self.name}".strip()

    @property
    def status(self) -> str:
        """``admitted``, ``partly admitted``, ``refused`` or ``creates none`` (a PodTemplate, 0 replicas)."""
        if self.refusals:
            return "partly admitted" if self.admitted else "refused"
        return "admitted" if self.wanted else "creates none"

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one verdict."""
        line, column = self.where()
        return {
            "kind": self.kind,
            "name": self.name,
            "file": self.file,
            "line": line,
            "column": column,
            "status": self.status,
            "wanted": self.wanted,
            "admitted": self.admitted,
            "reasons": [
                {"stage": r.stage, "rule": r.rule, "message": r.message, "line": r.line, "column": r.column}
                for r in self.refusals
            ],
        }
