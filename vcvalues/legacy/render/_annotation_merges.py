"""globalAnnotations as an isolation template sees it, after sprig's ``merge`` changed it in place.

Every legacy chart writes ``{{- $annotations := merge .Values.globalAnnotations .Values.<x> }}`` in
several templates. sprig's ``merge`` (Masterminds/sprig v3 ``dict.go``, mergo without override) merges
into its *first* argument and returns it, so each such line adds ``<x>``'s keys to
``.Values.globalAnnotations`` itself. Helm renders templates deepest path first, then in reverse name
order (helm pkg/engine/engine.go ``sortTemplates``), so ``workloadserviceaccount.yaml``, ``syncer*.yaml``,
``statefulset-service.yaml`` and ``service.yaml`` run before ``resourcequota.yaml``,
``networkpolicy.yaml`` and ``limitrange.yaml``, whose ``toYaml .Values.globalAnnotations`` then prints
the merged keys too (measured with Helm v4.2.3: ``syncer.serviceAnnotations: {x: y}`` puts ``x: "y"`` on
the ResourceQuota). The table lists, per distro and release range, each merge that runs before an
isolation template, in template line order, with the ``if`` conditions around it; a unit test
re-derives it from the chart sources.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from vcvalues.core.coalesce import copy_values
from vcvalues.legacy.render._gotmpl import truthy

__all__ = ["MERGES", "annotations_seen_by", "merge_into"]


def _get(values: Mapping[str, Any], *path: str) -> Any:
    node: Any = values
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


CONDITIONS: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    # {{- if not .Values.headless }}
    "not-headless": lambda v: not truthy(_get(v, "headless")),
    # {{ if eq .Values.service.type "LoadBalancer" }}
    "loadbalancer": lambda v: _get(v, "service", "type") == "LoadBalancer",
    # {{- if and .Values.sync.nodes.enableScheduler (not .Values.scheduler.disabled) }}
    "scheduler": lambda v: (
        truthy(_get(v, "sync", "nodes", "enableScheduler")) and not truthy(_get(v, "scheduler", "disabled"))
    ),
    # _k3s_helpers.tpl "vcluster.k3s.workloadKind": ternary "Deployment" "StatefulSet" .Values.enableHA
    "k3s-statefulset": lambda v: not truthy(_get(v, "enableHA")),
    # _kind.tpl "vcluster.kind": StatefulSet when and .Values.embeddedEtcd.enabled .Values.pro
    "kind-statefulset": lambda v: truthy(_get(v, "embeddedEtcd", "enabled")) and truthy(_get(v, "pro")),
}

# (distro, first release, last release, template, merged value, conditions), in template line order.
MERGES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("eks", "0.19.0", "0.19.10", "service.yaml", "syncer.serviceAnnotations", ""),
    ("eks", "0.19.0", "0.19.10", "service.yaml", "service.loadBalancerAnnotations", "loadbalancer"),
    ("eks", "0.19.0", "0.19.10", "statefulset-service.yaml", "syncer.serviceAnnotations", "kind-statefulset"),
    ("eks", "0.15.1", "0.18.1", "syncer-deployment.yaml", "syncer.annotations", "not-headless"),
    ("eks", "0.15.0", "0.18.1", "syncer-service.yaml", "syncer.serviceAnnotations", ""),
    ("eks", "0.15.1", "0.18.1", "syncer-service.yaml", "syncer.serviceAnnotations", "loadbalancer"),
    ("eks", "0.19.0", "0.19.10", "syncer.yaml", "syncer.annotations", "not-headless"),
    ("eks", "0.15.1", "0.19.10", "workloadserviceaccount.yaml", "workloadServiceAccount.annotations", ""),
    ("k0s", "0.15.0", "0.19.10", "service.yaml", "syncer.serviceAnnotations", ""),
    ("k0s", "0.15.1", "0.18.1", "service.yaml", "syncer.serviceAnnotations", "loadbalancer"),
    ("k0s", "0.19.0", "0.19.10", "service.yaml", "service.loadBalancerAnnotations", "loadbalancer"),
    ("k0s", "0.15.0", "0.15.0", "statefulset-service.yaml", "syncer.serviceAnnotations", ""),
    ("k0s", "0.15.1", "0.19.10", "statefulset-service.yaml", "syncer.serviceAnnotations", "not-headless"),
    ("k0s", "0.15.1", "0.19.10", "workloadserviceaccount.yaml", "workloadServiceAccount.annotations", ""),
    ("k3s", "0.15.0", "0.19.10", "service.yaml", "syncer.serviceAnnotations", ""),
    ("k3s", "0.15.1", "0.18.1", "service.yaml", "syncer.serviceAnnotations", "loadbalancer"),
    ("k3s", "0.19.0", "0.19.10", "service.yaml", "service.loadBalancerAnnotations", "loadbalancer"),
    ("k3s", "0.15.0", "0.15.0", "statefulset-service.yaml", "syncer.serviceAnnotations", "k3s-statefulset"),
    ("k3s", "0.15.1", "0.16.4", "statefulset-service.yaml", "syncer.serviceAnnotations", "not-headless,k3s-statefulset"),  # noqa: E501
    ("k3s", "0.17.0", "0.19.10", "statefulset-service.yaml", "syncer.serviceAnnotations", "not-headless"),
    ("k3s", "0.15.1", "0.19.10", "workloadserviceaccount.yaml", "workloadServiceAccount.annotations", ""),
    ("k8s", "0.15.1", "0.18.1", "scheduler-deployment.yaml", "scheduler.annotations", "not-headless,scheduler"),  # noqa: E501
    ("k8s", "0.19.0", "0.19.10", "service.yaml", "syncer.serviceAnnotations", ""),
    ("k8s", "0.19.0", "0.19.10", "service.yaml", "service.loadBalancerAnnotations", "loadbalancer"),
    ("k8s", "0.19.0", "0.19.10", "statefulset-service.yaml", "syncer.serviceAnnotations", "kind-statefulset"),
    ("k8s", "0.15.1", "0.18.1", "syncer-deployment.yaml", "syncer.annotations", "not-headless"),
    ("k8s", "0.15.0", "0.18.1", "syncer-service.yaml", "syncer.serviceAnnotations", ""),
    ("k8s", "0.15.1", "0.18.1", "syncer-service.yaml", "syncer.serviceAnnotations", "loadbalancer"),
    ("k8s", "0.19.0", "0.19.10", "syncer.yaml", "syncer.annotations", "not-headless"),
    ("k8s", "0.15.1", "0.19.10", "workloadserviceaccount.yaml", "workloadServiceAccount.annotations", ""),
)  # fmt: skip


def _empty(value: object) -> bool:
    """mergo's isEmptyValue (dereferencing interfaces): nil, false, 0, "" and empty maps/lists."""
    return not truthy(value)


