"""What compiling values produced, whichever the dialect: the fields both wings' results share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.load import LoadResult
from vcvalues.core.provenance import Provenance

ChartT = TypeVar("ChartT")


@dataclass
class Compiled(Generic[ChartT]):
    """Everything compiling values produced.

    Attributes:
        chart: the chart (legacy) or release (0.20+) compiled against.
        release: Helm release name.
        namespace: Helm release namespace.
        values: the effective values the chart's templates see (plain data), fixes applied if asked.
        user_values: the user's merged values (files, then --set), before the chart defaults.
        diagnostics: every problem found, sorted by place.
        sources: where each value came from (for positions).
        fixes: what the compiler changed, as (key path, new value, description).
        loaded: the values files as read.
        deleted: default keys a user null deleted.
        helm_major: the Helm line followed (3, or 4: >= 4.2 drops unset null defaults).
    """

    chart: ChartT
    release: str
    namespace: str
    values: dict[str, Any]
    user_values: dict[str, Any]
    diagnostics: list[Diagnostic]
    sources: Provenance
    fixes: list[tuple[KeyPath, Any, str]] = field(default_factory=list)
    loaded: list[LoadResult] = field(default_factory=list)
    deleted: list[KeyPath] = field(default_factory=list)
    helm_major: int = 3

    @property
    def ok(self) -> bool:
        """No error-level diagnostic."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)
