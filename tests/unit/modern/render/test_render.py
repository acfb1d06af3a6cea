"""Profile deltas, gates, metadata, text and failures of vcvalues.modern.render (MODERN §0, §2)."""

from __future__ import annotations

import textwrap

import pytest

from tests.unit.modern.render._values import chart_defaults, named, of_kind, render
from vcvalues.core.coalesce import coalesce
from vcvalues.errors import RenderError, UnsupportedChartVersionError, UsageError
from vcvalues.modern.render import render_manifests, render_text
from vcvalues.modern.render._context import merge

ON = {"policies": {"networkPolicy": {"enabled": True}}}


def text(version: str, user: dict, **kwargs) -> str:
    values = coalesce(user, chart_defaults(version))
    return render_text(
        values, release="my-release", namespace="my-namespace", chart_version=version, **kwargs
    )


@pytest.mark.parametrize(
    ("quota", "limits", "rendered"),
    [
        ("auto", "auto", []),
        (True, "auto", ["ResourceQuota", "LimitRange"]),
        ("auto", "true", ["ResourceQuota", "LimitRange"]),
        ("True", "true", ["ResourceQuota", "LimitRange"]),  # any other string acts as auto
        ("yes", True, ["ResourceQuota", "LimitRange"]),
        ("", "auto", []),
        (True, "false", ["ResourceQuota"]),
        ("false", True, ["LimitRange"]),
        (False, "True", []),
    ],
)
def test_the_auto_duo_compares_to_string(quota, limits, rendered) -> None:
    user = {"policies": {"resourceQuota": {"enabled": quota}, "limitRange": {"enabled": limits}}}
    assert [m.kind for m in render("0.36.1", user)] == rendered


def test_install_order_and_sources() -> None:
    user = {"policies": {"resourceQuota": {"enabled": True}, "networkPolicy": {"enabled": True}}}
    found = render("0.36.1", user)
    assert [(m.kind, m.source) for m in found] == [
        *[("NetworkPolicy", "vcluster/templates/networkpolicy.yaml")] * 4,
        ("ResourceQuota", "vcluster/templates/resourcequota.yaml"),
        ("LimitRange", "vcluster/templates/limitrange.yaml"),
    ]


def test_target_namespace_until_0_28() -> None:
    user = {
        "policies": {"resourceQuota": {"enabled": True}, "networkPolicy": {"enabled": True}},
        "experimental": {"syncSettings": {"targetNamespace": "workloads"}},
    }
    assert [m.namespace for m in render("0.28.1", user)] == [
        "workloads",
        "my-namespace",
        "workloads",
        "workloads",
    ]
    del user["experimental"]  # 0.29 has no such key: everything in the release namespace
    assert {m.namespace for m in render("0.29.0", user)} == {"my-namespace"}


def test_host_dns_selector_bug_of_0_22_0_and_0_22_1() -> None:
    def dns(version: str) -> str:
        cp = named(render(version, ON), "vc-cp-my-release")
        return cp["spec"]["egress"][1]["to"][1]["podSelector"]["matchLabels"]["k8s-app"]

    assert [dns(v) for v in ("0.21.1", "0.22.0", "0.22.1", "0.22.2")] == [
        "kube-dns", "vcluster-kube-dns", "vcluster-kube-dns", "kube-dns",
    ]  # fmt: skip


def test_platform_egress_and_empty_except_until_0_30() -> None:
    user = {"policies": {"networkPolicy": {"enabled": True, "outgoingConnections": {
        "platform": False, "ipBlock": {"cidr": "10.0.0.0/8", "except": []}}}}}  # fmt: skip
    work, cp = (m.body for m in render("0.30.5", user))
    assert work["spec"]["egress"][2]["to"][1]["ipBlock"] == {"cidr": "10.0.0.0/8", "except": None}
    assert len(cp["spec"]["egress"][1]["to"]) == 2


