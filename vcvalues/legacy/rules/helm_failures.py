"""Values Helm itself cannot render: ``helm install``/``template`` fails, whatever the cluster says.

Each finding gives Helm's own reason (measured with Helm v4.2.3 on every legacy chart):

- ``helm-nil-pointer``: a template reads a field through a null map. ``isolation: ~`` breaks every chart
  (the syncer reads ``.Values.isolation.enabled``); with isolation on, a null ``resourceQuota``,
  ``limitRange``, ``networkPolicy``, ``outgoingConnections``, ``ipBlock`` or ``scopeSelector`` breaks
  the isolation templates (``nil pointer evaluating interface {}.enabled``).
- ``helm-manifest-invalid``: the isolation templates render text that is not the YAML Helm reads back
  (``YAML parse error on vcluster/templates/networkpolicy.yaml``), or that ``range`` cannot iterate.
- ``global-annotations-not-map``: ``globalAnnotations: null`` (or a non-map): the chart's
  ``merge .Values.globalAnnotations ...`` fails (``wrong type for value; expected
  map[string]interface {}; got interface {}``).
- ``annotations-indent-0150``: chart 0.15.0 writes ``  {{ toYaml $annotations | indent 4 }}`` in its
  service templates: the first annotation line gets 6 spaces, the others 4, so two or more lines of
  annotations (``globalAnnotations`` merged with ``syncer.serviceAnnotations``) make the Service
  unreadable and the install fails.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from vcvalues.core.coalesce import copy_values
from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.gofmt import go_type
from vcvalues.legacy.rules._base import Example, Rule, RuleContext
from vcvalues.legacy.rules._renders_cleanly import isolation_off, renders_cleanly
from vcvalues.legacy.rules._values import SA_FLAG

_AT = re.compile(r"at <\.Values\.(?P<path>[^>]+)>")
_BROKEN_INDENT_RELEASE = (0, 15, 0)
_INSTALL_FAILS = "so helm install fails"


def _render_error(ctx: RuleContext) -> str | None:
    if isolation_off(ctx.values) or renders_cleanly(ctx.values, ctx.namespace):
        return None  # and vcvalues.legacy.render stays unimported

    def render() -> str | None:
        from vcvalues.errors import UsageError
        from vcvalues.legacy.render import RenderError, render_manifests

        try:
            render_manifests(ctx.values, chart=ctx.chart, release=ctx.release, namespace=ctx.namespace)
        except RenderError as error:
            return str(error)
        except UsageError:
            return None  # a bad release name is the CLI's usage error
        return None

    return ctx.memo("helm-render-error", render)


def _null_on_path(values: Mapping[str, Any], path: tuple[str, ...]) -> KeyPath:
    """The first map on ``path`` that is null (or missing): where the user's null sits."""
    node: Any = values
    for depth, key in enumerate(path):
        if not isinstance(node, Mapping) or node.get(key) is None:
            return path[: depth + 1]
        node = node[key]
    return path


def check_nil_pointer(ctx: RuleContext) -> None:
    """helm-nil-pointer."""
    if ctx.values.get("isolation") is None:
        ctx.report(
            ("isolation",),
            f"isolation is null; the chart reads isolation.enabled, {_INSTALL_FAILS}: "
            "nil pointer evaluating interface {}.enabled",
            hint="remove the line (or write isolation: {enabled: false}) to keep the chart's defaults",
        )
        return
    error = _render_error(ctx)
    if error is None or "nil pointer" not in error:
        return
    found = _AT.search(error)
    path = tuple(found["path"].split(".")) if found else ("isolation",)
    where = _null_on_path(ctx.values, path[:-1]) if len(path) > 1 else path
    ctx.report(
        where,
        f"{'.'.join(map(str, where))} is null and the chart reads a field through it, "
        f"{_INSTALL_FAILS}: {error}",
        hint="remove the null to keep the chart's defaults for this map",
    )


# Values the isolation templates print unquoted, in the order they are tried as the cause.
_UNQUOTED: tuple[tuple[str, ...], ...] = (
    ("isolation", "namespace"),
    ("isolation", "networkPolicy", "outgoingConnections", "ipBlock", "cidr"),
    ("isolation", "networkPolicy", "outgoingConnections", "ipBlock", "except"),
    ("isolation", "resourceQuota", "quota"),
    ("isolation", "resourceQuota", "scopeSelector"),
    ("isolation", "resourceQuota", "scopes"),
    ("isolation", "limitRange", "default"),
    ("isolation", "limitRange", "defaultRequest"),
    ("globalAnnotations",),
)


def _culprit(ctx: RuleContext) -> KeyPath | None:
    """The first unquoted value that, back at the chart default, renders again."""
    from vcvalues.legacy.catalog import chart_defaults
    from vcvalues.legacy.render import RenderError, render_manifests

    defaults = chart_defaults(ctx.chart)
    for path in _UNQUOTED:
        trial = copy_values(ctx.values)
        node: Any = trial
        default: Any = defaults
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
            default = default.get(key) if isinstance(default, dict) else None
        if not isinstance(node, dict) or path[-1] not in node:
            continue
        node[path[-1]] = default.get(path[-1]) if isinstance(default, dict) else None
        try:
            render_manifests(trial, chart=ctx.chart, release=ctx.release, namespace=ctx.namespace)
        except RenderError:
            continue
        return path
    return None


def check_manifest_invalid(ctx: RuleContext) -> None:
    """helm-manifest-invalid."""
    if not isinstance(ctx.values.get("isolation"), Mapping):
        return
    error = _render_error(ctx)
    if error is None or "nil pointer" in error:
        return
    ctx.report(
        _culprit(ctx) or ("isolation",),
        f"Helm renders these values into a manifest it cannot read, {_INSTALL_FAILS}: {error}",
        hint="the template writes this value unquoted: change it so that the rendered line stays YAML",
    )


