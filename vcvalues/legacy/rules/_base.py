"""The context a legacy rule's check runs in; what a rule is lives in :mod:`vcvalues.core.rules`.

A rule is declared data (id, severity, summary, why, options, examples) plus a ``check`` function that
reads the effective values through a :class:`RuleContext` and calls :meth:`RuleContext.report`. Rules never
compute positions or severities themselves: ``report`` takes a key path, and the engine turns findings into
diagnostics at the place the user wrote the value (or its nearest ancestor).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.rules import Check, Example, Finding, Fix, Option, Rule

_T = TypeVar("_T")

if TYPE_CHECKING:
    from vcvalues.core.provenance import Provenance
    from vcvalues.legacy.chart import ChartRef

__all__ = ["Check", "Example", "Finding", "Fix", "Option", "Rule", "RuleContext"]


@dataclass
class RuleContext:
    """What a check sees: the compiled values and the chart, and a way to report.

    Attributes:
        values: the effective values (chart defaults + the user's), plain data.
        user_values: the user's merged values only.
        chart: the chart compiled against.
        release: Helm release name.
        namespace: Helm release namespace.
        options: this rule's options (defaults overlaid with the config).
        sources: provenance (only ``user_set`` is meant for rules: positions are the engine's job).
        findings: what the check reported (filled by :meth:`report`).
        shared: facts computed once per round of rules and shared by all of them (see :meth:`memo`).
    """

    values: dict[str, Any]
    user_values: dict[str, Any]
    chart: ChartRef
    release: str
    namespace: str
    options: Mapping[str, Any]
    sources: Provenance
    findings: list[Finding] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, build: Callable[[], _T]) -> _T:
        """``build()`` once per round of rules: the rules of a round see the same values, so what one
        derives from them (the control plane's use, the leaves of the user's values) serves all."""
        try:
            value: _T = self.shared[key]
        except KeyError:
            value = self.shared[key] = build()
        return value

    def report(
        self,
        path: KeyPath,
        message: str,
        hint: str | None = None,
        fix: Fix | None = None,
        *,
        key: bool = False,
        severity: Severity | None = None,
    ) -> None:
        """Report a problem at ``path`` (the value's position; the key's with ``key=True``).

        Args:
            path: key path of the offending value in the values tree.
            message: lower case, naming the key and the value found.
            hint: how to fix it.
            fix: a change to the values that resolves it.
            key: point at the key rather than the value.
            severity: override the rule's severity for this finding (rules with an error/warning split).
        """
        self.findings.append(Finding(path, message, hint, fix, key, severity))

    def user_set(self, path: KeyPath) -> bool:
        """The user (a file or ``--set``) gave ``path`` itself."""
        return self.sources.user_set(path)
