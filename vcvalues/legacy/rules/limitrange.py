"""LimitRange validity (kubernetes pkg/apis/core/validation/validation.go ``ValidateLimitRange``, type
Container) and its fit with the quota.

The chart renders one item of type Container with ``default`` and ``defaultRequest`` taken verbatim from
the values; the API server stores it after ``SetDefaults_LimitRangeItem`` (a default limit without a
default request becomes the default request too).
"""

from __future__ import annotations

from vcvalues.core import k8s_resources as _k8s
from vcvalues.core.diagnostics import Severity
from vcvalues.legacy.rules._base import Rule, RuleContext
from vcvalues.legacy.rules._values import (
    LR_DEFAULT,
    LR_DEFAULT_REQUEST,
    QUOTA,
    SA_FLAG,
    as_map,
    get,
    isolation,
    quantities,
    quantity,
)

LR = "isolation:\n  enabled: true\n  limitRange:\n"


def check_request_above_default(ctx: RuleContext) -> None:
    """limitrange-request-above-default."""
    default = quantities(get(ctx.values, LR_DEFAULT))
    request = quantities(get(ctx.values, LR_DEFAULT_REQUEST))
    for name, wanted in request.items():
        limit = default.get(name)
        if limit is None:
            continue
        if wanted > limit:
            ctx.report(
                (*LR_DEFAULT_REQUEST, name),
                f"default request value {wanted.go_string()} is greater than default limit value "
                f"{limit.go_string()} ({name}): the API server rejects the LimitRange",
                hint=f"lower limitRange.defaultRequest[{name}] or raise limitRange.default[{name}]",
            )
        elif not _k8s.overcommit_allowed(name) and wanted != limit:
            ctx.report(
                (*LR_DEFAULT_REQUEST, name),
                f"default value {limit.go_string()} must equal the defaultRequest value {wanted.go_string()} "
                f"in {name}: {name} cannot be overcommitted",
                hint="give default and defaultRequest the same value",
            )


def check_names(ctx: RuleContext) -> None:
    """limitrange-resource-name."""
    for base in (LR_DEFAULT, LR_DEFAULT_REQUEST):
        for name, value in as_map(get(ctx.values, base)).items():
            problem = _k8s.container_name_problem(str(name))
            if problem is None or value is None:
                continue
            bare = str(name).removeprefix("requests.").removeprefix("limits.")
            import difflib  # only to suggest a name: off the cold path

            close = (
                [bare]
                if bare in _k8s.CONTAINER_RESOURCES
                else difflib.get_close_matches(str(name), _k8s.CONTAINER_RESOURCES, n=1)
            )
            ctx.report(
                (*base, name),
                f"{name!r} is not a container resource for a LimitRange: {problem}",
                hint=f"did you mean {close[0]!r}?" if close else "use cpu, memory or ephemeral-storage",
                key=True,
            )


def check_default_above_quota(ctx: RuleContext) -> None:
    """limitrange-default-above-quota."""
    iso = isolation(ctx.values, ctx.namespace)
    if not (iso.quota and iso.limit_range):
        return
    quota = as_map(get(ctx.values, QUOTA))
    request = quantities(get(ctx.values, LR_DEFAULT_REQUEST))
    for kind, base, values in (
        ("limits", LR_DEFAULT, quantities(get(ctx.values, LR_DEFAULT))),
        ("requests", LR_DEFAULT_REQUEST, request),
    ):
        for name, amount in values.items():
            names = [f"{kind}.{name}"] + ([name] if kind == "requests" and name in ("cpu", "memory") else [])
            for quota_name in names:
                hard = quantity(quota.get(quota_name))
                if hard is not None and amount > hard:
                    ctx.report(
                        (*base, name),
                        f"the default {kind[:-1]} {name} {amount.go_string()} is above the quota's "
                        f"{quota_name} "
                        f"{hard.go_string()}: a container that relies on the default can never be admitted",
                        hint=f"lower the default to at most {hard.go_string()}, or raise quota[{quota_name}]",
                    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="limitrange-request-above-default",
        default_severity=Severity.ERROR,
        summary="a LimitRange defaultRequest above its default limit",
        why=(
            "the API server rejects the LimitRange (default request value is greater than default limit "
            "value)"
        ),
        fail_example=f"{LR}    defaultRequest:\n      cpu: 2\n{SA_FLAG}",
        fail_at=(5, 12),
        pass_example=f"{LR}    defaultRequest:\n      cpu: 500m\n{SA_FLAG}",
        check=check_request_above_default,
        source="kubernetes pkg/apis/core/validation ValidateLimitRange",
    ),
    Rule(
        id="limitrange-resource-name",
        default_severity=Severity.ERROR,
        summary="a LimitRange default / defaultRequest key that is not a container resource",
        why="the API server rejects the LimitRange (must be a standard resource for containers)",
        fail_example=f"{LR}    default:\n      limits.cpu: 1\n{SA_FLAG}",
        fail_at=(5, 7),
        pass_example=f"{LR}    default:\n      cpu: 1\n{SA_FLAG}",
        check=check_names,
        source="kubernetes pkg/apis/core/validation validateContainerResourceName",
    ),
    Rule(
        id="limitrange-default-above-quota",
        default_severity=Severity.WARNING,
        summary="one container's LimitRange default is above the whole namespace quota",
        why=(
            "a container that relies on that default asks for more than the quota holds and is always refused"
        ),
        fail_example=(
            f"{LR}    default:\n      memory: 50Gi\n    defaultRequest:\n      memory: 128Mi\n{SA_FLAG}"
        ),
        fail_at=(5, 15),
        pass_example=f"{LR}    default:\n      memory: 1Gi\n{SA_FLAG}",
        check=check_default_above_quota,
    ),
)
