"""Quota usage, constraints and scopes as pkg/quota/v1/evaluator/core computes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.admission import ClaimShape, ContainerShape, PodShape, Quota, ScopeRequirement, ServiceShape
from vcvalues.admission.quota import applies, missing, pretty, usage
from vcvalues.admission.resources import pod_limits, pod_requests
from vcvalues.core.quantity import Quantity


def q(text: str) -> Quantity:
    return Quantity.parse(text)


def c(name="c", *, req=None, lim=None, init=False, sidecar=False):
    requests = {k: q(v) for k, v in (req or {}).items()}
    limits = {k: q(v) for k, v in (lim or {}).items()}
    return ContainerShape(name, requests, limits, init=init, restart_always=sidecar)


def test_init_containers_count_as_the_larger_of_init_and_the_sum_of_app_containers():
    pod = PodShape(
        (c("a", req={"cpu": "300m"}), c("b", req={"cpu": "300m"}), c("i", req={"cpu": "500m"}, init=True))
    )
    assert pod_requests(pod) == {"cpu": q("600m")}
    bigger_init = PodShape((*pod.containers, c("j", req={"cpu": "700m", "memory": "1Gi"}, init=True)))
    assert pod_requests(bigger_init) == {"cpu": q("700m"), "memory": q("1Gi")}


def test_sidecars_add_up_and_run_beside_later_init_containers():
    pod = PodShape(
        (
            c("app", req={"cpu": "100m"}),
            c("proxy", req={"cpu": "200m"}, init=True, sidecar=True),
            c("migrate", req={"cpu": "250m"}, init=True),
        )
    )
    # app + proxy = 300m; migrate runs beside proxy: 450m
    assert pod_requests(pod) == {"cpu": q("450m")}


def test_overhead_is_added_to_requests_and_only_to_limits_that_are_set():
    pod = PodShape(
        (c(req={"cpu": "1", "memory": "1Gi"}, lim={"memory": "2Gi"}),),
        overhead={"cpu": q("250m"), "memory": q("120Mi")},
    )
    assert pod_requests(pod) == {"cpu": q("1250m"), "memory": q("1144Mi")}
    assert pod_limits(pod) == {"memory": q("2168Mi")}


def test_pod_usage_names():
    pod = PodShape(
        (
            c(
                req={"cpu": "1", "memory": "1Gi", "hugepages-2Mi": "4Mi", "example.com/gpu": "1"},
                lim={"cpu": "2"},
            ),
        )
    )
    # an extended resource counts only as requests.<name>; hugepages both ways (podComputeUsageHelper)
    assert pretty(usage(pod)) == (
        "count/pods=1,cpu=1,hugepages-2Mi=4Mi,limits.cpu=2,memory=1Gi,pods=1,"
        "requests.cpu=1,requests.example.com/gpu=1,requests.hugepages-2Mi=4Mi,requests.memory=1Gi"
    )


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        (
            ServiceShape("ClusterIP", 2),
            "count/services=1,services=1,services.loadbalancers=0,services.nodeports=0",
        ),
        (
            ServiceShape("NodePort", 2),
            "count/services=1,services=1,services.loadbalancers=0,services.nodeports=2",
        ),
        (
            ServiceShape("LoadBalancer", 3),
            "count/services=1,services=1,services.loadbalancers=1,services.nodeports=3",
        ),
        (
            ServiceShape("LoadBalancer", 3, explicit_node_ports=1, allocate_node_ports=False),
            "count/services=1,services=1,services.loadbalancers=1,services.nodeports=1",
        ),
        (
            ClaimShape(q("10Gi"), "fast"),
            "count/persistentvolumeclaims=1,fast.storageclass.storage.k8s.io/persistentvolumeclaims=1,"
            "fast.storageclass.storage.k8s.io/requests.storage=10Gi,persistentvolumeclaims=1,requests.storage=10Gi",
        ),
        (ClaimShape(None), "count/persistentvolumeclaims=1,persistentvolumeclaims=1"),
    ],
)
def test_service_and_claim_usage(shape, expected):
    assert pretty(usage(shape)) == expected


def test_must_specify_lists_resources_sorted_and_containers_sorted():
    quota = Quota("q", {"limits.cpu": q("4"), "requests.memory": q("4Gi"), "count/pods": q("10")})
    containers = (
        c("web", req={"cpu": "1", "memory": "1Gi"}),
        c("agent", req={"cpu": "1"}, lim={"cpu": "1"}),
        c("init", init=True),
    )
    assert missing(quota, containers) == (
        "must specify limits.cpu for: init,web; requests.memory for: agent,init",
        0,
    )
    assert missing(Quota("q", {"count/pods": q("1")}), containers) is None


@pytest.mark.parametrize(
    ("scopes", "pod", "matches"),
    [
        ((ScopeRequirement("BestEffort"),), PodShape((c(),)), True),
        ((ScopeRequirement("BestEffort"),), PodShape((c(req={"memory": "1Gi"}),)), False),
        ((ScopeRequirement("NotBestEffort"),), PodShape((c(lim={"cpu": "1"}),)), True),
        ((ScopeRequirement("Terminating"),), PodShape((c(),), terminating=True), True),
        ((ScopeRequirement("NotTerminating"),), PodShape((c(),), terminating=True), False),
        (
            (ScopeRequirement("PriorityClass", "In", ("high",)),),
            PodShape((c(),), priority_class="high"),
            True,
        ),
        (
            (ScopeRequirement("PriorityClass", "NotIn", ("high",)),),
            PodShape((c(),), priority_class="high"),
            False,
        ),
        ((ScopeRequirement("PriorityClass"),), PodShape((c(),)), False),
        ((ScopeRequirement("PriorityClass", "DoesNotExist"),), PodShape((c(),)), True),
        (
            (ScopeRequirement("CrossNamespacePodAffinity"),),
            PodShape((c(),), cross_namespace_affinity=True),
            True,
        ),
    ],
)
def test_scopes(scopes, pod, matches):
    assert applies(Quota("q", {"pods": q("5")}, scopes), pod) is matches


def test_a_quota_with_scopes_never_applies_to_services_or_claims_and_needs_a_tracked_resource():
    scoped = Quota("q", {"services": q("1"), "requests.storage": q("1Gi")}, (ScopeRequirement("BestEffort"),))
    assert not applies(scoped, ServiceShape())
    assert not applies(scoped, ClaimShape(q("1Gi")))
    assert not applies(Quota("q", {"services": q("1")}), PodShape((c(),)))
    assert applies(Quota("q", {"services": q("1")}), ServiceShape())


amounts = st.integers(min_value=0, max_value=4000).map(lambda m: Quantity(m, -3))


@given(st.lists(amounts, min_size=1, max_size=4), st.lists(amounts, max_size=3), amounts)
def test_pod_requests_without_sidecars_is_max_of_sum_and_largest_init_plus_overhead(apps, inits, overhead):
    pod = PodShape(
        tuple(c(f"a{i}", req={"cpu": str(a)}) for i, a in enumerate(apps))
        + tuple(c(f"i{i}", req={"cpu": str(a)}, init=True) for i, a in enumerate(inits)),
        overhead={"cpu": overhead},
    )
    total = Quantity(0)
    for amount in apps:
        total = total + amount
    expected = max([total, *inits]) + overhead
    assert pod_requests(pod)["cpu"] == expected
