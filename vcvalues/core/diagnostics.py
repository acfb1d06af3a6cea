"""Diagnostics are values: every problem vcvalues finds is one frozen Diagnostic."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from vcvalues.core._record import record, replace

KeyPath = tuple["str | int", ...]


class Severity(enum.IntEnum):
    """How bad a diagnostic is. Only ERROR fails a run (WARNING too under --strict)."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        """Lower-case name as printed: ``error``, ``warning``, ``info``."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Parse ``error``/``warning``/``info`` (any case)."""
        return cls[text.strip().upper()]


@record
class Diagnostic:
    """One problem at one place.

    Attributes:
        rule_id: permanent kebab-case rule id, or a pseudo-rule (``syntax``, ``schema``, ...).
        severity: how bad it is.
        message: what is wrong, lower case, naming the key and the value found.
        file: the file as given by the user; ``<stdin>``, ``<defaults>`` or ``<set>`` when not a file.
        line: 1-based line.
        column: 1-based column.
        hint: how to fix it.
        key_path: path of the value in the values tree, in the chart's camelCase spelling.
        fixable: vcvalues can apply a fix for it.
    """

    rule_id: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    hint: str | None = None
    key_path: KeyPath = ()
    fixable: bool = False

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by place, then rule, then message."""
        return (self.file, self.line, self.column, self.rule_id, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """Copy with another severity (config overrides)."""
        return replace(self, severity=severity)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    """Number of diagnostics per severity (every severity present as a key)."""
    counts = dict.fromkeys(Severity, 0)
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    return counts


def spell_value(value: object) -> str:
    """A value in YAML's spelling, for messages: ``true``, ``null``, ``'text'``, ``12``, ``a map``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a map"
    if isinstance(value, (list, tuple)):
        return "a list"
    return repr(value)


def format_key_path(path: KeyPath) -> str:
    """Print a key path, the one way every message does: ``isolation.resourceQuota.quota[requests.cpu]``,
    ``quota[count/pods]``, ``syncer.extraArgs[0]``; a key that is not plain letters, digits, ``-`` and
    ``_`` goes in brackets (``[""]`` for the empty key)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part:
            out += '[""]'
        elif all(c.isascii() and (c.isalnum() or c in "-_") for c in part):
            out += f".{part}" if out else part
        else:
            out += f"[{part}]"
    return out
