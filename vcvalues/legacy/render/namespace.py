"""The optional Namespace with Pod Security Admission labels (not rendered by the chart).

The vcluster docs recommend labelling the namespace of an isolated vcluster so that the host's Pod
Security Admission enforces the same level the syncer enforces, and audits and warns at ``restricted``.
"""

from __future__ import annotations

from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._gotmpl import printed, truthy

__all__ = ["SOURCE", "render_namespace"]

SOURCE = "vcvalues/namespace.yaml"
_TEMPLATE = "resourcequota.yaml"  # the namespace is the one the isolation objects go to
_LABEL = "pod-security.kubernetes.io/"


def render_namespace(ctx: Context) -> Manifest | None:
    """The Namespace the isolation objects live in, or None when isolation is off."""
    if not truthy(ctx.get(_TEMPLATE, "isolation", "enabled")):
        return None
    level = printed(ctx.get(_TEMPLATE, "isolation", "podSecurityStandard"))
    labels = {f"{_LABEL}enforce": level, f"{_LABEL}audit": "restricted", f"{_LABEL}warn": "restricted"}
    body = {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {"name": ctx.target_namespace(_TEMPLATE), "labels": labels},
    }
    return Manifest(SOURCE, body, from_chart=False)
