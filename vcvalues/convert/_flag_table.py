"""What each legacy syncer flag becomes in 0.20 / 0.36, as upstream's ``migrateFlag`` decides.

A handler gets the conversion and the flag's value (``""`` when the flag has none) and returns
None when converted or the reason it cannot be converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vcvalues.convert._context import Conversion

Handler = Callable[[Conversion, str], "str | None"]

VALUE_MISSING = "value is missing"
_GO_ATOI = re.compile(r"[+-]?0*[0-9]{1,19}")  # past 19 significant digits: out of int64 range (and int() of
# a decimal string over 4,300 digits raises); leading zeros are fine for strconv.Atoi
_INT_BITS = 63


def reject(reason: str) -> Handler:
    """A flag upstream refuses with ``reason``."""
    return lambda _conversion, _value: reason


def _with_value(apply: Callable[[Conversion, str], None]) -> Handler:
    def handler(conversion: Conversion, value: str) -> str | None:
        if value == "":
            return VALUE_MISSING
        apply(conversion, value)
        return None

    return handler


def text(path: str) -> Handler:
    """``--flag=VALUE`` sets a string."""
    return _with_value(lambda conversion, value: conversion.set(path, value))


def appended(path: str) -> Handler:
    """``--flag=a,b`` appends ``a`` and ``b`` to a list."""
    return _with_value(
        lambda conversion, value: conversion.set(path, [*conversion.get(path), *value.split(",")])
    )


def merge_pairs(conversion: Conversion, path: str, value: str) -> None:
    """Upstream's mergeIntoMap: ``k=v,k2=v2`` (items trimmed, items without ``=`` skipped)."""
    pairs = dict(conversion.get(path) or {})
    for item in value.split(","):
        key, sep, val = item.strip().partition("=")
        if sep:
            pairs[key] = val
    conversion.set(path, pairs)


def labels(path: str) -> Handler:
    """``--flag=k=v,k2=v2`` merges pairs into a map."""
    return _with_value(lambda conversion, value: merge_pairs(conversion, path, value))


def switch(path: str, *, also_false: bool = True) -> Handler:
    """A boolean flag: no value or ``true`` sets true; ``false`` sets false (when ``also_false``)."""

    def handler(conversion: Conversion, value: str) -> str | None:
        if value in ("", "true"):
            conversion.set(path, True)
        elif value == "false" and also_false:
            conversion.set(path, False)
        return None

    return handler


def when_true(assignments: dict[str, bool]) -> Handler:
    """No value or ``true`` applies fixed assignments; anything else does nothing."""

    def handler(conversion: Conversion, value: str) -> str | None:
        if value in ("", "true"):
            for path, setting in assignments.items():
                conversion.set(path, setting)
        return None

    return handler


def integer(path: str) -> Handler:
    """``--flag=N`` with Go's strconv.Atoi rules."""

    def handler(conversion: Conversion, value: str) -> str | None:
        if value == "":
            return VALUE_MISSING
        if not _GO_ATOI.fullmatch(value) or not -(2**_INT_BITS) <= int(value) < 2**_INT_BITS:
            return f"value {value!r} is not an integer"
        conversion.set(path, int(value))
        return None

    return handler


def _set_owner(conversion: Conversion, value: str) -> str | None:
    if value == "false":
        conversion.set("experimental.syncSettings.setOwner", False)
    return None


def _enforce_node_selector(_conversion: Conversion, value: str) -> str | None:
    if value == "false":
        return "this is not supported anymore, node selector will from now on always be enforced"
    return None


def _node_selector(conversion: Conversion, value: str) -> None:
    conversion.set("sync.fromHost.nodes.enabled", True)
    merge_pairs(conversion, "sync.fromHost.nodes.selector.labels", value)


def _service_account(conversion: Conversion, value: str) -> None:
    conversion.set("controlPlane.advanced.workloadServiceAccount.enabled", False)
    conversion.set("controlPlane.advanced.workloadServiceAccount.name", value)


