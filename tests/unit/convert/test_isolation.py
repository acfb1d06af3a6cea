"""isolation.*, security contexts, service and coredns.fallback conversion."""

from __future__ import annotations

import textwrap

import pytest

from tests.unit.convert._support import FakeSourceMap, load, schema_errors
from vcvalues.convert import RULE_NOT_CONVERTED, RULE_UNSUPPORTED, convert_values
from vcvalues.core.diagnostics import Severity


def convert(text: str, *, distro: str = "k3s", to: str = "0.36", source_map=None):
    return convert_values(
        load(textwrap.dedent(text)), distro=distro, to=to, file="values.yaml", source_map=source_map
    )


def test_isolation_enabled_alone_turns_every_policy_on_with_baseline():
    result = convert("isolation:\n  enabled: true\n", to="0.20")

    assert result.values["policies"] == {
        "limitRange": {"enabled": True},
        "networkPolicy": {"enabled": True},
        "podSecurityStandard": "baseline",
        "resourceQuota": {"enabled": True},
    }


def test_disabled_policies_override_the_auto_default_and_network_policy_stays_at_its_default():
    result = convert(
        """
        isolation:
          enabled: true
          podSecurityStandard: restricted
          resourceQuota: {enabled: false}
          limitRange: {enabled: false}
          networkPolicy: {enabled: false}
        """
    )

    assert result.values["policies"] == {
        "limitRange": {"enabled": False},
        "podSecurityStandard": "restricted",
        "resourceQuota": {"enabled": False},
    }


@pytest.mark.parametrize(
    ("target", "egress_path"),
    [
        ("0.20", ("networkPolicy", "outgoingConnections", "ipBlock")),
        ("0.36", ("networkPolicy", "workload", "publicEgress")),
    ],
)
def test_ip_block_goes_to_the_egress_key_of_the_target(target, egress_path):
    result = convert(
        """
        isolation:
          enabled: true
          networkPolicy:
            outgoingConnections:
              ipBlock:
                cidr: 10.0.0.0/8
                except: [10.1.0.0/16]
        """,
        to=target,
    )

    node = result.values["policies"]
    for part in egress_path:
        node = node[part]
    assert node == {"cidr": "10.0.0.0/8", "except": ["10.1.0.0/16"]}
    assert schema_errors(target, result.values) == []


def test_quota_and_limits_merge_over_the_new_defaults_and_scopes_replace():
    result = convert(
        """
        isolation:
          enabled: true
          resourceQuota:
            quota:
              requests.cpu: 10
              limits.cpu: 32
              services.nodeports: 2
            scopes: [NotBestEffort]
            scopeSelector:
              matchExpressions:
              - {scopeName: PriorityClass, operator: In, values: [high]}
          limitRange:
            default: {cpu: "2", memory: 512Mi}
            defaultRequest: {cpu: 50m}
        """,
        to="0.20",
    )

    policies = result.values["policies"]
    # requests.cpu and default memory equal the new defaults, so they are not printed
    assert policies["resourceQuota"] == {
        "enabled": True,
        "quota": {"limits.cpu": 32, "services.nodeports": 2},
        "scopes": ["NotBestEffort"],
        "scopeSelector": {
            "matchExpressions": [{"scopeName": "PriorityClass", "operator": "In", "values": ["high"]}]
        },
    }
    assert policies["limitRange"] == {
        "enabled": True,
        "default": {"cpu": "2"},
        "defaultRequest": {"cpu": "50m"},
    }
    assert schema_errors("0.20", result.values) == []


def test_a_null_quota_entry_is_kept_for_both_targets():
    # vcluster 0.20.0 dropped it (so the default came back); 0.36 keeps it, and so does vcvalues
    for target in ("0.20", "0.36"):
        result = convert(
            "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      count/pods: null\n", to=target
        )
        assert result.values["policies"]["resourceQuota"]["quota"] == {"count/pods": None}
        assert "count/pods: null\n" in result.text


