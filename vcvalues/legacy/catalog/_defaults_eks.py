"""Default values of the legacy ``eks`` chart: charts/eks/values.yaml of loft-sh/vcluster, 0.15.0 - 0.19.10.

Stated as data: ``BASE`` is the file at v0.15.0 as Helm reads it (go-yaml v2, key order kept), and
``HISTORY`` lists, per release that changed the file, the edits that turn the previous release's
values into that release's. Releases not listed did not change the file.
"""

from __future__ import annotations

from typing import Any

from vcvalues.legacy.catalog._tree import Add, Change, Drop, History

# charts/eks/values.yaml @ v0.15.0
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
        "volumeMounts": [
            {"mountPath": "/manifests/coredns", "name": "coredns", "readOnly": True},
            {"mountPath": "/pki", "name": "certs", "readOnly": True},
        ],
        "env": [],
        "livenessProbe": {"enabled": True},
        "readinessProbe": {"enabled": True},
        "resources": {"limits": {"memory": "1Gi"}, "requests": {"cpu": "10m", "memory": "64Mi"}},
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
        "image": "public.ecr.aws/eks-distro/etcd-io/etcd:v3.5.6-eks-1-24-7",
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
        "image": "public.ecr.aws/eks-distro/kubernetes/kube-controller-manager:v1.24.9-eks-1-24-7",
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
    "api": {
        "image": "public.ecr.aws/eks-distro/kubernetes/kube-apiserver:v1.24.9-eks-1-24-7",
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
    "coredns": {
        "image": "public.ecr.aws/eks-distro/coredns/coredns:v1.8.7-eks-1-24-7",
        "replicas": 1,
        "service": {"annotations": {}},
        "resources": {
            "limits": {"cpu": "1000m", "memory": "512Mi"},
            "requests": {"cpu": "20m", "memory": "64Mi"},
        },
        "podAnnotations": {},
        "podLabels": {},
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
    "init": {"manifests": "---", "manifestsTemplate": "", "helm": []},
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
    "multiNamespaceMode": {"enabled": False},
    "telemetry": {"disabled": "false", "instanceCreator": "helm", "instanceCreatorUID": ""},
}

HISTORY: History = (
    # charts/eks/values.yaml @ v0.15.1
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
    # charts/eks/values.yaml @ v0.15.3
    (
        (0, 15, 3),
        (
            Drop(("hostpathMapper",)),
            Add(("coredns", "enabled"), True, after=None),
        ),
    ),
    # charts/eks/values.yaml @ v0.15.6
    (
        (0, 15, 6),
        (Add(("ingress", "tls"), [], after="annotations"),),
    ),
    # charts/eks/values.yaml @ v0.15.7
    (
        (0, 15, 7),
        (
            # k8s/eks: syncer.podSecurityContext (not a top-level key) from 0.15.7
            Add(("syncer", "podSecurityContext"), {}, after="securityContext"),
        ),
    ),
    # charts/eks/values.yaml @ v0.16.0
    (
        (0, 16, 0),
        (
            Add(("pro",), False, after="globalAnnotations"),
            Change(("etcd", "image"), "public.ecr.aws/eks-distro/etcd-io/etcd:v3.5.8-eks-1-27-11"),
            Change(
                ("controller", "image"),
                "public.ecr.aws/eks-distro/kubernetes/kube-controller-manager:v1.27.4-eks-1-27-11",
            ),
            Change(
                ("api", "image"), "public.ecr.aws/eks-distro/kubernetes/kube-apiserver:v1.27.4-eks-1-27-11"
            ),
            Add(("coredns", "integrated"), False, after=None),
            Change(("coredns", "image"), "public.ecr.aws/eks-distro/coredns/coredns:v1.10.1-eks-1-27-11"),
            Add(("rbac", "role", "excludedApiResources"), None, after="extended"),
        ),
    ),
    # charts/eks/values.yaml @ v0.16.2
    (
        (0, 16, 2),
        (
            Change(("etcd", "image"), "public.ecr.aws/eks-distro/etcd-io/etcd:v3.5.9-eks-1-28-6"),
            Change(
                ("controller", "image"),
                "public.ecr.aws/eks-distro/kubernetes/kube-controller-manager:v1.28.2-eks-1-28-6",
            ),
            Change(
                ("api", "image"), "public.ecr.aws/eks-distro/kubernetes/kube-apiserver:v1.28.2-eks-1-28-6"
            ),
            Add(("coredns", "plugin"), {"enabled": False, "config": "---"}, after="integrated"),
            Change(("coredns", "image"), "public.ecr.aws/eks-distro/coredns/coredns:v1.10.1-eks-1-28-6"),
        ),
    ),
    # charts/eks/values.yaml @ v0.16.4
    (
        (0, 16, 4),
        (
            Change(("coredns", "plugin", "config"), []),
            Change(("telemetry", "disabled"), False),
        ),
    ),
    # charts/eks/values.yaml @ v0.17.0
    (
        (0, 17, 0),
        (
            Drop(("job",)),
            Add(("monitoring",), {"serviceMonitor": {"enabled": False}}, after="headless"),
            Add(("syncer", "imagePullPolicy"), "", after=None),
            Change(
                ("syncer", "volumeMounts"),
                [{"mountPath": "/manifests/coredns", "name": "coredns", "readOnly": True}],
            ),
            Add(("etcd", "imagePullPolicy"), "", after="image"),
            Add(("etcd", "autoDeletePersistentVolumeClaims"), True, after="serviceAnnotations"),
            Add(("controller", "imagePullPolicy"), "", after="image"),
            Add(("api", "imagePullPolicy"), "", after="image"),
            Drop(("ingress", "apiVersion")),
        ),
    ),
    # charts/eks/values.yaml @ v0.18.0
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
    # charts/eks/values.yaml @ v0.19.0
    (
        (0, 19, 0),
        (
            Drop(("enableHA",)),
            Drop(("admission",)),
            Add(("proLicenseSecret",), "", after="pro"),
            Add(("embeddedEtcd",), {"enabled": False, "migrateFromEtcd": False}, after="proLicenseSecret"),
            Add(("annotations",), {}, after="embeddedEtcd"),
            Add(("podAnnotations",), {}, after="annotations"),
            Change(("syncer", "resources", "limits", "memory"), "2Gi"),
            Change(("syncer", "resources", "requests", "memory"), "256Mi"),
            Add(("syncer", "storage"), {"persistence": True, "size": "5Gi"}, after="serviceAnnotations"),
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
            Drop(("coredns", "enabled")),
            Add(("coredns", "enabled"), True, after=None),
            # DESIGN §3: coredns.fallback (8.8.8.8) from 0.19.0
            Add(("coredns", "fallback"), "8.8.8.8", after="integrated"),
            Add(("rbac", "clusterRole", "extraRules"), [], after="create"),
            Drop(("rbac", "role", "extended")),
            Add(("rbac", "role", "extraRules"), [], after="create"),
            Add(("service", "loadBalancerAnnotations"), {}, after="loadBalancerClass"),
            Add(
                ("centralAdmission",),
                {"validatingWebhooks": [], "mutatingWebhooks": []},
                after="multiNamespaceMode",
            ),
        ),
    ),
    # charts/eks/values.yaml @ v0.19.2
    (
        (0, 19, 2),
        (
            # 0.19.2 puts a container field into the pod security context; 0.19.4 moves it
            Add(("syncer", "podSecurityContext", "allowPrivilegeEscalation"), False, after=None),
            Add(("syncer", "podSecurityContext", "runAsUser"), 0, after="allowPrivilegeEscalation"),
            Add(("syncer", "podSecurityContext", "runAsGroup"), 0, after="runAsUser"),
        ),
    ),
    # charts/eks/values.yaml @ v0.19.4
    (
        (0, 19, 4),
        (
            Add(("syncer", "securityContext", "allowPrivilegeEscalation"), False, after=None),
            Drop(("syncer", "podSecurityContext", "allowPrivilegeEscalation")),
        ),
    ),
    # charts/eks/values.yaml @ v0.19.7
    (
        (0, 19, 7),
        (
            Change(("syncer", "resources", "requests", "ephemeral-storage"), "300Mi"),
            Add(
                ("syncer", "storage", "binariesVolume"), [{"name": "binaries", "emptyDir": {}}], after="size"
            ),
        ),
    ),
)
