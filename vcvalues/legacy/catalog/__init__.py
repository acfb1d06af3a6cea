"""The catalogue of the legacy vcluster charts (k3s, k8s, k0s, eks; 0.15.0 - 0.19.10), stated as data.

Everything here was read from the chart files and syncer sources of loft-sh/vcluster at each release
tag and is written down in our own modules; nothing is read from the chart at run time. Importing this
package is cheap: each name is imported on first use (PEP 562), each distro's data is loaded on first use
and cached per chart.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vcvalues.legacy.catalog.control_plane import ControlPlane, control_plane
    from vcvalues.legacy.catalog.defaults import chart_defaults
    from vcvalues.legacy.catalog.flags import FlagKind, SyncerFlag, syncer_flag_specs, syncer_flags
    from vcvalues.legacy.catalog.keys import KeyKind, KeyTree, key_tree, known_child_keys

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "ControlPlane": "control_plane",
    "control_plane": "control_plane",
    "chart_defaults": "defaults",
    "FlagKind": "flags",
    "SyncerFlag": "flags",
    "syncer_flag_specs": "flags",
    "syncer_flags": "flags",
    "KeyKind": "keys",
    "KeyTree": "keys",
    "key_tree": "keys",
    "known_child_keys": "keys",
}

__all__ = [
    "ControlPlane",
    "FlagKind",
    "KeyKind",
    "KeyTree",
    "SyncerFlag",
    "chart_defaults",
    "control_plane",
    "key_tree",
    "known_child_keys",
    "syncer_flag_specs",
    "syncer_flags",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"vcvalues.legacy.catalog.{module}"), name)
    globals()[name] = value
    return value
