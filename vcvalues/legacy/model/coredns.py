"""The ``coredns`` section: the virtual cluster's DNS, synced into the host namespace."""

from __future__ import annotations

from vcvalues.core.model.base import NonNegativeInt, Section
from vcvalues.legacy.model.resources import Resources


class CoreDNS(Section):
    """``coredns``: replicas and resources of CoreDNS, and its fallback DNS server in isolated mode."""

    fallback: str | None = None
    """DNS server CoreDNS forwards to when isolation and the network policy are on (from 0.19.0)."""
    replicas: NonNegativeInt | None = None
    """Number of CoreDNS pods."""
    resources: Resources | None = None
    """Resources of the CoreDNS container."""
