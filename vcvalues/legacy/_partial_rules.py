"""The cross-field rules beside schema errors: one refused value must not hide every other finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vcvalues.core.diagnostics import Diagnostic, KeyPath

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.legacy.compile import CompileResult


def rule_diagnostics(
    result: CompileResult,
    invalid: list[KeyPath],
    apply_fixes: bool,
    disabled: frozenset[str],
    config: RulesConfig | None,
    *,
    fix_user_values: bool = False,
) -> list[Diagnostic]:
    """The cross-field rules, also when the schema refused some values: one bad value must not hide
    every other finding. The rules then run twice, once with each refused value put back to the chart's
    default and once with it left out, without fixes; a finding is kept when both runs make it and it is
    not about a refused value (so it holds whatever the user meant there)."""
    from vcvalues.legacy.rules import check_rules

    if not invalid:
        return check_rules(
            result, apply_fixes=apply_fixes, disable=disabled, config=config, fix_user_values=fix_user_values
        )
    from vcvalues.legacy._value_checks import with_defaults_at

    runs = []
    for use_defaults in (True, False):
        values = with_defaults_at(result.values, invalid, result.chart if use_defaults else None)
        checkable = result.replace(values=values, fixes=[])
        runs.append(check_rules(checkable, apply_fixes=False, disable=disabled, config=config))
    both = set(runs[1])
    return [d for d in runs[0] if d in both and not any(_overlap(d.key_path, path) for path in invalid)]


def _overlap(a: KeyPath, b: KeyPath) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]
