"""The typed model of 0.20+ values (pydantic; never imported on the lint path).

Sections: ``policies`` (strict and closed), the isolation-relevant parts of ``controlPlane``, the
``sync.toHost``/``sync.fromHost`` switches that change isolation, ``privateNodes``, ``exportKubeConfig``
and ``rbac`` (typed keys, the rest kept as given). Which keys exist in a given release is the release
schema's job; the model covers the union of 0.20.0 - 0.36.1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from vcvalues.core.schema_issues import InvalidValuesError, SchemaIssue
from vcvalues.core.schema_text import describe_path
from vcvalues.modern.model._types import OpenSection, StrBool
from vcvalues.modern.model.control_plane import ControlPlane
from vcvalues.modern.model.policies import Policies
from vcvalues.modern.model.sync import ExportKubeConfig, PrivateNodes, Rbac, Sync

__all__ = ["StrBool", "VClusterValues", "build_model", "check_model"]


class VClusterValues(OpenSection):
    """0.20+ values (vcluster.yaml): the typed sections; every other top-level key kept as given."""

    policies: Policies | None = None
    control_plane: ControlPlane | None = None
    sync: Sync | None = None
    private_nodes: PrivateNodes | None = None
    export_kube_config: ExportKubeConfig | None = None
    rbac: Rbac | None = None


def check_model(values: Mapping[str, Any]) -> tuple[VClusterValues | None, list[SchemaIssue]]:
    """``(model, [])`` when the values fit, else ``(None, issues)``."""
    try:
        return VClusterValues.model_validate(dict(values)), []
    except ValidationError as error:
        issues = []
        for detail in error.errors(include_url=False):
            path = tuple(p for p in detail["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            issues.append(SchemaIssue(path, f"{describe_path(path)}: {detail['msg'].lower()}"))
        return None, issues


def build_model(values: Mapping[str, Any]) -> VClusterValues:
    """The typed 0.20+ values.

    Raises:
        InvalidValuesError: the values do not fit (``.issues`` lists every problem).
    """
    model, issues = check_model(values)
    if model is None:
        raise InvalidValuesError(issues)
    return model
