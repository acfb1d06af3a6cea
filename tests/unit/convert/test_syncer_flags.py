"""syncer.extraArgs: parsing, conversion of every known flag, and upstream's errors."""

from __future__ import annotations

import pytest

from tests.unit.convert._support import FakeSourceMap, schema_errors
from vcvalues.convert import RULE_UNSUPPORTED, convert_values
from vcvalues.convert._flag_table import FLAGS_0_20, FLAGS_0_36


def convert_args(args, *, to="0.36", distro="k8s", source_map=None):
    return convert_values(
        {"syncer": {"extraArgs": list(args)}}, distro=distro, to=to, file="values.yaml", source_map=source_map
    )


def errors(result):
    return [(d.rule_id, d.key_path, d.message) for d in result.diagnostics]


def test_the_three_flag_forms():
    result = convert_args(["--node-selector", "a=b,c=d", "--tls-san=x.example.com", "--sync-all-nodes"])

    assert result.values["sync"]["fromHost"]["nodes"] == {
        "enabled": True,
        "selector": {"all": True, "labels": {"a": "b", "c": "d"}},
    }
    assert result.values["controlPlane"]["proxy"] == {"extraSANs": ["x.example.com"]}


def test_an_argument_that_is_not_a_flag_is_an_error_at_its_item():
    source_map = FakeSourceMap({}, values={("syncer", "extraArgs", 1): (4, 5)})
    result = convert_args(["--sync-all-nodes=true", "-v=4", "--"], source_map=source_map)

    assert [(d.rule_id, d.line, d.column, d.message) for d in result.diagnostics] == [
        (
            RULE_UNSUPPORTED,
            1,
            1,
            "unexpected syncer argument '--': only --flag, --flag=value and --flag value convert",
        ),
        (
            RULE_UNSUPPORTED,
            4,
            5,
            "unexpected syncer argument '-v=4': only --flag, --flag=value and --flag value convert",
        ),
    ]


def test_enforce_pod_security_standard_is_an_error_with_a_hint():
    source_map = FakeSourceMap({}, values={("syncer", "extraArgs", 0): (3, 5)})
    result = convert_args(["--enforce-pod-security-standard=restricted"], source_map=source_map)

    (diagnostic,) = result.diagnostics
    assert (diagnostic.rule_id, diagnostic.file, diagnostic.line, diagnostic.column) == (
        RULE_UNSUPPORTED,
        "values.yaml",
        3,
        5,
    )
    assert diagnostic.message == (
        "syncer flag --enforce-pod-security-standard cannot be converted: "
        "shouldn't be used directly, use isolation.podSecurityStandard instead"
    )
    assert diagnostic.hint == "remove the flag and set isolation.podSecurityStandard"
    assert result.values is None and result.text is None


@pytest.mark.parametrize(("value", "failed"), [("false", True), ("true", False), ("", False)])
def test_enforce_node_selector_false_is_an_error(value, failed):
    args = [f"--enforce-node-selector={value}"] if value else ["--enforce-node-selector"]
    result = convert_args(args)
    expected = (
        [
            (
                RULE_UNSUPPORTED,
                ("syncer", "extraArgs", 0),
                "syncer flag --enforce-node-selector cannot be converted: "
                "this is not supported anymore, node selector will from now on always be enforced",
            )
        ]
        if failed
        else []
    )
    assert errors(result) == expected


def test_unknown_flags_are_errors():
    result = convert_args(["--no-such-flag=1", "--sync-labels=a"], to="0.36")
    assert errors(result) == [
        (RULE_UNSUPPORTED, ("syncer", "extraArgs", 0), "unknown syncer flag --no-such-flag"),
        (RULE_UNSUPPORTED, ("syncer", "extraArgs", 1), "unknown syncer flag --sync-labels"),
    ]


def test_sync_labels_converts_for_020_only():
    result = convert_args(["--sync-labels=a,b"], to="0.20")
    assert result.values["experimental"] == {"syncSettings": {"syncLabels": ["a", "b"]}}


def test_remote_kube_config_converts_for_020_and_fails_for_036():
    result = convert_args(["--remote-kube-config=/kc", "--remote-namespace=ns"], to="0.20")
    assert result.values["experimental"] == {
        "isolatedControlPlane": {"enabled": True, "kubeConfig": "/kc", "namespace": "ns"}
    }
    result = convert_args(["--remote-kube-config=/kc"], to="0.36")
    assert errors(result) == [
        (
            RULE_UNSUPPORTED,
            ("syncer", "extraArgs", 0),
            "syncer flag --remote-kube-config cannot be converted: this feature is not supported anymore",
        )
    ]


@pytest.mark.parametrize("flag", ["--node-selector", "--tls-san", "--cluster-domain", "--lease-duration"])
def test_a_flag_that_needs_a_value_fails_without_one(flag):
    result = convert_args([flag, "--sync-all-nodes"])
    assert errors(result) == [
        (
            RULE_UNSUPPORTED,
            ("syncer", "extraArgs", 0),
            f"syncer flag {flag} cannot be converted: value is missing",
        )
    ]


