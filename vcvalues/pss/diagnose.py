"""Turn evaluations of the pods in YAML documents into diagnostics with positions.

One ERROR diagnostic per failed check per object, whose rule id is the upstream check id, placed on the
offending field (or, for a field that must be set, on its nearest existing ancestor); one INFO diagnostic
per object that holds no pod.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.pss.evaluator import Policy
from vcvalues.pss.workloads import find_pods

Locate = Callable[[KeyPath], tuple[int, int]]
"""Key path in a document -> (line, column), 1-based; a missing path gives its nearest ancestor's place."""

SKIPPED_RULE = "skipped"

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
    SKIPPED_RULE: "objects without a pod template are not evaluated",
}
"""One line per rule id check-pods reports (SARIF rule descriptors)."""


@dataclass(frozen=True, slots=True)
class PodReport:
    """Diagnostics for some documents, and how many pods were evaluated and refused."""

    diagnostics: tuple[Diagnostic, ...] = ()
    evaluated: int = 0
    refused: int = 0

    def __add__(self, other: PodReport) -> PodReport:
        return PodReport(
            self.diagnostics + other.diagnostics,
            self.evaluated + other.evaluated,
            self.refused + other.refused,
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
        The diagnostics (ERROR per failed check per object, INFO per skipped object) and counts.
    """
    targets, skipped = find_pods(document)
    diagnostics: list[Diagnostic] = []
    for skip in skipped:
        path = (*skip.object_path, "kind") if skip.kind else skip.object_path
        line, column = locate(path)
        what = f"{skip.kind} {skip.name}".strip() or "document"
        diagnostics.append(
            Diagnostic(
                SKIPPED_RULE, Severity.INFO, f"skipped {what}: {skip.reason}", file, line, column, None, path
            )
        )
    refused = 0
    for target in targets:
        evaluation = policy.evaluate(target.spec, target.metadata, apply_defaults=apply_defaults)
        if evaluation.allowed:
            continue
        refused += 1
        for result in evaluation.results:
            paths = [(*target.pod_path, *p) for p in result.paths] or [target.pod_path]
            # The first offending field in the file (on a tie, the first the check reported).
            (line, column), path = min(((locate(p), p) for p in paths), key=lambda item: item[0])
            diagnostics.append(
                Diagnostic(
                    result.check_id,
                    Severity.ERROR,
                    f"{target.label} violates {evaluation.policy}: {result.text}",
                    file,
                    line,
                    column,
                    HINTS.get(result.check_id),
                    path,
                )
            )
    return PodReport(tuple(diagnostics), len(targets), refused)


def diagnose_documents(
    documents: Iterable[tuple[object, Locate]], *, file: str, policy: Policy, apply_defaults: bool = True
) -> PodReport:
    """:func:`diagnose_document` over the documents of one file, added up."""
    report = PodReport()
    for document, locate in documents:
        report = report + diagnose_document(
            document, locate, file=file, policy=policy, apply_defaults=apply_defaults
        )
    return report
