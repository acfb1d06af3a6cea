"""The example umbrella chart: its schema is what vcvalues generates, and it checks values as Helm does.

Helm (pkg/chart/v2/util: CoalesceValues then ValidateAgainstSchema) coalesces the parent's values
with each subchart's defaults under the subchart's key, copies ``global`` into every subchart, and then
validates the parent's values against the parent's values.schema.json. ``helm_values`` does the same
with vcvalues' coalescing and the vcluster chart defaults from the catalogue.
"""

from __future__ import annotations

import copy
import io
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from tests.conftest import ROOT
from vcvalues.cli import IO, main
from vcvalues.core.coalesce import coalesce
from vcvalues.core.load import load_path
from vcvalues.core.schema_text import QUANTITY_PATTERN
from vcvalues.core.umbrella import SchemaTarget, dependency_target
from vcvalues.legacy.catalog import chart_defaults
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.schema import export_schema

CHART = ROOT / "charts" / "platform-vcluster"
VCLUSTER = resolve_chart("0.19.10", "k3s")
VALIDATORS = (jsonschema.Draft7Validator, jsonschema.Draft202012Validator)


def load(name: str) -> dict[str, Any]:
    result = load_path(CHART / name)
    assert result.diagnostics == []
    assert result.data is not None
    return result.data


def helm_values(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The umbrella's values as Helm validates them: -f/--set overrides, chart values, subchart defaults."""
    values = coalesce(overrides or {}, load("values.yaml"))
    values.setdefault("global", {})
    sub = values.get("vcluster")
    values["vcluster"] = coalesce(sub if isinstance(sub, dict) else {}, chart_defaults(VCLUSTER))
    values["vcluster"]["global"] = copy.deepcopy(values["global"])
    return values


def schema() -> dict[str, Any]:
    import json

    return json.loads((CHART / "values.schema.json").read_text(encoding="utf-8"))


def errors(instance: dict[str, Any]) -> list[list[tuple[list[Any], str]]]:
    """Per validator: (path, message) of the deepest error of each failure."""
    found = []
    for validator in VALIDATORS:
        per = []
        for error in validator(schema()).iter_errors(instance):
            deepest = error
            while deepest.context:  # X | null: the reason sits in the X branch
                deepest = next(
                    e for e in deepest.context if (e.validator, e.validator_value) != ("type", "null")
                )
            per.append((list(deepest.absolute_path), deepest.message))
        found.append(per)
    return found


def test_chart_depends_on_vcluster_0_19_10_from_charts_loft_sh():
    chart = load("Chart.yaml")
    assert chart["apiVersion"] == "v2"
    assert chart["dependencies"] == [
        {
            "name": "vcluster",
            "version": "0.19.10",
            "repository": "https://charts.loft.sh",
            "condition": "vcluster.enabled",
        }
    ]
    assert dependency_target(CHART / "Chart.yaml") == SchemaTarget(VCLUSTER, "vcluster")


def test_committed_schema_is_the_generated_one():
    assert schema() == export_schema(VCLUSTER, subchart_key="vcluster")
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema", "--check", str(CHART / "values.schema.json")], IO(out, err)) == 0
    assert (out.getvalue(), err.getvalue()) == ("", "")


def test_chart_values_pass_helm_validation_under_both_drafts():
    values = helm_values()
    assert values["vcluster"]["isolation"]["podSecurityStandard"] == "restricted"
    assert values["vcluster"]["syncer"]["storage"]["size"] == "5Gi"  # a subchart default, coalesced
    assert errors(values) == [[], []]
    assert jsonschema_rs.Draft7Validator(schema()).is_valid(values)


@pytest.mark.parametrize(
    ("overrides", "path", "message"),
    [
        (
            {"vcluster": {"isolation": {"resourceQuta": {"enabled": True}}}},
            ["vcluster", "isolation"],
            "Additional properties are not allowed ('resourceQuta' was unexpected)",
        ),
        (
            {"vcluster": {"isolation": {"limitRange": {"default": {"memory": "512MB"}}}}},
            ["vcluster", "isolation", "limitRange", "default", "memory"],
            f"'512MB' does not match {QUANTITY_PATTERN!r}",
        ),
        (
            {"vcluster": {"isolation": {"podSecurityStandard": "strict"}}},
            ["vcluster", "isolation", "podSecurityStandard"],
            "'strict' is not one of ['privileged', 'baseline', 'restricted', None]",
        ),
        (
            {"vcluster": {"enabled": "yes"}},
            ["vcluster", "enabled"],
            "'yes' is not of type 'boolean', 'null'",
        ),
        (
            {"vcluster": {"securityContext": {"runAsUser": -1}}},
            ["vcluster", "securityContext", "runAsUser"],
            "-1 is less than the minimum of 0",
        ),
    ],
)
def test_helm_rejects_mistakes_in_overrides(overrides, path, message):
    assert errors(helm_values(overrides)) == [[(path, message)], [(path, message)]]
    assert not jsonschema_rs.Draft7Validator(schema()).is_valid(helm_values(overrides))


def test_umbrella_keys_of_its_own_and_a_disabled_subchart_pass():
    values = helm_values({"ingress-nginx": {"enabled": False}, "vcluster": {"enabled": False}})
    assert errors(values) == [[], []]


def test_drift_is_reported_with_a_diff_and_the_command_that_fixes_it(tmp_path):
    (tmp_path / "Chart.yaml").write_text((CHART / "Chart.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    stale = export_schema(resolve_chart("0.19.9", "k3s"), subchart_key="vcluster")
    import json

    target = tmp_path / "values.schema.json"
    target.write_text(json.dumps(stale), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema", "--check", str(target)], IO(out, err)) == 1
    text = out.getvalue()
    assert f"--- {target} (committed)\n+++ {target} (generated)\n" in text
    assert '+            "migrateFromEtcd": {}' in text  # embeddedEtcd.migrateFromEtcd is new in 0.19.10
    assert text.endswith(
        f"{target}: not the schema vcvalues generates for vcluster k3s 0.19.10 under 'vcluster'\n"
        f"hint: regenerate it with: vcvalues schema --chart-version 0.19.10 --distro k3s "
        f"--subchart-key vcluster -o {target}\n"
    )
    assert err.getvalue() == ""
