"""The rules of 0.20+ values (vcluster.yaml): the registry and the engine entry point.

``REGISTRY`` maps every rule id to its :class:`~vcvalues.core.rules.Rule`, built from the ``RULES``
tuple of each family module below (a duplicate id fails at import). Ids shared with the legacy dialect
(``expose-needs-nodeports``, ``invalid-quantity``, ...) mean the same problem on the 0.20+ keys.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from vcvalues.core.diagnostics import Diagnostic
from vcvalues.core.rules import Rule
from vcvalues.modern.rules import (
    capacity,
    control_plane_pss,
    dns,
    exposure,
    footprint,
    limitrange,
    network,
    pod_security,
    pseudo,
    quota,
    traps,
)
from vcvalues.modern.rules._base import ModernRuleContext

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.modern.compile import ModernCompileResult

__all__ = ["REGISTRY", "check_rules"]

FAMILIES = (
    pseudo,
    exposure,
    capacity,
    footprint,
    quota,
    limitrange,
    network,
    dns,
    pod_security,
    control_plane_pss,
    traps,
)


def _build(rules: list[Rule]) -> Mapping[str, Rule]:
    from types import MappingProxyType

    registry: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in registry:
            raise ValueError(f"duplicate rule id {rule.id!r}")
        registry[rule.id] = rule
    return MappingProxyType(registry)


REGISTRY: Mapping[str, Rule] = _build([rule for family in FAMILIES for rule in family.RULES])


def check_rules(
    result: ModernCompileResult,
    *,
    apply_fixes: bool,
    disable: Collection[str] = (),
    config: RulesConfig | None = None,
    fix_user_values: bool = False,
) -> list[Diagnostic]:
    """Run every enabled 0.20+ rule on compiled values (:func:`vcvalues.core.rule_engine.check_rules`)."""
    from vcvalues.core.rule_engine import check_rules as run

    return run(
        result,
        REGISTRY,
        ModernRuleContext,
        apply_fixes=apply_fixes,
        disable=disable,
        config=config,
        fix_user_values=fix_user_values,
    )
