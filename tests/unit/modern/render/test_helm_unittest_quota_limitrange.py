"""The upstream helm-unittest cases of chart/tests/resourcequota_test.yaml and limitrange_test.yaml.

Translated case by case (``it:`` titles kept), run on every release whose suite holds the case: the
ResourceQuota suite is the same at every tag 0.20.0-0.36.1; the LimitRange suite gains the min/max case
at 0.21.0 (upstream titles it "check disabled both false" a second time).
"""

from __future__ import annotations

import pytest

from tests.unit.modern.render._values import NAMESPACE, of_kind, releases, render

ALL = releases()
SINCE_021 = releases("0.21.0")


@pytest.mark.parametrize("version", ALL)
class TestResourceQuotaSuite:
    def test_should_not_create_resource_quota_by_default(self, version) -> None:
        assert of_kind(render(version), "ResourceQuota") == []

    def test_check_defaults(self, version) -> None:
        (quota,) = of_kind(
            render(version, {"policies": {"resourceQuota": {"enabled": True}}}), "ResourceQuota"
        )
        assert quota.body["metadata"]["name"] == "vc-my-release"
        assert quota.body["metadata"]["namespace"] == NAMESPACE
        assert quota.body["spec"]["hard"]["requests.cpu"] == "10"

    def test_check_enabled(self, version) -> None:
        manifests = render(version, {"policies": {"limitRange": {"enabled": True}}})
        assert len(of_kind(manifests, "ResourceQuota")) == 1

    def test_check_disabled(self, version) -> None:
        user = {"policies": {"resourceQuota": {"enabled": False}, "limitRange": {"enabled": True}}}
        assert of_kind(render(version, user), "ResourceQuota") == []

    def test_check_disabled_both_false(self, version) -> None:
        user = {"policies": {"resourceQuota": {"enabled": False}, "limitRange": {"enabled": False}}}
        assert of_kind(render(version, user), "ResourceQuota") == []


@pytest.mark.parametrize("version", ALL)
class TestLimitRangeSuite:
    def test_should_not_create_limit_range_by_default(self, version) -> None:
        assert of_kind(render(version), "LimitRange") == []

    def test_check_defaults(self, version) -> None:
        (limits,) = of_kind(render(version, {"policies": {"limitRange": {"enabled": True}}}), "LimitRange")
        assert limits.body["metadata"]["name"] == "vc-my-release"
        assert limits.body["metadata"]["namespace"] == NAMESPACE
        assert len(limits.body["spec"]["limits"]) == 1

    def test_check_enabled(self, version) -> None:
        manifests = render(version, {"policies": {"resourceQuota": {"enabled": True}}})
        assert len(of_kind(manifests, "LimitRange")) == 1

    def test_check_disabled(self, version) -> None:
        user = {"policies": {"resourceQuota": {"enabled": True}, "limitRange": {"enabled": False}}}
        assert of_kind(render(version, user), "LimitRange") == []

    def test_check_disabled_both_false(self, version) -> None:
        user = {"policies": {"resourceQuota": {"enabled": False}, "limitRange": {"enabled": False}}}
        assert of_kind(render(version, user), "LimitRange") == []


@pytest.mark.parametrize("version", SINCE_021)
def test_limit_range_min_max_case_titled_check_disabled_both_false(version) -> None:
    user = {"policies": {"limitRange": {"enabled": True, "min": {"cpu": 1}, "max": {"memory": "256Mi"}}}}
    (limits,) = of_kind(render(version, user), "LimitRange")
    assert limits.body["spec"]["limits"][0]["min"]["cpu"] == "1"
    assert limits.body["spec"]["limits"][0]["max"]["memory"] == "256Mi"


def test_min_max_are_not_rendered_before_0_21() -> None:
    user = {"policies": {"limitRange": {"enabled": True, "min": {"cpu": 1}, "max": {"memory": "256Mi"}}}}
    (limits,) = of_kind(render("0.20.6", user), "LimitRange")
    assert set(limits.body["spec"]["limits"][0]) == {"default", "defaultRequest", "type"}
