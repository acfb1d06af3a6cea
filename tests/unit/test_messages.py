"""Where and how diagnostics speak: --set[N] locations, YAML spellings, one key-path notation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.diagnostics import format_key_path, spell_value
from vcvalues.legacy.compile import compile_text, compile_values


def test_set_diagnostics_are_located_at_the_set_that_gave_them() -> None:
    result = compile_values(
        set_values=[
            "isolation.enabled=true",
            "isolation.resourceQuota.quota.requests.cpu=4",
            "isolation.limitRange.default.cpu=abc",
        ]
    )
    found = [(d.rule_id, d.file, d.line, d.column) for d in result.diagnostics]
    assert found == [
        ("service-account-token-annotations", "--set[1]", 1, 1),
        ("quota-resource-name", "--set[2]", 1, 1),
        ("invalid-quantity", "--set[3]", 1, 1),
        ("quota-needs-limitrange", "--set[3]", 1, 1),
    ]
    split = next(d for d in result.diagnostics if d.rule_id == "quota-resource-name")
    assert split.hint == (
        "--set[2] split the resource name at its dot; escape it: "
        "--set isolation.resourceQuota.quota.requests\\.cpu=..."
    )


def test_a_file_key_beats_a_set_that_only_shares_an_ancestor() -> None:
    result = compile_values(
        [("values.yaml", "isolation:\n  enabled: true\n  podSecurityStandard: strict\n")],
        set_values=["isolation.namespace=other"],
    )
    level = next(d for d in result.diagnostics if d.rule_id == "pod-security-level")
    assert (level.file, level.line, level.column) == ("values.yaml", 3, 24)


def test_messages_spell_values_as_yaml_does() -> None:
    result = compile_text("isolation:\n  podSecurityStandard: true\n")
    assert [d.message for d in result.diagnostics] == [
        "isolation.podSecurityStandard is true: the syncer refuses to start with it "
        "(must be privileged, baseline or restricted)"
    ]
    assert [spell_value(v) for v in (True, False, None, "x", 1.5, {}, [])] == [
        "true",
        "false",
        "null",
        "'x'",
        "1.5",
        "a map",
        "a list",
    ]


def test_one_key_path_notation() -> None:
    quota = ("isolation", "resourceQuota", "quota")
    assert format_key_path((*quota, "count/pods")) == "isolation.resourceQuota.quota[count/pods]"
    assert format_key_path((*quota, "requests.memory")) == "isolation.resourceQuota.quota[requests.memory]"
    assert format_key_path(("sync", "fake-nodes", "enabled")) == "sync.fake-nodes.enabled"
    assert format_key_path(("syncer", "extraArgs", 0)) == "syncer.extraArgs[0]"
    assert format_key_path(("a", "")) == 'a[""]'
    found = compile_text("isolation:\n  resourceQuota:\n    quota:\n      count/pods: 1000000\n").diagnostics
    assert [d.message.split(":")[0] for d in found] == ["isolation.resourceQuota.quota[count/pods]"]


@given(st.lists(st.one_of(st.text(max_size=8), st.integers(0, 9)), max_size=5))
def test_a_printed_path_names_every_part(path: list[str | int]) -> None:
    printed = format_key_path(tuple(path))
    for part in path:
        assert (str(part) if part != "" else '[""]') in printed
