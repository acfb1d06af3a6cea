"""The LimitRange of ``templates/limitrange.yaml`` (identical text in k3s/k8s/k0s/eks 0.15.1 - 0.19.10).

Read at every tag v0.15.0 - v0.19.10 of loft-sh/vcluster: k8s, k0s and eks 0.15.0 have no
``globalAnnotations`` block, k3s has it from 0.15.0; the rest never changed.
"""

from __future__ import annotations

from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render.quota import annotated, quoted_map

__all__ = ["TEMPLATE", "render_limit_range"]

TEMPLATE = "limitrange.yaml"
_LIMITS = ("isolation", "limitRange")


def render_limit_range(ctx: Context) -> Manifest | None:
    """The LimitRange ``<release>-limit-range``, or None when the template renders nothing."""
    if not ctx.both(TEMPLATE, ("isolation", "enabled"), (*_LIMITS, "enabled")):
        return None
    metadata = ctx.metadata(
        TEMPLATE, f"{ctx.release}-limit-range", ctx.target_namespace(TEMPLATE), annotated=annotated(ctx)
    )
    default = ctx.get(TEMPLATE, *_LIMITS, "default")
    default_request = ctx.get(TEMPLATE, *_LIMITS, "defaultRequest")
    limit = {
        "default": quoted_map(ctx, TEMPLATE, default, ".Values.isolation.limitRange.default"),
        "defaultRequest": quoted_map(
            ctx, TEMPLATE, default_request, ".Values.isolation.limitRange.defaultRequest"
        ),
        "type": "Container",
    }
    body = {"apiVersion": "v1", "kind": "LimitRange", "metadata": metadata, "spec": {"limits": [limit]}}
    return Manifest(ctx.source(TEMPLATE), body)
