"""The sysctls check: only the safe, namespaced sysctls (baseline).

Mirrors policy/check_sysctls.go of k8s.io/pod-security-admission v0.35.0.
"""

from __future__ import annotations

from vcvalues.core.diagnostics import KeyPath
from vcvalues.pss._base import Check, CheckFn, CheckResult, Pod, VersionedCheck, as_str

SAFE_SYSCTLS_1_0 = frozenset(
    (
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start",
    )
)
SAFE_SYSCTLS_1_27 = SAFE_SYSCTLS_1_0 | {"net.ipv4.ip_local_reserved_ports"}
SAFE_SYSCTLS_1_29 = SAFE_SYSCTLS_1_27 | {
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
}
SAFE_SYSCTLS_1_32 = SAFE_SYSCTLS_1_29 | {"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"}


def _sysctls_check(allowed: frozenset[str]) -> CheckFn:
    def check(pod: Pod) -> CheckResult | None:
        items = pod.sc.get("sysctls") if pod.sc is not None else None
        if not items or not isinstance(items, list):
            return None
        names: list[str] = []
        paths: list[KeyPath] = []
        for i, item in enumerate(items):
            name = as_str(item.get("name")) if isinstance(item, dict) else ""
            if name not in allowed:
                names.append(name)
                paths.append(("spec", "securityContext", "sysctls", i, "name"))
        if not names:
            return None
        return CheckResult("sysctls", "forbidden sysctls", ", ".join(names), tuple(paths))

    check.__doc__ = f"Pod sysctls must be among the {len(allowed)} safe ones."
    return check


CHECKS = (
    Check(
        "sysctls",
        "baseline",
        (
            VersionedCheck(0, _sysctls_check(SAFE_SYSCTLS_1_0)),
            VersionedCheck(27, _sysctls_check(SAFE_SYSCTLS_1_27)),
            VersionedCheck(29, _sysctls_check(SAFE_SYSCTLS_1_29)),
            VersionedCheck(32, _sysctls_check(SAFE_SYSCTLS_1_32)),
        ),
    ),
)
