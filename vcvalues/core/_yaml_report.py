"""Diagnostics of the event builder, and the checks where go-yaml v2 (Helm) refuses what libyaml reads.

Internal to vcvalues.core.load (a base class of vcvalues.core._yaml_events.Builder).
"""

from __future__ import annotations

import math
from typing import Any, NoReturn

from vcvalues.core._lean_ruamel import MarkedYAMLError, StreamEndEvent, YAMLError
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.go_yaml_text import Masks
from vcvalues.core.source import ORIGIN, SourceMap, Span, as_span

_YAML_VERSION = (1, 1)


class Refused(Exception):
    """Input past a limit or not decodable as Helm would: stop building."""


# The key of a null map key until the document is checked: a lone surrogate no YAML text can spell.
NULL_KEY = "\udfffnull"


def _go_float(value: float) -> str:
    """Go's name of an inf/NaN (encoding/json: "unsupported value: +Inf")."""
    if math.isnan(value):
        return "NaN"
    return "+Inf" if value > 0 else "-Inf"


_ALIAS_CHECK_FROM = (100, 1000)  # aliased, total unmarshal calls before go-yaml checks the ratio
_RATIO_LOW, _RATIO_HIGH = 400_000, 4_000_000  # decode counts where the allowed ratio starts/ends falling


def excessive_aliasing(decodes: int, aliased: int) -> bool:
    """go-yaml v2 decode.go's alias-bomb check: of its unmarshal calls so far, too many came from
    expanding aliases (99% allowed up to 400,000 calls, falling to 10% at 4,000,000)."""
    if aliased <= _ALIAS_CHECK_FROM[0] or decodes <= _ALIAS_CHECK_FROM[1]:
        return False
    if decodes <= _RATIO_LOW:
        allowed = 0.99
    elif decodes >= _RATIO_HIGH:
        allowed = 0.10
    else:
        allowed = 0.99 - 0.89 * ((decodes - _RATIO_LOW) / (_RATIO_HIGH - _RATIO_LOW))
    return aliased / decodes > allowed


class Reporting:
    """Positions, diagnostics and the go-yaml checks; Builder adds the building."""

    text: str
    file: str
    diagnostics: list[Diagnostic]
    failed: bool
    _masks: Masks
    _map: SourceMap

    def _after_first_document(self, parser: Any) -> None:
        """go-yaml (Helm) decodes the first document and never parses further: warn, never fail."""
        try:
            event = parser.get_event()
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            span = as_span(mark) if mark is not None else ORIGIN
            self._report(
                span,
                "multi-document",
                Severity.WARNING,
                "Helm reads the first YAML document of a values file and ignores the rest, "
                "which is not valid YAML here",
                "remove the text after the first document",
            )
            return
        if type(event) is not StreamEndEvent:
            self._report(
                self._span(event),
                "multi-document",
                Severity.WARNING,
                "Helm reads only the first document of a values file; this one is ignored",
                "put every value in one document, or pass the documents as separate -f files",
            )

    def _check_version(self, event: Any) -> None:
        version = getattr(event, "version", None)
        if version is not None and tuple(version) != _YAML_VERSION:
            self._fail(
                self._directive_span(event),
                "found incompatible YAML document",
                hint=f"Helm reads YAML 1.1 only; remove the %YAML {'.'.join(map(str, version))} line",
            )

    def _directive_span(self, event: Any) -> Span:
        offset = self._masks.text.rfind("%YAML", 0, event.end_mark.index)
        return Span(*self._position(max(offset, 0)))

    def _check_escapes(self, event: Any) -> None:
        """go-yaml v2 knows no ``\\/`` escape (libyaml does): Helm fails on it."""
        raw = self._masks.text[event.start_mark.index : event.end_mark.index]
        index = raw.find("\\")
        while index != -1:
            if raw[index + 1 : index + 2] == "/":
                self._fail(
                    Span(*self._position(event.start_mark.index + index)),
                    "found unknown escape character while parsing a quoted scalar",
                    hint="write / without the backslash",
                )
            index = raw.find("\\", index + 2)

    def _check_json(self, root: Any) -> None:
        """sigs.k8s.io/yaml turns the decoded document into JSON: a null key or an inf/NaN that is still
        there (not replaced by a later duplicate key) fails Helm. Iterative: nesting may be deep."""
        stack: list[tuple[KeyPath, Any]] = [((), root)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, float) and not math.isfinite(value):
                self._fail(
                    self._map.value_span(path),
                    f"{_go_float(value)} is not a number Helm can hold (its values pass through JSON)",
                    hint="quote it if you mean the string",
                )
            if isinstance(value, dict):
                if NULL_KEY in value:
                    self._fail(
                        self._map.key_span((*path, NULL_KEY)),
                        "a map key must not be null (Helm cannot convert it to JSON)",
                    )
                stack.extend(((*path, key), item) for key, item in reversed(value.items()))
            elif isinstance(value, list):
                stack.extend(((*path, index), item) for index, item in reversed(list(enumerate(value))))

    # -- positions and diagnostics ------------------------------------------------------------
    @staticmethod
    def _span(event: Any) -> Any:
        # The parser's own Mark (0-based), kept as is: SourceMap converts it to a 1-based Span only
        # when a position is asked for, which on a clean file is never (measured: ~25% of build time).
        return event.start_mark

    def _position(self, offset: int) -> tuple[int, int]:
        before = self.text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1

    def _parse_error(self, exc: MarkedYAMLError) -> None:
        mark = exc.problem_mark or exc.context_mark
        span = Span(mark.line + 1, mark.column + 1) if mark is not None else ORIGIN
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        context = f" {exc.context.strip()}" if exc.context and exc.problem else ""
        hint = None
        if "\\t" in problem or "\t" in problem or "tab" in problem:
            hint = "YAML does not allow tabs for indentation; indent with spaces"
        self.failed = True
        self.diagnostics.append(
            Diagnostic(
                "syntax", Severity.ERROR, f"{problem}{context}", self.file, span.line, span.column, hint
            )
        )

    def _report(self, mark: Any, rule: str, severity: Severity, message: str, hint: str | None) -> None:
        span = as_span(mark)
        self.diagnostics.append(Diagnostic(rule, severity, message, self.file, span.line, span.column, hint))

    def _fail(self, span: Span, message: str, *, hint: str | None = None) -> NoReturn:
        self._report(span, "syntax", Severity.ERROR, message, hint)
        raise Refused
