"""Linting several values files: each file is compiled on its own against one chart."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from vcvalues.core._record import field, mutable_record, replace
from vcvalues.core.chart import Dialect
from vcvalues.core.diagnostics import Diagnostic, Severity, spell_value
from vcvalues.core.load import LoadResult
from vcvalues.errors import InputError, UnknownRuleError, UsageError

if TYPE_CHECKING:
    from vcvalues.core.config import RulesConfig
    from vcvalues.core.dialect import ChartChoice
    from vcvalues.legacy.compile import CompileResult
    from vcvalues.modern.compile import ModernCompileResult

STDIN_NAME = "<stdin>"


@mutable_record
class LintOutcome:
    """Diagnostics of every file, the rule summaries (for SARIF) and notes for stderr."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    summaries: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    unreadable: int = 0
    charts: dict[str, ChartChoice] = field(default_factory=dict)
    """The chart each file was linted against (file name as given -> choice)."""
    unreadable_files: list[tuple[str, str]] = field(default_factory=list)
    """(file, why) of each file that could not be read (exit 2; the json/sarif reports carry them)."""

    def exit_code(self, *, strict: bool = False) -> int:
        """0 clean, 1 errors (or warnings under strict), 2 a file could not be read."""
        if self.unreadable:
            return 2
        worst = max((d.severity for d in self.diagnostics), default=None)
        if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
            return 1
        return 0


def lint_files(
    files: Sequence[str],
    *,
    chart_version: str | None = None,
    distro: str | None = None,
    release: str = "vcluster",
    namespace: str | None = None,
    disable: Iterable[str] = (),
    config: str | None = None,
    fix: bool = False,
    stdin_text: str | None = None,
    subchart_key: str | None = None,
    parallel: bool = False,
    helm_major: int = 3,
) -> LintOutcome:
    """Lint each file as a standalone values file (``-`` is ``stdin_text``).

    With ``parallel`` a batch of 40 files or more is linted in forked worker processes where that is
    safe (Linux, no other thread, two or more CPUs); the result is the same. Off by default, so that a
    library caller never gets a fork it did not ask for; the ``vcvalues lint`` command turns it on.

    With ``subchart_key`` each file is an umbrella chart's values: the vcluster values sit under that
    key (and ``global`` is shared), as Helm passes them to the subchart.

    ``config`` is a config file; without it each file gets the ``.vcvalues.yaml`` found walking up from
    its folder (or the default preset). With ``fix`` the fixes of fixable errors are applied (reported as
    warnings) and written into each file. ``helm_major`` (3 or 4) picks the Helm line whose coalescing
    is followed (see :func:`vcvalues.core.coalesce.coalesce`).

    Raises:
        UsageError / UnsupportedChartVersionError: bad options (nothing is linted).
        UnknownRuleError: ``disable`` names no rule.
        ConfigError: a config file is not valid.
    """
    from vcvalues.core.chart import check_release
    from vcvalues.core.dialect import choose_chart

    choose_chart(chart_version, distro)  # a bad version is a usage error before any file is read
    check_release(release, namespace)
    lint_each = functools.partial(
        _lint_each,
        chart_version=chart_version,
        distro=distro,
        release=release,
        namespace=namespace,
        disabled=_check_ids(disable, _rules({Dialect.LEGACY, Dialect.MODERN})) if disable else frozenset(),
        config=config,
        fix=fix,
        stdin_text=stdin_text,
        subchart_key=subchart_key,
        helm_major=helm_major,
    )
    outcome = None if fix or not parallel or "-" in files else _in_workers(lint_each, files)
    if outcome is None:
        outcome = lint_each(files)
    used = {choice.dialect for choice in outcome.charts.values()} or {Dialect.LEGACY}
    outcome.summaries = {rule_id: rule.summary for rule_id, rule in _rules(used).items()}
    return outcome


def _rules(dialects: set[Dialect]) -> dict[str, Any]:
    """The rules of the dialects (an id both have means the same problem: the legacy entry is kept).

    Only the dialects asked for are imported: linting 0.20+ files never loads the legacy rules.
    """
    registry: dict[str, Any] = {}
    if Dialect.MODERN in dialects:
        from vcvalues.modern.rules import REGISTRY as MODERN

        registry.update(MODERN)
    if Dialect.LEGACY in dialects:
        from vcvalues.legacy.rules import REGISTRY as LEGACY

        registry.update(LEGACY)
    return registry


