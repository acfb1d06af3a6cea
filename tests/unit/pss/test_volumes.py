from __future__ import annotations

from tests.unit.pss._helpers import check

ALL_VOLUMES = """
spec:
  containers: [{name: a}]
  volumes:
  - {name: a1, emptyDir: {}}
  - {name: a2, secret: {}}
  - {name: a3, persistentVolumeClaim: {}}
  - {name: a4, downwardAPI: {}}
  - {name: a5, configMap: {}}
  - {name: a6, projected: {}}
  - {name: a7, csi: {}}
  - {name: a8, ephemeral: {}}
  - {name: a9, image: {}}
  - {name: b1, hostPath: {}}
  - {name: b2, gcePersistentDisk: {}}
  - {name: b3, awsElasticBlockStore: {}}
  - {name: b4, gitRepo: {}}
  - {name: b5, nfs: {}}
  - {name: b6, iscsi: {}}
  - {name: b7, glusterfs: {}}
  - {name: b8, rbd: {}}
  - {name: b9, flexVolume: {}}
  - {name: b10, cinder: {}}
  - {name: b11, cephfs: {}}
  - {name: b12, flocker: {}}
  - {name: b13, fc: {}}
  - {name: b14, azureFile: {}}
  - {name: b15, vsphereVolume: {}}
  - {name: b16, quobyte: {}}
  - {name: b17, azureDisk: {}}
  - {name: b18, photonPersistentDisk: {}}
  - {name: b19, portworxVolume: {}}
  - {name: b20, scaleIO: {}}
  - {name: b21, storageos: {}}
  - {name: c1}
"""

RESTRICTED_NAMES = ", ".join(f'"b{i}"' for i in range(1, 22))
RESTRICTED_TYPES = (
    '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", '
    '"gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "iscsi", "nfs", "photonPersistentDisk", '
    '"portworxVolume", "quobyte", "rbd", "scaleIO", "storageos"'
)  # "unknown" and "vsphereVolume" sort after these


def test_restricted_volumes_without_defaulting_reports_unknown():
    result = check(ALL_VOLUMES, "restrictedVolumes", apply_defaults=False)
    assert result is not None
    assert result.reason == "restricted volume types"
    assert result.detail == (
        f'volumes {RESTRICTED_NAMES}, "c1" use restricted volume types '
        f'{RESTRICTED_TYPES}, "unknown", "vsphereVolume"'
    )


def test_volume_without_source_is_an_empty_dir_once_defaulted():
    result = check(ALL_VOLUMES, "restrictedVolumes")
    assert result is not None
    assert (
        result.detail
        == f'volumes {RESTRICTED_NAMES} use restricted volume types {RESTRICTED_TYPES}, "vsphereVolume"'
    )
    assert result.paths[0] == ("spec", "volumes", 9)
    assert check("spec: {containers: [{name: a}], volumes: [{name: v}]}", "restrictedVolumes") is None


def test_null_source_counts_as_unset_and_first_restricted_type_names_the_volume():
    result = check(
        "spec: {volumes: [{name: v, configMap: null, nfs: {}, hostPath: {}}]}", "restrictedVolumes"
    )
    assert result is not None
    assert result.detail == 'volume "v" uses restricted volume type "hostPath"'


def test_host_path_volumes_baseline():
    result = check(
        "spec: {volumes: [{name: a, hostPath: {path: /}}, {name: b, emptyDir: {}}, {name: c, hostPath: {}}]}",
        "hostPathVolumes",
        level="baseline",
    )
    assert result is not None
    assert result.text == 'hostPath volumes (volumes "a", "c")'
    assert result.paths == (("spec", "volumes", 0), ("spec", "volumes", 2))
    # restrictedVolumes overrides hostPathVolumes at the restricted level
    assert check("spec: {volumes: [{name: a, hostPath: {}}]}", "hostPathVolumes") is None
