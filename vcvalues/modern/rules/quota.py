"""ResourceQuota validity (kubernetes pkg/apis/core/validation ``ValidateResourceQuota``) on
``policies.resourceQuota.quota``: the chart writes each entry into ``spec.hard`` as is, so a name the API
server does not accept, or a fraction of a counted resource, makes it reject the quota and the install
fails. Checked only when the chart renders the quota (the "auto duo" gate)."""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import Severity
from vcvalues.core.gofmt import strval
from vcvalues.core.k8s_resources import is_integer_resource, quota_name_problem, quota_name_suggestion
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.modern.rules._base import ModernRuleContext, Rule, at, quota_rendered

QUOTA = ("policies", "resourceQuota", "quota")
RQ_ON = "policies:\n  resourceQuota:\n    enabled: true\n    quota:\n"


def _entries(ctx: ModernRuleContext) -> list[tuple[str, Any]]:
    if not quota_rendered(ctx.values):
        return []
    quota = at(ctx.values, QUOTA)
    return [(str(k), v) for k, v in quota.items()] if isinstance(quota, dict) else []


def check_names(ctx: ModernRuleContext) -> None:
    """quota-resource-name."""
    for name, value in _entries(ctx):
        problem = quota_name_problem(name)
        if problem is None or value is None:
            continue
        guess = quota_name_suggestion(name)
        ctx.report(
            (*QUOTA, name),
            f"{name!r} is not a valid quota resource name: {problem}",
            hint=f"did you mean {guess!r}?" if guess else "see `kubectl explain resourcequota.spec.hard`",
            key=True,
        )


def check_integers(ctx: ModernRuleContext) -> None:
    """quota-integer-resource (ValidateResourceQuantityValue)."""
    for name, value in _entries(ctx):
        if value is None or isinstance(value, (dict, list, bool)):
            continue
        try:
            amount = Quantity.parse(value)
        except QuantityError:
            continue  # invalid-quantity reports it
        if amount < Quantity(0):
            ctx.report(
                (*QUOTA, name), f"quota {name}: {strval(value)} is negative", "quota values must be >= 0"
            )
        elif is_integer_resource(name) and amount.milli_value() % 1000:
            ctx.report(
                (*QUOTA, name),
                f"quota {name}: {strval(value)} is not a whole number; {name} counts objects",
                hint=f"write a whole number, e.g. {max(int(amount.value), 0)}",
            )


RULES: tuple[Rule, ...] = (
    Rule(
        id="quota-resource-name",
        default_severity=Severity.ERROR,
        summary="not a valid quota resource name (limits.pods, a nested hard: map, typos) - did-you-mean",
        why="the API server rejects the ResourceQuota (must be a standard resource for quota)",
        fail_example=f"{RQ_ON}      limits.pods: 10\n",
        fail_at=(5, 7),
        pass_example=f"{RQ_ON}      count/pods: 10\n",
        check=check_names,
        source="kubernetes pkg/apis/core/validation/validation.go ValidateResourceQuotaResourceName",
    ),
    Rule(
        id="quota-integer-resource",
        default_severity=Severity.ERROR,
        summary="a counted quota resource (pods, services, count/*) that is not a whole, non-negative number",
        why="the API server rejects the ResourceQuota (must be an integer / must be >= 0)",
        fail_example=f"{RQ_ON}      count/pods: 2.5\n",
        fail_at=(5, 19),
        pass_example=f"{RQ_ON}      count/pods: 3\n",
        check=check_integers,
        source="kubernetes pkg/apis/core/validation/validation.go ValidateResourceQuantityValue",
    ),
)
