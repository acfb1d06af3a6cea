"""What compiling values produced, whichever the dialect: the fields both wings' results share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Self, TypeVar

from vcvalues.core.coalesce import HELM_MAJORS, merge_files
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.load import LoadResult
from vcvalues.core.provenance import Provenance
from vcvalues.core.set_values import apply_set
from vcvalues.errors import UsageError

ChartT = TypeVar("ChartT")


def check_helm_major(helm_major: int) -> None:
    """Raise UsageError unless ``helm_major`` is a Helm line vcvalues follows (3 or 4)."""
    if helm_major not in HELM_MAJORS:
        raise UsageError(
            f"--helm-version must be one of {', '.join(map(str, HELM_MAJORS))}, not {helm_major}"
        )


_FIELDS = (
    "chart",
    "release",
    "namespace",
    "values",
    "user_values",
    "diagnostics",
    "sources",
    "fixes",
    "loaded",
    "deleted",
    "helm_major",
)


class Compiled(Generic[ChartT]):
    """Everything compiling values produced.

    Attributes:
        chart: the chart (legacy) or release (0.20+) compiled against.
        release: Helm release name.
        namespace: Helm release namespace.
        values: the effective values the chart's templates see (plain data), fixes applied if asked.
        user_values: the user's merged values (files, then --set), before the chart defaults.
        diagnostics: every problem found, sorted by place.
        sources: where each value came from (for positions).
        fixes: what the compiler changed, as (key path, new value, description).
        loaded: the values files as read.
        deleted: default keys a user null deleted.
        helm_major: the Helm line followed (3, or 4: >= 4.2 drops unset null defaults).
    """

    # A plain class, not a dataclass: the dataclasses module (+ inspect) and building the class cost a
    # cold lint ~15 ms. The dialects' results derive from it and add methods only; they have a __dict__
    # (their cached ``model``).

    def __init__(
        self,
        chart: ChartT,
        release: str,
        namespace: str,
        values: dict[str, Any],
        user_values: dict[str, Any],
        diagnostics: list[Diagnostic],
        sources: Provenance,
        fixes: list[tuple[KeyPath, Any, str]] | None = None,
        loaded: list[LoadResult] | None = None,
        deleted: list[KeyPath] | None = None,
        helm_major: int = 3,
    ) -> None:
        self.chart = chart
        self.release = release
        self.namespace = namespace
        self.values = values
        self.user_values = user_values
        self.diagnostics = diagnostics
        self.sources = sources
        self.fixes: list[tuple[KeyPath, Any, str]] = [] if fixes is None else fixes
        self.loaded: list[LoadResult] = [] if loaded is None else loaded
        self.deleted: list[KeyPath] = [] if deleted is None else deleted
        self.helm_major = helm_major

    @classmethod
    def begin(
        cls,
        chart: ChartT,
        loaded: Sequence[LoadResult],
        *,
        release: str,
        namespace: str | None,
        helm_major: int,
        set_values: Sequence[str],
        set_string_values: Sequence[str],
    ) -> Self:
        """The first steps of compiling, the same in both dialects: the files' own diagnostics and
        positions, then (when every file could be read, see :attr:`unreadable`) ``user_values``, the files
        merged and ``--set``/``--set-string`` applied. Its ``diagnostics`` list is the one to extend.

        Raises:
            UsageError: bad --set syntax.
        """
        diagnostics: list[Diagnostic] = [d for result in loaded for d in result.diagnostics]
        provenance = Provenance(files=[result.source_map for result in loaded])
        result = cls(
            chart,
            release,
            namespace or f"vcluster-{release}",
            {},
            {},
            diagnostics,
            provenance,
            loaded=list(loaded),
            helm_major=helm_major,
        )
        if result.unreadable:
            result.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
            return result
        user_values = merge_files([r.data for r in loaded if r.data is not None])
        apply_set(user_values, set_values, set_string_values, provenance, helm_major=helm_major)
        result.user_values = user_values
        return result

    @property
    def unreadable(self) -> bool:
        """A values file could not be read (nothing past its diagnostics was compiled)."""
        return any(r.data is None for r in self.loaded)

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Compiled)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self._fields(), strict=True))
        return f"{type(self).__qualname__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A new result of the same class with ``changes`` to its fields (``dataclasses.replace``)."""
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise TypeError(f"not a field of {type(self).__name__}: {', '.join(sorted(unknown))}")
        fields = dict(zip(_FIELDS, self._fields(), strict=True))
        fields.update(changes)
        return type(self)(**fields)

    @property
    def ok(self) -> bool:
        """No error-level diagnostic."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)
