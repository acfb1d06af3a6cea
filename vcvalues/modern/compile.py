"""Orchestration for 0.20+ values: read -> merge -> coalesce onto the release's defaults -> the upstream
schema's verdict and our value checks -> rules -> diagnostics."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from vcvalues.core.chart import ModernRef
from vcvalues.core.coalesce import TypeConflict, coalesce
from vcvalues.core.compiled import Compiled, check_helm_major
from vcvalues.core.diagnostics import Diagnostic, Severity
from vcvalues.core.load import LoadResult
from vcvalues.core.suppress import apply_suppressions
from vcvalues.core.value_checks import conflict_diagnostic

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.modern.model import VClusterValues

DEFAULT_RELEASE = "vcluster"


class ModernCompileResult(Compiled[ModernRef]):
    """Everything compiling 0.20+ values produced (fields: :class:`vcvalues.core.compiled.Compiled`; it
    declares none of its own)."""

    def values_document(self) -> dict[str, Any]:
        """The effective values to print (user nulls that deleted a default written as null)."""
        from vcvalues.core.coalesce import with_deletions
        from vcvalues.modern.catalog import release_defaults

        return with_deletions(self.values, self.deleted, release_defaults(self.chart))

    @functools.cached_property
    def model(self) -> VClusterValues:
        """The typed model of the effective values (imports pydantic on first use).

        Raises:
            vcvalues.legacy.validate.InvalidValuesError: the values do not fit the model.
        """
        from vcvalues.modern.model import build_model

        return build_model(self.values)


def compile_modern(
    loaded: Sequence[LoadResult],
    chart: ModernRef,
    *,
    distro: str | None = None,
    set_values: Sequence[str] = (),
    set_string_values: Sequence[str] = (),
    release: str = DEFAULT_RELEASE,
    namespace: str | None = None,
    apply_fixes: bool = False,
    disable: Iterable[str] = (),
    run_rules: bool = True,
    config: RulesConfig | None = None,
    helm_major: int = 3,
    fix_user_values: bool = False,
) -> ModernCompileResult:
    """Compile 0.20+ values already read, as ``helm install -f FILE... --set ...`` would see them.

    ``distro`` (a legacy chart flavour) only names the chart in the ``convert`` hint for legacy keys.
    ``helm_major`` (3 or 4) is the Helm line whose ``--set`` parsing and coalescing are followed (Helm
    >= 4.2 drops the chart's null defaults the user did not set). With ``fix_user_values`` False, a fix
    changes only values the chart defaulted (see :func:`vcvalues.core.rule_engine.check_rules`).

    Raises:
        UsageError: bad --set syntax, or ``helm_major`` not 3 or 4.
    """
    from vcvalues.modern import _value_checks as checks
    from vcvalues.modern.catalog import release_defaults

    check_helm_major(helm_major)
    result = ModernCompileResult.begin(
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
    diagnostics.extend(checks.dialect_diagnostics(user_values, chart, provenance, distro))
    conflicts: list[TypeConflict] = []
    result.values = coalesce(
        user_values,
        release_defaults(chart),
        helm_major=helm_major,
        on_conflict=conflicts.append,
        on_delete=result.deleted.append,
    )
    schema = checks.schema_diagnostics(result.values, chart, provenance)
    refused = {d.key_path for d in schema}
    # a conflict the schema refuses is reported once, as the schema error (Helm stops on it)
    diagnostics.extend(conflict_diagnostic(c, provenance) for c in conflicts if c.path not in refused)
    diagnostics.extend(schema)
    diagnostics.extend(checks.quantity_diagnostics(user_values, provenance))
    diagnostics.extend(checks.strbool_diagnostics(user_values, chart, provenance))
    disabled = frozenset(disable) | (config.disabled if config is not None else frozenset())
    schema_ok = not any(d.rule_id in ("schema", "dialect-mismatch") for d in diagnostics)
    known: frozenset[str] = frozenset()
    if run_rules and schema_ok:
        from vcvalues.modern.rules import REGISTRY, check_rules

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
        diagnostics, inline=inline, disabled=disabled, known_rules=known, severities=_severities(config)
    )
    result.diagnostics = sorted(kept, key=Diagnostic.sort_key)
    return result


def _severities(config: RulesConfig | None) -> dict[str, Severity]:
    """Configured severities of the rules reported outside the rule engine (reader, compiler)."""
    if config is None or not config.severities:
        return {}
    from vcvalues.modern.rules import REGISTRY

    return {k: v for k, v in config.severities.items() if k in REGISTRY and REGISTRY[k].check is None}


def compile_modern_values(
    files: Sequence[str | tuple[str, str]] = (),
    *,
    chart_version: str | None = None,
    set_values: Sequence[str] = (),
    set_string_values: Sequence[str] = (),
    release: str = DEFAULT_RELEASE,
    namespace: str | None = None,
    apply_fixes: bool = False,
    disable: Iterable[str] = (),
    run_rules: bool = True,
    config: RulesConfig | None = None,
    helm_major: int = 3,
) -> ModernCompileResult:
    """Compile 0.20+ values (vcluster.yaml) as ``helm install -f FILE... --set ...`` would see them.

    Args:
        files: values files in order (later wins), or ``(name, text)`` pairs.
        chart_version: a release 0.20.0 - 0.36.1 (default the newest).
        set_values: ``--set`` expressions, applied after the files.
        set_string_values: ``--set-string`` expressions, applied after ``--set``.
        release: Helm release name.
        namespace: Helm release namespace (default ``vcluster-<release>``).
        apply_fixes: apply the fixes of fixable errors to ``values`` and report each as a warning.
        disable: rule ids to switch off.
        run_rules: run the rules (False: only read, merge, coalesce and the schema's verdict).
        config: rule severities, options and rules switched off; None: defaults.
        helm_major: follow Helm 3 (default; also Helm 4.0/4.1) or Helm 4 (>= 4.2: the chart's null
            defaults the user did not set are dropped) in coalescing and ``--set`` parsing.

    Raises:
        InputError: a file cannot be read.
        UsageError / UnsupportedChartVersionError: bad --set syntax, a release name or namespace Helm
            refuses, a version outside 0.20.0 - 0.36.1.
    """
    from vcvalues.core.chart import check_release, resolve_modern
    from vcvalues.core.load import load_path, load_yaml

    chart = resolve_modern(chart_version)
    check_release(release, namespace)
    loaded = [load_yaml(f[1], file=f[0]) if isinstance(f, tuple) else load_path(f) for f in files]
    return compile_modern(
        loaded,
        chart,
        set_values=set_values,
        set_string_values=set_string_values,
        release=release,
        namespace=namespace,
        apply_fixes=apply_fixes,
        disable=disable,
        run_rules=run_rules,
        config=config,
        helm_major=helm_major,
    )
