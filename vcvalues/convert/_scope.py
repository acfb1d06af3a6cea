"""Which legacy keys ``vcvalues convert`` converts; every other key is reported, never dropped silently."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Union

from vcvalues.convert._context import RULE_NOT_CONVERTED, Conversion
from vcvalues.core.diagnostics import KeyPath, format_key_path
from vcvalues.legacy.chart import Distro

# True: the whole subtree converts; a map: only the listed children do.
Scope = Mapping[str, Union[bool, "Scope"]]

_ISOLATION: Scope = {
    "enabled": True,
    "namespace": True,
    "podSecurityStandard": True,
    "nodeProxyPermission": {"enabled": True},
    "resourceQuota": {"enabled": True, "quota": True, "scopeSelector": True, "scopes": True},
    "limitRange": {"enabled": True, "default": True, "defaultRequest": True},
    "networkPolicy": {"enabled": True, "outgoingConnections": {"ipBlock": {"cidr": True, "except": True}}},
}
_COMMON: Scope = {
    "isolation": _ISOLATION,
    "securityContext": True,
    "podSecurityContext": True,
    "service": {"type": True, "externalIPs": True, "externalTrafficPolicy": True},
    "coredns": {"fallback": True},
    "embeddedEtcd": {"enabled": True, "migrateFromEtcd": True},
    "syncer": {"extraArgs": True},
}
_K8S: Scope = {
    **_COMMON,
    "syncer": {"extraArgs": True, "securityContext": True, "podSecurityContext": True},
}

# Top-level keys of the 0.20+ format that no legacy chart has.
MODERN_KEYS = frozenset(
    {
        "controlPlane",
        "policies",
        "exportKubeConfig",
        "networking",
        "integrations",
        "experimental",
        "external",
        "deploy",
        "plugins",
        "logging",
        "privateNodes",
        "sleep",
        "snapshots",
        "deletion",
        "platform",
    }
)
_OUT_OF_SCOPE_HINT = "set its 0.20+ equivalent by hand; `vcluster convert config` converts it"


def scope_for(distro: Distro) -> Scope:
    """The converted keys for a legacy distro (k8s/eks also convert syncer security contexts)."""
    return _K8S if distro in (Distro.K8S, Distro.EKS) else _COMMON


def _modern_paths(values: Mapping[str, Any]) -> list[KeyPath]:
    paths: list[KeyPath] = [(key,) for key in values if key in MODERN_KEYS]
    sync = values.get("sync")
    if isinstance(sync, Mapping):
        paths.extend(("sync", key) for key in ("toHost", "fromHost") if key in sync)
    return paths


def report_scope(conversion: Conversion) -> None:
    """Report 0.20+ keys (errors), and keys outside the converted scope (infos)."""
    modern = _modern_paths(conversion.values)
    for path in modern:
        conversion.unsupported(
            path,
            f"{format_key_path(path)} belongs to the 0.20+ values format: the values look already converted",
            hint="convert only legacy values (isolation.*); remove the 0.20+ keys from the input",
        )
    _walk(conversion, conversion.values, scope_for(conversion.distro), (), skip=frozenset(modern))


def _walk(
    conversion: Conversion,
    values: Mapping[str, Any],
    scope: Scope,
    path: KeyPath,
    *,
    skip: frozenset[KeyPath],
) -> None:
    isolation_off = path == ("isolation",) and not conversion.flag(("isolation", "enabled"))
    for key, value in values.items():
        child: KeyPath = (*path, key)
        if child in skip:
            continue
        covered = scope.get(key)
        if isolation_off and key != "enabled":
            conversion.report(
                RULE_NOT_CONVERTED,
                child,
                f"{format_key_path(child)} is not converted: isolation.enabled is not true",
                hint="vcluster ignores isolation.* unless isolation.enabled is true; set it if you meant to",
            )
        elif covered is None:
            conversion.report(
                RULE_NOT_CONVERTED,
                child,
                f"{format_key_path(child)} is not converted: vcvalues converts only isolation-related values",
                hint=_OUT_OF_SCOPE_HINT,
            )
        elif isinstance(covered, Mapping):
            if isinstance(value, Mapping):
                _walk(conversion, value, covered, child, skip=skip)
            elif value is not None:
                conversion.typed(child, dict)  # reports the wrong type
