"""Effective values of a 0.20+ release without Helm: the release's values.yaml with user values coalesced."""

from __future__ import annotations

import functools
from typing import Any

from tests.conftest import shared_path
from vcvalues.core.coalesce import coalesce
from vcvalues.core.load import load_yaml
from vcvalues.modern.render import Manifest, render_manifests

RELEASE = "my-release"
NAMESPACE = "my-namespace"


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def releases(first: str = "0.20.0", last: str = "0.36.1") -> list[str]:
    """Every 0.20+ release under ../shared from ``first`` to ``last`` (a skip without ../shared)."""
    root = shared_path("reference", "vcluster", "charts")
    found = [p.name for p in root.iterdir() if (p / "chart").is_dir()]
    return sorted((v for v in found if _key(first) <= _key(v) <= _key(last)), key=_key)


@functools.cache
def chart_defaults(version: str) -> dict[str, Any]:
    """The release's chart/values.yaml as Helm reads it."""
    path = shared_path("reference", "vcluster", "charts", version, "chart", "values.yaml")
    loaded = load_yaml(path.read_text(), file=str(path))
    assert loaded.data is not None
    return loaded.data


def render(version: str, user: dict[str, Any] | None = None, **kwargs: Any) -> list[Manifest]:
    """The policy objects of ``version`` for ``user`` values, release my-release in my-namespace."""
    values = coalesce(user or {}, chart_defaults(version))
    options = {"release": RELEASE, "namespace": NAMESPACE, **kwargs}
    return render_manifests(values, chart_version=version, **options)


def of_kind(manifests: list[Manifest], kind: str) -> list[Manifest]:
    """The manifests of one kind (helm-unittest's ``templates:`` selects one template)."""
    return [m for m in manifests if m.kind == kind]


def named(manifests: list[Manifest], name: str) -> dict[str, Any]:
    """helm-unittest's ``documentSelector: {path: metadata.name, value: name}``."""
    (found,) = [m.body for m in manifests if m.name == name]
    return found
