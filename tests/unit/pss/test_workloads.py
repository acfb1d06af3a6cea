from __future__ import annotations

import pytest

from tests.unit.pss._helpers import pod as load
from vcvalues.pss.workloads import find_pods

POD = {"metadata": {"annotations": {"a": "b"}}, "spec": {"containers": [{"name": "c"}]}}


def workload(api_version: str, kind: str, pod_path: tuple[str, ...]) -> dict:
    """An object of ``kind`` named x with POD at ``pod_path`` (its metadata merged in for a Pod)."""
    document: dict = {"apiVersion": api_version, "kind": kind, "metadata": {"name": "x"}}
    node = document
    for key in pod_path:
        node = node.setdefault(key, {})
    node["spec"] = POD["spec"]
    node.setdefault("metadata", {}).update(POD["metadata"])
    return document


@pytest.mark.parametrize(
    ("api_version", "kind", "pod_path"),
    [
        ("v1", "Pod", ()),
        ("v1", "PodTemplate", ("template",)),
        ("v1", "ReplicationController", ("spec", "template")),
        ("apps/v1", "Deployment", ("spec", "template")),
        ("extensions/v1beta1", "Deployment", ("spec", "template")),
        ("apps/v1", "StatefulSet", ("spec", "template")),
        ("apps/v1", "DaemonSet", ("spec", "template")),
        ("apps/v1", "ReplicaSet", ("spec", "template")),
        ("batch/v1", "Job", ("spec", "template")),
        ("batch/v1", "CronJob", ("spec", "jobTemplate", "spec", "template")),
    ],
)
def test_every_workload_kind(api_version, kind, pod_path):
    targets, skipped = find_pods(workload(api_version, kind, pod_path))
    assert skipped == []
    (target,) = targets
    assert (target.kind, target.name, target.pod_path, target.object_path) == (kind, "x", pod_path, ())
    assert target.spec == {"containers": [{"name": "c"}]}
    assert target.metadata is not None and target.metadata["annotations"] == {"a": "b"}
    assert target.label == f"{kind} x"


def test_lists_recurse_and_other_kinds_are_skipped():
    document = load(
        """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}}
        - apiVersion: apps/v1
          kind: DeploymentList
          items: [{kind: Deployment, metadata: {generateName: w-}, spec: {template: {spec: {}}}}]
        - {apiVersion: example.com/v1, kind: Deployment, metadata: {name: crd}, spec: {template: {spec: {}}}}
        - {apiVersion: batch/v1, kind: Job, metadata: {name: nojob}, spec: {}}
        - 7
        """
    )
    targets, skipped = find_pods(document)
    assert [(t.label, t.object_path, t.pod_path) for t in targets] == [
        ("Deployment w-", ("items", 1, "items", 0), ("items", 1, "items", 0, "spec", "template"))
    ]
    assert [(s.kind, s.name, s.reason, s.object_path) for s in skipped] == [
        ("ConfigMap", "cfg", "kind ConfigMap has no pod template", ("items", 0)),
        ("Deployment", "crd", "apiVersion example.com/v1 is not the Kubernetes Deployment", ("items", 2)),
        ("Job", "nojob", "no pod spec", ("items", 3)),
        ("", "", "not a Kubernetes object (a mapping with a kind)", ("items", 4)),
    ]


def test_empty_document_and_missing_kind():
    assert find_pods(None) == ([], [])
    targets, skipped = find_pods({"metadata": {"name": "x"}})
    assert targets == [] and [s.reason for s in skipped] == ["no kind"]
