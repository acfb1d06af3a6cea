"""The ``syncer`` section: the vcluster syncer container (the control plane's main container)."""

from __future__ import annotations

from vcvalues.core.model.base import NonNegativeInt, Section
from vcvalues.core.model.security import PodSecurityContext, SecurityContext
from vcvalues.legacy.model.resources import Resources


class Syncer(Section):
    """``syncer``: arguments, resources and replicas of the syncer; security contexts on k8s/eks."""

    extra_args: list[str] | None = None
    """Extra command-line flags of the syncer, e.g. ``--service-account-token-secrets``."""
    replicas: NonNegativeInt | None = None
    """Number of vcluster pods (the StatefulSet's replicas)."""
    resources: Resources | None = None
    """Resources of the syncer container."""
    security_context: SecurityContext | None = None
    """Container security context (k8s/eks; k3s/k0s use the top-level securityContext)."""
    pod_security_context: PodSecurityContext | None = None
    """Pod security context (k8s/eks from 0.15.7; k3s/k0s use the top-level podSecurityContext)."""
