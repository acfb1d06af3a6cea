"""Quota, LimitRange, network, syncer args, security contexts, traps: exact rule, line, column, message."""

from __future__ import annotations

import pytest

from tests.unit.legacy.rules._helpers import messages, run
from vcvalues.core import k8s_resources as _k8s
from vcvalues.core.cidr import parse_cidr

SA = "syncer:\n  extraArgs:\n  - --service-account-token-secrets\n"
QUOTA = "isolation:\n  resourceQuota:\n    quota:\n"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("limits.pods", "must be a standard resource for quota"),
        ("storage", "must be a standard resource for quota"),
        ("count/pods", None),
        ("requests.nvidia.com/gpu", None),
        ("gold.storageclass.storage.k8s.io/requests.storage", None),
        ("hugepages-2Mi", None),
        ("a/b/c", "a qualified name has at most one '/'"),
        ("Count/pods", "the prefix before '/' must be a lower-case DNS subdomain"),
        ("-cpu", "the name must be alphanumeric, '-', '_' or '.', starting and ending with an alphanumeric"),
    ],
)
def test_quota_names(name: str, problem: str | None) -> None:
    assert _k8s.quota_name_problem(name) == problem


def test_integer_resources() -> None:
    assert _k8s.is_integer_resource("count/pods") and _k8s.is_integer_resource("services.nodeports")
    assert not _k8s.is_integer_resource("requests.cpu") and not _k8s.is_integer_resource(
        "requests.nvidia.com/gpu"
    )


def test_quota_name_did_you_mean() -> None:
    assert messages(f"{QUOTA}      requests.cpus: 1\n")[0] == (
        "quota-resource-name",
        "'requests.cpus' is not a valid quota resource name: must be a standard resource for quota",
    )
    assert run(f"{QUOTA}      requests.cpus: 1\n") == [("quota-resource-name", 4, 7)]


def test_negative_and_fractional_counts() -> None:
    assert messages(f"{QUOTA}      requests.memory: -1\n      services: 1.5\n") == [
        ("quota-integer-resource", "quota requests.memory: -1 is negative"),
        ("quota-integer-resource", "quota services: 1.5 is not a whole number; services counts objects"),
    ]


def test_conflicting_scopes() -> None:
    found = messages(
        "isolation:\n  resourceQuota:\n    quota: null\n    scopes: [Terminating, NotTerminating, Foo]\n"
    )
    assert found == [
        ("quota-scope", "conflicting scopes Terminating and NotTerminating: no pod matches both"),
        ("quota-scope", "unsupported scope 'Foo'"),
    ]


def test_limitrange_extended_resource_must_not_overcommit() -> None:
    text = (
        "isolation:\n  limitRange:\n    default:\n      example.com/gpu: 2\n    defaultRequest:\n      "
        "example.com/gpu: 1\n"
    )
    assert run(text) == [("limitrange-request-above-default", 6, 24)]


@pytest.mark.parametrize(
    ("text", "ok"),
    [("10.0.0.0/8", True), ("010.0.0.0/8", True), ("10.0.0.1/8", True), ("2001:db8::/64", True),
     ("10.0.0.0", False), ("10.0.0.0/33", False), ("10.0.0.0/255.0.0.0", False), ("fe80::1%eth0/64", False),
     (8, False)],
)  # fmt: skip
def test_parse_cidr_is_sloppy_like_go(text: object, ok: bool) -> None:
    assert (parse_cidr(text) is not None) is ok


def test_egress_cidr_equal_to_except_is_not_strict() -> None:
    text = (
        "isolation:\n  networkPolicy:\n    outgoingConnections:\n      ipBlock:\n        cidr: "
        "10.0.0.0/8\n        except: [10.0.0.0/8]\n"
    )
    assert run(text) == [("egress-cidr", 6, 18)]


def test_empty_cidr_only_matters_when_the_policy_is_rendered() -> None:
    text = "isolation:\n  networkPolicy:\n    outgoingConnections:\n      ipBlock:\n        cidr: ''\n"
    assert run(text) == []
    assert run(text.replace("isolation:\n", "isolation:\n  enabled: true\n") + SA) == [("egress-cidr", 6, 15)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--tls-san", "my.host"], []),
        (["--sync-all-nodes", "'false'"], [("extra-args-syntax", 4, 5)]),
        (["-sync-all-nodes"], [("extra-args-syntax", 3, 5)]),
        (["--node-selector=pool"], [("node-selector-syntax", 3, 5)]),
        (["--node-selector", "a=b,c=d"], []),
        (["--tls-sann=x"], [("extra-args-unknown-flag", 3, 5)]),
    ],
)
def test_extra_args(args: list[str], expected: list[tuple[str, int, int]]) -> None:
    text = "syncer:\n  extraArgs:\n" + "".join(f"  - {a}\n" for a in args)
    assert run(text) == expected


def test_unknown_flag_message() -> None:
    assert messages("syncer:\n  extraArgs:\n  - --tls-sann=x\n") == [
        (
            "extra-args-unknown-flag",
            "the syncer of chart 0.19.10 has no flag --tls-sann: it stops with 'unknown flag: --tls-sann'",
        )
    ]


def test_pss_override_and_sa_tokens_false() -> None:
    text = "isolation:\n  enabled: true\nsyncer:\n  extraArgs:\n  - --service-account-token-secrets=false\n"
    assert run(text) == [("service-account-token-annotations", 2, 12)]
    assert run(text, chart_version="0.15.0") == [("extra-args-unknown-flag", 5, 5)]


def test_run_as_non_root_with_user_zero_in_the_user_file() -> None:
    assert run("securityContext:\n  runAsNonRoot: true\n  runAsUser: 0\n") == [
        ("run-as-non-root-conflict", 2, 17)
    ]
    # 0.15.x k3s defaults set no runAsUser: no conflict.
    assert run("securityContext:\n  runAsNonRoot: true\n", chart_version="0.15.7") == []


def test_string_boolean_only_where_the_chart_has_a_boolean() -> None:
    assert run('coredns:\n  enabled: "no"\n  fallback: "false"\n') == [("string-boolean", 2, 12)]


def test_float_rendering_message_and_set_integers() -> None:
    assert messages("securityContext:\n  runAsUser: 1000680000\n") == [
        (
            "float-rendering",
            "securityContext.runAsUser: Helm holds 1000680000 as a float64 and renders it as 1.00068e+09",
        )
    ]
    from vcvalues.legacy.compile import compile_values

    result = compile_values([], set_values=["securityContext.runAsUser=1000680000"])
    assert result.diagnostics == []


def test_pod_security_level_claims_the_schema_issue() -> None:
    assert messages("isolation:\n  podSecurityStandard: Restricted\n") == [
        (
            "pod-security-level",
            "isolation.podSecurityStandard is 'Restricted': the syncer refuses to start with it "
            "(must be privileged, baseline or restricted)",
        )
    ]
