"""Pydantic validation errors in our words: the same SchemaIssue the schema validator reports."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from vcvalues.core.schema_text import describe_options, describe_value, located
from vcvalues.legacy.model._known import ABSENT_DESCRIPTION
from vcvalues.legacy.validate import SchemaIssue

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


def issues_from_error(error: ValidationError, model: type[BaseModel]) -> list[SchemaIssue]:
    """One SchemaIssue per pydantic error, in pydantic's (document) order, duplicates removed.

    Args:
        error: what pydantic raised.
        model: the model class validated (unknown keys get a did-you-mean from its fields).
    """
    issues: list[SchemaIssue] = []
    for detail in error.errors(include_url=False):
        issue = _issue(detail, model)
        if issue not in issues:
            issues.append(issue)
    return issues


def _issue(detail: ErrorDetails, model: type[BaseModel]) -> SchemaIssue:
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    path = tuple(detail["loc"]) + tuple(ctx.get("below", ()))
    kind = detail["type"]
    found = str(ctx["found"]) if "found" in ctx else describe_value(detail["input"])
    if kind == "extra_forbidden":
        text = f"unknown key {path[-1]!r}{_did_you_mean(model, path)}" if path else "unknown key"
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


def _did_you_mean(model: type[BaseModel], path: tuple[Any, ...]) -> str:
    """`` (did you mean 'runAsUser'?)`` from the keys of the typed class holding ``path[-1]``."""
    names = _typed_keys(model, path[:-1])
    close = difflib.get_close_matches(str(path[-1]), names, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _typed_keys(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys the model class at ``path`` types (empty when ``path`` leaves the typed classes)."""
    current: Any = model
    for key in path:
        if isinstance(key, int):
            continue  # a list item: the annotation below already names the item class
        fields = {info.alias or name: info for name, info in current.model_fields.items()}
        if key not in fields:
            return []
        current = _model_in(fields[key].annotation)
        if current is None:
            return []
    # an absent key (a typed key this chart lacks) is no suggestion
    return [
        info.alias or name
        for name, info in current.model_fields.items()
        if info.description != ABSENT_DESCRIPTION
    ]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X | None`` or ``list[X] | None``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _literal_options(ctx: dict[str, Any]) -> str:
    # pydantic words it "'privileged', 'baseline' or 'restricted'"; we list the bare values.
    expected = str(ctx.get("expected", ""))
    return describe_options(part.strip(" '\"") for part in expected.replace(" or ", ", ").split(","))
