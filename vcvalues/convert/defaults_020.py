"""Defaults of the vcluster 0.20 chart (chart/values.yaml at v0.20.0) that conversion reads or changes.

Only the subtrees that ``vcvalues convert`` touches are stated. Fields that the chart's values.yaml does
not list but the 0.20 config struct has (so they default to their zero value) are stated with it.
A test compares every value here with the released values file.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "controlPlane": {
        "distro": {
            "k8s": {"enabled": False},
            "k3s": {"enabled": False},
            "k0s": {"enabled": False},
        },
        "backingStore": {
            "database": {"embedded": {"enabled": False}, "external": {"enabled": False}},
            "etcd": {
                "embedded": {"enabled": False, "migrateFromDeployedEtcd": False},
                "deploy": {"enabled": False},
            },
        },
        "statefulSet": {
            "scheduling": {"podManagementPolicy": "Parallel"},
            "security": {
                "podSecurityContext": {},
                "containerSecurityContext": {
                    "allowPrivilegeEscalation": False,
                    "runAsUser": 0,
                    "runAsGroup": 0,
                },
            },
            "highAvailability": {"leaseDuration": 60, "renewDeadline": 40, "retryPeriod": 15},
        },
        "service": {"spec": {"type": "ClusterIP"}},
        "proxy": {"bindAddress": "0.0.0.0", "extraSANs": []},
        "hostPathMapper": {"enabled": False},
        "advanced": {
            "virtualScheduler": {"enabled": False},
            "workloadServiceAccount": {"enabled": True, "name": ""},
        },
    },
    "policies": {
        "podSecurityStandard": "",
        "resourceQuota": {
            "enabled": "auto",
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
            "scopeSelector": {"matchExpressions": []},
            "scopes": [],
        },
        "limitRange": {
            "enabled": "auto",
            "default": {"ephemeral-storage": "8Gi", "memory": "512Mi", "cpu": "1"},
            "defaultRequest": {"ephemeral-storage": "3Gi", "memory": "128Mi", "cpu": "100m"},
        },
        "networkPolicy": {
            "enabled": False,
            "fallbackDns": "8.8.8.8",
            "outgoingConnections": {
                "platform": True,
                "ipBlock": {
                    "cidr": "0.0.0.0/0",
                    "except": [
                        "100.64.0.0/10",
                        "127.0.0.0/8",
                        "10.0.0.0/8",
                        "172.16.0.0/12",
                        "192.168.0.0/16",
                    ],
                },
            },
        },
    },
    "sync": {
        "toHost": {
            "pods": {
                "enabled": True,
                "translateImage": {},
                "enforceTolerations": [],
                "useSecretsForSATokens": False,
                "rewriteHosts": {"enabled": True, "initContainer": {"image": "library/alpine:3.20"}},
            },
            "configMaps": {"enabled": True, "all": False},
            "secrets": {"enabled": True, "all": False},
        },
        "fromHost": {
            "nodes": {
                "enabled": False,
                "syncBackChanges": False,
                "clearImageStatus": False,
                "selector": {"all": False, "labels": {}},
            },
        },
    },
    "networking": {
        "advanced": {"clusterDomain": "cluster.local", "proxyKubelets": {"byHostname": True, "byIP": True}},
    },
    "integrations": {"metricsServer": {"enabled": False, "nodes": True, "pods": True}},
    "exportKubeConfig": {"context": "", "server": "", "secret": {"name": "", "namespace": ""}},
    "experimental": {
        "multiNamespaceMode": {"enabled": False, "namespaceLabels": {}},
        "syncSettings": {
            "syncLabels": [],
            "targetNamespace": "",
            "setOwner": True,
            "hostMetricsBindAddress": "",
            "virtualMetricsBindAddress": "",
        },
        "isolatedControlPlane": {"enabled": False, "kubeConfig": "", "namespace": "", "service": ""},
        "virtualClusterKubeConfig": {
            "kubeConfig": "",
            "serverCACert": "",
            "serverCAKey": "",
            "clientCACert": "",
            "requestHeaderCACert": "",
        },
    },
}
