"""NOT_TRUTH_TESTED re-derived from the upstream templates: boolean defaults no action tests for truth."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import shared_path
from vcvalues.core.load import load_path
from vcvalues.legacy.catalog._boolean_reads import NOT_TRUTH_TESTED
from vcvalues.legacy.compile import compile_text

ACTION = re.compile(r"\{\{-?(.*?)-?\}\}", re.S)
REFERENCE = re.compile(r"\.Values\.([A-Za-z0-9_.-]+)")
TEST = re.compile(r"^(else\s+)?(if|with)\b|\b(and|or|not)\b")
# _helpers.tpl "vcluster.syncer.syncArgs": range $key, $val := .Values.sync ... (not $val.enabled)
SYNC_LOOP = "$val.enabled"


def _bool_paths(value: Any, path: tuple[str, ...] = ()) -> list[str]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _bool_paths(item, (*path, str(key)))]
    return [".".join(path)] if isinstance(value, bool) else []


def _tested(chart: Path) -> tuple[set[str], bool]:
    tested: set[str] = set()
    sync_loop = False
    for template in (chart / "templates").rglob("*"):
        if not template.is_file():
            continue
        for raw in ACTION.findall(template.read_text()):
            action = raw.strip()
            if TEST.search(action):
                tested.update(REFERENCE.findall(action))
                sync_loop = sync_loop or SYNC_LOOP in action
    return tested, sync_loop


def test_every_untested_boolean_is_listed_and_nothing_else() -> None:
    root = shared_path("reference", "vcluster", "charts")
    never_tested: set[str] = set()
    tested_somewhere: set[str] = set()
    for chart in sorted(root.glob("0.1[5-9].*/*")):
        loaded = load_path(chart / "values.yaml")
        tested, sync_loop = _tested(chart)
        for path in _bool_paths(loaded.data):
            if path in tested or (sync_loop and re.fullmatch(r"sync\.[^.]+\.enabled", path)):
                tested_somewhere.add(path)
            else:
                never_tested.add(path)
    assert never_tested - tested_somewhere == set(NOT_TRUTH_TESTED)


def test_telemetry_string_is_no_string_boolean_but_a_tested_flag_is() -> None:
    text = 'telemetry:\n  disabled: "true"\ncoredns:\n  enabled: "false"\n'
    found = [(d.rule_id, d.line, d.column) for d in compile_text(text).diagnostics]
    assert found == [("string-boolean", 4, 12)]
