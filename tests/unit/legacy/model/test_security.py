"""SecurityContext / PodSecurityContext: typed after the Kubernetes API, strict, closed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from vcvalues.legacy.model import PodSecurityContext, SecurityContext


def test_a_full_container_context_is_read_into_typed_fields():
    context = SecurityContext.model_validate(
        {
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]},
            "runAsUser": 1000.0,
            "runAsGroup": 0,
            "runAsNonRoot": True,
            "readOnlyRootFilesystem": True,
            "seccompProfile": {"type": "Localhost", "localhostProfile": "profiles/audit.json"},
            "seLinuxOptions": {"level": "s0:c123,c456"},
            "procMount": "Default",
        }
    )
    assert context.run_as_user == 1000
    assert type(context.run_as_user) is int
    assert context.capabilities is not None
    assert context.capabilities.drop == ["ALL"]
    assert context.seccomp_profile is not None
    assert context.seccomp_profile.localhost_profile == "profiles/audit.json"
    assert context.se_linux_options is not None
    assert context.se_linux_options.level == "s0:c123,c456"


@pytest.mark.parametrize(
    ("data", "loc", "kind"),
    [
        ({"runAsUser": -1}, ("runAsUser",), "greater_than_equal"),
        ({"runAsUser": 2147483648}, ("runAsUser",), "less_than_equal"),
        ({"runAsUser": "1000"}, ("runAsUser",), "int_type"),
        ({"runAsUser": True}, ("runAsUser",), "int_type"),
        ({"runAsUser": 1.5}, ("runAsUser",), "int_type"),
        ({"privileged": "false"}, ("privileged",), "bool_type"),
        ({"procMount": "Masked"}, ("procMount",), "literal_error"),
        ({"seccompProfile": {}}, ("seccompProfile", "type"), "missing"),
        ({"seccompProfile": {"type": "runtime/default"}}, ("seccompProfile", "type"), "literal_error"),
        ({"capabilities": {"add": "NET_ADMIN"}}, ("capabilities", "add"), "list_type"),
        ({"runAsUsr": 1}, ("runAsUsr",), "extra_forbidden"),
        ({"run_as_user": 1}, ("run_as_user",), "extra_forbidden"),  # only the camelCase key exists
        ({"fsGroup": 1}, ("fsGroup",), "extra_forbidden"),  # a pod-level field
    ],
)
def test_container_context_rejects(data, loc, kind):
    with pytest.raises(ValidationError) as caught:
        SecurityContext.model_validate(data)
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [(loc, kind)]


def test_pod_context_has_pod_fields_and_checks_group_ids():
    pod = PodSecurityContext.model_validate(
        {
            "fsGroup": 2000,
            "supplementalGroups": [1, 2.0],
            "sysctls": [{"name": "net.ipv4.ip_forward", "value": "1"}],
        }
    )
    assert pod.fs_group == 2000
    assert pod.supplemental_groups == [1, 2]
    assert pod.sysctls is not None
    assert pod.sysctls[0].name == "net.ipv4.ip_forward"
    with pytest.raises(ValidationError) as caught:
        PodSecurityContext.model_validate(
            {"supplementalGroups": [-3], "sysctls": [{"name": "x"}], "privileged": True}
        )
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [
        (("supplementalGroups", 0), "greater_than_equal"),
        (("sysctls", 0, "value"), "missing"),
        (("privileged",), "extra_forbidden"),
    ]


def test_null_is_accepted_for_every_optional_key():
    fields = {info.alias: None for info in SecurityContext.model_fields.values()}
    assert SecurityContext.model_validate(fields) == SecurityContext()
