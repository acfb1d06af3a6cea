"""The 0.20+ rule registry is honest: every rule's fail example triggers exactly that rule at its
(line, column), its pass example triggers nothing, and the example corpus tests/examples/modern/ holds
both for every rule (discovered and parametrized)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.unit.legacy.rules._helpers import config_with
from vcvalues.core.chart import resolve_modern
from vcvalues.core.config import RulesConfig
from vcvalues.core.load import load_yaml
from vcvalues.modern.compile import ModernCompileResult, compile_modern
from vcvalues.modern.rules import REGISTRY

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "modern"
CHART = re.compile(r"^# vcvalues-example: chart=(?P<version>[0-9.]+)$", re.M)
OPTION = re.compile(r"^# vcvalues-option: (?P<rule>[a-z0-9-]+) (?P<name>[a-z]+)=(?P<value>[a-z0-9.]+)$", re.M)
EXPECT = re.compile(r"^# expect: (?P<rule>[a-z0-9-]+) (?P<line>[0-9]+):(?P<column>[0-9]+)$", re.M)
FILES = sorted(EXAMPLES.glob("*/*/*.yaml"))


def lint(
    text: str, file: str = "vcluster.yaml", version: str | None = None, config: RulesConfig | None = None
) -> ModernCompileResult:
    chosen = CHART.search(text)
    release = version or (chosen["version"] if chosen else "0.36.1")
    for option in OPTION.finditer(text):  # rule options a corpus file declares (e.g. a host level)
        config = config_with(option["rule"], {option["name"]: option["value"]})
    return compile_modern([load_yaml(text, file=file)], resolve_modern(release), config=config)


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_fail_example_triggers_exactly_the_rule(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    found = [
        (d.rule_id, d.line, d.column)
        for d in lint(
            rule.fail_example,
            version=rule.example.chart_version,
            config=config_with(rule_id, dict(rule.example.options)),
        ).diagnostics
    ]
    assert found == [(rule_id, *rule.fail_at)]


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_pass_example_triggers_nothing(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    assert [
        (d.rule_id, d.line, d.column)
        for d in lint(
            rule.pass_example,
            version=rule.example.chart_version,
            config=config_with(rule_id, dict(rule.example.options)),
        ).diagnostics
    ] == []


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_every_rule_says_why(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    assert rule.summary and rule.why and re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", rule_id)


def test_the_corpus_has_a_fail_and_a_pass_file_for_every_rule() -> None:
    for kind in ("fail", "pass"):
        assert {p.name for p in (EXAMPLES / kind).iterdir()} == set(REGISTRY), kind


@pytest.mark.parametrize("path", [p for p in FILES if p.parts[-3] == "fail"], ids=lambda p: p.parent.name)
def test_fail_file(path: Path) -> None:
    text = path.read_text()
    expected = [(m["rule"], int(m["line"]), int(m["column"])) for m in EXPECT.finditer(text)]
    assert expected
    assert [(d.rule_id, d.line, d.column) for d in lint(text, str(path)).diagnostics] == expected


@pytest.mark.parametrize("path", [p for p in FILES if p.parts[-3] == "pass"], ids=lambda p: p.parent.name)
def test_pass_file(path: Path) -> None:
    assert lint(path.read_text(), str(path)).diagnostics == []
