"""Turn evaluations of the pods in YAML documents into diagnostics with positions.

One ERROR diagnostic per failed check per object, whose rule id is the upstream check id, placed on the
offending field (or, for a field that must be set, on its nearest existing ancestor); one INFO diagnostic
per workload that holds no pod spec; objects of other kinds (ConfigMap, Service) are only counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from vcvalues.core._record import record
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.pss.evaluator import Evaluation, Policy
from vcvalues.pss.workloads import WORKLOAD_KINDS, PodTarget, SkippedObject, find_pods

Locate = Callable[[KeyPath], tuple[int, int]]
"""Key path in a document -> (line, column), 1-based; a missing path gives its nearest ancestor's place."""

SKIPPED_RULE = "skipped"
INVALID_RULE = "invalid-pod-spec"
_NO_KINDS: Mapping[str, int] = {}  # PodReport's default: shared, never written to

HINTS: Mapping[str, str] = {
    "privileged": "remove securityContext.privileged or set it to false",
    "hostNamespaces": "remove hostNetwork, hostPID and hostIPC (or set them to false)",
    "hostPathVolumes": "use a persistentVolumeClaim, configMap, secret or emptyDir volume, not hostPath",
    "hostPorts": "remove hostPort and reach the pod through a Service",
    "hostProbesAndHostLifecycle": "remove host from probes and lifecycle handlers (they target the pod IP)",
    "capabilities_baseline": "add only capabilities of the default set (e.g. NET_BIND_SERVICE, CHOWN, KILL)",
    "appArmorProfile": "use appArmorProfile.type RuntimeDefault or Localhost, or set no profile",
    "seLinuxOptions": "set no seLinuxOptions user or role, and type only container_t, container_init_t, "
    "container_kvm_t or container_engine_t",
    "procMount": "remove securityContext.procMount or set it to Default",
    "seccompProfile_baseline": "use seccompProfile.type RuntimeDefault or Localhost",
    "sysctls": "set only the safe sysctls (net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, ...)",
    "windowsHostProcess": "remove windowsOptions.hostProcess or set it to false",
    "allowPrivilegeEscalation": "set securityContext.allowPrivilegeEscalation: false in every container",
    "capabilities_restricted": 'set securityContext.capabilities.drop: ["ALL"] in every container, '
    "and add at most NET_BIND_SERVICE",
    "restrictedVolumes": "use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, "
    "persistentVolumeClaim, projected or secret volumes",
    "runAsNonRoot": "set securityContext.runAsNonRoot: true on the pod (and false nowhere)",
    "runAsUser": "run as a non-zero user id (securityContext.runAsUser, e.g. 10001)",
    "seccompProfile_restricted": "set securityContext.seccompProfile.type: RuntimeDefault on the pod",
    "procMount_restricted": "remove securityContext.procMount or set it to Default",
}

SUMMARIES: Mapping[str, str] = {
    "privileged": "containers must not be privileged",
    "hostNamespaces": "pods must not share the host network, PID or IPC namespace",
    "hostPathVolumes": "pods must not use hostPath volumes",
    "hostPorts": "containers must not use host ports",
    "hostProbesAndHostLifecycle": "probes and lifecycle handlers must not set a host",
    "capabilities_baseline": "containers may add only the default capabilities",
    "appArmorProfile": "AppArmor profiles must not be overridden or disabled",
    "seLinuxOptions": "SELinux type is restricted; user and role must not be set",
    "procMount": "the default /proc masks must be kept",
    "seccompProfile_baseline": "seccomp profiles, when set, must be RuntimeDefault or Localhost",
    "sysctls": "only safe sysctls are allowed",
    "windowsHostProcess": "Windows HostProcess containers are not allowed",
    "allowPrivilegeEscalation": "containers must set allowPrivilegeEscalation=false",
    "capabilities_restricted": "containers must drop ALL capabilities and add at most NET_BIND_SERVICE",
    "restrictedVolumes": "only the restricted set of volume types is allowed",
    "runAsNonRoot": "containers must run as non-root",
    "runAsUser": "containers must not run as user 0",
    "seccompProfile_restricted": "a RuntimeDefault or Localhost seccomp profile must be set",
    "procMount_restricted": "the default /proc masks must be kept, even in a user namespace",
    SKIPPED_RULE: "workload objects without a pod spec are not evaluated",
    INVALID_RULE: "the pod spec is not one the API server accepts (so it is not evaluated)",
}
"""One line per rule id check-pods reports (SARIF rule descriptors)."""


@record
class PodReport:
    """Diagnostics for some documents, how many pods were evaluated and refused, and the objects that
    hold no pod (``{kind: count}``, summarised rather than reported one by one)."""

    diagnostics: tuple[Diagnostic, ...] = ()
    evaluated: int = 0
    refused: int = 0
    not_workloads: Mapping[str, int] = _NO_KINDS

    def __add__(self, other: PodReport) -> PodReport:
        counts = dict(self.not_workloads)
        for kind, count in other.not_workloads.items():
            counts[kind] = counts.get(kind, 0) + count
        return PodReport(
            self.diagnostics + other.diagnostics,
            self.evaluated + other.evaluated,
            self.refused + other.refused,
            counts,
        )


