"""Host objects read from manifests: the LimitRanges, ResourceQuotas and Namespace of the host namespace.

For what the values do not say: a platform team's own LimitRange (with ``max``), a second quota, or the
namespace's ``pod-security.kubernetes.io/enforce`` label (``kubectl get limitrange,resourcequota,ns
-o yaml`` gives them). LimitRange items are kept as the API server stores them
(``SetDefaults_LimitRangeItem``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.admission.host import (
    HostPolicy,
    LimitRange,
    LimitRangeItem,
    Quota,
    ScopeRequirement,
    stored_item,
)
from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.pss.evaluator import policy_for

ENFORCE = "pod-security.kubernetes.io/enforce"


def _resources(value: Any) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    for name, item in (value if isinstance(value, dict) else {}).items():
        try:
            out[str(name)] = Quantity.parse(item)
        except QuantityError:
            continue
    return out


def _name(document: Mapping[str, Any]) -> str:
    metadata = document.get("metadata")
    name = metadata.get("name") if isinstance(metadata, dict) else None
    return name if isinstance(name, str) else ""


def limit_range_from(document: Mapping[str, Any], source: str) -> LimitRange:
    spec = document.get("spec")
    limits = spec.get("limits") if isinstance(spec, dict) else None
    items = []
    for raw in limits if isinstance(limits, list) else ():
        if isinstance(raw, dict) and isinstance(raw.get("type"), str):
            item = LimitRangeItem(
                raw["type"],
                max=_resources(raw.get("max")),
                min=_resources(raw.get("min")),
                default=_resources(raw.get("default")),
                default_request=_resources(raw.get("defaultRequest")),
                max_limit_request_ratio=_resources(raw.get("maxLimitRequestRatio")),
            )
            items.append(stored_item(item))
    return LimitRange(_name(document), tuple(items), source)


def quota_from(document: Mapping[str, Any], source: str) -> Quota:
    spec = document.get("spec")
    spec = spec if isinstance(spec, dict) else {}
    scopes = [ScopeRequirement(str(s)) for s in spec.get("scopes") or () if isinstance(s, str)]
    selector = spec.get("scopeSelector")
    expressions = selector.get("matchExpressions") if isinstance(selector, dict) else None
    for entry in expressions if isinstance(expressions, list) else ():
        if isinstance(entry, dict) and isinstance(entry.get("scopeName"), str):
            values = entry.get("values")
            listed = tuple(str(v) for v in values) if isinstance(values, list) else ()
            scopes.append(ScopeRequirement(entry["scopeName"], str(entry.get("operator", "")), listed))
    return Quota(_name(document), _resources(spec.get("hard")), tuple(scopes), source)


def add_host_objects(host: HostPolicy, text: str, *, file: str) -> tuple[HostPolicy, list[Diagnostic]]:
    """``host`` with the LimitRanges, ResourceQuotas and Namespace enforce label found in ``text``.

    Returns:
        The new policy, and diagnostics (syntax; a WARNING per object of another kind).
    """
    from vcvalues.pss.files import located_documents

    diagnostics: list[Diagnostic] = []
    for document, locate in located_documents(text, file=file, diagnostics=diagnostics):
        data: dict[str, Any] = document if isinstance(document, dict) else {}
        kind = data.get("kind")
        source = f"{file}:{locate(('kind',))[0]}"
        if kind == "LimitRange":
            host = host.replace(limit_ranges=(*host.limit_ranges, limit_range_from(data, source)))
        elif kind == "ResourceQuota":
            host = host.replace(quotas=(*host.quotas, quota_from(data, source)))
        elif kind == "Namespace":
            metadata = data.get("metadata")
            labels = metadata.get("labels") if isinstance(metadata, dict) else None
            labels = labels if isinstance(labels, dict) else {}
            level = labels.get(ENFORCE)
            if isinstance(level, str) and level:
                version = labels.get(f"{ENFORCE}-version")
                policy = policy_for(level, version if isinstance(version, str) and version else "latest")
                host = host.replace(namespace_pss=policy, namespace=_name(data) or host.namespace)
        else:
            line, column = locate(("kind",))
            diagnostics.append(
                Diagnostic(
                    "host-object",
                    Severity.WARNING,
                    f"{kind or 'this document'} is not a host policy object (LimitRange, ResourceQuota, "
                    "Namespace): ignored",
                    file,
                    line,
                    column,
                )
            )
    return host, diagnostics
