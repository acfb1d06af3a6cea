"""vcvalues.modern.render against real Helm (helm_python, Helm v4.2.3) for every release 0.20.0-0.36.1.

Objects AND text: the text is ``helm template``'s for the three policy templates, split and sorted as
Helm does, with the templates' comment lines and blank lines dropped; the objects are what Helm's own
YAML reader (``helm_python.values_from_yaml``) reads from each document. Effective values come from
Helm's ``Chart.merge_values``.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from tests.oracle.conftest import modern_releases, sample
from vcvalues.errors import RenderError
from vcvalues.modern.render import render_manifests, render_text

TEMPLATES = ("networkpolicy.yaml", "resourcequota.yaml", "limitrange.yaml")
# Helm's InstallOrder for the kinds these templates render (pkg/release/util/kind_sorter.go).
INSTALL_ORDER = ("Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange")
_SEPARATOR = re.compile(r"(?:^|\s*\n)---\s*")  # releaseutil.SplitManifests
_KIND = re.compile(r"^kind:\s*(\S+)", re.MULTILINE)
RELEASES = modern_releases()
# The five render profiles of MODERN §0, by first release.
PROFILES = {"M20": "0.20.0", "M21": "0.21.0", "M29": "0.29.0", "M31": "0.31.0", "M33": "0.33.2"}


def _v(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def profile_of(release: str) -> str:
    """The render profile a release belongs to."""
    return [name for name, first in PROFILES.items() if _v(release) >= _v(first)][-1]


def helm_documents(rendered: dict[str, str]) -> list[tuple[str, str]]:
    """(source, document) of the policy templates, split and sorted by kind as ``helm template`` does."""
    documents: list[tuple[str, str]] = []
    for source in sorted(rendered):
        if source.split("/templates/", 1)[-1] in TEMPLATES:
            documents += [
                (source, part.strip()) for part in _SEPARATOR.split(rendered[source]) if part.strip()
            ]

    def rank(document: tuple[str, str]) -> int:
        match = _KIND.search(document[1])
        return INSTALL_ORDER.index(match.group(1)) if match else len(INSTALL_ORDER)

    return sorted(documents, key=rank)


def helm_text(rendered: dict[str, str]) -> str:
    """``helm template`` output of the policy templates without comment lines and blank lines."""
    parts: list[str] = []
    for source, document in helm_documents(rendered):
        lines = document.split("\n")
        parts += ["---", f"# Source: {source}"]
        parts += [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return "".join(line + "\n" for line in parts)


def agree(helm: Any, chart: Any, release: str, user: dict[str, Any], name: str = "my-vc") -> str:
    """Helm and vcvalues render the same text and the same objects, or fail for the same reason.

    Returns:
        "rendered", "unreadable" (same text, which neither reads back as YAML), "failed" (both, same
        reason) or "other" (Helm failed in a template vcvalues does not
        render first, so there is nothing to compare).
    """
    effective = chart.merge_values(user)
    try:
        rendered = chart.render(user, name=name, namespace="team-a")
    except helm.HelmRenderError as error:
        found = re.search(r"templates/([\w.-]+):\d+:\d+.*?at (<[^>]*>):\s*(.*)$", str(error), re.DOTALL)
        assert found, str(error)
        if found[1] not in TEMPLATES:
            return "other"
        with pytest.raises(RenderError, match=re.escape(f"{found[2]}: {found[3].strip()}")):
            render_text(effective, release=name, namespace="team-a", chart_version=release)
        return "failed"
    text = render_text(effective, release=name, namespace="team-a", chart_version=release)
    # helm_text drops blank lines, also those inside a value Helm prints verbatim ('a\n\nb'): drop ours too
    assert "".join(line for line in text.splitlines(keepends=True) if line.strip()) == helm_text(rendered)
    try:
        theirs = [(source, helm.values_from_yaml(document)) for source, document in helm_documents(rendered)]
    except helm.HelmError:
        # helm template prints it, but Helm (and kubectl) cannot read it back: install fails
        with pytest.raises(RenderError, match="not valid YAML"):
            render_manifests(effective, release=name, namespace="team-a", chart_version=release)
        return "unreadable"
    ours = render_manifests(effective, release=name, namespace="team-a", chart_version=release)
    assert [(m.source, m.body) for m in ours] == theirs
    return "rendered"


POLICIES_ON = {
    "policies": {
        "resourceQuota": {"enabled": True},
        "limitRange": {"enabled": True},
        "networkPolicy": {"enabled": True},
        "podSecurityStandard": "baseline",
    }
}


def rich_values(release: str) -> dict[str, Any]:
    """Every key the release's policy templates read, set to something other than its default."""
    meta = {"labels": {"team": "a", "app": "mine", "1e3": "yes"}, "annotations": {"note": "x: y", "k": ""}}
    network: dict[str, Any] = {"enabled": True, **meta}
    values: dict[str, Any] = {
        "policies": {
            "resourceQuota": {
                "enabled": "auto",
                "quota": {"count/pods": 1000000, "requests.cpu": 2.5, "services.nodeports": None},
                "scopeSelector": {"matchExpressions": [{"operator": "In", "scopeName": "PriorityClass",
                                                        "values": ["high"]}]},
                "scopes": ["NotTerminating"],
                **meta,
            },
            "limitRange": {"enabled": "true", "default": {"cpu": "2"}, "defaultRequest": {"memory": None}},
            "networkPolicy": network,
        },
        "controlPlane": {"advanced": {"globalMetadata": {"annotations": {"k": "global", "g": "1"}}}},
    }  # fmt: skip
    if _v(release) >= _v("0.21.0"):
        values["policies"]["limitRange"] |= {"min": {"cpu": "10m"}, "max": {"memory": "1Gi"}}
    if _v(release) < _v("0.29.0"):
        values["experimental"] = {"syncSettings": {"targetNamespace": "workloads"}}
    rule = {"to": [{"ipBlock": {"cidr": "10.1.0.0/16", "except": ["10.1.2.0/24"]}}],
            "ports": [{"port": 5432, "protocol": "TCP"}]}  # fmt: skip
    if _v(release) < _v("0.31.0"):
        network["outgoingConnections"] = {"platform": False, "ipBlock": {"cidr": "10.0.0.0/8", "except": []}}
        if _v(release) >= _v("0.25.0"):
            network |= {"extraWorkloadRules": [rule], "extraControlPlaneRules": [rule]}
    else:
        ingress = {"from": [{"namespaceSelector": {"matchLabels": {"team": "ingress"}}}]}
        network["workload"] = {"publicEgress": {"except": []}, "egress": [rule], "ingress": [ingress]}
        network["controlPlane"] = {"egress": [rule], "ingress": [ingress]}
        values["controlPlane"]["coredns"] = {"embedded": False}
    return values


