"""Quota arithmetic over the control plane (rules/capacity.py, rules/_controlplane.py)."""

from __future__ import annotations

import pytest

from tests.unit.legacy.rules._helpers import messages, run
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.compile import compile_text
from vcvalues.legacy.rules._controlplane import control_plane_use
from vcvalues.legacy.rules._values import isolation

SA = "syncer:\n  extraArgs:\n  - --service-account-token-secrets\n"


def _use(text: str, distro: str = "k3s", version: str = "0.19.10"):  # type: ignore[no-untyped-def]
    result = compile_text(text, distro=distro, chart_version=version, run_rules=False)
    iso = isolation(result.values, result.namespace)
    return control_plane_use(result.values, resolve_chart(version, distro), "vc", iso)


def test_k3s_pod_after_limitrange_defaulting() -> None:
    use = _use("isolation:\n  enabled: true\n")
    pod = use.pods[0]
    assert (pod.workload, pod.replicas) == ("vc", 1)
    init, syncer = pod.containers
    assert (init.name, init.init, syncer.name) == ("vcluster", True, "syncer")
    # syncer: no cpu limit in the chart -> LimitRange default 1; its own requests kept.
    assert syncer.limits == {
        "ephemeral-storage": Quantity.parse("8Gi"),
        "memory": Quantity.parse("2Gi"),
        "cpu": Quantity.parse("1"),
    }
    assert syncer.requests["cpu"] == Quantity.parse("200m")
    # the init container gets the LimitRange's ephemeral-storage defaults.
    assert init.requests["ephemeral-storage"] == Quantity.parse("3Gi")
    # pod requests: max(init 3Gi, containers 200Mi)
    assert pod.total("requests", "ephemeral-storage") == Quantity.parse("3Gi")
    assert pod.total("requests", "cpu") == Quantity.parse("200m")
    assert [(c.workload, c.count, str(c.size)) for c in use.claims] == [("vc", 1, "5Gi")]
    assert [(s.name, s.type, s.node_ports) for s in use.services] == [
        ("vc", "ClusterIP", 0),
        ("vc-headless", "ClusterIP", 0),
        ("kube-dns-x-kube-system-x-vc", "ClusterIP", 0),
    ]


def test_without_limitrange_a_limit_becomes_the_request() -> None:
    use = _use("isolation:\n  enabled: true\n  limitRange:\n    enabled: false\n")
    syncer = use.pods[0].containers[1]
    assert "cpu" not in syncer.limits
    assert syncer.requests["memory"] == Quantity.parse("256Mi")
    init = use.pods[0].containers[0]
    assert "ephemeral-storage" not in init.requests


def test_target_namespace_moves_coredns_out_of_the_quota() -> None:
    use = _use(f"isolation:\n  enabled: true\n{SA}  - --target-namespace=elsewhere\n")
    assert [(p.workload, p.namespace) for p in use.pods] == [
        ("vc", "vcluster-vcluster"),
        ("coredns-x-kube-system-x-vc", "elsewhere"),
    ]


def test_k8s_0_16_has_separate_api_and_controller_deployments() -> None:
    use = _use("isolation:\n  enabled: true\n", distro="k8s", version="0.16.0")
    assert [p.workload for p in use.pods] == [
        "vc",
        "vc-api",
        "vc-controller",
        "vc-etcd",
        "coredns-x-kube-system-x-vc",
    ]


def test_count_pods_over_quota_with_replicas() -> None:
    text = (
        "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      count/pods: 3\ncoredns:\n  "
        f"replicas: 3\n{SA}"
    )
    assert messages(text) == [
        (
            "control-plane-exceeds-quota",
            "the vcluster itself needs count/pods 4 (vcluster x1, coredns-x-kube-system-x-vcluster x3) and "
            "the "
            "quota allows 3: what does not fit is refused and the vcluster does not start",
        )
    ]


def test_compute_over_quota_reports_the_canonical_sum() -> None:
    text = f"isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      limits.cpu: 1500m\n{SA}"
    assert [(rule, text[:40]) for rule, text in messages(text)] == [
        ("quota-request-above-limit", "quota requests.cpu 10 is above limits.cp"),
        ("control-plane-exceeds-quota", "the vcluster itself needs limits.cpu 2 ("),
    ]


NO_DEFAULT_QUOTA = "".join(
    f"      {name}: null\n"
    for name in (
        "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu",
        "limits.memory", "limits.ephemeral-storage", "services.nodeports", "services.loadbalancers",
        "count/endpoints", "count/pods", "count/services", "count/secrets", "count/configmaps",
        "count/persistentvolumeclaims",
    )
)  # fmt: skip


@pytest.mark.parametrize("scope", ["Terminating", "BestEffort"])
def test_scoped_quota_that_does_not_match_the_control_plane_is_silent(scope: str) -> None:
    quota = f"isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n{NO_DEFAULT_QUOTA}      pods: 0\n"
    assert run(f"{quota}{SA}") == [("control-plane-exceeds-quota", 20, 13)]
    assert run(f"{quota}    scopes:\n    - {scope}\n{SA}") == []


def test_needs_limitrange_error_names_the_containers() -> None:
    assert messages(f"isolation:\n  enabled: true\n  limitRange:\n    enabled: false\n{SA}")[0] == (
        "quota-needs-limitrange",
        "must specify limits.cpu for: syncer (pod vcluster): the quota limits limits.cpu and the "
        "LimitRange is "
        "off, so the API server refuses the vcluster's own pods",
    )


def test_quota_off_means_no_capacity_checks() -> None:
    text = (
        "isolation:\n  enabled: true\n  resourceQuota:\n    enabled: false\n  limitRange:\n    enabled: "
        f"false\n{SA}"
    )
    assert run(text) == []
