"""Pod Security Standards: the checks of k8s.io/pod-security-admission v0.35.0 on plain pod data.

vcluster's syncer evaluates every virtual pod with that library in isolated mode and refuses the ones that
violate the chosen standard. :func:`evaluate_pod` gives the same verdict, reasons and message;
:func:`check_pod_files` does it for every workload in YAML files, with positions.
"""

from __future__ import annotations

from vcvalues.pss._base import CheckResult
from vcvalues.pss.diagnose import PodReport
from vcvalues.pss.evaluator import Evaluation, Policy, evaluate_pod, policy_for
from vcvalues.pss.files import CheckPodsOutcome, check_pod_files, check_pod_text
from vcvalues.pss.levels import (
    LATEST,
    NEWEST_MINOR,
    Level,
    LevelVersion,
    PolicyVersion,
    parse_level,
    parse_version,
)
from vcvalues.pss.registry import CHECK_IDS, CHECK_LEVELS, checks_for
from vcvalues.pss.vcluster import EnforcedStandard, enforced_standard
from vcvalues.pss.workloads import PodTarget, SkippedObject, find_pods

__all__ = [
    "CHECK_IDS",
    "CHECK_LEVELS",
    "LATEST",
    "NEWEST_MINOR",
    "CheckPodsOutcome",
    "CheckResult",
    "EnforcedStandard",
    "Evaluation",
    "Level",
    "LevelVersion",
    "PodReport",
    "PodTarget",
    "Policy",
    "PolicyVersion",
    "SkippedObject",
    "check_pod_files",
    "check_pod_text",
    "checks_for",
    "enforced_standard",
    "evaluate_pod",
    "find_pods",
    "parse_level",
    "parse_version",
    "policy_for",
]