def check_global_annotations(ctx: RuleContext) -> None:
    """global-annotations-not-map."""
    annotations = ctx.values.get("globalAnnotations")
    if isinstance(annotations, Mapping):
        return
    ctx.report(
        ("globalAnnotations",),
        f"globalAnnotations is {'null' if annotations is None else go_type(annotations)}; the chart "
        f"merges it into other annotations, {_INSTALL_FAILS}: wrong type for value; expected "
        f"map[string]interface {{}}; got {'interface {}' if annotations is None else go_type(annotations)}",
        hint="write globalAnnotations: {} (or remove the line)",
    )


def _breaks_service_yaml(text: str) -> bool:
    """``  {{ toYaml $annotations | indent 4 }}``: the first line lands at column 6, the rest at 4 plus
    their own indentation. A line back at column 4 (a second key, a list) is not a key of the map at
    column 6; a plain or literal value continued at column 6 is not inside that value either (a quoted
    one may continue there: measured with Helm v4.2.3)."""
    first, *rest = text.split("\n")
    if not rest:
        return False
    if any(not line.startswith(" ") for line in rest):
        return True
    value = first.partition(": ")[2]
    return bool(value) and value[0] not in "'\""


def check_annotations_indent(ctx: RuleContext) -> None:
    """annotations-indent-0150."""
    if ctx.chart.version.triple != _BROKEN_INDENT_RELEASE:
        return
    annotations = ctx.values.get("globalAnnotations")
    if not isinstance(annotations, Mapping):
        return
    syncer = ctx.values.get("syncer")
    service = syncer.get("serviceAnnotations") if isinstance(syncer, Mapping) else None
    from vcvalues.legacy.render._annotation_merges import merge_into
    from vcvalues.legacy.render._text import to_yaml

    merged: dict[str, Any] = copy_values(dict(annotations))
    merge_into(merged, service)
    if not merged or not _breaks_service_yaml(to_yaml(merged)):
        return
    where: KeyPath = ("globalAnnotations",) if annotations else ("syncer", "serviceAnnotations")
    ctx.report(
        where,
        "chart 0.15.0 indents the service annotations wrongly: more than one line of annotations "
        "(globalAnnotations and syncer.serviceAnnotations) makes the Service YAML unreadable, "
        f"{_INSTALL_FAILS}: error converting YAML to JSON: did not find expected key",
        hint="use at most one short annotation with chart 0.15.0, or chart 0.15.1 or later (fixed there)",
    )


_ISOLATED = SA_FLAG + "isolation:\n  enabled: true\n"
RULES: tuple[Rule, ...] = (
    Rule(
        id="helm-nil-pointer",
        default_severity=Severity.ERROR,
        summary="a map the chart's templates read through is null: helm install fails",
        why=(
            "a null deletes the chart's default map; a template that then reads a field of it stops with "
            "'nil pointer evaluating interface {}.<field>' and Helm installs nothing"
        ),
        fail_example=_ISOLATED + "  resourceQuota: null\n",
        fail_at=(6, 18),
        pass_example=_ISOLATED + "  resourceQuota:\n    enabled: false\n",
        check=check_nil_pointer,
        source="charts/*/templates/{resourcequota,limitrange,networkpolicy,syncer}.yaml; Go exec.go",
    ),
    Rule(
        id="helm-manifest-invalid",
        default_severity=Severity.ERROR,
        summary="the isolation templates render these values into YAML Helm cannot read back",
        why=(
            "the templates write some values unquoted ({{ $key }}, cidr, except, namespace); a value that "
            "changes the YAML structure makes Helm fail with 'YAML parse error on <template>'"
        ),
        fail_example=_ISOLATED
        + "  namespace: 'a: b'  # vcvalues: disable=isolation-namespace-netpol,isolation-namespace-target\n",
        fail_at=(6, 14),
        pass_example=_ISOLATED + "  namespace: vcluster-vcluster\n",
        check=check_manifest_invalid,
        source="helm pkg/release/util/manifest_sorter.go (YAML parse error on ...)",
    ),
    Rule(
        id="global-annotations-not-map",
        default_severity=Severity.ERROR,
        summary="globalAnnotations is null or not a map: the chart's merge of annotations fails",
        why=(
            "the chart passes .Values.globalAnnotations to sprig's merge, which needs a map: a null stops "
            "the render with 'wrong type for value; expected map[string]interface {}'"
        ),
        fail_example="globalAnnotations: null\n",
        fail_at=(1, 20),
        pass_example="globalAnnotations:\n  team: a\n",
        check=check_global_annotations,
        source="charts/*/templates/*service*.yaml (merge .Values.globalAnnotations ...); sprig dict.go",
    ),
    Rule(
        id="annotations-indent-0150",
        default_severity=Severity.ERROR,
        summary="chart 0.15.0 breaks its Service YAML with two or more lines of annotations",
        why=(
            "0.15.0's service templates indent the first annotation line by 6 spaces and the others by 4, "
            "so the Service is not YAML and helm install fails; 0.15.1 fixed the template"
        ),
        fail_example="globalAnnotations:\n  team: a\n  owner: b\n",
        fail_at=(2, 3),
        pass_example="globalAnnotations:\n  team: a\n",
        check=check_annotations_indent,
        example=Example(chart_version="0.15.0"),
        source="charts/*/templates/{service,syncer-service}.yaml at v0.15.0",
    ),
)
