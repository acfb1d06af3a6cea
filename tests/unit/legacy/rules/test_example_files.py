"""The example corpus tests/examples/{pass,fail}/<rule-id>/*.yaml, discovered and parametrized.

A fail file states what it must report in comment lines ``# expect: RULE LINE:COLUMN`` (every diagnostic,
in order), or ``# expect: usage-error``; ``# vcvalues-example: chart=V distro=D option.NAME=VALUE`` says how
to compile it. A pass file must report nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from vcvalues.core.config import RulesConfig, RuleSetting
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy.compile import CompileResult, compile_values
from vcvalues.legacy.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[3] / "examples"
EXPECT = re.compile(r"^# expect: (?P<rule>[a-z0-9-]+)(?: (?P<line>[0-9]+):(?P<column>[0-9]+))?$", re.M)
SETTINGS = re.compile(r"^# vcvalues-example: (?P<settings>.*)$", re.M)
FILES = sorted(ROOT.glob("*/*/*.yaml"))


def _compile(path: Path) -> CompileResult:
    text = path.read_text()
    options: dict[str, Any] = {}
    rule_options: dict[str, str] = {}
    for match in SETTINGS.finditer(text):
        for item in match["settings"].split():
            key, _, value = item.partition("=")
            if key == "chart":
                options["chart_version"] = value
            elif key == "distro":
                options["distro"] = value
            elif key.startswith("option."):
                rule_options[key.removeprefix("option.")] = value
    rule_id = path.parent.name
    if rule_options:
        setting = RuleSetting(options=MappingProxyType(rule_options))
        options["config"] = RulesConfig(MappingProxyType({rule_id: setting}))
    return compile_values([str(path)], **options)


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_every_rule_has_a_fail_and_a_pass_example_and_every_folder_is_a_rule() -> None:
    for kind in ("fail", "pass"):
        folders = {p.name for p in (ROOT / kind).iterdir()}
        assert folders == set(REGISTRY), kind
        assert all(any((ROOT / kind / rule_id).glob("*.yaml")) for rule_id in REGISTRY)


@pytest.mark.parametrize("path", [p for p in FILES if p.parts[-3] == "fail"], ids=_id)
def test_fail_example(path: Path) -> None:
    expected = [(m["rule"], m["line"], m["column"]) for m in EXPECT.finditer(path.read_text())]
    assert expected, f"{path}: no '# expect:' line"
    if expected == [("usage-error", None, None)]:
        with pytest.raises(UnsupportedChartVersionError):
            _compile(path)
        return
    found = [(d.rule_id, str(d.line), str(d.column)) for d in _compile(path).diagnostics]
    assert found == expected
    assert {rule for rule, _, _ in found} == {path.parent.name}


@pytest.mark.parametrize("path", [p for p in FILES if p.parts[-3] == "pass"], ids=_id)
def test_pass_example(path: Path) -> None:
    assert [(d.rule_id, d.line, d.column, d.message) for d in _compile(path).diagnostics] == []
