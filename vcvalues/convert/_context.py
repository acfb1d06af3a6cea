"""State of one conversion: the legacy values read with Go's type rules, the new config, diagnostics."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

from vcvalues.convert import defaults_020, defaults_036
from vcvalues.convert._sources import Locator
from vcvalues.convert._target import Target
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity, format_key_path
from vcvalues.legacy.chart import Distro

RULE_UNSUPPORTED = "convert-unsupported"
RULE_NOT_CONVERTED = "convert-not-converted"

_TYPE_NAMES = {bool: "a boolean", str: "a string", dict: "a map", list: "a list"}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, str):
        return f"string {value!r}"
    if isinstance(value, Mapping):
        return "a map"
    return "a list"


def _path_text(path: KeyPath) -> str:
    return format_key_path(path)


class Conversion:
    """One conversion run: read legacy values, write the new config, collect diagnostics."""

    def __init__(
        self, values: Mapping[str, Any], *, distro: Distro, target: Target, locator: Locator
    ) -> None:
        self.values = values
        self.distro = distro
        self.target = target
        self.locator = locator
        self.defaults: dict[str, Any] = (
            defaults_020.DEFAULTS if target is Target.V0_20 else defaults_036.DEFAULTS
        )
        self.config: dict[str, Any] = copy.deepcopy(self.defaults)
        self.diagnostics: list[Diagnostic] = []

    # ---- diagnostics -------------------------------------------------------------------------
    def report(
        self,
        rule_id: str,
        path: KeyPath,
        message: str,
        *,
        hint: str | None = None,
        at_value: bool = False,
    ) -> None:
        """Record a diagnostic at the key (or value) of a legacy path."""
        severity = Severity.ERROR if rule_id == RULE_UNSUPPORTED else Severity.INFO
        file, line, column = self.locator.locate(path, value=at_value)
        self.diagnostics.append(Diagnostic(rule_id, severity, message, file, line, column, hint, path))

    def unsupported(
        self, path: KeyPath, message: str, *, hint: str | None = None, at_value: bool = False
    ) -> None:
        """An error: upstream refuses to convert this (``convert-unsupported``)."""
        self.report(RULE_UNSUPPORTED, path, message, hint=hint, at_value=at_value)

    @property
    def failed(self) -> bool:
        """At least one error was reported."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    # ---- reading legacy values (Go encoding/json rules: null is "not set", a wrong type fails) --
    def raw(self, path: KeyPath) -> Any:
        """The legacy value at ``path``, or None when missing, null, or under a non-map."""
        node: Any = self.values
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, list) or not 0 <= part < len(node):
                    return None
            elif not isinstance(node, Mapping) or part not in node:
                return None
            node = node[part]
        return node

    def typed(self, path: KeyPath, kind: type) -> Any:
        """The value at ``path`` when it has type ``kind``; None when unset; an error otherwise."""
        value = self.raw(path)
        if value is None:
            return None
        if isinstance(value, kind) and (kind is not int or not isinstance(value, bool)):
            return value
        self.unsupported(
            path,
            f"{_path_text(path)} must be {_TYPE_NAMES[kind]}, found {_describe(value)}",
            hint="fix the type: vcluster would refuse these values too",
            at_value=True,
        )
        return None

    def flag(self, path: KeyPath) -> bool | None:
        """A boolean (Go ``*bool``): None when unset."""
        value: bool | None = self.typed(path, bool)
        return value

    def text(self, path: KeyPath) -> str:
        """A string (Go ``string``): ``""`` when unset."""
        value: str | None = self.typed(path, str)
        return value or ""

    def mapping(self, path: KeyPath) -> dict[str, Any]:
        """A map of arbitrary values (Go ``map[string]interface{}``): ``{}`` when unset."""
        value = self.typed(path, dict)
        if not value:
            return {}
        if _has_non_finite(value):
            self.unsupported(
                path,
                f"{_path_text(path)} holds .inf or .nan, which vcluster cannot read",
                at_value=True,
            )
            return {}
        return dict(value)

    def strings(self, path: KeyPath) -> list[str]:
        """A list of strings (Go ``[]string``; a null item reads as ``""``): ``[]`` when unset."""
        value = self.typed(path, list)
        if not value:
            return []
        out: list[str] = []
        for index, item in enumerate(value):
            if item is None:
                out.append("")
            elif isinstance(item, str):
                out.append(item)
            else:
                self.unsupported(
                    (*path, index),
                    f"{_path_text((*path, index))} must be a string, found {_describe(item)}",
                    at_value=True,
                )
                return []
        return out

    # ---- writing the new config ----------------------------------------------------------------
    def set(self, dotted: str, value: Any) -> None:
        """Set a key of the new config, creating maps on the way."""
        *parents, last = dotted.split(".")
        node = self.config
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = copy.deepcopy(value)

    def get(self, dotted: str) -> Any:
        """A key of the new config (KeyError when missing)."""
        node: Any = self.config
        for part in dotted.split("."):
            node = node[part]
        return node

    def merge(self, dotted: str, extra: Mapping[str, Any]) -> None:
        """Shallow-merge ``extra`` over the map at ``dotted`` (upstream's mergeMaps)."""
        merged = dict(self.get(dotted) or {})
        merged.update(copy.deepcopy(dict(extra)))
        self.set(dotted, merged)


def _has_non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, Mapping):
        return any(_has_non_finite(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_non_finite(item) for item in value)
    return False
