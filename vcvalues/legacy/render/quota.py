"""The ResourceQuota of ``templates/resourcequota.yaml`` (identical text in k3s/k8s/k0s/eks 0.15.1 - 0.19.10).

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster: one template for all four charts, except that
k8s, k0s and eks 0.15.0 have no ``globalAnnotations`` block (k3s has it from 0.15.0). The text is the
template's, line for line (``name:  <release>-quota`` keeps its two spaces).
"""

from __future__ import annotations

from vcvalues.legacy.chart import Distro
from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._gotmpl import range_items, truthy
from vcvalues.legacy.render._text import nindent, quoted, to_yaml

__all__ = ["TEMPLATE", "annotated", "quoted_lines", "render_quota"]

TEMPLATE = "resourcequota.yaml"
_QUOTA = ("isolation", "resourceQuota")


def quoted_lines(ctx: Context, template: str, value: object, expression: str, pad: int) -> list[str]:
    """``{{- range $key, $val := value }}`` then ``{{ $key }}: {{ $val | quote }}`` at ``pad`` spaces.

    Keys come in Go's sorted order and are written as they are; ``quote`` writes nil as nothing.
    """
    where = ctx.source(template)
    return [
        f"{' ' * pad}{key}: {quoted(item)}"
        for key, item in range_items(value, template=where, expression=expression)
    ]


def annotated(ctx: Context) -> bool:
    """k3s has the globalAnnotations block at every tag; k8s, k0s and eks from 0.15.1."""
    return ctx.chart.distro is Distro.K3S or ctx.since("0.15.1")


def render_quota(ctx: Context) -> Manifest | None:
    """The ResourceQuota ``<release>-quota``, or None when the template renders nothing."""
    if not ctx.both(TEMPLATE, ("isolation", "enabled"), (*_QUOTA, "enabled")):
        return None
    lines = [
        "apiVersion: v1",
        "kind: ResourceQuota",
        *ctx.metadata_lines(
            TEMPLATE,
            f"  name:  {ctx.release}-quota",
            ctx.namespace_text(TEMPLATE),
            annotated=annotated(ctx),
        ),
        "spec:",
        "  hard:",
    ]
    quota = ctx.get(TEMPLATE, *_QUOTA, "quota")
    lines += quoted_lines(ctx, TEMPLATE, quota, ".Values.isolation.resourceQuota.quota", 4)
    expressions = ctx.get(TEMPLATE, *_QUOTA, "scopeSelector", "matchExpressions")
    if truthy(expressions):
        lines += ["  scopeSelector:", "    matchExpressions:" + nindent(to_yaml(expressions), 4)]
    scopes = ctx.get(TEMPLATE, *_QUOTA, "scopes")
    if truthy(scopes):
        lines.append("  scopes:" + nindent(to_yaml(scopes), 4))
    (manifest,) = ctx.manifests(TEMPLATE, [lines])
    return manifest
