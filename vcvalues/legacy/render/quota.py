"""The ResourceQuota of ``templates/resourcequota.yaml`` (identical text in k3s/k8s/k0s/eks 0.15.1 - 0.19.10).

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster: one template for all four charts, except that
k8s, k0s and eks 0.15.0 have no ``globalAnnotations`` block (k3s has it from 0.15.0).
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.gofmt import strval
from vcvalues.legacy.chart import Distro
from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._gotmpl import NO_VALUE, printed, range_items, to_yaml_value, truthy
from vcvalues.legacy.render._scalar import RenderError, plain_key

__all__ = ["TEMPLATE", "quoted_map", "render_quota"]

TEMPLATE = "resourcequota.yaml"
_QUOTA = ("isolation", "resourceQuota")


def quoted_map(ctx: Context, template: str, value: object, expression: str) -> dict[str, Any] | None:
    """``{{- range $key, $val := value }} {{ $key }}: {{ $val | quote }}``: None when nothing is written.

    Keys come in Go's sorted order and are written unquoted; ``quote`` writes nil as nothing (null).
    """
    where = ctx.source(template)
    out: dict[str, Any] = {}
    for key, item in range_items(value, template=where, expression=expression):
        text = None if item is None else strval(item).replace(NO_VALUE, "")
        out[plain_key(printed(key), where=where)] = text
    return out or None


def annotated(ctx: Context) -> bool:
    """k3s has the globalAnnotations block at every tag; k8s, k0s and eks from 0.15.1."""
    return ctx.chart.distro is Distro.K3S or ctx.since("0.15.1")


def render_quota(ctx: Context) -> Manifest | None:
    """The ResourceQuota ``<release>-quota``, or None when the template renders nothing."""
    if not ctx.both(TEMPLATE, ("isolation", "enabled"), (*_QUOTA, "enabled")):
        return None
    metadata = ctx.metadata(
        TEMPLATE, f"{ctx.release}-quota", ctx.target_namespace(TEMPLATE), annotated=annotated(ctx)
    )
    quota = ctx.get(TEMPLATE, *_QUOTA, "quota")
    spec: dict[str, Any] = {
        "hard": quoted_map(ctx, TEMPLATE, quota, ".Values.isolation.resourceQuota.quota"),
    }
    expressions = ctx.get(TEMPLATE, *_QUOTA, "scopeSelector", "matchExpressions")
    if truthy(expressions):
        if not isinstance(expressions, list):
            # toYaml of a map or scalar at the indentation of `matchExpressions:` is not a list under it.
            raise RenderError(
                f"{ctx.source(TEMPLATE)}: isolation.resourceQuota.scopeSelector.matchExpressions is a "
                f"{type(expressions).__name__}; the chart writes it where a list belongs"
            )
        spec["scopeSelector"] = {"matchExpressions": to_yaml_value(expressions)}
    scopes = ctx.get(TEMPLATE, *_QUOTA, "scopes")
    if truthy(scopes):
        spec["scopes"] = to_yaml_value(scopes)
    body = {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": metadata, "spec": spec}
    return Manifest(ctx.source(TEMPLATE), body)
