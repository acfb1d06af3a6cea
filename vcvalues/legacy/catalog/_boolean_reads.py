"""Boolean defaults that no legacy template tests for truth, and how the chart reads them instead.

``string-boolean`` warns about ``"false"`` where the chart's ``{{ if }}`` (``and``, ``or``, ``not``,
``$val.enabled``) would read any non-empty string as true. Found by reading every use of each boolean
default of charts/<distro>/values.yaml in charts/<distro>/templates/ at every tag 0.15.0 - 0.19.10; the
keys below are never tested for truth, so a quoted boolean means something else there (a test re-derives
this list from the templates).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_K8S_FIELD = (
    "rendered into the pod spec with toYaml: Kubernetes wants a boolean (the schema check reports it)"
)

# dotted path -> how the chart reads it
NOT_TRUTH_TESTED: Mapping[str, str] = MappingProxyType(
    {
        # syncer.yaml: `value: {{ .Values.telemetry | toJson | quote }}`; the syncer decodes the JSON into
        # a config whose `disabled` is a StrBool, which takes "true" as true.
        "telemetry.disabled": 'passed to the syncer as JSON, where "true" and true mean the same',
        "securityContext.allowPrivilegeEscalation": _K8S_FIELD,
        "syncer.securityContext.allowPrivilegeEscalation": _K8S_FIELD,
        "syncer.podSecurityContext.allowPrivilegeEscalation": _K8S_FIELD,
        "job.securityContext.allowPrivilegeEscalation": _K8S_FIELD,
        "job.securityContext.readOnlyRootFilesystem": _K8S_FIELD,
        "job.securityContext.runAsNonRoot": _K8S_FIELD,
        # k8s/eks values.yaml carry it under etcd, the templates read the top-level key only
        "etcd.autoDeletePersistentVolumeClaims": "read by no template (they read the top-level key)",
    }
)
