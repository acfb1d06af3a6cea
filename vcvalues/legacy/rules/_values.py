"""Reading the isolated-mode settings out of effective values as the chart templates do (Go truthiness)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.legacy.catalog.conditions import go_truthy

ISOLATION: KeyPath = ("isolation",)
QUOTA: KeyPath = ("isolation", "resourceQuota", "quota")
LR_DEFAULT: KeyPath = ("isolation", "limitRange", "default")
LR_DEFAULT_REQUEST: KeyPath = ("isolation", "limitRange", "defaultRequest")
IP_BLOCK: KeyPath = ("isolation", "networkPolicy", "outgoingConnections", "ipBlock")
# Examples with isolation on pass --service-account-token-secrets (else service-account-token-annotations).
SA_FLAG = "syncer:\n  extraArgs:\n  - --service-account-token-secrets\n"


def get(values: Any, path: KeyPath) -> Any:
    """The value at ``path`` (None when a key is missing or a parent is not a map / list)."""
    node = values
    for part in path:
        if isinstance(node, Mapping) and not isinstance(part, int):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def as_map(value: Any) -> dict[str, Any]:
    """A map value, or ``{}`` for anything else (null, a scalar)."""
    return value if isinstance(value, dict) else {}


_PARSED: dict[tuple[type, Any], Quantity | None] = {}
_PARSED_MAX = 4096


def quantity(value: Any) -> Quantity | None:
    """The quantity Kubernetes reads from a rendered value, or None when it is not one.

    Rules ask for the same few values again and again (~150 parses per file, measured); a Quantity is
    immutable, so parses are shared. The key holds the type: 1, 1.0 and GoInt64(1) render differently.
    """
    if value is None or isinstance(value, (bool, dict, list)):
        return None
    key = (type(value), value)
    try:
        return _PARSED[key]
    except KeyError:
        pass
    try:
        parsed: Quantity | None = Quantity.parse(value)
    except QuantityError:
        parsed = None
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.clear()
    _PARSED[key] = parsed
    return parsed


def quantities(value: Any) -> dict[str, Quantity]:
    """``{resource: quantity}`` of a map (entries that are null or not quantities are left out)."""
    out: dict[str, Quantity] = {}
    for name, item in as_map(value).items():
        parsed = quantity(item)
        if parsed is not None:
            out[str(name)] = parsed
    return out


@record
class Isolation:
    """Which isolated-mode objects the chart renders, and where.

    Attributes:
        enabled: ``isolation.enabled`` is truthy.
        namespace: the release namespace N (the control plane lives there).
        target: T, the namespace of the quota, limit range and workloads policy.
        quota: the ResourceQuota is rendered.
        limit_range: the LimitRange is rendered.
        network_policy: the NetworkPolicies are rendered.
    """

    enabled: bool
    namespace: str
    target: str
    quota: bool
    limit_range: bool
    network_policy: bool

    @property
    def quota_covers_release(self) -> bool:
        """The quota is rendered in the release namespace, where the control plane runs."""
        return self.quota and self.target == self.namespace


def isolation(values: Mapping[str, Any], namespace: str) -> Isolation:
    """Read ``isolation.*`` as the templates do (``if and .Values.isolation.enabled .Values...enabled``)."""
    on = go_truthy(get(values, ("isolation", "enabled")))
    chosen = get(values, ("isolation", "namespace"))
    # `{{ .Values.isolation.namespace | default .Release.Namespace }}`: empty/null fall back.
    target = str(chosen) if go_truthy(chosen) else namespace

    def part(name: str) -> bool:
        return on and go_truthy(get(values, ("isolation", name, "enabled")))

    return Isolation(on, namespace, target, part("resourceQuota"), part("limitRange"), part("networkPolicy"))


def limit_range_defaults(values: Mapping[str, Any]) -> tuple[dict[str, Quantity], dict[str, Quantity]]:
    """(default limits, default requests) of the LimitRange as the API server stores it.

    ``SetDefaults_LimitRangeItem`` (kubernetes pkg/apis/core/v1/defaults.go) copies a default limit into
    ``defaultRequest`` for every resource that has no default request of its own.
    """
    default = quantities(get(values, LR_DEFAULT))
    request = quantities(get(values, LR_DEFAULT_REQUEST))
    for name, value in default.items():
        request.setdefault(name, value)
    return default, request
