"""Checks on the user a pod runs as: runAsNonRoot and runAsUser (restricted).

Mirrors policy/check_runAsNonRoot.go and check_runAsUser.go of k8s.io/pod-security-admission v0.35.0.
Both are relaxed from v1.35 for pods in a user namespace (``hostUsers: false``).
"""

from __future__ import annotations

from vcvalues.core.diagnostics import KeyPath
from vcvalues.pss._base import Check, CheckResult, Pod, VersionedCheck, containers_phrase


def run_as_non_root_1_0(pod: Pod) -> CheckResult | None:
    """runAsNonRoot must be true on the pod or on every container, and false nowhere (restricted, v1.0+)."""
    setters: list[str] = []
    paths: list[KeyPath] = []
    pod_non_root = False
    value = pod.sc.get("runAsNonRoot") if pod.sc is not None else None
    if value is not None:
        if value is True:
            pod_non_root = True
        else:
            setters.append("pod")
            paths.append(("spec", "securityContext", "runAsNonRoot"))
    explicit: list[str] = []
    implicit: list[str] = []
    implicit_paths: list[KeyPath] = []
    for c in pod.containers:
        value = c.sc.get("runAsNonRoot") if c.sc is not None else None
        if value is not None:
            if value is not True:
                explicit.append(c.name)
                paths.append((*c.path, "securityContext", "runAsNonRoot"))
        elif not pod_non_root:
            implicit.append(c.name)
            implicit_paths.append((*c.path, "securityContext", "runAsNonRoot"))
    if explicit:
        setters.append(containers_phrase(explicit))
    if setters:
        return CheckResult(
            "runAsNonRoot",
            "runAsNonRoot != true",
            f"{' and '.join(setters)} must not set securityContext.runAsNonRoot=false",
            tuple(paths),
        )
    if implicit:
        return CheckResult(
            "runAsNonRoot",
            "runAsNonRoot != true",
            f"pod or {containers_phrase(implicit)} must set securityContext.runAsNonRoot=true",
            tuple(implicit_paths),
        )
    return None


def run_as_non_root_1_35(pod: Pod) -> CheckResult | None:
    """As v1.0, but any value is allowed in a user namespace (``hostUsers: false``) (v1.35+)."""
    return None if pod.host_users_false else run_as_non_root_1_0(pod)


def _is_root(value: object) -> bool:
    return value is not None and not isinstance(value, bool) and value == 0


def run_as_user_1_23(pod: Pod) -> CheckResult | None:
    """runAsUser must not be 0 on the pod or any container (restricted, v1.23+)."""
    setters: list[str] = []
    paths: list[KeyPath] = []
    if pod.sc is not None and _is_root(pod.sc.get("runAsUser")):
        setters.append("pod")
        paths.append(("spec", "securityContext", "runAsUser"))
    bad = [c for c in pod.containers if c.sc is not None and _is_root(c.sc.get("runAsUser"))]
    if bad:
        setters.append(containers_phrase([c.name for c in bad]))
        paths.extend((*c.path, "securityContext", "runAsUser") for c in bad)
    if not setters:
        return None
    return CheckResult(
        "runAsUser", "runAsUser=0", f"{' and '.join(setters)} must not set runAsUser=0", tuple(paths)
    )


def run_as_user_1_35(pod: Pod) -> CheckResult | None:
    """As v1.23, but any value is allowed in a user namespace (``hostUsers: false``) (v1.35+)."""
    return None if pod.host_users_false else run_as_user_1_23(pod)


CHECKS = (
    Check(
        "runAsNonRoot",
        "restricted",
        (VersionedCheck(0, run_as_non_root_1_0), VersionedCheck(35, run_as_non_root_1_35)),
    ),
    Check(
        "runAsUser",
        "restricted",
        (VersionedCheck(23, run_as_user_1_23), VersionedCheck(35, run_as_user_1_35)),
    ),
)
