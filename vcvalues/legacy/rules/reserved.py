"""``sync.nodes.reservedResources``: each key becomes a syncer flag, each value a checked quantity.

The chart (0.19.10, charts/*/templates/syncer.yaml) renders, only when ``sync.nodes.enableScheduler``::

    {{- range $type, $value := .Values.sync.nodes.reservedResources }}
    {{- if and $value (ne $value "") }}
    {{ include "validate.quantity" (dict "type" $type "value" $value) }}
    - --reserved-resource-{{- $type -}}={{ $value }}

So the *key* is pasted into a flag name: ``ephemeral-storage`` gives the syncer's
``--reserved-resource-ephemeral-storage``, while ``ephemeralStorage`` (the key values.yaml ships, empty)
gives ``--reserved-resource-ephemeralStorage``, which stops the syncer with "unknown flag". A non-string
value fails the install (``ne`` cannot compare a number with ""), and ``validate.quantity`` fails it for a
value outside ``^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$`` (``100 m``); the syncer then parses the
value as a Kubernetes quantity (``1K`` passes the chart's pattern and stops the syncer).
"""

from __future__ import annotations

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.diagnostics import KeyPath, Severity, format_key_path
from vcvalues.core.gofmt import format_value
from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.legacy.catalog import syncer_flag_specs
from vcvalues.legacy.catalog.conditions import go_truthy
from vcvalues.legacy.rules._base import Rule, RuleContext
from vcvalues.legacy.rules._values import get

RESERVED: KeyPath = ("sync", "nodes", "reservedResources")
SCHEDULER: KeyPath = ("sync", "nodes", "enableScheduler")
FLAG_PREFIX = "--reserved-resource-"
# charts/*/templates/_helpers.tpl "validate.quantity" (0.19.10)
CHART_PATTERN = lazy_compile(r"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")
_UNUSED = " once sync.nodes.enableScheduler is on (off now: the chart ignores reservedResources)"


def _entries(ctx: RuleContext) -> list[tuple[str, object]]:
    """The entries the chart turns into flags: non-empty values the user gave."""
    reserved = get(ctx.values, RESERVED)
    if not isinstance(reserved, dict):
        return []
    return [
        (str(key), value)
        for key, value in reserved.items()
        if go_truthy(value) and ctx.user_set((*RESERVED, key))
    ]


def _severity(ctx: RuleContext) -> Severity | None:
    """The rule's severity while the scheduler is on; info (nothing rendered yet) while it is off."""
    return None if go_truthy(get(ctx.values, SCHEDULER)) else Severity.INFO


def check_flag(ctx: RuleContext) -> None:
    """reserved-resource-flag."""
    specs = syncer_flag_specs(ctx.chart)
    names = sorted(name[len(FLAG_PREFIX) :] for name in specs if name.startswith(FLAG_PREFIX))
    if not names:  # before 0.19.10 the chart has no reservedResources (unknown-key reports it)
        return
    severity = _severity(ctx)
    for key, _ in _entries(ctx):
        if f"{FLAG_PREFIX}{key}" in specs:
            continue
        import difflib  # only to suggest a name: off the cold path

        close = difflib.get_close_matches(key.lower().replace("_", "-"), names, n=1, cutoff=0.6)
        known = ", ".join(names) if names else "none"
        hint = f"write {close[0]!r}" if close else f"the syncer knows: {known}"
        ctx.report(
            (*RESERVED, key),
            f"{format_key_path((*RESERVED, key))} becomes {FLAG_PREFIX}{key}, a flag the syncer of "
            f"{ctx.chart.version} does not have: it stops with 'unknown flag'"
            + (_UNUSED if severity is Severity.INFO else ""),
            hint=hint,
            key=True,
            severity=severity,
        )


def check_value(ctx: RuleContext) -> None:
    """reserved-resource-value."""
    if not any(name.startswith(FLAG_PREFIX) for name in syncer_flag_specs(ctx.chart)):
        return
    severity = _severity(ctx)
    for key, value in _entries(ctx):
        path = (*RESERVED, key)
        if not isinstance(value, str):
            shown = format_value(value)
            problem = f'is {shown}, not a string: the chart\'s `ne $value ""` fails the install'
            hint = 'write a quantity such as "100m"' if isinstance(value, bool) else f'quote it: "{shown}"'
        elif not CHART_PATTERN.match(value):
            problem = f"is {value!r}: the chart's validate.quantity fails the install"
            hint = "write a Kubernetes quantity without spaces: 100m, 1, 512Mi"
        else:
            try:
                Quantity.parse(value, strict=True)
            except QuantityError as exc:
                problem = f"is {value!r}: the syncer refuses it as a quantity ({exc})"
                hint = "write a Kubernetes quantity: 100m, 1, 512Mi (k, Ki, Mi, Gi; no K)"
            else:
                continue
        unused = _UNUSED if severity is Severity.INFO else ""
        ctx.report(path, f"{format_key_path(path)} {problem}{unused}", hint=hint, severity=severity)


RULES: tuple[Rule, ...] = (
    Rule(
        id="reserved-resource-flag",
        default_severity=Severity.ERROR,
        summary="a sync.nodes.reservedResources key that is no --reserved-resource-* flag of the syncer",
        why=(
            "the chart pastes the key into the flag name (--reserved-resource-<key>); a key the syncer "
            "does not know, such as the ephemeralStorage values.yaml ships, stops it with 'unknown flag'"
        ),
        fail_example=(
            "sync:\n  nodes:\n    enableScheduler: true\n    reservedResources:\n"
            "      ephemeralStorage: 512Mi\n"
        ),
        fail_at=(5, 7),
        pass_example=(
            "sync:\n  nodes:\n    enableScheduler: true\n    reservedResources:\n"
            "      ephemeral-storage: 512Mi\n      cpu: 100m\n"
        ),
        check=check_flag,
        source=(
            "charts/*/templates/syncer.yaml (0.19.10); syncer flags pkg/options/flags.go "
            "(reserved-resource-cpu, -memory, -ephemeral-storage)"
        ),
    ),
    Rule(
        id="reserved-resource-value",
        default_severity=Severity.ERROR,
        summary="a sync.nodes.reservedResources value the chart or the syncer refuses",
        why=(
            'a number fails the install (`ne $value ""`), a value outside the chart\'s quantity pattern '
            "fails it in validate.quantity, and a value the syncer cannot parse stops the syncer"
        ),
        fail_example=(
            "sync:\n  nodes:\n    enableScheduler: true\n    reservedResources:\n      cpu: 100 m\n"
        ),
        fail_at=(5, 12),
        pass_example=(
            "sync:\n  nodes:\n    enableScheduler: true\n    reservedResources:\n      cpu: 100m\n"
        ),
        check=check_value,
        source='charts/*/templates/_helpers.tpl "validate.quantity" (0.19.10)',
    ),
)
