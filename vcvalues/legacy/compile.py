"""Orchestration: read -> merge -> coalesce onto chart defaults -> validate -> rules -> diagnostics."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from vcvalues.core.coalesce import TypeConflict, coalesce
from vcvalues.core.compiled import Compiled, check_helm_major
from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.core.load import LoadResult, load_path, load_yaml
from vcvalues.core.suppress import apply_suppressions
from vcvalues.errors import UnsupportedChartVersionError
from vcvalues.legacy._value_checks import check_user_keys, conflict_diagnostic, schema_diagnostics
from vcvalues.legacy.chart import ChartRef, check_release, resolve_chart

if TYPE_CHECKING:
    from pathlib import Path

    from vcvalues.core.config import RulesConfig
    from vcvalues.legacy.model import Values
    from vcvalues.legacy.render import Manifest, SideEffects

# A values source: a path, or (display name, text) for values that are not in a file (stdin, API).
ValuesSource: TypeAlias = "str | Path | tuple[str, str]"  # a string: pathlib stays off a cold lint
DEFAULT_RELEASE = "vcluster"


class CompileResult(Compiled[ChartRef]):
    """Everything compiling legacy values produced (fields: :class:`vcvalues.core.compiled.Compiled`)."""

    def values_document(self) -> dict[str, Any]:
        """The effective values to print: keys a user null deleted are written as null, so the document
        compiles back to exactly these effective values (``render --output values``)."""
        from vcvalues.core.coalesce import with_deletions
        from vcvalues.legacy.catalog import chart_defaults

        return with_deletions(self.values, self.deleted, chart_defaults(self.chart))

    @functools.cached_property
    def model(self) -> Values:
        """The typed model of the effective values (imports pydantic on first use).

        Raises:
            InvalidValuesError: the values do not fit the model (``schema`` diagnostics; check ``ok``).
        """
        from vcvalues.legacy.model import build_model

        return build_model(self.values, self.chart)

    def manifests(self, *, namespace_manifest: bool = False) -> list[Manifest]:
        """The host objects the chart renders for these values, release and namespace (as ``render``).

        Args:
            namespace_manifest: also the Namespace with Pod Security labels, first (isolation on).

        Raises:
            RenderError: the values have errors (see ``diagnostics``), or Helm would fail to render them.
        """
        from vcvalues.legacy.render import render_manifests

        self._require_ok("render")
        return render_manifests(
            self.values,
            chart=self.chart,
            release=self.release,
            namespace=self.namespace,
            namespace_manifest=namespace_manifest,
        )

    def side_effects(self) -> SideEffects:
        """What else the chart derives from these values (syncer argument, CoreDNS, ClusterRole).

        Raises:
            RenderError: the values have errors (see ``diagnostics``), or Helm would fail to render them.
        """
        from vcvalues.legacy.render import render_side_effects

        self._require_ok("render")
        return render_side_effects(
            self.values, chart=self.chart, release=self.release, namespace=self.namespace
        )

    def _require_ok(self, what: str) -> None:
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        if errors:
            from vcvalues.errors import RenderError

            first = errors[0]
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise RenderError(
                f"cannot {what} values with errors: {first.file}:{first.line}:{first.column}: "
                f"[{first.rule_id}] {first.message}{more}"
            )


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
        UnsupportedChartVersionError: a chart version outside 0.15.0 - 0.19.10 (a 0.20+ version: the
            message names ``vcvalues.compile_modern_values``, the API of that format).
    """
    _legacy_api_chart(chart_version, distro)
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
    check_helm_major(helm_major)
    check_release(release, namespace)
    chart = resolve_chart(chart_version, distro)  # the one place a version is accepted or refused
    result = CompileResult.begin(
        chart,
        loaded,
        release=release,
        namespace=namespace,
        helm_major=helm_major,
        set_values=set_values,
        set_string_values=set_string_values,
    )
    if result.unreadable:
        return result
    diagnostics, provenance, user_values = result.diagnostics, result.sources, result.user_values
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
    invalid = [d.key_path for d in diagnostics if d.rule_id == "schema"]
    known: frozenset[str] = frozenset()
    disabled = frozenset(disable) | (config.disabled if config is not None else frozenset())
    if run_rules and () not in invalid:
        from vcvalues.legacy._partial_rules import rule_diagnostics
        from vcvalues.legacy.rules import REGISTRY

        known = frozenset(REGISTRY)
        diagnostics.extend(
            rule_diagnostics(result, invalid, apply_fixes, disabled, config, fix_user_values=fix_user_values)
        )
    inline = {r.source_map.file: r.suppressions for r in loaded if r.suppressions}
    kept = apply_suppressions(
        diagnostics,
        inline=inline,
        disabled=disabled,
        known_rules=known,
        severities=_pseudo_severities(config),
    )
    result.diagnostics = sorted(dict.fromkeys(kept), key=Diagnostic.sort_key)  # one copy of each
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


def _legacy_api_chart(chart_version: str | None, distro: str | None) -> ChartRef:
    """resolve_chart for the Python API: a 0.20+ version names the modern wing's entry point."""
    try:
        return resolve_chart(chart_version, distro)
    except UnsupportedChartVersionError as exc:
        from vcvalues.core.chart import MODERN_RELEASES, ChartVersion

        if ChartVersion.parse(chart_version or "").triple not in MODERN_RELEASES:
            raise
        raise UnsupportedChartVersionError(
            f"{exc}. In Python, compile 0.20+ values (vcluster.yaml) with vcvalues.compile_modern_values"
        ) from None
