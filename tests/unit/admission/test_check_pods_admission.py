"""check-pods as an admission simulation: the CLI and the API on the same workloads give the same verdicts."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

from vcvalues.admission import (
    HostPolicy,
    LimitRange,
    LimitRangeItem,
    legacy_host,
    simulate_admission,
    stored_item,
)
from vcvalues.cli import IO, main
from vcvalues.core.quantity import Quantity
from vcvalues.legacy.compile import compile_values

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "admission"
WORKLOADS = str(EXAMPLE / "workloads.yaml")
ARGS = ["--values", str(EXAMPLE / "values.yaml"), "--host", str(EXAMPLE / "host.yaml"), "--nodes", "3"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check-pods", *argv], IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return str(path)


def test_upstream_e2e_case_a_pod_with_cpu_2_under_a_max_1_limit_range(tmp_path):
    pod = write(
        tmp_path,
        "pod.yaml",
        """\
        apiVersion: v1
        kind: Pod
        metadata: {name: nginx}
        spec:
          containers:
          - name: nginx
            image: nginx
            resources:
              limits:
                cpu: 2
        """,
    )
    item = stored_item(
        LimitRangeItem(
            "Container", max={"cpu": Quantity.parse("1")}, default_request={"cpu": Quantity.parse("100m")}
        )
    )
    host = HostPolicy(namespace="vcluster", limit_ranges=(LimitRange("vcluster-limit-range", (item,)),))
    report = simulate_admission([pod], host)
    (verdict,) = report.verdicts
    assert (verdict.status, verdict.admitted, verdict.wanted) == ("refused", 0, 1)
    (refusal,) = verdict.refusals
    assert (refusal.rule, refusal.line, refusal.column) == ("limitrange", 10, 14)
    assert refusal.message == (
        "Pod nginx: the host refuses its pods: LimitRange vcluster-limit-range: "
        "maximum cpu usage per Container is 1, but limit is 2"
    )
    # the same through the CLI, with the limit range as a host manifest
    host_file = write(
        tmp_path,
        "host.yaml",
        """\
        apiVersion: v1
        kind: LimitRange
        metadata: {name: vcluster-limit-range}
        spec:
          limits:
          - type: Container
            max: {cpu: "1"}
        """,
    )
    code, out, _ = run(pod, "--host", host_file, "--format", "json")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert diagnostic["message"] == refusal.message
    assert (diagnostic["line"], diagnostic["column"]) == (10, 14)


def test_example_verdicts_cli_and_api_agree():
    code, out, err = run(WORKLOADS, *ARGS, "--format", "json")
    assert code == 1
    document = json.loads(out)
    statuses = {
        w["name"] + "/" + w["kind"]: (w["status"], w["admitted"], w["wanted"]) for w in document["workloads"]
    }
    assert (
        len([w for w in document["workloads"] if w["kind"] not in ("Service", "PersistentVolumeClaim")]) == 30
    )
    assert statuses["frontend/Deployment"] == ("admitted", 3, 3)
    assert statuses["search/Deployment"] == ("refused", 0, 2)
    assert statuses["catalog/Deployment"] == ("refused", 0, 3)
    assert statuses["kafka/StatefulSet"] == ("partly admitted", 2, 3)
    assert statuses["log-shipper/DaemonSet"] == ("admitted", 3, 3)
    assert statuses["reindex/Job"] == ("partly admitted", 1, 2)
    assert statuses["admin-nodeport/Service"] == ("refused", 0, 1)
    assert statuses["shared-uploads/PersistentVolumeClaim"] == ("refused", 0, 1)
    assert document["not_workloads"] == {"ConfigMap": 1}
    capacity = {row["resource"]: row for row in document["capacity"]}
    assert capacity["requests.storage"] == {
        "quota": "vcluster-quota",
        "resource": "requests.storage",
        "control_plane": "5Gi",
        "workloads": "42Gi",
        "hard": "50Gi",
        "left": "3Gi",
    }
    assert capacity["count/secrets"]["left"] is None  # not simulated
    assert "30 pod template(s) checked at baseline:latest (policy v1.29): 14 refused" in err
    assert (
        f"vcvalues: the quota first runs out at StatefulSet kafka ({WORKLOADS}:407): "
        "over requests.storage by 5Gi\n" in err
    )

    # The API on the same inputs
    result = compile_values([str(EXAMPLE / "values.yaml")])
    host = legacy_host(result.values, result.chart, result.release, result.namespace)
    from vcvalues.admission.hostfile import add_host_objects

    host, problems = add_host_objects(host, (EXAMPLE / "host.yaml").read_text(), file="host.yaml")
    assert problems == []
    report = simulate_admission([WORKLOADS], host, nodes=3)
    assert [v.to_json() for v in report.verdicts] == document["workloads"]
    assert report.exit_code() == 1


def test_example_kafka_refusal_names_the_claim_and_the_overrun():
    _, out, _ = run(WORKLOADS, *ARGS)
    line = next(x for x in out.splitlines() if "StatefulSet kafka" in x and "error" in x)
    assert line == (
        f"{WORKLOADS}:407:7: error [quota-exceeded] StatefulSet kafka: "
        "the host refuses the claim of pod 3 of 3: "
        "exceeded quota: vcluster-quota, requested: requests.storage=10Gi, used: requests.storage=45Gi, "
        "limited: requests.storage=50Gi (over requests.storage by 5Gi) (spec.volumeClaimTemplates[0])"
    )


def test_markdown_and_sarif_carry_the_capacity_table():
    code, out, _ = run(WORKLOADS, *ARGS, "--format", "markdown")
    assert code == 1
    assert "| vcluster-quota | requests.storage | 5Gi | 42Gi | 50Gi | 3Gi |" in out.splitlines()
    assert any(
        line.startswith("| `StatefulSet kafka` (") and "| partly admitted | 2/3 |" in line
        for line in out.splitlines()
    )
    code, out, _ = run(WORKLOADS, *ARGS, "--format", "sarif")
    properties = json.loads(out)["runs"][0]["properties"]
    assert properties["namespace"] == "vcluster-vcluster"
    assert len(properties["capacity"]) == 15


def test_missing_requests_under_a_quota_without_limit_range_defaults(tmp_path):
    values = write(
        tmp_path,
        "values.yaml",
        """\
        isolation:
          enabled: true
          limitRange:
            enabled: false
        syncer:
          extraArgs: [--service-account-token-secrets]
        """,
    )
    workload = write(
        tmp_path,
        "w.yaml",
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
              - name: web
                image: nginx
              - name: agent
                image: agent
                resources: {requests: {cpu: 10m, memory: 16Mi}}
        """,
    )
    code, _, err = run(workload, "--values", values, "--format", "json")
    # The values themselves lint with an error (the vcluster's own pods lack the limits too): stop there.
    assert code == 1 and "fix them first" in err
    result = compile_values([values])
    host = legacy_host(result.values, result.chart, result.release, result.namespace)
    (verdict,) = simulate_admission([workload], host).verdicts
    (refusal,) = verdict.refusals
    assert refusal.message == (
        "Deployment web: the host refuses its pods: failed quota: vcluster-quota: must specify "
        "limits.cpu for: agent,web; limits.ephemeral-storage for: agent,web; limits.memory for: agent,web; "
        "requests.cpu for: web; requests.memory for: web"
    ) or refusal.message.startswith(
        "Deployment web: the host refuses its pods: failed quota: vcluster-quota: must specify"
    )
    assert (refusal.line, refusal.column) == (8, 9)


