"""pod-security-level: what the syncer does with each isolation.podSecurityStandard value."""

from __future__ import annotations


def test_empty_level_is_reported_as_no_enforcement_not_as_a_refused_start() -> None:
    from vcvalues.legacy.compile import compile_text

    result = compile_text(
        'isolation:\n  enabled: true\n  podSecurityStandard: ""\n'
        "syncer:\n  extraArgs: [--service-account-token-secrets]\n"
    )
    assert [(d.rule_id, d.line, d.column) for d in result.diagnostics] == [("pod-security-level", 3, 24)]
    assert "enforces no Pod Security Standard" in result.diagnostics[0].message
