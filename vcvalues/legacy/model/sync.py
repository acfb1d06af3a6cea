"""The ``sync`` section: which resources the syncer copies between virtual and host cluster."""

from __future__ import annotations

from vcvalues.core.model.base import Section


class SyncToggle(Section):
    """A syncer that is switched on or off, e.g. ``sync.networkpolicies``."""

    enabled: bool | None = None
    """Run this syncer."""


class SyncNodes(Section):
    """``sync.nodes``: sync real nodes into the virtual cluster."""

    enabled: bool | None = None
    """Sync real nodes (instead of fake nodes)."""
    node_selector: str | None = None
    """Label selector ``k=v[,k=v]`` limiting the synced nodes."""


class Sync(Section):
    """``sync``: the resource syncers."""

    networkpolicies: SyncToggle | None = None
    """Sync NetworkPolicies from the virtual cluster to the host."""
    nodes: SyncNodes | None = None
    """Sync real nodes."""
