"""The optional Namespace with Pod Security Admission labels (not rendered by the chart).

The vcluster docs recommend labelling the namespace of an isolated vcluster so that the host's Pod
Security Admission enforces the same level the syncer enforces, and audits and warns at ``restricted``.
When that namespace is also the release namespace, it hosts the vcluster's own pods: the label must admit
them (at 0.19.10 defaults they run as root without ``drop: [ALL]`` or a seccomp profile, so ``restricted``
refuses them and the vcluster never starts; the docs then recommend ``enforce: baseline``). The label is
the strictest level, up to ``podSecurityStandard``, that the Pod Security evaluator finds admits them, and
:func:`admission_note` says what was lowered and why.
"""

from __future__ import annotations

from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._gotmpl import printed, truthy

__all__ = ["SOURCE", "admission_note", "render_namespace"]

SOURCE = "vcvalues/namespace.yaml"
_TEMPLATE = "resourcequota.yaml"  # the namespace is the one the isolation objects go to
_LABEL = "pod-security.kubernetes.io/"
_LEVELS = ("restricted", "baseline", "privileged")  # strictest first


def _enforced(ctx: Context) -> tuple[str, str | None]:
    """The level to enforce, and why it is lower than ``podSecurityStandard`` (None when it is not)."""
    wanted = printed(ctx.get(_TEMPLATE, "isolation", "podSecurityStandard"))
    if wanted not in _LEVELS or ctx.target_namespace(_TEMPLATE) != ctx.namespace:
        return wanted, None  # the control plane runs in another namespace (or the level is invalid)
    from vcvalues.legacy.rules.pod_security import CONTROL_PLANE_HINT, refused_pods

    values = dict(ctx.values)
    first: tuple[str, str] | None = None  # the first refused pod, at the level asked for
    for level in _LEVELS[_LEVELS.index(wanted) :]:
        refused = refused_pods(values, ctx.chart, ctx.release, level)
        if not refused:
            if first is None:
                return level, None
            change = CONTROL_PLANE_HINT.split(", or ")[0]
            return level, (
                f"the Namespace enforces {level}, not {wanted}: it hosts the vcluster's own pod "
                f"{first[0]}, which {wanted} refuses ({first[1]}); to enforce {wanted}, {change}"
            )
        first = first or (refused[0][0], refused[0][1])
    return wanted, None  # privileged admits everything; not reached


def render_namespace(ctx: Context) -> Manifest | None:
    """The Namespace the isolation objects live in, or None when isolation is off."""
    if not truthy(ctx.get(_TEMPLATE, "isolation", "enabled")):
        return None
    level, _ = _enforced(ctx)
    labels = {f"{_LABEL}enforce": level, f"{_LABEL}audit": "restricted", f"{_LABEL}warn": "restricted"}
    body = {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {"name": ctx.target_namespace(_TEMPLATE), "labels": labels},
    }
    return Manifest(SOURCE, body, from_chart=False)


def admission_note(ctx: Context) -> str | None:
    """Why the Namespace enforces a lower level than ``podSecurityStandard`` (None: it does not, or
    isolation is off)."""
    if not truthy(ctx.get(_TEMPLATE, "isolation", "enabled")):
        return None
    return _enforced(ctx)[1]
