"""Checks on privilege: privileged, allowPrivilegeEscalation, capabilities, procMount.

Mirrors policy/check_privileged.go, check_allowPrivilegeEscalation.go, check_capabilities_baseline.go,
check_capabilities_restricted.go, check_procMount_baseline.go and check_procMount_restricted.go of
k8s.io/pod-security-admission v0.35.0.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath
from vcvalues.pss._base import (
    Check,
    CheckResult,
    Pod,
    VersionedCheck,
    as_str,
    containers_phrase,
    join_quote,
    sub,
)

BASELINE_CAPABILITIES = frozenset(
    (
        "AUDIT_WRITE",
        "CHOWN",
        "DAC_OVERRIDE",
        "FOWNER",
        "FSETID",
        "KILL",
        "MKNOD",
        "NET_BIND_SERVICE",
        "SETFCAP",
        "SETGID",
        "SETPCAP",
        "SETUID",
        "SYS_CHROOT",
    )
)


def privileged(pod: Pod) -> CheckResult | None:
    """No container may set securityContext.privileged=true (baseline, v1.0+)."""
    bad = [c for c in pod.containers if c.sc is not None and c.sc.get("privileged") is True]
    if not bad:
        return None
    return CheckResult(
        "privileged",
        "privileged",
        f"{containers_phrase([c.name for c in bad])} must not set securityContext.privileged=true",
        tuple((*c.path, "securityContext", "privileged") for c in bad),
    )


def allow_privilege_escalation_1_8(pod: Pod) -> CheckResult | None:
    """Every container must set allowPrivilegeEscalation=false (restricted, v1.8+)."""
    bad = [c for c in pod.containers if c.sc is None or c.sc.get("allowPrivilegeEscalation") is not False]
    if not bad:
        return None
    return CheckResult(
        "allowPrivilegeEscalation",
        "allowPrivilegeEscalation != false",
        f"{containers_phrase([c.name for c in bad])} must set securityContext.allowPrivilegeEscalation=false",
        tuple((*c.path, "securityContext", "allowPrivilegeEscalation") for c in bad),
    )


def allow_privilege_escalation_1_25(pod: Pod) -> CheckResult | None:
    """As v1.8, but Windows pods (spec.os.name=windows) are exempt (v1.25+)."""
    return None if pod.windows else allow_privilege_escalation_1_8(pod)


def _str_list(value: Any) -> list[str]:
    return [as_str(item) for item in value] if isinstance(value, list) else []


def capabilities_baseline(pod: Pod) -> CheckResult | None:
    """Containers may add only the default capabilities (baseline, v1.0+)."""
    bad: list[str] = []
    added: set[str] = set()
    paths: list[KeyPath] = []
    for c in pod.containers:
        caps = sub(c.sc, "capabilities")
        if caps is None:
            continue
        valid = True
        for k, cap in enumerate(_str_list(caps.get("add"))):
            if cap not in BASELINE_CAPABILITIES:
                valid = False
                added.add(cap)
                paths.append((*c.path, "securityContext", "capabilities", "add", k))
        if not valid:
            bad.append(c.name)
    if not bad:
        return None
    names = join_quote(sorted(added))
    detail = f"{containers_phrase(bad)} must not include {names} in securityContext.capabilities.add"
    return CheckResult("capabilities_baseline", "non-default capabilities", detail, tuple(paths))


def capabilities_restricted_1_22(pod: Pod) -> CheckResult | None:
    """Containers must drop ALL and may add only NET_BIND_SERVICE (restricted, v1.22+)."""
    missing_drop: list[str] = []
    adding: list[str] = []
    forbidden: set[str] = set()
    drop_paths: list[KeyPath] = []
    add_paths: list[KeyPath] = []
    for c in pod.containers:
        caps = sub(c.sc, "capabilities")
        drop = caps.get("drop") if caps is not None else None
        # "ALL" equals only the string "ALL", so the raw list can be searched as it is.
        if not isinstance(drop, list) or "ALL" not in drop:
            missing_drop.append(c.name)
            drop_paths.append((*c.path, "securityContext", "capabilities", "drop"))
        add = caps.get("add") if caps is not None else None
        if not add or not isinstance(add, list):
            continue
        added_forbidden = False
        for k, cap in enumerate(_str_list(add)):
            if cap != "NET_BIND_SERVICE":
                added_forbidden = True
                forbidden.add(cap)
                add_paths.append((*c.path, "securityContext", "capabilities", "add", k))
        if added_forbidden:
            adding.append(c.name)
    details: list[str] = []
    if missing_drop:
        details.append(
            f'{containers_phrase(missing_drop)} must set securityContext.capabilities.drop=["ALL"]'
        )
    if adding:
        details.append(
            f"{containers_phrase(adding)} must not include {join_quote(sorted(forbidden))} "
            "in securityContext.capabilities.add"
        )
    if not details:
        return None
    return CheckResult(
        "capabilities_restricted", "unrestricted capabilities", "; ".join(details), (*drop_paths, *add_paths)
    )


def capabilities_restricted_1_25(pod: Pod) -> CheckResult | None:
    """As v1.22, but Windows pods are exempt (v1.25+)."""
    return None if pod.windows else capabilities_restricted_1_22(pod)


def proc_mount_1_0(pod: Pod) -> CheckResult | None:
    """procMount must be unset or Default."""
    bad: list[str] = []
    types: set[str] = set()
    paths: list[KeyPath] = []
    for c in pod.containers:
        if c.sc is None:
            continue
        value = c.sc.get("procMount")
        if value is not None and value != "Default":
            bad.append(c.name)
            types.add(as_str(value))
            paths.append((*c.path, "securityContext", "procMount"))
    if not bad:
        return None
    detail = f"{containers_phrase(bad)} must not set securityContext.procMount to {join_quote(sorted(types))}"
    return CheckResult("procMount", "procMount", detail, tuple(paths))


def proc_mount_restricted(pod: Pod) -> CheckResult | None:
    """procMount must be unset or Default, even in a user namespace (restricted, v1.35+)."""
    result = proc_mount_1_0(pod)
    return (
        None
        if result is None
        else CheckResult("procMount_restricted", result.reason, result.detail, result.paths)
    )


def proc_mount_1_35(pod: Pod) -> CheckResult | None:
    """As v1.0, but any value is allowed in a user namespace (``hostUsers: false``) (v1.35+)."""
    return None if pod.host_users_false else proc_mount_1_0(pod)


CHECKS = (
    Check("privileged", "baseline", (VersionedCheck(0, privileged),)),
    Check(
        "allowPrivilegeEscalation",
        "restricted",
        (
            VersionedCheck(8, allow_privilege_escalation_1_8),
            VersionedCheck(25, allow_privilege_escalation_1_25),
        ),
    ),
    Check("capabilities_baseline", "baseline", (VersionedCheck(0, capabilities_baseline),)),
    Check(
        "capabilities_restricted",
        "restricted",
        (
            VersionedCheck(22, capabilities_restricted_1_22, overrides=("capabilities_baseline",)),
            VersionedCheck(25, capabilities_restricted_1_25, overrides=("capabilities_baseline",)),
        ),
    ),
    Check("procMount", "baseline", (VersionedCheck(0, proc_mount_1_0), VersionedCheck(35, proc_mount_1_35))),
    Check(
        "procMount_restricted",
        "restricted",
        (VersionedCheck(35, proc_mount_restricted, overrides=("procMount",)),),
    ),
)
