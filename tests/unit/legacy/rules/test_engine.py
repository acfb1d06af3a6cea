"""The engine: fixes applied and re-checked, config severities/options, disable, schema claims."""

from __future__ import annotations

import textwrap
from types import MappingProxyType

from tests.unit.legacy.rules._helpers import run
from vcvalues.core.config import RulesConfig, RuleSetting
from vcvalues.core.diagnostics import Severity
from vcvalues.legacy.compile import compile_text

FLAGSHIP = """\
    isolation:
      enabled: true
    service:
      type: LoadBalancer
    syncer:
      extraArgs:
      - --service-account-token-secrets
    """


def _config(**settings: RuleSetting) -> RulesConfig:
    return RulesConfig(MappingProxyType({k.replace("_", "-"): v for k, v in settings.items()}))


def test_fix_is_applied_to_the_values_and_reported_as_a_warning() -> None:
    result = compile_text(textwrap.dedent(FLAGSHIP), apply_fixes=True)
    assert result.values["isolation"]["resourceQuota"]["quota"]["services.nodeports"] == 1
    assert result.fixes == [
        (
            ("isolation", "resourceQuota", "quota", "services.nodeports"),
            1,
            "set isolation.resourceQuota.quota[services.nodeports] to 1 (was 0)",
        )
    ]
    (diagnostic,) = result.diagnostics
    assert (diagnostic.rule_id, diagnostic.severity, diagnostic.line, diagnostic.column) == (
        "expose-needs-nodeports",
        Severity.WARNING,
        4,
        9,
    )
    assert diagnostic.message.startswith("fixed: set isolation.resourceQuota.quota[services.nodeports] to 1")
    assert result.ok


def test_two_fixes_in_one_round_and_nothing_left() -> None:
    text = FLAGSHIP.replace(
        "    service:",
        "      resourceQuota:\n        quota:\n          services.loadbalancers: 0\n    service:",
    )
    result = compile_text(textwrap.dedent(text), apply_fixes=True, fix_user_values=True)
    assert sorted(path[-1] for path, _, _ in result.fixes) == ["services.loadbalancers", "services.nodeports"]
    assert {d.rule_id for d in result.diagnostics} == {"expose-needs-nodeports", "expose-needs-loadbalancers"}
    assert all(d.severity is Severity.WARNING for d in result.diagnostics)


def test_a_value_the_user_wrote_is_not_fixed_by_default() -> None:
    # issue 12 item 4a: render raises only defaulted values; services.loadbalancers: 0 is the user's own
    text = FLAGSHIP.replace(
        "    service:",
        "      resourceQuota:\n        quota:\n          services.loadbalancers: 0\n    service:",
    )
    result = compile_text(textwrap.dedent(text), apply_fixes=True)
    assert [path[-1] for path, _, _ in result.fixes] == ["services.nodeports"]
    found = {d.rule_id: d for d in result.diagnostics}
    assert found["expose-needs-nodeports"].severity is Severity.WARNING
    unfixed = found["expose-needs-loadbalancers"]
    assert unfixed.severity is Severity.ERROR and not result.ok
    assert unfixed.hint is not None and unfixed.hint.endswith(
        "you set isolation.resourceQuota.quota[services.loadbalancers] yourself, so it is not changed here "
        "(change it, or let vcvalues lint --fix write it)"
    )
    assert result.values["isolation"]["resourceQuota"]["quota"]["services.loadbalancers"] == 0


def test_without_apply_fixes_the_values_are_untouched() -> None:
    result = compile_text(textwrap.dedent(FLAGSHIP))
    assert result.values["isolation"]["resourceQuota"]["quota"]["services.nodeports"] == 0
    assert result.fixes == [] and not result.ok
    assert result.diagnostics[0].fixable


def test_a_fix_demoted_to_warning_by_config_is_not_applied() -> None:
    config = _config(expose_needs_nodeports=RuleSetting(severity=Severity.WARNING))
    result = compile_text(textwrap.dedent(FLAGSHIP), apply_fixes=True, config=config)
    assert result.fixes == []
    assert [(d.rule_id, d.severity) for d in result.diagnostics] == [
        ("expose-needs-nodeports", Severity.WARNING)
    ]


def test_config_switches_rules_off_and_changes_pseudo_rule_severity() -> None:
    config = _config(
        expose_needs_nodeports=RuleSetting(enabled=False),
        yaml11_boolean=RuleSetting(severity=Severity.ERROR),
    )
    result = compile_text(textwrap.dedent(FLAGSHIP).replace("true", "yes", 1), config=config)
    assert [(d.rule_id, d.severity) for d in result.diagnostics] == [("yaml11-boolean", Severity.ERROR)]


def test_disable_argument() -> None:
    assert run(FLAGSHIP, disable=["expose-needs-nodeports"]) == []


def test_schema_issue_claimed_by_pod_security_level_still_stops_nothing_else() -> None:
    found = run(
        """\
        isolation:
          podSecurityStandard: strict
        syncer:
          extraArgs:
          - --tls-sans=x
        """
    )
    assert found == [("pod-security-level", 2, 24), ("extra-args-unknown-flag", 5, 5)]


def test_release_name_appears_in_messages() -> None:
    result = compile_text(textwrap.dedent(FLAGSHIP), release="team-a")
    assert result.diagnostics[0].message.startswith("the team-a-lb service (LoadBalancer) needs 1 node port")