@pytest.mark.parametrize("release", RELEASES)
def test_defaults_policies_on_and_every_key(helm, load_chart, release) -> None:
    chart = load_chart(release)
    rich = rich_values(release)
    chart.validate_schema(POLICIES_ON)
    chart.validate_schema(rich)
    for user in ({}, POLICIES_ON, rich):
        agree(helm, chart, release, user)


@pytest.mark.parametrize("release", ["0.26.0", "0.33.1", "0.33.2", "0.36.1"])
def test_private_nodes_and_numeric_release_name(helm, load_chart, release) -> None:
    chart = load_chart(release)
    on = {"policies": {"networkPolicy": {"enabled": True}}, "privateNodes": {"enabled": True}}
    agree(helm, chart, release, on)
    agree(helm, chart, release, POLICIES_ON, name="123")


NULL_PARENTS = [
    ({"policies": {"resourceQuota": {"enabled": True, "scopeSelector": None}}}, "0.20.0"),
    ({"policies": {"networkPolicy": {"enabled": True, "outgoingConnections": None}}}, "0.25.0"),
    ({"policies": {"networkPolicy": {"enabled": True, "workload": None}}}, "0.31.0"),
    ({"policies": {"networkPolicy": {"enabled": True, "controlPlane": None}}}, "0.36.1"),
    ({"policies": {"networkPolicy": {"enabled": True}}, "controlPlane": {"coredns": None}}, "0.33.2"),
    ({"policies": {"resourceQuota": {"enabled": True}}, "experimental": {"syncSettings": None}}, "0.28.0"),
]


