"""The typed model of legacy vcluster values (DESIGN §6): pydantic v2, one module per section.

Never imported on the ``lint`` path (pydantic costs ~140 ms there); ``lint`` validates with the schema
exported from this model (:mod:`vcvalues.legacy.validate`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import ValidationError

from vcvalues.core.model.security import (
    AppArmorProfile,
    Capabilities,
    PodSecurityContext,
    SeccompProfile,
    SecurityContext,
    SELinuxOptions,
    Sysctl,
    WindowsOptions,
)
from vcvalues.legacy.catalog.defaults import built_defaults
from vcvalues.legacy.catalog.keys import key_tree
from vcvalues.legacy.chart import ChartRef
from vcvalues.legacy.model._build import fit_section
from vcvalues.legacy.model._issues import issues_from_error
from vcvalues.legacy.model.coredns import CoreDNS
from vcvalues.legacy.model.isolation import (
    IpBlock,
    Isolation,
    LimitRange,
    NetworkPolicy,
    NodeProxyPermission,
    OutgoingConnections,
    PodSecurityLevel,
    ResourceQuota,
    ScopeRequirement,
    ScopeSelector,
)
from vcvalues.legacy.model.resources import Component, ResourceClaim, Resources
from vcvalues.legacy.model.root import Values
from vcvalues.legacy.model.service import Service
from vcvalues.legacy.model.sync import Sync, SyncNodes, SyncToggle
from vcvalues.legacy.model.syncer import Syncer
from vcvalues.legacy.validate import ROOT_KEYS, InvalidValuesError, SchemaIssue

__all__ = [
    "AppArmorProfile",
    "Capabilities",
    "Component",
    "CoreDNS",
    "InvalidValuesError",
    "IpBlock",
    "Isolation",
    "LimitRange",
    "NetworkPolicy",
    "NodeProxyPermission",
    "OutgoingConnections",
    "PodSecurityContext",
    "PodSecurityLevel",
    "ResourceClaim",
    "ResourceQuota",
    "Resources",
    "SELinuxOptions",
    "SchemaIssue",
    "ScopeRequirement",
    "ScopeSelector",
    "SeccompProfile",
    "SecurityContext",
    "Service",
    "Sync",
    "SyncNodes",
    "SyncToggle",
    "Syncer",
    "Sysctl",
    "Values",
    "WindowsOptions",
    "build_model",
    "check_model",
    "model_for",
]


@cache
def model_for(ref: ChartRef) -> type[Values]:
    """The values model of one chart: its typed keys, and every other key it knows (untyped).

    Args:
        ref: the chart (distro and version).

    Returns:
        A subclass of :class:`Values`, built once per chart.

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    fitted = fit_section(Values, key_tree(ref), built_defaults(ref), always=ROOT_KEYS)
    assert issubclass(fitted, Values)
    return fitted


def check_model(values: Mapping[str, Any], ref: ChartRef) -> tuple[Values | None, list[SchemaIssue]]:
    """Validate values with the typed model.

    Args:
        values: plain effective values (chart defaults, files and ``--set`` coalesced).
        ref: the chart.

    Returns:
        ``(model, [])`` when the values fit, else ``(None, issues)``.
    """
    model = model_for(ref)
    try:
        return model.model_validate(dict(values)), []
    except ValidationError as error:
        return None, issues_from_error(error, model)


def build_model(values: Mapping[str, Any], ref: ChartRef) -> Values:
    """The typed values of chart ``ref``.

    Args:
        values: plain effective values (chart defaults, files and ``--set`` coalesced).
        ref: the chart.

    Returns:
        The validated, frozen model; unmodelled keys keep the value given.

    Raises:
        InvalidValuesError: the values do not fit (``.issues`` lists every problem).
    """
    model, issues = check_model(values, ref)
    if model is None:
        raise InvalidValuesError(issues)
    return model
