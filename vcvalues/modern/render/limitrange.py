"""``templates/limitrange.yaml``: ``min``/``max`` from 0.21.0 (MODERN §2.4)."""

from __future__ import annotations

from vcvalues.core.gotmpl import truthy
from vcvalues.modern.render._context import Context, quoted_entries
from vcvalues.modern.render.quota import duo_gate

__all__ = ["TEMPLATE", "render_limit_range"]

TEMPLATE = "limitrange.yaml"


def render_limit_range(ctx: Context) -> list[str] | None:
    """The LimitRange's lines, or None when the gate is closed."""
    if not duo_gate(ctx, TEMPLATE, "limitRange", "resourceQuota"):
        return None
    namespace = ctx.target_namespace(TEMPLATE)
    lines = ["apiVersion: v1", "kind: LimitRange"]
    lines += ctx.quoted_metadata(TEMPLATE, "limitRange", f"vc-{ctx.release}", namespace)
    lines += ["spec:", "  limits:"]
    keys = ["default", "defaultRequest"]
    for key in keys:
        value = ctx.get(TEMPLATE, "policies", "limitRange", key)
        lines.append(f"  - {key}:" if key == "default" else f"    {key}:")
        lines += _entries(ctx, key, value)
    if ctx.since("0.21.0"):
        for key in ("min", "max"):
            value = ctx.get(TEMPLATE, "policies", "limitRange", key)
            if truthy(value):
                lines.append(f"    {key}:")
                lines += _entries(ctx, key, value)
    lines.append("    type: Container")
    return lines


def _entries(ctx: Context, key: str, value: object) -> list[str]:
    where = f".Values.policies.limitRange.{key}"
    return quoted_entries(value, 6, template=ctx.source(TEMPLATE), expression=where)