def _image_ref(conversion: Conversion, value: str) -> None:
    """0.36 ``config.ParseImageRef``: ``[registry/]repo[:tag]``; unset parts are left out."""
    registry, repository, tag = "", value, ""
    first, sep, rest = value.partition("/")
    if sep and any(char in first for char in ".:"):
        registry, repository = first, rest
    repository, _, tag = repository.partition(":")
    repository = repository.removeprefix("library/")
    image = {
        key: val for key, val in (("registry", registry), ("repository", repository), ("tag", tag)) if val
    }
    conversion.set("sync.toHost.pods.rewriteHosts.initContainer.image", image)


def _remote_kube_config_020(conversion: Conversion, value: str) -> None:
    conversion.set("experimental.isolatedControlPlane.enabled", True)
    conversion.set("experimental.isolatedControlPlane.kubeConfig", value)


def _enable_scheduler_036(conversion: Conversion, value: str) -> str | None:
    if value in ("", "true"):
        conversion.set("controlPlane.advanced.virtualScheduler.enabled", True)
    elif value == "false":
        conversion.set("controlPlane.distro.k8s.scheduler.enabled", False)
        conversion.set("controlPlane.advanced.virtualScheduler.enabled", False)
    return None


_DIRECTLY = "cannot be used directly"
_NOT_ANYMORE = "this is not supported anymore"
_SHOULD_NOT = "shouldn't be used directly"
_VC_KUBECONFIG = "experimental.virtualClusterKubeConfig"

COMMON: dict[str, Handler] = {
    "pro-license-secret": reject("cannot be used directly, use proLicenseSecret value"),
    **dict.fromkeys(
        (
            "integrated-coredns",
            "use-coredns-plugin",
            "noop-syncer",
            "sync-k8s-service",
            "etcd-embedded",
            "migrate-from",
            "etcd-replicas",
            "enforce-validating-hook",
            "enforce-mutating-hook",
            "leader-elect",
        ),
        reject(_DIRECTLY),
    ),
    "sync": reject("cannot be used directly, use the sync.*.enabled options instead"),
    "request-header-ca-cert": text(f"{_VC_KUBECONFIG}.requestHeaderCACert"),
    "client-ca-cert": text(f"{_VC_KUBECONFIG}.clientCACert"),
    "server-ca-cert": text(f"{_VC_KUBECONFIG}.serverCACert"),
    "server-ca-key": text(f"{_VC_KUBECONFIG}.serverCAKey"),
    "kube-config": text(f"{_VC_KUBECONFIG}.kubeConfig"),
    "tls-san": appended("controlPlane.proxy.extraSANs"),
    "service-name": reject("this is not supported anymore, the service needs to be the vCluster name"),
    "name": reject("this is not supported anymore, the name needs to be the helm release name"),
    "set-owner": _set_owner,
    "bind-address": text("controlPlane.proxy.bindAddress"),
    "port": reject("this is not supported anymore, the port needs to be 8443"),
    "sync-all-nodes": switch("sync.fromHost.nodes.selector.all"),
    "enable-scheduler": switch("controlPlane.advanced.virtualScheduler.enabled"),
    "disable-fake-kubelets": when_true(
        {
            "networking.advanced.proxyKubelets.byHostname": False,
            "networking.advanced.proxyKubelets.byIP": False,
        }
    ),
    "fake-kubelet-ips": switch("networking.advanced.proxyKubelets.byIP"),
    "node-clear-image-status": switch("sync.fromHost.nodes.clearImageStatus"),
    "translate-image": labels("sync.toHost.pods.translateImage"),
    "enforce-node-selector": _enforce_node_selector,
    "enforce-toleration": appended("sync.toHost.pods.enforceTolerations"),
    "node-selector": _with_value(_node_selector),
    "service-account": _with_value(_service_account),
    "override-hosts": switch("sync.toHost.pods.rewriteHosts.enabled"),
    "override-hosts-container-image": text("sync.toHost.pods.rewriteHosts.initContainer.image"),
    "cluster-domain": text("networking.advanced.clusterDomain"),
    "lease-duration": integer("controlPlane.statefulSet.highAvailability.leaseDuration"),
    "renew-deadline": integer("controlPlane.statefulSet.highAvailability.renewDeadline"),
    "retry-period": integer("controlPlane.statefulSet.highAvailability.retryPeriod"),
    "disable-plugins": reject(_NOT_ANYMORE),
    "plugin-listen-address": reject(_NOT_ANYMORE),
    "default-image-registry": reject("shouldn't be used directly, use defaultImageRegistry instead"),
    "enforce-pod-security-standard": reject(
        "shouldn't be used directly, use isolation.podSecurityStandard instead"
    ),
    "plugins": reject(_SHOULD_NOT),
    "map-virtual-service": reject(_SHOULD_NOT),
    "map-host-service": reject(_SHOULD_NOT),
    "host-metrics-bind-address": text("experimental.syncSettings.hostMetricsBindAddress"),
    "virtual-metrics-bind-address": text("experimental.syncSettings.virtualMetricsBindAddress"),
    "mount-physical-host-paths": when_true({"controlPlane.hostPathMapper.enabled": True}),
    "rewrite-host-paths": when_true({"controlPlane.hostPathMapper.enabled": True}),
    "sync-all-configmaps": when_true({"sync.toHost.configMaps.all": True}),
    "sync-all-secrets": when_true({"sync.toHost.secrets.all": True}),
    "proxy-metrics-server": when_true(
        {
            "integrations.metricsServer.enabled": True,
            "integrations.metricsServer.pods": True,
            "integrations.metricsServer.nodes": True,
        }
    ),
    "service-account-token-secrets": when_true({"sync.toHost.pods.useSecretsForSATokens": True}),
    "sync-node-changes": when_true({"sync.fromHost.nodes.syncBackChanges": True}),
}

