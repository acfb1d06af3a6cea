"""The LimitRanger admission plugin (kubernetes plugin/pkg/admission/limitranger/admission.go).

Mutation first: every Container item's ``default`` / ``defaultRequest`` fill the limits / requests a
container (app or init) leaves out (``defaultContainerResourceRequirements``, ``mergeContainerResources``;
a later item wins for the same resource). Then validation, per LimitRange in order, stopping at the first
that refuses: per Container item ``min``, ``max`` and ``maxLimitRequestRatio`` for each app container then
each init container; per Pod item the same against the pod's totals (init containers counted as
Kubernetes counts them, no overhead); per PersistentVolumeClaim item ``min`` / ``max`` of the requested
storage. The messages are Kubernetes' own; several errors print as Go's aggregate ``[a, b]``. Resource
names are visited in sorted order (Go's map order is random).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from vcvalues.admission.host import ContainerShape, LimitRange, PodShape, Resources
from vcvalues.admission.resources import pod_limits, pod_requests
from vcvalues.core._record import record
from vcvalues.core.quantity import Quantity

MAX_MILLI_VALUE = (2**63 - 1) // 1000  # resource.MaxMilliValue
_MAX_MILLI = Quantity(MAX_MILLI_VALUE)
_FLOAT_MAX = Quantity(10**300)


@record
class LimitError:
    """One refusal: the message, and which container (index into the pod's containers; None: the pod or
    claim) and resource it is about."""

    message: str
    container: int | None
    resource: str
    field: str  # "limits" or "requests": the field the message names


def default_pod(pod: PodShape, limit_ranges: Sequence[LimitRange]) -> PodShape:
    """The pod after every LimitRange's mutation (``PodMutateLimitFunc``), in order."""
    containers = pod.containers
    for limit_range in limit_ranges:
        limits: dict[str, Quantity] = {}
        requests: dict[str, Quantity] = {}
        for item in limit_range.items:
            if item.type == "Container":
                requests.update(item.default_request)
                limits.update(item.default)
        if limits or requests:
            containers = tuple(_merge(c, requests, limits) for c in containers)
    return PodShape(
        containers, pod.overhead, pod.priority_class, pod.terminating, pod.cross_namespace_affinity
    )


def _merge(container: ContainerShape, requests: Resources, limits: Resources) -> ContainerShape:
    merged_limits = dict(container.limits)
    for name, value in limits.items():
        merged_limits.setdefault(name, value)
    merged_requests = dict(container.requests)
    for name, value in requests.items():
        merged_requests.setdefault(name, value)
    return ContainerShape(
        container.name, merged_requests, merged_limits, container.init, container.restart_always
    )


def _observed(request: Quantity | None, limit: Quantity | None, enforced: Quantity) -> tuple[Any, Any, Any]:
    """``requestLimitEnforcedValues``: milli-units when all three fit in Go's int64 milli-value; beyond
    that the quantities themselves, compared exactly (Go compares whole units there; no digits of a
    quantity like 1e2147483647 are ever expanded)."""
    zero = Quantity(0)
    values = [q if q is not None else zero for q in (request, limit, enforced)]
    if all(q <= _MAX_MILLI for q in values):
        return values[0].milli_value(), values[1].milli_value(), values[2].milli_value()
    return values[0], values[1], values[2]


def _float(value: Any) -> float:
    """A milli-value or a quantity as a float (inf past float's range)."""
    if isinstance(value, int):
        return float(value)
    return float(value.value) if value <= _FLOAT_MAX else math.inf


def _min(kind: str, name: str, enforced: Quantity, requests: Resources, limits: Resources) -> str | None:
    request, limit = requests.get(name), limits.get(name)
    req, lim, want = _observed(request, limit, enforced)
    if request is None:
        return f"minimum {name} usage per {kind} is {enforced.go_string()}.  No request is specified"
    if req < want:
        return (
            f"minimum {name} usage per {kind} is {enforced.go_string()}, but request is {request.go_string()}"
        )
    if limit is not None and lim < want:
        return f"minimum {name} usage per {kind} is {enforced.go_string()}, but limit is {limit.go_string()}"
    return None


