"""``control-plane-pod-security`` (0.20+): the vcluster's own pods against the host namespace's level.

The chart creates the control-plane StatefulSet (and, with ``controlPlane.backingStore.etcd.deploy``, the
etcd StatefulSet) in the host namespace, so the host's Pod Security admission judges their pods. What the
templates (``chart/templates/statefulset.yaml``, ``_init-containers.tpl``, ``etcd-statefulset.yaml``) put
in those pods, at every release 0.20.0-0.36.1:

- pod ``securityContext``: ``controlPlane.statefulSet.security.podSecurityContext`` when not empty
  (default ``{}``);
- the ``syncer`` container: ``controlPlane.statefulSet.security.containerSecurityContext`` (default
  ``{allowPrivilegeEscalation: false, runAsUser: 0, runAsGroup: 0}``: root, so ``restricted`` refuses it);
  from 0.30.0 ``controlPlane.advanced.kubeVip.enabled`` adds capabilities ``NET_ADMIN`` and ``NET_RAW``
  (``baseline`` refuses them);
- the distro's init container(s): ``controlPlane.distro.<distro>.securityContext`` (default ``{}``);
- from 0.30.0, the user's ``controlPlane.statefulSet.initContainers`` and ``sidecarContainers``, verbatim;
- etcd: ``controlPlane.backingStore.etcd.deploy.statefulSet.security.{podSecurityContext,
  containerSecurityContext}`` (default ``{}``).

The level is the rule option ``level`` (the same option as the legacy rule, in ``.vcvalues.yaml``); unset,
the rule is off.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.modern.rules._base import Example, ModernRuleContext, Option, Rule, at, go_truthy

LEVELS = ("privileged", "baseline", "restricted")
CP = ("controlPlane", "statefulSet")
CP_POD: KeyPath = (*CP, "security", "podSecurityContext")
CP_CONTAINER: KeyPath = (*CP, "security", "containerSecurityContext")
KUBE_VIP: KeyPath = ("controlPlane", "advanced", "kubeVip", "enabled")
ETCD = ("controlPlane", "backingStore", "etcd", "deploy")
DISTROS = ("k8s", "k3s", "k0s")

# (pod name, pod spec, the value paths the pod's security fields come from)
Pod = tuple[str, dict[str, Any], list[KeyPath]]


def _context(values: dict[str, Any], path: KeyPath) -> dict[str, Any] | None:
    value = at(values, path)
    return dict(value) if isinstance(value, dict) and value else None


def _container(name: str, context: dict[str, Any] | None) -> dict[str, Any]:
    return {"name": name, "securityContext": context} if context else {"name": name}


def _user_containers(ctx: ModernRuleContext, key: str) -> list[dict[str, Any]]:
    if ctx.chart.version.triple < (0, 30, 0):
        return []  # the templates render initContainers and sidecarContainers from 0.30.0
    items = at(ctx.values, (*CP, key))
    return [dict(c) for c in (items if isinstance(items, list) else []) if isinstance(c, dict)]


def _init_name(ctx: ModernRuleContext, distro: str) -> str:
    """The distro's first init container: k8s ``vcluster-copy`` up to 0.24.x (then kube-controller-manager,
    kube-scheduler-manager, kube-apiserver, all with the same context), ``kubernetes`` from 0.25.0; k3s and
    k0s ``vcluster``."""
    if distro != "k8s":
        return "vcluster"
    return "kubernetes" if ctx.chart.version.triple >= (0, 25, 0) else "vcluster-copy"


def control_plane_pod(ctx: ModernRuleContext) -> Pod:
    """The control-plane pod as the chart renders its security-relevant fields."""
    values = ctx.values
    syncer = _context(values, CP_CONTAINER)
    paths: list[KeyPath] = [CP_CONTAINER, CP_POD]
    if ctx.chart.version.triple >= (0, 30, 0) and go_truthy(at(values, KUBE_VIP)):
        syncer = dict(syncer or {})
        caps = dict(syncer.get("capabilities") or {})
        added = list(caps.get("add") or [])
        caps["add"] = added + [cap for cap in ("NET_ADMIN", "NET_RAW") if cap not in added]
        syncer["capabilities"] = caps
        paths.insert(0, KUBE_VIP)
    enabled = [d for d in DISTROS if go_truthy(at(values, ("controlPlane", "distro", d, "enabled")))]
    distro = enabled[0] if enabled else "k8s"
    distro_path: KeyPath = ("controlPlane", "distro", distro, "securityContext")
    paths.append(distro_path)
    spec: dict[str, Any] = {
        "initContainers": [
            _container(_init_name(ctx, distro), _context(values, distro_path)),
            *_user_containers(ctx, "initContainers"),
        ],
        "containers": [_container("syncer", syncer), *_user_containers(ctx, "sidecarContainers")],
    }
    paths += [(*CP, "initContainers"), (*CP, "sidecarContainers")]
    pod_context = _context(values, CP_POD)
    if pod_context:
        spec["securityContext"] = pod_context
    return f"of the control plane ({ctx.release})", spec, paths


def etcd_pod(ctx: ModernRuleContext) -> Pod | None:
    """The deployed etcd's pod, when the chart deploys it."""
    if not go_truthy(at(ctx.values, (*ETCD, "enabled"))):
        return None
    security = (*ETCD, "statefulSet", "security")
    pod_path: KeyPath = (*security, "podSecurityContext")
    container_path: KeyPath = (*security, "containerSecurityContext")
    spec: dict[str, Any] = {"containers": [_container("etcd", _context(ctx.values, container_path))]}
    pod_context = _context(ctx.values, pod_path)
    if pod_context:
        spec["securityContext"] = pod_context
    return f"of the deployed etcd ({ctx.release}-etcd)", spec, [container_path, pod_path]