def test_isolation_keys_without_isolation_enabled_are_reported_not_converted():
    source_map = FakeSourceMap({("isolation",): (1, 1), ("isolation", "podSecurityStandard"): (2, 3)})
    result = convert("isolation:\n  podSecurityStandard: restricted\n", source_map=source_map)

    assert "policies" not in result.values
    assert [(d.rule_id, d.severity, d.line, d.column, d.message) for d in result.diagnostics] == [
        (
            RULE_NOT_CONVERTED,
            Severity.INFO,
            2,
            3,
            "isolation.podSecurityStandard is not converted: isolation.enabled is not true",
        )
    ]


@pytest.mark.parametrize(
    ("key_text", "path", "message", "target"),
    [
        (
            "namespace: team-a",
            ("isolation", "namespace"),
            "isolation.namespace is no longer supported",
            "0.20",
        ),
        ('namespace: ""', ("isolation", "namespace"), "isolation.namespace is no longer supported", "0.36"),
        (
            "nodeProxyPermission:\n    enabled: false",
            ("isolation", "nodeProxyPermission", "enabled"),
            "isolation.nodeProxyPermission.enabled is no longer supported",
            "0.36",
        ),
    ],
)
def test_upstream_isolation_errors_point_at_the_key(key_text, path, message, target):
    source_map = FakeSourceMap({("isolation",): (1, 1), path: (3, 5)})
    result = convert(f"isolation:\n  enabled: true\n  {key_text}\n", to=target, source_map=source_map)

    assert result.values is None and result.text is None and not result.ok
    assert [
        (d.rule_id, d.severity, d.file, d.line, d.column, d.message, d.key_path) for d in result.diagnostics
    ] == [(RULE_UNSUPPORTED, Severity.ERROR, "values.yaml", 3, 5, message, path)]


def test_a_null_namespace_is_not_an_error():
    result = convert(
        "isolation:\n  enabled: true\n  namespace: null\n  nodeProxyPermission: {enabled: null}\n"
    )
    assert result.ok and result.diagnostics == ()


def test_wrong_types_are_errors_at_the_value():
    source_map = FakeSourceMap(
        {("isolation", "enabled"): (2, 3), ("isolation", "podSecurityStandard"): (3, 3)},
        values={("isolation", "enabled"): (2, 12), ("isolation", "podSecurityStandard"): (3, 24)},
    )
    result = convert("isolation:\n  enabled: 'true'\n  podSecurityStandard: 5\n", source_map=source_map)

    assert [(d.rule_id, d.line, d.column, d.message) for d in result.diagnostics] == [
        (RULE_UNSUPPORTED, 2, 12, "isolation.enabled must be a boolean, found string 'true'"),
        (
            RULE_NOT_CONVERTED,
            3,
            3,
            "isolation.podSecurityStandard is not converted: isolation.enabled is not true",
        ),
    ]
    result = convert("isolation:\n  enabled: true\n  podSecurityStandard: 5\n", source_map=source_map)
    assert [(d.rule_id, d.line, d.column, d.message) for d in result.diagnostics] == [
        (RULE_UNSUPPORTED, 3, 24, "isolation.podSecurityStandard must be a string, found number 5"),
    ]


def test_a_scalar_where_a_map_belongs_is_an_error():
    result = convert("isolation: true\n")
    assert [(d.rule_id, d.message) for d in result.diagnostics] == [
        (RULE_UNSUPPORTED, "isolation must be a map, found boolean true")
    ]


def test_infinite_quota_is_an_error():
    result = convert("isolation:\n  enabled: true\n  resourceQuota:\n    quota: {limits.cpu: .inf}\n")
    assert [(d.rule_id, d.message) for d in result.diagnostics] == [
        (RULE_UNSUPPORTED, "isolation.resourceQuota.quota holds .inf or .nan, which vcluster cannot read")
    ]


