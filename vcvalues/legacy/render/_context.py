"""The manifest value type and what every template of one render shares: values, chart, release."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.legacy.chart import ChartRef, ChartVersion, Distro
from vcvalues.legacy.render._annotation_merges import annotations_seen_by
from vcvalues.legacy.render._gotmpl import field, printed, truthy
from vcvalues.legacy.render._scalar import plain_value
from vcvalues.legacy.render._text import NO_VALUE, indent, parse_document, shown, to_yaml

__all__ = ["CHART_NAMES", "Context", "Manifest"]

# Chart.yaml `name` of charts/<distro> at every legacy tag: `helm template` prints
# "# Source: <name>/templates/<file>".
CHART_NAMES: dict[Distro, str] = {
    Distro.K3S: "vcluster",
    Distro.K8S: "vcluster-k8s",
    Distro.K0S: "vcluster-k0s",
    Distro.EKS: "vcluster-eks",
}


@record
class Manifest:
    """One rendered Kubernetes object.

    Attributes:
        source: where it comes from, as ``helm template`` prints it after ``# Source:``
            (``vcluster/templates/resourcequota.yaml``), or ``vcvalues/...`` for an object the chart
            does not render.
        body: the object as plain data, keys in the template's order.
        from_chart: False for the optional objects vcvalues adds (the Namespace).
        text: the document as ``helm template`` prints it (without the template's comment and blank
            lines), ``""`` for an object the chart does not render.
    """

    source: str
    body: dict[str, Any]
    from_chart: bool = True
    text: str = ""

    @property
    def kind(self) -> str:
        """``kind`` of the object."""
        return str(self.body.get("kind", ""))

    @property
    def name(self) -> object:
        """``metadata.name`` (as Kubernetes reads it)."""
        return self.body.get("metadata", {}).get("name")

    @property
    def namespace(self) -> object:
        """``metadata.namespace``, None for cluster-scoped objects."""
        return self.body.get("metadata", {}).get("namespace")


class Context:
    """One render: effective values, chart, release name and release namespace (read-only by use)."""

    __slots__ = ("_annotation_texts", "chart", "namespace", "release", "values")

    def __init__(self, values: Mapping[str, Any], chart: ChartRef, release: str, namespace: str) -> None:
        self.values = values
        self.chart = chart
        self.release = release
        self.namespace = namespace
        # toYaml of the annotations each template saw: equal maps (the usual case) are written once
        self._annotation_texts: list[tuple[object, str]] = []

    def source(self, template: str) -> str:
        """``<chart name>/templates/<template>``."""
        return f"{CHART_NAMES[self.chart.distro]}/templates/{template}"

    def since(self, version: str) -> bool:
        """The chart version is ``version`` or later."""
        return self.chart.version >= ChartVersion.parse(version)

    def get(self, template: str, *path: str) -> Any:
        """``.Values.<path>`` as the template reads it (RenderError where Helm fails)."""
        return field(self.values, path, template=self.source(template))

    def both(self, template: str, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
        """``and .Values.<first> .Values.<second>``: the second is only read when the first is true."""
        return truthy(self.get(template, *first)) and truthy(self.get(template, *second))

    def plain(self, template: str, text: str) -> object:
        """The value Kubernetes reads where the template writes ``text`` unquoted."""
        return plain_value(text, where=self.source(template))

    def target_namespace(self, template: str) -> object:
        """``{{ .Values.isolation.namespace | default .Release.Namespace }}``."""
        chosen = self.get(template, "isolation", "namespace")
        return self.plain(template, printed(chosen) if truthy(chosen) else self.namespace)

    def namespace_text(self, template: str) -> str:
        """``{{ .Values.isolation.namespace | default .Release.Namespace }}`` as text."""
        chosen = self.get(template, "isolation", "namespace")
        return shown(chosen) if truthy(chosen) else self.namespace

    def metadata_lines(self, template: str, name: str, namespace: str, *, annotated: bool) -> list[str]:
        """``metadata:`` with ``name`` (a whole line, as the template spaces it), ``namespace`` and, when
        ``annotated`` and set, ``annotations:`` then ``toYaml .Values.globalAnnotations | indent 4``."""
        lines = ["metadata:", name, f"  namespace: {namespace}"]
        if annotated:
            annotations = annotations_seen_by(
                template, self.values, self.chart.distro.value, self.chart.version.triple
            )
            if truthy(annotations):
                lines += ["  annotations:", indent(self._to_yaml(annotations), 4)]
        return lines

    def _to_yaml(self, annotations: object) -> str:
        """``toYaml`` of ``annotations``, once per distinct map in this render."""
        for seen, text in self._annotation_texts:
            if _same(seen, annotations):
                return text
        text = to_yaml(annotations)
        self._annotation_texts.append((annotations, text))
        return text

    def manifests(self, template: str, documents: list[list[str]]) -> list[Manifest]:
        """The rendered documents of one template: ``<no value>`` blanked over the whole output (as
        Helm does), each document read back as Kubernetes reads it."""
        where = self.source(template)
        text = "\n---\n".join("\n".join(lines) for lines in documents).replace(NO_VALUE, "")
        return [
            Manifest(where, parse_document(document, where=where), text=document.strip())
            for document in text.split("\n---\n")
        ]


def _same(a: object, b: object) -> bool:
    """Equal with the same types and key order throughout (``==`` takes True for 1 and 1 for 1.0);
    False for containers other than dict, list and tuple (no sharing, no risk)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return len(a) == len(b) and all(_same(x, y) and _same(a[x], b[y]) for x, y in zip(a, b, strict=True))
    if isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple))
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a is None or (isinstance(a, (str, int, float)) and a == b)
