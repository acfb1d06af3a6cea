"""Isolation-related legacy values -> 0.20+ keys, in the order upstream's migrate.go applies them.

Covered: the chart skeleton upstream always writes (distro, podManagementPolicy, backing store),
``embeddedEtcd``, security contexts, ``isolation.*`` -> ``policies.*``, ``coredns.fallback`` and
``service.type`` / ``externalIPs`` / ``externalTrafficPolicy``.
"""

from __future__ import annotations

from vcvalues.convert._context import Conversion
from vcvalues.convert._target import Target
from vcvalues.legacy.chart import Distro

_K8S_LIKE = (Distro.K8S, Distro.EKS)


def uses_k8s_layout(conversion: Conversion) -> bool:
    """Upstream converts k8s/eks values, and every distro from 0.36 on, as the k8s chart."""
    return conversion.target is Target.V0_36 or conversion.distro in _K8S_LIKE


def convert_skeleton(conversion: Conversion) -> None:
    """The distro and statefulset settings upstream writes for every legacy chart."""
    distro = "k8s" if uses_k8s_layout(conversion) else conversion.distro.value
    conversion.set(f"controlPlane.distro.{distro}.enabled", True)
    conversion.set("controlPlane.statefulSet.scheduling.podManagementPolicy", "OrderedReady")


def convert_syncer_security(conversion: Conversion) -> None:
    """k8s/eks ``syncer.securityContext`` / ``syncer.podSecurityContext`` replace the new defaults."""
    if conversion.distro not in _K8S_LIKE:
        return
    pod = conversion.mapping(("syncer", "podSecurityContext"))
    if pod:
        conversion.set("controlPlane.statefulSet.security.podSecurityContext", pod)
    container = conversion.mapping(("syncer", "securityContext"))
    if container:
        conversion.set("controlPlane.statefulSet.security.containerSecurityContext", container)


def convert_embedded_etcd(conversion: Conversion) -> None:
    """``embeddedEtcd.enabled`` / ``migrateFromEtcd`` -> ``controlPlane.backingStore.etcd.embedded``."""
    if conversion.flag(("embeddedEtcd", "enabled")):
        conversion.set("controlPlane.backingStore.etcd.embedded.enabled", True)
        conversion.set("controlPlane.backingStore.etcd.deploy.enabled", False)
        if conversion.target is Target.V0_36:
            conversion.set("controlPlane.backingStore.etcd.external.enabled", False)
        conversion.set("controlPlane.backingStore.database.embedded.enabled", False)
        conversion.set("controlPlane.backingStore.database.external.enabled", False)
    if conversion.flag(("embeddedEtcd", "migrateFromEtcd")):
        conversion.set("controlPlane.backingStore.etcd.embedded.migrateFromDeployedEtcd", True)


def convert_deployed_etcd(conversion: Conversion) -> None:
    """The k8s chart keeps a deployed etcd unless another backing store was chosen."""
    if not uses_k8s_layout(conversion):
        return
    stores = ["database.external", "database.embedded", "etcd.embedded"]
    if conversion.target is Target.V0_36:
        stores.append("etcd.external")
    if not any(conversion.get(f"controlPlane.backingStore.{store}.enabled") for store in stores):
        conversion.set("controlPlane.backingStore.etcd.deploy.enabled", True)


def convert_security_contexts(conversion: Conversion) -> None:
    """Top-level ``securityContext`` / ``podSecurityContext`` merge over the new statefulset security."""
    security = "controlPlane.statefulSet.security"
    container = conversion.mapping(("securityContext",))
    if container:
        conversion.merge(f"{security}.containerSecurityContext", container)
    pod = conversion.mapping(("podSecurityContext",))
    if pod:
        conversion.merge(f"{security}.podSecurityContext", pod)


def convert_isolation(conversion: Conversion) -> None:
    """``isolation.*`` -> ``policies.*`` (only when ``isolation.enabled``), with upstream's errors."""
    if not conversion.flag(("isolation", "enabled")):
        return
    for name in ("networkPolicy", "resourceQuota", "limitRange"):
        enabled = conversion.flag(("isolation", name, "enabled"))
        conversion.set(f"policies.{name}.enabled", True if enabled is None else enabled)
    standard = conversion.text(("isolation", "podSecurityStandard"))
    conversion.set("policies.podSecurityStandard", standard or "baseline")

    egress = (
        "policies.networkPolicy.outgoingConnections.ipBlock"
        if conversion.target is Target.V0_20
        else "policies.networkPolicy.workload.publicEgress"
    )
    ip_block = ("isolation", "networkPolicy", "outgoingConnections", "ipBlock")
    cidr = conversion.text((*ip_block, "cidr"))
    if cidr:
        conversion.set(f"{egress}.cidr", cidr)
    excepted = conversion.strings((*ip_block, "except"))
    if excepted:
        conversion.set(f"{egress}.except", excepted)

    for name in ("default", "defaultRequest"):
        limits = conversion.mapping(("isolation", "limitRange", name))
        if limits:
            conversion.merge(f"policies.limitRange.{name}", limits)
    quota = conversion.mapping(("isolation", "resourceQuota", "quota"))
    if quota:
        conversion.merge("policies.resourceQuota.quota", quota)
    scopes = conversion.strings(("isolation", "resourceQuota", "scopes"))
    if scopes:
        conversion.set("policies.resourceQuota.scopes", scopes)
    selector = conversion.mapping(("isolation", "resourceQuota", "scopeSelector"))
    if selector:
        conversion.merge("policies.resourceQuota.scopeSelector", selector)

    if conversion.raw(("isolation", "namespace")) is not None:
        conversion.unsupported(
            ("isolation", "namespace"),
            "isolation.namespace is no longer supported",
            hint=(
                "remove it and set experimental.syncSettings.targetNamespace in the converted values"
                if conversion.target is Target.V0_20
                else "remove it: from 0.36 on, workloads run in the namespace vcluster is installed in"
            ),
        )
    if conversion.raw(("isolation", "nodeProxyPermission", "enabled")) is not None:
        conversion.unsupported(
            ("isolation", "nodeProxyPermission", "enabled"),
            "isolation.nodeProxyPermission.enabled is no longer supported",
            hint="remove it; grant nodes/proxy with rbac.clusterRole.overwriteRules in the converted values",
        )


def convert_coredns_fallback(conversion: Conversion) -> None:
    """``coredns.fallback`` -> ``policies.networkPolicy.fallbackDns`` (also without isolation)."""
    fallback = conversion.text(("coredns", "fallback"))
    if fallback:
        conversion.set("policies.networkPolicy.fallbackDns", fallback)


def convert_service(conversion: Conversion) -> None:
    """``service.type`` / ``externalIPs`` / ``externalTrafficPolicy`` -> ``controlPlane.service.spec``."""
    spec = "controlPlane.service.spec"
    service_type = conversion.text(("service", "type"))
    if service_type:
        conversion.merge(spec, {"type": service_type})
    external_ips = conversion.strings(("service", "externalIPs"))
    if external_ips:
        conversion.merge(spec, {"externalIPs": external_ips})
    policy = conversion.text(("service", "externalTrafficPolicy"))
    if policy:
        conversion.merge(spec, {"externalTrafficPolicy": policy})
