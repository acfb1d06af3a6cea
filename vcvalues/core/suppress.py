"""Which diagnostics the user switched off: --disable, config, inline ``# vcvalues: disable=ID``."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from vcvalues.core.diagnostics import Diagnostic, Severity

# Always on: they mean Helm cannot read the values, or reads something other than what was written.
ALWAYS_ON = frozenset({"syntax", "schema", "duplicate-key", "unknown-key"})


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    *,
    inline: Mapping[str, Mapping[int, frozenset[str]]],
    disabled: Collection[str] = (),
    known_rules: Collection[str] = (),
    severities: Mapping[str, Severity] | None = None,
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; report inline comments that name no rule (``suppression``).

    ``severities`` (from the config) replaces the severity of the rules it names, except always-on ones
    (rules with a check get theirs from the engine, which keeps an applied fix a warning).
    """
    kept: list[Diagnostic] = []
    for d in diagnostics:
        if d.rule_id in ALWAYS_ON:
            kept.append(d)
            continue
        if d.rule_id in disabled:
            continue
        if d.rule_id in inline.get(d.file, {}).get(d.line, frozenset()):
            continue
        override = severities.get(d.rule_id) if severities else None
        kept.append(d if override is None else d.with_severity(override))
    if known_rules:
        for file, lines in inline.items():
            for line, ids in lines.items():
                for rule_id in sorted(ids - set(known_rules)) or (["<none>"] if not ids else []):
                    kept.append(
                        Diagnostic(
                            "suppression",
                            Severity.WARNING,
                            f"'# vcvalues: disable=' names no known rule ({rule_id!r})",
                            file,
                            line,
                            1,
                            hint="name the rule ids to switch off, e.g. # vcvalues: disable=yaml11-boolean; "
                            "`vcvalues rules` lists them",
                        )
                    )
    return kept
