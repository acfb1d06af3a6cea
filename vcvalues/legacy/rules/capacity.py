"""Does the vcluster itself fit its own quota? Quota arithmetic over the control plane's pods and services.

The quota lives in the target namespace T; the control plane runs in the release namespace N and the
synced CoreDNS in the syncer's target namespace. Only what lands in T counts. Pods are taken after the API
server's defaulting and the LimitRanger (see
:mod:`vcvalues.legacy.rules._controlplane`); the quota admission then
(kubernetes pkg/quota/v1/evaluator/core/pods.go):

- refuses a pod whose containers leave out a cpu/memory request or limit that the quota names
  (``must specify limits.cpu for: syncer``), and
- refuses a pod (or service, claim) that takes the namespace's usage over ``hard``.

A quota with scopes only covers the pods its scopes match; when that cannot be decided here
(``PriorityClass``, ``CrossNamespacePodAffinity``) these rules stay silent.
"""

from __future__ import annotations

from vcvalues.core import k8s_resources as _k8s
from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.rules._base import Rule, RuleContext
from vcvalues.legacy.rules._controlplane import ControlPlaneUse, PodUse, control_plane_use
from vcvalues.legacy.rules._values import (
    QUOTA,
    SA_FLAG,
    Isolation,
    as_map,
    get,
    isolation,
    limit_range_defaults,
    quantity,
)

LR_ENABLED = ("isolation", "limitRange", "enabled")


def _scopes_match(ctx: RuleContext, pod: PodUse) -> bool | None:
    scopes = [
        str(s) for s in get(ctx.values, ("isolation", "resourceQuota", "scopes")) or [] if s is not None
    ]
    selector = get(ctx.values, ("isolation", "resourceQuota", "scopeSelector", "matchExpressions"))
    for item in selector if isinstance(selector, list) else []:
        scope = as_map(item).get("scopeName")
        if as_map(item).get("operator") == "Exists" and isinstance(scope, str):
            scopes.append(scope)
        elif scope is not None:
            return None
    best_effort = not any(c.requests or c.limits for c in pod.containers)
    known = {
        "Terminating": False,
        "NotTerminating": True,
        "BestEffort": best_effort,
        "NotBestEffort": not best_effort,
    }
    verdicts = [known.get(scope) for scope in scopes]
    if any(v is None for v in verdicts):
        return None
    return all(verdicts)


def _setup(ctx: RuleContext) -> tuple[Isolation, ControlPlaneUse, list[PodUse], dict[str, Quantity]] | None:
    iso = isolation(ctx.values, ctx.namespace)
    if not iso.quota:
        return None
    use = ctx.memo("control-plane-use", lambda: control_plane_use(ctx.values, ctx.chart, ctx.release, iso))
    pods = []
    for pod in use.pods:
        if pod.namespace != iso.target:
            continue
        match = _scopes_match(ctx, pod)
        if match is None:
            return None
        if match:
            pods.append(pod)
    hard = {str(k): q for k, v in as_map(get(ctx.values, QUOTA)).items() if (q := quantity(v)) is not None}
    return iso, use, pods, hard


def _usage_set(requests: dict[str, Quantity], limits: dict[str, Quantity]) -> set[str]:
    """podComputeUsageHelper: the quota names a container's resources count under."""
    names = set()
    for resource in ("cpu", "memory"):
        if resource in requests:
            names |= {resource, f"requests.{resource}"}
        if resource in limits:
            names.add(f"limits.{resource}")
    return names


def check_needs_limitrange(ctx: RuleContext) -> None:
    """quota-needs-limitrange."""
    found = _setup(ctx)
    if found is None:
        return
    iso, _, pods, hard = found
    required = sorted(set(hard) & _k8s.VALIDATION_SET)
    default, default_request = limit_range_defaults(ctx.values) if iso.limit_range else ({}, {})
    where = LR_ENABLED if not iso.limit_range and ctx.user_set(LR_ENABLED) else ("isolation", "limitRange")
    lr_state = "the LimitRange is off" if not iso.limit_range else "the LimitRange has no default for it"
    if iso.limit_range:
        where = ("isolation", "limitRange")
    unfilled = []
    for name in required:
        missing = [
            f"{c.name} (pod {pod.workload})"
            for pod in pods
            for c in pod.containers
            if name not in _usage_set(c.requests, c.limits)
        ]
        resource = name.split(".")[-1]
        kind = "limit" if name.startswith("limits.") else "request"
        if missing:
            ctx.report(
                where,
                f"must specify {name} for: {', '.join(missing)}: the quota limits {name} and {lr_state}, "
                "so the API server refuses the vcluster's own pods",
                hint=f"enable the LimitRange with a default {resource}, or set the {resource} {kind} "
                "in those containers' resources",
                severity=Severity.ERROR,
            )
        elif resource not in (default if kind == "limit" else default_request):
            unfilled.append(name)
    if unfilled:
        names = ", ".join(unfilled)
        ctx.report(
            where,
            f"the quota limits {names} and {lr_state.replace(' for it', '')}: every workload container that "
            "leaves one of them unset is refused",
            hint=f"give the LimitRange defaults for {names}, or drop them from the quota",
            severity=Severity.WARNING,
        )


