from __future__ import annotations

import pytest

from tests.unit.pss._helpers import check


def test_app_armor_profile_fields_allowed():
    key = "container.apparmor.security.beta.kubernetes.io/a"
    for text in (
        "spec: {securityContext: {appArmorProfile: {type: RuntimeDefault}}, containers: [{name: a}]}",
        "spec: {containers: [{name: a, securityContext: {appArmorProfile: {type: Localhost}}}]}",
        f"metadata: {{annotations: {{{key}: localhost/p, env: x}}}}\nspec: {{}}",
        f"metadata: {{annotations: {{{key}: runtime/default}}}}\nspec: {{}}",
    ):
        assert check(text, "appArmorProfile", level="baseline") is None


def test_app_armor_unconfined_pod():
    result = check("spec: {securityContext: {appArmorProfile: {type: Unconfined}}}", "appArmorProfile")
    assert result is not None
    assert (
        result.text == 'forbidden AppArmor profile (pod must not set AppArmor profile type to "Unconfined")'
    )
    assert result.paths == (("spec", "securityContext", "appArmorProfile", "type"),)


def test_app_armor_unconfined_init_and_ephemeral_containers():
    result = check(
        """
        spec:
          securityContext: {appArmorProfile: {type: RuntimeDefault}}
          containers: [{name: foo}]
          initContainers: [{name: bar, securityContext: {appArmorProfile: {type: Unconfined}}}]
          ephemeralContainers: [{name: dbg, securityContext: {appArmorProfile: {}}}]
        """,
        "appArmorProfile",
    )
    assert result is not None
    assert result.reason == "forbidden AppArmor profiles"
    assert result.detail == 'containers "bar", "dbg" must not set AppArmor profile type to "", "Unconfined"'


def test_app_armor_annotations_sorted_and_quoted():
    result = check(
        """
        metadata:
          annotations:
            container.apparmor.security.beta.kubernetes.io/: bogus
            container.apparmor.security.beta.kubernetes.io/a: ""
            container.apparmor.security.beta.kubernetes.io/b: runtime/default
            container.apparmor.security.beta.kubernetes.io/c: localhost/
            container.apparmor.security.beta.kubernetes.io/f: unknown
            container.apparmor.security.beta.kubernetes.io/e: unconfined
            container.apparmor.security.beta.kubernetes.io/g: "say \\"hi\\"\\n"
        spec: {}
        """,
        "appArmorProfile",
        level="baseline",
    )
    assert result is not None
    assert result.reason == "forbidden AppArmor profiles"
    prefix = "container.apparmor.security.beta.kubernetes.io/"
    assert result.detail == (
        "annotations must not set AppArmor profile type to "
        f'"{prefix}="bogus"", "{prefix}e="unconfined"", "{prefix}f="unknown"", "{prefix}g="say \\"hi\\"\\n""'
    )
    assert result.paths[0] == ("metadata", "annotations", prefix)


def test_app_armor_pod_containers_and_annotation_together():
    result = check(
        """
        metadata: {annotations: {container.apparmor.security.beta.kubernetes.io/a: unconfined}}
        spec:
          securityContext: {appArmorProfile: {type: Unconfined}}
          containers: [{name: a, securityContext: {appArmorProfile: {type: Unconfined}}}]
        """,
        "appArmorProfile",
    )
    assert result is not None
    assert result.text == (
        'forbidden AppArmor profiles (pod and container "a" and annotation '
        "must not set AppArmor profile type to "
        '"Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined"")'
    )


SECCOMP_ANNOTATIONS = """
metadata:
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.seccomp.security.alpha.kubernetes.io/a: unconfined
    container.seccomp.security.alpha.kubernetes.io/b: unknown
    container.seccomp.security.alpha.kubernetes.io/c: docker/default
    container.seccomp.security.alpha.kubernetes.io/z: unconfined
spec:
  containers: [{name: a}, {name: b}, {name: c}]
"""