def test_metadata_text_of_the_egress_era() -> None:
    user = {
        "policies": {
            "resourceQuota": {"enabled": True, "labels": {"team": "a"}, "annotations": {"k": "own"}}
        },
        "controlPlane": {"advanced": {"globalMetadata": {"annotations": {"k": "global", "g": "1"}}}},
    }
    quota = text("0.20.0", user).split("spec:")[0]
    assert quota == textwrap.dedent("""\
        ---
        # Source: vcluster/templates/resourcequota.yaml
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: vc-my-release
          namespace: my-namespace
          labels:
            app: vcluster
            chart: "vcluster-0.20.0"
            release: "my-release"
            heritage: "Helm"
            team: a
          annotations:
            g: "1"
            k: global
        """)


def test_metadata_of_the_rework_is_one_sorted_to_yaml_block() -> None:
    user = {"policies": {"networkPolicy": {"enabled": True, "labels": {"app": "mine", "z": "yes"}}}}
    lines = text("0.36.1", user).splitlines()
    start = lines.index("  name: vc-cp-my-release")
    assert lines[start + 1 : start + 10] == [
        "  namespace: my-namespace",
        "  annotations: {}",
        "  labels:",
        "    app: vcluster",  # the chart's label wins over the user's
        "    chart: vcluster-0.36.1",
        "    heritage: Helm",
        "    release: my-release",
        '    z: "yes"',
        "spec:",
    ]


@pytest.mark.parametrize(("version", "selector"), [("0.32.3", "rel: 123"), ("0.33.0", 'rel: "123"')])
def test_release_name_quoted_in_selectors_from_0_33_0(version, selector) -> None:
    values = coalesce(ON, chart_defaults(version))
    out = render_text(values, release="123", namespace="n", chart_version=version)
    assert f"      release: {selector.split(': ')[1]}" in out.splitlines()
    cp = render_manifests(values, release="123", namespace="n", chart_version=version)[1].body
    assert cp["spec"]["podSelector"]["matchLabels"]["release"] == (123 if version == "0.32.3" else "123")


def test_public_egress_except_is_a_to_yaml_block_from_0_31() -> None:
    user = {"policies": {"networkPolicy": {"enabled": True, "workload": {"publicEgress": {"except": []}}}}}
    assert "            except: []" in text("0.31.0", user).splitlines()
    user["policies"]["networkPolicy"]["workload"]["publicEgress"] = {"enabled": False}
    work = named(render("0.31.0", user), "vc-work-my-release")
    assert len(work["spec"]["egress"]) == 2


def test_embedded_coredns_drops_the_dns_policy() -> None:
    user = {**ON, "controlPlane": {"coredns": {"embedded": True}}}
    assert [m.name for m in render("0.31.0", user)] == [
        "vc-work-my-release",
        "vc-cp-my-release",
        "vc-snapshot-my-release",
    ]


def test_private_nodes_are_ignored_before_0_33_2() -> None:
    user = {**ON, "privateNodes": {"enabled": True}}
    assert len(of_kind(render("0.33.1", user), "NetworkPolicy")) == 4


def test_quota_values_quoted_with_go_formatting() -> None:
    quota = {"count/pods": 1000000, "requests.cpu": None, "requests.memory": 1.5, "limits.cpu": None}
    user = {"policies": {"resourceQuota": {"enabled": True, "quota": quota}}}
    hard = of_kind(render("0.36.1", user), "ResourceQuota")[0].body["spec"]["hard"]
    assert hard["count/pods"] == "1e+06"
    assert hard["requests.memory"] == "1.5"
    assert "requests.cpu" not in hard  # a user null deletes the chart default


def test_scope_selector_and_scopes() -> None:
    expressions = [{"scopeName": "PriorityClass", "operator": "In", "values": ["high"]}]
    quota = {"enabled": True, "quota": None, "scopeSelector": {"matchExpressions": expressions}}
    user = {"policies": {"resourceQuota": {**quota, "scopes": ["BestEffort"]}}}
    out = text("0.36.1", user)
    assert out.split("spec:\n")[1].split("---")[0].splitlines() == [
        "  scopeSelector:",
        "    matchExpressions:",
        "      - operator: In",
        "        scopeName: PriorityClass",
        "        values:",
        "        - high",
        "  scopes:",
        "    - BestEffort",
    ]


