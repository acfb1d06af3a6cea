"""Test helpers for vcvalues.convert: a fake source map and the upstream schemas (loaded once)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from tests.conftest import shared_path

SCHEMA_FILES = {
    "0.20": "chart-v0.20.0.values.schema.json",
    "0.36": "chart-v0.36.1.values.schema.json",
}
VALUES_FILES = {
    "0.20": "chart-v0.20.0.values.yaml",
    "0.36": "chart-v0.36.1.values.yaml",
}


@dataclass(frozen=True)
class Span:
    line: int
    column: int


class FakeSourceMap:
    """Positions given by hand, ``{path: (line, column)}``; a missing path falls back to its ancestors."""

    def __init__(self, keys: dict[tuple[Any, ...], tuple[int, int]], values: dict | None = None) -> None:
        self._keys = keys
        self._values = values or {}

    def key_span(self, path):
        for depth in range(len(path), 0, -1):
            if path[:depth] in self._keys:
                return Span(*self._keys[path[:depth]])
        return Span(1, 1)

    def value_span(self, path):
        if path in self._values:
            return Span(*self._values[path])
        return self.key_span(path)


@functools.cache
def _load_validator(target: str) -> Any:
    schema = json.loads(shared_path("reference", "vcluster", SCHEMA_FILES[target]).read_text())
    cls = validator_for(schema, default=Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema)


def schema_validator(target: str) -> Any:
    """The jsonschema validator of the upstream values.schema.json of a target (built once per session)."""
    return _load_validator(target)


def schema_errors(target: str, values: dict) -> list[str]:
    """Messages of every schema violation (empty when the values validate)."""
    validator = schema_validator(target)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(values)]


def load(text: str) -> dict:
    """Plain values of a YAML snippet (the snippets here read the same under YAML 1.1 and 1.2)."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text) or {}
