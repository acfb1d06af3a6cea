"""The control plane's own containers against the quota and limit range (loft-sh/vcluster#1746).

A ResourceQuota that constrains ``limits.X`` (or ``requests.X`` / bare ``X``) of a compute resource makes
the API server refuse every pod with a container that sets no such limit (request) and gets none from a
LimitRange: ``failed quota: vc-...: must specify limits.cpu for: syncer``. The chart's own containers set
no CPU limit on the control plane (``controlPlane.statefulSet.resources``) and no ephemeral-storage on
the distro's init container, so a quota rendered without the limit range (``limitRange.enabled: false``)
keeps the control plane from starting. CoreDNS runs as a synced pod in the same namespace.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.k8s_resources import CONTAINER_RESOURCES
from vcvalues.modern.rules._base import (
    ModernRuleContext,
    Rule,
    at,
    go_truthy,
    limit_range_rendered,
    quota_rendered,
)

QUOTA = ("policies", "resourceQuota", "quota")
LR = ("policies", "limitRange")
DISTROS = ("k8s", "k3s", "k0s")


def containers(values: dict[str, Any]) -> list[tuple[str, KeyPath, dict[str, Any]]]:
    """(name, resources path, resources) of the control plane's containers and CoreDNS."""
    out: list[tuple[str, KeyPath, dict[str, Any]]] = []
    path: KeyPath = ("controlPlane", "statefulSet", "resources")
    out.append(("syncer", path, _map(at(values, path))))
    enabled = [d for d in DISTROS if go_truthy(at(values, ("controlPlane", "distro", d, "enabled")))]
    distro = enabled[0] if enabled else "k8s"
    path = ("controlPlane", "distro", distro, "resources")
    if at(values, ("controlPlane", "distro", distro)) is not None:
        out.append((f"the {distro} init container", path, _map(at(values, path))))
    coredns = ("controlPlane", "coredns")
    if go_truthy(at(values, (*coredns, "enabled"))) and not go_truthy(at(values, (*coredns, "embedded"))):
        path = (*coredns, "deployment", "resources")
        out.append(("coredns", path, _map(at(values, path))))
    return out


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _present(value: Any, name: str) -> bool:
    return isinstance(value, dict) and value.get(name) is not None


def check_quota_needs_limit_range(ctx: ModernRuleContext) -> None:
    """quota-needs-limitrange."""
    if not quota_rendered(ctx.values):
        return
    quota = _map(at(ctx.values, QUOTA))
    lr_on = limit_range_rendered(ctx.values)
    default = _map(at(ctx.values, (*LR, "default"))) if lr_on else {}
    default_request = _map(at(ctx.values, (*LR, "defaultRequest"))) if lr_on else {}
    found: dict[KeyPath, list[tuple[str, list[str]]]] = {}
    for resource in CONTAINER_RESOURCES:
        for kind in ("limits", "requests"):
            entries = [f"{kind}.{resource}"] + ([resource] if kind == "requests" else [])
            entry = next((e for e in entries if quota.get(e) is not None), None)
            if entry is None:
                continue
            missing = []
            for name, _, resources in containers(ctx.values):
                own = _present(resources.get("limits"), resource) or (
                    kind == "requests" and _present(resources.get("requests"), resource)
                )
                given = _present(default, resource) or (
                    kind == "requests" and _present(default_request, resource)
                )
                if not own and not given:
                    missing.append(name)
            if missing:
                found.setdefault(_place(ctx, entry), []).append((f"{kind}.{resource}", missing))
    for path, problems in found.items():
        _report(ctx, path, problems, lr_on)


def _place(ctx: ModernRuleContext, entry: str) -> KeyPath:
    """The quota entry if the user wrote it, else the switch they wrote, else the quota entry."""
    path: KeyPath = (*QUOTA, entry)
    for candidate in (path, (*LR, "enabled"), ("policies", "resourceQuota", "enabled")):
        if ctx.user_set(candidate):
            return candidate
    return path


def _report(
    ctx: ModernRuleContext, path: KeyPath, problems: list[tuple[str, list[str]]], lr_on: bool
) -> None:
    names = [entry for entry, _ in problems]
    why = "the limit range is off" if not lr_on else "the limit range has no default for it"
    detail = "; ".join(f"must specify {entry} for: {', '.join(missing)}" for entry, missing in problems)
    control_plane = any(not name.startswith("coredns") for _, missing in problems for name in missing)
    ctx.report(
        path,
        f"the quota constrains {', '.join(names)} and {why}: the API server refuses the pods ({detail})",
        hint="turn policies.limitRange on with defaults for these resources, or set them on the containers",
        severity=Severity.ERROR if control_plane else Severity.WARNING,
    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="quota-needs-limitrange",
        default_severity=Severity.ERROR,
        summary="the quota constrains a compute resource that a control-plane container does not set",
        why=(
            "a quota on limits.cpu (etc.) makes the API server refuse pods whose containers set no cpu "
            "limit; "
            "the control plane sets none, so without a LimitRange default it never starts "
            "(loft-sh/vcluster#1746); an error when it hits the control plane, a warning for CoreDNS"
        ),
        fail_example=("policies:\n  resourceQuota:\n    enabled: true\n  limitRange:\n    enabled: false\n"),
        fail_at=(5, 14),
        pass_example="policies:\n  resourceQuota:\n    enabled: true\n  limitRange:\n    enabled: true\n",
        check=check_quota_needs_limit_range,
        source=(
            "kubernetes plugin/pkg/admission/resourcequota (must specify ...); "
            "chart templates/statefulset.yaml"
        ),
    ),
)
