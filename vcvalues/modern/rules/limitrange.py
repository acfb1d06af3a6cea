"""LimitRange validity (kubernetes pkg/apis/core/validation ``ValidateLimitRange``, type Container):
per resource ``min <= defaultRequest <= default <= max`` (``min``/``max`` from 0.21.0), and resources
that cannot be overcommitted need ``default == defaultRequest``. The API server rejects the LimitRange,
and the install fails."""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.k8s_resources import overcommit_allowed
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.modern.rules._base import ModernRuleContext, Rule, at, limit_range_rendered

LR = ("policies", "limitRange")
LR_ON = "policies:\n  limitRange:\n    enabled: true\n"
# (lower key, upper key, API server wording of the lower and upper)
ORDER: tuple[tuple[str, str, str, str], ...] = (
    ("min", "defaultRequest", "min", "default request"),
    ("min", "default", "min", "default"),
    ("defaultRequest", "max", "default request", "max"),
    ("default", "max", "default", "max"),
    ("min", "max", "min", "max"),
)


def quantities(value: Any) -> dict[str, Quantity]:
    """The entries of a map that are valid quantities (invalid-quantity reports the others)."""
    out: dict[str, Quantity] = {}
    for key, item in (value if isinstance(value, dict) else {}).items():
        if item is None:
            continue
        try:
            out[str(key)] = Quantity.parse(item)
        except QuantityError:
            continue
    return out


def _maps(ctx: ModernRuleContext) -> dict[str, dict[str, Quantity]] | None:
    if not limit_range_rendered(ctx.values):
        return None
    return {
        key: quantities(at(ctx.values, (*LR, key))) for key in ("min", "defaultRequest", "default", "max")
    }


def _where(ctx: ModernRuleContext, first: KeyPath, second: KeyPath) -> KeyPath:
    return second if ctx.user_set(second) or not ctx.user_set(first) else first


def check_request_above_default(ctx: ModernRuleContext) -> None:
    """limitrange-request-above-default."""
    maps = _maps(ctx)
    if maps is None:
        return
    for name, wanted in maps["defaultRequest"].items():
        limit = maps["default"].get(name)
        if limit is None:
            continue
        path = _where(ctx, (*LR, "default", name), (*LR, "defaultRequest", name))
        if wanted > limit:
            ctx.report(
                path,
                f"default request value {wanted.go_string()} is greater than default limit value "
                f"{limit.go_string()} ({name}): the API server rejects the LimitRange",
                hint=f"lower limitRange.defaultRequest[{name}] or raise limitRange.default[{name}]",
            )
        elif not overcommit_allowed(name) and wanted != limit:
            ctx.report(
                path,
                f"default value {limit.go_string()} must equal the defaultRequest value {wanted.go_string()} "
                f"in {name}: {name} cannot be overcommitted",
                hint="give default and defaultRequest the same value",
            )


def check_bounds(ctx: ModernRuleContext) -> None:
    """limitrange-bounds."""
    maps = _maps(ctx)
    if maps is None:
        return
    reported: set[tuple[str, str]] = set()  # one report per offending entry
    for low_key, high_key, low_word, high_word in ORDER:
        for name, low in maps[low_key].items():
            high = maps[high_key].get(name)
            if high is None or low <= high or (low_key, name) in reported:
                continue
            reported.add((low_key, name))
            path = _where(ctx, (*LR, high_key, name), (*LR, low_key, name))
            ctx.report(
                path,
                f"{low_word} value {low.go_string()} is greater than {high_word} value {high.go_string()} "
                f"({name}): the API server rejects the LimitRange",
                hint=f"keep min <= defaultRequest <= default <= max for {name}",
            )


RULES: tuple[Rule, ...] = (
    Rule(
        id="limitrange-request-above-default",
        default_severity=Severity.ERROR,
        summary="limitRange.defaultRequest above limitRange.default for a resource",
        why="the API server rejects the LimitRange (default request value must be <= default limit value)",
        fail_example=f'{LR_ON}    default:\n      cpu: 500m\n    defaultRequest:\n      cpu: "1"\n',
        fail_at=(7, 12),
        pass_example=f'{LR_ON}    default:\n      cpu: "1"\n    defaultRequest:\n      cpu: 500m\n',
        check=check_request_above_default,
        source="kubernetes pkg/apis/core/validation/validation.go ValidateLimitRange",
    ),
    Rule(
        id="limitrange-bounds",
        default_severity=Severity.ERROR,
        summary="limitRange min/max out of order with default/defaultRequest (0.21.0+)",
        why=(
            "the API server rejects a LimitRange unless min <= defaultRequest <= default <= max for each "
            "resource, and helm install fails"
        ),
        fail_example=f"{LR_ON}    max:\n      memory: 256Mi\n",
        fail_at=(5, 15),
        pass_example=f"{LR_ON}    max:\n      memory: 1Gi\n",
        check=check_bounds,
        source="kubernetes pkg/apis/core/validation/validation.go ValidateLimitRange",
    ),
)
