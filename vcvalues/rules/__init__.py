"""The rule registry (being built; see issue 4). Until then no cross-field rule runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vcvalues.diagnostics import Diagnostic

if TYPE_CHECKING:
    from vcvalues.compile import CompileResult

REGISTRY: dict[str, Any] = {}


def check_rules(result: CompileResult, *, apply_fixes: bool, disable: frozenset[str]) -> list[Diagnostic]:
    """Run every enabled rule on compiled values."""
    return []
