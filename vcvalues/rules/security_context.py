"""security_context rules."""

from __future__ import annotations

from vcvalues.rules._base import Rule

RULES: tuple[Rule, ...] = ()
