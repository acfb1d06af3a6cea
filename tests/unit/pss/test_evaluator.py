from __future__ import annotations

import pytest

from tests.unit.pss._helpers import pod
from vcvalues.errors import UsageError
from vcvalues.pss import evaluate_pod, policy_for

RESTRICTED_OK = pod(
    """
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: app
        image: nginx
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
    """
)


def test_allowed_pod():
    evaluation = evaluate_pod(RESTRICTED_OK["spec"])
    assert evaluation.allowed
    assert evaluation.results == ()
    assert evaluation.message == evaluation.forbidden_reason == evaluation.forbidden_detail == ""


def test_message_format_and_order():
    data = pod(
        """
        spec:
          hostNetwork: true
          containers: [{name: app, securityContext: {privileged: true}}]
        """
    )
    evaluation = evaluate_pod(data["spec"], level="baseline", version="v1.40")
    assert not evaluation.allowed
    assert [r.check_id for r in evaluation.results] == ["hostNamespaces", "privileged"]
    assert evaluation.forbidden_reason == "host namespaces, privileged"
    assert evaluation.message == (
        'violates PodSecurity "baseline:v1.40": host namespaces (hostNetwork=true), '
        'privileged (container "app" must not set securityContext.privileged=true)'
    )


def test_full_restricted_message():
    evaluation = evaluate_pod({"containers": [{"name": "app", "image": "nginx"}]})
    assert evaluation.message == (
        'violates PodSecurity "restricted:latest": '
        "allowPrivilegeEscalation != false "
        '(container "app" must set securityContext.allowPrivilegeEscalation=false), '
        'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), '
        'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), '
        'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to '
        '"RuntimeDefault" or "Localhost")'
    )


def test_privileged_level_allows_anything():
    spec = {"hostPID": True, "containers": [{"name": "a", "securityContext": {"privileged": True}}]}
    assert evaluate_pod(spec, level="privileged").allowed


def test_policy_objects_are_cached():
    assert policy_for("restricted", "latest") is policy_for("restricted", "latest")
    assert str(policy_for("baseline", "v1.2").level_version) == "baseline:v1.2"


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        (None, "a pod spec is a map, found NoneType None"),
        ([], "a pod spec is a map, found list []"),
        ("text", "a pod spec is a map, found str 'text'"),
        ({"containers": "oops"}, "containers must be a list, found 'oops'"),
        ({"containers": [None, 3]}, "containers[0] must be a map, found None"),
        ({"initContainers": {"name": "a"}}, "initContainers must be a list, found {'name': 'a'}"),
        ({"volumes": [{"name": "v"}, "v"]}, "volumes[1] must be a map, found 'v'"),
    ],
)
def test_input_that_is_not_a_pod_spec_is_refused_not_allowed(spec, problem):
    with pytest.raises(UsageError) as caught:
        evaluate_pod(spec, level="restricted")
    assert str(caught.value) == f"not a pod spec: {problem}"


def test_a_whole_pod_or_workload_is_evaluated_by_its_spec():
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "p"},
        "spec": {"hostNetwork": True, "containers": [{"name": "c"}]},
    }
    evaluation = evaluate_pod(pod, level="baseline")
    assert evaluation.message == 'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)'
    deployment = {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": pod}}
    assert evaluate_pod(deployment, level="baseline").forbidden_reason == "host namespaces"
    # The same Pod's spec evaluates the same.
    assert evaluate_pod(pod["spec"], level="baseline").results == evaluation.results


@pytest.mark.parametrize(
    "spec",
    [
        {"containers": [{"name": None, "securityContext": "bad"}]},
        {"containers": [{"name": 7, "securityContext": {"capabilities": {"add": "ALL", "drop": None}}}]},
        {"containers": [{"name": "a", "ports": [None, {"hostPort": "80"}, {"hostPort": 80.0}]}]},
        {"securityContext": {"sysctls": [None, {"name": None}], "seLinuxOptions": [], "seccompProfile": "x"}},
        {"volumes": [{"name": ["x"]}], "hostNetwork": "yes", "os": "windows"},
        {"containers": [{"name": "a", "livenessProbe": [], "lifecycle": {"postStart": "x"}}]},
    ],
)
def test_malformed_input_never_raises(spec):
    for level in ("baseline", "restricted"):
        for version in ("v1.0", "v1.19", "latest"):
            evaluation = evaluate_pod(
                spec,
                {"annotations": {"seccomp.security.alpha.kubernetes.io/pod": 3}},
                level=level,
                version=version,
            )
            assert isinstance(evaluation.message, str)


def test_malformed_values_are_read_as_go_would_hold_them():
    spec = {"containers": [{"name": 7, "ports": [{"hostPort": 80.0}, {"hostPort": True}]}]}
    evaluation = evaluate_pod(spec, level="baseline")
    assert evaluation.forbidden_detail == 'hostPort (container "7" uses hostPort 80)'


def test_emulating_an_older_library_clamps_latest_but_keeps_the_label():
    spec = {"containers": [{"name": "a", "livenessProbe": {"httpGet": {"host": "h"}}}]}
    assert not evaluate_pod(spec, level="baseline").allowed  # hostProbesAndHostLifecycle is v1.34+
    old = policy_for("baseline", "latest", newest_minor=29)
    assert old.minor == 29
    assert old.evaluate(spec).allowed
    assert policy_for("baseline", "v1.35", newest_minor=29).minor == 29
    assert policy_for("baseline", "v1.20", newest_minor=29).minor == 20
    root = policy_for("restricted", "latest", newest_minor=29).evaluate({"containers": [{"name": "a"}]})
    assert root.message.startswith('violates PodSecurity "restricted:latest": ')
