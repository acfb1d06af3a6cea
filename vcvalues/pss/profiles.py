"""Checks on security profiles: AppArmor, seccomp, SELinux.

Mirrors policy/check_appArmorProfile.go, check_seccompProfile_baseline.go, check_seccompProfile_restricted.go
and check_seLinuxOptions.go of k8s.io/pod-security-admission v0.35.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vcvalues.core.diagnostics import KeyPath
from vcvalues.core.gofmt import go_quote
from vcvalues.pss._base import (
    Check,
    CheckResult,
    Pod,
    VersionedCheck,
    as_str,
    containers_phrase,
    join_quote,
    pluralize,
    sub,
)

APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/"
SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod"
SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/"
_PROFILE_TYPES = frozenset(("RuntimeDefault", "Localhost"))
SELINUX_TYPES_1_0 = frozenset(("", "container_t", "container_init_t", "container_kvm_t"))
SELINUX_TYPES_1_31 = SELINUX_TYPES_1_0 | {"container_engine_t"}


def _profile_type(sc: Mapping[str, Any] | None, field: str) -> str | None:
    """The ``type`` of a profile struct (``""`` when it has none); None when the struct is unset."""
    profile = sub(sc, field)
    return None if profile is None else as_str(profile.get("type"))


def _any_container_profile(pod: Pod, field: str) -> bool:
    """Some container sets this securityContext struct."""
    for c in pod.containers:  # noqa: SIM110 - a plain loop; any(<generator>) costs more on this hot path
        if c.sc is not None and c.sc.get(field) is not None:
            return True
    return False


def _any_profile(pod: Pod, field: str) -> bool:
    """Pod or any container sets this securityContext struct (usually not: a fast way out)."""
    if pod.sc is not None and pod.sc.get(field) is not None:
        return True
    return _any_container_profile(pod, field)


def _bad_profile_setters(pod: Pod, field: str) -> tuple[list[str], set[str], list[KeyPath]]:
    """Pod and containers that set ``<field>.type`` to anything but RuntimeDefault/Localhost."""
    if not _any_profile(pod, field):
        return [], set(), []
    setters: list[str] = []
    values: set[str] = set()
    paths: list[KeyPath] = []
    pod_type = _profile_type(pod.sc, field)
    if pod_type is not None and pod_type not in _PROFILE_TYPES:
        setters.append("pod")
        values.add(pod_type)
        paths.append(("spec", "securityContext", field, "type"))
    bad: list[str] = []
    for c in pod.containers:
        value = _profile_type(c.sc, field)
        if value is not None and value not in _PROFILE_TYPES:
            bad.append(c.name)
            values.add(value)
            paths.append((*c.path, "securityContext", field, "type"))
    if bad:
        setters.append(containers_phrase(bad))
    return setters, values, paths


def app_armor_profile(pod: Pod) -> CheckResult | None:
    """AppArmor: type RuntimeDefault/Localhost; annotations runtime/default, localhost/* (baseline, v1.0+)."""
    setters, values, paths = _bad_profile_setters(pod, "appArmorProfile")
    annotations: list[tuple[str, str]] = []
    for key, raw in pod.annotations.items():
        if isinstance(key, str) and key.startswith(APPARMOR_ANNOTATION_PREFIX):
            value = as_str(raw)
            if value and value != "runtime/default" and not value.startswith("localhost/"):
                annotations.append((f"{key}={go_quote(value)}", key))
    bad_values = sorted(values)
    if annotations:
        annotations.sort()
        bad_values.extend(text for text, _ in annotations)
        setters.append(pluralize("annotation", "annotations", len(annotations)))
        paths.extend(("metadata", "annotations", key) for _, key in annotations)
    if not setters:
        return None
    return CheckResult(
        "appArmorProfile",
        pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", len(bad_values)),
        f"{' and '.join(setters)} must not set AppArmor profile type to {join_quote(bad_values)}",
        tuple(paths),
    )


def _valid_seccomp_annotation(value: str) -> bool:
    return value in ("runtime/default", "docker/default") or value.startswith("localhost/")


def seccomp_profile_baseline_1_0(pod: Pod) -> CheckResult | None:
    """Seccomp annotations: only runtime/default, docker/default, localhost/* (baseline, v1.0-v1.18)."""
    forbidden: dict[str, KeyPath] = {}
    keys = [SECCOMP_POD_ANNOTATION]
    keys.extend(SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name for c in pod.containers)
    for key in keys:
        if key in pod.annotations:
            value = as_str(pod.annotations[key])
            if not _valid_seccomp_annotation(value):
                forbidden.setdefault(f"{key}={go_quote(value)}", ("metadata", "annotations", key))
    if not forbidden:
        return None
    texts = sorted(forbidden)
    return CheckResult(
        "seccompProfile_baseline",
        "seccompProfile",
        f"forbidden {pluralize('annotation', 'annotations', len(texts))} {', '.join(texts)}",
        tuple(forbidden[text] for text in texts),
    )


def _seccomp_detail(setters: list[str], values: set[str]) -> str:
    types = join_quote(sorted(values))
    return f"{' and '.join(setters)} must not set securityContext.seccompProfile.type to {types}"


def seccomp_profile_baseline_1_19(pod: Pod) -> CheckResult | None:
    """seccompProfile.type, when set, must be RuntimeDefault or Localhost (baseline, v1.19+)."""
    setters, values, paths = _bad_profile_setters(pod, "seccompProfile")
    if not setters:
        return None
    return CheckResult(
        "seccompProfile_baseline", "seccompProfile", _seccomp_detail(setters, values), tuple(paths)
    )


def seccomp_profile_restricted_1_19(pod: Pod) -> CheckResult | None:
    """seccompProfile.type must be RuntimeDefault or Localhost on the pod or every container (v1.19+)."""
    pod_type = _profile_type(pod.sc, "seccompProfile")
    if pod_type in _PROFILE_TYPES and not _any_container_profile(pod, "seccompProfile"):
        return None  # the common case: a valid pod-level profile and nothing set per container
    setters, values, paths = _bad_profile_setters(pod, "seccompProfile")
    if setters:
        return CheckResult(
            "seccompProfile_restricted", "seccompProfile", _seccomp_detail(setters, values), tuple(paths)
        )
    if _profile_type(pod.sc, "seccompProfile") is not None:
        return None  # a valid pod-level profile covers every container that sets none
    implicit = [c for c in pod.containers if _profile_type(c.sc, "seccompProfile") is None]
    if not implicit:
        return None
    return CheckResult(
        "seccompProfile_restricted",
        "seccompProfile",
        f"pod or {containers_phrase([c.name for c in implicit])} must set "
        'securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
        tuple((*c.path, "securityContext", "seccompProfile", "type") for c in implicit),
    )


def seccomp_profile_restricted_1_25(pod: Pod) -> CheckResult | None:
    """As v1.19, but Windows pods are exempt (v1.25+)."""
    return None if pod.windows else seccomp_profile_restricted_1_19(pod)


def _se_linux_options(pod: Pod, allowed: frozenset[str]) -> CheckResult | None:
    if not _any_profile(pod, "seLinuxOptions"):
        return None
    types: set[str] = set()
    flags = {"user": False, "role": False}
    paths: list[KeyPath] = []

    def invalid(options: Mapping[str, Any], where: KeyPath) -> bool:
        bad = False
        kind = as_str(options.get("type"))
        if kind not in allowed:
            types.add(kind)
            paths.append((*where, "type"))
            bad = True
        for field in ("user", "role"):
            if as_str(options.get(field)):
                flags[field] = True
                paths.append((*where, field))
                bad = True
        return bad

    setters: list[str] = []
    options = sub(pod.sc, "seLinuxOptions")
    if options is not None and invalid(options, ("spec", "securityContext", "seLinuxOptions")):
        setters.append("pod")
    bad = [
        c.name
        for c in pod.containers
        if (found := sub(c.sc, "seLinuxOptions")) is not None
        and invalid(found, (*c.path, "securityContext", "seLinuxOptions"))
    ]
    if bad:
        setters.append(containers_phrase(bad))
    if not setters:
        return None
    data = [f"{pluralize('type', 'types', len(types))} {join_quote(sorted(types))}"] if types else []
    data.extend(f"{field} may not be set" for field in ("user", "role") if flags[field])
    detail = f"{' and '.join(setters)} set forbidden securityContext.seLinuxOptions: {'; '.join(data)}"
    return CheckResult("seLinuxOptions", "seLinuxOptions", detail, tuple(paths))


def se_linux_options_1_0(pod: Pod) -> CheckResult | None:
    """SELinux type only container_t/container_init_t/container_kvm_t; no user or role (baseline, v1.0+)."""
    return _se_linux_options(pod, SELINUX_TYPES_1_0)


def se_linux_options_1_31(pod: Pod) -> CheckResult | None:
    """As v1.0, and container_engine_t is allowed too (v1.31+)."""
    return _se_linux_options(pod, SELINUX_TYPES_1_31)


CHECKS = (
    Check("appArmorProfile", "baseline", (VersionedCheck(0, app_armor_profile),)),
    Check(
        "seccompProfile_baseline",
        "baseline",
        (VersionedCheck(0, seccomp_profile_baseline_1_0), VersionedCheck(19, seccomp_profile_baseline_1_19)),
    ),
    Check(
        "seccompProfile_restricted",
        "restricted",
        (
            VersionedCheck(19, seccomp_profile_restricted_1_19, overrides=("seccompProfile_baseline",)),
            VersionedCheck(25, seccomp_profile_restricted_1_25, overrides=("seccompProfile_baseline",)),
        ),
    ),
    Check(
        "seLinuxOptions",
        "baseline",
        (VersionedCheck(0, se_linux_options_1_0), VersionedCheck(31, se_linux_options_1_31)),
    ),
)