def _in_workers(
    lint_each: Callable[[Sequence[str]], LintOutcome], files: Sequence[str]
) -> LintOutcome | None:
    """A large batch linted in forked workers (see vcvalues.core._workers); None: lint it here instead."""
    from vcvalues.core._workers import run_in_workers, worker_count

    workers = worker_count(len(files))
    if not workers:
        return None
    outcome = lint_each(files[:1])  # chart defaults, key tree, schema, rules: built here, inherited
    parts = run_in_workers(lint_each, files[1:], workers)
    if parts is None:
        return None
    for part in parts:
        outcome.diagnostics.extend(part.diagnostics)
        outcome.messages.extend(part.messages)
        outcome.unreadable += part.unreadable
        outcome.charts.update(part.charts)
        outcome.unreadable_files.extend(part.unreadable_files)
    return outcome


def _lint_each(
    files: Sequence[str],
    *,
    chart_version: str | None,
    distro: str | None,
    release: str,
    namespace: str | None,
    disabled: frozenset[str],
    config: str | None,
    fix: bool,
    stdin_text: str | None,
    subchart_key: str | None,
    helm_major: int = 3,
) -> LintOutcome:
    """Every file in turn, in this process (no summaries)."""
    from vcvalues.core.chart import ModernRef
    from vcvalues.core.config import config_for
    from vcvalues.core.dialect import choose_chart
    from vcvalues.core.load import load_path, load_yaml

    outcome = LintOutcome()
    configs: dict[str, RulesConfig] = {}
    for name in files:
        original: bytes | None = None
        try:
            if name == "-":
                loaded = load_yaml(stdin_text or "", file=STDIN_NAME)
            elif fix:
                loaded, original = _load_keeping_bytes(name)
            else:
                loaded = load_path(name)
        except InputError as exc:
            outcome.messages.append(f"vcvalues: error: {exc}")
            outcome.unreadable += 1
            outcome.unreadable_files.append((STDIN_NAME if name == "-" else name, exc.reason))
            continue
        folder = "" if name == "-" else os.path.dirname(os.path.realpath(name))
        if folder not in configs:
            configs[folder] = config_for(None if name == "-" else name, explicit=config)
        key, version, flavour = subchart_key, chart_version, distro
        if name != "-":
            from vcvalues.core.umbrella import umbrella_of

            umbrella = umbrella_of(name)  # an umbrella chart's values.yaml: vcluster's are under its key
            if umbrella is not None and key in (None, umbrella.subchart_key):
                key = umbrella.subchart_key
                if version is None and distro is None:
                    version, flavour = umbrella.version, umbrella.distro
        if key is not None:
            loaded = subchart_values(loaded, key)
        choice = choose_chart(version, flavour, [loaded.data] if loaded.data is not None else [])
        outcome.charts[name] = choice
        result: CompileResult | ModernCompileResult
        if isinstance(choice.chart, ModernRef):
            from vcvalues.modern.compile import compile_modern  # only when a 0.20+ file is linted

            result = compile_modern(
                [loaded],
                choice.chart,
                distro=flavour,
                release=release,
                namespace=namespace,
                disable=disabled,
                config=configs[folder],
                apply_fixes=fix and name != "-",
                fix_user_values=True,  # --fix writes into the file the user asked to fix
                helm_major=helm_major,
            )
        else:
            from vcvalues.legacy.compile import compile_loaded

            result = compile_loaded(
                [loaded],
                chart_version=version,
                distro=flavour,
                release=release,
                namespace=namespace,
                disable=disabled,
                config=configs[folder],
                apply_fixes=fix and name != "-",
                fix_user_values=True,  # --fix writes into the file the user asked to fix
                helm_major=helm_major,
            )
        diagnostics = result.diagnostics
        if fix and name != "-":
            from vcvalues.core.fix import write_fixes

            prefix = (key,) if key is not None else ()
            notes = write_fixes(name, result, original=original, prefix=prefix)
            outcome.messages.extend(notes)
            if any(note.startswith(f"vcvalues: {name}: fixed:") for note in notes):
                diagnostics = [_written(d, name) for d in diagnostics]
            elif notes:  # fail closed: the problem is still in the file
                from vcvalues.core.fix import mark_unwritten

                reason = notes[0].split(": not fixed: ", 1)[-1]
                diagnostics = mark_unwritten(diagnostics, reason)
        outcome.diagnostics.extend(diagnostics)
    return outcome


