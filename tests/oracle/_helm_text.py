"""Helm's side of the modern render comparison: ``helm template`` text and objects of the policy templates."""

from __future__ import annotations

import re
from typing import Any

TEMPLATES = ("networkpolicy.yaml", "resourcequota.yaml", "limitrange.yaml")
# Helm's InstallOrder for the kinds these templates render (pkg/release/util/kind_sorter.go).
INSTALL_ORDER = ("Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange")
_SEPARATOR = re.compile(r"(?:^|\s*\n)---\s*")  # releaseutil.SplitManifests
_KIND = re.compile(r"^kind:\s*(\S+)", re.MULTILINE)


def helm_documents(rendered: dict[str, str]) -> list[tuple[str, str]]:
    """(source, document text) of the three policy templates, split and sorted as ``helm template`` does."""
    documents: list[tuple[str, str]] = []
    for source in sorted(rendered):
        if source.split("/templates/", 1)[-1] not in TEMPLATES:
            continue
        for part in _SEPARATOR.split(rendered[source]):
            if part.strip():
                documents.append((source, part.strip()))

    def rank(document: tuple[str, str]) -> int:
        match = _KIND.search(document[1])
        return INSTALL_ORDER.index(match.group(1)) if match else len(INSTALL_ORDER)

    return sorted(documents, key=rank)


def data_lines(text: str) -> list[str]:
    """The lines of a document without comment lines and blank lines."""
    return [line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]


def helm_text(rendered: dict[str, str]) -> str:
    """``helm template`` output of the policy templates without the templates' comments and blank lines."""
    parts: list[str] = []
    for source, document in helm_documents(rendered):
        parts += ["---", f"# Source: {source}", *data_lines(document)]
    return "".join(line + "\n" for line in parts)


def helm_objects(helm: Any, rendered: dict[str, str]) -> list[tuple[str, Any]]:
    """(source, object) as Helm's own YAML reader (sigs.k8s.io/yaml) reads each document."""
    return [(source, helm.values_from_yaml(document)) for source, document in helm_documents(rendered)]
