"""validate_values: the lint path's schema check (typed schema + key tree), no pydantic, no jsonschema."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from functools import cache
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import schema_values
from tests.unit.legacy.model._helpers import REFERENCE_FILES, reference
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.catalog.keys import KeyKind, KeyTree, key_tree
from vcvalues.legacy.chart import LEGACY_RELEASES, ChartRef, ChartVersion, Distro, resolve_chart
from vcvalues.legacy.model import check_model
from vcvalues.legacy.schema import export_schema
from vcvalues.legacy.validate import ROOT_KEYS, SchemaIssue, validate_values

K3S_19 = resolve_chart("0.19.10", "k3s")
K8S_19 = resolve_chart("0.19.10", "k8s")


def found(values: dict[str, Any], ref: ChartRef = K3S_19) -> list[tuple[tuple[str | int, ...], str]]:
    return [(issue.path, issue.message) for issue in validate_values(values, ref)]


@pytest.mark.parametrize("distro", list(Distro))
def test_every_chart_accepts_its_own_defaults(distro):
    for triple in LEGACY_RELEASES:
        ref = ChartRef(distro, ChartVersion(*triple))
        assert validate_values(chart_defaults(ref), ref) == [], ref


@pytest.mark.parametrize("name", sorted(REFERENCE_FILES))
def test_reference_files_pass(name):
    values, ref = reference(name)
    assert validate_values(values, ref) == []


BAD = [
    {"isolation": {"enabled": "maybe"}},
    {"isolation": {"podSecurityStandard": "strict", "resourceQuota": {"quota": {"requests.cpu": "20GB"}}}},
    {"isolation": {"limitRange": {"default": {"memory": True}, "defaultRequest": []}}},
    {
        "isolation": {
            "resourceQuota": {"scopeSelector": {"matchExpressions": [{"operator": "In", "extra": 1}]}}
        }
    },
    {"securityContext": {"runAsUser": -1, "runAsGroup": 1.5, "capabilities": {"add": "NET_ADMIN"}}},
    {"securityContext": {"seccompProfile": {}, "runAsUsr": 3}},
    {"syncer": {"replicas": "2", "extraArgs": ["--a", 3], "resources": {"limits": {"cpu": "1 core"}}}},
    {"sync": {"nodes": {"enabled": 1, "nodeSelector": {"a": "b"}}}, "service": {"type": "Loadbalancer"}},
    {"coredns": {"fallback": 8.8, "replicas": -2}, "globalAnnotations": {"a": 1}, "enabled": "yes"},
    {"isolation": 5, "sync": [], "monitoring": {"serviceMonitor": "on"}},
]


@pytest.mark.parametrize("values", BAD)
def test_same_issues_as_the_typed_model(values):
    model, issues = check_model(values, K3S_19)
    assert model is None

    def order(issue: SchemaIssue) -> tuple[tuple[str, ...], str]:
        return tuple(map(str, issue.path)), issue.message

    assert sorted(validate_values(values, K3S_19), key=order) == sorted(issues, key=order)


def test_messages_name_key_and_value():
    assert found(BAD[4]) == [
        (
            ("securityContext", "capabilities", "add"),
            "securityContext.capabilities.add: expected a list, found 'NET_ADMIN'",
        ),
        (("securityContext", "runAsGroup"), "securityContext.runAsGroup: expected an integer, found 1.5"),
        (("securityContext", "runAsUser"), "securityContext.runAsUser: expected at least 0, found -1"),
    ]
    assert found({"isolation": {"resourceQuota": {"quota": {"limits.memory": "2GB"}}}}) == [
        (
            ("isolation", "resourceQuota", "quota", "limits.memory"),
            "isolation.resourceQuota.quota[limits.memory]: "
            "expected a kubernetes quantity (such as 500m, 2Gi or 10), "
            "found '2GB': unknown suffix 'GB' (did you mean 'G' or 'Gi'?)",
        )
    ]
    assert found({"securityContext": {"runAsUser": 2**31}}) == [
        (
            ("securityContext", "runAsUser"),
            "securityContext.runAsUser: expected at most 2147483647, found 2147483648",
        )
    ]


def test_unknown_keys_of_chart_maps_are_left_to_the_unknown_key_check():
    # isolation and syncer are maps the chart defines: the catalogue reports their unknown keys
    assert (
        found({"isolation": {"resourceQuotas": {"quota": 1}}, "syncer": {"imagee": "x"}, "nope": {"a": 1}})
        == []
    )
    # typed keys the chart at hand lacks are unknown keys too, and nothing below them is reported
    assert found({"syncer": {"securityContext": {"runAsUser": -1}}}, K3S_19) == []
    assert found({"securityContext": {"runAsUser": -1}}, K8S_19) == []
    assert (
        found({"isolation": {"nodeProxyPermission": {"enabled": "x"}}}, resolve_chart("0.15.0", "k3s")) == []
    )
    # untyped known keys keep any value
    assert found({"syncer": {"image": {"weird": 1}}, "plugin": {"p": {"anything": [1]}}}) == []


def test_unknown_keys_inside_kubernetes_objects_are_reported_with_a_suggestion():
    assert found({"securityContext": {"runAsUsr": 1, "readOnlyRootFileSystem": True}}) == [
        (
            ("securityContext", "readOnlyRootFileSystem"),
            "securityContext.readOnlyRootFileSystem: unknown key 'readOnlyRootFileSystem' "
            "(did you mean 'readOnlyRootFilesystem'?)",
        ),
        (
            ("securityContext", "runAsUsr"),
            "securityContext.runAsUsr: unknown key 'runAsUsr' (did you mean 'runAsUser'?)",
        ),
    ]
    assert found(
        {"syncer": {"podSecurityContext": {"sysctls": [{"name": "a", "value": "1", "vaule": "2"}]}}}, K8S_19
    ) == [
        (
            ("syncer", "podSecurityContext", "sysctls", 0, "vaule"),
            "syncer.podSecurityContext.sysctls[0].vaule: unknown key 'vaule' (did you mean 'value'?)",
        )
    ]


def test_a_key_the_chart_sets_by_default_inside_a_kubernetes_object_is_known():
    values = {"syncer": {"podSecurityContext": {"allowPrivilegeEscalation": False}}}
    assert found(values, resolve_chart("0.19.3", "eks")) == []
    assert found(values, resolve_chart("0.19.4", "eks")) == [
        (
            ("syncer", "podSecurityContext", "allowPrivilegeEscalation"),
            "syncer.podSecurityContext.allowPrivilegeEscalation: unknown key 'allowPrivilegeEscalation'",
        )
    ]


def test_maps_the_chart_knows_must_hold_maps():
    assert found({"sync": {"ingresses": True}, "ingress": {"annotations": ["a"]}, "nodeSelector": None}) == [
        (("ingress", "annotations"), "ingress.annotations: expected a map, found a list"),
        (("sync", "ingresses"), "sync.ingresses: expected a map, found true"),
    ]


def test_umbrella_keys_are_typed_not_unknown():
    assert found({"global": {"x": 1}, "enabled": True}) == []
    assert found({"global": "x", "enabled": "yes"}) == [
        (("enabled",), "enabled: expected a boolean, found 'yes'"),
        (("global",), "global: expected a map, found 'x'"),
    ]


def test_an_unsupported_chart_is_a_usage_error():
    with pytest.raises(UnsupportedChartVersionError):
        validate_values({}, ChartRef(Distro.K3S, ChartVersion(0, 14, 0)))


def test_issues_are_frozen_values():
    issue = SchemaIssue(("a",), "a: x")
    assert issue == SchemaIssue(("a",), "a: x")
    with pytest.raises(AttributeError):
        issue.message = "b"  # type: ignore[misc]


def test_the_lint_path_imports_neither_pydantic_nor_jsonschema():
    script = textwrap.dedent(
        """
        import json, sys
        from vcvalues.legacy.chart import resolve_chart
        from vcvalues.legacy.validate import validate_values
        issues = validate_values({"isolation": {"enabled": "maybe"}}, resolve_chart("0.19.10", "k3s"))
        heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("pydantic", "jsonschema"))
        print(json.dumps({"issues": [i.message for i in issues], "heavy": heavy}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {
        "issues": ["isolation.enabled: expected a boolean, found 'maybe'"],
        "heavy": [],
    }


# --- the same verdict as the chart's full schema ----------------------------------------------------


def strip_unknown(tree: KeyTree, value: Any, root: bool = True) -> Any:
    """``value`` without the keys the chart does not know (what the unknown-key check reports)."""
    if tree.kind is not KeyKind.MAP or not isinstance(value, dict):
        return value
    kept = {}
    for key, item in value.items():
        if root and key in ROOT_KEYS:
            kept[key] = item
        elif key in tree.children:
            kept[key] = strip_unknown(tree.children[key], item, root=False)
    return kept


@cache
def full(ref: ChartRef) -> tuple[Any, st.SearchStrategy[Any]]:
    schema = export_schema(ref)
    return jsonschema_rs.validator_for(schema), schema_values(schema)


@pytest.mark.parametrize(
    "ref", [K3S_19, resolve_chart("0.15.0", "k8s"), resolve_chart("0.19.3", "eks")], ids=str
)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_validate_values_agrees_with_the_full_schema_and_the_model(ref, data):
    validator, values_strategy = full(ref)
    values = data.draw(values_strategy, label="values")
    known = strip_unknown(key_tree(ref), values)
    lint_ok = validate_values(values, ref) == []
    assert lint_ok == validator.is_valid(known)
    assert lint_ok == (check_model(known, ref)[0] is not None)
    assert validate_values(known, ref) == validate_values(values, ref)