def _max(kind: str, name: str, enforced: Quantity, requests: Resources, limits: Resources) -> str | None:
    request, limit = requests.get(name), limits.get(name)
    req, lim, want = _observed(request, limit, enforced)
    if limit is None:
        return f"maximum {name} usage per {kind} is {enforced.go_string()}.  No limit is specified"
    if lim > want:
        return f"maximum {name} usage per {kind} is {enforced.go_string()}, but limit is {limit.go_string()}"
    if request is not None and req > want:
        return (
            f"maximum {name} usage per {kind} is {enforced.go_string()}, but request is {request.go_string()}"
        )
    return None


def _max_request(kind: str, name: str, enforced: Quantity, requests: Resources, _: Resources) -> str | None:
    request = requests.get(name)
    req, _lim, want = _observed(request, None, enforced)
    if request is None:
        return f"maximum {name} usage per {kind} is {enforced.go_string()}.  No request is specified"
    if req > want:
        return (
            f"maximum {name} usage per {kind} is {enforced.go_string()}, but request is {request.go_string()}"
        )
    return None


def _ratio(kind: str, name: str, enforced: Quantity, requests: Resources, limits: Resources) -> str | None:
    request, limit = requests.get(name), limits.get(name)
    req, lim, _ = _observed(request, limit, enforced)
    text = f"{name} max limit to request ratio per {kind} is {enforced.go_string()}"
    if request is None or req == 0:
        return f"{text}, but no request is specified or request is 0"
    if limit is None or lim == 0:
        return f"{text}, but no limit is specified or limit is 0"
    observed = _float(lim) / _float(req)
    scaled, ceiling = observed, _float(enforced)
    if enforced <= _MAX_MILLI:
        scaled, ceiling = observed * 1000, float(enforced.milli_value())
    if scaled > ceiling:
        return f"{text}, but provided ratio is {observed:f}"
    return None


Constraint = Callable[[str, str, Quantity, Resources, Resources], "str | None"]


def _run(
    kind: str,
    checks: Sequence[tuple[Mapping[str, Quantity], Constraint]],
    requests: Resources,
    limits: Resources,
    container: int | None,
) -> list[LimitError]:
    errors = []
    for bounds, check in checks:
        for name in sorted(bounds):
            message = check(kind, name, bounds[name], requests, limits)
            if message is not None:
                names_limit = "limit is" in message or "No limit" in message or "ratio is" in message
                errors.append(LimitError(message, container, name, "limits" if names_limit else "requests"))
    return errors


def validate_pod(pod: PodShape, limit_ranges: Sequence[LimitRange]) -> tuple[str, list[LimitError]] | None:
    """``PodValidateLimitFunc`` per LimitRange: (its name, errors) of the first that refuses, or None."""
    for limit_range in limit_ranges:
        errors: list[LimitError] = []
        for item in limit_range.items:
            checks = ((item.min, _min), (item.max, _max), (item.max_limit_request_ratio, _ratio))
            if item.type == "Container":
                ordered = [i for i, c in enumerate(pod.containers) if not c.init]
                ordered += [i for i, c in enumerate(pod.containers) if c.init]
                for index in ordered:
                    container = pod.containers[index]
                    errors += _run("Container", checks, container.requests, container.limits, index)
            elif item.type == "Pod":
                requests, limits = pod_requests(pod, overhead=False), pod_limits(pod, overhead=False)
                errors += _run("Pod", checks, requests, limits, None)
        if errors:
            return limit_range.name, errors
    return None


def validate_claim(
    storage: Resources, limit_ranges: Sequence[LimitRange]
) -> tuple[str, list[LimitError]] | None:
    """``PersistentVolumeClaimValidateLimitFunc``: min and max of the claim's requests."""
    for limit_range in limit_ranges:
        errors: list[LimitError] = []
        for item in limit_range.items:
            if item.type == "PersistentVolumeClaim":
                checks = ((item.min, _min), (item.max, _max_request))
                errors += _run("PersistentVolumeClaim", checks, storage, {}, None)
        if errors:
            return limit_range.name, errors
    return None


def aggregate(messages: Sequence[str]) -> str:
    """Go ``utilerrors.NewAggregate(errs).Error()``: repeated messages once; one as is, several ``[a, b]``."""
    unique = list(dict.fromkeys(messages))
    return unique[0] if len(unique) == 1 else "[" + ", ".join(unique) + "]"
