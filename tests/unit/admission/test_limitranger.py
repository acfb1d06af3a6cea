"""The LimitRanger's defaulting and validation, message for message (plugin/pkg/admission/limitranger)."""

from __future__ import annotations

import pytest

from vcvalues.admission import ContainerShape, LimitRange, LimitRangeItem, PodShape, stored_item
from vcvalues.admission.limitranger import aggregate, default_pod, validate_claim, validate_pod
from vcvalues.admission.resources import read_pod
from vcvalues.core.quantity import Quantity


def q(text: str) -> Quantity:
    return Quantity.parse(text)


def res(**amounts: str) -> dict[str, Quantity]:
    return {name.replace("_", "-"): q(value) for name, value in amounts.items()}


def container(name: str = "c", *, requests: dict[str, Quantity] | None = None, limits=None, init=False):
    return ContainerShape(name, requests or {}, limits or {}, init=init)


def lr(*items: LimitRangeItem, name: str = "lr") -> tuple[LimitRange, ...]:
    return (LimitRange(name, tuple(stored_item(i) for i in items)),)


def errors(pod: PodShape, ranges: tuple[LimitRange, ...]) -> list[str]:
    found = validate_pod(pod, ranges)
    return [] if found is None else [e.message for e in found[1]]


def test_request_is_defaulted_from_the_containers_own_limit_before_the_limit_range():
    # SetDefaults_Pod copies limits into missing requests; the LimitRange's defaultRequest does not apply.
    spec = {"containers": [{"name": "c", "resources": {"limits": {"cpu": "2"}}}]}
    pod = default_pod(
        read_pod(spec, (), []),
        lr(
            LimitRangeItem("Container", default=res(cpu="1", memory="512Mi"), default_request=res(cpu="100m"))
        ),
    )
    (c,) = pod.containers
    assert c.requests == {"cpu": q("2"), "memory": q("512Mi")}  # memory request from the default limit
    assert c.limits == {"cpu": q("2"), "memory": q("512Mi")}


def test_defaults_fill_app_and_init_containers_and_a_later_item_wins():
    spec = {
        "initContainers": [{"name": "i"}],
        "containers": [{"name": "a", "resources": {"requests": {"cpu": "50m"}}}],
    }
    ranges = lr(
        LimitRangeItem("Container", default=res(cpu="1"), default_request=res(cpu="200m")),
        LimitRangeItem("Container", default=res(cpu="2")),
    )
    pod = default_pod(read_pod(spec, (), []), ranges)
    app, init = pod.containers
    assert (app.name, app.requests, app.limits) == ("a", {"cpu": q("50m")}, {"cpu": q("2")})
    # the second item's stored defaultRequest is its default (2), and it is applied after the first's
    assert (init.name, init.requests, init.limits) == ("i", {"cpu": q("2")}, {"cpu": q("2")})


def test_stored_item_defaults_from_max_and_min():
    item = stored_item(LimitRangeItem("Container", max=res(cpu="1"), min=res(memory="64Mi")))
    assert item.default == {"cpu": q("1")}
    assert item.default_request == {"cpu": q("1"), "memory": q("64Mi")}
    pod_item = LimitRangeItem("Pod", max=res(cpu="1"))
    assert stored_item(pod_item) is pod_item


@pytest.mark.parametrize(
    ("item", "requests", "limits", "message"),
    [
        (
            LimitRangeItem("Container", min=res(cpu="100m")),
            {},
            {},
            "minimum cpu usage per Container is 100m.  No request is specified",
        ),
        (
            LimitRangeItem("Container", min=res(cpu="100m")),
            res(cpu="50m"),
            {},
            "minimum cpu usage per Container is 100m, but request is 50m",
        ),
        (
            LimitRangeItem("Container", min=res(memory="1Gi")),
            res(memory="1Gi"),
            res(memory="512Mi"),
            "minimum memory usage per Container is 1Gi, but limit is 512Mi",
        ),
        (
            LimitRangeItem("Container", max=res(cpu="1")),
            res(cpu="500m"),
            {},
            "maximum cpu usage per Container is 1.  No limit is specified",
        ),
        (
            LimitRangeItem("Container", max=res(cpu="1")),
            res(cpu="2"),
            res(cpu="2"),
            "maximum cpu usage per Container is 1, but limit is 2",
        ),
        (
            LimitRangeItem("Container", max=res(cpu="1")),
            res(cpu="1500m"),
            res(cpu="1"),
            "maximum cpu usage per Container is 1, but request is 1500m",
        ),
        (
            LimitRangeItem("Container", max_limit_request_ratio=res(memory="4")),
            {},
            res(memory="1Gi"),
            "memory max limit to request ratio per Container is 4, "
            "but no request is specified or request is 0",
        ),
        (
            LimitRangeItem("Container", max_limit_request_ratio=res(memory="4")),
            res(memory="1Gi"),
            {},
            "memory max limit to request ratio per Container is 4, but no limit is specified or limit is 0",
        ),
        (
            LimitRangeItem("Container", max_limit_request_ratio=res(memory="4")),
            res(memory="96Mi"),
            res(memory="768Mi"),
            "memory max limit to request ratio per Container is 4, but provided ratio is 8.000000",
        ),
        (
            LimitRangeItem("Container", max_limit_request_ratio=res(cpu="1500m")),
            res(cpu="300m"),
            res(cpu="500m"),
            "cpu max limit to request ratio per Container is 1500m, but provided ratio is 1.666667",
        ),
    ],
)
def test_container_messages(item, requests, limits, message):
    pod = PodShape((container(requests=requests, limits=limits),))
    assert errors(pod, (LimitRange("lr", (item,)),)) == [message]


