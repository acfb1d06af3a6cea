"""Is this a pod spec? What :func:`vcvalues.pss.evaluate_pod` and ``check-pods`` accept.

The API server refuses a pod whose ``containers`` / ``initContainers`` / ``ephemeralContainers`` /
``volumes`` are not lists of objects, or whose spec is not an object. Such input is not "allowed by Pod
Security": it is not a pod at all, and is reported as such rather than passed. (A spec fragment without
``containers`` is accepted, so single checks can be asked about; ``check-pods`` finds pods in whole objects.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_LISTS = ("containers", "initContainers", "ephemeralContainers", "volumes")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def pod_spec_problem(spec: object) -> str | None:
    """Why ``spec`` is not a pod spec (None: it is one)."""
    if not isinstance(spec, Mapping):
        return f"a pod spec is a map, found {type(spec).__name__} {_shown(spec)}"
    for name in _LISTS:
        value = spec.get(name)
        if value is None:
            continue
        if not isinstance(value, list):
            return f"{name} must be a list, found {_shown(value)}"
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                return f"{name}[{index}] must be a map, found {_shown(item)}"
    return None


def unwrap_pod(document: Mapping[str, Any]) -> tuple[object, Mapping[str, Any] | None] | None:
    """(spec, metadata) of a whole object given where a spec was expected: a Pod, or a workload with one pod
    template; None when ``document`` is not such an object."""
    from vcvalues.pss.workloads import find_pods

    if not isinstance(document.get("kind"), str) or "containers" in document:
        return None
    targets, _ = find_pods(dict(document))
    if len(targets) != 1:
        return None
    return targets[0].spec, targets[0].metadata
