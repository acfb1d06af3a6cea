"""netpol-dns-port: the DNS paths the rendered NetworkPolicies close, at exact (line, column), per profile
boundary (0.22.0/0.22.2 host DNS selector, 0.25.0 extra rules, 0.31.0 rework), and the evaluator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.chart import resolve_modern
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import compile_modern
from vcvalues.modern.rules._netpol_eval import Endpoint, allows_egress, selects

ON = "policies:\n  networkPolicy:\n    enabled: true\n"
EMBEDDED = ON + "controlPlane:\n  coredns:\n    embedded: true\n"
PUBLIC_OFF = ON + "    workload:\n      publicEgress:\n        enabled: false\n"
PRIVATE_FALLBACK = ON + "    fallbackDns: 10.0.0.10\n"
OPENED_FALLBACK = PRIVATE_FALLBACK + (
    "    workload:\n      egress:\n      - to:\n        - ipBlock:\n            cidr: 10.0.0.10/32\n"
    "        ports:\n        - port: 53\n          protocol: UDP\n"
    "        - port: 53\n          protocol: TCP\n"
)
EXTRA_53 = ON + (
    "    extraWorkloadRules:\n    - to:\n      - podSelector:\n          matchLabels:\n"
    "            k8s-app: kube-dns\n      ports:\n      - port: 53\n        protocol: UDP\n"
)


def found(text: str, version: str) -> list[tuple[str, int, int]]:
    result = compile_modern([load_yaml(text, file="v.yaml")], resolve_modern(version))
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.21.6", []),
        ("0.22.0", [("netpol-dns-port", 3, 14)]),
        ("0.22.1", [("netpol-dns-port", 3, 14)]),
        ("0.22.2", []),
        ("0.36.1", []),
    ],
)
def test_host_dns_selector_of_0_22_0_to_0_22_1(version: str, expected: list[tuple[str, int, int]]) -> None:
    assert found(ON, version) == expected


def test_networkpolicy_off_checks_nothing() -> None:
    assert found("policies:\n  networkPolicy:\n    enabled: false\n", "0.22.0") == []


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.20.0", [("netpol-dns-port", 6, 15)]), ("0.30.5", [("netpol-dns-port", 6, 15)]), ("0.31.0", [])],
)
def test_embedded_coredns_needs_1053_to_the_control_plane(
    version: str, expected: list[tuple[str, int, int]]
) -> None:
    # 0.31.0 adds 1053/UDP+TCP to release: R in vc-work; before, workloads reach release: R on 443/8443 only
    assert found(EMBEDDED, version) == expected


def test_fallback_dns_dropped_from_0_31_0() -> None:
    assert found(PUBLIC_OFF, "0.31.0") == [("netpol-dns-port", 6, 18)]
    assert found(PRIVATE_FALLBACK, "0.36.1") == [("netpol-dns-port", 4, 18)]
    # up to 0.30.5 vc-work opens 53/UDP+TCP to everyone
    assert found(PRIVATE_FALLBACK, "0.30.5") == []
    assert found(OPENED_FALLBACK, "0.36.1") == []


def test_fallback_host_cluster_does_not_forward_to_fallback_dns() -> None:
    text = PRIVATE_FALLBACK + "networking:\n  advanced:\n    fallbackHostCluster: true\n"
    assert found(text, "0.36.1") == []


def test_fallback_message_says_what_to_add() -> None:
    result = compile_modern([load_yaml(PRIVATE_FALLBACK, file="v.yaml")], resolve_modern("0.36.1"))
    (diagnostic,) = result.diagnostics
    assert "10.0.0.10:53/UDP+TCP" in diagnostic.message
    assert diagnostic.hint is not None and "cidr: 10.0.0.10/32" in diagnostic.hint


def test_port_53_user_rule_to_vcluster_dns() -> None:
    assert found(EXTRA_53, "0.25.0") == [("netpol-dns-port", 10, 15)]
    assert found(EXTRA_53.replace("port: 53", "port: 1053"), "0.25.0") == []
    # a rule to kube-system's kube-dns (host DNS) on 53 is right
    host = EXTRA_53.replace(
        "      - podSelector:",
        "      - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n"
        "        podSelector:",
    )
    assert found(host, "0.25.0") == []


def test_selectors() -> None:
    labels = {"a": "1", "b": "2"}
    assert selects(None, labels) and selects({}, labels)
    assert selects({"matchLabels": {"a": "1"}}, labels)
    assert not selects({"matchLabels": {"a": "2"}}, labels)
    assert selects({"matchExpressions": [{"key": "a", "operator": "In", "values": ["1", "3"]}]}, labels)
    assert not selects({"matchExpressions": [{"key": "c", "operator": "Exists"}]}, labels)
    assert selects({"matchExpressions": [{"key": "c", "operator": "DoesNotExist"}]}, labels)
    assert not selects({"matchExpressions": [{"key": "b", "operator": "NotIn", "values": ["2"]}]}, labels)


POD = Endpoint("ns", {"app": "x"})
DNS = Endpoint("kube-system", {"k8s-app": "kube-dns"})


def policy(*rules: object, namespace: str = "ns") -> dict[str, object]:
    return {
        "kind": "NetworkPolicy",
        "metadata": {"namespace": namespace},
        "spec": {"podSelector": {}, "policyTypes": ["Egress"], "egress": list(rules)},
    }


def test_evaluator_ports_peers_and_blocks() -> None:
    assert allows_egress([], POD, DNS, 53, "UDP")  # no policy: open
    assert allows_egress([policy(namespace="other")], POD, DNS, 53, "UDP")  # another namespace's policy
    assert not allows_egress([policy()], POD, DNS, 53, "UDP")  # selected with no rule: closed
    assert allows_egress([policy({"ports": [{"port": 53, "protocol": "UDP"}]})], POD, DNS, 53, "UDP")
    assert not allows_egress([policy({"ports": [{"port": 53}]})], POD, DNS, 53, "UDP")  # TCP by default
    assert allows_egress([policy({"ports": [{"port": 50, "endPort": 60}]})], POD, DNS, 53, "TCP")
    own_ns = {"to": [{"podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}]}
    assert not allows_egress([policy(own_ns)], POD, DNS, 53, "UDP")
    any_ns = {"to": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}]}
    assert allows_egress([policy(any_ns)], POD, DNS, 53, "UDP")
    block = {"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}
    assert allows_egress([policy(block)], POD, Endpoint(ip="8.8.8.8"), 53, "UDP")
    assert not allows_egress([policy(block)], POD, Endpoint(ip="10.1.1.1"), 53, "UDP")
    assert not allows_egress([policy(block)], POD, DNS, 53, "UDP")  # an ipBlock does not select pods


RULE = st.fixed_dictionaries(
    {},
    optional={
        "ports": st.lists(
            st.fixed_dictionaries(
                {"port": st.sampled_from([53, 1053, 443])},
                optional={"protocol": st.sampled_from(["TCP", "UDP"])},
            ),
            max_size=2,
        ),
        "to": st.lists(
            st.sampled_from(
                [
                    {"podSelector": {}},
                    {"namespaceSelector": {}},
                    {"ipBlock": {"cidr": "8.0.0.0/8"}},
                    {"podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}, "namespaceSelector": {}},
                ]
            ),
            max_size=2,
        ),
    },
)


@given(
    st.lists(RULE, max_size=3),
    RULE,
    st.sampled_from([DNS, Endpoint(ip="8.8.8.8")]),
    st.sampled_from(["TCP", "UDP"]),
)
def test_adding_a_rule_never_closes_a_path(
    rules: list[dict[str, object]], extra: dict[str, object], dest: Endpoint, protocol: str
) -> None:
    before = allows_egress([policy(*rules)], POD, dest, 53, protocol)
    after = allows_egress([policy(*rules, extra)], POD, dest, 53, protocol)
    assert after or not before