def test_within_bounds_passes_and_ratio_at_the_bound_passes():
    item = LimitRangeItem(
        "Container", min=res(cpu="100m"), max=res(cpu="1"), max_limit_request_ratio=res(cpu="2")
    )
    pod = PodShape((container(requests=res(cpu="500m"), limits=res(cpu="1")),))
    assert validate_pod(pod, (LimitRange("lr", (item,)),)) is None


def test_init_containers_are_checked_after_app_containers():
    item = LimitRangeItem("Container", max=res(cpu="1"))
    pod = PodShape(
        (
            container("init", requests=res(cpu="3"), limits=res(cpu="3"), init=True),
            container("app", requests=res(cpu="2"), limits=res(cpu="2")),
        )
    )
    found = validate_pod(pod, (LimitRange("platform", (item,)),))
    assert found is not None
    name, errs = found
    assert name == "platform"
    assert [(e.container, e.message) for e in errs] == [
        (1, "maximum cpu usage per Container is 1, but limit is 2"),
        (0, "maximum cpu usage per Container is 1, but limit is 3"),
    ]
    assert aggregate([e.message for e in errs]) == (
        "[maximum cpu usage per Container is 1, but limit is 2, "
        "maximum cpu usage per Container is 1, but limit is 3]"
    )


def test_aggregate_prints_a_repeated_message_once_without_brackets():
    assert aggregate(["a", "a"]) == "a"
    assert aggregate(["a", "b", "a"]) == "[a, b]"


def test_pod_item_counts_init_containers_as_kubernetes_does_without_overhead():
    item = LimitRangeItem("Pod", max=res(cpu="1"))
    pod = PodShape(
        (
            container("a", requests=res(cpu="400m"), limits=res(cpu="400m")),
            container("b", requests=res(cpu="400m"), limits=res(cpu="400m")),
            container("init", requests=res(cpu="900m"), limits=res(cpu="900m"), init=True),
        ),
        overhead=res(cpu="500m"),
    )
    assert validate_pod(pod, (LimitRange("lr", (item,)),)) is None  # max(800m, 900m) = 900m; no overhead
    bigger = PodShape((*pod.containers, container("c", requests=res(cpu="300m"), limits=res(cpu="300m"))))
    assert errors(bigger, (LimitRange("lr", (item,)),)) == [
        "maximum cpu usage per Pod is 1, but limit is 1100m"
    ]


def test_first_limit_range_that_refuses_is_reported():
    pod = PodShape((container(requests=res(cpu="2"), limits=res(cpu="2")),))
    ranges = (
        LimitRange("loose", (LimitRangeItem("Container", max=res(cpu="4")),)),
        LimitRange("strict", (LimitRangeItem("Container", max=res(cpu="1")),)),
    )
    found = validate_pod(pod, ranges)
    assert found is not None and found[0] == "strict"


def test_claim_min_and_max():
    item = LimitRangeItem("PersistentVolumeClaim", min=res(storage="1Gi"), max=res(storage="50Gi"))
    ranges = (LimitRange("lr", (item,)),)
    assert validate_claim(res(storage="10Gi"), ranges) is None
    assert [e.message for e in validate_claim(res(storage="100Gi"), ranges)[1]] == [  # type: ignore[index]
        "maximum storage usage per PersistentVolumeClaim is 50Gi, but request is 100Gi"
    ]
    assert [e.message for e in validate_claim({}, ranges)[1]] == [  # type: ignore[index]
        "minimum storage usage per PersistentVolumeClaim is 1Gi.  No request is specified",
        "maximum storage usage per PersistentVolumeClaim is 50Gi.  No request is specified",
    ]
