"""Default values of the legacy ``k8s`` chart: charts/k8s/values.yaml of loft-sh/vcluster, 0.15.0 - 0.19.10.

Stated as data: ``BASE`` is the file at v0.15.0 as Helm reads it (go-yaml v2, key order kept), and
``HISTORY`` lists, per release that changed the file, the edits that turn the previous release's
values into that release's. Releases not listed did not change the file.
"""

from __future__ import annotations

from typing import Any

from vcvalues.legacy.catalog._tree import Add, Change, Drop, History

# charts/k8s/values.yaml @ v0.15.0
BASE: dict[str, Any] = {
    "defaultImageRegistry": "",
    "globalAnnotations": {},
    "enableHA": False,
    "plugin": {},
    "sync": {
        "services": {"enabled": True},
        "configmaps": {"enabled": True, "all": False},
        "secrets": {"enabled": True, "all": False},
        "endpoints": {"enabled": True},
        "pods": {"enabled": True, "ephemeralContainers": False, "status": False},
        "events": {"enabled": True},
        "persistentvolumeclaims": {"enabled": True},
        "ingresses": {"enabled": False},
        "ingressclasses": {},
        "fake-nodes": {"enabled": True},
        "fake-persistentvolumes": {"enabled": True},
        "nodes": {
            "fakeKubeletIPs": True,
            "enabled": False,
            "syncAllNodes": False,
            "nodeSelector": "",
            "enableScheduler": False,
            "syncNodeChanges": False,
        },
        "persistentvolumes": {"enabled": False},
        "storageclasses": {"enabled": False},
        "hoststorageclasses": {"enabled": False},
        "priorityclasses": {"enabled": False},
        "networkpolicies": {"enabled": False},
        "volumesnapshots": {"enabled": False},
        "poddisruptionbudgets": {"enabled": False},
        "serviceaccounts": {"enabled": False},
        "generic": {"config": "---"},
    },
    "fallbackHostDns": False,
    "mapServices": {"fromVirtual": [], "fromHost": []},
    "proxy": {"metricsServer": {"nodes": {"enabled": False}, "pods": {"enabled": False}}},
    "hostpathMapper": {"enabled": False, "resources": {}},
    "syncer": {
        "extraArgs": [],
        "volumeMounts": [{"mountPath": "/pki", "name": "certs", "readOnly": True}],
        "env": [],
        "livenessProbe": {"enabled": True},
        "readinessProbe": {"enabled": True},
        "resources": {
            "limits": {"cpu": "1000m", "memory": "512Mi"},
            "requests": {"cpu": "20m", "memory": "64Mi"},
        },
        "volumes": [],
        "replicas": 1,
        "nodeSelector": {},
        "affinity": {},
        "tolerations": [],
        "labels": {},
        "annotations": {},
        "podAnnotations": {},
        "podLabels": {},
        "priorityClassName": "",
        "kubeConfigContextName": "my-vcluster",
        "securityContext": {},
        "serviceAnnotations": {},
    },
    "etcd": {
        "image": "registry.k8s.io/etcd:3.5.6-0",
        "replicas": 1,
        "nodeSelector": {},
        "affinity": {},
        "tolerations": [],
        "labels": {},
        "annotations": {},
        "podAnnotations": {},
        "podLabels": {},
        "resources": {"requests": {"cpu": "20m", "memory": "150Mi"}},
        "storage": {"persistence": True, "size": "5Gi"},
        "priorityClassName": "",
        "securityContext": {},
        "serviceAnnotations": {},
    },
    "controller": {
        "image": "registry.k8s.io/kube-controller-manager:v1.26.1",
        "replicas": 1,
        "nodeSelector": {},
        "affinity": {},
        "tolerations": [],
        "labels": {},
        "annotations": {},
        "podAnnotations": {},
        "podLabels": {},
        "resources": {"requests": {"cpu": "15m"}},
        "priorityClassName": "",
        "securityContext": {},
    },
    "scheduler": {
        "image": "registry.k8s.io/kube-scheduler:v1.26.1",
        "replicas": 1,
        "nodeSelector": {},
        "affinity": {},
        "tolerations": [],
        "labels": {},
        "annotations": {},
        "podAnnotations": {},
        "podLabels": {},
        "resources": {"requests": {"cpu": "10m"}},
        "priorityClassName": "",
    },
    "api": {
        "image": "registry.k8s.io/kube-apiserver:v1.26.1",
        "extraArgs": [],
        "replicas": 1,
        "nodeSelector": {},
        "affinity": {},
        "tolerations": [],
        "labels": {},
        "annotations": {},
        "podAnnotations": {},
        "podLabels": {},
        "resources": {"requests": {"cpu": "40m", "memory": "300Mi"}},
        "priorityClassName": "",
        "securityContext": {},
        "serviceAnnotations": {},
    },
    "serviceAccount": {"create": True},
    "rbac": {"clusterRole": {"create": False}, "role": {"create": True, "extended": False}},
    "service": {
        "type": "ClusterIP",
        "externalIPs": [],
        "externalTrafficPolicy": "",
        "loadBalancerIP": "",
        "loadBalancerSourceRanges": [],
        "loadBalancerClass": "",
    },
    "job": {
        "enabled": True,
        "priorityClassName": "",
        "nodeSelector": {},
        "affinity": {},
        "tolerations": [],
        "resources": {},
        "podAnnotations": {},
        "podLabels": {},
        "securityContext": {
            "capabilities": {"drop": ["ALL"]},
            "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True,
            "runAsNonRoot": True,
            "runAsUser": 10001,
            "runAsGroup": 10001,
        },
    },
    "ingress": {
        "enabled": False,
        "pathType": "ImplementationSpecific",
        "apiVersion": "networking.k8s.io/v1",
        "ingressClassName": "",
        "host": "vcluster.local",
        "annotations": {
            "nginx.ingress.kubernetes.io/backend-protocol": "HTTPS",
            "nginx.ingress.kubernetes.io/ssl-passthrough": "true",
            "nginx.ingress.kubernetes.io/ssl-redirect": "true",
        },
    },
    "openshift": {"enable": False},
    "coredns": {
        "enabled": True,
        "replicas": 1,
        "service": {"type": "ClusterIP", "externalIPs": [], "externalTrafficPolicy": "", "annotations": {}},
        "resources": {
            "limits": {"cpu": "1000m", "memory": "170Mi"},
            "requests": {"cpu": "3m", "memory": "16Mi"},
        },
        "podAnnotations": {},
        "podLabels": {},
    },
    "isolation": {
        "enabled": False,
        "namespace": None,
        "podSecurityStandard": "baseline",
        "resourceQuota": {
            "enabled": True,
            "quota": {
                "requests.cpu": 10,
                "requests.memory": "20Gi",
                "requests.storage": "100Gi",
                "requests.ephemeral-storage": "60Gi",
                "limits.cpu": 20,
                "limits.memory": "40Gi",
                "limits.ephemeral-storage": "160Gi",
                "services.nodeports": 0,
                "services.loadbalancers": 1,
                "count/endpoints": 40,
                "count/pods": 20,
                "count/services": 20,
                "count/secrets": 100,
                "count/configmaps": 100,
                "count/persistentvolumeclaims": 20,
            },
            "scopeSelector": {"matchExpressions": None},
            "scopes": None,
        },
        "limitRange": {
            "enabled": True,
            "default": {"ephemeral-storage": "8Gi", "memory": "512Mi", "cpu": "1"},
            "defaultRequest": {"ephemeral-storage": "3Gi", "memory": "128Mi", "cpu": "100m"},
        },
        "networkPolicy": {
            "enabled": True,
            "outgoingConnections": {
                "ipBlock": {
                    "cidr": "0.0.0.0/0",
                    "except": [
                        "100.64.0.0/10",
                        "127.0.0.0/8",
                        "10.0.0.0/8",
                        "172.16.0.0/12",
                        "192.168.0.0/16",
                    ],
                }
            },
        },
    },
    "init": {"manifests": "---", "manifestsTemplate": "", "helm": []},
    "multiNamespaceMode": {"enabled": False},
    "telemetry": {"disabled": "false", "instanceCreator": "helm", "instanceCreatorUID": ""},
}

