"""Checks on host access: host namespaces, host ports, hosts in probes/lifecycle, Windows HostProcess.

Mirrors policy/check_hostNamespaces.go, check_hostPorts.go, check_hostProbesAndhostLifecycle.go and
check_windowsHostProcess.go of k8s.io/pod-security-admission v0.35.0.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core.diagnostics import KeyPath
from vcvalues.pss._base import (
    Check,
    CheckResult,
    Container,
    Pod,
    VersionedCheck,
    as_int,
    as_str,
    containers_phrase,
    join_quote,
    pluralize,
)

_HOST_NAMESPACES = ("hostNetwork", "hostPID", "hostIPC")


def host_namespaces(pod: Pod) -> CheckResult | None:
    """hostNetwork, hostPID and hostIPC must not be true (baseline, v1.0+)."""
    spec = pod.spec
    found = [name for name in _HOST_NAMESPACES if spec.get(name) is True]
    if not found:
        return None
    return CheckResult(
        "hostNamespaces",
        "host namespaces",
        ", ".join(f"{name}=true" for name in found),
        tuple(("spec", name) for name in found),
    )


def host_ports(pod: Pod) -> CheckResult | None:
    """No container may use a hostPort (baseline, v1.0+)."""
    default_ports = pod.defaults and pod.spec.get("hostNetwork") is True
    bad_containers: list[str] = []
    ports: set[str] = set()
    paths: list[KeyPath] = []
    for container in pod.containers:
        items = container.raw.get("ports")
        if not items or not isinstance(items, list):
            continue
        # The API server defaults hostPort only in containers and initContainers, not ephemeral ones.
        defaulted = default_ports and container.field != "ephemeralContainers"
        valid = True
        for j, port in enumerate(items):
            if not isinstance(port, dict):
                continue
            host_port = as_int(port.get("hostPort"))
            if host_port == 0 and defaulted:
                host_port = as_int(port.get("containerPort"))
            if host_port != 0:
                valid = False
                ports.add(str(host_port))
                paths.append((*container.path, "ports", j, "hostPort"))
        if not valid:
            bad_containers.append(container.name)
    if not bad_containers:
        return None
    detail = (
        f"{containers_phrase(bad_containers)} {pluralize('uses', 'use', len(bad_containers))} "
        f"{pluralize('hostPort', 'hostPorts', len(ports))} {', '.join(sorted(ports))}"
    )
    return CheckResult("hostPorts", "hostPort", detail, tuple(paths))


_PROBES = ("livenessProbe", "readinessProbe", "startupProbe")
_LIFECYCLE_HANDLERS = ("postStart", "preStop")
_HOST_ACTIONS = ("httpGet", "tcpSocket")


def _handler_hosts(
    handler: Any, container: Container, where: KeyPath, hosts: set[str], paths: list[KeyPath]
) -> bool:
    if not isinstance(handler, dict):
        return False
    bad = False
    for action in _HOST_ACTIONS:
        target = handler.get(action)
        host = as_str(target.get("host")) if isinstance(target, dict) else ""
        if host:
            hosts.add(host)
            paths.append((*container.path, *where, action, "host"))
            bad = True
    return bad


def host_probes_and_host_lifecycle(pod: Pod) -> CheckResult | None:
    """Probes and lifecycle handlers must not set a host (baseline, v1.34+)."""
    bad_containers: set[str] = set()
    hosts: set[str] = set()
    paths: list[KeyPath] = []
    for container in pod.containers:
        raw = container.raw
        for probe in _PROBES:
            handler = raw.get(probe)
            if handler and _handler_hosts(handler, container, (probe,), hosts, paths):
                bad_containers.add(container.name)
        lifecycle = raw.get("lifecycle")
        if lifecycle and isinstance(lifecycle, dict):
            for name in _LIFECYCLE_HANDLERS:
                handler = lifecycle.get(name)
                if handler and _handler_hosts(handler, container, ("lifecycle", name), hosts, paths):
                    bad_containers.add(container.name)
    if not bad_containers:
        return None
    detail = (
        f"{containers_phrase(sorted(bad_containers))} {pluralize('uses', 'use', len(bad_containers))} "
        f"{pluralize('probe or lifecycle host', 'probe or lifecycle hosts', len(hosts))} "
        f"{join_quote(sorted(hosts))}"
    )
    return CheckResult("hostProbesAndHostLifecycle", "probe or lifecycle host", detail, tuple(paths))


def _host_process(sc: Any) -> bool:
    options = sc.get("windowsOptions") if sc is not None else None
    return isinstance(options, dict) and options.get("hostProcess") is True


def windows_host_process(pod: Pod) -> CheckResult | None:
    """Pod and containers must not set windowsOptions.hostProcess=true (baseline, v1.0+)."""
    bad = [c for c in pod.containers if c.sc is not None and _host_process(c.sc)]
    pod_bad = _host_process(pod.sc)
    if not bad and not pod_bad:
        return None
    setters = ["pod"] if pod_bad else []
    paths: list[KeyPath] = [("spec", "securityContext", "windowsOptions", "hostProcess")] if pod_bad else []
    if bad:
        setters.append(containers_phrase([c.name for c in bad]))
        paths.extend((*c.path, "securityContext", "windowsOptions", "hostProcess") for c in bad)
    detail = f"{' and '.join(setters)} must not set securityContext.windowsOptions.hostProcess=true"
    return CheckResult("windowsHostProcess", "hostProcess", detail, tuple(paths))


CHECKS = (
    Check("hostNamespaces", "baseline", (VersionedCheck(0, host_namespaces),)),
    Check("hostPorts", "baseline", (VersionedCheck(0, host_ports),)),
    Check("hostProbesAndHostLifecycle", "baseline", (VersionedCheck(34, host_probes_and_host_lifecycle),)),
    Check("windowsHostProcess", "baseline", (VersionedCheck(0, windows_host_process),)),
)