def check_control_plane(ctx: ModernRuleContext) -> None:
    """control-plane-pod-security."""
    level = ctx.options.get("level")
    if level not in LEVELS:
        return
    from vcvalues.pss import evaluate_pod

    version = str(ctx.options.get("version") or "latest")
    for pod in (control_plane_pod(ctx), etcd_pod(ctx)):
        if pod is None:
            continue
        name, spec, paths = pod
        verdict = evaluate_pod(spec, level=level, version=version)
        if verdict.allowed:
            continue
        where = next((path for path in paths if ctx.user_set(path)), paths[0])
        ctx.report(
            where,
            f"the host namespace enforces {level}: pod {name} is refused: {verdict.message}",
            hint="adjust the security contexts (runAsNonRoot, runAsUser non-zero, capabilities.drop [ALL], "
            "seccompProfile RuntimeDefault, allowPrivilegeEscalation false), or run the vcluster in a "
            "namespace of a lower level",
        )


RESTRICTED_CONTEXT = (
    "      containerSecurityContext:\n        allowPrivilegeEscalation: false\n        runAsUser: 1000\n"
    "        runAsGroup: 1000\n        runAsNonRoot: true\n        capabilities:\n          drop:\n"
    "          - ALL\n        seccompProfile:\n          type: RuntimeDefault\n"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="control-plane-pod-security",
        default_severity=Severity.WARNING,
        summary="the vcluster's own pod would be refused by the host namespace's Pod Security level",
        why=(
            "the host namespace's Pod Security admission judges the control-plane (and deployed etcd) pods "
            "the chart creates; a refused pod means the StatefulSet never gets its pod and the vcluster "
            "never starts (set the level with the rule option `level`)"
        ),
        fail_example=(
            "controlPlane:\n  statefulSet:\n    security:\n      containerSecurityContext:\n"
            "        allowPrivilegeEscalation: false\n"
        ),
        fail_at=(5, 9),
        pass_example=(
            "controlPlane:\n  distro:\n    k8s:\n      securityContext:\n"
            "        allowPrivilegeEscalation: false\n"
            "        runAsUser: 1000\n        runAsNonRoot: true\n        capabilities:\n          drop:\n"
            "          - ALL\n        seccompProfile:\n          type: RuntimeDefault\n"
            "  statefulSet:\n    security:\n" + RESTRICTED_CONTEXT
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
        source="chart templates/statefulset.yaml, _init-containers.tpl (0.20.0-0.36.1); vcvalues.pss",
    ),
)
