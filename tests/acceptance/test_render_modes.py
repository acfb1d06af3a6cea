"""`vcvalues render` modes: the compiler (fixes only what the user did not write) and --helm-template."""

from __future__ import annotations

from pathlib import Path

from tests.acceptance.test_render_cli import run, write

POLICY = """
    isolation:
      enabled: true
      resourceQuota:
        quota:
          services.nodeports: 0  # policy
    service:
      type: LoadBalancer
    syncer:
      extraArgs: [--service-account-token-secrets]
"""
DEFAULTED = POLICY.replace(
    "      resourceQuota:\n        quota:\n          services.nodeports: 0  # policy\n", ""
)


def test_compiler_does_not_override_a_value_the_user_wrote(tmp_path: Path) -> None:
    code, out, err = run("-f", write(tmp_path, "v.yaml", POLICY))
    assert (code, out) == (1, "")
    assert ":5:27: error [expose-needs-nodeports]" in err
    assert (
        "you set isolation.resourceQuota.quota[services.nodeports] yourself, so it is not changed here" in err
    )


def test_compiler_raises_a_defaulted_value_and_says_so(tmp_path: Path) -> None:
    code, out, err = run("-f", write(tmp_path, "v.yaml", DEFAULTED))
    assert code == 0
    assert (
        "warning [expose-needs-nodeports] fixed: set isolation.resourceQuota.quota[services.nodeports] to 1"
        in err
    )
    assert '    services.nodeports: "1"\n' in out


def test_helm_template_prints_the_values_unchanged_and_exits_1_on_errors(tmp_path: Path) -> None:
    code, out, err = run("-f", write(tmp_path, "v.yaml", POLICY), "--helm-template")
    assert code == 1
    assert '    services.nodeports: "0"\n' in out  # what helm template prints: the user's 0, not a fix
    assert out.startswith(
        "---\n# Source: vcluster/templates/networkpolicy.yaml\napiVersion: networking.k8s.io/v1\n"
    )
    assert "error [expose-needs-nodeports]" in err and "fixed:" not in err


def test_helm_template_prints_nothing_where_helm_fails(tmp_path: Path) -> None:
    code, out, err = run(
        "--set", "isolation.enabled=true", "--set", "isolation.limitRange=null", "--helm-template"
    )
    assert (code, out) == (1, "")
    assert "error [helm-nil-pointer]" in err
    assert "vcvalues: helm template would fail with these values: nothing to print\n" in err


def test_helm_template_takes_no_other_output(tmp_path: Path) -> None:
    for extra in (["--output", "values"], ["--namespace-manifest"]):
        code, out, err = run("--helm-template", *extra)
        assert (code, out) == (2, "")
        assert "--helm-template prints the chart's manifests only" in err


def test_verbose_says_which_helm_line(tmp_path: Path) -> None:
    code, _, err = run("--verbose", "--helm-version", "4")
    assert code == 0
    assert err.startswith(
        "vcvalues: chart k3s-0.19.10, release vcluster in namespace vcluster-vcluster, values coalesced as "
        "Helm 4 (Helm >= 4.2: unset null defaults dropped)\n"
    )
    assert run("--helm-version", "5")[0] == 2
