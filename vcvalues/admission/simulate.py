"""Admit workloads one document at a time, as the syncer and the host API server would.

For each pod template, in the order a pod meets them: the syncer's Pod Security check; the LimitRanger
(defaults, then min / max / ratio); the host namespace's Pod Security level when known; the quotas'
``must specify`` constraint; then the quota fit of every replica on top of the control plane and the
workloads admitted before it. Services and PersistentVolumeClaims (documents, StatefulSet claim
templates, ephemeral volumes) are fitted too. Every stage is evaluated, so a verdict lists everything
to fix; only a pod that passes them all uses quota.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from vcvalues.admission.host import ClaimShape, HostPolicy, PodShape
from vcvalues.admission.ledger import Fit, Ledger
from vcvalues.admission.limitranger import aggregate, default_pod, validate_claim, validate_pod
from vcvalues.admission.objects import claim_shape, pod_claims, replicas, service_shape
from vcvalues.admission.quota import applies, missing
from vcvalues.admission.resources import BadQuantity, container_entries, read_pod, requests_over_limits
from vcvalues.admission.verdicts import Refusal, Verdict
from vcvalues.core.diagnostics import KeyPath, format_key_path
from vcvalues.pss.diagnose import Locate, invalid_pod_diagnostic, refusal_diagnostics
from vcvalues.pss.workloads import PodTarget, find_pods

ORDINALS = 10_000  # a StatefulSet's ordinals fitted one at a time (replicas: 1e9 must not hang)


class Simulation:
    """Feed documents with :meth:`add`; read :attr:`verdicts` and :meth:`Ledger.capacity` of ``ledger``."""

    def __init__(self, host: HostPolicy, *, nodes: int = 1, apply_defaults: bool = True) -> None:
        self.host = host
        self.nodes = nodes
        self.apply_defaults = apply_defaults
        self.ledger = Ledger(host.quotas, host.control_plane)
        self.verdicts: list[Verdict] = []
        self.not_workloads: dict[str, int] = {}
        self.skipped: list[tuple[str, str, str, KeyPath, Locate]] = []
        self.daemonsets = 0

    def add(self, document: object, locate: Locate, *, file: str) -> None:
        """Admit everything one document holds."""
        targets, skipped = find_pods(document)
        if not isinstance(document, dict):
            return
        for skip in skipped:
            if skip.kind == "Service" and not skip.object_path:
                self._service(document, locate, file)
            elif skip.kind == "PersistentVolumeClaim" and not skip.object_path:
                self._claim_document(document, locate, file)
            else:
                self.skipped.append((skip.kind, skip.name, skip.reason, skip.object_path, locate))
        for target in targets:
            self._workload(document, target, locate, file)

    # -- pods ---------------------------------------------------------------------------------------
    def _workload(self, document: Mapping[str, Any], target: PodTarget, locate: Locate, file: str) -> None:
        count, count_path = replicas(document, target, self.nodes)
        self.daemonsets += target.kind == "DaemonSet"
        refusals: list[Refusal] = []
        diagnostics = []
        invalid = invalid_pod_diagnostic(target, locate, file=file)
        if invalid is not None:
            refusal = (Refusal.of("resources", invalid),)
            where = _at(locate, (*target.object_path, "kind"))
            self.verdicts.append(Verdict(file, target.kind, target.name, count, 0, refusal, where))
            return
        if self.host.syncer is not None:
            evaluation = self.host.syncer.evaluate(
                target.spec, target.metadata, apply_defaults=self.apply_defaults
            )
            if not evaluation.allowed:
                diagnostics = refusal_diagnostics(target, evaluation, locate, file=file)
                refusals += [Refusal.of("syncer", d) for d in diagnostics]
        if self.host.namespace_pss is not None:
            evaluation = self.host.namespace_pss.evaluate(
                target.spec, target.metadata, apply_defaults=self.apply_defaults
            )
            if not evaluation.allowed:
                refusals.append(
                    Refusal.at(
                        "namespace",
                        "namespace-pod-security",
                        f"{target.label}: the host namespace refuses its pods: {evaluation.message}",
                        file,
                        locate,
                        (*target.pod_path, "spec"),
                    )
                )
        admitted = 0 if refusals else count
        if self.host.limit_ranges or self.host.quotas:
            admitted = self._resources(document, target, count, count_path, locate, file, refusals)
        where = _at(locate, (*target.object_path, "kind"))
        self.verdicts.append(Verdict(file, target.kind, target.name, count, admitted, tuple(refusals), where))

    def _resources(
        self,
        document: Mapping[str, Any],
        target: PodTarget,
        count: int,
        count_path: KeyPath,
        locate: Locate,
        file: str,
        refusals: list[Refusal],
    ) -> int:
        """API validation of resources, the LimitRanger, the quota constraints and fit: pods admitted.

        Only run when the namespace has a LimitRange or a quota (else resources decide nothing here).
        """
        bad: list[BadQuantity] = []
        raw = read_pod(target.spec, target.pod_path, bad)
        paths = [(*target.pod_path, "spec", f, i) for f, i, _ in container_entries(target.spec)]
        for problem in bad:
            message = (
                f"{target.label}: {format_key_path(problem.path[len(target.pod_path) :])}: {problem.message}"
            )
            refusals.append(Refusal.at("resources", "invalid-quantity", message, file, locate, problem.path))
        pod = default_pod(raw, self.host.limit_ranges)
        for index, name, request, limit in requests_over_limits(pod):
            container = paths[index]
            field = format_key_path((*container[len(target.pod_path) :], "resources", "requests"))
            message = (
                f"{target.label}: the host refuses its pods: {field}: "
                f'Invalid value: "{request.go_string()}": '
                f"must be less than or equal to {name} limit of {limit.go_string()}"
            )
            path = (*container, "resources", "requests", name)
            refusals.append(Refusal.at("resources", "request-over-limit", message, file, locate, path))
        refusals += self._limits(target, pod, paths, locate, file)
        refusals += self._constraints(target, pod, paths, locate, file)
        admitted = 0
        claims = pod_claims(document, target)
        if not refusals and count and not claims:
            admitted = self._fit_pods(target, pod, count, count_path, locate, file, refusals)
        elif not refusals:
            # A StatefulSet creates each ordinal's claims, then its pod: a claim that does not fit stops it.
            # Ordinal by ordinal up to ORDINALS; the rest in bulk (the claims' and the pods' resources are
            # disjoint, so each bulk fit is exact; only which of the two runs out first is not ordered).
            while admitted < min(count, ORDINALS) and not refusals:
                for claim, path in claims:
                    self._fit_claim(claim, (admitted, count), target.label, path, locate, file, refusals)
                    if refusals:
                        break
                else:
                    admitted += self._fit_pods(
                        target, pod, (admitted, count), count_path, locate, file, refusals
                    )
            if admitted < count and not refusals:
                admitted += self._fit_in_bulk(
                    target, pod, claims, (admitted, count), count_path, locate, file, refusals
                )
        return admitted

    def _fit_in_bulk(
        self,
        target: PodTarget,
        pod: PodShape,
        claims: list[tuple[ClaimShape, KeyPath]],
        done_total: tuple[int, int],
        count_path: KeyPath,
        locate: Locate,
        file: str,
        refusals: list[Refusal],
    ) -> int:
        """Ordinals past ORDINALS: each claim template and the pods fitted ``total - done`` times at once."""
        done, total = done_total
        wanted = total - done
        for claim, path in claims:
            fit = self.ledger.fit(claim, wanted)
            if fit.admitted < wanted:
                which = f"the claim of pod {done + fit.admitted + 1} of {total}"
                message = f"{target.label}: the host refuses {which}: " + _exceeded(fit)
                refusals.append(Refusal.at("quota", "quota-exceeded", message, file, locate, path))
                wanted = fit.admitted
        fit = self.ledger.fit(pod, wanted)
        if fit.admitted < wanted:
            message = f"{target.label}: {done + fit.admitted} of {total} pod(s) fit; the next is refused: "
            refusals.append(
                Refusal.at("quota", "quota-exceeded", message + _exceeded(fit), file, locate, count_path)
            )
        return fit.admitted

    def _limits(
        self, target: PodTarget, pod: PodShape, paths: list[KeyPath], locate: Locate, file: str
    ) -> list[Refusal]:
        refused = validate_pod(pod, self.host.limit_ranges)
        if refused is None:
            return []
        name, errors = refused
        first = errors[0]
        path: KeyPath = (*target.pod_path, "spec")
        if first.container is not None:
            path = (*paths[first.container], "resources", first.field, first.resource)
        text = aggregate([e.message for e in errors])
        message = f"{target.label}: the host refuses its pods: LimitRange {name}: {text}"
        return [Refusal.at("limitrange", "limitrange", message, file, locate, path)]

    def _constraints(
        self, target: PodTarget, pod: PodShape, paths: list[KeyPath], locate: Locate, file: str
    ) -> list[Refusal]:
        for quota in self.host.quotas:
            if not applies(quota, pod):
                continue
            found = missing(quota, pod.containers)
            if found is None:
                continue
            text, lacking = found
            path = (*paths[lacking], "resources")
            message = f"{target.label}: the host refuses its pods: failed quota: {quota.name}: {text}"
            return [Refusal.at("quota", "quota-must-specify", message, file, locate, path)]
        return []

    def _fit_pods(
        self,
        target: PodTarget,
        pod: PodShape,
        count: int | tuple[int, int],
        count_path: KeyPath,
        locate: Locate,
        file: str,
        refusals: list[Refusal],
    ) -> int:
        """Fit ``count`` pods, or (one pod after ``done`` of ``total``); returns how many were admitted."""
        done, total = count if isinstance(count, tuple) else (0, count)
        wanted = 1 if isinstance(count, tuple) else count
        fit = self.ledger.fit(pod, wanted)
        if fit.admitted < wanted:
            message = f"{target.label}: {done + fit.admitted} of {total} pod(s) fit; the next is refused: "
            refusals.append(
                Refusal.at("quota", "quota-exceeded", message + _exceeded(fit), file, locate, count_path)
            )
        return fit.admitted

    def _fit_claim(
        self,
        claim: ClaimShape,
        ordinal: tuple[int, int] | None,
        label: str,
        path: KeyPath,
        locate: Locate,
        file: str,
        refusals: list[Refusal],
    ) -> None:
        storage = {"storage": claim.storage} if claim.storage is not None else {}
        refused = validate_claim(storage, self.host.limit_ranges)
        if refused is not None:
            message = f"{label}: the host refuses its claims: LimitRange {refused[0]}: " + aggregate(
                [e.message for e in refused[1]]
            )
            refusals.append(Refusal.at("limitrange", "limitrange", message, file, locate, path))
            return
        fit = self.ledger.fit(claim, 1)
        if fit.admitted < 1:
            what = "it" if ordinal is None else f"the claim of pod {ordinal[0] + 1} of {ordinal[1]}"
            message = f"{label}: the host refuses {what}: " + _exceeded(fit)
            refusals.append(Refusal.at("quota", "quota-exceeded", message, file, locate, path))

    # -- services and claims ------------------------------------------------------------------------
    def _service(self, document: Mapping[str, Any], locate: Locate, file: str) -> None:
        name = _name(document)
        fit = self.ledger.fit(service_shape(document), 1)
        refusals = []
        if fit.admitted < 1:
            message = f"Service {name}: the host refuses it: " + _exceeded(fit)
            refusals.append(Refusal.at("quota", "quota-exceeded", message, file, locate, ("spec", "type")))
        where = _at(locate, ("kind",))
        self.verdicts.append(Verdict(file, "Service", name, 1, fit.admitted, tuple(refusals), where))

    def _claim_document(self, document: Mapping[str, Any], locate: Locate, file: str) -> None:
        name = _name(document)
        metadata = document.get("metadata")
        claim = claim_shape(
            document.get("spec"), metadata.get("annotations") if isinstance(metadata, dict) else None
        )
        refusals: list[Refusal] = []
        self._fit_claim(
            claim,
            None,
            f"PersistentVolumeClaim {name}",
            ("spec", "resources", "requests", "storage"),
            locate,
            file,
            refusals,
        )
        admitted = 0 if refusals else 1
        where = _at(locate, ("kind",))
        self.verdicts.append(
            Verdict(file, "PersistentVolumeClaim", name, 1, admitted, tuple(refusals), where)
        )


def _at(locate: Locate, path: KeyPath) -> Callable[[], tuple[int, int]]:
    """The object's position, worked out only if asked for (an admitted pod's document is never parsed
    for positions unless the output lists them)."""
    return lambda: locate(path)


def _exceeded(fit: Fit) -> str:
    """Kubernetes' message, then by how much each exceeded resource goes over."""
    over = ", ".join(f"{name} by {amount}" for name, amount in fit.over)
    return f"{fit.message} (over {over})"


def _name(document: Mapping[str, Any]) -> str:
    metadata = document.get("metadata")
    name = metadata.get("name") if isinstance(metadata, dict) else None
    return name if isinstance(name, str) else ""
