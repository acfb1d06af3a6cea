"""The context a legacy rule's check runs in; what a rule is lives in :mod:`vcvalues.core.rules`.

A rule is declared data (id, severity, summary, why, options, examples) plus a ``check`` function that
reads the effective values through a :class:`RuleContext` and calls :meth:`RuleContext.report`. Rules never
compute positions or severities themselves: ``report`` takes a key path, and the engine turns findings into
diagnostics at the place the user wrote the value (or its nearest ancestor).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from vcvalues.core.rules import Check, Example, Finding, Fix, Option, Rule
from vcvalues.core.rules import RuleContext as BaseRuleContext

_T = TypeVar("_T")

if TYPE_CHECKING:
    from vcvalues.legacy.chart import ChartRef

__all__ = ["Check", "Example", "Finding", "Fix", "Option", "Rule", "RuleContext"]


class RuleContext(BaseRuleContext):
    """A legacy rule's context: ``chart`` is the legacy chart (distro and version).

    The base's fields and ``__init__`` as they are; only the type of ``chart`` is narrowed (for mypy).
    """

    chart: ChartRef
