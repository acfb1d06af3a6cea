"""Values that do not fit a schema or model: the issue record and the error (no pydantic, no jsonschema)."""

from __future__ import annotations

from collections.abc import Sequence

from vcvalues.core._record import record
from vcvalues.errors import VcValuesError

__all__ = ["InvalidValuesError", "SchemaIssue"]


@record
class SchemaIssue:
    """One value that does not fit the schema.

    Attributes:
        path: keys (and list indexes) from the root to the offending value, e.g.
            ``("isolation", "resourceQuota", "quota", "requests.cpu")``.
        message: lower case, naming the key and the value found:
            ``isolation.enabled: expected a boolean, found 'maybe'``.
    """

    path: tuple[str | int, ...]
    message: str


class InvalidValuesError(VcValuesError):
    """Values do not fit the typed model (raised by the typed models' ``build_model``)."""

    exit_code = 1

    def __init__(self, issues: Sequence[SchemaIssue]) -> None:
        self.issues = tuple(issues)
        first = self.issues[0].message if self.issues else "invalid values"
        more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        super().__init__(first + more)
