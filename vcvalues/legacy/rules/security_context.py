"""Security contexts of the vcluster's own containers that cannot work together.

A container runs with its own securityContext field, else the pod's (kubernetes: container fields override
pod fields). With ``runAsNonRoot: true`` and an effective ``runAsUser: 0`` the kubelet refuses to start
the container (``container's runAsUser breaks non-root policy``, pkg/kubelet/kuberuntime
``verifyRunAsNonRoot``): the pod stays in CreateContainerConfigError. The k3s/k0s charts default the
container ``securityContext`` to ``runAsUser: 0`` from 0.16.0, so ``runAsNonRoot: true`` alone conflicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.legacy.rules._base import Example, Rule, RuleContext
from vcvalues.legacy.rules._values import as_map, get


def _field(ctx: RuleContext, paths: Sequence[KeyPath], name: str) -> tuple[Any, KeyPath | None]:
    """The first context in ``paths`` (container first, then pod) that sets ``name``."""
    for path in paths:
        context = as_map(get(ctx.values, path))
        if context.get(name) is not None:
            return context[name], (*path, name)
    return None, None


def check_non_root(ctx: RuleContext) -> None:
    """run-as-non-root-conflict."""
    from vcvalues.legacy.catalog.control_plane import control_plane

    reported: set[KeyPath] = set()
    for workload in control_plane(ctx.chart).workloads:
        if not workload.when.holds(ctx.values):
            continue
        pod = workload.pod_security.base if workload.pod_security is not None else None
        for container in workload.containers:
            if not container.when.holds(ctx.values):
                continue
            paths = [p for p in (container.security_context, pod) if p is not None]
            non_root, non_root_at = _field(ctx, paths, "runAsNonRoot")
            user, user_at = _field(ctx, paths, "runAsUser")
            if non_root is not True or user_at is None or isinstance(user, bool) or user != 0:
                continue
            assert non_root_at is not None
            where = non_root_at if ctx.user_set(non_root_at) or not ctx.user_set(user_at) else user_at
            if where in reported:
                continue
            reported.add(where)
            ctx.report(
                where,
                f"{'.'.join(map(str, non_root_at))}: true with {'.'.join(map(str, user_at))}: 0 — the "
                "kubelet "
                f"refuses to start container {container.name} (runAsUser breaks non-root policy)",
                hint=f"set {'.'.join(map(str, user_at))} to a non-zero user id, or drop runAsNonRoot",
            )


RULES: tuple[Rule, ...] = (
    Rule(
        id="run-as-non-root-conflict",
        default_severity=Severity.ERROR,
        summary=(
            "runAsNonRoot: true with runAsUser: 0 (the k3s/k0s default) in the vcluster's security context"
        ),
        why="the kubelet refuses to start the container, so the vcluster pod never runs",
        fail_example="securityContext:\n  runAsNonRoot: true\n",
        fail_at=(2, 17),
        pass_example="securityContext:\n  runAsNonRoot: true\n  runAsUser: 1000\n",
        check=check_non_root,
        example=Example(chart_version="0.19.10", distro="k3s"),
        source=(
            "charts/k3s/values.yaml securityContext; kubernetes pkg/kubelet/kuberuntime verifyRunAsNonRoot"
        ),
    ),
)
