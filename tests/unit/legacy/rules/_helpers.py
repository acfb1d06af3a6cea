"""Compile values text the way the rule examples are compiled; diagnostics as (rule, line, column)."""

from __future__ import annotations

import textwrap
from types import MappingProxyType
from typing import Any

from vcvalues.core.config import RulesConfig, RuleSetting
from vcvalues.legacy.compile import CompileResult, compile_text
from vcvalues.legacy.rules import Rule


def config_with(rule_id: str, options: dict[str, Any]) -> RulesConfig | None:
    """A config that sets options of one rule (None when there are none)."""
    if not options:
        return None
    return RulesConfig(MappingProxyType({rule_id: RuleSetting(options=MappingProxyType(dict(options)))}))


def compile_example(
    rule: Rule, text: str, *, apply_fixes: bool = False, fix_user_values: bool = False
) -> CompileResult:
    """Compile an example of ``rule`` with the chart, namespace and options it declares."""
    example = rule.example
    return compile_text(
        text,
        chart_version=example.chart_version,
        distro=example.distro,
        namespace=example.namespace,
        apply_fixes=apply_fixes,
        fix_user_values=fix_user_values,
        config=config_with(rule.id, dict(example.options)),
    )


def run(text: str, **options: Any) -> list[tuple[str, int, int]]:
    """(rule, line, column) of every diagnostic for dedented values text."""
    result = compile_text(textwrap.dedent(text), **options)
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


def messages(text: str, **options: Any) -> list[tuple[str, str]]:
    """(rule, message) of every diagnostic for dedented values text."""
    result = compile_text(textwrap.dedent(text), **options)
    return [(d.rule_id, d.message) for d in result.diagnostics]