@pytest.mark.parametrize(
    ("user", "message"),
    [
        (
            {"policies": {"resourceQuota": {"enabled": True, "scopeSelector": None}}},
            "vcluster/templates/resourcequota.yaml: executing at "
            "<.Values.policies.resourceQuota.scopeSelector.matchExpressions>: "
            "nil pointer evaluating interface {}.matchExpressions",
        ),
        (
            {"policies": {"networkPolicy": {"enabled": True, "workload": None}}},
            "<.Values.policies.networkPolicy.workload.publicEgress.enabled>: "
            "nil pointer evaluating interface {}.publicEgress",
        ),
        (
            {"policies": {"networkPolicy": {"enabled": True}}, "controlPlane": {"coredns": None}},
            "<.Values.controlPlane.coredns.enabled>: nil pointer evaluating interface {}.enabled",
        ),
    ],
)
def test_template_time_failures_carry_helms_reason(user, message) -> None:
    with pytest.raises(RenderError, match=message.replace(".", r"\.").replace("{}", r"\{\}")):
        render("0.36.1", user)


def test_unreadable_text_is_a_render_error_for_objects_only() -> None:
    user = {
        "policies": {"networkPolicy": {"enabled": True, "outgoingConnections": {"ipBlock": {"cidr": "a: b"}}}}
    }
    assert "          cidr: a: b" in text("0.30.0", user).splitlines()
    with pytest.raises(RenderError, match="not valid YAML"):
        render("0.30.0", user)


def test_bad_versions_and_release_names() -> None:
    with pytest.raises(UnsupportedChartVersionError):
        render_manifests({}, release="r", namespace="n", chart_version="0.19.10")
    with pytest.raises(UnsupportedChartVersionError):
        render_manifests({}, release="r", namespace="n", chart_version="latest")
    with pytest.raises(UsageError):
        render_manifests({}, release="Bad_Name", namespace="n", chart_version="0.36.1")


def test_namespace_manifest_with_pod_security_labels() -> None:
    user = {"policies": {"podSecurityStandard": "restricted"}}
    (namespace,) = render("0.36.1", user, namespace_manifest=True)
    assert not namespace.from_chart
    assert namespace.source == "vcvalues/namespace.yaml"
    assert namespace.body["metadata"] == {
        "name": "my-namespace",
        "labels": {
            "pod-security.kubernetes.io/enforce": "restricted",
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/warn": "restricted",
        },
    }
    assert text("0.36.1", user, namespace_manifest=True).splitlines()[:3] == [
        "---",
        "# Source: vcvalues/namespace.yaml",
        "# not rendered by the chart: the Namespace the vcluster docs recommend (--namespace-manifest)",
    ]
    assert render("0.36.1", {}, namespace_manifest=True) == []


def test_merge_is_first_wins_but_fills_empty_values() -> None:
    assert merge({"a": "1", "b": "", "n": None}, {"a": "2", "b": "3", "n": "4", "c": None}) == {
        "a": "1",
        "b": "3",
        "n": "4",
    }
    assert merge({"m": {"x": 1}}, {"m": {"x": 2, "y": 3}}) == {"m": {"x": 1, "y": 3}}


def test_each_document_is_trimmed_as_helm_splits_manifests() -> None:
    # releaseutil.SplitManifests applies strings.TrimSpace: a trailing NBSP of the last value goes too
    user = {
        "policies": {
            "resourceQuota": {"enabled": True, "scopes": ["x\u00a0"]},
            "limitRange": {"enabled": False},
        }
    }
    (quota,) = render("0.36.1", user)
    assert quota.body["spec"]["scopes"] == ["x"]
    assert text("0.36.1", user).endswith("  scopes:\n    - x\n")
