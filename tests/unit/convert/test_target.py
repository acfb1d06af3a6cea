"""Conversion targets and argument errors."""

from __future__ import annotations

import pytest

from vcvalues.convert import Target, convert_values
from vcvalues.errors import UsageError


@pytest.mark.parametrize(
    ("text", "target"),
    [(None, Target.V0_36), ("0.20", Target.V0_20), ("v0.36", Target.V0_36), ("0.20.6", Target.V0_20)],
)
def test_parse(text, target):
    assert Target.parse(text) is target


@pytest.mark.parametrize("text", ["0.19", "1", "0.20.x", "latest", ""])
def test_unknown_targets_are_usage_errors(text):
    with pytest.raises(UsageError, match="unknown conversion target"):
        Target.parse(text)


def test_unknown_distro_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown distro"):
        convert_values({}, distro="k9s")


def test_result_records_what_it_converted():
    result = convert_values({}, distro="k0s", to="0.20")
    assert (result.distro.value, result.target.value, result.ok) == ("k0s", "0.20", True)
    assert result.text == (
        "controlPlane:\n  distro:\n    k0s:\n      enabled: true\n"
        "  statefulSet:\n    scheduling:\n      podManagementPolicy: OrderedReady\n"
    )
