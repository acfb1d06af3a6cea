"""Keys the legacy charts' templates read that have no default in values.yaml, and which maps are open.

Found by reading every ``.Values.*`` reference (and ``index .Values ...``) in ``charts/<distro>/templates/``
at each tag 0.15.0 - 0.19.10 and keeping the paths that the same tag's values.yaml does not define: keys
only commented out in values.yaml (``syncer.image``, ``serviceAccount.name``, ``storage.className``...),
keys kept for backwards compatibility (top-level ``replicas``/``storage`` after 0.19.0 moved them under
``syncer``), and plain template knobs (``syncer.workingDir``, ``fsGroup``, ``serviceCIDR``...).
"""

from __future__ import annotations

from typing import NamedTuple

from vcvalues.legacy.catalog.keys import KeyKind

LEAF = KeyKind.LEAF
MAP = KeyKind.MAP
OPEN = KeyKind.OPEN


class TemplateKey(NamedTuple):
    """A key a template reads without a default: for ``distros`` (space-separated), ``since``..``until``."""

    distros: str
    path: str
    kind: KeyKind
    since: tuple[int, int, int]
    until: tuple[int, int, int] | None  # last release that reads it; None: still read by 0.19.10
    templates: tuple[str, ...]  # files under charts/<distro>/templates/ that read it


