"""Find the pods in Kubernetes objects: a Pod, or the pod template of a workload kind, or the items of a List.

The kinds are those whose pods vcluster's syncer will create (and evaluate): Pod, PodTemplate,
ReplicationController, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job and CronJob.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath

# kind -> (API groups it is served from, path of the pod (metadata + spec) inside the object)
WORKLOAD_KINDS: Mapping[str, tuple[frozenset[str], KeyPath]] = {
    "Pod": (frozenset({""}), ()),
    "PodTemplate": (frozenset({""}), ("template",)),
    "ReplicationController": (frozenset({""}), ("spec", "template")),
    "Deployment": (frozenset({"apps", "extensions"}), ("spec", "template")),
    "StatefulSet": (frozenset({"apps"}), ("spec", "template")),
    "DaemonSet": (frozenset({"apps", "extensions"}), ("spec", "template")),
    "ReplicaSet": (frozenset({"apps", "extensions"}), ("spec", "template")),
    "Job": (frozenset({"batch"}), ("spec", "template")),
    "CronJob": (frozenset({"batch"}), ("spec", "jobTemplate", "spec", "template")),
}


@record
class PodTarget:
    """One pod to evaluate.

    Attributes:
        kind: kind of the object that holds it (``Deployment``).
        name: ``metadata.name`` of that object (or its ``generateName``, or ``""``).
        metadata: the pod metadata (a template's ``metadata``), or None.
        spec: the pod spec.
        object_path: where the object sits in the document (``()``, or ``("items", 2)`` in a List).
        pod_path: where the pod's ``metadata``/``spec`` live in the document (``("spec", "template")``).
    """

    kind: str
    name: str
    metadata: Mapping[str, Any] | None
    spec: Mapping[str, Any]
    object_path: KeyPath
    pod_path: KeyPath

    @property
    def label(self) -> str:
        """``Deployment web`` (``Deployment`` when it has no name)."""
        return f"{self.kind} {self.name}" if self.name else self.kind


@record
class SkippedObject:
    """An object that holds no pod to evaluate, and why."""

    kind: str
    name: str
    reason: str
    object_path: KeyPath


def _name(obj: Mapping[str, Any]) -> str:
    metadata = obj.get("metadata")
    if not isinstance(metadata, dict):
        return ""
    for key in ("name", "generateName"):
        value = metadata.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def _group(api_version: object) -> str | None:
    if not isinstance(api_version, str):
        return None
    return api_version.rpartition("/")[0] if "/" in api_version else ""


def _walk(obj: Mapping[str, Any], path: KeyPath) -> Any:
    node: Any = obj
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def find_pods(document: object, *, object_path: KeyPath = ()) -> tuple[list[PodTarget], list[SkippedObject]]:
    """The pods in one YAML document.

    Args:
        document: one parsed YAML document (plain data). ``None`` (an empty document) holds nothing.
        object_path: where ``document`` sits (used when recursing into List items).

    Returns:
        The pods to evaluate and the objects skipped (with the reason), both in document order.
    """
    if document is None:
        return [], []
    if not isinstance(document, dict):
        return [], [SkippedObject("", "", "not a Kubernetes object (a mapping with a kind)", object_path)]
    kind = document.get("kind")
    kind = kind if isinstance(kind, str) else ""
    name = _name(document)
    items = document.get("items")
    if kind.endswith("List") and isinstance(items, list):
        targets: list[PodTarget] = []
        skipped: list[SkippedObject] = []
        for i, item in enumerate(items):
            found, passed = find_pods(item, object_path=(*object_path, "items", i))
            targets.extend(found)
            skipped.extend(passed)
        return targets, skipped
    entry = WORKLOAD_KINDS.get(kind)
    if entry is None:
        reason = f"kind {kind} has no pod template" if kind else "no kind"
        return [], [SkippedObject(kind, name, reason, object_path)]
    groups, pod_path = entry
    group = _group(document.get("apiVersion"))
    if group is not None and group not in groups:
        reason = f"apiVersion {document['apiVersion']} is not the Kubernetes {kind}"
        return [], [SkippedObject(kind, name, reason, object_path)]
    pod = _walk(document, pod_path)
    spec = pod.get("spec") if isinstance(pod, dict) else None
    if not isinstance(spec, dict):
        return [], [SkippedObject(kind, name, "no pod spec", object_path)]
    metadata = pod.get("metadata") if isinstance(pod, dict) else None
    target = PodTarget(
        kind,
        name,
        metadata if isinstance(metadata, dict) else None,
        spec,
        object_path,
        (*object_path, *pod_path),
    )
    return [target], []
