"""Orchestration: read -> merge -> coalesce onto chart defaults -> validate -> rules -> diagnostics."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vcvalues.core.coalesce import HELM_MAJORS, TypeConflict, coalesce, merge_files
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.load import LoadResult, load_path, load_yaml
from vcvalues.core.provenance import Provenance
from vcvalues.core.suppress import apply_suppressions
from vcvalues.errors import UnsupportedChartVersionError, UsageError
from vcvalues.legacy._value_checks import check_user_keys, conflict_diagnostic, schema_diagnostics
from vcvalues.legacy.chart import ChartRef, ChartVersion, Distro, resolve_chart

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.legacy.model import Values

# A values source: a path, or (display name, text) for values that are not in a file (stdin, API).
ValuesSource = str | Path | tuple[str, str]
DEFAULT_RELEASE = "vcluster"


@dataclass
class CompileResult:
    """Everything compiling values produced.

    Attributes:
        chart: the chart compiled against.
        release: Helm release name.
        namespace: Helm release namespace.
        values: the effective values the chart's templates see (plain data), fixes applied if asked.
        user_values: the user's merged values (files, then --set), before the chart defaults.
        diagnostics: every problem found, sorted by place.
        sources: where each value came from (for positions).
        fixes: what the compiler changed, as (key path, new value, description).
    """

    chart: ChartRef
    release: str
    namespace: str
    values: dict[str, Any]
    user_values: dict[str, Any]
    diagnostics: list[Diagnostic]
    sources: Provenance
    fixes: list[tuple[KeyPath, Any, str]] = field(default_factory=list)
    loaded: list[LoadResult] = field(default_factory=list)
    deleted: list[KeyPath] = field(default_factory=list)
    helm_major: int = 3

    def values_document(self) -> dict[str, Any]:
        """The effective values to print: keys a user null deleted are written as null, so the document
        compiles back to exactly these effective values (``render --output values``)."""
        from vcvalues.core.coalesce import with_deletions
        from vcvalues.legacy.catalog import chart_defaults

        return with_deletions(self.values, self.deleted, chart_defaults(self.chart))

    @property
    def ok(self) -> bool:
        """No error-level diagnostic."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    @functools.cached_property
    def model(self) -> Values:
        """The typed model of the effective values (imports pydantic on first use).

        Raises:
            vcvalues.legacy.validate.InvalidValuesError: the values do not fit the model.
        """
        from vcvalues.legacy.model import build_model

        return build_model(self.values, self.chart)


def compile_values(
    files: Sequence[ValuesSource] = (),
    *,
    set_values: Sequence[str] = (),
    set_string_values: Sequence[str] = (),
    chart_version: str | None = None,
    distro: str | None = None,
    release: str = DEFAULT_RELEASE,
    namespace: str | None = None,
    apply_fixes: bool = False,
    disable: Iterable[str] = (),
    run_rules: bool = True,
    config: RulesConfig | None = None,
    helm_major: int = 3,
    fix_user_values: bool = False,
) -> CompileResult:
    """Compile vcluster values as ``helm install -f FILE... --set ...`` would see them.

    Args:
        files: values files in order (later wins), or ``(name, text)`` pairs.
        set_values: ``--set`` expressions, applied after the files.
        set_string_values: ``--set-string`` expressions, applied after ``--set``.
        chart_version: legacy chart version (default 0.19.10).
        distro: k3s (default), k8s, k0s or eks.
        release: Helm release name.
        namespace: Helm release namespace (default ``vcluster-<release>``).
        apply_fixes: apply the fixes of fixable errors to ``values`` and report each as a warning.
        disable: rule ids to switch off.
        run_rules: run the cross-field rules (False: only read, merge, coalesce and validate).
        config: rule severities, options and rules switched off (``.vcvalues.yaml``); None: defaults.
        helm_major: coalesce as Helm 3 (default; also Helm 4.0/4.1) or Helm 4 (>= 4.2: the chart's
            null defaults the user did not set are dropped).
        fix_user_values: with ``apply_fixes``, a fix may change a value the user wrote too
            (``lint --fix``); by default only defaulted values are fixed.

    Raises:
        InputError: a file cannot be read.
        UsageError: bad --set syntax, unknown distro, bad version.
        UnsupportedChartVersionError: a chart version outside 0.15.0 - 0.19.10.
    """
    loaded = [_load(source) for source in files]
    return compile_loaded(
        loaded,
        set_values=set_values,
        set_string_values=set_string_values,
        chart_version=chart_version,
        distro=distro,
        release=release,
        namespace=namespace,
        apply_fixes=apply_fixes,
        disable=disable,
        run_rules=run_rules,
        config=config,
        helm_major=helm_major,
        fix_user_values=fix_user_values,
    )


def compile_text(text: str, *, file: str = "values.yaml", **options: Any) -> CompileResult:
    """Compile one values document given as text (see compile_values for the options)."""
    return compile_values([(file, text)], **options)


