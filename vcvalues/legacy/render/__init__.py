"""Host manifests of the legacy vcluster charts, exactly as ``helm template`` renders them (DESIGN §7).

``values`` is always the effective plain values (chart defaults coalesced with the user's), as
``vcvalues.legacy.compile.compile_values`` returns them. Rendering never reads files and depends only on its
arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vcvalues.core.chart import check_release
from vcvalues.legacy.chart import ChartRef
from vcvalues.legacy.render._context import Context, Manifest
from vcvalues.legacy.render._scalar import RenderError
from vcvalues.legacy.render._yaml import dump_documents, dump_yaml
from vcvalues.legacy.render.limitrange import render_limit_range
from vcvalues.legacy.render.namespace import render_namespace
from vcvalues.legacy.render.networkpolicy import render_network_policies
from vcvalues.legacy.render.quota import render_quota
from vcvalues.legacy.render.side_effects import SideEffects
from vcvalues.legacy.render.side_effects import render_side_effects as _side_effects

__all__ = [
    "Manifest",
    "RenderError",
    "SideEffects",
    "dump_document",
    "dump_manifests",
    "dump_values",
    "render_manifests",
    "render_side_effects",
]

_NOT_FROM_CHART = (
    "not rendered by the chart: the Namespace the vcluster docs recommend (--namespace-manifest)"
)


def render_manifests(
    values: Mapping[str, Any],
    *,
    chart: ChartRef,
    release: str,
    namespace: str,
    namespace_manifest: bool = False,
) -> list[Manifest]:
    """The NetworkPolicies, ResourceQuota and LimitRange the chart renders, in Helm's install order.

    Args:
        values: effective plain values (chart defaults coalesced with the user's values).
        chart: chart distro and version.
        release: Helm release name.
        namespace: Helm release namespace.
        namespace_manifest: also return, first, the Namespace with Pod Security labels (isolation on).

    Returns:
        Namespace (if asked and isolation is on), the two NetworkPolicies, ResourceQuota, LimitRange:
        only those the chart renders for these values.

    Raises:
        RenderError: Helm would fail to render these values, or they render into YAML that does not read
            back as written (for example a ``cidr`` containing ``": "``).
        UsageError: the release name is one Helm refuses.
    """
    check_release(release)
    ctx = Context(values, chart, release, namespace)
    manifests: list[Manifest] = []
    if namespace_manifest:
        namespace_object = render_namespace(ctx)
        if namespace_object is not None:
            manifests.append(namespace_object)
    manifests.extend(render_network_policies(ctx))
    for render in (render_quota, render_limit_range):
        manifest = render(ctx)
        if manifest is not None:
            manifests.append(manifest)
    return manifests


def render_side_effects(
    values: Mapping[str, Any], *, chart: ChartRef, release: str, namespace: str
) -> SideEffects:
    """Syncer enforce argument, CoreDNS forward target and seccomp profile, ClusterRole ``nodes/proxy``.

    Args:
        values: effective plain values.
        chart: chart distro and version.
        release: Helm release name.
        namespace: Helm release namespace.

    Returns:
        The side effects the chart derives from these values.

    Raises:
        RenderError: Helm would fail to render the templates these come from.
        UsageError: the release name is one Helm refuses.
    """
    check_release(release)
    return _side_effects(Context(values, chart, release, namespace))


def dump_manifests(manifests: Sequence[Manifest]) -> str:
    """A multi-document YAML stream: ``---`` and ``# Source: <source>`` before each manifest.

    A manifest of the chart is printed as ``helm template`` prints it (its text); one vcvalues adds
    (the Namespace) is written from its object with a comment saying so.
    """
    return "".join(f"---\n# Source: {m.source}\n{m.text}\n" if m.text else _dump_added(m) for m in manifests)


def _dump_added(manifest: Manifest) -> str:
    return dump_documents(
        (
            [f"Source: {manifest.source}", *(() if manifest.from_chart else (_NOT_FROM_CHART,))],
            manifest.body,
        )
        for manifest in [manifest]
    )


def dump_document(data: Any, *, comments: Sequence[str] = ()) -> str:
    """One document of a stream: ``---``, a ``# comment`` line per comment, then ``data`` as YAML."""
    return dump_documents([(comments, data)])


def dump_values(values: Mapping[str, Any]) -> str:
    """Effective values as YAML that Helm (and ``vcvalues render -f``) reads back to the same values."""
    return dump_yaml(dict(values))
