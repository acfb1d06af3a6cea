"""The upstream helm-unittest cases of chart/tests/networkpolicy_test.yaml, translated case by case.

Suite versions: 0.20.0 (2 cases, used until 0.24.2), 0.25.0 (+2 extra-rule cases, until 0.30.5), 0.31.0
(the rework: 4 cases, until 0.33.1), 0.33.2 (7 cases, until 0.36.1). Each case runs on every release
whose suite holds it. helm-unittest sets ``chart.version: 0.0.1``; our chart label carries the release
number instead, as the published charts do.
"""

from __future__ import annotations

import pytest

from tests.unit.modern.render._values import NAMESPACE, named, of_kind, releases, render

ON = {"policies": {"networkPolicy": {"enabled": True}}}
EGRESS_ERA = releases("0.20.0", "0.30.5")
EXTRA_RULES_ERA = releases("0.25.0", "0.30.5")
REWORK = releases("0.31.0")
API_INGRESS = releases("0.33.2")


def policies(version: str, user: dict | None = None) -> list:
    return of_kind(render(version, user), "NetworkPolicy")


@pytest.mark.parametrize("version", releases())
def test_should_not_create_network_policy_by_default(version) -> None:
    assert policies(version) == []


@pytest.mark.parametrize("version", EGRESS_ERA)
def test_check_defaults_egress_era(version) -> None:
    work, cp = (m.body for m in policies(version, ON))
    assert work["metadata"]["name"] == "vc-work-my-release"
    assert work["spec"]["egress"][2]["to"][1]["ipBlock"]["cidr"] == "0.0.0.0/0"
    assert cp["metadata"]["name"] == "vc-cp-my-release"
    assert work["metadata"]["namespace"] == cp["metadata"]["namespace"] == NAMESPACE
    assert len(work["spec"]["egress"]) == 3
    assert len(cp["spec"]["egress"]) == 2


RULE = [{"ports": [{"port": 443}, {"port": 8443}, {"port": 6443}]}]


@pytest.mark.parametrize("version", EXTRA_RULES_ERA)
def test_check_extra_control_plane_rules(version) -> None:
    user = {"policies": {"networkPolicy": {"enabled": True, "extraControlPlaneRules": RULE}}}
    work, cp = (m.body for m in policies(version, user))
    assert len(work["spec"]["egress"]) == 3
    assert len(cp["spec"]["egress"]) == 3
    assert [p["port"] for p in cp["spec"]["egress"][2]["ports"]] == [443, 8443, 6443]


@pytest.mark.parametrize("version", EXTRA_RULES_ERA)
def test_check_extra_workload_rules(version) -> None:
    user = {"policies": {"networkPolicy": {"enabled": True, "extraWorkloadRules": RULE}}}
    work, cp = (m.body for m in policies(version, user))
    assert len(work["spec"]["egress"]) == 4
    assert len(cp["spec"]["egress"]) == 2
    assert [p["port"] for p in work["spec"]["egress"][3]["ports"]] == [443, 8443, 6443]


@pytest.mark.parametrize("version", REWORK)
def test_check_defaults_rework(version) -> None:
    found = policies(version, ON)
    assert len(found) == 4
    for policy in found:  # asserts without a document selector hold for every document
        assert policy.body["kind"] == "NetworkPolicy"
        assert policy.body["metadata"]["namespace"] == NAMESPACE
        assert policy.body["spec"]["policyTypes"] == ["Egress", "Ingress"]
    work = named(found, "vc-work-my-release")["spec"]
    assert (len(work["egress"]), len(work["ingress"])) == (3, 2)
    assert work["egress"][2]["to"][0]["ipBlock"]["cidr"] == "0.0.0.0/0"
    cp = named(found, "vc-cp-my-release")["spec"]
    assert (len(cp["egress"]), len(cp["ingress"])) == (5, 5 if version in API_INGRESS else 4)
    dns = named(found, "vc-kube-dns-my-release")["spec"]
    assert (len(dns["egress"]), len(dns["ingress"])) == (2, 1)


@pytest.mark.parametrize("version", REWORK)
def test_should_set_labels_and_annotations_on_all_network_policies(version) -> None:
    global_annotations = {
        "global-annotation-key-1": "global-annotation-value-1",
        "global-annotation-key-2": "global-annotation-value-2",
        "annotation-key-to-be-overridden": "annotation-key-overridden-from-global",
    }
    user = {
        "controlPlane": {"advanced": {"globalMetadata": {"annotations": global_annotations}}},
        "policies": {
            "networkPolicy": {
                "enabled": True,
                "labels": {"label-key-1": "label-value-1", "label-key-2": "label-value-2"},
                "annotations": {
                    "annotation-key-to-be-overridden": "value-overridden-from-global",
                    "annotation-key-1": "annotation-value-1",
                    "annotation-key-2": "annotation-value-2",
                },
            }
        },
    }
    found = policies(version, user)
    assert len(found) == 4
    labels = {
        "label-key-1": "label-value-1",
        "label-key-2": "label-value-2",
        "app": "vcluster",
        "chart": f"vcluster-{version}",
        "release": "my-release",
        "heritage": "Helm",
    }
    annotations = {**global_annotations, "annotation-key-1": "annotation-value-1"}
    annotations["annotation-key-2"] = "annotation-value-2"
    for policy in found:
        assert policy.body["metadata"]["labels"].items() >= labels.items()
        assert policy.body["metadata"]["annotations"].items() >= annotations.items()


@pytest.mark.parametrize("version", REWORK)
def test_should_support_extra_ingress_egress_rules(version) -> None:
    def rules(port: int) -> list:
        return [{"ports": [{"port": port}]}]

    network = {
        "enabled": True,
        "controlPlane": {"ingress": rules(12340), "egress": rules(1234)},
        "workload": {"ingress": rules(23450), "egress": rules(2345)},
    }
    found = policies(version, {"policies": {"networkPolicy": network}})
    assert len(found) == 4
    work = named(found, "vc-work-my-release")["spec"]
    assert work["egress"][3]["ports"][0]["port"] == 2345
    assert work["ingress"][2]["ports"][0]["port"] == 23450
    cp = named(found, "vc-cp-my-release")["spec"]
    assert cp["egress"][5]["ports"][0]["port"] == 1234
    assert cp["ingress"][5 if version in API_INGRESS else 4]["ports"][0]["port"] == 12340


@pytest.mark.parametrize("version", API_INGRESS)
def test_should_allow_external_api_ingress_by_default(version) -> None:
    first = named(policies(version, ON), "vc-cp-my-release")["spec"]["ingress"][0]
    assert first["ports"][0]["port"] == 8443
    assert first["ports"][0]["protocol"] == "TCP"
    assert first.get("from") is None


@pytest.mark.parametrize("version", API_INGRESS)
def test_should_not_create_workload_or_dns_policy_when_private_nodes_enabled(version) -> None:
    user = {**ON, "privateNodes": {"enabled": True}}
    assert [m.name for m in policies(version, user)] == ["vc-cp-my-release", "vc-snapshot-my-release"]


@pytest.mark.parametrize("version", API_INGRESS)
def test_should_create_all_policies_when_private_nodes_disabled(version) -> None:
    user = {**ON, "privateNodes": {"enabled": False}}
    assert [m.name for m in policies(version, user)] == [
        "vc-work-my-release",
        "vc-cp-my-release",
        "vc-kube-dns-my-release",
        "vc-snapshot-my-release",
    ]
