"""Helpers for catalogue tests: Helm-like YAML reading of reference files and exact comparison."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from vcvalues.legacy.chart import LEGACY_RELEASES, ChartRef, ChartVersion, Distro

ALL_REFS = [ChartRef(distro, ChartVersion(*triple)) for distro in Distro for triple in LEGACY_RELEASES]


def read_values(path: Path) -> Any:
    """A values file read with YAML 1.1 resolution (what go-yaml v2 does for these files)."""
    yaml = YAML(typ="safe", pure=False)
    yaml.version = (1, 1)
    return yaml.load(path.read_text(encoding="utf-8"))


def differences(left: Any, right: Any, path: tuple[Any, ...] = ()) -> list[str]:
    """Where two plain trees differ in value, type (int vs float vs bool) or key order."""
    if type(left) is not type(right):
        return [f"{path}: {type(left).__name__} {left!r} != {type(right).__name__} {right!r}"]
    if isinstance(left, dict):
        if list(left) != list(right):
            return [f"{path}: keys {list(left)} != {list(right)}"]
        return [diff for key in left for diff in differences(left[key], right[key], (*path, key))]
    if isinstance(left, list):
        if len(left) != len(right):
            return [f"{path}: {left!r} != {right!r}"]
        pairs = enumerate(zip(left, right, strict=True))
        return [diff for i, (a, b) in pairs for diff in differences(a, b, (*path, i))]
    return [] if left == right else [f"{path}: {left!r} != {right!r}"]


def ref(distro: str, version: str) -> ChartRef:
    """Shorthand: ``ref("k3s", "0.19.10")``."""
    return ChartRef(Distro(distro), ChartVersion.parse(version))
