"""A schema error no longer hides the cross-field rules: findings that hold whatever the refused value
meant are reported beside it; findings that depend on it are not."""

from __future__ import annotations

import textwrap

from vcvalues.legacy.compile import compile_text


def _found(text: str) -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in compile_text(textwrap.dedent(text)).diagnostics]


def test_schema_error_and_every_other_rule() -> None:
    text = """\
        isolation:
          enabled: true
          podSecurityStandard: strict
          resourceQuota:
            quota:
              limits.pods: 10
        service:
          type: LoadBalancer
        syncer:
          replicas: "two"
          extraArgs: [--nope]
        """
    assert _found(text) == [
        ("service-account-token-annotations", 2, 12),
        ("pod-security-level", 3, 24),
        ("quota-resource-name", 6, 7),
        ("expose-needs-nodeports", 8, 9),
        ("schema", 10, 13),
        ("extra-args-unknown-flag", 11, 15),
    ]


def test_a_finding_that_depends_on_the_refused_value_is_held_back() -> None:
    # runAsUser: x is refused; the chart default (0) would make runAsNonRoot a conflict, leaving it out
    # would not: the rule cannot know, so it stays silent.
    text = """\
        securityContext:
          runAsUser: x
          runAsNonRoot: true
        """
    assert _found(text) == [("schema", 2, 14)]
    # a quota that is not a map: whether the LB fits cannot be known
    assert _found("isolation:\n  enabled: true\n  resourceQuota: 5\nservice:\n  type: LoadBalancer\n") == [
        ("service-account-token-annotations", 2, 12),
        ("schema", 3, 18),
        ("type-conflict", 3, 18),
    ]


def test_a_root_that_is_no_map_runs_no_rule() -> None:
    assert _found("- 1\n") == [("syntax", 1, 1)]
