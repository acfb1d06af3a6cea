"""``templates/resourcequota.yaml`` (the same data at every tag; MODERN §2.1-2.3)."""

from __future__ import annotations

from vcvalues.core.gotmpl import truthy
from vcvalues.modern.render._context import Context, indent, quoted_entries
from vcvalues.modern.render._goyaml import to_yaml

__all__ = ["TEMPLATE", "duo_gate", "render_quota"]

TEMPLATE = "resourcequota.yaml"


def duo_gate(ctx: Context, template: str, own: str, partner: str) -> bool:
    """The ``auto`` duo: rendered when own or partner is "true" (``toString``) and own is not "false"."""
    own_text = ctx.string(template, "policies", own, "enabled")
    if own_text != "true" and ctx.string(template, "policies", partner, "enabled") != "true":
        return False
    return own_text != "false"


def render_quota(ctx: Context) -> list[str] | None:
    """The ResourceQuota's lines, or None when the gate is closed."""
    if not duo_gate(ctx, TEMPLATE, "resourceQuota", "limitRange"):
        return None
    namespace = ctx.target_namespace(TEMPLATE)
    lines = ["apiVersion: v1", "kind: ResourceQuota"]
    lines += ctx.quoted_metadata(TEMPLATE, "resourceQuota", f"vc-{ctx.release}", namespace)
    lines.append("spec:")
    quota = ctx.get(TEMPLATE, "policies", "resourceQuota", "quota")
    if truthy(quota):
        lines.append("  hard:")
        where = ".Values.policies.resourceQuota.quota"
        lines += quoted_entries(quota, 4, template=ctx.source(TEMPLATE), expression=where)
    expressions = ctx.get(TEMPLATE, "policies", "resourceQuota", "scopeSelector", "matchExpressions")
    if truthy(expressions):
        lines += ["  scopeSelector:", "    matchExpressions:", *indent(to_yaml(expressions), 6)]
    scopes = ctx.get(TEMPLATE, "policies", "resourceQuota", "scopes")
    if truthy(scopes):
        lines += ["  scopes:", *indent(to_yaml(scopes), 4)]
    return lines