def test_integer_flags():
    result = convert_args(["--lease-duration=90", "--renew-deadline", "+40", "--retry-period=x"])
    assert errors(result) == [
        (
            RULE_UNSUPPORTED,
            ("syncer", "extraArgs", 3),
            "syncer flag --retry-period cannot be converted: value 'x' is not an integer",
        )
    ]
    result = convert_args(["--lease-duration=90", "--renew-deadline", "+40"])
    assert result.values["controlPlane"]["statefulSet"]["highAvailability"] == {"leaseDuration": 90}


def test_boolean_switches_and_their_false_forms():
    result = convert_args(
        ["--set-owner=false", "--disable-fake-kubelets", "--override-hosts=false", "--fake-kubelet-ips=maybe"]
    )
    assert result.values["experimental"] == {"syncSettings": {"setOwner": False}}
    assert result.values["networking"] == {
        "advanced": {"proxyKubelets": {"byHostname": False, "byIP": False}}
    }
    assert result.values["sync"] == {"toHost": {"pods": {"rewriteHosts": {"enabled": False}}}}


def test_enable_scheduler_false_also_disables_the_k8s_scheduler_in_036():
    result = convert_args(["--enable-scheduler=false"], to="0.36")
    # both are false by default, so nothing differs
    assert "advanced" not in result.values["controlPlane"]
    assert result.diagnostics == ()


def test_namespace_labels_alone_still_give_the_required_enabled_key_in_036():
    result = convert_args(["--namespace-labels=team=a, bad ,x=y"], to="0.36")
    assert result.values["sync"] == {
        "toHost": {"namespaces": {"enabled": False, "extraLabels": {"team": "a", "x": "y"}}}
    }
    assert schema_errors("0.36", result.values) == []


def test_multi_namespace_mode_per_target():
    args = ["--multi-namespace-mode", "--namespace-labels=a=b"]
    assert convert_args(args, to="0.20").values["experimental"] == {
        "multiNamespaceMode": {"enabled": True, "namespaceLabels": {"a": "b"}}
    }
    assert convert_args(args, to="0.36").values["sync"] == {
        "toHost": {"namespaces": {"enabled": True, "extraLabels": {"a": "b"}}}
    }


def test_export_kubeconfig_flags_without_a_value_fail_in_036():
    result = convert_args(["--out-kube-config-secret", "--kube-config-context-name="], to="0.36")
    # no source map: both sit at 1:1 and sort by message
    assert errors(result) == [
        (
            RULE_UNSUPPORTED,
            ("syncer", "extraArgs", 1),
            "syncer flag --kube-config-context-name cannot be converted: value is missing",
        ),
        (
            RULE_UNSUPPORTED,
            ("syncer", "extraArgs", 0),
            "syncer flag --out-kube-config-secret cannot be converted: value is missing",
        ),
    ]


def test_export_kubeconfig_secret_in_020():
    result = convert_args(["--out-kube-config-secret=s", "--out-kube-config-secret-namespace=n"], to="0.20")
    assert result.values["exportKubeConfig"] == {"secret": {"name": "s", "namespace": "n"}}


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("alpine:3.19", {"registry": "", "repository": "alpine", "tag": "3.19"}),
        ("library/busybox", {"registry": "", "repository": "busybox", "tag": ""}),
        ("ghcr.io/org/img:1", {"registry": "ghcr.io", "repository": "org/img", "tag": "1"}),
        # ParseImageRef drops "library/", so the repository differs from the default library/alpine
        ("mirror.gcr.io/library/alpine:3.20", {"repository": "alpine"}),
    ],
)
def test_rewrite_hosts_image_is_split_in_036(image, expected):
    result = convert_args([f"--override-hosts-container-image={image}"], to="0.36")
    pods = result.values.get("sync", {}).get("toHost", {}).get("pods", {})
    assert pods.get("rewriteHosts", {}).get("initContainer", {}).get("image", {}) == expected


def test_rewrite_hosts_image_stays_a_string_in_020():
    result = convert_args(["--override-hosts-container-image=alpine:3.19"], to="0.20")
    assert result.values["sync"]["toHost"]["pods"] == {
        "rewriteHosts": {"initContainer": {"image": "alpine:3.19"}}
    }


def test_extra_args_must_be_a_list_of_strings():
    result = convert_values({"syncer": {"extraArgs": ["--sync-all-nodes", 5]}}, distro="k8s")
    assert errors(result) == [
        (RULE_UNSUPPORTED, ("syncer", "extraArgs", 1), "syncer.extraArgs[1] must be a string, found number 5")
    ]


_SAMPLE_VALUES = {"lease-duration": "30", "renew-deadline": "20", "retry-period": "5"}


@pytest.mark.parametrize(
    ("target", "flag"),
    [("0.20", flag) for flag in sorted(FLAGS_0_20)] + [("0.36", flag) for flag in sorted(FLAGS_0_36)],
)
def test_every_convertible_flag_gives_values_the_target_schema_accepts(target, flag):
    value = _SAMPLE_VALUES.get(flag, "k=v")
    result = convert_args([f"--{flag}={value}"], to=target)
    if not result.ok:
        assert [d.rule_id for d in result.diagnostics] == [RULE_UNSUPPORTED]
        return
    assert result.diagnostics == ()
    assert schema_errors(target, result.values) == []
