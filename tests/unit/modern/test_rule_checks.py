"""The 0.20+ rules on the cases their examples do not show: exact (rule, line, column), fixes, releases."""

from __future__ import annotations

import textwrap

from vcvalues.core.chart import resolve_modern
from vcvalues.core.fix import fix_text
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import ModernCompileResult, compile_modern

FLAGSHIP = """\
    policies:
      resourceQuota:
        enabled: true
    controlPlane:
      service:
        spec:
          type: LoadBalancer
    """


def lint(text: str, version: str = "0.36.1", **options) -> ModernCompileResult:
    return compile_modern(
        [load_yaml(textwrap.dedent(text), file="vcluster.yaml")], resolve_modern(version), **options
    )


def found(result: ModernCompileResult) -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


def test_flagship_loadbalancer_with_the_quota_on_at_every_profile() -> None:
    for version in ("0.20.0", "0.21.0", "0.29.0", "0.31.0", "0.33.2", "0.36.1"):
        result = lint(FLAGSHIP, version)
        assert found(result) == [("expose-needs-nodeports", 7, 13)], version
        assert result.diagnostics[0].fixable
        assert (
            "needs 1 node port and the quota allows 0 (services.nodeports)" in result.diagnostics[0].message
        )


def test_flagship_fix_gives_values_that_lint_clean() -> None:
    fixed = lint(FLAGSHIP, apply_fixes=True)
    assert fixed.fixes == [
        (
            ("policies", "resourceQuota", "quota", "services.nodeports"),
            1,
            "set policies.resourceQuota.quota[services.nodeports] to 1 (was 0)",
        )
    ]
    assert fixed.values["policies"]["resourceQuota"]["quota"]["services.nodeports"] == 1
    text = fix_text(textwrap.dedent(FLAGSHIP), fixed.fixes, file="vcluster.yaml")
    assert "      services.nodeports: 1\n" in text
    assert found(lint(text)) == []


def test_the_quota_value_is_blamed_when_the_user_wrote_it() -> None:
    text = FLAGSHIP.replace(
        "enabled: true\n", "enabled: true\n        quota:\n          services.nodeports: 0\n"
    )
    assert found(lint(text)) == [("expose-needs-nodeports", 5, 27)]


def test_node_port_service_needs_two_and_istio_three() -> None:
    text = """\
    policies:
      resourceQuota:
        enabled: true
        quota:
          services.nodeports: 2
    controlPlane:
      service:
        spec:
          type: NodePort
    integrations:
      istio:
        enabled: true
    """
    result = lint(text)
    assert found(result) == [("expose-needs-nodeports", 5, 27)]
    assert "needs 3 node ports" in result.diagnostics[0].message


def test_the_auto_duo_renders_the_quota_when_the_limit_range_is_true() -> None:
    text = FLAGSHIP.replace("resourceQuota:\n    enabled: true", "limitRange:\n    enabled: true")
    assert [r for r, _, _ in found(lint(text))] == ["expose-needs-nodeports"]
    text = FLAGSHIP.replace("enabled: true", 'enabled: "True"')  # acts as auto: no quota
    assert [r for r, _, _ in found(lint(text))] == ["policy-enabled-string"]


def test_quota_without_limit_range_blocks_the_control_plane() -> None:
    result = lint(
        """\
        policies:
          resourceQuota:
            enabled: true
            quota:
              limits.cpu: 20
          limitRange:
            enabled: false
        """
    )
    assert found(result) == [("quota-needs-limitrange", 5, 19), ("quota-needs-limitrange", 7, 14)]
    assert "must specify limits.cpu for: syncer" in result.diagnostics[0].message
    assert result.diagnostics[0].severity.label == "error"


def test_limit_range_default_lacking_the_resource() -> None:
    result = lint(
        """\
        policies:
          resourceQuota:
            enabled: true
            quota:
              limits.cpu: 20
          limitRange:
            default:
              cpu: null
        """
    )
    assert ("quota-needs-limitrange", 5, 19) in found(result)
    assert "the limit range has no default for it" in result.diagnostics[0].message


def test_limit_range_bounds_and_request_above_default() -> None:
    result = lint(
        """\
        policies:
          limitRange:
            enabled: true
            min:
              cpu: "2"
            defaultRequest:
              memory: 1Gi
        """
    )
    assert found(result) == [("limitrange-bounds", 5, 12), ("limitrange-request-above-default", 7, 15)]


def test_egress_cidr_in_user_rules_and_publicegress() -> None:
    result = lint(
        """\
        policies:
          networkPolicy:
            enabled: true
            workload:
              publicEgress:
                cidr: 0.0.0.0/33
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except: ["fd00::/8"]
        """
    )
    assert found(result) == [("egress-cidr", 6, 15), ("egress-cidr", 11, 22)]


