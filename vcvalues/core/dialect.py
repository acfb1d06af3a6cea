"""Legacy (isolation.*, charts 0.15-0.19) versus modern (policies.*, vcluster.yaml 0.20+) values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vcvalues.core.diagnostics import KeyPath

# Top-level keys only the 0.20+ vcluster.yaml has (and where their legacy counterpart lives).
MODERN_ONLY = {
    "controlPlane": "the distro sections (vcluster, syncer, k3s/k8s/etcd) and service",
    "policies": "isolation",
    "exportKubeConfig": "syncer.kubeConfigContextName and syncer.extraArgs",
    "experimental": "the individual legacy keys",
    "deploy": "the individual legacy keys",
    "integrations": "the individual legacy keys",
    "networking": "syncer.extraArgs and coredns",
    "external": "the individual legacy keys",
    "plugins": "plugin",
    "logging": "syncer.extraArgs",
    "privateNodes": "nothing: private nodes need 0.27+",
    "sleep": "nothing: sleep mode is a 0.20+ feature",
    "snapshots": "nothing: snapshots are a 0.20+ feature",
    "deletion": "the individual legacy keys",
    "platform": "nothing: the platform integration is a 0.20+ feature",
}
# Keys of the legacy charts that 0.20+ does not read.
LEGACY_ONLY = (
    "isolation",
    "syncer",
    "vcluster",
    "k3sToken",
    "securityContext",
    "podSecurityContext",
    "fsGroup",
)


def modern_keys_in_legacy(values: dict[str, Any], known: frozenset[str]) -> Iterator[tuple[KeyPath, str]]:
    """0.20+ keys in values for a legacy chart: (path, where the legacy chart takes it instead)."""
    for key, legacy in MODERN_ONLY.items():
        if key in values and key not in known:
            yield (key,), legacy
    sync = values.get("sync")
    if isinstance(sync, dict):
        for key in ("toHost", "fromHost"):
            if key in sync:
                yield ("sync", key), "sync.<resource>.enabled"


def legacy_keys(values: dict[str, Any]) -> Iterator[KeyPath]:
    """Legacy-only keys present in values meant for a 0.20+ chart."""
    for key in LEGACY_ONLY:
        if key in values:
            yield (key,)
