from __future__ import annotations

import pytest

from tests.unit.pss._helpers import check


def sysctls(*names: str) -> str:
    items = ", ".join(f"{{name: {name}, value: '1'}}" for name in names)
    return f"spec: {{securityContext: {{sysctls: [{items}]}}}}"


def test_forbidden_sysctls_keep_order_and_duplicates():
    result = check(sysctls("b", "kernel.shm_rmid_forced", "a", "b"), "sysctls", level="baseline")
    assert result is not None
    assert result.text == "forbidden sysctls (b, a, b)"
    assert result.paths == (
        ("spec", "securityContext", "sysctls", 0, "name"),
        ("spec", "securityContext", "sysctls", 2, "name"),
        ("spec", "securityContext", "sysctls", 3, "name"),
    )


@pytest.mark.parametrize(
    ("name", "first_minor"),
    [
        ("net.ipv4.ip_unprivileged_port_start", 0),
        ("net.ipv4.ip_local_reserved_ports", 27),
        ("net.ipv4.tcp_keepalive_time", 29),
        ("net.ipv4.tcp_fin_timeout", 29),
        ("net.ipv4.tcp_keepalive_intvl", 29),
        ("net.ipv4.tcp_keepalive_probes", 29),
        ("net.ipv4.tcp_rmem", 32),
        ("net.ipv4.tcp_wmem", 32),
    ],
)
def test_safe_set_grows_with_versions(name, first_minor):
    assert check(sysctls(name), "sysctls", version=f"v1.{first_minor}") is None
    assert check(sysctls(name), "sysctls", version="latest") is None
    if first_minor:
        before = check(sysctls(name), "sysctls", version=f"v1.{first_minor - 1}")
        assert before is not None and before.detail == name
