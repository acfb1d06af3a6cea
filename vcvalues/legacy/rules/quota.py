"""ResourceQuota validity: the checks the API server runs on ``spec.hard``, ``spec.scopes`` and
``spec.scopeSelector`` (kubernetes pkg/apis/core/validation/validation.go ``ValidateResourceQuotaSpec``;
tables in :mod:`vcvalues.core.k8s_resources`). The chart copies the values verbatim, so each of these makes
``helm install`` fail.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core import k8s_resources as _k8s
from vcvalues.core.diagnostics import KeyPath, Severity, spell_value
from vcvalues.core.gofmt import strval
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.rules._base import Rule, RuleContext
from vcvalues.legacy.rules._values import QUOTA, SA_FLAG, as_map, get, quantity

SCOPES_PATH = ("isolation", "resourceQuota", "scopes")
SELECTOR_PATH = ("isolation", "resourceQuota", "scopeSelector", "matchExpressions")
ISO = "isolation:\n  enabled: true\n  resourceQuota:\n"


def check_names(ctx: RuleContext) -> None:
    """quota-resource-name."""
    for name, value in as_map(get(ctx.values, QUOTA)).items():
        problem = _k8s.quota_name_problem(str(name))
        if problem is None or value is None or isinstance(value, dict):  # a map: see claim_schema_issue
            continue
        guess = _k8s.quota_name_suggestion(str(name))
        ctx.report(
            (*QUOTA, name),
            f"{name!r} is not a valid quota resource name: {problem}",
            hint=f"did you mean {guess!r}?" if guess else "see `kubectl explain resourcequota.spec.hard`",
            key=True,
        )


def claim_schema_issue(path: KeyPath, value: Any, message: str) -> tuple[str, str, str | None] | None:
    """A map under ``quota`` (``quota: {hard: {...}}``) is a resource-name problem, not a type one."""
    if len(path) == len(QUOTA) + 1 and path[: len(QUOTA)] == QUOTA and isinstance(value, dict):
        return (
            "quota-resource-name",
            f"{path[-1]!r} under isolation.resourceQuota.quota is a map: quota entries are resource: "
            "quantity",
            "put the entries directly under quota (the chart writes spec.hard itself)",
        )
    return None


def check_integers(ctx: RuleContext) -> None:
    """quota-integer-resource (ValidateResourceQuantityValue)."""
    for name, value in as_map(get(ctx.values, QUOTA)).items():
        amount = quantity(value)
        if amount is None:
            continue
        if amount < Quantity(0):
            ctx.report(
                (*QUOTA, name), f"quota {name}: {strval(value)} is negative", "quota values must be >= 0"
            )
        elif _k8s.is_integer_resource(str(name)) and not amount.is_integer() and amount.milli_value() % 1000:
            ctx.report(
                (*QUOTA, name),
                f"quota {name}: {strval(value)} is not a whole number; {name} counts objects",
                hint=f"write a whole number, e.g. {max(int(amount.value), 0)}",
            )


def _scope_problems(scope: str, hard: list[str]) -> list[str]:
    if scope not in _k8s.SCOPES:
        import difflib  # only to suggest a name: off the cold path

        close = difflib.get_close_matches(scope, _k8s.SCOPES, n=1)
        return [f"unsupported scope {scope!r}" + (f" (did you mean {close[0]!r}?)" if close else "")]
    bad = [k for k in hard if _k8s.is_standard_quota_resource(k) and not _k8s.scope_valid_for(scope, k)]
    if bad:
        return [f"scope {scope} cannot apply to {', '.join(bad)} (it only limits pods and their cpu/memory)"]
    return []


def check_scopes(ctx: RuleContext) -> None:
    """quota-scope (validateResourceQuotaScopes, validateScopedResourceSelectorRequirement)."""
    hard = sorted(str(k) for k, v in as_map(get(ctx.values, QUOTA)).items() if v is not None)
    scopes = get(ctx.values, SCOPES_PATH)
    seen: dict[str, KeyPath] = {}
    for index, scope in enumerate(scopes if isinstance(scopes, list) else []):
        path: KeyPath = (*SCOPES_PATH, index)
        for problem in _scope_problems(str(scope), hard):
            ctx.report(
                path, problem, hint="scopes: Terminating, NotTerminating, BestEffort, NotBestEffort, ..."
            )
        seen[str(scope)] = path
    _conflicts(ctx, seen)
    requirements = get(ctx.values, SELECTOR_PATH)
    seen = {}
    for index, item in enumerate(requirements if isinstance(requirements, list) else []):
        req = as_map(item)
        path = (*SELECTOR_PATH, index)
        scope, operator, values = str(req.get("scopeName")), req.get("operator"), req.get("values")
        for problem in _scope_problems(scope, hard):
            ctx.report((*path, "scopeName"), problem)
        seen[scope] = (*path, "scopeName")
        if scope in _k8s.EXISTS_ONLY_SCOPES and operator != "Exists":
            ctx.report(
                (*path, "operator"), f"scope {scope} takes operator Exists, found {spell_value(operator)}"
            )
        elif operator in ("In", "NotIn") and not values:
            ctx.report((*path, "operator"), f"operator {operator} needs at least one value")
        elif operator in ("Exists", "DoesNotExist") and values:
            ctx.report((*path, "values"), f"operator {operator} takes no values")
        elif operator not in _k8s.OPERATORS:
            ctx.report(
                (*path, "operator"),
                f"{spell_value(operator)} is not a selector operator (In, NotIn, Exists, DoesNotExist)",
            )
    _conflicts(ctx, seen)


def _conflicts(ctx: RuleContext, seen: dict[str, KeyPath]) -> None:
    for first, second in _k8s.CONFLICTING_SCOPES:
        if first in seen and second in seen:
            ctx.report(seen[second], f"conflicting scopes {first} and {second}: no pod matches both")


def check_request_above_limit(ctx: RuleContext) -> None:
    """quota-request-above-limit."""
    quota = as_map(get(ctx.values, QUOTA))
    for resource in _k8s.CONTAINER_RESOURCES:
        limit = quantity(quota.get(f"limits.{resource}"))
        for name in (f"requests.{resource}", resource):
            request = quantity(quota.get(name))
            if limit is not None and request is not None and request > limit:
                ctx.report(
                    (*QUOTA, name),
                    f"quota {name} {request.go_string()} is above limits.{resource} {limit.go_string()}: "
                    "requests can never reach it, since every request is at most its limit",
                    hint=f"lower {name} to at most {limit.go_string()}, or raise limits.{resource}",
                )


RULES: tuple[Rule, ...] = (
    Rule(
        id="quota-resource-name",
        default_severity=Severity.ERROR,
        summary="a quota entry that is not a valid ResourceQuota resource name",
        why=(
            "the API server rejects the ResourceQuota (must be a standard resource for quota), so helm "
            "install fails"
        ),
        fail_example=f"{ISO}    quota:\n      limits.pods: 10\n{SA_FLAG}",
        fail_at=(5, 7),
        pass_example=f"{ISO}    quota:\n      pods: 10\n{SA_FLAG}",
        check=check_names,
        source="kubernetes pkg/apis/core/validation ValidateResourceQuotaResourceName",
    ),
    Rule(
        id="quota-integer-resource",
        default_severity=Severity.ERROR,
        summary=(
            "an object count in the quota (pods, services*, count/*, ...) that is not a whole number >= 0"
        ),
        why="the API server rejects the ResourceQuota (must be an integer), so helm install fails",
        fail_example=f"{ISO}    quota:\n      count/pods: 2.5\n{SA_FLAG}",
        fail_at=(5, 19),
        pass_example=f"{ISO}    quota:\n      count/pods: 3\n{SA_FLAG}",
        check=check_integers,
        source=(
            "kubernetes pkg/apis/core/validation ValidateResourceQuantityValue, helper.IsIntegerResourceName"
        ),
    ),
    Rule(
        id="quota-scope",
        default_severity=Severity.ERROR,
        summary="an invalid quota scope, operator, or a scope that cannot apply to the quota's resources",
        why=(
            "the API server rejects the ResourceQuota; e.g. any scope with the chart's default quota, which "
            "also limits requests.storage and services (scopes only limit pods and their cpu/memory)"
        ),
        fail_example=f"{ISO}    scopes:\n    - NotTerminating\n{SA_FLAG}",
        fail_at=(5, 7),
        pass_example=(
            f"{ISO}    quota:\n      requests.storage: null\n      requests.ephemeral-storage: null\n"
            "      limits.ephemeral-storage: null\n      services.nodeports: null\n      "
            "services.loadbalancers: null\n"
            "      count/endpoints: null\n      count/pods: null\n      count/services: null\n"
            "      count/secrets: null\n      count/configmaps: null\n      count/persistentvolumeclaims: "
            "null\n"
            f"    scopes:\n    - NotTerminating\n{SA_FLAG}"
        ),
        check=check_scopes,
        source="kubernetes pkg/apis/core/validation validateResourceQuotaScopes, validateScopeSelector",
    ),
    Rule(
        id="quota-request-above-limit",
        default_severity=Severity.WARNING,
        summary="a quota requests.X above its limits.X (the requests can never be used)",
        why=(
            "every container request is at most its limit, so the larger request quota is unreachable: a typo"
        ),
        fail_example=f"{ISO}    quota:\n      requests.cpu: 30\n{SA_FLAG}",
        fail_at=(5, 21),
        pass_example=f"{ISO}    quota:\n      requests.cpu: 15\n{SA_FLAG}",
        check=check_request_above_limit,
    ),
)
