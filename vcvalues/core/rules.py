"""What a rule is (shared by both dialects; each dialect has its own context a check runs in).

A rule is declared data (id, severity, summary, why, options, examples) plus a ``check`` function that
reads the effective values through a :class:`RuleContext` and calls :meth:`RuleContext.report`. Rules never
compute positions or severities themselves: ``report`` takes a key path, and the engine turns findings into
diagnostics at the place the user wrote the value (or its nearest ancestor).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath, Severity

if TYPE_CHECKING:
    from vcvalues.core.provenance import Provenance

_T = TypeVar("_T")


@record
class Option:
    """One option of a rule (set in ``.vcvalues.yaml`` under ``rules: {id: {options: {...}}}``).

    Attributes:
        name: the option key.
        default: its value when not configured.
        description: one line for ``vcvalues explain``.
        choices: the accepted values, when they form a closed set.
    """

    name: str
    default: Any
    description: str
    choices: tuple[Any, ...] | None = None


@record
class Fix:
    """A change to the values that resolves a finding: set ``path`` to ``value``."""

    path: KeyPath
    value: Any
    description: str


@record
class Finding:
    """What a check reported, before it gets a position and a severity."""

    path: KeyPath
    message: str
    hint: str | None = None
    fix: Fix | None = None
    key: bool = False
    severity: Severity | None = None


@record
class Example:
    """How a rule's examples are compiled: chart, release, options."""

    chart_version: str | None = None
    distro: str | None = None
    namespace: str | None = None
    options: Mapping[str, Any] = MappingProxyType({})


# A check reads a dialect's rule context (vcvalues.legacy.rules._base.RuleContext, ...) and reports.
Check = Callable[[Any], None]


@record
class Rule:
    """A rule: declared once, listed by ``vcvalues rules``, explained by ``vcvalues explain ID``.

    Attributes:
        id: permanent kebab-case id (used in config and suppressions).
        default_severity: severity when the config does not change it.
        summary: one line: what the rule finds.
        why: why it matters (what breaks, and where).
        fail_example: a values file that triggers exactly this rule ...
        fail_at: ... at this (line, column).
        pass_example: a values file that triggers no rule.
        check: the check; ``None`` for a pseudo-rule reported by the reader or the compiler.
        options: the rule's options.
        fixable: the rule can fix what it finds (``render``, ``lint --fix``).
        example: chart and options the examples are compiled with.
        source: where the facts behind the rule come from.
        usage_error: the rule is a usage error (exit 2), not a diagnostic: its fail example raises under
            ``example`` and its pass example compiles under the default chart.
    """

    id: str
    default_severity: Severity
    summary: str
    why: str
    fail_example: str
    fail_at: tuple[int, int]
    pass_example: str
    check: Check | None = None
    options: tuple[Option, ...] = ()
    fixable: bool = False
    example: Example = Example()
    source: str = ""
    usage_error: bool = False

    def option_defaults(self) -> dict[str, Any]:
        """Every option at its default."""
        return {option.name: option.default for option in self.options}


class RuleContext:
    """What a check sees: the compiled values and the chart, and a way to report (each dialect narrows
    ``chart``: a legacy ``ChartRef``, a 0.20+ ``ModernRef``).

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

    # A plain class, not a dataclass (the dataclasses import and build cost a cold lint ~15 ms); the
    # dialects' contexts derive from it and only narrow ``chart``'s type.
    __slots__ = (
        "chart",
        "findings",
        "namespace",
        "options",
        "release",
        "shared",
        "sources",
        "user_values",
        "values",
    )
    chart: Any

    def __init__(
        self,
        values: dict[str, Any],
        user_values: dict[str, Any],
        chart: Any,
        release: str,
        namespace: str,
        options: Mapping[str, Any],
        sources: Provenance,
        findings: list[Finding] | None = None,
        shared: dict[str, Any] | None = None,
    ) -> None:
        self.values = values
        self.user_values = user_values
        self.chart = chart
        self.release = release
        self.namespace = namespace
        self.options = options
        self.sources = sources
        self.findings: list[Finding] = [] if findings is None else findings
        self.shared: dict[str, Any] = {} if shared is None else shared

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