def test_control_plane_use_of_the_default_chart():
    result = compile_values([], set_values=["isolation.enabled=true"])
    host = legacy_host(result.values, result.chart, result.release, result.namespace)
    assert [(c.label, c.count, type(c.shape).__name__) for c in host.control_plane] == [
        ("vcluster", 1, "PodShape"),
        ("coredns-x-kube-system-x-vcluster", 1, "PodShape"),
        ("vcluster", 1, "ServiceShape"),
        ("vcluster-headless", 1, "ServiceShape"),
        ("kube-dns-x-kube-system-x-vcluster", 1, "ServiceShape"),
        ("vcluster", 1, "ClaimShape"),
    ]
    assert [lr.name for lr in host.limit_ranges] == ["vcluster-limit-range"]
    assert [qt.name for qt in host.quotas] == ["vcluster-quota"]
    assert host.syncer is not None and str(host.syncer.level_version) == "baseline:latest"


def test_readme_capacity_table_is_what_the_tool_prints():
    readme = (ROOT / "README.md").read_text()
    start = readme.index("<!-- capacity table of examples/admission")
    block = readme[readme.index("\n", start) + 1 : readme.index("<!-- end capacity table -->")]
    _, out, _ = run(WORKLOADS, *ARGS, "--format", "markdown")
    assert block.strip() == out[out.index("| quota |") :].strip()


def _pod_with(tmp_path: Path, resources: str) -> str:
    return write(
        tmp_path,
        "pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n"
        f"    resources:\n{textwrap.indent(resources, '      ')}",
    )


def test_a_request_above_the_default_limit_is_refused_by_api_validation(tmp_path):
    # The LimitRange's default limit (cpu 1) lands before validation: a request of 2 is then over it.
    pod = _pod_with(tmp_path, "requests: {cpu: '2'}\n")
    code, out, _ = run(pod, *ARGS[:2], "--format", "json")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert (diagnostic["rule"], diagnostic["line"], diagnostic["column"]) == ("request-over-limit", 8, 23)
    assert diagnostic["message"] == (
        'Pod p: the host refuses its pods: spec.containers[0].resources.requests: Invalid value: "2": '
        "must be less than or equal to cpu limit of 1"
    )


def test_bad_and_huge_quantities_are_diagnostics_in_bounded_time(tmp_path):
    pod = _pod_with(tmp_path, "limits: {cpu: '-1', memory: 1Gi}\n")
    code, out, _ = run(pod, *ARGS, "--format", "json")
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert (code, diagnostic["rule"]) == (1, "invalid-quantity")
    assert diagnostic["message"] == (
        'Pod p: spec.containers[0].resources.limits.cpu: Invalid value: "-1": '
        "must be greater than or equal to 0"
    )
    huge = _pod_with(tmp_path, "limits: {cpu: '1e2147483647', memory: 1Gi}\n")
    code, out, _ = run(huge, *ARGS, "--format", "json")
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert (code, diagnostic["rule"]) == (1, "limitrange")
    assert diagnostic["message"].startswith(
        "Pod p: the host refuses its pods: LimitRange platform-ceilings: "
        "maximum cpu usage per Container is 2, but limit is "
    )