def merge_into(dst: dict[str, Any], src: object) -> None:
    """mergo.Merge(dst, src) without override: a key dst lacks, or holds empty, takes src's value
    (a nil in src is skipped; ``false``, ``0`` and ``""`` are copied)."""
    if not isinstance(src, Mapping):
        return  # sprig swallows mergo's error
    for key, value in src.items():
        current = dst.get(key)
        if value is None:
            continue
        if isinstance(current, dict) and isinstance(value, Mapping) and current:
            merge_into(current, value)
        elif key not in dst or _empty(current):
            dst[key] = value


def annotations_seen_by(
    template: str, values: Mapping[str, Any], distro: str, release: tuple[int, int, int]
) -> Any:
    """``.Values.globalAnnotations`` when ``template`` runs (a new map; ``values`` is not changed)."""
    annotations = values.get("globalAnnotations")
    if not isinstance(annotations, Mapping):
        return annotations
    merged: dict[str, Any] = copy_values(dict(annotations))
    runs = [
        row
        for row in _chart_merges(distro, release)
        if row[3] > template and all(CONDITIONS[name](values) for name in row[5].split(",") if name)
    ]
    for row in sorted(runs, key=lambda r: r[3], reverse=True):  # stable: line order within a template
        merge_into(merged, copy_values(_get(values, *row[4].split("."))))
    return merged


_BY_CHART: dict[tuple[str, tuple[int, int, int]], list[tuple[str, str, str, str, str, str]]] = {}


def _chart_merges(distro: str, release: tuple[int, int, int]) -> list[tuple[str, str, str, str, str, str]]:
    """The rows of MERGES for one chart (worked out once per chart: every render asks three times)."""
    rows = _BY_CHART.get((distro, release))
    if rows is None:
        rows = _BY_CHART[distro, release] = [
            row for row in MERGES if row[0] == distro and _triple(row[1]) <= release <= _triple(row[2])
        ]
    return rows


def _triple(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch
