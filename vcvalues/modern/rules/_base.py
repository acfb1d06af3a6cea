"""The context a 0.20+ rule's check runs in, and how the chart reads the values rules look at."""

from __future__ import annotations

from typing import Any

from vcvalues.core.chart import ModernRef
from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.gofmt import format_value
from vcvalues.core.rules import Check, Example, Finding, Fix, Option, Rule
from vcvalues.core.rules import RuleContext as BaseRuleContext

__all__ = [
    "Check",
    "Example",
    "Finding",
    "Fix",
    "ModernRuleContext",
    "Option",
    "Rule",
    "at",
    "go_truthy",
    "limit_range_rendered",
    "quota_rendered",
    "to_string",
]


class ModernRuleContext(BaseRuleContext):
    """A 0.20+ rule's context: ``chart`` is the release (``ModernRef``). It only narrows a field's type."""

    chart: ModernRef


def at(values: Any, path: KeyPath) -> Any:
    """The value at ``path`` (None when a step is missing or not a map)."""
    node = values
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def to_string(value: Any) -> str:
    """sprig ``toString`` (strval): strings as-is, booleans true/false, nil ``<nil>``, numbers ``%v``."""
    if value is None:
        return "<nil>"
    if isinstance(value, str):
        return value
    return format_value(value)


def go_truthy(value: Any) -> bool:
    """Go template truth: false, 0, nil, "" and empty maps/lists are false."""
    return bool(value)


def quota_rendered(values: dict[str, Any]) -> bool:
    """The chart renders the ResourceQuota (the "auto duo" gate of every 0.20+ release)."""
    quota = to_string(at(values, ("policies", "resourceQuota", "enabled")))
    limits = to_string(at(values, ("policies", "limitRange", "enabled")))
    return (quota == "true" or limits == "true") and quota != "false"


def limit_range_rendered(values: dict[str, Any]) -> bool:
    """The chart renders the LimitRange (the symmetric gate)."""
    quota = to_string(at(values, ("policies", "resourceQuota", "enabled")))
    limits = to_string(at(values, ("policies", "limitRange", "enabled")))
    return (limits == "true" or quota == "true") and limits != "false"
