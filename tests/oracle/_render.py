"""What ``helm template`` prints for the isolation objects, and what vcvalues prints, side by side."""

from __future__ import annotations

import math
import re
from typing import Any

from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.render import dump_manifests, render_manifests

ISOLATION_TEMPLATES = (
    "templates/networkpolicy.yaml",
    "templates/resourcequota.yaml",
    "templates/limitrange.yaml",
)
# helm pkg/release/util/manifest.go SplitManifests
_SEPARATOR = re.compile(r"(?:^|\s*\n)---\s*")


def as_float64(value: Any) -> Any:
    """Values as Helm holds them after a -f file: every number a float64."""
    if isinstance(value, dict):
        return {k: as_float64(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_float64(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def helm_documents(rendered: dict[str, str]) -> list[tuple[str, str]]:
    """(source, document) of the isolation templates, in install order, as helm template prints them."""
    out: list[tuple[str, str]] = []
    for template in ISOLATION_TEMPLATES:
        for path, text in rendered.items():
            if path.split("/", 1)[1] != template:
                continue
            for part in _SEPARATOR.split(text):
                if part.strip():
                    out.append((path, part.strip()))
    return out


def helm_text(rendered: dict[str, str]) -> str:
    """``---`` / ``# Source:`` / document, as ``helm template`` prints them."""
    return "".join(f"---\n# Source: {path}\n{doc}\n" for path, doc in helm_documents(rendered))


def significant(text: str) -> list[str]:
    """The lines that matter: comment lines (not ``# Source:``) and blank lines dropped."""
    return [
        line
        for line in text.split("\n")
        if line.strip() and (not line.lstrip().startswith("#") or line.startswith("# Source: "))
    ]


def vcvalues_render(
    effective: dict[str, Any], release: str, distro: str, name: str, namespace: str
) -> tuple[str, list[dict[str, Any]]]:
    """vcvalues' text and objects for effective values (Helm's own coalesced values)."""
    manifests = render_manifests(
        effective, chart=resolve_chart(release, distro), release=name, namespace=namespace
    )
    return dump_manifests(manifests), [m.body for m in manifests]


def same_object(a: Any, b: Any) -> bool:
    """Equal as JSON: numbers by value (1 == 1.0), NaN never appears."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_object(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_object(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=0, abs_tol=0) or a == b
    return bool(a == b) and type(a) is type(b)
