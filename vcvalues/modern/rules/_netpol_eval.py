"""Whether rendered NetworkPolicies let one endpoint reach another (Kubernetes NetworkPolicy semantics).

A pod selected by no policy with the Egress type may send anywhere; a selected pod may send where at least
one egress rule of one of its policies allows (rules are a union and never narrow each other). A rule
allows a port when it has no ``ports`` or one entry matches (``protocol`` defaults to TCP, no ``port``
means every port, ``endPort`` a range); it allows a peer when it has no ``to`` or one peer matches. An
``ipBlock`` matches addresses outside the cluster only (pods are matched by selectors), a selector peer
matches pods only (``podSelector`` alone: pods of the policy's namespace).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.cidr import parse_cidr

__all__ = ["Endpoint", "allows_egress", "selects"]


@record
class Endpoint:
    """A pod (``namespace`` + labels) or, with ``ip``, an address outside the cluster."""

    namespace: str = ""
    labels: Mapping[str, str] = MappingProxyType({})
    ip: str | None = None

    @property
    def namespace_labels(self) -> dict[str, str]:
        """The label every namespace carries (kubernetes.io/metadata.name)."""
        return {"kubernetes.io/metadata.name": self.namespace}


def selects(selector: Any, labels: Mapping[str, str]) -> bool:
    """A LabelSelector (matchLabels and matchExpressions) selects ``labels``; an empty one selects all."""
    if selector is None:
        return True
    if not isinstance(selector, dict):
        return False
    match = selector.get("matchLabels") or {}
    if not isinstance(match, dict) or any(labels.get(str(k)) != str(v) for k, v in match.items()):
        return False
    expressions = selector.get("matchExpressions") or []
    return all(_expression(e, labels) for e in (expressions if isinstance(expressions, list) else [None]))


def _expression(expression: Any, labels: Mapping[str, str]) -> bool:
    if not isinstance(expression, dict):
        return False
    key, operator = str(expression.get("key")), expression.get("operator")
    values = [str(v) for v in expression.get("values") or []]
    if operator == "In":
        return labels.get(key) in values
    if operator == "NotIn":
        return labels.get(key) not in values
    if operator == "Exists":
        return key in labels
    return operator == "DoesNotExist" and key not in labels


def _port_allowed(ports: Any, port: int, protocol: str) -> bool:
    if not ports:
        return True
    for item in ports if isinstance(ports, list) else []:
        if not isinstance(item, dict) or str(item.get("protocol") or "TCP") != protocol:
            continue
        number, end = item.get("port"), item.get("endPort")
        if number is None:
            return True
        if isinstance(number, int) and (number == port or (isinstance(end, int) and number <= port <= end)):
            return True
    return False


def _peer_allowed(peer: Any, policy_namespace: str, dest: Endpoint) -> bool:
    if not isinstance(peer, dict):
        return False
    if "ipBlock" in peer:
        return dest.ip is not None and _in_block(peer["ipBlock"], dest.ip)
    if dest.ip is not None or not ("podSelector" in peer or "namespaceSelector" in peer):
        return False
    if "namespaceSelector" in peer:
        if not selects(peer["namespaceSelector"] or {}, dest.namespace_labels):
            return False
    elif dest.namespace != policy_namespace:
        return False
    return selects(peer.get("podSelector") or {}, dest.labels)


def _in_block(block: Any, ip: str) -> bool:
    if not isinstance(block, dict):
        return False
    cidr = parse_cidr(block.get("cidr"))
    address = ipaddress.ip_address(ip)
    if cidr is None or address.version != cidr.version or address not in cidr:
        return False
    excepts = block.get("except") or []
    for item in excepts if isinstance(excepts, list) else []:
        inner = parse_cidr(item)
        if inner is not None and inner.version == address.version and address in inner:
            return False
    return True


def _egress_policies(policies: Iterable[Mapping[str, Any]], source: Endpoint) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for body in policies:
        spec = body.get("spec") if isinstance(body.get("spec"), dict) else {}
        assert isinstance(spec, dict)
        metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
        assert isinstance(metadata, dict)
        types = spec.get("policyTypes") or (["Ingress", "Egress"] if "egress" in spec else ["Ingress"])
        if str(metadata.get("namespace")) != source.namespace or "Egress" not in types:
            continue
        if selects(spec.get("podSelector") or {}, source.labels):
            out.append((source.namespace, spec.get("egress")))
    return out


def allows_egress(
    policies: Iterable[Mapping[str, Any]], source: Endpoint, dest: Endpoint, port: int, protocol: str
) -> bool:
    """The NetworkPolicy objects ``policies`` let ``source`` send to ``dest`` on ``port``/``protocol``."""
    applying = _egress_policies(policies, source)
    if not applying:
        return True
    for namespace, rules in applying:
        for rule in rules if isinstance(rules, list) else []:
            if not isinstance(rule, dict) or not _port_allowed(rule.get("ports"), port, protocol):
                continue
            peers = rule.get("to")
            if not peers or any(_peer_allowed(p, namespace, dest) for p in peers):
                return True
    return False
