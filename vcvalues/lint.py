"""Linting several values files: each file is compiled on its own against one chart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from vcvalues.diagnostics import Diagnostic, Severity
from vcvalues.errors import InputError

STDIN_NAME = "<stdin>"


@dataclass
class LintOutcome:
    """Diagnostics of every file, the rule summaries (for SARIF) and notes for stderr."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    summaries: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    unreadable: int = 0

    def exit_code(self, *, strict: bool = False) -> int:
        """0 clean, 1 errors (or warnings under strict), 2 a file could not be read."""
        if self.unreadable:
            return 2
        worst = max((d.severity for d in self.diagnostics), default=None)
        if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
            return 1
        return 0


def lint_files(
    files: Sequence[str],
    *,
    chart_version: str | None = None,
    distro: str | None = None,
    release: str = "vcluster",
    namespace: str | None = None,
    disable: Iterable[str] = (),
    config: str | None = None,
    fix: bool = False,
    stdin_text: str | None = None,
) -> LintOutcome:
    """Lint each file as a standalone values file (``-`` is ``stdin_text``).

    Raises:
        UsageError / UnsupportedChartVersionError: bad options (nothing is linted).
    """
    from vcvalues.chart import resolve_chart
    from vcvalues.compile import compile_loaded
    from vcvalues.load import load_path, load_yaml

    resolve_chart(chart_version, distro)  # a bad version is a usage error before any file is read
    outcome = LintOutcome()
    disabled = frozenset(disable)
    for name in files:
        try:
            loaded = load_yaml(stdin_text or "", file=STDIN_NAME) if name == "-" else load_path(name)
        except InputError as exc:
            outcome.messages.append(f"vcvalues: error: {exc}")
            outcome.unreadable += 1
            continue
        result = compile_loaded(
            [loaded],
            chart_version=chart_version,
            distro=distro,
            release=release,
            namespace=namespace,
            disable=disabled,
        )
        outcome.diagnostics.extend(result.diagnostics)
        if fix and name != "-":
            from vcvalues.fix import write_fixes

            outcome.messages.extend(write_fixes(name, result))
    from vcvalues.rules import REGISTRY

    outcome.summaries = {rule_id: rule.summary for rule_id, rule in REGISTRY.items()}
    return outcome
