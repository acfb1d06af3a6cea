"""The LimitRange of ``templates/limitrange.yaml`` (identical text in k3s/k8s/k0s/eks 0.15.1 - 0.19.10).

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster: k8s, k0s and eks 0.15.0 have no
``globalAnnotations`` block, k3s has it from 0.15.0; the rest never changed.
"""

from __future__ import annotations

from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render.quota import annotated, quoted_lines

__all__ = ["TEMPLATE", "render_limit_range"]

TEMPLATE = "limitrange.yaml"
_LIMITS = ("isolation", "limitRange")


def render_limit_range(ctx: Context) -> Manifest | None:
    """The LimitRange ``<release>-limit-range``, or None when the template renders nothing."""
    if not ctx.both(TEMPLATE, ("isolation", "enabled"), (*_LIMITS, "enabled")):
        return None
    lines = [
        "apiVersion: v1",
        "kind: LimitRange",
        *ctx.metadata_lines(
            TEMPLATE,
            f"  name: {ctx.release}-limit-range",
            ctx.namespace_text(TEMPLATE),
            annotated=annotated(ctx),
        ),
        "spec:",
        "  limits:",
        "  - default:",
    ]
    default = ctx.get(TEMPLATE, *_LIMITS, "default")
    lines += quoted_lines(ctx, TEMPLATE, default, ".Values.isolation.limitRange.default", 6)
    lines.append("    defaultRequest:")
    request = ctx.get(TEMPLATE, *_LIMITS, "defaultRequest")
    lines += quoted_lines(ctx, TEMPLATE, request, ".Values.isolation.limitRange.defaultRequest", 6)
    lines.append("    type: Container")
    (manifest,) = ctx.manifests(TEMPLATE, [lines])
    return manifest
