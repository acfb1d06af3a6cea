"""Default values of the legacy ``k0s`` chart: charts/k0s/values.yaml of loft-sh/vcluster, 0.15.0 - 0.19.10.

Stated as data: ``BASE`` is the file at v0.15.0 as Helm reads it (go-yaml v2, key order kept), and
``HISTORY`` lists, per release that changed the file, the edits that turn the previous release's
values into that release's. Releases not listed did not change the file.
"""

from __future__ import annotations

from typing import Any

from vcvalues.legacy.catalog._tree import Add, Change, Drop, History

# charts/k0s/values.yaml @ v0.15.0
BASE: dict[str, Any] = {
    "defaultImageRegistry": "",
    "globalAnnotations": {},
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
        "env": [],
        "livenessProbe": {"enabled": True},
        "readinessProbe": {"enabled": True},
        "volumeMounts": [{"mountPath": "/data", "name": "data", "readOnly": True}],
        "resources": {"limits": {"memory": "1Gi"}, "requests": {"cpu": "10m", "memory": "64Mi"}},
        "kubeConfigContextName": "my-vcluster",
        "serviceAnnotations": {},
    },
    "vcluster": {
        "image": "k0sproject/k0s:v1.26.0-k0s.0",
        "command": ["k0s"],
        "baseArgs": ["controller", "--config=/etc/k0s/config.yaml", "--data-dir=/data/k0s"],
        "extraArgs": [],
        "volumeMounts": [
            {"mountPath": "/data", "name": "data"},
            {"mountPath": "/etc/k0s", "name": "k0s-config"},
        ],
        "env": [],
        "resources": {"limits": {"memory": "2Gi"}, "requests": {"cpu": "200m", "memory": "256Mi"}},
        "priorityClassName": "",
    },
    "storage": {"persistence": True, "size": "5Gi"},
    "volumes": [],
    "serviceAccount": {"create": True},
    "rbac": {"clusterRole": {"create": False}, "role": {"create": True, "extended": False}},
    "replicas": 1,
    "nodeSelector": {},
    "affinity": {},
    "priorityClassName": "",
    "tolerations": [],
    "labels": {},
    "podLabels": {},
    "annotations": {},
    "podAnnotations": {},
    "service": {
        "type": "ClusterIP",
        "externalIPs": [],
        "externalTrafficPolicy": "",
        "loadBalancerIP": "",
        "loadBalancerSourceRanges": [],
        "loadBalancerClass": "",
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
    "securityContext": {"allowPrivilegeEscalation": False},
    "openshift": {"enable": False},
    "coredns": {
        "enabled": True,
        "replicas": 1,
        "service": {"type": "ClusterIP", "externalIPs": [], "externalTrafficPolicy": "", "annotations": {}},
        "resources": {
            "limits": {"cpu": "1000m", "memory": "512Mi"},
            "requests": {"cpu": "20m", "memory": "64Mi"},
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
    # charts/k0s/values.yaml @ v0.15.1
    (
        (0, 15, 1),
        (
            Add(("headless",), False, after="globalAnnotations"),
            Add(("syncer", "extraVolumeMounts"), [], after="volumeMounts"),
            Add(("workloadServiceAccount",), {"annotations": {}}, after="serviceAccount"),
            # DESIGN §3: isolation.nodeProxyPermission exists from 0.15.1
            Add(("isolation", "nodeProxyPermission"), {"enabled": False}, after="podSecurityStandard"),
        ),
    ),
    # charts/k0s/values.yaml @ v0.15.3
    (
        (0, 15, 3),
        (Drop(("hostpathMapper",)),),
    ),
    # charts/k0s/values.yaml @ v0.15.6
    (
        (0, 15, 6),
        (Add(("ingress", "tls"), [], after="annotations"),),
    ),
    # charts/k0s/values.yaml @ v0.15.7
    (
        (0, 15, 7),
        (
            # DESIGN §3: top-level podSecurityContext from 0.15.7 (k3s/k0s)
            Add(("podSecurityContext",), {}, after="securityContext"),
        ),
    ),
    # charts/k0s/values.yaml @ v0.16.0
    (
        (0, 16, 0),
        (
            Add(("pro",), False, after="globalAnnotations"),
            Add(("rbac", "role", "excludedApiResources"), None, after="extended"),
            # DESIGN §3: securityContext gains runAsUser 0 / runAsGroup 0 in 0.16.0
            Add(("securityContext", "runAsUser"), 0, after="allowPrivilegeEscalation"),
            Add(("securityContext", "runAsGroup"), 0, after="runAsUser"),
            Add(("coredns", "integrated"), False, after=None),
        ),
    ),
    # charts/k0s/values.yaml @ v0.16.2
    (
        (0, 16, 2),
        (
            Change(("vcluster", "image"), "k0sproject/k0s:v1.28.2-k0s.0"),
            Add(("coredns", "plugin"), {"enabled": False, "config": "---"}, after="integrated"),
        ),
    ),
    # charts/k0s/values.yaml @ v0.16.4
    (
        (0, 16, 4),
        (
            Change(("coredns", "plugin", "config"), []),
            Change(("telemetry", "disabled"), False),
        ),
    ),
    # charts/k0s/values.yaml @ v0.17.0
    (
        (0, 17, 0),
        (
            Add(("monitoring",), {"serviceMonitor": {"enabled": False}}, after="headless"),
            Add(("syncer", "imagePullPolicy"), "", after=None),
            Add(("vcluster", "imagePullPolicy"), "", after="image"),
            Add(("autoDeletePersistentVolumeClaims",), True, after="replicas"),
            Drop(("ingress", "apiVersion")),
        ),
    ),
    # charts/k0s/values.yaml @ v0.18.0
    (
        (0, 18, 0),
        (
            Drop(("syncer", "volumeMounts")),
            Add(("syncer", "resources", "limits", "ephemeral-storage"), "8Gi", after=None),
            Change(("syncer", "resources", "limits", "memory"), "2Gi"),
            Add(("syncer", "resources", "requests", "ephemeral-storage"), "200Mi", after=None),
            Drop(("vcluster", "volumeMounts")),
            Change(("vcluster", "command"), ["/k0s-binary/k0s"]),
            Add(
                ("admission",), {"validatingWebhooks": [], "mutatingWebhooks": []}, after="multiNamespaceMode"
            ),
            Drop(("telemetry", "instanceCreatorUID")),
            Add(("telemetry", "platformUserID"), "", after="instanceCreator"),
            Add(("telemetry", "platformInstanceID"), "", after="platformUserID"),
            Add(("telemetry", "machineID"), "", after="platformInstanceID"),
        ),
    ),
    # charts/k0s/values.yaml @ v0.19.0
    (
        (0, 19, 0),
        (
            Drop(("storage",)),
            Drop(("replicas",)),
            Drop(("admission",)),
            Add(("proLicenseSecret",), "", after="pro"),
            Add(("embeddedEtcd",), {"enabled": False}, after="proLicenseSecret"),
            Add(("syncer", "replicas"), 1, after=None),
            Add(("syncer", "storage"), {"persistence": True, "size": "5Gi"}, after="serviceAnnotations"),
            Change(("vcluster", "image"), "k0sproject/k0s:v1.29.1-k0s.0"),
            Change(("vcluster", "command"), ["/binaries/k0s"]),
            Change(
                ("vcluster", "baseArgs"),
                ["controller", "--config=/tmp/k0s-config.yaml", "--data-dir=/data/k0s"],
            ),
            Add(("vcluster", "resources", "limits", "cpu"), "100m", after=None),
            Change(("vcluster", "resources", "limits", "memory"), "256Mi"),
            Change(("vcluster", "resources", "requests", "cpu"), "40m"),
            Change(("vcluster", "resources", "requests", "memory"), "64Mi"),
            Add(("rbac", "clusterRole", "extraRules"), [], after="create"),
            Drop(("rbac", "role", "extended")),
            Add(("rbac", "role", "extraRules"), [], after="create"),
            Change(("autoDeletePersistentVolumeClaims",), False),
            Add(("service", "loadBalancerAnnotations"), {}, after="loadBalancerClass"),
            Drop(("coredns", "enabled")),
            Add(("coredns", "enabled"), True, after=None),
            # DESIGN §3: coredns.fallback (8.8.8.8) from 0.19.0
            Add(("coredns", "fallback"), "8.8.8.8", after="integrated"),
            Add(
                ("centralAdmission",),
                {"validatingWebhooks": [], "mutatingWebhooks": []},
                after="multiNamespaceMode",
            ),
        ),
    ),
    # charts/k0s/values.yaml @ v0.19.7
    (
        (0, 19, 7),
        (
            Change(("syncer", "resources", "requests", "ephemeral-storage"), "250Mi"),
            Add(
                ("syncer", "storage", "binariesVolume"), [{"name": "binaries", "emptyDir": {}}], after="size"
            ),
        ),
    ),
    # charts/k0s/values.yaml @ v0.19.10
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
