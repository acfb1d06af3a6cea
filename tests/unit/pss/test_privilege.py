from __future__ import annotations

import pytest

from tests.unit.pss._helpers import check, failed_ids


def test_privileged_visits_init_then_containers_then_ephemeral():
    result = check(
        """
        spec:
          containers: [{name: c, securityContext: {privileged: true}}]
          initContainers:
          - {name: i, securityContext: {privileged: true}}
          - {name: j, securityContext: {privileged: false}}
          ephemeralContainers: [{name: e, securityContext: {privileged: true}}]
        """,
        "privileged",
        level="baseline",
    )
    assert result is not None
    assert result.text == 'privileged (containers "i", "c", "e" must not set securityContext.privileged=true)'
    assert result.paths == (
        ("spec", "initContainers", 0, "securityContext", "privileged"),
        ("spec", "containers", 0, "securityContext", "privileged"),
        ("spec", "ephemeralContainers", 0, "securityContext", "privileged"),
    )


def test_ephemeral_container_alone_fails_every_container_check():
    ids = failed_ids(
        """
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: c
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          ephemeralContainers:
          - name: debug
            securityContext:
              privileged: true
              runAsUser: 0
              procMount: Unmasked
              capabilities: {add: [SYS_ADMIN]}
              seLinuxOptions: {user: root}
              seccompProfile: {type: Unconfined}
              appArmorProfile: {type: Unconfined}
              windowsOptions: {hostProcess: true}
            ports: [{hostPort: 80}]
            livenessProbe: {tcpSocket: {host: node}}
        """
    )
    assert ids == [
        "appArmorProfile",
        "hostPorts",
        "hostProbesAndHostLifecycle",
        "privileged",
        "seLinuxOptions",
        "windowsHostProcess",
        "allowPrivilegeEscalation",
        "capabilities_restricted",
        "procMount_restricted",
        "runAsUser",
        "seccompProfile_restricted",
    ]


@pytest.mark.parametrize("value", ["null", "true", "'false'"])
def test_allow_privilege_escalation_must_be_false(value):
    result = check(
        f"""
        spec:
          containers:
          - {{name: a, securityContext: {{allowPrivilegeEscalation: {value}}}}}
          - {{name: b}}
        """,
        "allowPrivilegeEscalation",
    )
    assert result is not None
    assert result.text == (
        "allowPrivilegeEscalation != false "
        '(containers "a", "b" must set securityContext.allowPrivilegeEscalation=false)'
    )


def test_allow_privilege_escalation_starts_at_v1_8():
    assert check("spec: {containers: [{name: a}]}", "allowPrivilegeEscalation", version="v1.7") is None
    assert check("spec: {containers: [{name: a}]}", "allowPrivilegeEscalation", version="v1.8") is not None


WINDOWS = "spec: {os: {name: windows}, securityContext: {runAsNonRoot: true}, containers: [{name: a}]}"
LINUX = "spec: {os: {name: linux}, securityContext: {runAsNonRoot: true}, containers: [{name: a}]}"


@pytest.mark.parametrize(
    "check_id", ["allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted"]
)
def test_windows_pods_are_exempt_from_v1_25(check_id):
    assert check(WINDOWS, check_id, version="v1.25") is None
    assert check(WINDOWS, check_id, version="latest") is None
    assert check(WINDOWS, check_id, version="v1.24") is not None
    assert check(LINUX, check_id, version="v1.25") is not None


def test_windows_pods_still_need_run_as_non_root():
    assert failed_ids(WINDOWS) == []
    result = check("spec: {os: {name: windows}, containers: [{name: a}]}", "runAsNonRoot")
    assert result is not None


def test_capabilities_baseline():
    result = check(
        """
        spec:
          containers:
          - {name: a, securityContext: {capabilities: {add: [NET_RAW, CHOWN]}}}
          - {name: b, securityContext: {capabilities: {add: [KILL], drop: [ALL]}}}
          - {name: c, securityContext: {capabilities: {add: [SYS_ADMIN, NET_RAW]}}}
        """,
        "capabilities_baseline",
        level="baseline",
    )
    assert result is not None
    assert result.text == (
        'non-default capabilities (containers "a", "c" must not include "NET_RAW", "SYS_ADMIN" '
        "in securityContext.capabilities.add)"
    )
    assert result.paths[0] == ("spec", "containers", 0, "securityContext", "capabilities", "add", 0)


def test_capabilities_restricted_both_halves():
    result = check(
        """
        spec:
          containers:
          - {name: a, securityContext: {capabilities: {add: [FOO, BAR]}}}
          - {name: b, securityContext: {capabilities: {add: [BAR, BAZ]}}}
          - {name: c, securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL, FOO]}}}
        """,
        "capabilities_restricted",
    )
    assert result is not None
    assert result.reason == "unrestricted capabilities"
    assert result.detail == (
        'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; '
        'containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" '
        "in securityContext.capabilities.add"
    )


def test_capabilities_restricted_without_security_context():
    result = check("spec: {os: {name: linux}, containers: [{name: a}]}", "capabilities_restricted")
    assert result is not None
    assert result.detail == 'container "a" must set securityContext.capabilities.drop=["ALL"]'
    assert result.paths == (("spec", "containers", 0, "securityContext", "capabilities", "drop"),)


PROC_MOUNT = """
spec:
  hostUsers: {host_users}
  containers:
  - {{name: c, securityContext: {{procMount: Default}}}}
  - {{name: d, securityContext: {{procMount: Unmasked}}}}
  - {{name: e, securityContext: {{procMount: other}}}}
"""
PROC_MOUNT_DETAIL = 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"'


def test_proc_mount_baseline_relaxed_in_user_namespace_from_v1_35():
    in_userns = PROC_MOUNT.format(host_users="false")
    assert check(in_userns, "procMount", level="baseline") is None
    old = check(in_userns, "procMount", level="baseline", version="v1.34")
    assert old is not None and old.detail == PROC_MOUNT_DETAIL
    host = check(PROC_MOUNT.format(host_users="true"), "procMount", level="baseline")
    assert host is not None and host.text == f"procMount ({PROC_MOUNT_DETAIL})"


@pytest.mark.parametrize("host_users", ["true", "false", "null"])
def test_proc_mount_restricted_ignores_user_namespaces(host_users):
    text = PROC_MOUNT.format(host_users=host_users)
    result = check(text, "procMount_restricted")
    assert result is not None
    assert (result.reason, result.detail) == ("procMount", PROC_MOUNT_DETAIL)
    assert check(text, "procMount") is None  # overridden at restricted v1.35
    assert check(text, "procMount", version="v1.34") is not None
