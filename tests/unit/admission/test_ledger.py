"""The quota fit: replicas admitted one after another, Kubernetes' exceeded-quota message, headroom."""

from __future__ import annotations

from vcvalues.admission import Consumer, ContainerShape, PodShape, Quota, ServiceShape
from vcvalues.admission.ledger import Ledger
from vcvalues.core.quantity import Quantity


def q(text: str) -> Quantity:
    return Quantity.parse(text)


def pod(cpu: str, memory: str = "64Mi") -> PodShape:
    return PodShape((ContainerShape("c", {"cpu": q(cpu), "memory": q(memory)}, {"cpu": q(cpu)}),))


def test_replicas_fit_until_the_quota_is_full_and_the_next_is_refused_with_kubernetes_message():
    quota = Quota("team", {"requests.cpu": q("2"), "count/pods": q("10")})
    ledger = Ledger([quota], [Consumer("syncer", pod("200m"), 1)])
    fit = ledger.fit(pod("500m"), 5)
    assert fit.admitted == 3
    assert fit.message == (
        "exceeded quota: team, requested: requests.cpu=500m, used: requests.cpu=1700m, "
        "limited: requests.cpu=2"
    )
    assert fit.over == (("requests.cpu", q("200m")),)
    rows = {
        r.resource: (str(r.control_plane), str(r.workloads), r.hard.go_string(), str(r.left))
        for r in ledger.capacity()
    }
    assert rows == {"count/pods": ("1", "3", "10", "6"), "requests.cpu": ("200m", "1500m", "2", "300m")}


def test_every_exceeded_resource_is_named_sorted():
    quota = Quota("q", {"requests.cpu": q("1"), "requests.memory": q("1Gi"), "pods": q("3")})
    ledger = Ledger([quota], [])
    assert ledger.fit(pod("1", "1Gi"), 1).admitted == 1
    fit = ledger.fit(pod("1", "1Gi"), 1)
    assert fit.message == (
        "exceeded quota: q, requested: requests.cpu=1,requests.memory=1Gi, "
        "used: requests.cpu=1,requests.memory=1Gi, limited: requests.cpu=1,requests.memory=1Gi"
    )


def test_a_quota_already_over_by_the_control_plane_refuses_even_a_zero_request():
    quota = Quota("q", {"services.loadbalancers": q("0")})
    ledger = Ledger([quota], [Consumer("vcluster", ServiceShape("LoadBalancer", 1))])
    fit = ledger.fit(ServiceShape("ClusterIP", 1), 1)
    assert fit.admitted == 0
    assert "requested: services.loadbalancers=0, used: services.loadbalancers=1" in fit.message
    (row,) = ledger.capacity()
    assert str(row.left) == "-1"


def test_the_first_quota_that_refuses_is_reported_and_nothing_refused_is_counted():
    loose = Quota("loose", {"count/pods": q("100")})
    tight = Quota("tight", {"count/pods": q("2")})
    ledger = Ledger([loose, tight], [])
    fit = ledger.fit(pod("1"), 4)
    assert (fit.admitted, fit.quota) == (2, "tight")
    assert [str(r.workloads) for r in ledger.capacity()] == ["2", "2"]


def test_large_replica_counts_are_computed_not_looped():
    ledger = Ledger([Quota("q", {"count/pods": q("1000000")})], [])
    assert ledger.fit(pod("1m"), 10**9).admitted == 1_000_000
