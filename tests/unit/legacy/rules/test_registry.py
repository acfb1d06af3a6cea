"""Meta-tests: the registry is honest, and every rule's examples are executable documentation."""

from __future__ import annotations

import re

import pytest

from tests.unit.legacy.rules._helpers import compile_example
from vcvalues.core.diagnostics import Severity
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.rules import REGISTRY, Rule, build_registry
from vcvalues.legacy.rules.pseudo import RULES as PSEUDO

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RULE_IDS = sorted(REGISTRY)
# DESIGN §8 table (the floor) and the pseudo-rules reported elsewhere.
DESIGN_IDS = {
    "expose-needs-nodeports", "expose-needs-loadbalancers", "quota-needs-limitrange",
    "control-plane-exceeds-quota", "limitrange-request-above-default", "limitrange-default-above-quota",
    "quota-request-above-limit", "quota-resource-name", "quota-integer-resource", "quota-scope",
    "invalid-quantity", "pod-security-level", "pod-security-privileged", "egress-cidr",
    "isolation-namespace-netpol", "extra-args-syntax", "extra-args-unknown-flag",
    "extra-args-overrides-isolation", "node-selector-syntax", "service-account-token-annotations",
    "run-as-non-root-conflict", "control-plane-pod-security", "yaml11-boolean", "string-boolean",
    "float-rendering", "dialect-mismatch", "unsupported-chart-version", "syntax", "duplicate-key",
    "schema", "unknown-key", "type-conflict", "multi-document", "suppression",
}  # fmt: skip


def test_every_design_rule_is_registered() -> None:
    assert DESIGN_IDS - set(REGISTRY) == set()


def test_duplicate_ids_fail() -> None:
    with pytest.raises(ValueError, match="duplicate rule id 'syntax'"):
        build_registry([PSEUDO[0], PSEUDO[0]])


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_declaration(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    assert KEBAB.match(rule.id)
    assert rule.summary and rule.summary == rule.summary.strip() and not rule.summary.endswith(".")
    assert rule.why and rule.fail_example.endswith("\n") and rule.pass_example.endswith("\n")
    assert rule.fail_example != rule.pass_example or rule.usage_error
    assert isinstance(rule.default_severity, Severity)
    assert len({o.name for o in rule.options}) == len(rule.options)
    if rule.fixable:
        assert rule.check is not None


def _fail_diagnostics(rule: Rule) -> list[tuple[str, int, int]]:
    result = compile_example(rule, rule.fail_example)
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_fail_example_triggers_exactly_this_rule(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    if rule.usage_error:
        with pytest.raises(UnsupportedChartVersionError):
            compile_example(rule, rule.fail_example)
        return
    found = _fail_diagnostics(rule)
    assert found, f"{rule_id}: fail example reports nothing"
    assert {r for r, _, _ in found} == {rule_id}, found
    assert found[0][1:] == rule.fail_at, found


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_pass_example_triggers_nothing(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    if rule.usage_error:
        from vcvalues.legacy.compile import compile_text

        assert compile_text(rule.pass_example).diagnostics == []
        return
    result = compile_example(rule, rule.pass_example)
    assert [(d.rule_id, d.line, d.column, d.message) for d in result.diagnostics] == []


@pytest.mark.parametrize("rule_id", [r for r in RULE_IDS if REGISTRY[r].fixable])
def test_fix_resolves_the_fail_example(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    result = compile_example(rule, rule.fail_example, apply_fixes=True, fix_user_values=True)  # lint --fix
    assert result.fixes
    assert [d.severity for d in result.diagnostics] == [Severity.WARNING] * len(result.diagnostics)
    assert all(d.rule_id == rule_id and d.message.startswith("fixed: ") for d in result.diagnostics)