FLAGS_0_20: dict[str, Handler] = {
    **COMMON,
    "remote-kube-config": _with_value(_remote_kube_config_020),
    "remote-namespace": text("experimental.isolatedControlPlane.namespace"),
    "remote-service-name": text("experimental.isolatedControlPlane.service"),
    "kube-config-context-name": text("exportKubeConfig.context"),
    "out-kube-config-secret": text("exportKubeConfig.secret.name"),
    "out-kube-config-secret-namespace": text("exportKubeConfig.secret.namespace"),
    "out-kube-config-server": text("exportKubeConfig.server"),
    "target-namespace": text("experimental.syncSettings.targetNamespace"),
    "sync-labels": appended("experimental.syncSettings.syncLabels"),
    "multi-namespace-mode": when_true({"experimental.multiNamespaceMode.enabled": True}),
    "namespace-labels": labels("experimental.multiNamespaceMode.namespaceLabels"),
}

FLAGS_0_36: dict[str, Handler] = {
    **COMMON,
    "remote-kube-config": reject("this feature is not supported anymore"),
    "remote-namespace": reject("this feature is not supported anymore"),
    "remote-service-name": reject("this feature is not supported anymore"),
    "target-namespace": reject(
        "this is not supported anymore, "
        "vCluster needs to be created in the same namespace as the target workloads"
    ),
    "enable-scheduler": _enable_scheduler_036,
    "override-hosts-container-image": _with_value(_image_ref),
    "multi-namespace-mode": when_true({"sync.toHost.namespaces.enabled": True}),
    "namespace-labels": labels("sync.toHost.namespaces.extraLabels"),
}

# 0.36 converts these four together after every other flag (migrateExportKubeConfigFlags).
EXPORT_KUBECONFIG_FLAGS_0_36 = (
    "out-kube-config-secret",
    "out-kube-config-secret-namespace",
    "kube-config-context-name",
    "out-kube-config-server",
)
