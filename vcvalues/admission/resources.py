"""Container and pod resources as the API server holds them: read, defaulted, and added up.

- :func:`read_pod` reads a pod spec and applies ``SetDefaults_Pod`` (pkg/apis/core/v1/defaults.go): a
  resource with a limit and no request gets the limit as its request.
- :func:`pod_requests` / :func:`pod_limits` follow k8s.io/component-helpers/resource ``PodRequests`` /
  ``PodLimits``: app containers and sidecars (init containers with ``restartPolicy: Always``) add up, a
  regular init container counts on top of the sidecars started before it, the pod takes the larger of the
  two, then the pod overhead is added (to a limit only where the pod has that limit).

Quantities keep Go's text: a total built from a single quantity prints as that quantity did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from vcvalues.admission.host import ContainerShape, PodShape, Resources
from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.quantity import Quantity, QuantityError

CONTAINER_LISTS = ("containers", "initContainers")


QUANTITY_PATTERN = "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"


@record
class BadQuantity:
    """A resource value the API server refuses (not a quantity, or negative), and why."""

    path: KeyPath
    message: str


def _quantities(value: Any, path: KeyPath, bad: list[BadQuantity]) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    if not isinstance(value, dict):
        return out
    for name, item in value.items():
        if item is None:
            continue
        try:
            parsed = Quantity.parse(item)
        except QuantityError:
            bad.append(
                BadQuantity((*path, name), f"quantities must match the regular expression {QUANTITY_PATTERN}")
            )
            continue
        if parsed < Quantity(0):
            bad.append(
                BadQuantity(
                    (*path, name),
                    f'Invalid value: "{parsed.go_string()}": must be greater than or equal to 0',
                )
            )
            continue
        out[str(name)] = parsed
    return out


def read_container(
    raw: Mapping[str, Any], path: KeyPath, *, init: bool, bad: list[BadQuantity]
) -> ContainerShape:
    """One container's resources with ``SetDefaults_Pod`` applied (limits copied into missing requests)."""
    resources = raw.get("resources")
    resources = resources if isinstance(resources, dict) else {}
    limits = _quantities(resources.get("limits"), (*path, "resources", "limits"), bad)
    requests = _quantities(resources.get("requests"), (*path, "resources", "requests"), bad)
    for name, value in limits.items():
        requests.setdefault(name, value)
    given = raw.get("name")
    return ContainerShape(
        given if isinstance(given, str) else "",
        requests,
        limits,
        init=init,
        restart_always=init and raw.get("restartPolicy") == "Always",
    )


def container_entries(spec: Mapping[str, Any]) -> Iterable[tuple[str, int, Mapping[str, Any]]]:
    """(list name, index, container) of the app containers, then the init containers (LimitRanger order)."""
    for field_name in CONTAINER_LISTS:
        items = spec.get(field_name)
        for index, raw in enumerate(items if isinstance(items, list) else ()):
            if isinstance(raw, dict):
                yield field_name, index, raw


def read_pod(spec: Mapping[str, Any], pod_path: KeyPath, bad: list[BadQuantity]) -> PodShape:
    """The pod as the quota evaluator sees it, before any LimitRange applies."""
    containers = tuple(
        read_container(raw, (*pod_path, "spec", field, index), init=field == "initContainers", bad=bad)
        for field, index, raw in container_entries(spec)
    )
    deadline = spec.get("activeDeadlineSeconds")
    affinity = spec.get("affinity")
    priority = spec.get("priorityClassName")
    return PodShape(
        containers,
        _quantities(spec.get("overhead"), (*pod_path, "spec", "overhead"), bad),
        priority if isinstance(priority, str) else "",
        isinstance(deadline, int) and not isinstance(deadline, bool) and deadline >= 0,
        _cross_namespace(affinity),
    )


def _cross_namespace(affinity: Any) -> bool:
    """podMatchesScopeFunc's CrossNamespacePodAffinity: an (anti-)affinity term naming namespaces."""
    if not isinstance(affinity, dict):
        return False
    for kind in ("podAffinity", "podAntiAffinity"):
        section = affinity.get(kind)
        if not isinstance(section, dict):
            continue
        terms = list(section.get("requiredDuringSchedulingIgnoredDuringExecution") or [])
        terms += [
            weighted.get("podAffinityTerm")
            for weighted in section.get("preferredDuringSchedulingIgnoredDuringExecution") or []
            if isinstance(weighted, dict)
        ]
        for term in terms:
            if isinstance(term, dict) and (
                term.get("namespaces") or term.get("namespaceSelector") is not None
            ):
                return True
    return False


def add_into(total: dict[str, Quantity], more: Resources) -> None:
    """Go ``addResourceList``: a new name takes the quantity itself, an existing one the sum."""
    for name, value in more.items():
        total[name] = total[name] + value if name in total else value


def max_into(total: dict[str, Quantity], more: Resources) -> None:
    """Go ``maxResourceList``: keep the larger quantity per name."""
    for name, value in more.items():
        if name not in total or value > total[name]:
            total[name] = value


def _aggregate(containers: Iterable[ContainerShape], kind: str) -> dict[str, Quantity]:
    total: dict[str, Quantity] = {}
    sidecars: dict[str, Quantity] = {}
    inits: dict[str, Quantity] = {}
    for container in containers:
        amounts = container.requests if kind == "requests" else container.limits
        if not container.init:
            add_into(total, amounts)
        elif container.restart_always:
            add_into(total, amounts)
            add_into(sidecars, amounts)
            max_into(inits, sidecars)
        else:
            running = dict(amounts)
            add_into(running, sidecars)
            max_into(inits, running)
    max_into(total, inits)
    return total


def pod_requests(pod: PodShape, *, overhead: bool = True) -> dict[str, Quantity]:
    """``PodRequests``: containers and init containers as Kubernetes counts them, plus the overhead."""
    total = _aggregate(pod.containers, "requests")
    if overhead:
        add_into(total, pod.overhead)
    return total


def pod_limits(pod: PodShape, *, overhead: bool = True) -> dict[str, Quantity]:
    """``PodLimits``: as :func:`pod_requests`; the overhead is added only to limits the pod has."""
    total = _aggregate(pod.containers, "limits")
    if overhead:
        for name, value in pod.overhead.items():
            if name in total:
                total[name] = total[name] + value
    return total


def requests_over_limits(pod: PodShape) -> list[tuple[int, str, Quantity, Quantity]]:
    """(container index, resource, request, limit) where a request exceeds its limit after defaulting:
    ``ValidateResourceRequirements`` refuses the pod (``must be less than or equal to cpu limit of 1``)."""
    found = []
    for index, container in enumerate(pod.containers):
        for name in sorted(container.requests):
            limit = container.limits.get(name)
            if limit is not None and container.requests[name] > limit:
                found.append((index, name, container.requests[name], limit))
    return found
