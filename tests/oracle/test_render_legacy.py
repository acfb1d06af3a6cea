"""Render against real Helm: the isolation objects' text (comments and blank lines dropped) and objects.

The effective values both sides render are Helm's own (``Chart.merge_values``), so this compares
rendering alone; coalescing has its own oracle test.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.oracle._render import (
    ISOLATION_TEMPLATES,
    as_float64,
    helm_documents,
    helm_text,
    same_object,
    significant,
    vcvalues_render,
)
from tests.oracle.conftest import LEGACY_DISTROS, legacy_releases, sample
from vcvalues.core.go_order import _go_key_less
from vcvalues.legacy.render import RenderError

NAME, NAMESPACE = "my-vc", "team-a"
CASES = {"default": {}, "isolated": {"isolation": {"enabled": True}}}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "release" in metafunc.fixturenames:
        metafunc.parametrize("release", sample(legacy_releases(), metafunc.config))


def compare(
    helm, chart, release: str, distro: str, values: dict, name: str = NAME, namespace: str = NAMESPACE
):
    """(helm text, vcvalues text, helm objects, vcvalues objects) for the same user values."""
    rendered = chart.render(values, name=name, namespace=namespace)
    effective = as_float64(chart.merge_values(values))
    ours_text, ours_objects = vcvalues_render(effective, release, distro, name, namespace)
    theirs = [helm.values_from_yaml(doc) for _, doc in helm_documents(rendered)]
    return helm_text(rendered), ours_text, theirs, ours_objects


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_text_and_objects_equal_helm(helm, load_chart, release: str, distro: str, case: str) -> None:
    theirs_text, ours_text, theirs, ours = compare(
        helm, load_chart(release, distro), release, distro, CASES[case]
    )
    assert significant(ours_text) == significant(theirs_text)
    assert len(ours) == len(theirs) and all(same_object(a, b) for a, b in zip(ours, theirs, strict=True))


# Fixed corpus: every text trap named in issue 12, each compared with Helm.
CORPUS = {
    "quoting-and-key-order": {
        "isolation": {
            "enabled": True,
            "resourceQuota": {"quota": {"~a": 1, "A": "x", "a9": 1000000, "a10": None, "b": "8Gi"}},
        },
        "globalAnnotations": {"b": 1, "~a": "x y", "A": True, "a10": "1e+06", "a9": "yes"},
    },
    "namespace-0x1F": {"isolation": {"enabled": True, "namespace": "0x1F"}},
    "namespace-comment": {"isolation": {"enabled": True, "namespace": "#x"}},
    "namespace-tab": {"isolation": {"enabled": True, "namespace": "a\tb"}},
    "no-value-blanked": {
        "isolation": {"enabled": True, "resourceQuota": {"quota": {"count/pods": "<no value>"}}}
    },
    "except-empty": {
        "isolation": {"enabled": True, "networkPolicy": {"outgoingConnections": {"ipBlock": {"except": []}}}}
    },
    "cidr-null": {
        "isolation": {"enabled": True, "networkPolicy": {"outgoingConnections": {"ipBlock": {"cidr": None}}}}
    },
    "scopes": {
        "isolation": {
            "enabled": True,
            "resourceQuota": {
                "scopes": ["BestEffort"],
                "scopeSelector": {
                    "matchExpressions": [{"operator": "In", "scopeName": "PriorityClass", "values": ["x"]}]
                },
            },
        }
    },
    "limitrange-numbers": {
        "isolation": {
            "enabled": True,
            "limitRange": {"default": {"cpu": 0.5, "memory": 1e21}, "defaultRequest": {}},
        }
    },
    "release-0x1F": {"isolation": {"enabled": True}},
    # sprig's merge writes these into .Values.globalAnnotations before the isolation templates run
    "annotations-merged-by-earlier-templates": {
        "isolation": {"enabled": True},
        "globalAnnotations": {"g": "1", "shared": ""},
        "syncer": {"serviceAnnotations": {"svc": "a", "shared": "svc"}, "annotations": {"syncer": "b"}},
        "service": {"type": "LoadBalancer", "loadBalancerAnnotations": {"lb": "c", "shared": "lb"}},
        "workloadServiceAccount": {"annotations": {"wsa": "d", "shared": "wsa"}},
        "scheduler": {"annotations": {"sched": "e"}},
        "sync": {"nodes": {"enableScheduler": True}},
    },
}


@pytest.mark.parametrize("case", sorted(CORPUS))
@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_corpus_equals_helm(helm, load_chart, release: str, distro: str, case: str) -> None:
    name = "0x1f" if case == "release-0x1F" else NAME
    namespace = "0x1F" if case == "release-0x1F" else NAMESPACE
    theirs_text, ours_text, theirs, ours = compare(
        helm, load_chart(release, distro), release, distro, CORPUS[case], name=name, namespace=namespace
    )
    assert significant(ours_text) == significant(theirs_text)
    assert len(ours) == len(theirs) and all(same_object(a, b) for a, b in zip(ours, theirs, strict=True))


_ALPHABET = "aB0 1:#-.x'\"~\t<>{[*&!%@é/,\\"
_texts = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=8),
    st.sampled_from(["0x1F", "#x", "yes", "~", "null", "<no value>", "1e+06", "- a", "a: b", "8Gi", ""]),
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**7), 10**7).map(float),
    # + 0.0: no -0.0, which merge_values hands back as the JSON integer 0 (a harness artifact)
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: f + 0.0),
    _texts,
)
_keys = st.one_of(
    st.text(alphabet="aA9~_./-b1 #:", min_size=1, max_size=5), st.sampled_from(["count/pods", "cpu"])
)
_flat_maps = st.dictionaries(_keys, _scalars, max_size=4)


@st.composite
def isolation_values(draw: st.DrawFn) -> dict:
    """User values around the isolation templates (both sides render Helm's coalesced values)."""
    isolation: dict = {"enabled": draw(st.sampled_from([True, True, True, False, "false", 1.0]))}
    if draw(st.booleans()):
        isolation["namespace"] = draw(st.one_of(st.none(), _texts, st.just(0.0)))
    if draw(st.booleans()):
        isolation["resourceQuota"] = {"quota": draw(_flat_maps)}
        if draw(st.booleans()):
            isolation["resourceQuota"]["scopes"] = draw(st.lists(_texts, max_size=2))
    if draw(st.booleans()):
        isolation["limitRange"] = {
            "default": draw(_flat_maps),
            "defaultRequest": draw(st.one_of(_flat_maps, st.none())),
        }
    if draw(st.booleans()):
        block = {"cidr": draw(_scalars), "except": draw(st.one_of(st.lists(_scalars, max_size=3), st.none()))}
        isolation["networkPolicy"] = {"outgoingConnections": {"ipBlock": block}}
    values: dict = {"isolation": isolation}
    if draw(st.booleans()):
        values["globalAnnotations"] = draw(_flat_maps)
    if draw(st.booleans()):  # annotations other templates merge into globalAnnotations (sprig merge)
        values["syncer"] = {"serviceAnnotations": draw(_flat_maps), "annotations": draw(_flat_maps)}
        values["service"] = {
            "type": draw(st.sampled_from(["ClusterIP", "LoadBalancer"])),
            "loadBalancerAnnotations": draw(_flat_maps),
        }
        values["workloadServiceAccount"] = {"annotations": draw(_flat_maps)}
        values["scheduler"] = {"annotations": draw(_flat_maps)}
        values["sync"] = {"nodes": {"enableScheduler": draw(st.booleans())}}
        for key in ("headless", "enableHA", "pro"):
            values[key] = draw(st.booleans())
        values["embeddedEtcd"] = {"enabled": draw(st.booleans())}
    return values


def _has_tag(value: object) -> bool:
    if isinstance(value, dict):
        return any(_has_tag(k) or _has_tag(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_tag(v) for v in value)
    return isinstance(value, str) and value.startswith("!")


def _go_order_undefined(value: object) -> bool:
    """A map whose keys go-yaml v2's keyList.Less does not order totally (it is not transitive: "11" <
    "1A" < "9" < "11"): Helm's toYaml then prints them in an order that changes from run to run (Go's
    map order feeds the sort; measured with Helm v4.2.3: 3 different orders in 40 renders of the keys
    "9", "1A", "11"), so only the objects can be compared."""
    if isinstance(value, list):
        return any(_go_order_undefined(item) for item in value)
    if not isinstance(value, dict):
        return False
    keys = [str(key) for key in value]
    for a, b, c in itertools.permutations(keys, 3):
        if _go_key_less(a, b) and _go_key_less(b, c) and not _go_key_less(a, c):
            return True
    return any(_go_order_undefined(item) for item in value.values())


def _helm_outcome(helm, chart, values: dict) -> tuple[dict | None, str]:
    """Helm's render and whether it fails ("" ok, "isolation" in one of our templates, "other")."""
    try:
        rendered = chart.render(values, name=NAME, namespace=NAMESPACE)
    except helm.HelmError as error:
        message = str(error)
        mine = any(template in message for template in ISOLATION_TEMPLATES)
        return None, "isolation" if mine else "other"
    for _, doc in helm_documents(rendered):
        try:
            helm.values_from_yaml(doc)
        except helm.HelmError:
            return rendered, "isolation"  # helm template/install: YAML parse error on <template>
    return rendered, ""


@pytest.mark.parametrize("distro", LEGACY_DISTROS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=isolation_values())
def test_generated_values_render_as_helm(helm, load_chart, release: str, distro: str, values: dict) -> None:
    # A rendered "!..." is a YAML tag: how tags read is the reader's part of issue 12 (not rendering).
    assume(not _has_tag(values))
    chart = load_chart(release, distro)
    rendered, failure = _helm_outcome(helm, chart, values)
    assume(failure != "other")  # a failure in another template: the helm-failures rules' business
    effective = as_float64(chart.merge_values(values))
    if failure:
        with pytest.raises(RenderError):
            vcvalues_render(effective, release, distro, NAME, NAMESPACE)
        return
    assert rendered is not None
    ours_text, ours = vcvalues_render(effective, release, distro, NAME, NAMESPACE)
    if not _go_order_undefined(effective):
        assert significant(ours_text) == significant(helm_text(rendered))
    theirs = [helm.values_from_yaml(doc) for _, doc in helm_documents(rendered)]
    assert len(ours) == len(theirs) and all(same_object(a, b) for a, b in zip(ours, theirs, strict=True))


def test_helm_prints_keys_go_cannot_order_in_more_than_one_order(load_chart) -> None:
    # why the test above compares only objects for such keys: Helm itself is not deterministic there
    chart = load_chart("0.19.10", "k3s")
    values = {"isolation": {"enabled": True}, "globalAnnotations": {"9": "a", "1A": "b", "11": "c"}}
    assert _go_order_undefined(values)
    orders = {chart.render(values, name=NAME, namespace=NAMESPACE)["vcluster/templates/resourcequota.yaml"]
              for _ in range(60)}  # fmt: skip
    assert len(orders) > 1


# Whole pipeline (reader, coalescing, render): `vcvalues render --helm-template` against Helm's own
# reading of the same file (values_from_yaml, as helm -f reads it).
FILES = {
    "isolated": "isolation:\n  enabled: true\n",
    "policy-nodeports-0": (
        "isolation:\n  enabled: true\n  resourceQuota:\n    quota:\n      services.nodeports: 0  # policy\n"
        "service:\n  type: LoadBalancer\n"
    ),
    "annotations-and-yaml11": (
        "isolation:\n  enabled: yes\n  namespace: 0x1F\n"
        "  resourceQuota:\n    quota:\n      count/pods: 1000000\n"
        "globalAnnotations:\n  b: on\n  a10: x\n  a9: '8Gi'\nsyncer:\n  serviceAnnotations:\n    svc: lb\n"
    ),
}


@pytest.mark.parametrize("case", sorted(FILES))
@pytest.mark.parametrize("distro", LEGACY_DISTROS)
def test_cli_helm_template_prints_what_helm_template_prints(
    helm, load_chart, tmp_path, release: str, distro: str, case: str
) -> None:
    import io

    from vcvalues.cli import IO, main

    path = tmp_path / "values.yaml"
    path.write_text(FILES[case])
    out, err = io.StringIO(), io.StringIO()
    argv = ["render", "-f", str(path), "--helm-template", "--chart-version", release, "--distro", distro]
    code = main(argv, IO(out=out, err=err))
    values = helm.values_from_yaml(FILES[case])
    rendered = load_chart(release, distro).render(values, name="vcluster", namespace="vcluster-vcluster")
    assert significant(out.getvalue()) == significant(helm_text(rendered))
    assert code == (1 if " error [" in err.getvalue() else 0)