def _written(diagnostic: Diagnostic, name: str) -> Diagnostic:
    """A 'fixed:' warning whose fix is now in the file says so (not "run lint --fix")."""
    if not (diagnostic.fixable and diagnostic.message.startswith("fixed: ")):
        return diagnostic
    return replace(diagnostic, hint=f"written into {name}")


def _check_ids(ids: Iterable[str], registry: Mapping[str, object]) -> frozenset[str]:
    """--disable ids, refusing unknown ones and the always-on pseudo-rules (usage errors)."""
    from difflib import get_close_matches

    from vcvalues.core.suppress import ALWAYS_ON

    chosen = frozenset(ids)
    for rule_id in sorted(chosen):
        if rule_id in ALWAYS_ON:
            raise UsageError(f"--disable {rule_id}: {rule_id} is always on and cannot be switched off")
        if rule_id not in registry:
            close = get_close_matches(rule_id, list(registry), n=1)
            guess = f"; did you mean {close[0]!r}?" if close else "; `vcvalues rules` lists them"
            raise UnknownRuleError(f"--disable {rule_id}: no such rule{guess}")
    return chosen


def _load_keeping_bytes(name: str) -> tuple[LoadResult, bytes]:
    """load_path, also returning the bytes read (--fix refuses to write if they change)."""
    from vcvalues.core.load import decode_source, load_yaml, read_source
    from vcvalues.core.source import SourceMap

    data = read_source(name)
    text, problem = decode_source(data, file=name)
    if text is None:
        assert problem is not None
        return LoadResult(None, SourceMap(name), [problem]), data
    return load_yaml(text, file=name), data


def subchart_values(loaded: LoadResult, key: str) -> LoadResult:
    """The values Helm hands a subchart: ``parent[key]`` plus the parent's ``global``."""
    from vcvalues.core.source import SourceMap, Span

    if loaded.data is None:
        return loaded
    values = loaded.data
    if key not in values:
        loaded = _missing_subchart_key(loaded, key)
    sub = values.get(key)
    if sub is None:
        sub = {}
    if not isinstance(sub, dict):
        span = loaded.source_map.value_span((key,))
        problem = Diagnostic(
            "syntax",
            Severity.ERROR,
            f"{key} must be a map of the vcluster subchart's values, found {spell_value(sub)}",
            loaded.source_map.file,
            span.line,
            span.column,
        )
        return LoadResult(None, SourceMap(loaded.source_map.file), [*loaded.diagnostics, problem])
    data = dict(sub)
    source_map = loaded.source_map.subtree((key,))
    if "global" in values:
        data["global"] = values["global"]
        for path, span in loaded.source_map.keys.items():
            if path[:1] == ("global",):
                source_map.keys[path] = span
        for path, span in loaded.source_map.values.items():
            if path[:1] == ("global",):
                source_map.values[path] = span
    source_map.values.setdefault((), loaded.source_map.value_span((key,)) if key in values else Span(1, 1))
    return LoadResult(data, source_map, loaded.diagnostics, loaded.suppressions)


def _missing_subchart_key(loaded: LoadResult, key: str) -> LoadResult:
    """``--subchart-key`` names no top-level key: none of the file reaches the subchart, which a typo
    must not hide (issue 15). An error when a top-level key is a close match, else a warning."""
    from difflib import get_close_matches

    assert loaded.data is not None
    close = get_close_matches(key, [str(k) for k in loaded.data], n=1)
    problem = Diagnostic(
        "unknown-key",
        Severity.ERROR if close else Severity.WARNING,
        f"--subchart-key {key}: the file has no top-level key {key!r}, so none of its values reach the "
        "vcluster subchart",
        loaded.source_map.file,
        1,
        1,
        hint=f"did you mean --subchart-key {close[0]}?" if close else "check the dependency's name or alias",
    )
    return LoadResult(loaded.data, loaded.source_map, [*loaded.diagnostics, problem], loaded.suppressions)