@pytest.mark.parametrize(("user", "release"), NULL_PARENTS)
def test_template_time_failures_match_helm(helm, load_chart, user, release) -> None:
    chart = load_chart(release)
    # a null syncSettings fails first in a template vcvalues does not render; ours fails on its own read
    expected = "other" if "experimental" in user else "failed"
    assert agree(helm, chart, release, user) == expected
    with pytest.raises(RenderError, match="nil pointer evaluating interface"):
        render_text(chart.merge_values(user), release="my-vc", namespace="team-a", chart_version=release)


def test_a_null_range_renders_a_null_map(helm, load_chart) -> None:
    user = {"policies": {"limitRange": {"enabled": True, "default": None, "max": None}}}
    assert agree(helm, load_chart("0.36.1"), "0.36.1", user) == "rendered"


# --- hypothesis: schema-valid values, a few releases per profile (every release with --oracle-all) -----


def _not_negative_zero(number: float) -> bool:
    """helm_python hands float64 -0 back as the JSON integer 0, so merge_values loses it (measured)."""
    return not (number == 0 and math.copysign(1.0, number) < 0)


_ALPHABET = "abcxyzAZ019 -_.:/#'\"@{}[],&*!|>%`?~=\té\u00a0\x7f"
_text = st.text(_ALPHABET, max_size=10)
_words = st.lists(st.sampled_from(["yes", "a:", "word", "#x", "1e3", "- b", "0x1F", "é"]), max_size=24).map(
    " ".join
)
_strings = st.one_of(
    _text,
    _words,
    st.sampled_from(
        [
            "",
            "true",
            "on",
            "~",
            "null",
            "1.5",
            "2001-12-14",
            "1:20",
            "a\nb",
            "a\n",
            " a\nb",
            "a \nb",
            "a\n\nb",
        ]
    ),
)
_keys = st.one_of(
    st.sampled_from(["app", "chart", "release", "heritage", "team", "a9", "a10", "b01", "1e3", "yes"]), _text
)
_string_maps = st.dictionaries(_keys, _strings, max_size=4)
_numbers = st.one_of(
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(_not_negative_zero),
)
_scalars = st.one_of(st.none(), st.booleans(), _numbers, _strings)
_free = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_keys, inner, max_size=3)),
    max_leaves=8,
)
_quantities = st.dictionaries(
    st.sampled_from(
        ["cpu", "memory", "ephemeral-storage", "count/pods", "requests.cpu", "services.nodeports"]
    ),
    st.one_of(st.none(), _numbers, st.sampled_from(["1", "100m", "1Gi", "20GB", "1e3"]), _strings),
    max_size=4,
)
_enabled = st.one_of(st.booleans(), st.sampled_from(["auto", "true", "false", "True", "yes", ""]), _text)
_selector = st.fixed_dictionaries(
    {},
    optional={
        "matchLabels": _string_maps,
        "matchExpressions": st.lists(
            st.fixed_dictionaries(
                {"key": _text, "operator": st.sampled_from(["In", "Exists"])},
                optional={"values": st.lists(_text, max_size=2)},
            ),
            max_size=2,
        ),
    },
)
_ip_block = st.fixed_dictionaries({"cidr": _strings}, optional={"except": st.lists(_strings, max_size=3)})
_peer = st.fixed_dictionaries(
    {}, optional={"podSelector": _selector, "namespaceSelector": _selector, "ipBlock": _ip_block}
)
_port = st.fixed_dictionaries(
    {},
    optional={
        "protocol": st.sampled_from(["TCP", "UDP", "SCTP"]),
        "port": st.one_of(st.integers(1, 65535), _text),
        "endPort": st.integers(1, 65535),
    },
)


def _rule(direction: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {}, optional={"ports": st.lists(_port, max_size=2), direction: st.lists(_peer, max_size=2)}
    )


def _metadata() -> dict[str, Any]:
    return {"labels": _string_maps, "annotations": _string_maps}


