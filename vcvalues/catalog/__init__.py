"""The catalogue of the legacy vcluster charts (k3s, k8s, k0s, eks; 0.15.0 - 0.19.10), stated as data.

Everything here was read from the chart files and syncer sources of loft-sh/vcluster at each release
tag and is written down in our own modules; nothing is read from the chart at run time. Importing this
package is cheap: each distro's data is loaded on first use and cached per chart.
"""

from __future__ import annotations

from vcvalues.catalog.defaults import chart_defaults
from vcvalues.catalog.flags import FlagKind, SyncerFlag, syncer_flag_specs, syncer_flags
from vcvalues.catalog.keys import KeyKind, KeyTree, key_tree, known_child_keys

__all__ = [
    "FlagKind",
    "KeyKind",
    "KeyTree",
    "SyncerFlag",
    "chart_defaults",
    "key_tree",
    "known_child_keys",
    "syncer_flag_specs",
    "syncer_flags",
]
