"""The typed 0.20+ model: every release's defaults fit; StrBool as the chart reads it; strict sections."""

from __future__ import annotations

import pytest

from vcvalues.core.chart import resolve_modern
from vcvalues.core.quantity import Quantity
from vcvalues.core.schema_issues import InvalidValuesError
from vcvalues.modern.catalog import release_defaults, release_names
from vcvalues.modern.model import StrBool, build_model, check_model


@pytest.mark.parametrize("release", release_names())
def test_every_release_defaults_fit(release: str) -> None:
    model, issues = check_model(release_defaults(resolve_modern(release)))
    assert issues == []
    assert model is not None and model.policies is not None


def test_typed_access_to_the_isolation_settings() -> None:
    model = build_model(release_defaults(resolve_modern("0.36.1")))
    assert model.policies is not None and model.policies.resource_quota is not None
    assert model.policies.resource_quota.enabled == StrBool("auto")
    assert model.policies.resource_quota.quota is not None
    assert model.policies.resource_quota.quota["limits.memory"] == Quantity.parse("40Gi")
    cp = model.control_plane
    assert cp is not None and cp.stateful_set is not None and cp.stateful_set.security is not None
    context = cp.stateful_set.security.container_security_context
    assert context is not None and context.run_as_user == 0 and context.allow_privilege_escalation is False
    assert cp.service is not None and cp.service.spec is not None and cp.service.spec.type == "ClusterIP"


@pytest.mark.parametrize(
    ("raw", "string", "true", "false", "auto"),
    [
        (True, "true", True, False, False),
        (False, "false", False, True, False),
        ("true", "true", True, False, False),
        ("auto", "auto", False, False, True),
        ("True", "True", False, False, True),
        ("yes", "yes", False, False, True),
        ("", "", False, False, True),
    ],
)
def test_strbool_reads_as_the_chart_does(raw, string, true, false, auto) -> None:
    value = build_model({"policies": {"limitRange": {"enabled": raw}}}).policies.limit_range.enabled  # type: ignore[union-attr]
    assert value is not None
    assert (value.chart_string, value.is_true, value.is_false, value.is_auto) == (string, true, false, auto)


@pytest.mark.parametrize(
    ("values", "path"),
    [
        ({"policies": {"resourceQuota": {"enabled": 1}}}, ("policies", "resourceQuota", "enabled")),
        (
            {"policies": {"resourceQuota": {"quota": {"requests.cpu": "20GB"}}}},
            ("policies", "resourceQuota", "quota", "requests.cpu"),
        ),
        ({"policies": {"networkPolicy": {"enabled": "true"}}}, ("policies", "networkPolicy", "enabled")),
        ({"policies": {"resourceQuota": {"enabeld": True}}}, ("policies", "resourceQuota", "enabeld")),
        (
            {"controlPlane": {"statefulSet": {"security": {"containerSecurityContext": {"runAsUser": -1}}}}},
            ("controlPlane", "statefulSet", "security", "containerSecurityContext", "runAsUser"),
        ),
    ],
)
def test_bad_values_are_refused_at_their_path(values, path) -> None:
    with pytest.raises(InvalidValuesError) as raised:
        build_model(values)
    assert [issue.path for issue in raised.value.issues] == [path]


def test_partially_modelled_sections_keep_other_keys() -> None:
    model = build_model(
        {"controlPlane": {"distro": {"k8s": {"enabled": True}}}, "telemetry": {"enabled": False}}
    )
    assert model.control_plane is not None
    assert model.control_plane.model_extra == {"distro": {"k8s": {"enabled": True}}}
