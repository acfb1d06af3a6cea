"""``sync.toHost`` / ``sync.fromHost`` switches that change isolation, ``privateNodes``,
``exportKubeConfig`` and ``rbac``."""

from __future__ import annotations

from vcvalues.core.model.base import Section
from vcvalues.modern.model._types import OpenSection, StrBoolValue, StringMap


class Switch(OpenSection):
    """A section with an ``enabled`` boolean."""

    enabled: bool | None = None


class ToHostPods(OpenSection):
    """``sync.toHost.pods``."""

    enabled: bool | None = None
    enforce_tolerations: list[str] | None = None
    use_secrets_for_sa_tokens: bool | None = None
    runtime_class_name: str | None = None
    priority_class_name: str | None = None


class ToHost(OpenSection):
    """``sync.toHost``: what leaves the virtual cluster for the host."""

    pods: ToHostPods | None = None
    network_policies: Switch | None = None
    namespaces: Switch | None = None
    persistent_volumes: Switch | None = None
    storage_classes: Switch | None = None
    priority_classes: Switch | None = None
    service_accounts: Switch | None = None


class NodeSelector(OpenSection):
    """``sync.fromHost.nodes.selector``."""

    all: bool | None = None
    labels: StringMap | None = None


class FromHostNodes(OpenSection):
    """``sync.fromHost.nodes``: real nodes in the tenant (and ``nodes/proxy`` in the ClusterRole)."""

    enabled: bool | None = None
    selector: NodeSelector | None = None


class FromHost(OpenSection):
    """``sync.fromHost``: what the tenant sees of the host."""

    nodes: FromHostNodes | None = None
    secrets: Switch | None = None
    config_maps: Switch | None = None


class Sync(OpenSection):
    """``sync``."""

    to_host: ToHost | None = None
    from_host: FromHost | None = None


class PrivateNodes(OpenSection):
    """``privateNodes`` (0.26.0+): workloads on private nodes, outside the host namespace's policies."""

    enabled: bool | None = None


class SecretRef(OpenSection):
    """A secret name and namespace."""

    name: str | None = None
    namespace: str | None = None


class ExportKubeConfig(OpenSection):
    """``exportKubeConfig``."""

    context: str | None = None
    server: str | None = None
    insecure: bool | None = None
    secret: SecretRef | None = None
    additional_secrets: list[dict[str, object]] | None = None


class RoleSwitch(OpenSection):
    """``rbac.role`` / ``rbac.clusterRole``: ``enabled`` is a StrBool for the cluster role."""

    enabled: StrBoolValue | None = None


class Rbac(OpenSection):
    """``rbac``."""

    role: RoleSwitch | None = None
    cluster_role: RoleSwitch | None = None
    enable_volume_snapshot_rules: RoleSwitch | None = None


__all__ = ["ExportKubeConfig", "PrivateNodes", "Rbac", "Section", "Sync"]
