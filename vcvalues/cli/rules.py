"""`vcvalues rules`: list every rule with its default severity and summary."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vcvalues.cli import IO


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``rules``."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace, io: IO) -> int:
    """Print one line per rule: id, default severity, whether it can fix, summary."""
    import json

    from vcvalues.core.suppress import ALWAYS_ON
    from vcvalues.legacy.rules import REGISTRY as LEGACY
    from vcvalues.modern.rules import REGISTRY as MODERN

    # legacy rules first (their order), then the rules only 0.20+ values have
    REGISTRY = {**LEGACY, **{k: v for k, v in MODERN.items() if k not in LEGACY}}

    def dialects(rule_id: str) -> list[str]:
        return [name for name, registry in (("legacy", LEGACY), ("modern", MODERN)) if rule_id in registry]

    if args.format == "json":
        rows = [
            {
                "id": rule.id,
                "severity": rule.default_severity.label,
                "fixable": rule.fixable,
                "always_on": rule.id in ALWAYS_ON,
                "summary": rule.summary,
                "dialects": dialects(rule.id),
            }
            for rule in REGISTRY.values()
        ]
        io.out.write(json.dumps(rows, indent=2) + "\n")
        return 0
    width = max(len(rule_id) for rule_id in REGISTRY)
    for rule in REGISTRY.values():
        fix = "fix" if rule.fixable else "   "
        only = "" if rule.id in LEGACY else " (vcluster.yaml 0.20+ only)"
        io.out.write(f"{rule.id:<{width}}  {rule.default_severity.label:<7}  {fix}  {rule.summary}{only}\n")
    return 0
