"""Pydantic validation errors in our words: the same SchemaIssue the schema validator reports."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from vcvalues._schema_text import describe_options, describe_value, located
from vcvalues.validate import SchemaIssue

_EXPECTED = {
    "bool_type": "a boolean",
    "string_type": "a string",
    "int_type": "an integer",
    "int_from_float": "an integer",
    "dict_type": "a map",
    "model_type": "a map",
    "model_attributes_type": "a map",
    "list_type": "a list",
}


def issues_from_error(error: ValidationError) -> list[SchemaIssue]:
    """One SchemaIssue per pydantic error, in pydantic's (document) order, duplicates removed."""
    issues: list[SchemaIssue] = []
    for detail in error.errors(include_url=False):
        issue = _issue(detail)
        if issue not in issues:
            issues.append(issue)
    return issues


def _issue(detail: ErrorDetails) -> SchemaIssue:
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    path = tuple(detail["loc"]) + tuple(ctx.get("below", ()))
    kind = detail["type"]
    found = str(ctx["found"]) if "found" in ctx else describe_value(detail["input"])
    if kind == "extra_forbidden":
        text = f"unknown key {path[-1]!r}" if path else "unknown key"
    elif kind in _EXPECTED:
        text = f"expected {_EXPECTED[kind]}, found {found}"
    elif kind == "literal_error":
        text = f"expected one of {_literal_options(ctx)}, found {found}"
    elif kind == "greater_than_equal":
        text = f"expected at least {ctx['ge']}, found {found}"
    elif kind == "less_than_equal":
        text = f"expected at most {ctx['le']}, found {found}"
    elif kind == "missing":
        text = f"missing required key {path[-1]!r}"
    else:  # our own errors (quantities) are already worded
        text = detail["msg"]
    return SchemaIssue(path, located(path, text))


def _literal_options(ctx: dict[str, Any]) -> str:
    # pydantic words it "'privileged', 'baseline' or 'restricted'"; we list the bare values.
    expected = str(ctx.get("expected", ""))
    return describe_options(part.strip(" '\"") for part in expected.replace(" or ", ", ").split(","))
