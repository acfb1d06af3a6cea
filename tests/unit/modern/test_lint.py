"""Linting 0.20+ values: exact (rule, line, column) for the problems the modern dialect adds."""

from __future__ import annotations

import json
import textwrap

import pytest

from vcvalues.core.chart import resolve_modern
from vcvalues.core.dialect import Dialect, choose_chart, detect_dialect
from vcvalues.core.lint import lint_files
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import ModernCompileResult, compile_modern


def lint(text: str, version: str = "0.36.1", **options) -> ModernCompileResult:
    loaded = load_yaml(textwrap.dedent(text), file="vcluster.yaml")
    return compile_modern([loaded], resolve_modern(version), **options)


def found(result: ModernCompileResult) -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


def test_a_misspelt_policies_key_is_unknown_with_a_suggestion() -> None:
    result = lint(
        """\
        policies:
          resourceQuota:
            enabeld: true
        """
    )
    assert found(result) == [("unknown-key", 3, 5)]
    assert result.diagnostics[0].hint == "did you mean 'enabled'?"
    assert result.diagnostics[0].key_path == ("policies", "resourceQuota", "enabeld")


def test_a_misspelt_top_level_policies_section() -> None:
    result = lint("polices:\n  podSecurityStandard: baseline\n")
    assert found(result) == [("unknown-key", 1, 1)]
    assert result.diagnostics[0].hint == "did you mean 'policies'?"


def test_a_removed_key_names_its_release_and_its_replacement() -> None:
    result = lint(
        """\
        policies:
          networkPolicy:
            enabled: true
            outgoingConnections:
              ipBlock:
                cidr: 0.0.0.0/0
        """
    )
    assert found(result) == [("unknown-key", 4, 5)]
    assert result.diagnostics[0].message == (
        "policies.networkPolicy.outgoingConnections was removed in 0.31.0: chart 0.36.1's schema rejects it"
    )
    assert result.diagnostics[0].hint == "use policies.networkPolicy.workload.publicEgress"


def test_the_removed_key_is_fine_in_the_releases_that_have_it() -> None:
    text = "policies:\n  networkPolicy:\n    outgoingConnections:\n      platform: false\n"
    assert found(lint(text, "0.30.5")) == []
    assert found(lint(text, "0.31.0")) == [("unknown-key", 3, 5)]


def test_a_key_added_later_says_since_when() -> None:
    result = lint("privateNodes:\n  enabled: true\n", "0.25.2")
    assert found(result) == [("unknown-key", 1, 1)]
    assert result.diagnostics[0].message.startswith("privateNodes was added in 0.26.0")


def test_a_bad_quantity_that_the_upstream_schema_lets_through() -> None:
    result = lint(
        """\
        policies:
          resourceQuota:
            quota:
              requests.cpu: 20GB
          limitRange:
            max:
              memory: 10 Gi
        controlPlane:
          statefulSet:
            resources:
              limits:
                memory: 1K
        """
    )
    assert found(result) == [
        ("invalid-quantity", 4, 21),
        ("invalid-quantity", 7, 15),
        ("invalid-quantity", 12, 17),
    ]


def test_enabled_yes_is_a_yaml11_boolean() -> None:
    result = lint("policies:\n  resourceQuota:\n    enabled: yes\n")
    assert found(result) == [("yaml11-boolean", 3, 14)]


def test_a_quoted_word_in_a_strbool_acts_as_auto() -> None:
    result = lint('policies:\n  limitRange:\n    enabled: "True"\n  resourceQuota:\n    enabled: auto\n')
    assert found(result) == [("policy-enabled-string", 3, 14)]


def test_the_schema_types_are_enforced() -> None:
    result = lint('policies:\n  networkPolicy:\n    enabled: "true"\n  resourceQuota:\n    enabled: 1\n')
    assert found(result) == [("schema", 3, 14), ("schema", 5, 14)]
    assert result.diagnostics[0].message == "policies.networkPolicy.enabled: expected a boolean, found 'true'"


def test_duplicate_keys() -> None:
    result = lint("policies:\n  podSecurityStandard: baseline\n  podSecurityStandard: restricted\n")
    assert [d.rule_id for d in result.diagnostics] == ["duplicate-key"]


