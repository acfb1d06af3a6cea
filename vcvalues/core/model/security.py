"""Kubernetes ``SecurityContext`` and ``PodSecurityContext`` (core/v1), as the chart passes them through.

The chart copies these maps verbatim (``toYaml``) into the vcluster StatefulSet, so they are typed
after the Kubernetes API: ids in the range the API server accepts, enumerations where the API server
only accepts a fixed set, the discriminator ``type`` required where the API requires it.
"""

from __future__ import annotations

from typing import Literal

from vcvalues.core.model.base import Section, UnixId

ProfileType = Literal["RuntimeDefault", "Unconfined", "Localhost"]


class Capabilities(Section):
    """Linux capabilities to add to or drop from a container."""

    add: list[str] | None = None
    """Capabilities to add, e.g. NET_BIND_SERVICE."""
    drop: list[str] | None = None
    """Capabilities to drop, e.g. ALL."""


class SELinuxOptions(Section):
    """SELinux labels of a container or pod."""

    user: str | None = None
    """SELinux user label."""
    role: str | None = None
    """SELinux role label."""
    type: str | None = None
    """SELinux type label."""
    level: str | None = None
    """SELinux level label."""


class SeccompProfile(Section):
    """The seccomp profile of a container or pod."""

    type: ProfileType
    """RuntimeDefault, Unconfined or Localhost."""
    localhost_profile: str | None = None
    """Profile file under the kubelet's seccomp directory (type Localhost only)."""


class AppArmorProfile(Section):
    """The AppArmor profile of a container or pod."""

    type: ProfileType
    """RuntimeDefault, Unconfined or Localhost."""
    localhost_profile: str | None = None
    """Profile loaded on the node (type Localhost only)."""


class WindowsOptions(Section):
    """Windows-specific security settings."""

    gmsa_credential_spec_name: str | None = None
    """Name of the GMSA credential spec to use."""
    gmsa_credential_spec: str | None = None
    """Inline GMSA credential spec."""
    run_as_user_name: str | None = None
    """Windows user name to run the entrypoint as."""
    host_process: bool | None = None
    """Run as a Windows HostProcess container."""


class Sysctl(Section):
    """One namespaced sysctl of a pod."""

    name: str
    """Sysctl name."""
    value: str
    """Sysctl value."""


class _CommonSecurity(Section):
    """Fields a container and a pod security context share."""

    run_as_user: UnixId | None = None
    """UID to run the entrypoint as (0 is root)."""
    run_as_group: UnixId | None = None
    """GID to run the entrypoint as."""
    run_as_non_root: bool | None = None
    """Require the container to run as a non-root user."""
    se_linux_options: SELinuxOptions | None = None
    """SELinux context."""
    seccomp_profile: SeccompProfile | None = None
    """Seccomp profile."""
    app_armor_profile: AppArmorProfile | None = None
    """AppArmor profile."""
    windows_options: WindowsOptions | None = None
    """Windows-specific settings."""


class SecurityContext(_CommonSecurity):
    """A container's ``securityContext`` (Kubernetes core/v1 SecurityContext)."""

    capabilities: Capabilities | None = None
    """Capabilities to add and drop."""
    privileged: bool | None = None
    """Run in privileged mode."""
    read_only_root_filesystem: bool | None = None
    """Mount the root filesystem read-only."""
    allow_privilege_escalation: bool | None = None
    """Whether a process can gain more privileges than its parent (no_new_privs)."""
    proc_mount: Literal["Default", "Unmasked"] | None = None
    """Type of proc mount."""


class PodSecurityContext(_CommonSecurity):
    """A pod's ``securityContext`` (Kubernetes core/v1 PodSecurityContext)."""

    fs_group: UnixId | None = None
    """Group that owns the pod's volumes."""
    fs_group_change_policy: Literal["OnRootMismatch", "Always"] | None = None
    """When to change volume ownership to fsGroup."""
    supplemental_groups: list[UnixId] | None = None
    """Extra groups of the first process of each container."""
    supplemental_groups_policy: Literal["Merge", "Strict"] | None = None
    """How supplemental groups are computed."""
    sysctls: list[Sysctl] | None = None
    """Namespaced sysctls."""
    se_linux_change_policy: Literal["MountOption", "Recursive"] | None = None
    """How the SELinux label is applied to volumes."""
