"""Helm traps in 0.20+ values: numbers Helm prints in exponent form.

Helm holds every number of a values file as a float64 and the chart prints quota and limit range entries
with ``quote`` (``%v``), which switches to exponent form from 1e6 on: ``count/pods: 1000000`` renders
``"1e+06"``; integers above 2^53 lose digits. ``--set`` integers are int64 and print plainly (DESIGN §4).
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.gofmt import GoInt64, format_value
from vcvalues.modern.rules._base import ModernRuleContext, Rule

EXPONENT_FROM = 1_000_000
EXACT_UP_TO = 2**53


def _leaves(value: Any) -> list[tuple[KeyPath, Any]]:
    out: list[tuple[KeyPath, Any]] = []
    stack: list[tuple[KeyPath, Any]] = [((), value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(((*path, key), item) for key, item in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, index), item) for index, item in enumerate(node))
        else:
            out.append((path, node))
    return sorted(out, key=lambda item: [str(part) for part in item[0]])


def check_float_rendering(ctx: ModernRuleContext) -> None:
    """float-rendering."""
    for path, value in _leaves(ctx.user_values):
        if isinstance(value, (bool, GoInt64)) or not isinstance(value, (int, float)):
            continue
        if abs(value) < EXPONENT_FROM or not ctx.user_set(path):
            continue
        printed = format_value(value)
        lost = isinstance(value, int) and abs(value) > EXACT_UP_TO and int(float(value)) != value
        ctx.report(
            path,
            f"{'.'.join(map(str, path))}: Helm holds {value} as a float64 and renders it as {printed}"
            + ("; digits are lost" if lost else ""),
            hint="quote it if the chart reads a string (a quantity such as '1000000'), or pass it with --set",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="float-rendering",
        default_severity=Severity.WARNING,
        summary="a number >= 1e6 that Helm renders in exponent form (1000000 -> 1e+06)",
        why="the quota or limit range gets '1e+06', and large integers lose digits",
        fail_example="policies:\n  resourceQuota:\n    quota:\n      count/configmaps: 1000000\n",
        fail_at=(4, 25),
        pass_example='policies:\n  resourceQuota:\n    quota:\n      count/configmaps: "1000000"\n',
        check=check_float_rendering,
        source="Go fmt %v of float64 (strconv 'g' with shortest precision); helm strvals int64",
    ),
)
