"""Helm and YAML traps: values that Helm reads or prints differently from what the file seems to say.

- ``string-boolean``: the chart tests flags with ``{{ if .Values.x }}``; Go template truth makes every
  non-empty string true, so ``enabled: "false"`` switches the feature *on*.
- ``float-rendering``: Helm holds numbers from values files as float64 and prints them with ``%v``,
  which switches to exponent form from 1e6 on (``1000000`` -> ``1e+06``); an integer field rendered from it
  (``runAsUser: 1e+06``) no longer decodes, and integers above 2^53 lose digits. ``--set`` integers are
  int64 and print plainly (DESIGN §4).
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity, format_key_path
from vcvalues.core.gofmt import GoInt64, format_value
from vcvalues.legacy.rules._base import Rule, RuleContext

BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n"})
EXPONENT_FROM = 1_000_000
EXACT_UP_TO = 2**53


def _leaves(value: Any) -> list[tuple[KeyPath, Any]]:
    """Every scalar of ``value`` with its path (iterative: no generator chain per level)."""
    out: list[tuple[KeyPath, Any]] = []
    stack: list[tuple[KeyPath, Any]] = [((), value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(((*path, key), item) for key, item in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*path, index), item) for index, item in reversed(list(enumerate(node))))
        else:
            out.append((path, node))
    return out


def _user_leaves(ctx: RuleContext) -> list[tuple[KeyPath, Any]]:
    return ctx.memo("user-leaves", lambda: _leaves(ctx.user_values))


def _default_at(defaults: Any, path: KeyPath) -> Any:
    node = defaults
    for part in path:
        if not isinstance(node, dict) or isinstance(part, int):
            return None
        node = node.get(part)
    return node


def check_string_boolean(ctx: RuleContext) -> None:
    """string-boolean."""
    from vcvalues.legacy.catalog._boolean_reads import NOT_TRUTH_TESTED
    from vcvalues.legacy.catalog.defaults import built_defaults

    defaults = built_defaults(ctx.chart)
    for path, value in _user_leaves(ctx):
        if not isinstance(value, str) or value.lower() not in BOOLEAN_WORDS:
            continue
        if not isinstance(_default_at(defaults, path), bool):
            continue
        if ".".join(map(str, path)) in NOT_TRUTH_TESTED:
            continue
        ctx.report(
            path,
            f"{format_key_path(path)} is the string {value!r}: the chart's `if` treats every non-empty "
            "string as true",
            hint=f"write {'true' if value.lower() in ('true', 'yes', 'on', 'y') else 'false'} without quotes",
        )


def check_float_rendering(ctx: RuleContext) -> None:
    """float-rendering."""
    for path, value in _user_leaves(ctx):
        if isinstance(value, (bool, GoInt64)) or not isinstance(value, (int, float)):
            continue
        if abs(value) < EXPONENT_FROM or not ctx.user_set(path):
            continue
        printed = format_value(value)
        lost = isinstance(value, int) and abs(value) > EXACT_UP_TO and int(float(value)) != value
        ctx.report(
            path,
            f"{format_key_path(path)}: Helm holds {value} as a float64 and renders it as {printed}"
            + ("; digits are lost" if lost else ""),
            hint="quote it if the chart reads a string (a quantity such as '1000000'), or pass it with --set",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="string-boolean",
        default_severity=Severity.WARNING,
        summary="a quoted 'true'/'false' where the chart expects a boolean",
        why="the chart tests it with `if`, and Go templates treat every non-empty string as true",
        fail_example='coredns:\n  enabled: "false"\n',
        fail_at=(2, 12),
        pass_example="coredns:\n  enabled: false\n",
        check=check_string_boolean,
        source="text/template truth (pkg text/template exec.go isTrue)",
    ),
    Rule(
        id="float-rendering",
        default_severity=Severity.WARNING,
        summary="a number >= 1e6 that Helm renders in exponent form (1000000 -> 1e+06)",
        why=(
            "integer fields rendered from it (runAsUser: 1e+06) fail to decode, and large integers lose "
            "digits"
        ),
        fail_example="securityContext:\n  runAsUser: 1000000\n",
        fail_at=(2, 14),
        pass_example="securityContext:\n  runAsUser: 65534\n",
        check=check_float_rendering,
        source="Go fmt %v of float64 (strconv 'g' with shortest precision); helm strvals int64",
    ),
)
