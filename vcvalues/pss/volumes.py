"""Checks on volumes: hostPath (baseline) and the restricted volume types.

Mirrors policy/check_hostPathVolumes.go and check_restrictedVolumes.go of
k8s.io/pod-security-admission v0.35.0.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath
from vcvalues.pss._base import Check, CheckResult, Pod, VersionedCheck, as_str, join_quote, pluralize

# Inline volume sources the restricted level allows.
ALLOWED_SOURCES = frozenset(
    (
        "configMap",
        "csi",
        "downwardAPI",
        "emptyDir",
        "ephemeral",
        "image",
        "persistentVolumeClaim",
        "projected",
        "secret",
    )
)

# The other sources of core/v1 VolumeSource, in the order upstream names the first one a volume sets.
RESTRICTED_SOURCES = (
    "hostPath",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "nfs",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "vsphereVolume",
    "quobyte",
    "azureDisk",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos",
)
_RESTRICTED_SET = frozenset(RESTRICTED_SOURCES)


def _volumes(pod: Pod) -> list[tuple[int, dict[str, Any]]]:
    items = pod.spec.get("volumes")
    if not items or not isinstance(items, list):
        return []
    return [(i, volume) for i, volume in enumerate(items) if isinstance(volume, dict)]


def _volume_phrase(names: list[str]) -> str:
    return f"{pluralize('volume', 'volumes', len(names))} {join_quote(names)}"


def host_path_volumes(pod: Pod) -> CheckResult | None:
    """No hostPath volumes (baseline, v1.0+)."""
    bad = [(i, volume) for i, volume in _volumes(pod) if volume.get("hostPath") is not None]
    if not bad:
        return None
    names = [as_str(volume.get("name")) for _, volume in bad]
    paths: tuple[KeyPath, ...] = tuple(("spec", "volumes", i) for i, _ in bad)
    return CheckResult("hostPathVolumes", "hostPath volumes", _volume_phrase(names), paths)


def _restricted_type(volume: dict[str, Any], *, defaults: bool) -> str | None:
    """The restricted type a volume uses, or None when it is allowed."""
    # A volume has a name and (normally) one source: scan its keys rather than every known source.
    restricted = False
    for key, value in volume.items():
        if value is not None:
            if key in ALLOWED_SOURCES:
                return None
            restricted = restricted or key in _RESTRICTED_SET
    if restricted:
        return next(key for key in RESTRICTED_SOURCES if volume.get(key) is not None)
    # No source at all: the API server makes it an emptyDir (SetDefaults_Volume).
    return None if defaults else "unknown"


def restricted_volumes(pod: Pod) -> CheckResult | None:
    """Only the inline volume sources in ALLOWED_SOURCES (restricted, v1.0+)."""
    names: list[str] = []
    types: set[str] = set()
    paths: list[KeyPath] = []
    items = pod.spec.get("volumes")
    if not items or not isinstance(items, list):
        return None
    for i, volume in enumerate(items):
        if not isinstance(volume, dict):
            continue
        kind = _restricted_type(volume, defaults=pod.defaults)
        if kind is not None:
            names.append(as_str(volume.get("name")))
            types.add(kind)
            paths.append(("spec", "volumes", i))
    if not names:
        return None
    detail = (
        f"{_volume_phrase(names)} {pluralize('uses', 'use', len(names))} "
        f"{pluralize('restricted volume type', 'restricted volume types', len(types))} "
        f"{join_quote(sorted(types))}"
    )
    return CheckResult("restrictedVolumes", "restricted volume types", detail, tuple(paths))


CHECKS = (
    Check("hostPathVolumes", "baseline", (VersionedCheck(0, host_path_volumes),)),
    Check(
        "restrictedVolumes",
        "restricted",
        (VersionedCheck(0, restricted_volumes, overrides=("hostPathVolumes",)),),
    ),
)
