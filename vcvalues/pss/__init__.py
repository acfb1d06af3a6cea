"""Pod Security Standards: the checks of k8s.io/pod-security-admission v0.35.0 on plain pod data.

vcluster's syncer evaluates every virtual pod with that library in isolated mode and refuses the ones that
violate the chosen standard. :func:`evaluate_pod` gives the same verdict, reasons and message.
"""

from __future__ import annotations

from vcvalues.pss._base import CheckResult
from vcvalues.pss.evaluator import Evaluation, Policy, evaluate_pod, policy_for
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

__all__ = [
    "CHECK_IDS",
    "CHECK_LEVELS",
    "LATEST",
    "NEWEST_MINOR",
    "CheckResult",
    "Evaluation",
    "Level",
    "LevelVersion",
    "Policy",
    "PolicyVersion",
    "checks_for",
    "evaluate_pod",
    "parse_level",
    "parse_version",
    "policy_for",
]