def test_seccomp_annotations_before_v1_19():
    result = check(SECCOMP_ANNOTATIONS, "seccompProfile_baseline", level="baseline", version="v1.18")
    assert result is not None
    assert result.reason == "seccompProfile"
    assert result.detail == (
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", '
        'container.seccomp.security.alpha.kubernetes.io/b="unknown", '
        'seccomp.security.alpha.kubernetes.io/pod="unconfined"'
    )
    assert check(SECCOMP_ANNOTATIONS, "seccompProfile_baseline", level="baseline", version="v1.19") is None


def test_seccomp_baseline_fields_from_v1_19():
    text = """
        spec:
          securityContext: {seccompProfile: {type: Unconfined}}
          containers:
          - {name: a}
          - {name: c, securityContext: {seccompProfile: {type: Unconfined}}}
          - {name: d, securityContext: {seccompProfile: {type: Unconfined}}}
          - {name: e, securityContext: {seccompProfile: {type: Localhost}}}
        """
    result = check(text, "seccompProfile_baseline", level="baseline")
    assert result is not None
    assert (
        result.detail
        == 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"'
    )
    assert check(text, "seccompProfile_baseline", level="baseline", version="v1.18") is None


def test_seccomp_restricted_needs_a_profile():
    result = check(
        """
        spec:
          containers:
          - {name: a}
          - {name: b}
          - {name: c, securityContext: {seccompProfile: {type: Localhost}}}
        """,
        "seccompProfile_restricted",
    )
    assert result is not None
    assert result.detail == (
        'pod or containers "a", "b" must set securityContext.seccompProfile.type '
        'to "RuntimeDefault" or "Localhost"'
    )
    covered = "spec: {securityContext: {seccompProfile: {type: RuntimeDefault}}, containers: [{name: a}]}"
    assert check(covered, "seccompProfile_restricted") is None


def test_seccomp_restricted_explicit_bad_wins():
    result = check(
        """
        spec:
          securityContext: {seccompProfile: {type: Unconfined}}
          containers: [{name: a}, {name: b, securityContext: {seccompProfile: {type: Unconfined}}}]
        """,
        "seccompProfile_restricted",
    )
    assert result is not None
    assert (
        result.detail
        == 'pod and container "b" must not set securityContext.seccompProfile.type to "Unconfined"'
    )


SELINUX = """
spec:
  securityContext: {seLinuxOptions: {type: foo, user: bar, role: baz}}
  containers:
  - {name: a, securityContext: {seLinuxOptions: {type: container_t}}}
  - {name: b, securityContext: {seLinuxOptions: {type: container_init_t}}}
  - {name: c, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
  - {name: d, securityContext: {seLinuxOptions: {type: container_engine_t}}}
  - {name: e, securityContext: {seLinuxOptions: {type: bar}}}
  - {name: f, securityContext: {seLinuxOptions: {user: bar}}}
  - {name: g, securityContext: {seLinuxOptions: {role: baz}}}
"""


def test_se_linux_options_all_together():
    result = check(SELINUX, "seLinuxOptions")
    assert result is not None
    assert result.detail == (
        'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: '
        'types "bar", "foo"; user may not be set; role may not be set'
    )


def test_container_engine_t_allowed_from_v1_31():
    before = check(SELINUX, "seLinuxOptions", version="v1.30")
    assert before is not None
    assert before.detail == (
        'pod and containers "d", "e", "f", "g" set forbidden securityContext.seLinuxOptions: '
        'types "bar", "container_engine_t", "foo"; user may not be set; role may not be set'
    )
    engine = "spec: {containers: [{name: d, securityContext: {seLinuxOptions: {type: container_engine_t}}}]}"
    assert check(engine, "seLinuxOptions", level="baseline", version="v1.31") is None
    assert check(engine, "seLinuxOptions", level="baseline", version="v1.30") is not None


@pytest.mark.parametrize(
    ("options", "detail"),
    [
        ("{type: bad}", 'pod set forbidden securityContext.seLinuxOptions: type "bad"'),
        ("{user: bad}", "pod set forbidden securityContext.seLinuxOptions: user may not be set"),
        ("{role: bad}", "pod set forbidden securityContext.seLinuxOptions: role may not be set"),
    ],
)
def test_se_linux_options_single(options, detail):
    result = check(
        f"spec: {{securityContext: {{seLinuxOptions: {options}}}}}", "seLinuxOptions", level="baseline"
    )
    assert result is not None
    assert result.detail == detail
