"""The rule engine both dialects run: every enabled rule on compiled values, fixes applied in rounds."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from vcvalues.core._record import replace
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity, format_key_path
from vcvalues.core.rules import Finding, Fix, Rule, RuleContext

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.core.provenance import Provenance

MAX_FIX_ROUNDS = 5


class Compiled(Protocol):
    """What the engine reads and changes of a dialect's compile result."""

    values: dict[str, Any]
    user_values: dict[str, Any]
    release: str
    namespace: str
    sources: Provenance
    fixes: list[tuple[KeyPath, Any, str]]

    @property
    def chart(self) -> Any: ...


def check_rules(
    result: Compiled,
    registry: Mapping[str, Rule],
    context_type: type[RuleContext],
    *,
    apply_fixes: bool,
    disable: Collection[str] = (),
    config: RulesConfig | None = None,
    fix_user_values: bool = True,
) -> list[Diagnostic]:
    """Run every enabled rule on compiled values.

    With ``apply_fixes``, the fix of each fixable error is applied to ``result.values`` (and recorded in
    ``result.fixes``), reported as a warning saying what changed, and the rules run again on the fixed
    values (at most ``MAX_FIX_ROUNDS`` times).

    Args:
        result: compiled values; ``values`` is changed in place when fixes are applied.
        registry: the dialect's rules.
        context_type: the dialect's rule context.
        apply_fixes: apply fixes of fixable errors.
        disable: rule ids switched off.
        config: severities and options from ``.vcvalues.yaml`` (None: the defaults).
        fix_user_values: a fix may also change a value the user wrote (``lint --fix`` edits the file
            on request); with False only values the chart defaulted are raised, and a value the user
            wrote stays an error whose hint says so (legacy ``render``).

    Returns:
        The diagnostics, unsorted.
    """
    off = set(disable) | (set(config.disabled) if config is not None else set())
    rules = [rule for rule in registry.values() if rule.check is not None and rule.id not in off]
    fixed: list[Diagnostic] = []
    applied: set[tuple[KeyPath, str]] = set()
    findings = _run(rules, result, context_type, config)
    for _ in range(MAX_FIX_ROUNDS):
        if not apply_fixes:
            break
        round_fixes: list[tuple[Rule, Fix]] = []
        for rule, finding in findings:
            fix = finding.fix
            if fix is None or _severity(rule, finding, config) is not Severity.ERROR:
                continue
            if not fix_user_values and result.sources.user_set(fix.path):
                continue  # the user's own value is their policy: report it, do not override it
            marker = (fix.path, repr(fix.value))
            if marker not in applied and all(fix.path != other.path for _, other in round_fixes):
                applied.add(marker)
                round_fixes.append((rule, fix))
                fixed.append(_fixed(rule, finding, fix, result))
        if not round_fixes:
            break
        for _, fix in round_fixes:
            _assign(result.values, fix.path, fix.value)
            result.fixes.append((fix.path, fix.value, fix.description))
        findings = _run(rules, result, context_type, config)
    kept = [_diagnostic(rule, finding, result, config) for rule, finding in findings]
    if apply_fixes and not fix_user_values:
        kept = [_not_overridden(d, f, result) for d, (_, f) in zip(kept, findings, strict=True)]
    return fixed + kept


def _not_overridden(diagnostic: Diagnostic, finding: Finding, result: Compiled) -> Diagnostic:
    """An unfixed error whose fix would change a value the user wrote says so in its hint."""
    fix = finding.fix
    if fix is None or diagnostic.severity is not Severity.ERROR or not result.sources.user_set(fix.path):
        return diagnostic
    note = (
        f"you set {format_key_path(fix.path)} yourself, so it is not changed here "
        "(change it, or let vcvalues lint --fix write it)"
    )
    hint = f"{diagnostic.hint}; {note}" if diagnostic.hint else note
    return replace(diagnostic, hint=hint)


def _run(
    rules: list[Rule], result: Compiled, context_type: type[RuleContext], config: RulesConfig | None
) -> list[tuple[Rule, Finding]]:
    out: list[tuple[Rule, Finding]] = []
    shared: dict[str, Any] = {}  # one round: every rule sees the same values
    for rule in rules:
        options = rule.option_defaults()
        if config is not None:
            options.update(config.options_for(rule.id))
        ctx = context_type(
            result.values,
            result.user_values,
            result.chart,
            result.release,
            result.namespace,
            options,
            result.sources,
            shared=shared,
        )
        assert rule.check is not None
        rule.check(ctx)
        out.extend((rule, finding) for finding in ctx.findings)
    return out


def _severity(rule: Rule, finding: Finding, config: RulesConfig | None) -> Severity:
    if config is not None and rule.id in config.severities:
        return config.severities[rule.id]
    return finding.severity if finding.severity is not None else rule.default_severity


def _diagnostic(rule: Rule, finding: Finding, result: Compiled, config: RulesConfig | None) -> Diagnostic:
    where = result.sources.locate(finding.path, key=finding.key)
    return Diagnostic(
        rule.id,
        _severity(rule, finding, config),
        finding.message,
        where.file,
        where.line,
        where.column,
        finding.hint,
        finding.path,
        fixable=finding.fix is not None,
    )


def _fixed(rule: Rule, finding: Finding, fix: Fix, result: Compiled) -> Diagnostic:
    where = result.sources.locate(finding.path, key=finding.key)
    return Diagnostic(
        rule.id,
        Severity.WARNING,
        f"fixed: {fix.description}; {finding.message}",
        where.file,
        where.line,
        where.column,
        f"write it into the values file (vcvalues lint --fix), or set {format_key_path(fix.path)} yourself",
        finding.path,
        fixable=True,
    )


def _assign(values: dict[str, Any], path: KeyPath, value: Any) -> None:
    node: Any = values
    for part in path[:-1]:
        child = node.get(part) if isinstance(node, dict) else None
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[path[-1]] = value
