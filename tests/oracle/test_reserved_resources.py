"""sync.nodes.reservedResources under real Helm: what fails the install, and which flags it renders.

vcvalues must agree with Helm on every case: ``reserved-resource-value`` errors exactly where Helm's
render fails, and ``reserved-resource-flag`` errors exactly where a rendered ``--reserved-resource-*``
flag is not one the 0.19.10 syncer registers.
"""

from __future__ import annotations

import re

import pytest

from vcvalues.legacy.catalog import syncer_flags
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.compile import compile_text

ENTRIES = (
    "cpu: 100 m",
    "cpu: 1",
    "cpu: '1'",
    "memory: true",
    "cpu: 100m",
    "ephemeral-storage: 512Mi",
    "ephemeralStorage: 512Mi",
    "memory: ''",
    "cpu: '+1.5e3'",
)
FLAG = re.compile(r"--reserved-resource-([^=\s]+)=")


def _values(entry: str) -> str:
    return f"sync:\n  nodes:\n    enableScheduler: true\n    reservedResources:\n      {entry}\n"


@pytest.mark.parametrize("distro", ["k3s", "k8s", "k0s"])
def test_agrees_with_helm(helm, load_chart, distro: str) -> None:
    chart = load_chart("0.19.10", distro)
    known = syncer_flags(resolve_chart("0.19.10", distro))
    agree = 0
    for entry in ENTRIES:
        text = _values(entry)
        rules = {d.rule_id for d in compile_text(text, distro=distro).diagnostics}
        try:
            rendered = chart.render(helm.values_from_yaml(text), name="vc", namespace="ns")
        except helm.HelmError:
            helm_fails = True
            bad_flag = False
        else:
            helm_fails = False
            syncer = next(t for path, t in rendered.items() if path.endswith("/syncer.yaml"))
            bad_flag = any(f"--reserved-resource-{m}" not in known for m in FLAG.findall(syncer))
        assert ("reserved-resource-value" in rules) == helm_fails, entry
        assert ("reserved-resource-flag" in rules) == bad_flag, entry
        agree += 1
    assert agree == len(ENTRIES)