def compile_loaded(
    loaded: Sequence[LoadResult],
    *,
    set_values: Sequence[str] = (),
    set_string_values: Sequence[str] = (),
    chart_version: str | None = None,
    distro: str | None = None,
    release: str = DEFAULT_RELEASE,
    namespace: str | None = None,
    apply_fixes: bool = False,
    disable: Iterable[str] = (),
    run_rules: bool = True,
    config: RulesConfig | None = None,
    helm_major: int = 3,
    fix_user_values: bool = False,
) -> CompileResult:
    """compile_values for files already read (lets ``lint`` read each file once)."""
    if helm_major not in HELM_MAJORS:
        raise UsageError(
            f"--helm-version must be one of {', '.join(map(str, HELM_MAJORS))}, not {helm_major}"
        )
    resolved = _resolve_or_dialect(chart_version, distro, loaded)
    chart = resolved if isinstance(resolved, ChartRef) else resolve_chart(None, distro)
    namespace = namespace or f"vcluster-{release}"
    diagnostics: list[Diagnostic] = [d for result in loaded for d in result.diagnostics]
    provenance = Provenance(files=[result.source_map for result in loaded])
    result = CompileResult(
        chart, release, namespace, {}, {}, diagnostics, provenance, loaded=list(loaded), helm_major=helm_major
    )
    if isinstance(resolved, list):  # legacy values for a 0.20+ chart: nothing more to do
        result.diagnostics = sorted(diagnostics + resolved, key=Diagnostic.sort_key)
        return result
    if any(r.data is None for r in loaded):
        result.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        return result
    user_values = merge_files([r.data for r in loaded if r.data is not None])
    _apply_set(user_values, set_values, set_string_values, provenance)
    result.user_values = user_values
    diagnostics.extend(check_user_keys(user_values, chart, provenance))

    from vcvalues.legacy.catalog import chart_defaults

    conflicts: list[TypeConflict] = []
    result.values = coalesce(
        user_values,
        chart_defaults(chart),
        helm_major=helm_major,
        on_conflict=conflicts.append,
        on_delete=result.deleted.append,
    )
    diagnostics.extend(conflict_diagnostic(c, provenance) for c in conflicts)
    diagnostics.extend(schema_diagnostics(result.values, chart, provenance))
    schema_ok = not any(d.rule_id == "schema" for d in diagnostics)
    known: frozenset[str] = frozenset()
    disabled = frozenset(disable) | (config.disabled if config is not None else frozenset())
    if run_rules and schema_ok:
        from vcvalues.legacy.rules import REGISTRY, check_rules

        known = frozenset(REGISTRY)
        diagnostics.extend(
            check_rules(
                result,
                apply_fixes=apply_fixes,
                disable=disabled,
                config=config,
                fix_user_values=fix_user_values,
            )
        )
    inline = {r.source_map.file: r.suppressions for r in loaded if r.suppressions}
    kept = apply_suppressions(
        diagnostics,
        inline=inline,
        disabled=disabled,
        known_rules=known,
        severities=_pseudo_severities(config),
    )
    result.diagnostics = sorted(kept, key=Diagnostic.sort_key)
    return result


def _pseudo_severities(config: RulesConfig | None) -> dict[str, Severity]:
    """Configured severities of the rules reported outside the rule engine (reader, compiler)."""
    if config is None or not config.severities:
        return {}
    from vcvalues.legacy.rules import REGISTRY

    return {k: v for k, v in config.severities.items() if k in REGISTRY and REGISTRY[k].check is None}


def _load(source: ValuesSource) -> LoadResult:
    if isinstance(source, tuple):
        name, text = source
        return load_yaml(text, file=name)
    return load_path(source)


def _resolve_or_dialect(
    chart_version: str | None, distro: str | None, loaded: Sequence[LoadResult]
) -> ChartRef | list[Diagnostic]:
    try:
        return resolve_chart(chart_version, distro)
    except UnsupportedChartVersionError:
        version = ChartVersion.parse(chart_version or "")
        if version.triple < (0, 20, 0):
            raise
        from vcvalues.core.dialect import legacy_keys

        found = [
            _diagnostic(
                "dialect-mismatch",
                Severity.ERROR,
                r.source_map.file,
                r.source_map.key_span(path),
                path,
                f"{path[0]} is a legacy (0.15-0.19) key; chart {version} reads the 0.20+ format",
                _convert_hint(r.source_map.file, distro, version),
            )
            for r in loaded
            if r.data is not None
            for path in legacy_keys(r.data)
        ]
        if not found:
            raise
        return found


def _convert_hint(file: str, distro: str | None, version: ChartVersion) -> str:
    target = "0.36" if version.minor >= 36 else "0.20"
    return f"convert the file: vcvalues convert -f {file} --distro {Distro.parse(distro).value} --to {target}"


def _apply_set(
    values: dict[str, Any],
    set_values: Sequence[str],
    set_string_values: Sequence[str],
    provenance: Provenance,
) -> None:
    # Helm's MergeValues applies every --set, then every --set-string (whatever their order on the line).
    # Not yet passed: strvals' helm_major (Helm 4.2 parses an unterminated index `a[0`, Helm 3 fails);
    # the parameter lands with the --set parser's own change (issue 12, reader/--set part).
    from vcvalues.core.strvals import parse_set_into

    for flag, expressions, as_string in (
        ("--set", set_values, False),
        ("--set-string", set_string_values, True),
    ):
        for index, expression in enumerate(expressions, start=1):
            try:
                parse_set_into(expression, values, as_string=as_string)
            except UsageError as exc:
                raise UsageError(f"failed parsing {flag} data: {exc}") from None
            label = f"{flag}[{index}]"
            for assignment in _split_paths(expression):
                provenance.set_paths.append((label, assignment))


def _split_paths(expression: str) -> list[KeyPath]:
    """The dotted key paths an expression sets (positions only; parsing proper is strvals')."""
    paths: list[KeyPath] = []
    for part in expression.split(","):
        name = part.split("=", 1)[0].strip()
        if name:
            keys = [k.split("[", 1)[0] for k in name.replace("\\.", "\0").split(".")]
            paths.append(tuple(k.replace("\0", ".") for k in keys if k))
    return paths


def _diagnostic(
    rule: str, severity: Severity, file: str, span: Any, path: KeyPath, message: str, hint: str | None
) -> Diagnostic:
    return Diagnostic(rule, severity, message, file, span.line, span.column, hint, path)
