"""Will my workloads run here? Admission of workloads against an isolated vCluster's host namespace.

:func:`simulate_admission` runs, for every workload in YAML files, what the syncer and the host API server
do to its pods (Pod Security at the syncer, the LimitRanger, the namespace's Pod Security level, the
ResourceQuota constraints and fit), on top of what the vCluster's own control plane already uses. The input
is a dialect-neutral :class:`HostPolicy`; :func:`legacy_host` builds it from legacy (0.15-0.19) values.
"""

from __future__ import annotations

from vcvalues.admission.host import (
    ClaimShape,
    Consumer,
    ContainerShape,
    HostPolicy,
    LimitRange,
    LimitRangeItem,
    PodShape,
    Quota,
    ScopeRequirement,
    ServiceShape,
    stored_item,
)
from vcvalues.admission.ledger import CapacityRow
from vcvalues.admission.legacy import legacy_host
from vcvalues.admission.run import AdmissionReport, simulate_admission
from vcvalues.admission.verdicts import Refusal, Verdict

__all__ = [
    "AdmissionReport",
    "CapacityRow",
    "ClaimShape",
    "Consumer",
    "ContainerShape",
    "HostPolicy",
    "LimitRange",
    "LimitRangeItem",
    "PodShape",
    "Quota",
    "Refusal",
    "ScopeRequirement",
    "ServiceShape",
    "Verdict",
    "legacy_host",
    "simulate_admission",
    "stored_item",
]
