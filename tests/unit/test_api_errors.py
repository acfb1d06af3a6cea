"""The Python API's one error model: problems in values are diagnostics; exceptions are VcValuesErrors."""

from __future__ import annotations

import pytest

import vcvalues


def test_a_modern_chart_version_is_the_usage_error_the_cli_gives() -> None:
    with pytest.raises(vcvalues.UnsupportedChartVersionError, match=r"0\.20\+ values format") as raised:
        vcvalues.compile_text("isolation:\n  enabled: true\n", chart_version="0.20.0")
    assert isinstance(raised.value, vcvalues.UsageError) and raised.value.exit_code == 2


def test_bad_release_or_namespace_is_a_usage_error() -> None:
    with pytest.raises(vcvalues.UsageError, match="invalid release name 'A'"):
        vcvalues.compile_text("{}\n", release="A")
    with pytest.raises(vcvalues.UsageError, match="invalid namespace 'a_b'"):
        vcvalues.compile_text("{}\n", namespace="a_b")


def test_manifests_from_the_result_itself() -> None:
    result = vcvalues.compile_text("isolation:\n  enabled: true\n", release="my-vc", namespace="team-a")
    kinds = [(m.body["kind"], m.body["metadata"]["name"]) for m in result.manifests()]
    assert kinds == [
        ("NetworkPolicy", "my-vc-workloads"),
        ("NetworkPolicy", "my-vc-control-plane"),
        ("ResourceQuota", "my-vc-quota"),
        ("LimitRange", "my-vc-limit-range"),
    ]
    assert result.side_effects().to_dict()


def test_values_with_errors_raise_exported_errors_only_when_asked_for_a_product() -> None:
    result = vcvalues.compile_text("syncer:\n  replicas: two\n")
    assert not result.ok and [d.rule_id for d in result.diagnostics] == ["schema"]
    with pytest.raises(vcvalues.InvalidValuesError) as model_error:
        result.model  # noqa: B018
    assert isinstance(model_error.value, vcvalues.VcValuesError)
    with pytest.raises(vcvalues.RenderError, match=r"cannot render values with errors: values.yaml:2:13"):
        result.manifests()
