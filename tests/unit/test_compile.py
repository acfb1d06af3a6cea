"""compile_values: the pipeline end to end, with exact rules and positions."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import shared_path
from vcvalues.core.gofmt import GoInt64
from vcvalues.errors import UnsupportedChartVersionError, UsageError
from vcvalues.legacy.chart import LEGACY_RELEASES
from vcvalues.legacy.compile import compile_text, compile_values

REFERENCE = [
    ("k3s", "0.15.7"),
    ("k8s", "0.15.7"),
    ("k3s", "0.19.10"),
    ("k8s", "0.19.10"),
    ("k0s", "0.19.10"),
    ("eks", "0.19.10"),
]


def _compile(text: str, **options):
    return compile_text(textwrap.dedent(text), file="values.yaml", **options)


def _found(result) -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


@pytest.mark.parametrize(("distro", "version"), REFERENCE)
def test_reference_values_files_compile_clean_against_their_chart(distro: str, version: str) -> None:
    path = shared_path("reference", "vcluster", f"{distro}-v{version}.values.yaml")
    result = compile_values([path], chart_version=version, distro=distro)
    assert result.diagnostics == []


@pytest.mark.parametrize(("distro", "version"), REFERENCE)
def test_reference_file_as_user_values_leaves_the_defaults_unchanged(distro: str, version: str) -> None:
    path = shared_path("reference", "vcluster", f"{distro}-v{version}.values.yaml")
    as_user = compile_values([path], chart_version=version, distro=distro)
    defaults = compile_values([], chart_version=version, distro=distro)
    assert as_user.values == defaults.values


def test_misspelt_key_bad_quantity_yes_duplicate_each_at_exact_place() -> None:
    result = _compile(
        """\
        isolaton:
          enabled: true
        isolation:
          enabled: yes
          resourceQuota:
            quota:
              requests.cpu: 20GB
          limitRange:
            enabled: true
            enabled: false
        """,
        run_rules=False,
    )
    assert _found(result) == [
        ("unknown-key", 1, 1),
        ("yaml11-boolean", 4, 12),
        ("invalid-quantity", 7, 21),
        ("duplicate-key", 10, 5),
    ]
    unknown = result.diagnostics[0]
    assert unknown.hint == "did you mean 'isolation'?"
    assert unknown.key_path == ("isolaton",)
    assert result.diagnostics[2].message == (
        "isolation.resourceQuota.quota[requests.cpu]: '20GB' is not a quantity: "
        "unknown suffix 'GB' (did you mean 'G' or 'Gi'?)"
    )


def test_yaml_error_is_a_syntax_diagnostic_and_stops() -> None:
    result = _compile("isolation:\n  enabled: true\n   bad: [\n")
    assert [d.rule_id for d in result.diagnostics] == ["syntax"]
    assert result.values == {}


def test_nested_unknown_key_with_suggestion() -> None:
    result = _compile("""\
        isolation:
          resourceQuota:
            enable: true
        """)
    assert _found(result) == [("unknown-key", 3, 5)]
    assert result.diagnostics[0].hint == "did you mean 'enabled'?"


def test_open_maps_accept_any_key() -> None:
    result = _compile("""\
        globalAnnotations:
          team: a
        isolation:
          resourceQuota:
            quota:
              requests.nvidia.com/gpu: 2
        """)
    assert result.diagnostics == []


def test_type_conflict_is_reported_and_user_value_kept() -> None:
    result = _compile("""\
        isolation:
          resourceQuota: false
        """)
    assert ("type-conflict", 2, 18) in _found(result)
    assert result.values["isolation"]["resourceQuota"] is False


def test_user_null_removes_a_default_quota_entry() -> None:
    result = _compile("""\
        isolation:
          resourceQuota:
            quota:
              count/pods: null
        """)
    assert "count/pods" not in result.values["isolation"]["resourceQuota"]["quota"]
    assert result.values["isolation"]["resourceQuota"]["quota"]["count/services"] == 20


def test_later_file_wins_and_set_wins_over_files() -> None:
    result = compile_values(
        [
            ("a.yaml", "isolation:\n  enabled: false\n  podSecurityStandard: baseline\n"),
            ("b.yaml", "isolation:\n  enabled: true\n"),
        ],
        set_values=["isolation.resourceQuota.quota.count/pods=7"],
        set_string_values=["isolation.podSecurityStandard=restricted"],
    )
    isolation = result.values["isolation"]
    assert isolation["enabled"] is True
    assert isolation["podSecurityStandard"] == "restricted"
    pods = isolation["resourceQuota"]["quota"]["count/pods"]
    assert pods == 7
    assert type(pods) is GoInt64


def test_set_error_names_the_flag() -> None:
    with pytest.raises(UsageError, match=r"^failed parsing --set data: "):
        compile_values([], set_values=["a.b"])


def test_positions_of_set_values_name_the_flag() -> None:
    result = compile_values([], set_values=["isolation.podSecurityStandard=strict"])
    located = [(d.file, d.line) for d in result.diagnostics if d.rule_id == "pod-security-level"]
    assert located == [("--set[1]", 1)]


@pytest.mark.parametrize("version", ["0.14.2", "0.19.11", "1.0.0"])
def test_unsupported_chart_versions_raise(version: str) -> None:
    with pytest.raises(UnsupportedChartVersionError, match=r"supported: 0\.15\.0 - 0\.19\.10"):
        compile_values([], chart_version=version)


def test_a_modern_chart_is_the_usage_error_the_cli_gives_and_names_convert() -> None:
    # not a 0.19.10 result in disguise: the one function that accepts versions refuses it
    with pytest.raises(UnsupportedChartVersionError, match=r"run: vcvalues convert -f values\.yaml"):
        _compile("isolation:\n  enabled: true\n", chart_version="0.20.0")


def test_modern_keys_for_a_legacy_chart_are_a_dialect_mismatch() -> None:
    result = _compile("policies:\n  podSecurityStandard: baseline\n")
    assert _found(result) == [("dialect-mismatch", 1, 1)]


def test_every_legacy_release_and_distro_compiles_its_defaults() -> None:
    for distro in ("k3s", "k8s", "k0s", "eks"):
        for triple in LEGACY_RELEASES:
            version = ".".join(map(str, triple))
            result = compile_values([], chart_version=version, distro=distro, run_rules=False)
            assert result.diagnostics == [], (distro, version)


def test_model_is_built_lazily_and_typed() -> None:
    result = _compile("isolation:\n  enabled: true\n  podSecurityStandard: restricted\n")
    assert result.model.isolation.enabled is True
    assert result.model.isolation.pod_security_standard == "restricted"


@given(st.text(max_size=200))
def test_property_compiling_arbitrary_text_never_raises(text: str) -> None:
    result = compile_text(text, file="fuzz.yaml")
    for d in result.diagnostics:
        assert d.file in ("fuzz.yaml", "<chart defaults>")
        assert d.line >= 1
        assert d.column >= 1
