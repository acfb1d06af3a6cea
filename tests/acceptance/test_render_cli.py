"""`vcvalues render` end to end: chart defaults, -f/--set, outputs, diagnostics on stderr, exit codes."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.unit.legacy.render import expected
from vcvalues.cli import IO, main
from vcvalues.core.load import load_yaml, load_yaml_documents

CHART_NAMES = {"k3s": "vcluster", "k8s": "vcluster-k8s", "k0s": "vcluster-k0s", "eks": "vcluster-eks"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", *argv], IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def documents(text: str) -> list[Any]:
    read = load_yaml_documents(text, file="stdout")
    assert read.diagnostics == []
    return [document.data for document in read.documents]


def clean(err: str) -> bool:
    """No error on stderr (rules may add infos and warnings there; they never stop the output)."""
    if not err:
        return True
    return " error [" not in err and "vcvalues: " not in err and "\n0 error(s)," in f"\n{err}"


def sources(text: str) -> list[str]:
    return [line.removeprefix("# Source: ") for line in text.splitlines() if line.startswith("# Source: ")]


@pytest.mark.parametrize("version", ["0.19.10", "0.15.7"])
@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s", "eks"])
def test_default_isolated_objects(distro: str, version: str) -> None:
    argv = ["--set", "isolation.enabled=true", "--release", "my-vc", "--namespace", "team-a"]
    code, out, err = run(*argv, "--distro", distro, "--chart-version", version)
    assert code == 0
    assert clean(err), err
    # documents written out from the templates: see tests/unit/render/expected.py for tags and blobs
    wanted = [
        expected.load(expected.WORKLOADS, target="team-a"),
        expected.load(expected.CONTROL_PLANE),
        expected.load(expected.QUOTA, target="team-a"),
        expected.load(expected.LIMIT_RANGE, target="team-a"),
    ]
    assert [expected.ordered(d) for d in documents(out)] == [expected.ordered(d) for d in wanted]
    chart = CHART_NAMES[distro]
    assert sources(out) == [
        f"{chart}/templates/networkpolicy.yaml",
        f"{chart}/templates/networkpolicy.yaml",
        f"{chart}/templates/resourcequota.yaml",
        f"{chart}/templates/limitrange.yaml",
    ]
    assert out.startswith(
        f"---\n# Source: {chart}/templates/networkpolicy.yaml\napiVersion: networking.k8s.io/v1\n"
    )


def test_defaults_without_isolation_print_nothing() -> None:
    code, out, err = run()
    assert (code, out) == (0, "")
    assert err.startswith("vcvalues: no host objects:")


def test_release_and_namespace_defaults() -> None:
    code, out, _ = run("--set", "isolation.enabled=true", "--release", "dev")
    assert code == 0
    names = [(d["metadata"]["name"], d["metadata"]["namespace"]) for d in documents(out)]
    assert names == [
        ("dev-workloads", "vcluster-dev"),
        ("dev-control-plane", "vcluster-dev"),
        ("dev-quota", "vcluster-dev"),
        ("dev-limit-range", "vcluster-dev"),
    ]


def test_numbers_from_a_file_and_a_user_null(tmp_path: Path) -> None:
    values = write(
        tmp_path,
        "values.yaml",
        """
        isolation:
          enabled: true
          namespace: tenants
          resourceQuota:
            quota:
              count/pods: 1000000
              services.nodeports: null
        """,
    )
    code, out, err = run("-f", values)
    assert code == 0
    assert clean(err), err
    quota = documents(out)[2]
    assert quota["metadata"] == {"name": "vcluster-quota", "namespace": "tenants"}
    assert quota["spec"]["hard"]["count/pods"] == "1e+06"
    assert "services.nodeports" not in quota["spec"]["hard"]
    assert len(quota["spec"]["hard"]) == 14


def test_set_integers_print_plainly() -> None:
    code, out, err = run(
        "--set", "isolation.enabled=true", "--set", "isolation.resourceQuota.quota.count/pods=1000000"
    )
    assert code == 0
    assert clean(err), err
    assert documents(out)[2]["spec"]["hard"]["count/pods"] == "1000000"


def test_files_merge_left_to_right_then_set_and_set_string(tmp_path: Path) -> None:
    first = write(
        tmp_path, "a.yaml", "isolation:\n  enabled: true\n  limitRange:\n    default:\n      cpu: 2\n"
    )
    second = write(tmp_path, "b.yaml", "isolation:\n  limitRange:\n    default:\n      memory: 1Gi\n")
    code, out, err = run(
        "-f", first, "-f", second, "--set-string", "isolation.resourceQuota.quota.count/pods=1000000"
    )
    assert code == 0
    assert clean(err), err
    rendered = documents(out)
    assert rendered[3]["spec"]["limits"][0]["default"] == {
        "cpu": "2",
        "ephemeral-storage": "8Gi",
        "memory": "1Gi",
    }
    # --set-string keeps the text: no float64 formatting
    assert rendered[2]["spec"]["hard"]["count/pods"] == "1000000"


def test_errors_print_no_manifests(tmp_path: Path) -> None:
    values = write(tmp_path, "bad.yaml", "isolation:\n  enabled: true\n  podSecurityStandard: strict\n")
    code, out, err = run("-f", values, "--output", "all")
    assert (code, out) == (1, "")
    assert f"{values}:3:24: error [" in err


def test_syntax_error_and_missing_file(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.yaml", "isolation: [\n")
    code, out, err = run("-f", broken)
    assert (code, out) == (1, "")
    assert f"{broken}:" in err
    code, out, err = run("-f", str(tmp_path / "missing.yaml"))
    assert (code, out) == (2, "")
    assert "missing.yaml: no such file" in err


def test_usage_errors_exit_2() -> None:
    code, out, err = run("--chart-version", "0.14.0")
    assert (code, out) == (2, "")
    assert "0.15.0 - 0.19.10" in err
    code, out, err = run("--set", "isolation.enabled=true", "--release", "Not_Valid")
    assert (code, out) == (2, "")
    assert "invalid release name 'Not_Valid'" in err
    assert run("--output", "yaml")[0] == 2


def test_values_helm_cannot_render_exit_1() -> None:
    # isolation.namespace is written unquoted: this one turns `namespace:` into a nested map
    code, out, err = run("--set", "isolation.enabled=true", "--set-string", "isolation.namespace=a: b")
    assert (code, out) == (1, "")
    assert (
        "--set-string[1]:1:1: error [helm-manifest-invalid] Helm renders these values into a manifest it "
        "cannot read, so helm install fails: YAML parse error on vcluster/templates/networkpolicy.yaml: "
        "line 5: mapping values are not allowed in this context"
    ) in err


def test_namespace_manifest_first() -> None:
    code, out, _ = run(
        "--set", "isolation.enabled=true,isolation.podSecurityStandard=restricted", "--namespace-manifest"
    )
    assert code == 0
    namespace = documents(out)[0]
    assert namespace["kind"] == "Namespace"
    # the release namespace hosts the vcluster's own pod, which restricted refuses at the defaults
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "baseline"
    assert sources(out)[0] == "vcvalues/namespace.yaml"


def test_values_output_feeds_back_unchanged(tmp_path: Path) -> None:
    argv = ["--set", "isolation.enabled=true", "--set", "globalAnnotations.on=yes", "--distro", "k0s"]
    code, values_text, err = run(*argv, "--output", "values")
    assert code == 0
    assert clean(err), err
    assert values_text.startswith(
        "# vcvalues: effective values for chart k0s-0.19.10, release vcluster in namespace"
    )
    loaded = load_yaml(values_text, file="values.yaml")
    assert loaded.diagnostics == []
    assert loaded.data is not None
    assert loaded.data["isolation"]["enabled"] is True
    assert loaded.data["globalAnnotations"] == {"on": "yes"}
    path = write(tmp_path, "effective.yaml", values_text)
    assert run("-f", path, "--distro", "k0s", "--output", "values")[:2] == (0, values_text)
    assert run("-f", path, "--distro", "k0s")[:2] == run(*argv)[:2]


def test_output_all() -> None:
    code, out, err = run(
        "--set",
        "isolation.enabled=true",
        "--set",
        "syncer.extraArgs={--enforce-pod-security-standard=restricted}",
        "--output",
        "all",
    )
    assert code == 0
    assert clean(err), err
    docs = documents(out)
    assert [d.get("kind") for d in docs[:4]] == [
        "NetworkPolicy",
        "NetworkPolicy",
        "ResourceQuota",
        "LimitRange",
    ]
    assert docs[4] == {
        "syncerArgs": [
            "--enforce-pod-security-standard=baseline",
            "--enforce-pod-security-standard=restricted",
        ],
        "podSecurityStandard": "restricted",
        "corednsForward": ["/etc/resolv.conf", "8.8.8.8"],
        "corednsForwardPolicy": "sequential",
        "corednsSeccompProfile": "RuntimeDefault",
        "clusterRoleNodeProxy": False,
    }
    assert docs[5]["isolation"]["enabled"] is True
    assert len(docs) == 6
    assert "# vcvalues: side effects (not objects) for chart k3s-0.19.10" in out


def test_stdin_and_no_fix_reach_the_compiler(monkeypatch: pytest.MonkeyPatch) -> None:
    import vcvalues.legacy.compile

    seen: dict[str, Any] = {}
    real = vcvalues.legacy.compile.compile_loaded

    def spy(loaded: Any, **options: Any) -> Any:
        seen.update(options, files=[(r.source_map.file, r.data) for r in loaded])
        return real(loaded, **options)

    monkeypatch.setattr(vcvalues.legacy.compile, "compile_loaded", spy)
    monkeypatch.setattr(sys, "stdin", io.StringIO("isolation:\n  enabled: true\n"))
    code, out, _ = run("-f", "-", "--no-fix")
    assert code == 0
    assert seen["files"] == [("<stdin>", {"isolation": {"enabled": True}})]
    assert seen["apply_fixes"] is False
    assert len(documents(out)) == 4
    run("--set", "a=1")
    assert seen["apply_fixes"] is True
    assert seen["set_values"] == ["a=1"]


def test_installed_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vcvalues", "render", "--set", "isolation.enabled=true", "--distro", "eks"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert clean(done.stderr), done.stderr
    assert sources(done.stdout)[0] == "vcluster-eks/templates/networkpolicy.yaml"
