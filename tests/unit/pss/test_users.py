from __future__ import annotations

import pytest

from tests.unit.pss._helpers import check


def test_run_as_non_root_unset():
    result = check("spec: {containers: [{name: a}]}", "runAsNonRoot")
    assert result is not None
    assert (
        result.text
        == 'runAsNonRoot != true (pod or container "a" must set securityContext.runAsNonRoot=true)'
    )
    assert result.paths == (("spec", "containers", 0, "securityContext", "runAsNonRoot"),)


def test_run_as_non_root_pod_false():
    result = check("spec: {securityContext: {runAsNonRoot: false}, containers: [{name: a}]}", "runAsNonRoot")
    assert result is not None
    assert result.detail == "pod must not set securityContext.runAsNonRoot=false"


def test_run_as_non_root_containers_false():
    result = check(
        """
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
          - {name: a}
          - {name: b}
          - {name: c, securityContext: {runAsNonRoot: false}}
          - {name: d, securityContext: {runAsNonRoot: false}}
          - {name: e, securityContext: {runAsNonRoot: true}}
        """,
        "runAsNonRoot",
    )
    assert result is not None
    assert result.detail == 'containers "c", "d" must not set securityContext.runAsNonRoot=false'


def test_run_as_non_root_container_fallthrough():
    result = check(
        """
        spec:
          containers:
          - {name: a}
          - {name: b}
          - {name: d, securityContext: {runAsNonRoot: true}}
        """,
        "runAsNonRoot",
    )
    assert result is not None
    assert result.detail == 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true'


def test_run_as_user_zero():
    result = check(
        """
        spec:
          securityContext: {runAsUser: 0}
          containers:
          - {name: c, securityContext: {runAsUser: 0}}
          - {name: d, securityContext: {runAsUser: 0}}
          - {name: e, securityContext: {runAsUser: 1}}
        """,
        "runAsUser",
    )
    assert result is not None
    assert result.text == 'runAsUser=0 (pod and containers "c", "d" must not set runAsUser=0)'
    assert result.paths[0] == ("spec", "securityContext", "runAsUser")


@pytest.mark.parametrize("value", ["1000", "null", "false"])
def test_run_as_user_other_values_allowed(value):
    assert (
        check(f"spec: {{securityContext: {{runAsUser: {value}}}, containers: [{{name: a}}]}}", "runAsUser")
        is None
    )


def test_run_as_user_starts_at_v1_23():
    text = "spec: {securityContext: {runAsUser: 0}, containers: [{name: a}]}"
    assert check(text, "runAsUser", version="v1.22") is None
    assert check(text, "runAsUser", version="v1.23") is not None


ROOT_IN_USERNS = """
spec:
  hostUsers: {host_users}
  securityContext: {{runAsNonRoot: false, runAsUser: 0}}
  containers: [{{name: a}}]
"""


@pytest.mark.parametrize("check_id", ["runAsNonRoot", "runAsUser"])
def test_host_users_false_exempts_from_v1_35(check_id):
    assert check(ROOT_IN_USERNS.format(host_users="false"), check_id) is None
    assert check(ROOT_IN_USERNS.format(host_users="false"), check_id, version="v1.35") is None
    assert check(ROOT_IN_USERNS.format(host_users="false"), check_id, version="v1.34") is not None
    assert check(ROOT_IN_USERNS.format(host_users="true"), check_id) is not None
    assert check(ROOT_IN_USERNS.format(host_users="null"), check_id) is not None
