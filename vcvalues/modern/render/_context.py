"""What every template of one render shares: values, release, namespace, chart version and its profile.

Templates are written here as the lines ``helm template`` prints for them, without the template's
comment lines and blank lines (they carry no data). ``Context`` holds the Go template and sprig semantics
the three policy templates use (``.Values`` field access, ``toString``, ``quote``, ``merge``, ``toYaml``,
``indent``) and the metadata blocks, which differ by profile (MODERN §0, §2.2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.gofmt import format_value, go_type, quote
from vcvalues.core.gotmpl import printed, range_items, truthy
from vcvalues.errors import RenderError, UnsupportedChartVersionError
from vcvalues.modern.render._goyaml import to_yaml

__all__ = ["CHART_NAME", "Context", "merge", "parse_version"]

CHART_NAME = "vcluster"  # Chart.yaml `name` at every tag 0.20.0-0.36.1
_FIRST = (0, 20, 0)
_LAST = (0, 36, 1)
_LABEL_MAX = 63
_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def parse_version(text: str) -> tuple[int, int, int]:
    """``0.36.1`` -> (0, 36, 1); UnsupportedChartVersionError outside 0.20.0-0.36.1."""
    match = _VERSION.fullmatch(text.removeprefix("v"))
    if not match:
        raise UnsupportedChartVersionError(f"chart version {text!r} is not MAJOR.MINOR.PATCH")
    version = (int(match[1]), int(match[2]), int(match[3]))
    if not _FIRST <= version <= _LAST:
        raise UnsupportedChartVersionError(
            f"chart version {text} is not a 0.20+ release this renderer knows (0.20.0-0.36.1)"
        )
    return version


def _empty(value: object) -> bool:
    """mergo's isEmptyValue (dereferencing interfaces): nil, "", 0, false, empty map or list."""
    return not truthy(value)


def merge(*maps: object) -> dict[str, Any]:
    """sprig ``merge dict A B ...``: mergo without override, so the first map that sets a key wins.

    A nil value never lands; a key whose value is empty ("" , 0, false, {}, nil) is filled from a later
    map; maps under the same key merge recursively.
    """
    out: dict[str, Any] = {}
    for source in maps:
        if isinstance(source, Mapping):
            _merge_into(out, source)
    return out


def _merge_into(dst: dict[str, Any], src: Mapping[str, Any]) -> None:
    for key, value in src.items():
        if value is None:
            continue
        current = dst.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            merged = dict(current)
            _merge_into(merged, value)
            dst[key] = merged
            continue
        if key not in dst or _empty(current):
            dst[key] = value


@record
class Context:
    """One render: effective values, release name and namespace, chart version."""

    values: Mapping[str, Any]
    release: str
    namespace: str
    chart_version: str

    @property
    def version(self) -> tuple[int, int, int]:
        """The chart version as numbers."""
        return parse_version(self.chart_version)

    def since(self, text: str) -> bool:
        """The chart version is ``text`` or later."""
        return self.version >= parse_version(text)

    @staticmethod
    def source(template: str) -> str:
        """``vcluster/templates/<template>``, as ``helm template`` prints it after ``# Source:``."""
        return f"{CHART_NAME}/templates/{template}"

    def get(self, template: str, *path: str) -> Any:
        """``.Values.<path>`` as the template reads it (RenderError where Helm fails)."""
        current: Any = self.values
        for name in path:
            if isinstance(current, Mapping):
                current = current.get(name)
                continue
            # text/template names the whole field chain, and the field it could not take
            if current is None:
                reason = f"nil pointer evaluating interface {{}}.{name}"
            else:
                reason = f"can't evaluate field {name} in type {go_type(current)}"
            chain = ".Values." + ".".join(path)
            raise RenderError(f"{self.source(template)}: executing at <{chain}>: {reason}")
        return current

    def string(self, template: str, *path: str) -> str:
        """``toString .Values.<path>`` (sprig strval: nil prints ``<nil>``)."""
        return format_value(self.get(template, *path))

    @property
    def chart_label(self) -> str:
        """``{{ .Chart.Name }}-{{ .Chart.Version }}``, or from 0.29.0 ``vcluster.version.label``."""
        raw = f"{CHART_NAME}-{self.chart_version}"
        if not self.since("0.29.0"):
            return raw
        return raw.replace("+", "_").replace("@", "_")[:_LABEL_MAX]

    def release_selector(self) -> str:
        """``{{ .Release.Name }}`` in a selector: quoted from 0.33.0 (commit e7b04ea80)."""
        return quote(self.release) if self.since("0.33.0") else self.release

    def target_namespace(self, template: str) -> str:
        """0.20-0.28: ``experimental.syncSettings.targetNamespace`` when set, else the release namespace."""
        if self.since("0.29.0"):
            return self.namespace
        chosen = self.get(template, "experimental", "syncSettings", "targetNamespace")
        return printed(chosen) if truthy(chosen) else self.namespace

    def annotations(self, template: str, policy: str) -> dict[str, Any]:
        """``merge dict globalMetadata.annotations policies.<policy>.annotations`` (global wins)."""
        global_ = self.get(template, "controlPlane", "advanced", "globalMetadata", "annotations")
        return merge(global_, self.get(template, "policies", policy, "annotations"))

    def quoted_metadata(self, template: str, policy: str, name: str, namespace: str) -> list[str]:
        """The RQ/LR (all tags) and NP (0.20-0.30) metadata: quoted chart labels, user labels appended."""
        lines = [
            "metadata:",
            f"  name: {name}",
            f"  namespace: {namespace}",
            "  labels:",
            "    app: vcluster",
            f'    chart: "{self.chart_label}"',
            f'    release: "{self.release}"',
            '    heritage: "Helm"',
        ]
        labels = self.get(template, "policies", policy, "labels")
        if truthy(labels):
            lines.extend(indent(to_yaml(labels), 4))
        annotations = self.annotations(template, policy)
        if annotations:
            lines.append("  annotations:")
            lines.extend(indent(to_yaml(annotations), 4))
        return lines


def indent(text: str, spaces: int) -> list[str]:
    """sprig ``indent``: every line of ``text`` prefixed, returned as lines."""
    pad = " " * spaces
    return [pad + line for line in text.split("\n")]


def quoted_entries(value: object, spaces: int, *, template: str, expression: str) -> list[str]:
    """``range $key, $val := value`` writing ``{{ $key }}: {{ $val | quote }}`` lines."""
    pad = " " * spaces
    items = range_items(value, template=template, expression=expression)
    return [f"{pad}{key}: {quote(val)}" for key, val in items]
