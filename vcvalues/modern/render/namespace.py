"""The optional Namespace with Pod Security labels (not rendered by the chart).

With ``policies.podSecurityStandard`` set, the vcluster syncer refuses tenant pods above that level but
the chart never labels the *host* namespace (MODERN §2.6). As for the legacy charts, vcvalues can add the
Namespace the docs recommend: Pod Security Admission enforcing the same level, auditing and warning at
``restricted``.
"""

from __future__ import annotations

from vcvalues.core.gofmt import quote
from vcvalues.core.gotmpl import printed, truthy
from vcvalues.modern.render._context import Context

__all__ = ["SOURCE", "render_namespace"]

SOURCE = "vcvalues/namespace.yaml"
_TEMPLATE = "resourcequota.yaml"
_LABEL = "pod-security.kubernetes.io/"


def render_namespace(ctx: Context) -> list[str] | None:
    """The Namespace's lines, or None when ``policies.podSecurityStandard`` is empty."""
    level = ctx.get(_TEMPLATE, "policies", "podSecurityStandard")
    if not truthy(level):
        return None
    return [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        f"  name: {quote(ctx.namespace)}",
        "  labels:",
        f"    {_LABEL}enforce: {quote(printed(level))}",
        f'    {_LABEL}audit: "restricted"',
        f'    {_LABEL}warn: "restricted"',
    ]
