"""Isolation that covers nothing: the chart's objects sit in one namespace, the workloads in others.

The chart renders the ResourceQuota, the LimitRange and the workloads NetworkPolicy in
``isolation.namespace`` (default: the release namespace). The syncer creates the virtual cluster's pods in
its target namespace: ``--target-namespace`` (default: its own, the release namespace; the chart never
sets it), or, in multi-namespace mode (``multiNamespaceMode.enabled`` -> ``--multi-namespace-mode=true``),
in one host namespace per virtual namespace. Either way the quota, limits and policy then apply to a
namespace without workloads.
"""

from __future__ import annotations

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.legacy.catalog.conditions import go_truthy
from vcvalues.legacy.rules._base import Rule, RuleContext
from vcvalues.legacy.rules._values import SA_FLAG, get, isolation
from vcvalues.legacy.rules.syncer_args import ARGS, parsed_args

MULTI: KeyPath = ("multiNamespaceMode", "enabled")
NAMESPACE: KeyPath = ("isolation", "namespace")
TARGET_FLAG = "--target-namespace"
MULTI_FLAG = "--multi-namespace-mode"
_FALSE = frozenset({"false", "0", "f", "F", "FALSE", "False"})  # strconv.ParseBool


def _multi_namespace(ctx: RuleContext) -> KeyPath | None:
    """Where multi-namespace mode is switched on (the chart value, or the flag in extraArgs), or None."""
    at: KeyPath | None = MULTI if go_truthy(get(ctx.values, MULTI)) else None
    for index, name, value in parsed_args(ctx):
        if name == MULTI_FLAG:  # the last copy wins
            at = None if value is not None and value in _FALSE else (*ARGS, index)
    return at


def check_multi_namespace(ctx: RuleContext) -> None:
    """isolation-multi-namespace."""
    iso = isolation(ctx.values, ctx.namespace)
    at = _multi_namespace(ctx) if iso.enabled else None
    if at is None:
        return
    ctx.report(
        at,
        "multi-namespace mode syncs each virtual namespace into a host namespace of its own, but the "
        f"quota, LimitRange and NetworkPolicies of isolated mode exist only in {iso.target}: workloads "
        "run outside them",
        hint="turn multiNamespaceMode off for isolated mode, or isolate the synced namespaces yourself",
    )


def check_target(ctx: RuleContext) -> None:
    """isolation-namespace-target."""
    iso = isolation(ctx.values, ctx.namespace)
    if not iso.enabled or not go_truthy(get(ctx.values, NAMESPACE)) or _multi_namespace(ctx) is not None:
        return
    target, at = ctx.namespace, None
    for index, name, value in parsed_args(ctx):
        if name == TARGET_FLAG and value:
            target, at = value, index
    if target == iso.target:
        return
    where = f"--target-namespace={target}" if at is not None else f"the release namespace {target}"
    ctx.report(
        NAMESPACE,
        f"isolation.namespace puts the quota, LimitRange and workloads NetworkPolicy in {iso.target}, but "
        f"the syncer creates the pods in {where}: isolation covers no workload",
        hint=f"add {TARGET_FLAG}={iso.target} to syncer.extraArgs, or leave isolation.namespace empty",
    )


_TARGET = f"syncer:\n  extraArgs:\n  - --service-account-token-secrets\n  - {TARGET_FLAG}=team-a\n"

RULES: tuple[Rule, ...] = (
    Rule(
        id="isolation-multi-namespace",
        default_severity=Severity.WARNING,
        summary="isolation on in multi-namespace mode: the isolation objects cover one namespace only",
        why=(
            "multi-namespace mode puts the workloads in one host namespace per virtual namespace; the quota, "
            "LimitRange and NetworkPolicies exist only in the isolation namespace"
        ),
        fail_example=f"isolation:\n  enabled: true\nmultiNamespaceMode:\n  enabled: true\n{SA_FLAG}",
        fail_at=(4, 12),
        pass_example=f"isolation:\n  enabled: true\nmultiNamespaceMode:\n  enabled: false\n{SA_FLAG}",
        check=check_multi_namespace,
        source="charts/*/templates/syncer.yaml (--multi-namespace-mode=true), resourcequota.yaml",
    ),
    Rule(
        id="isolation-namespace-target",
        default_severity=Severity.WARNING,
        summary="isolation.namespace is not where the syncer puts the workloads (--target-namespace)",
        why=(
            "the chart renders the isolation objects in isolation.namespace, the syncer creates pods in its "
            "--target-namespace (default the release namespace): isolation then covers no workload"
        ),
        fail_example=(
            "isolation:\n  enabled: true\n  namespace: vcluster-vcluster-workloads\n"
            "  networkPolicy:\n    enabled: false\n" + SA_FLAG
        ),
        fail_at=(3, 14),
        pass_example=(
            "isolation:\n  enabled: true\n  namespace: team-a\n  networkPolicy:\n    enabled: false\n"
            + _TARGET
        ),
        check=check_target,
        source="charts/*/templates/resourcequota.yaml (namespace), syncer --target-namespace",
    ),
)