def test_egress_cidr_before_031_reads_outgoing_connections() -> None:
    text = (
        "policies:\n  networkPolicy:\n    enabled: true\n    outgoingConnections:\n      ipBlock:\n"
        "        except: [8.8.8.8/32]\n        cidr: 10.0.0.0/8\n"
    )
    assert found(lint(text, "0.30.5")) == [("egress-cidr", 6, 18)]


def test_policies_scope() -> None:
    text = "policies:\n  resourceQuota:\n    enabled: true\nsync:\n  toHost:\n    namespaces:\n      enabled: on\n"  # noqa: E501
    assert [r for r, _, _ in found(lint(text))] == ["policies-scope", "yaml11-boolean"]
    text = "policies:\n  networkPolicy:\n    enabled: true\nexperimental:\n  syncSettings:\n    targetNamespace: x\n"  # noqa: E501
    assert found(lint(text, "0.28.2")) == [("policies-scope", 6, 22)]


def test_pod_security_level_case() -> None:
    result = lint("policies:\n  podSecurityStandard: Restricted\n")
    assert found(result) == [("pod-security-level", 2, 24)]
    assert result.diagnostics[0].hint == "write restricted"
    assert found(lint('policies:\n  podSecurityStandard: ""\n')) == []


def test_rules_can_be_disabled_and_suppressed() -> None:
    assert found(lint(FLAGSHIP, disable={"expose-needs-nodeports"})) == []
    text = FLAGSHIP.replace(
        "type: LoadBalancer", "type: LoadBalancer  # vcvalues: disable=expose-needs-nodeports"
    )
    assert found(lint(text)) == []


EXPOSED = """\
    policies:
      networkPolicy:
        enabled: true
    controlPlane:
      service:
        spec:
          type: LoadBalancer
    """


def test_netpol_blocks_exposure_only_in_the_releases_that_block() -> None:
    assert found(lint(EXPOSED, "0.30.5")) == []
    assert found(lint(EXPOSED, "0.31.0")) == [("netpol-blocks-exposure", 7, 13)]
    assert found(lint(EXPOSED, "0.33.1")) == [("netpol-blocks-exposure", 7, 13)]
    assert found(lint(EXPOSED, "0.33.2")) == []


def test_netpol_blocks_exposure_through_the_ingress_and_a_rule_with_peers_does_not_help() -> None:
    text = """\
    policies:
      networkPolicy:
        enabled: true
        controlPlane:
          ingress:
          - from:
            - podSelector: {}
            ports:
            - port: 8443
    controlPlane:
      ingress:
        enabled: true
    """
    assert found(lint(text, "0.32.0")) == [("netpol-blocks-exposure", 12, 14)]


def test_quota_names_and_integers() -> None:
    result = lint(
        """\
        policies:
          resourceQuota:
            enabled: true
            quota:
              limits.pods: 10
              hard.cpu: 1
              count/services: -1
              services: 1.5
        """
    )
    assert found(result) == [
        ("quota-resource-name", 5, 7),
        ("quota-resource-name", 6, 7),
        ("quota-integer-resource", 7, 23),
        ("quota-integer-resource", 8, 17),
    ]
    assert result.diagnostics[0].hint == "did you mean 'pods'?"


def test_quota_rules_wait_for_the_quota_to_render() -> None:
    assert found(lint("policies:\n  resourceQuota:\n    quota:\n      limits.pods: 10\n")) == []


def test_control_plane_exceeds_quota_with_replicas_and_limit_range_defaults() -> None:
    result = lint(
        """\
        policies:
          resourceQuota:
            enabled: true
            quota:
              requests.memory: 1Gi
              limits.cpu: "3"
        controlPlane:
          statefulSet:
            highAvailability:
              replicas: 3
        """
    )
    # control plane: 3 x 256Mi requests, CoreDNS 64Mi -> 832Mi fits 1Gi; limits.cpu: the syncer has
    # none, the limit range default gives 1 each -> 3 x 1 + CoreDNS 1 = 4 > 3
    assert found(result) == [("control-plane-exceeds-quota", 6, 19)]
    assert "need limits.cpu 4 and the quota allows 3" in result.diagnostics[0].message


def test_control_plane_fits_the_default_quota_at_every_profile() -> None:
    for version in ("0.20.0", "0.26.2", "0.30.0", "0.36.1"):
        assert found(lint("policies:\n  resourceQuota:\n    enabled: true\n", version)) == [], version


def test_deployed_etcd_counts_too() -> None:
    text = """\
    policies:
      resourceQuota:
        enabled: true
        quota:
          count/pods: 3
    controlPlane:
      backingStore:
        etcd:
          deploy:
            enabled: true
            statefulSet:
              highAvailability:
                replicas: 3
    """
    result = lint(text)
    assert found(result) == [("control-plane-exceeds-quota", 5, 19)]
    assert "(the control plane x1, etcd x3, coredns x1) need count/pods 5" in result.diagnostics[0].message
