"""All 4,241 upstream fixtures of k8s.io/pod-security-admission v0.35.0 (test/testdata), 100% agreement.

Layout and rules: ../shared/conformance/pod-security/README.md. Each distinct file content is parsed once;
one test per level and version folder evaluates every file in it and lists every disagreement.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import shared_path
from vcvalues.pss import evaluate_pod

LEVELS = ("baseline", "restricted")
MINORS = range(36)
TOTAL_FILES = 4241

# File stem (check id in lower case) -> substring the aggregated message must contain (README table).
EXPECTED_SUBSTRING = {
    "privileged": "privileged",
    "hostnamespaces": "host namespaces",
    "hostpathvolumes": "hostPath",
    "hostports": "hostPort",
    "hostprobesandhostlifecycle": "probe or lifecycle host",
    "capabilities_baseline": "capabilities",
    "apparmorprofile": "forbidden AppArmor profile",
    "selinuxoptions": "seLinuxOptions",
    "procmount": "procMount",
    "seccompprofile_baseline": "seccompProfile",
    "sysctls": "forbidden sysctl",
    "windowshostprocess": "hostProcess",
    "allowprivilegeescalation": "allowPrivilegeEscalation",
    "capabilities_restricted": "unrestricted capabilities",
    "restrictedvolumes": "restricted volume types",
    "runasnonroot": "runAsNonRoot",
    "runasuser": "runAsUser",
    "seccompprofile_restricted": "seccompProfile",
    "procmount_restricted": "procMount",
}


def _testdata() -> Path:
    return shared_path("conformance", "pod-security", "testdata")


@functools.lru_cache(maxsize=1)
def _corpus() -> dict[tuple[str, int], list[tuple[str, str, dict[str, Any]]]]:
    """(level, minor) -> [(outcome, file name, parsed pod)], parsing each distinct content once."""
    yaml = YAML(typ="safe", pure=False)
    parsed: dict[bytes, dict[str, Any]] = {}
    corpus: dict[tuple[str, int], list[tuple[str, str, dict[str, Any]]]] = {}
    root = _testdata()
    for path in sorted(root.glob("*/v1.*/*/*.yaml")):
        outcome_dir = path.parent
        level = outcome_dir.parent.parent.name
        minor = int(outcome_dir.parent.name.removeprefix("v1."))
        content = path.read_bytes()
        if content not in parsed:
            parsed[content] = yaml.load(content)
        corpus.setdefault((level, minor), []).append((outcome_dir.name, path.name, parsed[content]))
    return corpus


def test_every_fixture_file_is_there() -> None:
    corpus = _corpus()
    counts = Counter((level, outcome) for (level, _), items in corpus.items() for outcome, _, _ in items)
    assert sum(counts.values()) == TOTAL_FILES
    assert counts == {
        ("baseline", "pass"): 403,
        ("baseline", "fail"): 1054,
        ("restricted", "pass"): 572,
        ("restricted", "fail"): 2212,
    }
    assert set(corpus) == {(level, minor) for level in LEVELS for minor in MINORS}


def _stem(name: str) -> str:
    return re.sub(r"[0-9]+$", "", name.removesuffix(".yaml"))


@pytest.mark.parametrize("minor", MINORS, ids=lambda m: f"v1.{m}")
@pytest.mark.parametrize("level", LEVELS)
def test_fixtures_agree(level: str, minor: int) -> None:
    disagreements: list[str] = []
    items = _corpus()[(level, minor)]
    for outcome, name, pod in items:
        assert pod["kind"] == "Pod"
        evaluation = evaluate_pod(pod["spec"], pod["metadata"], level=level, version=f"v1.{minor}")
        if outcome == "pass":
            if not evaluation.allowed:
                disagreements.append(f"{outcome}/{name}: denied: {evaluation.message}")
            continue
        expected = EXPECTED_SUBSTRING[_stem(name)]
        if evaluation.allowed:
            disagreements.append(f"{outcome}/{name}: allowed, expected {expected!r}")
        elif expected not in evaluation.message:
            disagreements.append(f"{outcome}/{name}: {expected!r} not in {evaluation.message}")
    assert items
    assert disagreements == []


@pytest.mark.parametrize("level", LEVELS)
def test_fixtures_agree_through_the_file_reader(level: str) -> None:
    """The same verdicts when the files are read as manifests (vcvalues.core.load: YAML 1.1, positions)."""
    from vcvalues.pss import policy_for
    from vcvalues.pss.files import check_pod_text

    disagreements: list[str] = []
    paths = sorted(_testdata().glob(f"{level}/v1.*/*/*.yaml"))
    for path in paths:
        outcome, version = path.parent.name, path.parent.parent.name
        report = check_pod_text(path.read_text(), file=path.name, policy=policy_for(level, version))
        messages = " ".join(d.message for d in report.diagnostics)
        if report.evaluated != 1 or any(d.rule_id == "syntax" for d in report.diagnostics):
            disagreements.append(f"{version}/{outcome}/{path.name}: not read as one pod: {messages}")
        elif outcome == "pass" and report.refused:
            disagreements.append(f"{version}/{outcome}/{path.name}: denied: {messages}")
        elif outcome == "fail" and EXPECTED_SUBSTRING[_stem(path.name)] not in messages:
            disagreements.append(f"{version}/{outcome}/{path.name}: {messages or 'allowed'}")
    assert len(paths) == {"baseline": 1457, "restricted": 2784}[level]
    assert disagreements == []