def _compute(pods: list[PodUse], name: str) -> Quantity | None:
    kind, _, resource = name.rpartition(".")
    if kind == "" and resource in ("cpu", "memory", "ephemeral-storage"):
        kind = "requests"
    if kind not in ("requests", "limits") or resource not in _k8s.CONTAINER_RESOURCES:
        return None
    total = Quantity(0)
    for pod in pods:
        total = total + pod.total(kind, resource) * pod.replicas
    return total


def _usage(
    name: str, iso: Isolation, use: ControlPlaneUse, pods: list[PodUse]
) -> tuple[Quantity, str] | None:
    services = [s for s in use.services if s.namespace == iso.target]
    claims = [c for c in use.claims if c.namespace == iso.target]
    if name in ("pods", "count/pods"):
        return Quantity(sum(p.replicas for p in pods)), ", ".join(f"{p.workload} x{p.replicas}" for p in pods)
    if name in ("services", "count/services"):
        return Quantity(len(services)), ", ".join(s.name for s in services)
    if name in ("persistentvolumeclaims", "count/persistentvolumeclaims"):
        return Quantity(sum(c.count for c in claims)), ", ".join(f"{c.workload} x{c.count}" for c in claims)
    if name == "requests.storage":
        if any(c.size is None for c in claims):
            return None
        total = Quantity(0)
        for claim in claims:
            assert claim.size is not None
            total = total + claim.size * claim.count
        return total, ", ".join(f"{c.workload} x{c.count} of {c.size}" for c in claims)
    amount = _compute(pods, name)
    return None if amount is None else (amount, ", ".join(f"{p.workload} x{p.replicas}" for p in pods))


def check_exceeds_quota(ctx: RuleContext) -> None:
    """control-plane-exceeds-quota."""
    found = _setup(ctx)
    if found is None:
        return
    iso, use, pods, hard = found
    for name, allowed in hard.items():
        usage = _usage(name, iso, use, pods)
        if usage is None or usage[0] <= allowed:
            continue
        path: KeyPath = (*QUOTA, name)
        ctx.report(
            path,
            f"the vcluster itself needs {name} {usage[0].canonical()} ({usage[1]}) and the quota allows "
            f"{allowed.go_string()}: what does not fit is refused and the vcluster does not start",
            hint=f"raise isolation.resourceQuota.quota[{name}] to at least {usage[0].canonical()}",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="quota-needs-limitrange",
        default_severity=Severity.ERROR,
        summary="the quota limits cpu/memory that some container (the vcluster's own included) never sets",
        why=(
            "the quota admission refuses a pod whose containers omit a cpu/memory request or limit the quota "
            "names (must specify limits.cpu); only the LimitRange can fill it in. The syncer sets no cpu "
            "limit, "
            "so without the LimitRange the vcluster cannot start (error); for workloads it is a warning"
        ),
        fail_example=f"isolation:\n  enabled: true\n  limitRange:\n    enabled: false\n{SA_FLAG}",
        fail_at=(4, 14),
        pass_example=f"isolation:\n  enabled: true\n{SA_FLAG}",
        check=check_needs_limitrange,
        source="kubernetes pkg/quota/v1/evaluator/core/pods.go Constraints; plugin/pkg/admission/limitranger",
    ),
    Rule(
        id="control-plane-exceeds-quota",
        default_severity=Severity.ERROR,
        summary="the vcluster's own pods, services or volumes do not fit the quota",
        why=(
            "the quota is created before the control plane: a pod, service or claim that takes usage over "
            "hard is refused, and the vcluster never becomes ready"
        ),
        fail_example=(
            f"isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      count/pods: 1\n{SA_FLAG}"
        ),
        fail_at=(5, 19),
        pass_example=(
            f"isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      count/pods: 2\n{SA_FLAG}"
        ),
        check=check_exceeds_quota,
        source="charts/*/templates (catalog.control_plane); kubernetes pkg/quota/v1/evaluator/core",
    ),
)
