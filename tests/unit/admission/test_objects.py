"""Replicas as the controllers create pods, claims per pod, host objects read from manifests."""

from __future__ import annotations

import pytest

from tests.unit.pss._helpers import pod as yaml_map
from vcvalues.admission import HostPolicy
from vcvalues.admission.hostfile import add_host_objects
from vcvalues.admission.objects import pod_claims, replicas, service_shape
from vcvalues.core.quantity import Quantity
from vcvalues.pss.workloads import find_pods


def target_of(document):
    (target,), _ = find_pods(document)
    return target


TEMPLATE = "template: {spec: {containers: [{name: c}]}}"


@pytest.mark.parametrize(
    ("text", "count", "path"),
    [
        ("kind: Pod\nspec: {containers: [{name: c}]}", 1, ("kind",)),
        (f"kind: PodTemplate\n{TEMPLATE}", 0, ("kind",)),
        (f"apiVersion: apps/v1\nkind: Deployment\nspec: {{{TEMPLATE}}}", 1, ("spec", "replicas")),
        (
            f"apiVersion: apps/v1\nkind: Deployment\nspec: {{replicas: 4, {TEMPLATE}}}",
            4,
            ("spec", "replicas"),
        ),
        (
            f"apiVersion: apps/v1\nkind: StatefulSet\nspec: {{replicas: 0, {TEMPLATE}}}",
            0,
            ("spec", "replicas"),
        ),
        (f"apiVersion: apps/v1\nkind: DaemonSet\nspec: {{{TEMPLATE}}}", 5, ("kind",)),
        (f"apiVersion: batch/v1\nkind: Job\nspec: {{{TEMPLATE}}}", 1, ("spec", "parallelism")),
        (
            f"apiVersion: batch/v1\nkind: Job\nspec: {{parallelism: 4, {TEMPLATE}}}",
            4,
            ("spec", "parallelism"),
        ),
        (
            f"apiVersion: batch/v1\nkind: Job\nspec: {{parallelism: 4, completions: 2, {TEMPLATE}}}",
            2,
            ("spec", "parallelism"),
        ),
        (
            "apiVersion: batch/v1\nkind: CronJob\n"
            f"spec: {{jobTemplate: {{spec: {{parallelism: 3, {TEMPLATE}}}}}}}",
            3,
            ("spec", "jobTemplate", "spec", "parallelism"),
        ),
    ],
)
def test_replicas(text, count, path):
    document = yaml_map(text)
    assert replicas(document, target_of(document), nodes=5) == (count, path)


def test_statefulset_claim_templates_and_ephemeral_volumes():
    document = yaml_map(
        """\
        apiVersion: apps/v1
        kind: StatefulSet
        spec:
          template:
            spec:
              containers: [{name: c}]
              volumes:
              - name: scratch
                ephemeral:
                  volumeClaimTemplate:
                    spec: {storageClassName: fast, resources: {requests: {storage: 1Gi}}}
          volumeClaimTemplates:
          - metadata: {name: data, annotations: {volume.beta.kubernetes.io/storage-class: slow}}
            spec: {resources: {requests: {storage: 10Gi}}}
        """
    )
    claims = pod_claims(document, target_of(document))
    assert [(c.storage, c.storage_class, path) for c, path in claims] == [
        (Quantity.parse("10Gi"), "slow", ("spec", "volumeClaimTemplates", 0)),
        (Quantity.parse("1Gi"), "fast", ("spec", "template", "spec", "volumes", 0, "ephemeral")),
    ]


def test_service_shape():
    shape = service_shape(
        yaml_map(
            "kind: Service\nspec: {type: LoadBalancer, allocateLoadBalancerNodePorts: false,\n"
            "  ports: [{port: 80, nodePort: 30080}, {port: 443}]}"
        )
    )
    assert (shape.type, shape.ports, shape.explicit_node_ports, shape.allocate_node_ports) == (
        "LoadBalancer",
        2,
        1,
        False,
    )
    assert service_shape({"kind": "Service"}).type == "ClusterIP"


def test_host_objects_from_manifests():
    text = """\
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: v1.28
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec:
  hard: {requests.cpu: "4", pods: "10"}
  scopeSelector:
    matchExpressions:
    - {scopeName: PriorityClass, operator: In, values: [high]}
---
apiVersion: v1
kind: LimitRange
metadata: {name: ceilings}
spec:
  limits:
  - type: Container
    max: {cpu: "2"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: stray}
"""
    host, problems = add_host_objects(HostPolicy(), text, file="host.yaml")
    assert host.namespace == "team-a"
    assert host.namespace_pss is not None and str(host.namespace_pss.level_version) == "restricted:v1.28"
    (quota,) = host.quotas
    assert (quota.name, sorted(quota.hard), quota.scopes[0].values) == (
        "compute",
        ["pods", "requests.cpu"],
        ("high",),
    )
    (limit_range,) = host.limit_ranges
    (item,) = limit_range.items
    # stored as the API server stores it: the max becomes the default limit and the default request
    assert (item.default, item.default_request) == (
        {"cpu": Quantity.parse("2")},
        {"cpu": Quantity.parse("2")},
    )
    assert [(d.rule_id, d.line, d.message) for d in problems] == [
        (
            "host-object",
            27,
            "ConfigMap is not a host policy object (LimitRange, ResourceQuota, Namespace): ignored",
        )
    ]
