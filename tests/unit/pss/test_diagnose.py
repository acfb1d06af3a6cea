from __future__ import annotations

from tests.unit.pss._helpers import rt_documents
from vcvalues.core.diagnostics import Severity
from vcvalues.pss import CHECK_IDS, policy_for
from vcvalues.pss.diagnose import HINTS, SUMMARIES, diagnose_documents

MANIFESTS = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: log-agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1
          securityContext:
            privileged: true
      volumes:
        - name: varlog
          hostPath:
            path: /var/log
---
apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  containers:
    - name: app
      image: app:1
"""


def test_one_diagnostic_per_failed_check_on_the_offending_field():
    report = diagnose_documents(
        rt_documents(MANIFESTS), file="m.yaml", policy=policy_for("baseline", "latest")
    )
    assert (report.evaluated, report.refused) == (2, 1)
    got = [(d.rule_id, d.severity, d.line, d.column, d.key_path) for d in report.diagnostics]
    assert got == [
        ("hostPathVolumes", Severity.ERROR, 19, 11, ("spec", "template", "spec", "volumes", 0)),
        (
            "privileged",
            Severity.ERROR,
            17,
            25,
            ("spec", "template", "spec", "containers", 0, "securityContext", "privileged"),
        ),
    ]
    host_path, privileged = report.diagnostics
    # The ConfigMap is counted, not reported on a line of its own.
    assert report.not_workloads == {"ConfigMap": 1}
    assert privileged.message == (
        'Deployment log-agent violates baseline:latest: privileged (container "agent" must not set '
        "securityContext.privileged=true)"
    )
    assert (
        host_path.message
        == 'Deployment log-agent violates baseline:latest: hostPath volumes (volume "varlog")'
    )
    assert privileged.hint == HINTS["privileged"]
    assert privileged.file == "m.yaml"


def test_missing_fields_point_at_the_nearest_ancestor():
    report = diagnose_documents(
        rt_documents(MANIFESTS), file="m.yaml", policy=policy_for("restricted", "latest")
    )
    places = {
        (d.rule_id, d.message.split(" violates")[0]): (d.line, d.column)
        for d in report.diagnostics
        if d.severity is Severity.ERROR
    }
    # Pod ok: containers[0] has no securityContext: the container item (line 29, "- name: app") is the place.
    assert places[("runAsNonRoot", "Pod ok")] == (29, 7)
    assert places[("allowPrivilegeEscalation", "Pod ok")] == (29, 7)
    # Deployment: securityContext exists, so allowPrivilegeEscalation points at it.
    assert places[("allowPrivilegeEscalation", "Deployment log-agent")] == (17, 13)
    assert places[("restrictedVolumes", "Deployment log-agent")] == (19, 11)
    assert ("hostPathVolumes", "Deployment log-agent") not in places
    assert report.refused == 2


def test_every_check_has_a_hint_and_a_summary():
    assert set(HINTS) == set(CHECK_IDS)
    assert set(SUMMARIES) == {*CHECK_IDS, "skipped", "invalid-pod-spec"}


def test_a_spec_that_is_not_a_pod_spec_is_an_error_not_a_pass():
    text = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: oops\n"
    report = diagnose_documents(rt_documents(text), file="m.yaml", policy=policy_for("baseline", "latest"))
    ((rule, severity, message),) = [(d.rule_id, d.severity, d.message) for d in report.diagnostics]
    assert (rule, severity) == ("invalid-pod-spec", Severity.ERROR)
    assert message == "Pod p is not a pod the API server accepts: containers must be a list, found 'oops'"
    assert report.refused == 1


def test_a_workload_without_a_pod_spec_is_still_reported():
    text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 2}\n---\n- a list\n"
    report = diagnose_documents(rt_documents(text), file="m.yaml", policy=policy_for("baseline", "latest"))
    got = [(d.rule_id, d.severity, d.line, d.column, d.message) for d in report.diagnostics]
    assert got == [
        ("skipped", Severity.INFO, 2, 7, "skipped Deployment d: no pod spec"),
        ("skipped", Severity.INFO, 1, 1, "skipped document: not a Kubernetes object (a mapping with a kind)"),
    ]
    assert (report.evaluated, report.not_workloads) == (0, {})


def test_summary_of_objects_without_pods():
    from vcvalues.pss.diagnose import summarise_not_workloads

    assert summarise_not_workloads({}) == ""
    assert summarise_not_workloads({"Service": 1, "ConfigMap": 2, "Secret": 1}) == (
        "4 object(s) hold no pod and were not checked: ConfigMap x2, Secret x1, Service x1"
    )
