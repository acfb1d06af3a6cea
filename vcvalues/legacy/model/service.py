"""The ``service`` section: the vcluster's own Service."""

from __future__ import annotations

from typing import Literal

from vcvalues.core.model.base import Section

ServiceType = Literal["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]


class Service(Section):
    """``service``: how the virtual cluster's API server is exposed."""

    type: ServiceType | None = None
    """ClusterIP, NodePort or LoadBalancer (LoadBalancer adds the ``<release>-lb`` service)."""
