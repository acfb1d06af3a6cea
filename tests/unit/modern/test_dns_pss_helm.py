"""netpol-dns-port and control-plane-pod-security against real Helm (helm_python, Helm v4.2.3).

- DNS: the three DNS paths evaluated on the NetworkPolicies Helm renders agree with the same paths
  evaluated on vcvalues' render (the rule's input), and the control plane's host-DNS path is closed
  exactly on 0.22.0-0.22.1.
- Pod Security: the control-plane (and etcd) pod spec Helm renders and the one the rule builds get the same
  verdict at baseline and restricted, for the defaults, kubeVip, compliant contexts and a deployed etcd.

Default sample: 10 releases (0.20.0, 0.21.6, 0.22.0, 0.22.1, 0.22.2, 0.24.2, 0.30.0, 0.30.5, 0.31.0,
0.36.1): 22 DNS (release, case) pairs (public-off only from 0.31.0) and 34 pod pairs (kube-vip only from
0.30.0); ``--oracle-all`` runs every release.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.oracle.conftest import chart_path, helm_module, modern_releases, sample
from vcvalues.core.chart import resolve_modern
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import compile_modern
from vcvalues.modern.render import render_manifests
from vcvalues.modern.rules._base import ModernRuleContext
from vcvalues.modern.rules._netpol_eval import Endpoint, allows_egress
from vcvalues.modern.rules.control_plane_pss import control_plane_pod, etcd_pod
from vcvalues.pss import evaluate_pod

RELEASE, NAMESPACE = "team-a", "team-a"
BOUNDARY = ["0.21.6", "0.22.0", "0.22.1", "0.22.2", "0.30.0", "0.31.0"]
ON = "policies:\n  networkPolicy:\n    enabled: true\n"
DNS_VALUES = {
    "on": ON,
    "embedded": ON + "controlPlane:\n  coredns:\n    embedded: true\n",
    "public-off": ON + "    workload:\n      publicEgress:\n        enabled: false\n",
}
RESTRICTED = {
    "allowPrivilegeEscalation": False,
    "runAsUser": 1000,
    "runAsNonRoot": True,
    "capabilities": {"drop": ["ALL"]},
    "seccompProfile": {"type": "RuntimeDefault"},
}
POD_VALUES: dict[str, dict[str, Any]] = {
    "defaults": {},
    "compliant": {
        "controlPlane": {
            "distro": {"k8s": {"securityContext": RESTRICTED}},
            "statefulSet": {"security": {"containerSecurityContext": RESTRICTED}},
        }
    },
    "kube-vip": {"controlPlane": {"advanced": {"kubeVip": {"enabled": True}}}},
    "etcd": {
        "controlPlane": {
            "backingStore": {
                "etcd": {
                    "deploy": {
                        "enabled": True,
                        "statefulSet": {"security": {"containerSecurityContext": {"privileged": True}}},
                    }
                }
            }
        }
    },
}


# what Helm's pods get, (baseline allowed, restricted allowed), for every release where the case applies
EXPECTED = {
    "defaults": (True, False),
    "compliant": (True, True),
    "kube-vip": (False, False),
    "etcd": (False, False),
}


# Cases whose keys a release before this one does not have (its schema refuses them).
SINCE = {"public-off": (0, 31, 0), "kube-vip": (0, 30, 0)}


def _triple(release: str) -> tuple[int, ...]:
    return tuple(int(part) for part in release.split("."))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        every = modern_releases()
        chosen = [r for r in every if r in set(sample(every, metafunc.config, keep=4)) | set(BOUNDARY)]
        cases = DNS_VALUES if metafunc.function.__name__ == "test_dns_paths_agree_with_helm" else POD_VALUES
        pairs = [
            (release, case)
            for release in chosen
            for case in cases
            if _triple(release) >= SINCE.get(case, (0, 0, 0))
        ]
        metafunc.parametrize(("release", "case"), pairs)


@pytest.fixture(scope="module")
def helm() -> ModuleType:
    return helm_module()


@pytest.fixture(scope="module")
def chart(helm: ModuleType) -> Callable[[str], Any]:
    return lambda release: helm.Chart.load(str(chart_path(release)))


def objects(rendered: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for text in rendered.values():
        out.extend(doc for doc in YAML(typ="safe").load_all(text) if isinstance(doc, dict))
    return out


def dns_paths(policies: list[dict[str, Any]], workloads: str) -> dict[str, bool]:
    cp = Endpoint(NAMESPACE, {"app": "vcluster", "release": RELEASE})
    coredns = Endpoint(workloads, {"k8s-app": "vcluster-kube-dns", "vcluster.loft.sh/managed-by": RELEASE})
    work = Endpoint(workloads, {"vcluster.loft.sh/managed-by": RELEASE})
    host = Endpoint("kube-system", {"k8s-app": "kube-dns"})
    out = {}
    for protocol in ("UDP", "TCP"):
        out[f"cp->host/{protocol}"] = allows_egress(policies, cp, host, 53, protocol)
        out[f"work->coredns/{protocol}"] = allows_egress(policies, work, coredns, 1053, protocol)
        out[f"work->cp/{protocol}"] = allows_egress(policies, work, cp, 1053, protocol)
        out[f"coredns->8.8.8.8/{protocol}"] = allows_egress(
            policies, coredns, Endpoint(ip="8.8.8.8"), 53, protocol
        )
    return out


def test_dns_paths_agree_with_helm(chart: Callable[[str], Any], release: str, case: str) -> None:
    text = DNS_VALUES[case]
    ref = resolve_modern(release)
    result = compile_modern([load_yaml(text, file="v.yaml")], ref)
    user = load_yaml(text, file="v.yaml").data
    helm_policies = [
        o
        for o in objects(chart(release).render(user, name=RELEASE, namespace=NAMESPACE))
        if o["kind"] == "NetworkPolicy"
    ]
    ours = [
        m.body
        for m in render_manifests(result.values, release=RELEASE, namespace=NAMESPACE, chart_version=release)
        if m.body.get("kind") == "NetworkPolicy"
    ]
    assert helm_policies
    expected = dns_paths(helm_policies, NAMESPACE)
    assert dns_paths(ours, NAMESPACE) == expected
    closed_host = not expected["cp->host/UDP"]
    assert closed_host == (release in ("0.22.0", "0.22.1"))
    reported = [d.rule_id for d in result.diagnostics if d.rule_id == "netpol-dns-port"]
    if case == "on":
        assert bool(reported) == closed_host


def pods_from_helm(rendered: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for o in rendered:
        if o["kind"] in ("StatefulSet", "Deployment") and o["metadata"]["name"] in (
            RELEASE,
            f"{RELEASE}-etcd",
        ):
            out[o["metadata"]["name"]] = o["spec"]["template"]["spec"]
    return out


def test_control_plane_pod_verdicts_agree_with_helm(
    chart: Callable[[str], Any], release: str, case: str
) -> None:
    user = POD_VALUES[case]
    ref = resolve_modern(release)
    text = dump(user)
    result = compile_modern([load_yaml(text, file="v.yaml")], ref)
    ctx = ModernRuleContext(
        values=result.values,
        user_values=user,
        chart=ref,
        release=RELEASE,
        namespace=NAMESPACE,
        options={},
        sources=result.sources,
    )
    ours = {"sts": control_plane_pod(ctx)[1]}
    etcd = etcd_pod(ctx)
    if etcd is not None:
        ours["etcd"] = etcd[1]
    real = pods_from_helm(objects(chart(release).render(user, name=RELEASE, namespace=NAMESPACE)))
    helm_pods = {
        "sts": real[RELEASE],
        **({"etcd": real[f"{RELEASE}-etcd"]} if f"{RELEASE}-etcd" in real else {}),
    }
    assert set(ours) == set(helm_pods)
    verdicts = {}
    for key, spec in helm_pods.items():
        for level in ("baseline", "restricted"):
            verdict = evaluate_pod(spec, level=level).allowed
            assert evaluate_pod(ours[key], level=level).allowed == verdict, (key, level)
            verdicts[key, level] = verdict
    pods = list(helm_pods)
    assert (
        tuple(all(verdicts[k, level] for k in pods) for level in ("baseline", "restricted")) == EXPECTED[case]
    )


def dump(data: dict[str, Any]) -> str:
    stream = io.StringIO()
    YAML().dump(data, stream)
    return stream.getvalue() or "{}\n"
