"""`vcvalues render` on 0.20+ values against real Helm: --helm-template prints what `helm template` prints
(comment and blank lines dropped), and the compiler mode's fix renders the manifests Helm renders for the
fixed values."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.oracle.conftest import modern_releases, sample
from tests.oracle.test_render_modern import helm_text
from vcvalues.cli import IO, main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "modern" / "vcluster.yaml"
LOADBALANCER = (
    "controlPlane:\n  service:\n    spec:\n      type: LoadBalancer\n"
    "policies:\n  resourceQuota:\n    enabled: true\n"
)


def render(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", *argv], IO(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(modern_releases(), metafunc.config, keep=5))


def test_helm_template_mode_prints_what_helm_prints(helm, load_chart, release, tmp_path) -> None:
    text = EXAMPLE.read_text()
    if tuple(map(int, release.split("."))) < (
        0,
        31,
        0,
    ):  # the example uses the 0.31+ network policy keys: keep what that release reads
        text = "policies:\n  resourceQuota:\n    enabled: true\n  networkPolicy:\n    enabled: true\n"
    values = tmp_path / "vcluster.yaml"
    values.write_text(text)
    code, out, err = render(
        "--helm-template",
        "--chart-version",
        release,
        "-f",
        str(values),
        "--release",
        "team-a",
        "--namespace",
        "team-a",
    )
    rendered = load_chart(release).render(helm.values_from_yaml(text), name="team-a", namespace="team-a")
    assert code == 0, err
    assert out == helm_text(rendered, release)


def test_compiler_fix_renders_what_helm_renders_for_the_fixed_values(helm, load_chart, tmp_path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text(LOADBALANCER)
    code, out, err = render("-f", str(values), "--release", "team-a", "--namespace", "team-a")
    assert code == 0
    assert (
        "warning [expose-needs-nodeports] fixed: set policies.resourceQuota.quota[services.nodeports] to 1"
        in err
    )
    fixed = helm.values_from_yaml(LOADBALANCER)
    fixed["policies"]["resourceQuota"]["quota"] = {"services.nodeports": 1}
    rendered = load_chart("0.36.1").render(fixed, name="team-a", namespace="team-a")
    assert out == helm_text(rendered, "0.36.1")
    assert '    services.nodeports: "1"\n' in out


def test_a_value_the_user_wrote_is_an_error_not_overridden(tmp_path) -> None:
    values = tmp_path / "vcluster.yaml"
    values.write_text(LOADBALANCER + "    quota:\n      services.nodeports: 0\n")
    code, out, err = render("-f", str(values))
    assert (code, out) == (1, "")
    assert f"{values}:9:27: error [expose-needs-nodeports]" in err
    assert "you set policies.resourceQuota.quota[services.nodeports] yourself" in err
