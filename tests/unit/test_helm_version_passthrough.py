"""helm_major reaches the --set parser (core.strvals) in both dialects, and the CLI's --helm-version too:
Helm 4.2 ends parsing silently at an unterminated index (``a[0``) where Helm 3 fails."""

from __future__ import annotations

import io

import pytest

import vcvalues
from vcvalues.cli import IO, main
from vcvalues.errors import UsageError


@pytest.mark.parametrize("compile_", [vcvalues.compile_values, vcvalues.compile_modern_values])
def test_an_unterminated_index_fails_under_helm_3_only(compile_: object) -> None:
    assert callable(compile_)
    with pytest.raises(UsageError, match=r"failed parsing --set data: error parsing index: EOF"):
        compile_([], set_values=["a[0"], run_rules=False)
    result = compile_([], set_values=["a[0"], run_rules=False, helm_major=4)
    assert "a" not in result.user_values


@pytest.mark.parametrize("compile_", [vcvalues.compile_values, vcvalues.compile_modern_values])
def test_only_helm_3_and_4_are_known(compile_: object) -> None:
    assert callable(compile_)
    with pytest.raises(UsageError, match=r"--helm-version must be one of 3, 4, not 5"):
        compile_([], helm_major=5)


def test_render_passes_helm_version_to_the_set_parser() -> None:
    argv = ["render", "--set", "isolation.enabled=true", "--set", "a[0"]
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, IO(out, err)) == 2
    assert "error parsing index" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv, "--helm-version", "4"], IO(out, err)) == 0
    assert "kind: ResourceQuota" in out.getvalue()