def test_legacy_keys_are_a_dialect_mismatch_with_the_convert_command() -> None:
    result = lint("isolation:\n  enabled: true\n")
    assert found(result) == [("dialect-mismatch", 1, 1)]
    assert (
        result.diagnostics[0].hint
        == "convert the file: vcvalues convert -f vcluster.yaml --distro k3s --to 0.36"
    )


def test_a_user_null_deletes_a_default_and_passes() -> None:
    assert found(lint("policies:\n  resourceQuota:\n    quota:\n      count/pods: null\n")) == []


@pytest.mark.parametrize(
    ("documents", "dialect"),
    [
        ([{"policies": {}}], Dialect.MODERN),
        ([{"controlPlane": {}, "sync": {"toHost": {}}}], Dialect.MODERN),
        ([{"isolation": {}}], Dialect.LEGACY),
        ([{"isolation": {}, "policies": {}}], Dialect.LEGACY),
        ([{"sync": {"nodes": {}}}], None),
        ([{}], None),
    ],
)
def test_dialect_detection(documents, dialect) -> None:
    assert detect_dialect(documents) is dialect


def test_chart_choice() -> None:
    assert str(choose_chart(None, None, [{"policies": {}}]).chart) == "vcluster-0.36.1"
    assert str(choose_chart(None, None, [{}]).chart) == "k3s-0.19.10"
    assert str(choose_chart(None, "k8s", [{"policies": {}}]).chart) == "vcluster-0.36.1"
    assert str(choose_chart(None, "k8s", [{}]).chart) == "k8s-0.19.10"
    assert str(choose_chart("0.25.1", None, [{"isolation": {}}]).chart) == "vcluster-0.25.1"
    assert choose_chart("0.25.1", None).detected is False


def test_lint_files_dispatches_each_file_and_reports_the_choice(tmp_path) -> None:
    modern = tmp_path / "vcluster.yaml"
    modern.write_text("policies:\n  resourceQuota:\n    enabeld: true\n")
    legacy = tmp_path / "values.yaml"
    legacy.write_text("isolation:\n  enabled: true\n")
    outcome = lint_files([str(modern), str(legacy)])
    assert {name: c.as_json() for name, c in outcome.charts.items()} == {
        str(modern): {"dialect": "modern", "chart": "vcluster-0.36.1", "detected": True},
        str(legacy): {"dialect": "legacy", "chart": "k3s-0.19.10", "detected": True},
    }
    assert [
        (d.file, d.rule_id, d.line, d.column) for d in outcome.diagnostics if d.rule_id == "unknown-key"
    ] == [(str(modern), "unknown-key", 3, 5)]


def test_cli_json_and_verbose_name_the_chart(tmp_path, capsys) -> None:
    from vcvalues.cli import main

    path = tmp_path / "vcluster.yaml"
    path.write_text("policies:\n  podSecurityStandard: baseline\n")
    assert main(["lint", "--format", "json", "--verbose", str(path)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["charts"] == {
        str(path): {"dialect": "modern", "chart": "vcluster-0.36.1", "detected": True}
    }
    assert err == f"vcvalues: {path}: chart vcluster-0.36.1 (modern dialect, detected from the file)\n"


def test_the_public_api_compiles_vcluster_yaml() -> None:
    import vcvalues

    result = vcvalues.compile_modern_values(
        [("vcluster.yaml", "policies:\n  resourceQuota:\n    enabled: true\n")],
        chart_version="0.30.0",
        set_values=["controlPlane.service.spec.type=LoadBalancer"],
    )
    assert str(result.chart) == "vcluster-0.30.0"
    assert [(d.rule_id, d.file) for d in result.diagnostics] == [("expose-needs-nodeports", "--set[1]")]
    assert result.model.policies is not None
    assert result.model.policies.resource_quota is not None
    assert result.model.policies.resource_quota.enabled is not None
    assert result.model.policies.resource_quota.enabled.is_true
    assert vcvalues.choose_chart("0.30.0", None).dialect is vcvalues.Dialect.MODERN