@st.composite
def modern_values(draw: st.DrawFn, release: str) -> dict[str, Any]:
    """User values for one release: every key its policy templates read, schema-valid by construction."""
    at_least = lambda first: _v(release) >= _v(first)  # noqa: E731
    network: dict[str, Any] = {"enabled": st.booleans(), **_metadata()}
    if at_least("0.31.0"):
        network["workload"] = st.fixed_dictionaries(
            {},
            optional={
                "publicEgress": st.fixed_dictionaries(
                    {},
                    optional={
                        "enabled": st.booleans(),
                        "cidr": _strings,
                        "except": st.lists(_strings, max_size=3),
                    },
                ),
                "egress": st.lists(_rule("to"), max_size=2),
                "ingress": st.lists(_rule("from"), max_size=2),
            },
        )
        network["controlPlane"] = st.fixed_dictionaries(
            {},
            optional={
                "egress": st.lists(_rule("to"), max_size=2),
                "ingress": st.lists(_rule("from"), max_size=2),
            },
        )
    else:
        network["outgoingConnections"] = st.fixed_dictionaries(
            {}, optional={"platform": st.booleans(), "ipBlock": _ip_block}
        )
        if at_least("0.25.0"):
            network["extraWorkloadRules"] = st.lists(st.dictionaries(_keys, _free, max_size=2), max_size=2)
            network["extraControlPlaneRules"] = st.lists(
                st.dictionaries(_keys, _free, max_size=2), max_size=2
            )
    limits = dict.fromkeys(
        ("default", "defaultRequest", *(("min", "max") if at_least("0.21.0") else ())), _quantities
    )
    policies = {
        "podSecurityStandard": _strings,
        "resourceQuota": st.fixed_dictionaries(
            {},
            optional={
                "enabled": _enabled,
                "quota": _quantities,
                "scopes": st.lists(_text, max_size=2),
                "scopeSelector": st.fixed_dictionaries(
                    {},
                    optional={
                        "matchExpressions": st.lists(st.dictionaries(_keys, _free, max_size=3), max_size=2)
                    },
                ),
                **_metadata(),
            },
        ),
        "limitRange": st.fixed_dictionaries({}, optional={"enabled": _enabled, **limits, **_metadata()}),
        "networkPolicy": st.fixed_dictionaries({}, optional=network),
    }
    values: dict[str, Any] = {"policies": draw(st.fixed_dictionaries({}, optional=policies))}
    values["controlPlane"] = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "advanced": st.fixed_dictionaries(
                    {"globalMetadata": st.fixed_dictionaries({"annotations": _string_maps})}
                ),
                "coredns": st.fixed_dictionaries(
                    {}, optional={"enabled": st.booleans(), "embedded": st.booleans()}
                ),
            },
        )
    )
    if not at_least("0.29.0"):
        values["experimental"] = {
            "syncSettings": draw(st.fixed_dictionaries({}, optional={"targetNamespace": _strings}))
        }
    if at_least("0.26.0"):
        values["privateNodes"] = {"enabled": draw(st.booleans())}
    return values


def _sampled_releases(config: pytest.Config) -> list[str]:
    by_profile: dict[str, list[str]] = {}
    for release in RELEASES:
        by_profile.setdefault(profile_of(release), []).append(release)
    return [release for releases in by_profile.values() for release in sample(releases, config, keep=2)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "generated_release" in metafunc.fixturenames:
        metafunc.parametrize("generated_release", _sampled_releases(metafunc.config))


@pytest.mark.slow
def test_generated_values_agree(helm, load_chart, generated_release) -> None:
    release = generated_release
    chart = load_chart(release)
    counts = {"rendered": 0, "unreadable": 0, "failed": 0, "other": 0}

    # no shrinking: each example is a real Helm render, and shrinking one took minutes (measured)
    no_shrink = [Phase.explicit, Phase.reuse, Phase.generate]

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), phases=no_shrink)
    @given(user=modern_values(release), name=st.sampled_from(["my-vc", "123", "1e3", "yes", "0x1f", "a.b"]))
    def check(user: dict[str, Any], name: str) -> None:
        try:
            chart.validate_schema(user)
        except helm.HelmValuesError:
            assume(False)
        counts[agree(helm, chart, release, user, name=name)] += 1

    check()
    # not vacuous: most generated values render (the rest fail in Helm or read back as no YAML)
    assert counts["rendered"] > 0, counts
