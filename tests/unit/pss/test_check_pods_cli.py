from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest

from vcvalues.cli import IO, main

ROOT = Path(__file__).resolve().parents[3]
FAIL = str(ROOT / "examples" / "pods" / "restricted-fail.yaml")
PASS = str(ROOT / "examples" / "pods" / "restricted-pass.yaml")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check-pods", *argv], IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return str(path)


def test_refused_deployment_restricted_json():
    code, out, err = run(FAIL, "--level", "restricted", "--format", "json")
    assert code == 1
    document = json.loads(out)
    got = [(d["rule"], d["line"], d["column"]) for d in document["diagnostics"]]
    assert got == [
        ("allowPrivilegeEscalation", 20, 11),
        ("capabilities_restricted", 20, 11),
        ("runAsNonRoot", 20, 11),
        ("seccompProfile_restricted", 20, 11),
        ("privileged", 21, 25),
        ("runAsUser", 22, 24),
        ("restrictedVolumes", 26, 11),
    ]
    privileged = document["diagnostics"][4]
    assert privileged["severity"] == "error"
    assert privileged["message"] == (
        'Deployment log-agent violates restricted:latest: privileged (container "agent" must not set '
        "securityContext.privileged=true)"
    )
    assert privileged["path"] == [
        "spec",
        "template",
        "spec",
        "containers",
        0,
        "securityContext",
        "privileged",
    ]
    assert document["summary"] == {"files": 1, "errors": 7, "warnings": 0, "infos": 0}
    # Without --values: the policy of the default chart's syncer (0.19.10: pod-security-admission v0.29).
    assert err == (
        "vcvalues: 1 pod template(s) checked at restricted:latest (policy v1.29): 1 refused - "
        "vcluster's syncer leaves their pods Pending with a SyncError event\n"
    )


def test_default_level_is_baseline_text():
    code, out, _ = run(FAIL)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{FAIL}:21:25: error [privileged] Deployment log-agent violates baseline:latest: privileged "
        '(container "agent" must not set securityContext.privileged=true) '
        "(spec.template.spec.containers[0].securityContext.privileged)"
    )
    assert lines[1] == "  hint: remove securityContext.privileged or set it to false"
    assert lines[2].startswith(f"{FAIL}:26:11: error [hostPathVolumes] ")
    assert lines[-1] == "2 error(s), 0 warning(s), 0 info(s) in 1 file(s)"


def test_allowed_deployment_exits_0():
    code, out, err = run(PASS, "--level", "restricted")
    assert (code, out) == (0, "")
    assert err == "vcvalues: 1 pod template(s) checked at restricted:latest (policy v1.29): 0 refused\n"


MULTI = """\
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
---
---
apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: nightly}
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            hostPID: true
            containers: [{name: c, image: x}]
- apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: c
      image: x
      ports: [{containerPort: 80, hostPort: 8080}]
"""


def test_multi_document_and_list_github(tmp_path):
    path = write(tmp_path, "all.yaml", MULTI)
    code, out, err = run(path, "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        f"::error file={path},line=17,col=22,title=hostNamespaces::CronJob nightly violates baseline:latest: "
        "host namespaces (hostPID=true) "
        "(hint: remove hostNetwork, hostPID and hostIPC (or set them to false))",
        f"::error file={path},line=26,col=45,title=hostPorts::Pod p violates baseline:latest: "
        'hostPort (container "c" uses hostPort 8080) '
        "(hint: remove hostPort and reach the pod through a Service)",
    ]
    assert "2 pod template(s) checked at baseline:latest (policy v1.29): 2 refused" in err
    # Objects that hold no pod are summarised once, not reported one by one.
    assert "vcvalues: 1 object(s) hold no pod and were not checked: ConfigMap x1\n" in err


def test_sarif_has_rule_descriptors(tmp_path):
    path = write(tmp_path, "all.yaml", MULTI)
    code, out, _ = run(path, "--format", "sarif")
    assert code == 1
    run_ = json.loads(out)["runs"][0]
    ids = {rule["id"] for rule in run_["tool"]["driver"]["rules"]}
    assert {"hostNamespaces", "hostPorts", "skipped", "runAsNonRoot", "quota-exceeded", "limitrange"} <= ids
    assert [r["ruleId"] for r in run_["results"]] == ["hostNamespaces", "hostPorts"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("kind: Pod\nspec:\n  hostIPC: true\n  containers: [{name: c}]\n")
    )
    code, out, _ = run("-", "--format", "json")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert (diagnostic["file"], diagnostic["rule"], diagnostic["line"], diagnostic["column"]) == (
        "<stdin>",
        "hostNamespaces",
        3,
        12,
    )


def test_syntax_error_is_a_diagnostic(tmp_path):
    path = write(tmp_path, "bad.yaml", "kind: Pod\nspec: [\n")
    code, out, _ = run(path, "--format", "json")
    assert code == 1
    assert [(d["rule"], d["line"]) for d in json.loads(out)["diagnostics"]] == [("syntax", 3)]


