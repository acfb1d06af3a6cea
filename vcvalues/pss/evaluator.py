"""Evaluate one pod (metadata + spec, plain dicts) against a Pod Security Standard level and version.

The fast path is :class:`Policy` (one per level and version, cached): ``policy_for("restricted", "latest")``
then ``policy.evaluate(spec, metadata)`` for each pod.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.pss._base import CheckResult, Pod
from vcvalues.pss.levels import NEWEST_MINOR, Level, LevelVersion, PolicyVersion, parse_level, parse_version
from vcvalues.pss.registry import CheckTable, checks_for


@record
class Evaluation:
    """The outcome of evaluating one pod.

    Attributes:
        policy: the level and version asked for (printed in the message as asked, ``restricted:latest``).
        results: the failed checks, in upstream order; empty when the pod is allowed.
    """

    policy: LevelVersion
    results: tuple[CheckResult, ...]

    @property
    def allowed(self) -> bool:
        """No check failed."""
        return not self.results

    @property
    def forbidden_reason(self) -> str:
        """Upstream ``AggregateCheckResult.ForbiddenReason()``: reasons joined by ``, ``."""
        return ", ".join(r.reason for r in self.results)

    @property
    def forbidden_detail(self) -> str:
        """Upstream ``ForbiddenDetail()``: ``reason (detail), reason (detail)``."""
        return ", ".join(r.text for r in self.results)

    @property
    def message(self) -> str:
        """``violates PodSecurity "<level>:<version>": <detail>``, or ``""`` when the pod is allowed."""
        if not self.results:
            return ""
        return f'violates PodSecurity "{self.policy}": {self.forbidden_detail}'


class Policy:
    """The checks of one level at one version, ready to evaluate pods."""

    __slots__ = ("checks", "level_version", "minor", "newest_minor")

    def __init__(self, level_version: LevelVersion, *, newest_minor: int = NEWEST_MINOR) -> None:
        self.level_version = level_version
        self.newest_minor = min(newest_minor, NEWEST_MINOR)
        # As upstream's evaluator: latest, and any version past the newest known one, runs as the newest.
        self.minor = min(level_version.version.effective_minor, self.newest_minor)
        self.checks: CheckTable = checks_for(level_version.level, self.minor)

    @property
    def check_ids(self) -> tuple[str, ...]:
        """Ids of the checks that run, in order."""
        return tuple(check_id for check_id, _ in self.checks)

    def evaluate(
        self,
        spec: Mapping[str, Any],
        metadata: Mapping[str, Any] | None = None,
        *,
        apply_defaults: bool = True,
    ) -> Evaluation:
        """Evaluate one pod.

        Args:
            spec: the pod spec (``Pod.spec`` or a template's ``spec``); a non-mapping is an empty spec.
            metadata: the pod metadata (annotations are read by the AppArmor and seccomp checks).
            apply_defaults: evaluate the pod as the API server stores it (a volume without a source is an
                emptyDir; with hostNetwork, container ports default their hostPort to the containerPort).

        Returns:
            The failed checks, in upstream order.
        """
        if not self.checks:
            return Evaluation(self.level_version, ())
        pod = Pod(spec if isinstance(spec, dict) else {}, metadata, defaults=apply_defaults)
        results = [result for _, check in self.checks if (result := check(pod)) is not None]
        return Evaluation(self.level_version, tuple(results))


@functools.lru_cache(maxsize=256)
def _policy(level: Level, version: PolicyVersion, newest_minor: int) -> Policy:
    return Policy(LevelVersion(level, version), newest_minor=newest_minor)


def policy_for(
    level: str | Level = Level.RESTRICTED,
    version: str | PolicyVersion = "latest",
    *,
    newest_minor: int = NEWEST_MINOR,
) -> Policy:
    """The :class:`Policy` for a level and version (cached).

    Args:
        level: ``privileged``, ``baseline`` or ``restricted``.
        version: ``latest`` or ``v1.N``.
        newest_minor: emulate an older pod-security-admission library whose newest policy version is
            v1.<newest_minor> (``latest`` and newer versions run as that one), as upstream's
            ``NewEvaluator(checks, emulationVersion)`` does; the message still names the version asked for.

    Raises:
        UsageError: the level or version cannot be parsed.
    """
    return _policy(parse_level(level), parse_version(version), newest_minor)


def evaluate_pod(
    spec: Mapping[str, Any],
    metadata: Mapping[str, Any] | None = None,
    *,
    level: str | Level = Level.RESTRICTED,
    version: str | PolicyVersion = "latest",
    apply_defaults: bool = True,
) -> Evaluation:
    """Evaluate a pod spec against a Pod Security Standard, as k8s.io/pod-security-admission v0.35.0 does.

    Args:
        spec: the pod spec, a plain mapping; a whole Pod (``kind: Pod``, or a workload with one pod
            template) is accepted too, and its spec and metadata are used.
        metadata: the pod metadata (for the AppArmor and seccomp annotations).
        level: ``privileged``, ``baseline`` or ``restricted``.
        version: ``latest`` or ``v1.N``; ``latest`` and versions past v1.35 evaluate as v1.35.
        apply_defaults: evaluate the pod as the API server would default it (see :meth:`Policy.evaluate`).

    Returns:
        An :class:`Evaluation`; ``.allowed``, ``.results`` and ``.message`` say what failed.

    Raises:
        UsageError: the level or version cannot be parsed, or ``spec`` is not a pod spec (no
            ``containers`` list of maps, say): such input is refused, never reported as allowed.
    """
    from vcvalues.errors import UsageError
    from vcvalues.pss.podspec import pod_spec_problem, unwrap_pod

    subject: object = spec
    if isinstance(spec, Mapping):
        whole = unwrap_pod(spec)
        if whole is not None:
            subject, metadata = whole[0], metadata if metadata is not None else whole[1]
    problem = pod_spec_problem(subject)
    if problem is not None:
        raise UsageError(f"not a pod spec: {problem}")
    assert isinstance(subject, Mapping)
    return policy_for(level, version).evaluate(subject, metadata, apply_defaults=apply_defaults)
