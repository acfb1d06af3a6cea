"""Pod Security Standards: the level the syncer enforces, and whether the vcluster's own pod passes the
host namespace's level.

With ``isolation.enabled`` the chart passes ``--enforce-pod-security-standard=<podSecurityStandard>`` to
the syncer (charts/*/templates/syncer.yaml), which refuses to start with a level outside
privileged/baseline/restricted (pkg/apis/... ``api.ParseLevel`` in the syncer's pod-security-admission).
The vcluster's own pod is created by the chart in the host namespace, so the host's Pod Security
admission judges it: its security contexts come from the values (``catalog.control_plane`` says which).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vcvalues.core.diagnostics import KeyPath, Severity, spell_value
from vcvalues.legacy.rules._base import Example, Option, Rule, RuleContext
from vcvalues.legacy.rules._values import SA_FLAG, as_map, get, isolation

if TYPE_CHECKING:
    from vcvalues.legacy.chart import ChartRef

LEVEL: KeyPath = ("isolation", "podSecurityStandard")
LEVELS = ("privileged", "baseline", "restricted")


def claim_schema_issue(path: KeyPath, value: Any, message: str) -> tuple[str, str, str | None] | None:
    """An unknown ``isolation.podSecurityStandard`` is ``pod-security-level``."""
    if path != LEVEL:
        return None
    if value == "":
        # pkg/setup/controller_context.go (v0.19.10): an empty level passes the check and the syncer
        # starts, but enforces no Pod Security Standard at all.
        return (
            "pod-security-level",
            "isolation.podSecurityStandard is empty: the syncer starts but enforces no Pod Security "
            "Standard, so isolated mode does not restrict workloads",
            "use baseline (the chart default) or restricted",
        )
    return (
        "pod-security-level",
        f"isolation.podSecurityStandard is {spell_value(value)}: the syncer refuses to start with it "
        "(must be privileged, baseline or restricted)",
        "use baseline (the chart default) or restricted",
    )


def check_privileged(ctx: RuleContext) -> None:
    """pod-security-privileged."""
    if isolation(ctx.values, ctx.namespace).enabled and get(ctx.values, LEVEL) == "privileged":
        ctx.report(
            LEVEL,
            "isolation is on with podSecurityStandard privileged: the syncer lets every pod through, "
            "so virtual cluster workloads can run privileged on the host",
            hint="use baseline or restricted",
        )


def _pod_spec(
    values: dict[str, Any], workload: Any
) -> tuple[dict[str, Any], list[tuple[KeyPath | None, str]]]:
    """The pod spec fields Pod Security looks at, and where each container's context comes from."""
    spec: dict[str, Any] = {"containers": [], "initContainers": []}
    security = workload.pod_security
    if security is not None:
        base = dict(as_map(get(values, security.base))) if security.base else {}
        fs_group = get(values, security.fs_group) if security.fs_group else None
        if fs_group is not None and "fsGroup" not in base:
            base["fsGroup"] = fs_group
        if base:
            spec["securityContext"] = base
    origins: list[tuple[KeyPath | None, str]] = []
    for container in workload.containers:
        if not container.when.holds(values):
            continue
        item: dict[str, Any] = {"name": container.name}
        if container.security_context is not None:
            context = get(values, container.security_context)
            if isinstance(context, dict) and context:
                item["securityContext"] = context
        spec["initContainers" if container.init else "containers"].append(item)
        origins.append((container.security_context, container.name))
    return spec, origins


def refused_pods(
    values: dict[str, Any], chart: ChartRef, release: str, level: str, version: str = "latest"
) -> list[tuple[str, str, list[KeyPath]]]:
    """The vcluster's own pods that a host namespace enforcing ``level`` refuses: (pod name, upstream
    message, where their security contexts come from), for effective ``values``."""
    from vcvalues.legacy.catalog.control_plane import control_plane
    from vcvalues.pss import evaluate_pod

    refused = []
    for workload in control_plane(chart).workloads:
        if not workload.when.holds(values):
            continue
        spec, origins = _pod_spec(values, workload)
        verdict = evaluate_pod(spec, level=level, version=version)
        if not verdict.allowed:
            paths = [path for path, _ in origins if path is not None]
            refused.append((workload.name.format(release=release), verdict.message, paths))
    return refused


CONTROL_PLANE_HINT = (
    "adjust the security contexts (runAsNonRoot, capabilities.drop [ALL], seccompProfile RuntimeDefault, "
    "allowPrivilegeEscalation false), or run the vcluster in a namespace of a lower level"
)


def check_control_plane(ctx: RuleContext) -> None:
    """control-plane-pod-security."""
    level = ctx.options.get("level")
    if level not in LEVELS:
        return
    version = str(ctx.options.get("version") or "latest")
    for name, message, origins in refused_pods(ctx.values, ctx.chart, ctx.release, level, version):
        paths = [path for path in origins if ctx.user_set(path)]
        where = paths[0] if paths else (origins[0] if origins else ("securityContext",))
        ctx.report(
            where,
            f"the host namespace enforces {level}: pod {name} is refused: {message}",
            hint=CONTROL_PLANE_HINT,
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="pod-security-level",
        default_severity=Severity.ERROR,
        summary="isolation.podSecurityStandard is not privileged, baseline or restricted",
        why="the chart passes it to --enforce-pod-security-standard and the syncer refuses to start",
        fail_example=f"isolation:\n  enabled: true\n  podSecurityStandard: strict\n{SA_FLAG}",
        fail_at=(3, 24),
        pass_example=f"isolation:\n  enabled: true\n  podSecurityStandard: restricted\n{SA_FLAG}",
        source="charts/*/templates/syncer.yaml; k8s.io/pod-security-admission api.ParseLevel",
    ),
    Rule(
        id="pod-security-privileged",
        default_severity=Severity.WARNING,
        summary="isolation on with the privileged Pod Security Standard",
        why="privileged enforces nothing: isolated mode then does not isolate workloads from the host",
        fail_example=f"isolation:\n  enabled: true\n  podSecurityStandard: privileged\n{SA_FLAG}",
        fail_at=(3, 24),
        pass_example=f"isolation:\n  enabled: true\n  podSecurityStandard: baseline\n{SA_FLAG}",
        check=check_privileged,
    ),
    Rule(
        id="control-plane-pod-security",
        default_severity=Severity.WARNING,
        summary="the vcluster's own pod would be refused by the host namespace's Pod Security level",
        why=(
            "the host namespace's Pod Security admission judges the chart's own pods; a refused pod means "
            "the "
            "StatefulSet/Deployment never gets its pod and the vcluster never starts (set the level with the "
            "rule option `level`)"
        ),
        fail_example="securityContext:\n  allowPrivilegeEscalation: false\n",
        fail_at=(2, 3),
        pass_example=(
            "securityContext:\n  allowPrivilegeEscalation: false\n  runAsUser: 1000\n  runAsGroup: 1000\n"
            "  runAsNonRoot: true\n  capabilities:\n    drop:\n    - ALL\n  seccompProfile:\n"
            "    type: RuntimeDefault\n"
        ),
        check=check_control_plane,
        options=(
            Option(
                "level",
                None,
                "the level the host namespace enforces (unset: the rule is off)",
                (None, *LEVELS),
            ),
            Option("version", "latest", "the Pod Security version the host enforces (latest or v1.N)"),
        ),
        example=Example(options={"level": "restricted"}),
        source="charts/*/templates (catalog.control_plane); vcvalues.pss",
    ),
)
