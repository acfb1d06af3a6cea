"""convert output lints clean as 0.20+ values of its target release; check-pods --values vcluster.yaml."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest

from vcvalues.cli import IO, main
from vcvalues.convert import convert_text
from vcvalues.core.chart import ChartVersion, resolve_modern
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import compile_modern
from vcvalues.modern.pod_security import syncer_newest_minor

ROOT = Path(__file__).resolve().parents[3]
LEGACY = [
    ROOT / "examples" / "legacy-isolated.yaml",
    ROOT / "examples" / "isolated" / "values.yaml",
    ROOT / "examples" / "isolated-loadbalancer" / "values.yaml",
]
TARGETS = {"0.20": "0.20.6", "0.36": "0.36.1"}


@pytest.mark.parametrize("path", LEGACY, ids=lambda p: p.parent.name + "/" + p.name)
@pytest.mark.parametrize("to", sorted(TARGETS))
@pytest.mark.parametrize("distro", ["k3s", "k8s"])
def test_convert_output_lints_clean_as_modern_values(path: Path, to: str, distro: str) -> None:
    converted = convert_text(path.read_text(), file=str(path), distro=distro, to=to)
    assert converted.ok and converted.text is not None
    result = compile_modern([load_yaml(converted.text, file="converted.yaml")], resolve_modern(TARGETS[to]))
    errors = [
        (d.rule_id, d.line, d.column, d.message) for d in result.diagnostics if d.severity.label == "error"
    ]
    if path.parent.name == "isolated-loadbalancer" and not errors:
        pytest.fail("the LoadBalancer example converts to values whose quota still allows 0 node ports")
    assert all(e[0] == "expose-needs-nodeports" for e in errors), errors  # the flagship carries over
    schema_level = [
        d for d in result.diagnostics if d.rule_id in ("schema", "unknown-key", "dialect-mismatch")
    ]
    assert schema_level == []


def run_check_pods(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check-pods", *argv], IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def test_check_pods_takes_the_level_and_version_from_vcluster_yaml(tmp_path: Path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text("policies:\n  podSecurityStandard: baseline\n")
    pods = str(ROOT / "examples" / "pods" / "restricted-fail.yaml")
    code, _, err = run_check_pods(pods, "--values", str(values), "--chart-version", "0.20.3")
    assert (
        "policies.podSecurityStandard is baseline: the syncer of chart 0.20.3 enforces baseline:latest" in err
    )
    assert "checked at baseline:latest (policy v1.30)" in err
    assert code == 1  # the example's privileged hostPath agent fails baseline too
    code, _, err = run_check_pods(pods, "--values", str(values))
    assert "the syncer of chart 0.36.1 enforces baseline:latest (policy version v1.35)" in err


def test_check_pods_with_no_level_in_vcluster_yaml(tmp_path: Path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text(textwrap.dedent("policies:\n  resourceQuota:\n    enabled: true\n"))
    pods = str(ROOT / "examples" / "pods" / "restricted-fail.yaml")
    code, _, err = run_check_pods(pods, "--values", str(values))
    # no level, but the quota (and the limit range its auto gate renders) are simulated
    assert code == 0 and "policies.podSecurityStandard is empty" in err
    assert "1 pod template(s) checked: 0 refused" in err


@pytest.mark.parametrize(
    ("version", "minor"),
    [
        ("0.20.6", 30),
        ("0.21.0", 31),
        ("0.22.6", 31),
        ("0.23.0", 32),
        ("0.27.0", 33),
        ("0.30.0", 34),
        ("0.32.0", 35),
        ("0.36.1", 35),
    ],
)
def test_syncer_policy_version_per_release(version: str, minor: int) -> None:
    assert syncer_newest_minor(ChartVersion.parse(version)) == minor
