"""The host policy of 0.20+ values: the objects the chart renders, the control plane's own use, the level."""

from __future__ import annotations

import io
from pathlib import Path

from vcvalues.admission.modern import modern_host
from vcvalues.cli import IO, main
from vcvalues.core.quantity import Quantity
from vcvalues.modern.compile import compile_modern_values

QUOTA_ON = "policies:\n  resourceQuota:\n    enabled: true\n"


def host_of(text: str, version: str = "0.36.1"):
    result = compile_modern_values(
        [("v.yaml", text)], chart_version=version, release="team-a", namespace="team-a"
    )
    assert result.ok, result.diagnostics
    return modern_host(result.values, result.chart, result.release, result.namespace)


def test_quota_and_limit_range_are_the_rendered_objects() -> None:
    host = host_of(QUOTA_ON)
    assert [q.name for q in host.quotas] == ["vc-team-a"]
    assert host.quotas[0].hard["requests.cpu"] == Quantity.parse("10")
    assert host.quotas[0].hard["services.nodeports"] == Quantity.parse("0")
    # resourceQuota.enabled: true renders the limit range too (the chart's auto duo)
    assert [lr.name for lr in host.limit_ranges] == ["vc-team-a"]
    assert host.limit_ranges[0].items[0].default["memory"] == Quantity.parse("512Mi")
    assert host.namespace == "team-a"


def test_control_plane_pods_and_service_count_with_limit_range_defaults() -> None:
    host = host_of(QUOTA_ON)
    labels = [(c.label, c.count) for c in host.control_plane]
    assert labels == [("the control plane", 1), ("coredns", 1), ("the control-plane service", 1)]
    plane = host.control_plane[0].shape
    syncer = next(c for c in plane.containers if not c.init)
    # the chart sets no cpu limit on the control plane: the LimitRange default (1) fills it
    assert syncer.limits["cpu"] == Quantity.parse("1")


def test_no_policies_means_no_objects_and_no_level() -> None:
    host = host_of("controlPlane:\n  statefulSet:\n    highAvailability:\n      replicas: 1\n")
    assert host.quotas == () and host.limit_ranges == () and host.syncer is None


def test_pod_security_standard_sets_the_syncer_policy() -> None:
    host = host_of("policies:\n  podSecurityStandard: restricted\n", "0.20.0")
    assert host.syncer is not None and str(host.syncer.level_version) == "restricted:latest"
    assert host.syncer.minor == 30


def test_target_namespace_up_to_028_moves_the_objects_and_says_so() -> None:
    host = host_of(QUOTA_ON + "experimental:\n  syncSettings:\n    targetNamespace: work\n", "0.20.0")
    assert host.namespace == "work"
    assert host.control_plane == ()
    assert "targetNamespace" in host.notes[0]


def test_nodeport_service_refused_by_the_modern_quota(tmp_path: Path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text(QUOTA_ON)
    service = tmp_path / "svc.yaml"
    service.write_text(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n"
        "  ports:\n  - port: 80\n"
    )
    out, err = io.StringIO(), io.StringIO()
    code = main(["check-pods", str(service), "--values", str(values)], IO(out=out, err=err))
    assert code == 1
    assert (
        f"{service}:4:9: refused Service web (0/1)" in out.getvalue()
        or "refused Service web" in out.getvalue()
    )
    assert "services.nodeports" in err.getvalue()
