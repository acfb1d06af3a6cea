"""How many pods a workload keeps running, and the Services and PersistentVolumeClaims the syncer copies
to the host.

Replicas as the controllers create pods: ``spec.replicas`` (default 1) for Deployments, StatefulSets,
ReplicaSets and ReplicationControllers; ``min(parallelism, completions)`` for a Job (each default 1) and a
CronJob's job; one pod per node for a DaemonSet; one for a Pod; none for a PodTemplate (it creates none).
A StatefulSet creates each ``volumeClaimTemplates`` entry per replica; a pod's ``ephemeral`` volumes
create one claim each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.admission.host import ClaimShape, ServiceShape
from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.pss.workloads import PodTarget

NODE_KINDS = frozenset({"DaemonSet"})


def _count(value: Any, default: int) -> int | None:
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _spec(document: Mapping[str, Any], target: PodTarget) -> Mapping[str, Any]:
    node: Any = document
    for key in target.object_path:
        node = node[key]
    spec = node.get("spec") if isinstance(node, dict) else None
    return spec if isinstance(spec, dict) else {}


def replicas(document: Mapping[str, Any], target: PodTarget, nodes: int) -> tuple[int, KeyPath]:
    """(pods the workload keeps running, the field that says so); an unreadable count is taken as 1."""
    spec = _spec(document, target)
    base = (*target.object_path, "spec")
    if target.kind == "Pod":
        return 1, (*target.object_path, "kind")
    if target.kind == "PodTemplate":
        return 0, (*target.object_path, "kind")
    if target.kind in NODE_KINDS:
        return nodes, (*target.object_path, "kind")
    if target.kind in ("Job", "CronJob"):
        job: Mapping[str, Any] = spec
        if target.kind == "CronJob":
            template = spec.get("jobTemplate")
            inner = template.get("spec") if isinstance(template, dict) else None
            job = inner if isinstance(inner, dict) else {}
            base = (*base, "jobTemplate", "spec")
        parallelism = _count(job.get("parallelism"), 1)
        completions = _count(job.get("completions"), parallelism or 1)
        found = min(parallelism if parallelism is not None else 1, completions or 1)
        return found, (*base, "parallelism")
    count = _count(spec.get("replicas"), 1)
    return (1 if count is None else count), (*base, "replicas")


def _storage(resources: Any) -> Quantity | None:
    requests = resources.get("requests") if isinstance(resources, dict) else None
    value = requests.get("storage") if isinstance(requests, dict) else None
    if value is None:
        return None
    try:
        return Quantity.parse(value)
    except QuantityError:
        return None


def claim_shape(spec: Any, annotations: Any = None) -> ClaimShape:
    """A claim from a PVC spec (``storageClassName``, or the beta annotation)."""
    spec = spec if isinstance(spec, dict) else {}
    storage_class = spec.get("storageClassName")
    if not isinstance(storage_class, str) and isinstance(annotations, dict):
        storage_class = annotations.get("volume.beta.kubernetes.io/storage-class")
    return ClaimShape(
        _storage(spec.get("resources")), storage_class if isinstance(storage_class, str) else ""
    )


def pod_claims(document: Mapping[str, Any], target: PodTarget) -> list[tuple[ClaimShape, KeyPath]]:
    """The claims each pod of the workload brings: StatefulSet templates, then ephemeral volumes."""
    found: list[tuple[ClaimShape, KeyPath]] = []
    if target.kind == "StatefulSet":
        templates = _spec(document, target).get("volumeClaimTemplates")
        for index, template in enumerate(templates if isinstance(templates, list) else ()):
            if isinstance(template, dict):
                metadata = template.get("metadata")
                annotations = metadata.get("annotations") if isinstance(metadata, dict) else None
                path = (*target.object_path, "spec", "volumeClaimTemplates", index)
                found.append((claim_shape(template.get("spec"), annotations), path))
    volumes = target.spec.get("volumes")
    for index, volume in enumerate(volumes if isinstance(volumes, list) else ()):
        ephemeral = volume.get("ephemeral") if isinstance(volume, dict) else None
        template = ephemeral.get("volumeClaimTemplate") if isinstance(ephemeral, dict) else None
        if isinstance(template, dict):
            path = (*target.pod_path, "spec", "volumes", index, "ephemeral")
            found.append((claim_shape(template.get("spec")), path))
    return found


def service_shape(document: Mapping[str, Any]) -> ServiceShape:
    """A Service as the quota evaluator reads it."""
    spec = document.get("spec")
    spec = spec if isinstance(spec, dict) else {}
    kind = spec.get("type")
    ports = spec.get("ports")
    ports = [p for p in ports if isinstance(p, dict)] if isinstance(ports, list) else []
    allocate = spec.get("allocateLoadBalancerNodePorts")
    return ServiceShape(
        kind if isinstance(kind, str) and kind else "ClusterIP",
        len(ports),
        sum(1 for p in ports if p.get("nodePort")),
        allocate is not False,
    )
