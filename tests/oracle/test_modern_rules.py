"""The flagship 0.20+ rule against real Helm: what it claims about the rendered objects holds, and its
fix gives values whose quota admits the LoadBalancer service Helm renders."""

from __future__ import annotations

import textwrap

import pytest
from ruamel.yaml import YAML

from tests.oracle.conftest import modern_releases, sample
from vcvalues.core.chart import resolve_modern
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import compile_modern
from vcvalues.modern.rules.exposure import service_ports

FLAGSHIP = textwrap.dedent(
    """\
    policies:
      resourceQuota:
        enabled: true
    controlPlane:
      service:
        spec:
          type: LoadBalancer
    """
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(modern_releases(), metafunc.config, keep=5))


def objects(rendered: dict[str, str]) -> list[dict]:
    out = []
    for text in rendered.values():
        out.extend(doc for doc in YAML(typ="safe").load_all(text) if isinstance(doc, dict))
    return out


def test_flagship_fix_renders_a_quota_that_admits_the_service(helm, load_chart, release) -> None:
    chart = load_chart(release)
    ref = resolve_modern(release)
    before = compile_modern([load_yaml(FLAGSHIP, file="vcluster.yaml")], ref)
    assert [(d.rule_id, d.line, d.column) for d in before.diagnostics] == [("expose-needs-nodeports", 7, 13)]
    user = load_yaml(FLAGSHIP, file="vcluster.yaml").data
    assert user is not None
    rendered = objects(chart.render(user, name="team-a", namespace="team-a"))
    quota = next(o for o in rendered if o["kind"] == "ResourceQuota")
    service = next(o for o in rendered if o["kind"] == "Service" and o["metadata"]["name"] == "team-a")
    assert quota["spec"]["hard"]["services.nodeports"] == "0"  # what the rule says: the quota allows none
    assert service["spec"]["type"] == "LoadBalancer"
    assert len(service["spec"]["ports"]) == len(service_ports(before.values)) == 1

    fixed = compile_modern([load_yaml(FLAGSHIP, file="vcluster.yaml")], ref, apply_fixes=True)
    assert [d.rule_id for d in fixed.diagnostics if d.severity.label == "error"] == []
    user["policies"]["resourceQuota"]["quota"] = {"services.nodeports": 1}
    rendered = objects(chart.render(user, name="team-a", namespace="team-a"))
    quota = next(o for o in rendered if o["kind"] == "ResourceQuota")
    assert quota["spec"]["hard"]["services.nodeports"] == "1"
    assert int(quota["spec"]["hard"]["services.loadbalancers"]) >= 1
    assert fixed.values["policies"]["resourceQuota"]["quota"]["services.nodeports"] == 1


def test_node_port_ports_are_the_ones_helm_renders(helm, load_chart, release) -> None:
    text = "controlPlane:\n  service:\n    spec:\n      type: NodePort\n"
    values = load_yaml(text, file="v.yaml").data
    assert values is not None
    ours = compile_modern([load_yaml(text, file="v.yaml")], resolve_modern(release))
    rendered = objects(load_chart(release).render(values, name="vc", namespace="ns"))
    service = next(o for o in rendered if o["kind"] == "Service" and o["metadata"]["name"] == "vc")
    assert [p["name"] for p in service["spec"]["ports"]] == service_ports(ours.values)
