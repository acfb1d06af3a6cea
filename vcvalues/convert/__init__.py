"""Convert legacy (0.15 - 0.19, ``isolation.*``) vcluster values to the 0.20+ format (``policies.*``).

Like ``vcluster convert config``, the user's values (not merged with any chart defaults) are applied
onto the new chart's defaults and only what differs from those defaults is printed. vcvalues converts
the isolation-related part (see ``_scope``); every other key is reported as ``convert-not-converted``.

Example:
    >>> result = convert_values({"isolation": {"enabled": True}}, distro="k8s", to="0.36")
    >>> result.values["policies"]["podSecurityStandard"]
    'baseline'
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vcvalues.convert import isolation, syncer_flags
from vcvalues.convert._context import RULE_NOT_CONVERTED, RULE_UNSUPPORTED, Conversion
from vcvalues.convert._diff import diff_values
from vcvalues.convert._scope import report_scope
from vcvalues.convert._sources import Locator, SpanSource, ValuesSource, merge_values
from vcvalues.convert._target import Target
from vcvalues.convert._yaml import dump_values
from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.errors import UsageError
from vcvalues.legacy.chart import Distro

if TYPE_CHECKING:
    from vcvalues.core.load import LoadResult

STDIN_NAME = "<stdin>"

__all__ = [
    "RULE_NOT_CONVERTED",
    "RULE_UNSUPPORTED",
    "ConvertResult",
    "Target",
    "ValuesSource",
    "convert_files",
    "convert_sources",
    "convert_text",
    "convert_values",
]


@dataclass(frozen=True)
class ConvertResult:
    """What a conversion produced.

    Attributes:
        values: the 0.20+ values that differ from the new chart's defaults (None when an error was found).
        text: ``values`` as YAML, laid out as ``vcluster convert config`` prints it (None on errors).
        diagnostics: errors (``convert-unsupported``, ``syntax``, ...) and infos (``convert-not-converted``).
        distro: the legacy distro the values were written for.
        target: the release line converted to.
    """

    values: dict[str, Any] | None
    text: str | None
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)
    distro: Distro = Distro.K3S
    target: Target = Target.V0_36

    @property
    def ok(self) -> bool:
        """True when no error was found (infos are fine)."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def _steps(conversion: Conversion) -> None:
    # Order as upstream migrate.go: syncer config (its security contexts, then its flags),
    # embedded etcd, then the base values (security contexts, isolation, coredns, service).
    isolation.convert_skeleton(conversion)
    isolation.convert_syncer_security(conversion)
    syncer_flags.convert_syncer_flags(conversion)
    isolation.convert_embedded_etcd(conversion)
    isolation.convert_security_contexts(conversion)
    isolation.convert_isolation(conversion)
    isolation.convert_coredns_fallback(conversion)
    isolation.convert_service(conversion)
    isolation.convert_deployed_etcd(conversion)
    report_scope(conversion)


def _complete_required(changed: dict[str, Any], conversion: Conversion) -> None:
    """0.36's schema requires ``sync.toHost.namespaces.enabled`` whenever that map is given."""
    namespaces = changed.get("sync", {}).get("toHost", {}).get("namespaces")
    if isinstance(namespaces, dict) and "enabled" not in namespaces:
        namespaces["enabled"] = conversion.get("sync.toHost.namespaces.enabled")


def _unique(diagnostics: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(dict.fromkeys(diagnostics), key=Diagnostic.sort_key))


def convert_sources(
    sources: Sequence[ValuesSource],
    *,
    distro: Distro | str | None = None,
    to: Target | str | None = None,
) -> ConvertResult:
    """Merge several values files (later wins, as Helm's ``-f``) and convert them.

    Args:
        sources: the files in command-line order, with their source maps for positions.
        distro: legacy chart the values were written for (``k3s`` when None).
        to: ``0.20`` or ``0.36`` (0.36 when None).

    Returns:
        The converted values, or only diagnostics when an error was found.

    Raises:
        UsageError: unknown distro or target, or values that are not a map.
    """
    chosen = distro if isinstance(distro, Distro) else Distro.parse(distro)
    target = Target.parse(to)
    for source in sources:
        if not isinstance(source.data, Mapping):
            raise UsageError(f"{source.file}: values must be a map of keys, not {type(source.data).__name__}")
    conversion = Conversion(merge_values(sources), distro=chosen, target=target, locator=Locator(sources))
    _steps(conversion)
    diagnostics = _unique(conversion.diagnostics)
    if conversion.failed:
        return ConvertResult(None, None, diagnostics, chosen, target)
    changed = diff_values(conversion.defaults, conversion.config) or {}
    if target is Target.V0_36:
        _complete_required(changed, conversion)
    return ConvertResult(changed, dump_values(changed), diagnostics, chosen, target)


def convert_values(
    values: Mapping[str, Any],
    *,
    distro: Distro | str | None = None,
    to: Target | str | None = None,
    file: str = "<values>",
    source_map: SpanSource | None = None,
) -> ConvertResult:
    """Convert one legacy values tree (plain data, as vcvalues.core.load reads it).

    Args:
        values: the user's legacy values (not merged with chart defaults).
        distro: legacy chart the values were written for (``k3s`` when None).
        to: ``0.20`` or ``0.36`` (0.36 when None).
        file: file name used in diagnostics.
        source_map: positions of the values' keys (diagnostics point at 1:1 without it).

    Returns:
        The converted values and diagnostics.
    """
    return convert_sources([ValuesSource(file, values, source_map)], distro=distro, to=to)


def convert_text(
    text: str, *, file: str = "<stdin>", distro: Distro | str | None = None, to: Target | str | None = None
) -> ConvertResult:
    """Read legacy values YAML as Helm does and convert them (syntax errors come back as diagnostics)."""
    from vcvalues.core.load import load_yaml

    return _convert_loaded([load_yaml(text, file=file)], distro=distro, to=to)


def convert_files(
    paths: Sequence[str | Path],
    *,
    distro: Distro | str | None = None,
    to: Target | str | None = None,
    stdin: TextIO | None = None,
) -> ConvertResult:
    """Read legacy values files (``-f``, merged left to right) and convert them.

    Args:
        paths: the files in command-line order; ``-`` reads ``stdin``.
        distro: legacy chart the values were written for (``k3s`` when None).
        to: ``0.20`` or ``0.36`` (0.36 when None).
        stdin: the stream ``-`` reads (``sys.stdin`` when None).

    Raises:
        InputError: a file is missing, a directory or unreadable.
        UsageError: unknown distro or target.
    """
    from vcvalues.core.load import load_path, load_yaml

    loaded = [
        load_yaml((stdin or sys.stdin).read(), file=STDIN_NAME) if str(path) == "-" else load_path(path)
        for path in paths
    ]
    return _convert_loaded(loaded, distro=distro, to=to)


def _convert_loaded(
    loaded: Sequence[LoadResult], *, distro: Distro | str | None, to: Target | str | None
) -> ConvertResult:
    chosen = distro if isinstance(distro, Distro) else Distro.parse(distro)
    target = Target.parse(to)
    problems = [d for result in loaded for d in result.diagnostics]
    if any(d.severity is Severity.ERROR for d in problems) or any(r.data is None for r in loaded):
        return ConvertResult(None, None, _unique(problems), chosen, target)
    sources = [ValuesSource(r.source_map.file, r.data or {}, r.source_map) for r in loaded]
    result = convert_sources(sources, distro=chosen, to=target)
    return ConvertResult(
        result.values, result.text, _unique([*problems, *result.diagnostics]), result.distro, result.target
    )