class PodTally:
    """Adds up :func:`diagnose_document` results in place (``PodReport + PodReport`` copies: quadratic)."""

    __slots__ = ("diagnostics", "evaluated", "not_workloads", "refused")

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.evaluated = 0
        self.refused = 0
        self.not_workloads: dict[str, int] = {}

    def add(self, report: PodReport) -> None:
        """Count one document's report."""
        self.diagnostics.extend(report.diagnostics)
        self.evaluated += report.evaluated
        self.refused += report.refused
        for kind, count in report.not_workloads.items():
            self.not_workloads[kind] = self.not_workloads.get(kind, 0) + count

    def report(self) -> PodReport:
        """The total as a :class:`PodReport`."""
        return PodReport(tuple(self.diagnostics), self.evaluated, self.refused, dict(self.not_workloads))


def skipped_diagnostics(
    skipped: Iterable[SkippedObject], locate: Locate, *, file: str, not_workloads: dict[str, int]
) -> list[Diagnostic]:
    """An INFO diagnostic per object that should hold a pod and does not (a workload kind without a pod
    spec, or of another API group; a document that is not an object); other kinds are only counted."""
    diagnostics = []
    for skip in skipped:
        if skip.kind and skip.kind not in WORKLOAD_KINDS:
            not_workloads[skip.kind] = not_workloads.get(skip.kind, 0) + 1
            continue
        path = (*skip.object_path, "kind") if skip.kind else skip.object_path
        line, column = locate(path)
        what = f"{skip.kind} {skip.name}".strip() or "document"
        diagnostics.append(
            Diagnostic(
                SKIPPED_RULE, Severity.INFO, f"skipped {what}: {skip.reason}", file, line, column, None, path
            )
        )
    return diagnostics


def refusal_diagnostics(
    target: PodTarget, evaluation: Evaluation, locate: Locate, *, file: str, prefix: str = ""
) -> list[Diagnostic]:
    """One ERROR per failed check of a refused pod, on the first offending field in the file."""
    diagnostics = []
    for result in evaluation.results:
        paths = [(*target.pod_path, *p) for p in result.paths] or [target.pod_path]
        # The first offending field in the file (on a tie, the first the check reported).
        (line, column), path = min(((locate(p), p) for p in paths), key=lambda item: item[0])
        diagnostics.append(
            Diagnostic(
                result.check_id,
                Severity.ERROR,
                f"{prefix}{target.label} violates {evaluation.policy}: {result.text}",
                file,
                line,
                column,
                HINTS.get(result.check_id),
                path,
            )
        )
    return diagnostics


def invalid_pod_diagnostic(target: PodTarget, locate: Locate, *, file: str) -> Diagnostic | None:
    """An ERROR when the target's spec is not a pod spec (``containers: oops``): never passed silently."""
    from vcvalues.pss.podspec import pod_spec_problem

    problem = pod_spec_problem(target.spec)
    if problem is None:
        return None
    path = (*target.pod_path, "spec")
    line, column = locate(path)
    return Diagnostic(
        INVALID_RULE,
        Severity.ERROR,
        f"{target.label} is not a pod the API server accepts: {problem}",
        file,
        line,
        column,
        "write the containers as a list of maps (- name: app ...)",
        path,
    )


def diagnose_document(
    document: object, locate: Locate, *, file: str, policy: Policy, apply_defaults: bool = True
) -> PodReport:
    """Evaluate every pod in one YAML document.

    Args:
        document: the parsed document (plain data).
        locate: positions of key paths in this document.
        file: the file name to put in diagnostics.
        policy: the level and version to evaluate at (see :func:`vcvalues.pss.policy_for`).
        apply_defaults: evaluate pods as the API server defaults them.

    Returns:
        The diagnostics (ERROR per failed check per object, INFO per workload skipped for a problem) and
        counts; objects of other kinds are counted in ``not_workloads``.
    """
    targets, skipped = find_pods(document)
    not_workloads: dict[str, int] = {}
    diagnostics = skipped_diagnostics(skipped, locate, file=file, not_workloads=not_workloads)
    refused = 0
    for target in targets:
        invalid = invalid_pod_diagnostic(target, locate, file=file)
        if invalid is not None:
            refused += 1
            diagnostics.append(invalid)
            continue
        evaluation = policy.evaluate(target.spec, target.metadata, apply_defaults=apply_defaults)
        if evaluation.allowed:
            continue
        refused += 1
        diagnostics.extend(refusal_diagnostics(target, evaluation, locate, file=file))
    return PodReport(tuple(diagnostics), len(targets), refused, not_workloads)


def diagnose_documents(
    documents: Iterable[tuple[object, Locate]], *, file: str, policy: Policy, apply_defaults: bool = True
) -> PodReport:
    """:func:`diagnose_document` over the documents of one file (evaluated as they come), added up."""
    tally = PodTally()
    for document, locate in documents:
        report = diagnose_document(document, locate, file=file, policy=policy, apply_defaults=apply_defaults)
        tally.add(report)
    return tally.report()


def summarise_not_workloads(counts: Mapping[str, int]) -> str:
    """``3 object(s) hold no pod and were not checked: ConfigMap x2, Service x1`` (or ``""``)."""
    if not counts:
        return ""
    total = sum(counts.values())
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    kinds = ", ".join(f"{kind} x{count}" for kind, count in ordered)
    return f"{total} object(s) hold no pod and were not checked: {kinds}"
