"""The Helm-failure rules render only when the isolation templates can render something."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, merge
from tests.unit.legacy.render.strategies import SCALAR, values_tree
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.compile import compile_text
from vcvalues.legacy.render import RenderError, render_manifests
from vcvalues.legacy.rules.helm_failures import _isolation_off

CHARTS = st.sampled_from([chart(v, d) for v in ("0.15.0", "0.19.10") for d in ("k3s", "k8s", "k0s", "eks")])
ENABLED = st.one_of(
    st.sampled_from([None, False, True, 0, 0.0, 1, -1, "", "false", [], {}, [0], {"a": 1}, (), (1,)]),
    SCALAR,
)


@given(CHARTS, ENABLED, values_tree(), values_tree())
def test_skipping_the_render_is_exactly_when_it_renders_nothing(
    ref: Any, enabled: Any, isolation: dict[str, Any], others: dict[str, Any]
) -> None:
    values = merge(merge(chart_defaults(ref), others), {"isolation": {**isolation, "enabled": enabled}})
    try:
        rendered: object = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    except RenderError as exc:
        rendered = exc
    if _isolation_off(values):
        assert rendered == []


def test_isolation_off_is_go_template_falsity() -> None:
    off = [None, False, 0, 0.0, "", [], {}, ()]
    on = [True, 1, -0.5, float("nan"), "false", "0", [0], {"a": None}, (0,), object()]
    assert all(_isolation_off({"isolation": {"enabled": value}}) for value in off)
    assert not any(_isolation_off({"isolation": {"enabled": value}}) for value in on)
    assert _isolation_off({"isolation": {}})
    assert not any(_isolation_off({"isolation": value}) for value in (None, "x", 1, ["enabled"]))


def test_a_failing_render_is_still_found() -> None:
    result = compile_text("isolation:\n  enabled: true\n  resourceQuota: null\n")
    assert [d.rule_id for d in result.diagnostics if d.rule_id.startswith("helm-")] == ["helm-nil-pointer"]
    result = compile_text("isolation:\n  enabled: 0\n  resourceQuota: null\n")
    assert not [d for d in result.diagnostics if d.rule_id.startswith("helm-")]


def _render_modules(path: Path) -> list[str]:
    code = (
        "import sys\n"
        "from vcvalues.cli import main\n"
        f"main(['lint', '-q', {str(path)!r}])\n"
        "print('RENDER=' + ','.join(m for m in sys.modules if m.startswith('vcvalues.legacy.render')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1]
    assert last.startswith("RENDER=")
    return [m for m in last.removeprefix("RENDER=").split(",") if m]


def test_linting_values_without_isolation_does_not_import_render(tmp_path: Path) -> None:
    plain = tmp_path / "values.yaml"
    plain.write_text("syncer:\n  replicas: 1\nisolation:\n  enabled: false\n")
    assert _render_modules(plain) == []
    isolated = tmp_path / "isolated.yaml"
    isolated.write_text("isolation:\n  enabled: true\n")
    assert "vcvalues.legacy.render" in _render_modules(isolated)  # the check above can see it
