"""The rule registry and the engine that runs the rules on compiled values.

``REGISTRY`` maps every rule id to its :class:`~vcvalues.legacy.rules._base.Rule`, built from the
``RULES`` tuple
of each family module listed below (a duplicate id fails at import). To see every rule, read the family
modules; ``vcvalues rules`` lists them and ``vcvalues explain ID`` prints one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from vcvalues.core.diagnostics import Diagnostic, KeyPath
from vcvalues.legacy.rules import (
    capacity,
    coverage,
    exposure,
    helm_failures,
    limitrange,
    network,
    pod_security,
    pseudo,
    quota,
    reserved,
    security_context,
    syncer_args,
    traps,
)
from vcvalues.legacy.rules._base import Example, Fix, Option, Rule, RuleContext

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.legacy.compile import CompileResult

__all__ = [
    "REGISTRY",
    "Example",
    "Fix",
    "Option",
    "Rule",
    "RuleContext",
    "build_registry",
    "check_rules",
    "claim_schema_issue",
]

FAMILIES = (
    pseudo,
    exposure,
    capacity,
    quota,
    limitrange,
    network,
    coverage,
    pod_security,
    syncer_args,
    reserved,
    security_context,
    traps,
    helm_failures,
)


def build_registry(rules: Iterable[Rule]) -> Mapping[str, Rule]:
    """Id -> rule, in declaration order.

    Raises:
        ValueError: two rules share an id.
    """
    registry: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in registry:
            raise ValueError(f"duplicate rule id {rule.id!r}")
        registry[rule.id] = rule
    return MappingProxyType(registry)


REGISTRY: Mapping[str, Rule] = build_registry(rule for family in FAMILIES for rule in family.RULES)


def claim_schema_issue(path: KeyPath, value: Any, message: str) -> tuple[str, str, str | None] | None:
    """A schema issue that a rule explains better: ``(rule id, message, hint)``, or None.

    The typed schema already refuses, e.g., an unknown ``podSecurityStandard``; the rule that knows why
    (``pod-security-level``) reports it under its own id so that it can be explained and configured.
    """
    for family in FAMILIES:
        claim = getattr(family, "claim_schema_issue", None)
        if claim is not None:
            claimed: tuple[str, str, str | None] | None = claim(path, value, message)
            if claimed is not None:
                return claimed
    return None


def check_rules(
    result: CompileResult,
    *,
    apply_fixes: bool,
    disable: Collection[str] = (),
    config: RulesConfig | None = None,
    fix_user_values: bool = False,
) -> list[Diagnostic]:
    """Run every enabled legacy rule on compiled values (:func:`vcvalues.core.rule_engine.check_rules`)."""
    from vcvalues.core.rule_engine import check_rules as run

    return run(
        result,
        REGISTRY,
        RuleContext,
        apply_fixes=apply_fixes,
        disable=disable,
        config=config,
        fix_user_values=fix_user_values,
    )
