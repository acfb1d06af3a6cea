"""The file/text entry points of vcvalues.convert and the atomic writer."""

from __future__ import annotations

import io

import pytest

from vcvalues.convert import convert_files, convert_text
from vcvalues.errors import InputError


def test_convert_text_reads_yaml_as_helm_does_and_keeps_positions():
    result = convert_text("isolation:\n  enabled: on\n  namespace: x\n", file="v.yaml", distro="k8s")

    assert [(d.rule_id, d.severity.label, d.line, d.column) for d in result.diagnostics] == [
        ("yaml11-boolean", "warning", 2, 12),
        ("convert-unsupported", "error", 3, 3),
    ]
    assert result.values is None


def test_a_warning_from_reading_does_not_stop_the_conversion():
    result = convert_text("isolation:\n  enabled: yes\n", file="v.yaml")
    assert result.ok
    assert result.values["policies"]["podSecurityStandard"] == "baseline"
    assert [d.rule_id for d in result.diagnostics] == ["yaml11-boolean"]


@pytest.mark.parametrize("text", ["isolation: [\n", "- a\n- b\n"])
def test_unreadable_values_give_only_the_reading_errors(text):
    result = convert_text(text, file="v.yaml")
    assert result.values is None and result.text is None
    assert [d.rule_id for d in result.diagnostics] == ["syntax"]


def test_empty_input_converts_to_the_skeleton():
    result = convert_text("# nothing here\n", distro="k0s", to="0.20")
    assert result.values == {
        "controlPlane": {
            "distro": {"k0s": {"enabled": True}},
            "statefulSet": {"scheduling": {"podManagementPolicy": "OrderedReady"}},
        }
    }


def test_convert_files_merges_in_order_and_reads_dash_from_the_given_stream(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text("isolation:\n  enabled: true\n  podSecurityStandard: baseline\n")
    stdin = io.StringIO("isolation:\n  podSecurityStandard: privileged\n")

    result = convert_files([base, "-"], distro="k3s", to="0.20", stdin=stdin)

    assert result.values["policies"]["podSecurityStandard"] == "privileged"


def test_convert_files_raises_input_error_for_missing_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        convert_files([tmp_path / "missing.yaml"])