def test_top_level_security_contexts_merge_over_the_new_defaults():
    result = convert(
        """
        securityContext:
          runAsUser: 12345
          runAsNonRoot: true
          capabilities: {drop: [ALL]}
        podSecurityContext:
          fsGroup: 12345
        """,
        distro="k3s",
        to="0.20",
    )

    assert result.values["controlPlane"]["statefulSet"]["security"] == {
        "containerSecurityContext": {
            "runAsUser": 12345,
            "runAsNonRoot": True,
            "capabilities": {"drop": ["ALL"]},
        },
        "podSecurityContext": {"fsGroup": 12345},
    }
    assert schema_errors("0.20", result.values) == []


def test_k8s_syncer_security_context_replaces_and_dropped_defaults_print_as_zero_values():
    # upstream replaces the container security context with syncer.securityContext; its Diff prints the
    # default keys that disappeared as their zero value (false / 0), then top-level keys merge on top
    result = convert(
        """
        syncer:
          securityContext:
            runAsNonRoot: true
          podSecurityContext:
            runAsUser: 1000
        securityContext:
          readOnlyRootFilesystem: true
        """,
        distro="k8s",
    )

    assert result.values["controlPlane"]["statefulSet"]["security"] == {
        "containerSecurityContext": {
            "allowPrivilegeEscalation": False,
            "runAsUser": 0,
            "runAsGroup": 0,
            "runAsNonRoot": True,
            "readOnlyRootFilesystem": True,
        },
        "podSecurityContext": {"runAsUser": 1000},
    }
    assert result.diagnostics == ()


def test_k3s_syncer_security_context_is_not_a_key_of_that_chart():
    result = convert("syncer:\n  securityContext:\n    runAsNonRoot: true\n", distro="k3s")

    assert "security" not in result.values["controlPlane"]["statefulSet"]
    assert [(d.rule_id, d.key_path) for d in result.diagnostics] == [
        (RULE_NOT_CONVERTED, ("syncer", "securityContext"))
    ]


def test_service_type_and_traffic_settings_go_to_the_control_plane_service_spec():
    result = convert(
        """
        service:
          type: LoadBalancer
          externalIPs: [192.0.2.10]
          externalTrafficPolicy: Local
          loadBalancerIP: 192.0.2.10
        """
    )

    assert result.values["controlPlane"]["service"] == {
        "spec": {"type": "LoadBalancer", "externalIPs": ["192.0.2.10"], "externalTrafficPolicy": "Local"}
    }
    assert [(d.rule_id, d.key_path) for d in result.diagnostics] == [
        (RULE_NOT_CONVERTED, ("service", "loadBalancerIP"))
    ]
    assert schema_errors("0.36", result.values) == []


def test_service_type_equal_to_the_default_prints_nothing():
    result = convert("service:\n  type: ClusterIP\n")
    assert "service" not in result.values["controlPlane"]


@pytest.mark.parametrize(("fallback", "printed"), [("1.1.1.1", "1.1.1.1"), ("8.8.8.8", None), ("", None)])
def test_coredns_fallback_becomes_fallback_dns_even_without_isolation(fallback, printed):
    result = convert(f"coredns:\n  fallback: '{fallback}'\n  replicas: 2\n")

    dns = result.values.get("policies", {}).get("networkPolicy", {}).get("fallbackDns")
    assert dns == printed
    assert [d.key_path for d in result.diagnostics] == [("coredns", "replicas")]


def test_every_distro_becomes_k8s_for_036():
    for distro in ("k3s", "k0s", "k8s", "eks"):
        result = convert("", distro=distro, to="0.36")
        assert result.values["controlPlane"]["distro"] == {"k8s": {"enabled": True}}
        assert result.values["controlPlane"]["backingStore"] == {"etcd": {"deploy": {"enabled": True}}}


def test_eks_is_converted_as_k8s_for_020():
    result = convert("", distro="eks", to="0.20")
    assert result.values["controlPlane"]["distro"] == {"k8s": {"enabled": True}}


def test_embedded_etcd_migration_flag():
    result = convert("embeddedEtcd:\n  enabled: true\n  migrateFromEtcd: true\n", distro="k8s", to="0.20")
    assert result.values["controlPlane"]["backingStore"] == {
        "etcd": {"embedded": {"enabled": True, "migrateFromDeployedEtcd": True}}
    }
