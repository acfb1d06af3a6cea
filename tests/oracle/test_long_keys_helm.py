"""Helm's values reader (go-yaml) reads the explicit ``? key`` entries render writes for keys over
YAML's 1,024-character simple-key limit back as the same values (issue 15)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from vcvalues.legacy.render import dump_values

KEY = "k" * 1100
CASES: list[dict[str, Any]] = [
    {"labels": {KEY: "v"}},
    {"a": [{KEY: {"b": 1}}]},
    {KEY: ["x", {"y": None}]},
    {"labels": {"\u00e9" * 1100: "yes", "short": {KEY: []}}},
    {KEY + "\n": {KEY: {}}},
]


@pytest.mark.parametrize("values", CASES, ids=range(len(CASES)))
def test_helm_reads_long_keys_back(helm: ModuleType, values: dict[str, Any]) -> None:
    assert helm.values_from_yaml(dump_values(values)) == values
