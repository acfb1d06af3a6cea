"""Host objects of the vcluster 0.20.0-0.36.1 charts, exactly as ``helm template`` renders them.

The render wing of the modern dialect. It takes plain data and returns plain data, so it does not depend
on the modern catalogue or model:

- :func:`render_manifests` ``(values, *, release, namespace, chart_version, namespace_manifest=False)``
  returns the NetworkPolicies, ResourceQuota and LimitRange the chart renders, in Helm's install order,
  as :class:`~vcvalues.legacy.render.Manifest` objects whose ``body`` is what Kubernetes reads.
- :func:`render_text` (same arguments) returns the text ``helm template`` prints for them, without the
  template's comment lines and blank lines: ``---`` and ``# Source: vcluster/templates/<file>`` before
  each document, then its lines exactly as Helm writes them (quoting, key order, folding).

``values`` are the **effective** values: the user's values already coalesced onto the chart defaults of
``chart_version`` (what ``helm_python.Chart.merge_values`` returns). A Python ``int`` stands for a float64
from a values file and a :class:`~vcvalues.core.gofmt.GoInt64` for an integer from ``--set``.

Where Helm fails at template time (a ``null`` parent map, MODERN §2.7) both raise
:class:`~vcvalues.errors.RenderError` with Helm's reason. Profiles (MODERN §0): 0.20 (auto duo,
targetNamespace, egress-only policies), 0.21 (LimitRange min/max), 0.22.0-0.22.1 (DNS selector bug),
0.25 (extra rules), 0.29 (no targetNamespace, chart label helper), 0.31 (policy rework), 0.33.0 (quoted
release in selectors), 0.33.2 (8443 ingress, private nodes).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from vcvalues.core.chart import check_release
from vcvalues.core.load import load_yaml
from vcvalues.errors import RenderError
from vcvalues.modern.render import limitrange, namespace, netpol, netpol_egress, quota
from vcvalues.modern.render._context import Context, parse_version

if TYPE_CHECKING:
    from vcvalues.legacy.render import Manifest

__all__ = ["Manifest", "RenderError", "render_bodies", "render_manifests", "render_text"]

_NOT_FROM_CHART = (
    "not rendered by the chart: the Namespace the vcluster docs recommend (--namespace-manifest)"
)
# (source, lines, from_chart), in Helm's install order: Namespace, NetworkPolicy, ResourceQuota, LimitRange.
_Document = tuple[str, list[str], bool]


def __getattr__(name: str) -> Any:
    """``Manifest`` (the legacy render's class, which both dialects return), imported on first use."""
    if name == "Manifest":
        from vcvalues.legacy.render import Manifest

        return Manifest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _documents(
    values: Mapping[str, Any], release: str, namespace_name: str, chart_version: str, with_namespace: bool
) -> list[_Document]:
    check_release(release)
    parse_version(chart_version)  # refuse an unknown chart version before anything renders
    ctx = Context(values, release, namespace_name, chart_version)
    documents: list[_Document] = []
    # Helm renders every template before it sorts, so a failure in any of them fails the whole render.
    rework = ctx.since("0.31.0")
    rendered_policies = netpol.render_policies(ctx) if rework else netpol_egress.render_egress_policies(ctx)
    rendered_quota = quota.render_quota(ctx)
    rendered_limits = limitrange.render_limit_range(ctx)
    if with_namespace:
        lines = namespace.render_namespace(ctx)
        if lines is not None:
            documents.append((namespace.SOURCE, lines, False))
    documents += [(ctx.source(netpol.TEMPLATE), lines, True) for lines in rendered_policies]
    if rendered_quota is not None:
        documents.append((ctx.source(quota.TEMPLATE), rendered_quota, True))
    if rendered_limits is not None:
        documents.append((ctx.source(limitrange.TEMPLATE), rendered_limits, True))
    return [(source, _trim_space(lines), from_chart) for source, lines, from_chart in documents]


def _go_space(char: str) -> bool:
    """Go's unicode.IsSpace."""
    return char in "\t\n\v\f\r \x85\xa0" or unicodedata.category(char) in ("Zs", "Zl", "Zp")


def _trim_space(lines: list[str]) -> list[str]:
    """releaseutil.SplitManifests trims each document (strings.TrimSpace), also a value's trailing NBSP."""
    text = "\n".join(lines)
    start, end = 0, len(text)
    while start < end and _go_space(text[start]):
        start += 1
    while end > start and _go_space(text[end - 1]):
        end -= 1
    return text[start:end].split("\n")


def render_manifests(
    values: Mapping[str, Any],
    *,
    release: str,
    namespace: str,
    chart_version: str,
    namespace_manifest: bool = False,
) -> list[Manifest]:
    """The NetworkPolicies, ResourceQuota and LimitRange the chart renders, in Helm's install order.

    Args:
        values: effective plain values (chart defaults coalesced with the user's values).
        release: Helm release name.
        namespace: Helm release namespace.
        chart_version: the chart release, ``0.20.0`` ... ``0.36.1``.
        namespace_manifest: also return, first, the Namespace with Pod Security labels (when
            ``policies.podSecurityStandard`` is set); its ``from_chart`` is False.

    Returns:
        The objects, each with the body Kubernetes reads from Helm's text.

    Raises:
        RenderError: Helm fails to render these values (its reason in the message), or the text does not
            read back as YAML.
        UsageError: the release name is one Helm refuses.
        UnsupportedChartVersionError: ``chart_version`` is not 0.20.0-0.36.1.
    """
    from vcvalues.legacy.render import Manifest  # the public class both dialects return

    return [
        Manifest(source, body, from_chart)
        for source, body, from_chart in render_bodies(
            values,
            release=release,
            namespace=namespace,
            chart_version=chart_version,
            namespace_manifest=namespace_manifest,
        )
    ]


def render_bodies(
    values: Mapping[str, Any],
    *,
    release: str,
    namespace: str,
    chart_version: str,
    namespace_manifest: bool = False,
) -> list[tuple[str, dict[str, Any], bool]]:
    """:func:`render_manifests` as ``(source, body, from_chart)`` triples, for the rules: it does not
    import the legacy render package, which holds the public ``Manifest`` class.

    Args and Raises as :func:`render_manifests`.
    """
    bodies = []
    for source, lines, from_chart in _documents(
        values, release, namespace, chart_version, namespace_manifest
    ):
        loaded = load_yaml("\n".join(lines) + "\n", file=source)
        if loaded.data is None or any(d.rule_id == "syntax" for d in loaded.diagnostics):
            reasons = "; ".join(d.message for d in loaded.diagnostics)
            raise RenderError(f"{source}: the rendered manifest is not valid YAML: {reasons}")
        bodies.append((source, loaded.data, from_chart))
    return bodies


def render_text(
    values: Mapping[str, Any],
    *,
    release: str,
    namespace: str,
    chart_version: str,
    namespace_manifest: bool = False,
) -> str:
    """What ``helm template`` prints for these objects, without the template's comments and blank lines.

    Args and Raises as :func:`render_manifests` (the text is not read back, so unreadable YAML passes).

    Returns:
        ``---``, ``# Source: <source>`` (and a note for the Namespace), then the document's lines, for
        each document; empty when nothing renders.
    """
    parts: list[str] = []
    for source, lines, from_chart in _documents(
        values, release, namespace, chart_version, namespace_manifest
    ):
        parts += ["---", f"# Source: {source}"]
        if not from_chart:
            parts.append(f"# {_NOT_FROM_CHART}")
        # the blank lines a template leaves, also inside a value it prints raw ("cidr: a\n\nb")
        parts += [line for line in "\n".join(lines).split("\n") if line.strip()]
    return "".join(line + "\n" for line in parts)
