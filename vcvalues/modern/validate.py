"""The upstream schema's verdict on 0.20+ values, fast (the ``lint`` path: no pydantic, no jsonschema).

Helm validates the coalesced values against the chart's ``values.schema.json`` (draft 2020-12, every
struct closed) and refuses to install on any error. The catalogue keeps each release's schema in
draft-07 spelling with the same verdicts. Valid values are recognised in pure Python
(:mod:`vcvalues.modern._clean_check`); otherwise the schema is compiled once with jsonschema_rs and its
errors are turned into :class:`ModernIssue` s: unknown keys (with the known keys of that map, for a
did-you-mean) and wrong values.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.chart import ModernRef
from vcvalues.core.schema_text import describe_path, describe_types, describe_value

__all__ = ["ModernIssue", "validate_modern"]


@record
class ModernIssue:
    """One schema error.

    Attributes:
        path: keys (and list indexes) to the offending value; for an unknown key, to the key itself.
        message: lower case, naming the key and the value found.
        unknown: the key at ``path`` is not declared by the schema (an additional property).
        siblings: for an unknown key, the keys the schema declares beside it.
    """

    path: tuple[str | int, ...]
    message: str
    unknown: bool = False
    siblings: tuple[str, ...] = ()


def validate_modern(values: Mapping[str, Any], ref: ModernRef) -> list[ModernIssue]:
    """The upstream schema's errors for ``values`` (the coalesced values Helm validates), ordered by path."""
    from vcvalues.modern._clean_check import is_clean
    from vcvalues.modern.catalog import release_schema

    schema = release_schema(ref)
    if is_clean(values, schema):  # jsonschema_rs is imported only to judge and word the rest
        return []
    validator = _validator(ref)
    if validator.is_valid(values):
        return []
    found: dict[ModernIssue, None] = {}
    for error in validator.iter_errors(values):
        for issue in _translate(error, schema):
            found[issue] = None
    return sorted(found, key=lambda i: (tuple((isinstance(k, int), str(k)) for k in i.path), i.message))


@functools.cache
def _validator(ref: ModernRef) -> Any:
    import jsonschema_rs

    from vcvalues.modern.catalog import release_schema

    return jsonschema_rs.Draft7Validator(release_schema(ref))


def _translate(error: Any, schema: dict[str, Any]) -> Iterator[ModernIssue]:
    import jsonschema_rs

    kinds = jsonschema_rs.ValidationErrorKind
    kind = error.kind
    path = tuple(error.instance_path)
    where = describe_path(path)
    found = describe_value(error.instance)
    if isinstance(kind, kinds.AdditionalProperties):
        from vcvalues.modern.catalog.keys import known_keys

        siblings = tuple(known_keys(schema, path) or ())
        for key in kind.unexpected:
            yield ModernIssue((*path, key), f"unknown key {key!r} in {where}", True, siblings)
        return
    if isinstance(kind, (kinds.OneOfNotValid, kinds.AnyOf)):
        types = _branch_types(kind)
        text = f"expected {describe_types(types)}, found {found}" if types else f"found {found}"
    elif isinstance(kind, kinds.OneOfMultipleValid):
        text = f"found {found}, which fits more than one allowed shape"
    elif isinstance(kind, kinds.Type):
        text = f"expected {describe_types(kind.types)}, found {found}"
    elif isinstance(kind, kinds.Pattern):
        text = f"expected text matching {kind.pattern}, found {found}"
    elif isinstance(kind, kinds.MinLength):
        text = f"expected at least {kind.limit} characters, found {found}"
    elif isinstance(kind, kinds.Required):
        path = (*path, kind.property)
        where = describe_path(path)
        text = "missing required key"
    else:  # keywords the upstream schemas do not use; keep the validator's words
        text = str(error.message)
    yield ModernIssue(path, f"{where}: {text}")


def _branch_types(kind: Any) -> list[str]:
    """The types the branches of a oneOf/anyOf ask for (each branch failed on its type)."""
    import jsonschema_rs

    out: list[str] = []
    for branch in kind.context:
        for sub in branch:
            if isinstance(sub.kind, jsonschema_rs.ValidationErrorKind.Type):
                out.extend(name for name in sub.kind.types if name not in out)
    return out
