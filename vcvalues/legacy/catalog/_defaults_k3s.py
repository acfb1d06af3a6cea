"""Default values of the legacy ``k3s`` chart: charts/k3s/values.yaml of loft-sh/vcluster, 0.15.0 - 0.19.10.

Stated as data: ``BASE`` is the file at v0.15.0 as Helm reads it (go-yaml v2, key order kept), and
``HISTORY`` lists, per release that changed the file, the edits that turn the previous release's
values into that release's. Releases not listed did not change the file.
"""

from __future__ import annotations

from typing import Any

from vcvalues.legacy.catalog._tree import Add, Change, Drop, History

# charts/k3s/values.yaml @ v0.15.0
BASE: dict[str, Any] = {
    "globalAnnotations": {},
    "enableHA": False,
    "defaultImageRegistry": "",
    "plugin": {},
    "sync": {
        "services": {"enabled": True},
        "configmaps": {"enabled": True, "all": False},
        "secrets": {"all": False, "enabled": True},
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
        "resources": {
            "limits": {"cpu": "1000m", "memory": "512Mi"},
            "requests": {"cpu": "20m", "memory": "64Mi"},
        },
        "kubeConfigContextName": "my-vcluster",
        "serviceAnnotations": {},
    },
    "vcluster": {
        "image": "rancher/k3s:v1.26.0-k3s1",
        "command": ["/bin/k3s"],
        "baseArgs": [
            "server",
            "--write-kubeconfig=/data/k3s-config/kube-config.yaml",
            "--data-dir=/data",
            "--disable=traefik,servicelb,metrics-server,local-storage,coredns",
            "--disable-network-policy",
            "--disable-agent",
            "--disable-cloud-controller",
            "--flannel-backend=none",
        ],
        "extraArgs": [],
        "volumeMounts": [{"mountPath": "/data", "name": "data"}],
        "env": [],
        "resources": {"limits": {"memory": "2Gi"}, "requests": {"cpu": "200m", "memory": "256Mi"}},
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
    "podDisruptionBudget": {"enabled": False, "minAvailable": 1},
    "serverToken": {"value": "", "secretKeyRef": {}},
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
    # charts/k3s/values.yaml @ v0.15.1
    (
        (0, 15, 1),
        (
            Add(("headless",), False, after="enableHA"),
            Add(("syncer", "extraVolumeMounts"), [], after="volumeMounts"),
            Add(("workloadServiceAccount",), {"annotations": {}}, after="serviceAccount"),
            # DESIGN §3: isolation.nodeProxyPermission exists from 0.15.1
            Add(("isolation", "nodeProxyPermission"), {"enabled": False}, after="podSecurityStandard"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.15.3
    (
        (0, 15, 3),
        (
            Drop(("hostpathMapper",)),
            Change(("syncer", "volumeMounts"), [{"mountPath": "/data", "name": "data"}]),
        ),
    ),
    # charts/k3s/values.yaml @ v0.15.6
    (
        (0, 15, 6),
        (
            Change(("vcluster", "image"), "rancher/k3s:v1.27.3-k3s1"),
            Add(("ingress", "tls"), [], after="annotations"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.15.7
    (
        (0, 15, 7),
        (
            # DESIGN §3: top-level podSecurityContext from 0.15.7 (k3s/k0s)
            Add(("podSecurityContext",), {}, after="securityContext"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.16.0
    (
        (0, 16, 0),
        (
            Add(("pro",), False, after="globalAnnotations"),
            Change(
                ("vcluster", "baseArgs"),
                [
                    "server",
                    "--write-kubeconfig=/data/k3s-config/kube-config.yaml",
                    "--data-dir=/data",
                    "--disable=traefik,servicelb,metrics-server,local-storage,coredns",
                    "--disable-network-policy",
                    "--disable-agent",
                    "--disable-cloud-controller",
                    "--flannel-backend=none",
                    "--kube-apiserver-arg=bind-address=127.0.0.1",
                ],
            ),
            Add(("rbac", "role", "excludedApiResources"), None, after="extended"),
            # DESIGN §3: securityContext gains runAsUser 0 / runAsGroup 0 in 0.16.0
            Add(("securityContext", "runAsUser"), 0, after="allowPrivilegeEscalation"),
            Add(("securityContext", "runAsGroup"), 0, after="runAsUser"),
            Add(("coredns", "integrated"), False, after=None),
            Add(("noopSyncer",), {"enabled": False, "synck8sService": False}, after="telemetry"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.16.1
    (
        (0, 16, 1),
        (Add(("vcluster", "extraVolumeMounts"), [], after="extraArgs"),),
    ),
    # charts/k3s/values.yaml @ v0.16.2
    (
        (0, 16, 2),
        (
            Change(("vcluster", "image"), "rancher/k3s:v1.28.2-k3s1"),
            Add(("coredns", "plugin"), {"enabled": False, "config": "---"}, after="integrated"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.16.4
    (
        (0, 16, 4),
        (
            Change(("coredns", "plugin", "config"), []),
            Change(("telemetry", "disabled"), False),
        ),
    ),
    # charts/k3s/values.yaml @ v0.17.0
    (
        (0, 17, 0),
        (
            Drop(("enableHA",)),
            Drop(("podDisruptionBudget",)),
            Drop(("serverToken",)),
            Add(("monitoring",), {"serviceMonitor": {"enabled": False}}, after="headless"),
            Add(("syncer", "imagePullPolicy"), "", after="extraArgs"),
            Drop(("syncer", "resources", "limits")),
            Change(("syncer", "resources", "requests", "cpu"), "200m"),
            Change(("syncer", "resources", "requests", "memory"), "256Mi"),
            Add(("vcluster", "imagePullPolicy"), "", after="image"),
            Change(("vcluster", "command"), ["/k3s-binary/k3s"]),
            Change(
                ("vcluster", "baseArgs"),
                [
                    "server",
                    "--write-kubeconfig=/data/k3s-config/kube-config.yaml",
                    "--data-dir=/data",
                    "--disable=traefik,servicelb,metrics-server,local-storage,coredns",
                    "--disable-network-policy",
                    "--disable-agent",
                    "--disable-cloud-controller",
                    "--egress-selector-mode=disabled",
                    "--flannel-backend=none",
                    "--kube-apiserver-arg=bind-address=127.0.0.1",
                ],
            ),
            Change(("vcluster", "volumeMounts"), []),
            Add(("vcluster", "resources", "limits", "cpu"), "100m", after=None),
            Change(("vcluster", "resources", "limits", "memory"), "128Mi"),
            Change(("vcluster", "resources", "requests", "cpu"), "20m"),
            Change(("vcluster", "resources", "requests", "memory"), "64Mi"),
            Add(("embeddedEtcd",), {"enabled": False}, after="vcluster"),
            Add(("autoDeletePersistentVolumeClaims",), True, after="replicas"),
            Add(("k3sToken",), "", after="podAnnotations"),
            Drop(("ingress", "apiVersion")),
        ),
    ),
    # charts/k3s/values.yaml @ v0.18.0
    (
        (0, 18, 0),
        (
            Add(("syncer", "resources", "limits"), {"ephemeral-storage": "8Gi", "memory": "2Gi"}, after=None),
            Add(("syncer", "resources", "requests", "ephemeral-storage"), "200Mi", after=None),
            Add(("admission",), {"validatingWebhooks": [], "mutatingWebhooks": []}, after="embeddedEtcd"),
            Drop(("telemetry", "instanceCreatorUID")),
            Add(("telemetry", "platformUserID"), "", after="instanceCreator"),
            Add(("telemetry", "platformInstanceID"), "", after="platformUserID"),
            Add(("telemetry", "machineID"), "", after="platformInstanceID"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.19.0
    (
        (0, 19, 0),
        (
            Drop(("admission",)),
            Drop(("storage",)),
            Drop(("replicas",)),
            Add(("proLicenseSecret",), "", after="pro"),
            Add(("syncer", "replicas"), 1, after=None),
            Add(("syncer", "storage"), {"persistence": True, "size": "5Gi"}, after="serviceAnnotations"),
            Change(("vcluster", "image"), "rancher/k3s:v1.29.0-k3s1"),
            Change(("vcluster", "command"), ["/binaries/k3s"]),
            Change(("vcluster", "resources", "limits", "memory"), "256Mi"),
            Change(("vcluster", "resources", "requests", "cpu"), "40m"),
            Add(
                ("centralAdmission",),
                {"validatingWebhooks": [], "mutatingWebhooks": []},
                after="embeddedEtcd",
            ),
            Add(("rbac", "clusterRole", "extraRules"), [], after="create"),
            Drop(("rbac", "role", "extended")),
            Add(("rbac", "role", "extraRules"), [], after="create"),
            Change(("autoDeletePersistentVolumeClaims",), False),
            Add(("service", "loadBalancerAnnotations"), {}, after="loadBalancerClass"),
            Drop(("coredns", "enabled")),
            Add(("coredns", "enabled"), True, after=None),
            # DESIGN §3: coredns.fallback (8.8.8.8) from 0.19.0
            Add(("coredns", "fallback"), "8.8.8.8", after="integrated"),
        ),
    ),
    # charts/k3s/values.yaml @ v0.19.7
    (
        (0, 19, 7),
        (Add(("syncer", "storage", "binariesVolume"), [{"name": "binaries", "emptyDir": {}}], after="size"),),
    ),
    # charts/k3s/values.yaml @ v0.19.10
    (
        (0, 19, 10),
        (
            Add(
                ("sync", "nodes", "reservedResources"),
                {"cpu": "", "memory": "", "ephemeralStorage": ""},
                after="enableScheduler",
            ),
            Add(("embeddedEtcd", "migrateFromEtcd"), False, after="enabled"),
        ),
    ),
)
