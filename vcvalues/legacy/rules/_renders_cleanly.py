"""Values the isolation templates are known to render into readable YAML, decided without rendering.

The Helm-failure rules ask whether ``render_manifests`` fails. Rendering the four objects and reading
them back costs about a sixth of a lint and imports the render package, so values of the usual shape
are decided here: every map the templates read through is a map, every value written unquoted (the
target namespace, ``cidr``, ``except`` entries, the keys of ``quota``, ``default`` and
``defaultRequest``) is a plain word YAML reads back as that string, quoted values and annotations are
printable ASCII, and the ``toYaml`` blocks of ``scopeSelector.matchExpressions`` and ``scopes`` are
empty. ``True`` means the render cannot fail; ``False`` only means "render to find out".
``tests/unit/legacy/rules/test_helm_failures_render.py`` checks the first on generated hostile values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from vcvalues.core.yaml11 import resolve_plain

__all__ = ["ANNOTATION_SOURCES", "isolation_off", "renders_cleanly"]

_NO_VALUE = "<no value>"  # Helm blanks it over the whole output: text containing it is not decided here
# A word written unquoted that YAML reads back as the same string.
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,200}")
# The maps the chart merges into globalAnnotations before an isolation template prints it (the paths of
# vcvalues.legacy.render._annotation_merges.MERGES; a unit test keeps the two equal).
ANNOTATION_SOURCES = (
    ("syncer", "serviceAnnotations"),
    ("service", "loadBalancerAnnotations"),
    ("syncer", "annotations"),
    ("workloadServiceAccount", "annotations"),
    ("scheduler", "annotations"),
)


def _truthy(value: object) -> bool:
    """Go template truth, as ``vcvalues.legacy.render._gotmpl.truthy`` (without importing render)."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float, str, list, tuple, Mapping)):
        return bool(value)
    return True


def _word(value: object) -> bool:
    return (
        isinstance(value, str)
        and _WORD.fullmatch(value) is not None
        and isinstance(resolve_plain(value), str)
    )


def _text(value: object) -> bool:
    """A string that quoting or toYaml writes as one readable scalar."""
    return isinstance(value, str) and value.isascii() and value.isprintable() and _NO_VALUE not in value


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (bool, int, float)) or _text(value)


def _word_map(value: object) -> bool:
    """Nil, or a map of plain word keys to scalars (``{{ $key }}: {{ $val | quote }}`` lines)."""
    if value is None:
        return True
    return isinstance(value, dict) and all(_word(k) and _scalar(v) for k, v in value.items())


def _annotations(values: Mapping[str, Any]) -> bool:
    """globalAnnotations and every map merged into it: word keys, printable ASCII strings."""
    sources: list[object] = [values.get("globalAnnotations")]
    for parent, child in ANNOTATION_SOURCES:
        node = values.get(parent)
        sources.append(node.get(child) if isinstance(node, Mapping) else None)
    return all(
        source is None or (isinstance(source, dict) and all(_word(k) and _text(v) for k, v in source.items()))
        for source in sources
    )


def _network_policy(policy: Mapping[str, Any]) -> bool:
    outgoing = policy.get("outgoingConnections")
    block = outgoing.get("ipBlock") if isinstance(outgoing, Mapping) else None
    if not isinstance(block, Mapping):
        return False
    excepted = block.get("except")
    return _word(block.get("cidr")) and (
        excepted is None or (isinstance(excepted, list) and all(map(_word, excepted)))
    )


def _quota(quota: Mapping[str, Any]) -> bool:
    selector = quota.get("scopeSelector")
    return (
        _word_map(quota.get("quota"))
        and isinstance(selector, Mapping)
        and not _truthy(selector.get("matchExpressions"))
        and not _truthy(quota.get("scopes"))
    )


def _limit_range(limits: Mapping[str, Any]) -> bool:
    return _word_map(limits.get("default")) and _word_map(limits.get("defaultRequest"))


def isolation_off(values: Mapping[str, Any]) -> bool:
    """``isolation.enabled`` is false for Go templates: each isolation template then renders nothing
    (``and .Values.isolation.enabled ...`` stops there), so none can fail and nothing needs rendering."""
    isolation = values.get("isolation")
    return isinstance(isolation, Mapping) and not _truthy(isolation.get("enabled"))


_TEMPLATES = (("networkPolicy", _network_policy), ("resourceQuota", _quota), ("limitRange", _limit_range))


def renders_cleanly(values: Mapping[str, Any], namespace: str) -> bool:
    """The isolation objects of ``values`` render for release namespace ``namespace`` without an error.

    Args:
        values: effective values with ``isolation`` a map.
        namespace: the release namespace (the target namespace when ``isolation.namespace`` is empty).
    """
    isolation = values.get("isolation")
    if not isinstance(isolation, Mapping):
        return False
    chosen = isolation.get("namespace")  # the target namespace; the control-plane policy keeps the release's
    if not _word(namespace) or (_truthy(chosen) and not _word(chosen)) or not _annotations(values):
        return False
    for key, readable in _TEMPLATES:
        template = isolation.get(key)
        if not isinstance(template, Mapping):
            return False  # nil pointer, or a field of a non-map: render words the error
        if _truthy(template.get("enabled")) and not readable(template):
            return False
    return True
