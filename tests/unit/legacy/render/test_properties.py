"""Properties: rendering is deterministic, and effective values written by dump_values render the same."""

from __future__ import annotations

import copy
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.legacy.render.expected import ordered
from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective, merge
from tests.unit.legacy.render.strategies import QUANTITY, RESOURCE, TEXT
from vcvalues.core.gofmt import GoInt64
from vcvalues.core.load import load_yaml
from vcvalues.legacy.chart import ChartRef
from vcvalues.legacy.render import (
    RenderError,
    dump_manifests,
    dump_values,
    render_manifests,
    render_side_effects,
)

CHARTS = st.sampled_from(
    [chart(v, d) for v in ("0.15.0", "0.15.7", "0.18.1", "0.19.10") for d in ("k3s", "k8s", "k0s", "eks")]
)
QUOTA_MAP = st.dictionaries(RESOURCE, st.one_of(st.none(), QUANTITY), max_size=6)
OVERRIDES = st.fixed_dictionaries(
    {},
    optional={
        "globalAnnotations": st.dictionaries(TEXT, TEXT, max_size=3),
        "isolation": st.fixed_dictionaries(
            {"enabled": st.one_of(st.booleans(), st.sampled_from(["false", "", 0, 1]))},
            optional={
                "namespace": st.sampled_from(["", "tenants", None]),
                "podSecurityStandard": st.sampled_from(["privileged", "baseline", "restricted"]),
                "resourceQuota": st.fixed_dictionaries(
                    {"quota": QUOTA_MAP},
                    optional={"scopes": st.lists(st.sampled_from(["BestEffort", "Terminating"]), max_size=2)},
                ),
                "limitRange": st.fixed_dictionaries({"default": QUOTA_MAP, "defaultRequest": QUOTA_MAP}),
                "networkPolicy": st.fixed_dictionaries(
                    {"outgoingConnections": st.fixed_dictionaries(
                        {"ipBlock": st.fixed_dictionaries(
                            {"cidr": st.sampled_from(["0.0.0.0/0", "10.0.0.0/8"]),
                             "except": st.lists(st.sampled_from(["10.1.0.0/16", "10.2.0.0/16"]), max_size=2)}
                        )}
                    )}
                ),
            },
        ),
        "syncer": st.fixed_dictionaries({"extraArgs": st.lists(TEXT, max_size=3)}),
    },
)  # fmt: skip


def _outcome(values: dict[str, Any], ref: ChartRef) -> object:
    """Manifests as ordered data, the side effects and the text, or the error message."""
    try:
        manifests = render_manifests(
            values, chart=ref, release=RELEASE, namespace=NAMESPACE, namespace_manifest=True
        )
        effects = render_side_effects(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    except RenderError as exc:
        return ("error", str(exc))
    return [(m.source, ordered(m.body)) for m in manifests], effects, dump_manifests(manifests)


def _shuffled(data: Any, rng: random.Random) -> Any:
    """The same values with every map's keys in another order."""
    if isinstance(data, dict):
        items = list(data.items())
        rng.shuffle(items)
        return {key: _shuffled(value, rng) for key, value in items}
    if isinstance(data, list):
        return [_shuffled(item, rng) for item in data]
    return data


@given(CHARTS, OVERRIDES, st.randoms(use_true_random=False))
def test_render_is_deterministic(ref: ChartRef, override: dict[str, Any], rng: random.Random) -> None:
    values = merge(effective(ref), override)
    kept = copy.deepcopy(values)
    first = _outcome(values, ref)
    assert values == kept  # rendering does not touch its input
    assert _outcome(copy.deepcopy(values), ref) == first
    shuffled = _shuffled(values, rng)
    # Helm ranges over maps in sorted key order; only extraArgs (a list) keep their order
    assert _outcome(shuffled, ref) == first


@given(CHARTS, OVERRIDES)
def test_dumped_values_render_the_same(ref: ChartRef, override: dict[str, Any]) -> None:
    values = merge(effective(ref), override)
    loaded = load_yaml(dump_values(values), file="values.yaml")
    assert loaded.diagnostics == []
    assert loaded.data == values
    assert _outcome(loaded.data, ref) == _outcome(values, ref)


def test_large_set_integers_do_not_survive_a_values_file() -> None:
    # A --set int64 >= 1e6 prints plainly, but any number read from a file is a float64 and prints as 1e+06:
    # no values file can reproduce it. Below 1e6 both print the same (the property above covers those).
    ref = chart("0.19.10", "k3s")
    values = effective(ref, {"isolation": {"resourceQuota": {"quota": {"count/pods": GoInt64(1000000)}}}})
    before = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)[2]
    assert dump_values(values).count("count/pods: 1000000\n") == 1
    loaded = load_yaml(dump_values(values), file="values.yaml").data
    assert loaded is not None
    after = render_manifests(loaded, chart=ref, release=RELEASE, namespace=NAMESPACE)[2]
    assert (before.body["spec"]["hard"]["count/pods"], after.body["spec"]["hard"]["count/pods"]) == (
        "1000000",
        "1e+06",
    )