HISTORY: History = (
    # charts/k8s/values.yaml @ v0.15.1
    (
        (0, 15, 1),
        (
            Add(("headless",), False, after="globalAnnotations"),
            Add(("syncer", "extraVolumeMounts"), [], after="volumeMounts"),
            Add(("workloadServiceAccount",), {"annotations": {}}, after="serviceAccount"),
            Add(("job", "volumes"), [], after="enabled"),
            Add(("job", "volumeMounts"), [], after="volumes"),
            Add(("job", "extraArgs"), [], after="volumeMounts"),
            # DESIGN §3: isolation.nodeProxyPermission exists from 0.15.1
            Add(("isolation", "nodeProxyPermission"), {"enabled": False}, after="podSecurityStandard"),
        ),
    ),
    # charts/k8s/values.yaml @ v0.15.3
    (
        (0, 15, 3),
        (Drop(("hostpathMapper",)),),
    ),
    # charts/k8s/values.yaml @ v0.15.6
    (
        (0, 15, 6),
        (Add(("ingress", "tls"), [], after="annotations"),),
    ),
    # charts/k8s/values.yaml @ v0.15.7
    (
        (0, 15, 7),
        (
            # k8s/eks: syncer.podSecurityContext (not a top-level key) from 0.15.7
            Add(("syncer", "podSecurityContext"), {}, after="securityContext"),
            Change(("etcd", "image"), "registry.k8s.io/etcd:3.5.9-0"),
            Change(("controller", "image"), "registry.k8s.io/kube-controller-manager:v1.28.0"),
            Change(("scheduler", "image"), "registry.k8s.io/kube-scheduler:v1.28.0"),
            Change(("api", "image"), "registry.k8s.io/kube-apiserver:v1.28.0"),
        ),
    ),
    # charts/k8s/values.yaml @ v0.16.0
    (
        (0, 16, 0),
        (
            Add(("pro",), False, after="globalAnnotations"),
            Add(("rbac", "role", "excludedApiResources"), None, after="extended"),
            Add(("coredns", "integrated"), False, after=None),
        ),
    ),
    # charts/k8s/values.yaml @ v0.16.2
    (
        (0, 16, 2),
        (
            Change(("controller", "image"), "registry.k8s.io/kube-controller-manager:v1.28.2"),
            Change(("scheduler", "image"), "registry.k8s.io/kube-scheduler:v1.28.2"),
            Change(("api", "image"), "registry.k8s.io/kube-apiserver:v1.28.2"),
            Add(("coredns", "plugin"), {"enabled": False, "config": "---"}, after="enabled"),
        ),
    ),
    # charts/k8s/values.yaml @ v0.16.4
    (
        (0, 16, 4),
        (
            Change(("coredns", "plugin", "config"), []),
            Change(("telemetry", "disabled"), False),
        ),
    ),
    # charts/k8s/values.yaml @ v0.17.0
    (
        (0, 17, 0),
        (
            Drop(("job",)),
            Add(("monitoring",), {"serviceMonitor": {"enabled": False}}, after="headless"),
            Add(("syncer", "imagePullPolicy"), "", after=None),
            Change(("syncer", "volumeMounts"), []),
            Add(("etcd", "imagePullPolicy"), "", after="image"),
            Add(("etcd", "autoDeletePersistentVolumeClaims"), True, after="serviceAnnotations"),
            Add(("controller", "imagePullPolicy"), "", after="image"),
            Add(("scheduler", "imagePullPolicy"), "", after="image"),
            Add(("api", "imagePullPolicy"), "", after="image"),
            Drop(("ingress", "apiVersion")),
        ),
    ),
    # charts/k8s/values.yaml @ v0.18.0
    (
        (0, 18, 0),
        (
            Add(("syncer", "resources", "limits", "ephemeral-storage"), "8Gi", after=None),
            Add(("syncer", "resources", "requests", "ephemeral-storage"), "200Mi", after=None),
            Add(
                ("admission",), {"validatingWebhooks": [], "mutatingWebhooks": []}, after="multiNamespaceMode"
            ),
            Drop(("telemetry", "instanceCreatorUID")),
            Add(("telemetry", "platformUserID"), "", after="instanceCreator"),
            Add(("telemetry", "platformInstanceID"), "", after="platformUserID"),
            Add(("telemetry", "machineID"), "", after="platformInstanceID"),
        ),
    ),
    # charts/k8s/values.yaml @ v0.19.0
    (
        (0, 19, 0),
        (
            Drop(("enableHA",)),
            Drop(("admission",)),
            Add(("proLicenseSecret",), "", after="pro"),
            Add(("embeddedEtcd",), {"enabled": False, "migrateFromEtcd": False}, after="proLicenseSecret"),
            Add(("annotations",), {}, after="plugin"),
            Add(("podAnnotations",), {}, after="annotations"),
            Change(("syncer", "resources", "limits", "memory"), "2Gi"),
            Change(("syncer", "resources", "requests", "memory"), "256Mi"),
            Add(("syncer", "storage"), {"persistence": True, "size": "5Gi"}, after="serviceAnnotations"),
            Change(("etcd", "image"), "registry.k8s.io/etcd:3.5.10-0"),
            Change(("etcd", "autoDeletePersistentVolumeClaims"), False),
            Drop(("controller", "replicas")),
            Drop(("controller", "nodeSelector")),
            Drop(("controller", "affinity")),
            Drop(("controller", "tolerations")),
            Drop(("controller", "labels")),
            Drop(("controller", "annotations")),
            Drop(("controller", "podAnnotations")),
            Drop(("controller", "podLabels")),
            Drop(("controller", "resources")),
            Drop(("controller", "priorityClassName")),
            Drop(("controller", "securityContext")),
            Change(("controller", "image"), "registry.k8s.io/kube-controller-manager:v1.29.0"),
            Drop(("scheduler", "replicas")),
            Drop(("scheduler", "nodeSelector")),
            Drop(("scheduler", "affinity")),
            Drop(("scheduler", "tolerations")),
            Drop(("scheduler", "labels")),
            Drop(("scheduler", "annotations")),
            Drop(("scheduler", "podAnnotations")),
            Drop(("scheduler", "podLabels")),
            Drop(("scheduler", "resources")),
            Drop(("scheduler", "priorityClassName")),
            Change(("scheduler", "image"), "registry.k8s.io/kube-scheduler:v1.29.0"),
            Add(("scheduler", "disabled"), True, after="imagePullPolicy"),
            Drop(("api", "replicas")),
            Drop(("api", "nodeSelector")),
            Drop(("api", "affinity")),
            Drop(("api", "tolerations")),
            Drop(("api", "labels")),
            Drop(("api", "annotations")),
            Drop(("api", "podAnnotations")),
            Drop(("api", "podLabels")),
            Drop(("api", "resources")),
            Drop(("api", "priorityClassName")),
            Drop(("api", "securityContext")),
            Drop(("api", "serviceAnnotations")),
            Change(("api", "image"), "registry.k8s.io/kube-apiserver:v1.29.0"),
            Add(("rbac", "clusterRole", "extraRules"), [], after="create"),
            Drop(("rbac", "role", "extended")),
            Add(("rbac", "role", "extraRules"), [], after="create"),
            Add(("service", "loadBalancerAnnotations"), {}, after="loadBalancerClass"),
            Drop(("coredns", "integrated")),
            Add(("coredns", "integrated"), False, after="enabled"),
            # DESIGN §3: coredns.fallback (8.8.8.8) from 0.19.0
            Add(("coredns", "fallback"), "8.8.8.8", after="integrated"),
            Add(
                ("centralAdmission",),
                {"validatingWebhooks": [], "mutatingWebhooks": []},
                after="multiNamespaceMode",
            ),
        ),
    ),
    # charts/k8s/values.yaml @ v0.19.2
    (
        (0, 19, 2),
        (
            # 0.19.2 puts a container field into the pod security context; 0.19.4 moves it
            Add(("syncer", "podSecurityContext", "allowPrivilegeEscalation"), False, after=None),
            Add(("syncer", "podSecurityContext", "runAsUser"), 0, after="allowPrivilegeEscalation"),
            Add(("syncer", "podSecurityContext", "runAsGroup"), 0, after="runAsUser"),
        ),
    ),
    # charts/k8s/values.yaml @ v0.19.4
    (
        (0, 19, 4),
        (
            Add(("syncer", "securityContext", "allowPrivilegeEscalation"), False, after=None),
            Drop(("syncer", "podSecurityContext", "allowPrivilegeEscalation")),
        ),
    ),
    # charts/k8s/values.yaml @ v0.19.7
    (
        (0, 19, 7),
        (
            Change(("syncer", "resources", "requests", "ephemeral-storage"), "300Mi"),
            Add(
                ("syncer", "storage", "binariesVolume"), [{"name": "binaries", "emptyDir": {}}], after="size"
            ),
        ),
    ),
    # charts/k8s/values.yaml @ v0.19.10
    (
        (0, 19, 10),
        (
            Add(
                ("sync", "nodes", "reservedResources"),
                {"cpu": "", "memory": "", "ephemeralStorage": ""},
                after="enableScheduler",
            ),
        ),
    ),
)