# Children of securityContext (runAsUser, runAsNonRoot read by 0.15.x templates) are not listed:
# securityContext is open (a Kubernetes type the typed model checks).
TEMPLATE_KEYS: tuple[TemplateKey, ...] = (
    TemplateKey("k8s eks", "annotations", OPEN, (0, 15, 0), (0, 15, 2), ("daemonset-hostpath-mapper.yaml",)),
    TemplateKey(
        "k8s eks",
        "api.disabled",
        LEAF,
        (0, 15, 0),
        None,
        ("api-deployment.yaml", "api-service.yaml", "syncer.yaml"),
    ),
    TemplateKey("k8s eks", "api.env", LEAF, (0, 15, 0), (0, 18, 1), ("api-deployment.yaml",)),
    TemplateKey(
        "k8s eks", "api.topologySpreadConstraints", LEAF, (0, 15, 0), (0, 18, 1), ("api-deployment.yaml",)
    ),
    TemplateKey("k8s eks", "api.volumeMounts", LEAF, (0, 15, 0), (0, 18, 1), ("api-deployment.yaml",)),
    TemplateKey("k8s eks", "api.volumes", LEAF, (0, 15, 0), (0, 18, 1), ("api-deployment.yaml",)),
    TemplateKey(
        "k8s eks",
        "autoDeletePersistentVolumeClaims",
        LEAF,
        (0, 17, 0),
        None,
        ("_kind.tpl", "etcd-statefulset.yaml"),
    ),
    TemplateKey("k0s", "config", LEAF, (0, 15, 0), None, ("secret.yaml",)),
    TemplateKey(
        "k8s eks",
        "controller.disabled",
        LEAF,
        (0, 15, 0),
        None,
        ("controller-deployment.yaml", "syncer.yaml"),
    ),
    TemplateKey("k8s eks", "controller.env", LEAF, (0, 15, 0), (0, 18, 1), ("controller-deployment.yaml",)),
    TemplateKey(
        "k8s eks",
        "controller.extraArgs",
        LEAF,
        (0, 15, 0),
        None,
        ("controller-deployment.yaml", "syncer.yaml"),
    ),
    TemplateKey(
        "k8s eks",
        "controller.topologySpreadConstraints",
        LEAF,
        (0, 15, 0),
        (0, 18, 1),
        ("controller-deployment.yaml",),
    ),
    TemplateKey(
        "k8s eks", "controller.volumeMounts", LEAF, (0, 15, 0), (0, 18, 1), ("controller-deployment.yaml",)
    ),
    TemplateKey(
        "k8s eks", "controller.volumes", LEAF, (0, 15, 0), (0, 18, 1), ("controller-deployment.yaml",)
    ),
    TemplateKey(
        "k3s k0s k8s",
        "coredns.config",
        LEAF,
        (0, 15, 0),
        None,
        ("_coredns.tpl", "_helpers.tpl", "coredns.yaml"),
    ),
    TemplateKey("eks", "coredns.config", LEAF, (0, 15, 3), None, ("_coredns.tpl", "_helpers.tpl")),
    TemplateKey("k3s k0s k8s", "coredns.image", LEAF, (0, 15, 0), None, ("coredns.yaml",)),
    TemplateKey("k3s k0s k8s eks", "coredns.manifests", LEAF, (0, 15, 0), None, ("coredns.yaml",)),
    TemplateKey("k3s k0s k8s eks", "coredns.nodeSelector", OPEN, (0, 16, 0), None, ("coredns.yaml",)),
    TemplateKey("eks", "coredns.service.externalIPs", LEAF, (0, 16, 0), None, ("integrated-coredns.yaml",)),
    TemplateKey(
        "eks", "coredns.service.externalTrafficPolicy", LEAF, (0, 16, 0), None, ("integrated-coredns.yaml",)
    ),
    TemplateKey("eks", "coredns.service.type", LEAF, (0, 16, 0), None, ("integrated-coredns.yaml",)),
    TemplateKey("k0s", "enableHA", LEAF, (0, 15, 0), (0, 18, 1), ("rbac/role.yaml",)),
    TemplateKey(
        "k8s eks",
        "etcd.disabled",
        LEAF,
        (0, 15, 0),
        None,
        ("etcd-service.yaml", "etcd-statefulset-service.yaml", "etcd-statefulset.yaml"),
    ),
    TemplateKey("k8s eks", "etcd.env", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey("k8s eks", "etcd.extraArgs", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey("k8s eks", "etcd.fsGroup", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey("k8s eks", "etcd.storage.className", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey(
        "k8s eks", "etcd.topologySpreadConstraints", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)
    ),
    TemplateKey("k8s eks", "etcd.volumeClaimTemplates", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey("k8s eks", "etcd.volumeMounts", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey("k8s eks", "etcd.volumes", LEAF, (0, 15, 0), None, ("etcd-statefulset.yaml",)),
    TemplateKey("k3s k0s", "fsGroup", LEAF, (0, 15, 0), None, ("statefulset.yaml", "syncer.yaml")),
    TemplateKey("k3s k0s k8s eks", "fullnameOverride", LEAF, (0, 15, 0), None, ("_helpers.tpl",)),
    TemplateKey(
        "k3s k0s k8s eks",
        "hostpathMapper.dev",
        LEAF,
        (0, 15, 0),
        (0, 15, 2),
        ("daemonset-hostpath-mapper.yaml",),
    ),
    TemplateKey(
        "k3s k0s k8s eks",
        "hostpathMapper.image",
        LEAF,
        (0, 15, 0),
        (0, 15, 2),
        ("daemonset-hostpath-mapper.yaml",),
    ),
    TemplateKey("k8s eks", "labels", OPEN, (0, 15, 0), (0, 15, 2), ("daemonset-hostpath-mapper.yaml",)),
    TemplateKey("k3s k0s k8s eks", "nameOverride", LEAF, (0, 15, 0), None, ("_helpers.tpl",)),
    TemplateKey("k3s", "noopSyncer.secret", LEAF, (0, 16, 0), None, ("statefulset.yaml", "syncer.yaml")),
    TemplateKey("k3s", "podDisruptionBudget.maxUnavailable", LEAF, (0, 15, 0), (0, 16, 4), ("pdb.yaml",)),
    TemplateKey("k3s k0s", "replicas", LEAF, (0, 19, 0), None, ("_migrate.tpl",)),
    TemplateKey("k8s", "scheduler.disabled", LEAF, (0, 15, 0), (0, 18, 1), ("scheduler-deployment.yaml",)),
    TemplateKey("k8s", "scheduler.env", LEAF, (0, 15, 0), (0, 18, 1), ("scheduler-deployment.yaml",)),
    TemplateKey(
        "k8s", "scheduler.extraArgs", LEAF, (0, 15, 0), None, ("scheduler-deployment.yaml", "syncer.yaml")
    ),
    TemplateKey(
        "k8s", "scheduler.securityContext", OPEN, (0, 15, 0), (0, 18, 1), ("scheduler-deployment.yaml",)
    ),
    TemplateKey(
        "k8s",
        "scheduler.topologySpreadConstraints",
        LEAF,
        (0, 15, 0),
        (0, 18, 1),
        ("scheduler-deployment.yaml",),
    ),
    TemplateKey(
        "k8s", "scheduler.volumeMounts", LEAF, (0, 15, 0), (0, 18, 1), ("scheduler-deployment.yaml",)
    ),
    TemplateKey("k8s", "scheduler.volumes", LEAF, (0, 15, 0), (0, 18, 1), ("scheduler-deployment.yaml",)),
    TemplateKey("k3s", "serverToken.secretKeyRef.key", LEAF, (0, 15, 0), (0, 16, 4), ("_k3s_helpers.tpl",)),
    TemplateKey("k3s", "serverToken.secretKeyRef.name", LEAF, (0, 15, 0), (0, 16, 4), ("_k3s_helpers.tpl",)),
    TemplateKey("k3s k0s k8s eks", "service.httpsNodePort", LEAF, (0, 19, 0), None, ("service.yaml",)),
    TemplateKey("k3s k0s k8s eks", "service.kubeletNodePort", LEAF, (0, 19, 0), None, ("service.yaml",)),
    TemplateKey(
        "k3s k0s k8s eks",
        "serviceAccount.imagePullSecrets",
        LEAF,
        (0, 15, 0),
        None,
        ("pre-install-hook-job-serviceaccount.yaml", "serviceaccount.yaml", "workloadserviceaccount.yaml"),
    ),
    TemplateKey(
        "k3s k0s k8s eks",
        "serviceAccount.name",
        LEAF,
        (0, 15, 0),
        None,
        (
            "api-deployment.yaml",
            "controller-deployment.yaml",
            "daemonset-hostpath-mapper.yaml",
            "etcd-statefulset.yaml",
            "rbac/clusterrolebinding.yaml",
            "rbac/rolebinding.yaml",
            "scheduler-deployment.yaml",
            "statefulset.yaml",
            "syncer-deployment.yaml",
            "syncer.yaml",
        ),
    ),
    TemplateKey("k3s", "serviceCIDR", LEAF, (0, 15, 0), (0, 16, 4), ("statefulset.yaml",)),
    TemplateKey(
        "k8s eks",
        "serviceCIDR",
        LEAF,
        (0, 15, 0),
        (0, 18, 1),
        ("api-deployment.yaml", "controller-deployment.yaml", "pre-install-hook-job.yaml"),
    ),
    TemplateKey("k0s", "serviceCIDR", LEAF, (0, 15, 0), None, ("secret.yaml",)),
    TemplateKey("k3s k0s", "storage", MAP, (0, 19, 0), None, ("_storage.tpl",)),
    TemplateKey("k3s k0s", "storage.className", LEAF, (0, 15, 0), None, ("_storage.tpl", "statefulset.yaml")),
    TemplateKey("k3s k0s", "storage.persistence", LEAF, (0, 19, 0), None, ("_storage.tpl",)),
    TemplateKey("k3s k0s", "storage.size", LEAF, (0, 19, 0), None, ("_storage.tpl",)),
    TemplateKey("k3s k0s k8s eks", "sync.generic.clusterRole", MAP, (0, 15, 0), None, ("_helpers.tpl",)),
    TemplateKey(
        "k3s k0s k8s eks", "sync.generic.clusterRole.extraRules", LEAF, (0, 15, 0), None, ("_helpers.tpl",)
    ),
    TemplateKey("k3s k0s k8s eks", "sync.generic.role", MAP, (0, 15, 0), None, ("_helpers.tpl",)),
    TemplateKey("k3s k0s k8s eks", "sync.generic.role.extraRules", LEAF, (0, 15, 0), None, ("_helpers.tpl",)),
    TemplateKey(
        "k3s k0s k8s eks",
        "sync.legacy-storageclasses",
        MAP,
        (0, 15, 0),
        None,
        ("_helpers.tpl", "rbac/clusterrole.yaml"),
    ),
    TemplateKey(
        "eks", "sync.nodes.enableScheduler", LEAF, (0, 15, 0), None, ("_helpers.tpl", "rbac/clusterrole.yaml")
    ),
    TemplateKey(
        "k3s k0s k8s eks",
        "syncer.command",
        LEAF,
        (0, 15, 0),
        None,
        ("statefulset.yaml", "syncer-deployment.yaml", "syncer.yaml"),
    ),
    TemplateKey("k3s k0s", "syncer.disabled", LEAF, (0, 15, 0), None, ("statefulset.yaml", "syncer.yaml")),
    TemplateKey(
        "k3s k0s k8s eks",
        "syncer.image",
        LEAF,
        (0, 15, 0),
        None,
        ("pre-install-hook-job.yaml", "statefulset.yaml", "syncer-deployment.yaml", "syncer.yaml"),
    ),
    TemplateKey(
        "k3s k0s k8s eks",
        "syncer.noArgs",
        LEAF,
        (0, 15, 0),
        (0, 18, 1),
        ("statefulset.yaml", "syncer-deployment.yaml"),
    ),
    TemplateKey(
        "k3s k0s k8s eks", "syncer.storage.className", LEAF, (0, 19, 0), None, ("_kind.tpl", "_storage.tpl")
    ),
    TemplateKey(
        "k8s eks",
        "syncer.topologySpreadConstraints",
        LEAF,
        (0, 15, 0),
        None,
        ("syncer-deployment.yaml", "syncer.yaml"),
    ),
    TemplateKey("k3s k0s", "syncer.volumes", LEAF, (0, 19, 0), None, ("syncer.yaml",)),
    TemplateKey(
        "k3s k0s k8s eks",
        "syncer.workingDir",
        LEAF,
        (0, 15, 0),
        None,
        ("daemonset-hostpath-mapper.yaml", "statefulset.yaml", "syncer-deployment.yaml", "syncer.yaml"),
    ),
    TemplateKey("k0s", "vcluster.clusterDomain", LEAF, (0, 15, 0), None, ("coredns.yaml", "secret.yaml")),
    TemplateKey("k0s", "vcluster.disabled", LEAF, (0, 15, 0), (0, 17, 1), ("statefulset.yaml",)),
    TemplateKey("k3s", "vcluster.disabled", LEAF, (0, 15, 0), None, ("statefulset.yaml", "syncer.yaml")),
    TemplateKey("k0s", "vcluster.volumeMounts", LEAF, (0, 18, 0), None, ("statefulset.yaml", "syncer.yaml")),
    TemplateKey(
        "k3s k0s", "volumeClaimTemplates", LEAF, (0, 15, 0), None, ("statefulset.yaml", "syncer.yaml")
    ),
    TemplateKey("k8s eks", "volumeClaimTemplates", LEAF, (0, 19, 0), None, ("_kind.tpl",)),
    TemplateKey("k8s eks", "volumes", LEAF, (0, 15, 0), (0, 19, 6), ("etcd-statefulset.yaml", "syncer.yaml")),
)

# Maps whose keys the user chooses, or that hold a Kubernetes type passed through with toYaml: nothing
# under them is the chart's to define. Applied to every map (default or template key) of that name.
OPEN_NAMES: frozenset[str] = frozenset(
    {
        "annotations",  # metadata.annotations of a workload or service (toYaml)
        "labels",
        "podAnnotations",
        "podLabels",  # range $k, $v := .Values.podLabels
        "globalAnnotations",  # merged into every object's annotations
        "serviceAnnotations",
        "loadBalancerAnnotations",
        "nodeSelector",  # a map only where the default is one (sync.nodes.nodeSelector is a string)
        "affinity",  # Kubernetes Affinity
        "securityContext",  # Kubernetes SecurityContext / PodSecurityContext: checked by the typed model
        "podSecurityContext",
    }
)

# Open maps found by path (user-chosen keys).
OPEN_PATHS: frozenset[str] = frozenset(
    {
        "plugin",  # range $key, $container := .Values.plugin (plugin name -> its container spec)
        "isolation.resourceQuota.quota",  # range $key, $val := ...quota (resourcequota.yaml)
        "isolation.limitRange.default",  # range $key, $val := ... (limitrange.yaml)
        "isolation.limitRange.defaultRequest",
        # range $type, $value := ...reservedResources -> --reserved-resource-<type> (syncer.yaml, 0.19.10);
        # the keys are checked against the syncer's flags by the reserved-resource-flag rule
        "sync.nodes.reservedResources",
    }
)

# A ``resources`` map is a Kubernetes ResourceRequirements (toYaml): these keys, limits/requests open.
RESOURCES_KEYS: dict[str, KeyKind] = {"limits": OPEN, "requests": OPEN, "claims": LEAF}

# sync.<name>.enabled becomes --sync=<name> / --sync=-<name> (_helpers.tpl "vcluster.syncer.syncArgs": range
# over .Values.sync reading $val.enabled). The syncer accepts these names, the same at every tag 0.15.0 -
# 0.19.10 (cmd/vcluster/context/enable_controllers.go, pkg/setup/options/enable_controllers.go,
# pkg/constants/controllers.go ExistingControllers); legacy-storageclasses is mapped to hoststorageclasses
# by the chart.
SYNC_CONTROLLERS: tuple[str, ...] = (
    "services",
    "configmaps",
    "secrets",
    "endpoints",
    "pods",
    "events",
    "fake-nodes",
    "fake-persistentvolumes",
    "persistentvolumeclaims",
    "ingresses",
    "ingressclasses",
    "nodes",
    "persistentvolumes",
    "storageclasses",
    "hoststorageclasses",
    "priorityclasses",
    "networkpolicies",
    "volumesnapshots",
    "poddisruptionbudgets",
    "serviceaccounts",
    "csinodes",
    "csidrivers",
    "csistoragecapacities",
    "namespaces",
    "legacy-storageclasses",
)