def test_version_and_no_defaults(tmp_path):
    path = write(
        tmp_path,
        "pod.yaml",
        """\
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: c
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          volumes: [{name: scratch}]
        """,
    )
    assert run(path, "--level", "restricted")[0] == 0
    code, out, _ = run(path, "--level", "restricted", "--no-defaults", "--format", "json")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert diagnostic["message"].endswith('(volume "scratch" uses restricted volume type "unknown")')
    assert (diagnostic["line"], diagnostic["column"]) == (8, 13)  # the volume entry
    code, _, err = run(path, "--level", "restricted", "--version", "v1.40")
    assert code == 0 and "restricted:v1.40 (policy v1.29)" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["/no/such/file.yaml"], "vcvalues: error: /no/such/file.yaml: no such file\n"),
        ([FAIL, "--version", "1.30"], 'must be "latest" or "v1.x"'),
        ([FAIL, "--level", "strict"], "invalid choice: 'strict'"),
    ],
)
def test_usage_and_input_errors_exit_2(argv, message):
    code, _, err = run(*argv)
    assert code == 2
    assert message in err


def test_values_give_level_and_the_syncer_version(tmp_path):
    values = write(
        tmp_path, "values.yaml", "isolation:\n  enabled: true\n  podSecurityStandard: restricted\n"
    )
    code, out, err = run(FAIL, "--values", values, "--format", "json")
    assert code == 1
    assert len(json.loads(out)["diagnostics"]) == 7
    assert err.splitlines()[0] == (
        "vcvalues: isolation is enabled: the syncer of chart 0.19.10 enforces "
        "restricted:latest (policy version v1.29)"
    )
    assert "checked at restricted:latest (policy v1.29): 1 refused" in err
    code, _, err = run(FAIL, "--values", values, "--chart-version", "0.15.0")
    assert code == 1 and "(policy v1.25)" in err


def test_values_without_isolation_enforce_nothing(tmp_path):
    values = write(
        tmp_path, "values.yaml", "isolation:\n  enabled: false\n  podSecurityStandard: restricted\n"
    )
    code, out, err = run(FAIL, "--values", values)
    assert (code, out) == (0, "")
    assert err == (
        "vcvalues: isolation is not enabled: vcluster enforces no Pod Security Standard on pods\n"
        "vcvalues: nothing to check (pass --level to check anyway)\n"
    )
    code, _, err = run(FAIL, "--values", values, "--level", "baseline")
    assert code == 1 and "checked at baseline:latest (policy v1.29): 1 refused" in err


def test_unreadable_or_invalid_values(tmp_path):
    broken = write(tmp_path, "broken.yaml", "isolation: [\n")
    code, out, err = run(FAIL, "--values", broken)
    assert code == 1
    assert out.startswith(f"{broken}:2:1: error [syntax] ")
    assert "the values have 1 error(s): fix them first" in err
    wrong = write(tmp_path, "wrong.yaml", "isolation: {enabled: true, podSecurityStandard: strict}\n")
    code, out, err = run(FAIL, "--values", wrong)
    assert code == 1
    assert out.startswith(
        f"{wrong}:1:49: error [pod-security-level] isolation.podSecurityStandard is 'strict'"
    )
    assert "fix them first" in err


def test_values_are_linted_a_typo_is_not_isolation_off(tmp_path):
    typo = write(tmp_path, "typo.yaml", "isolaton:\n  enabled: true\n  podSecurityStandard: restricted\n")
    code, out, err = run(FAIL, "--values", typo, "--format", "json")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert (diagnostic["rule"], diagnostic["line"], diagnostic["column"]) == ("unknown-key", 1, 1)
    assert diagnostic["hint"] == "did you mean 'isolation'?"
    assert "isolation is not enabled" not in err


def test_subchart_key_reads_the_umbrella_values(tmp_path):
    umbrella = write(
        tmp_path,
        "umbrella.yaml",
        "vcluster:\n  isolation:\n    enabled: true\n    podSecurityStandard: restricted\n",
    )
    code, out, err = run(PASS, "--values", umbrella, "--subchart-key", "vcluster")
    assert code == 0, out + err
    assert "checked at restricted:latest (policy v1.29): 0 refused" in err
    code, _, err = run(FAIL, "--values", umbrella, "--subchart-key", "vcluster")
    assert code == 1 and "1 refused" in err
    # Read as plain values, the umbrella's key is an unknown key: an error, not "isolation is off".
    assert run(PASS, "--values", umbrella)[0] == 1
    assert run(PASS, "--subchart-key", "vcluster")[0] == 2


def test_no_pod_found_is_not_a_pass(tmp_path):
    path = write(tmp_path, "cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
    code, out, err = run(path)
    assert (code, out) == (1, "")
    assert err == (
        "vcvalues: 1 object(s) hold no pod and were not checked: ConfigMap x1\n"
        "vcvalues: error: no Pod or workload found in what could be read: nothing was checked\n"
    )
    empty = write(tmp_path, "empty.yaml", "")
    assert run(empty)[0] == 1
