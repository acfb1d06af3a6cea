"""The flags of the vcluster syncer binary (``/vcluster start``), per release 0.15.0 - 0.19.10.

Read from the cobra/pflag registrations the ``start`` command makes at each tag
(cmd/vcluster/cmd/start.go calls them):
- 0.15.0 - 0.16.4: ``AddFlags`` in cmd/vcluster/context/flag_options.go
- 0.17.0 - 0.18.1: ``AddFlags`` in pkg/setup/options/flags.go
- 0.19.0 - 0.19.10: ``AddFlags`` in pkg/options/flags.go, and from 0.19.3 also ``AddProFlags`` in
  pkg/pro/flags.go (before 0.19.3 those flags existed only in the closed vCluster.Pro image)
No persistent/global flags: the root command (cmd/vcluster/cmd/root.go) declares none and nothing registers
on pflag.CommandLine; cobra's own ``-h/--help`` prints help and exits instead of starting, so it is left out.
No flag has a shorthand, no flag was removed and none changed type within the range.
"""

from __future__ import annotations

from vcvalues.legacy.catalog.flags import FlagKind

BOOL = FlagKind.BOOL
STRING = FlagKind.STRING
INT = FlagKind.INT
INT64 = FlagKind.INT64
STRING_SLICE = FlagKind.STRING_SLICE
STRING_ARRAY = FlagKind.STRING_ARRAY

# (long name without "--", value type, first release whose syncer has it), in registration order.
SYNCER_FLAGS: tuple[tuple[str, FlagKind, tuple[int, int, int]], ...] = (
    ("kube-config-context-name", STRING, (0, 15, 0)),
    ("sync", STRING_SLICE, (0, 15, 0)),
    ("request-header-ca-cert", STRING, (0, 15, 0)),
    ("client-ca-cert", STRING, (0, 15, 0)),
    ("server-ca-cert", STRING, (0, 15, 0)),
    ("server-ca-key", STRING, (0, 15, 0)),
    ("kube-config", STRING, (0, 15, 0)),
    ("tls-san", STRING_SLICE, (0, 15, 0)),
    ("out-kube-config-secret", STRING, (0, 15, 0)),
    ("out-kube-config-secret-namespace", STRING, (0, 15, 0)),
    ("out-kube-config-server", STRING, (0, 15, 0)),
    ("target-namespace", STRING, (0, 15, 0)),
    ("service-name", STRING, (0, 15, 0)),
    ("set-owner", BOOL, (0, 15, 0)),
    ("name", STRING, (0, 15, 0)),
    ("bind-address", STRING, (0, 15, 0)),
    ("port", INT, (0, 15, 0)),
    ("sync-all-nodes", BOOL, (0, 15, 0)),
    ("enable-scheduler", BOOL, (0, 15, 0)),
    ("reserved-resource-cpu", STRING, (0, 19, 10)),
    ("reserved-resource-memory", STRING, (0, 19, 10)),
    ("reserved-resource-ephemeral-storage", STRING, (0, 19, 10)),
    ("disable-fake-kubelets", BOOL, (0, 15, 0)),
    ("fake-kubelet-ips", BOOL, (0, 15, 0)),
    ("node-clear-image-status", BOOL, (0, 15, 0)),
    ("translate-image", STRING_SLICE, (0, 15, 0)),
    ("enforce-node-selector", BOOL, (0, 15, 0)),
    ("enforce-toleration", STRING_SLICE, (0, 15, 0)),
    ("node-selector", STRING, (0, 15, 0)),
    ("service-account", STRING, (0, 15, 0)),
    ("override-hosts", BOOL, (0, 15, 0)),
    ("override-hosts-container-image", STRING, (0, 15, 0)),
    ("cluster-domain", STRING, (0, 15, 0)),
    ("leader-elect", BOOL, (0, 15, 0)),
    ("lease-duration", INT64, (0, 15, 0)),
    ("renew-deadline", INT64, (0, 15, 0)),
    ("retry-period", INT64, (0, 15, 0)),
    ("disable-plugins", BOOL, (0, 15, 0)),
    ("plugin-listen-address", STRING, (0, 15, 0)),
    ("default-image-registry", STRING, (0, 15, 0)),
    ("enforce-pod-security-standard", STRING, (0, 15, 0)),
    ("sync-labels", STRING_SLICE, (0, 15, 0)),
    ("plugins", STRING_SLICE, (0, 15, 0)),
    ("map-virtual-service", STRING_SLICE, (0, 15, 0)),
    ("map-host-service", STRING_SLICE, (0, 15, 0)),
    ("host-metrics-bind-address", STRING, (0, 15, 0)),
    ("virtual-metrics-bind-address", STRING, (0, 15, 0)),
    ("mount-physical-host-paths", BOOL, (0, 15, 3)),
    ("multi-namespace-mode", BOOL, (0, 15, 0)),
    ("namespace-labels", STRING_SLICE, (0, 15, 0)),
    ("sync-all-configmaps", BOOL, (0, 15, 0)),
    ("sync-all-secrets", BOOL, (0, 15, 0)),
    ("proxy-metrics-server", BOOL, (0, 15, 0)),
    ("service-account-token-secrets", BOOL, (0, 15, 1)),
    ("rewrite-host-paths", BOOL, (0, 15, 0)),
    ("sync-node-changes", BOOL, (0, 15, 0)),
    ("fake-kubelets", BOOL, (0, 15, 0)),
    ("fake-nodes", BOOL, (0, 15, 0)),
    ("fake-persistent-volumes", BOOL, (0, 15, 0)),
    ("enable-storage-classes", BOOL, (0, 15, 0)),
    ("enable-priority-classes", BOOL, (0, 15, 0)),
    ("suffix", STRING, (0, 15, 0)),
    ("owning-statefulset", STRING, (0, 15, 0)),
    ("disable-sync-resources", STRING, (0, 15, 0)),
    ("pro-license-secret", STRING, (0, 19, 3)),
    ("remote-kube-config", STRING, (0, 19, 3)),
    ("remote-namespace", STRING, (0, 19, 3)),
    ("remote-service-name", STRING, (0, 19, 3)),
    ("integrated-coredns", BOOL, (0, 19, 3)),
    ("use-coredns-plugin", BOOL, (0, 19, 3)),
    ("noop-syncer", BOOL, (0, 19, 3)),
    ("sync-k8s-service", BOOL, (0, 19, 3)),
    ("etcd-embedded", BOOL, (0, 19, 3)),
    ("migrate-from", STRING, (0, 19, 3)),
    ("etcd-replicas", INT, (0, 19, 3)),
    ("enforce-validating-hook", STRING_ARRAY, (0, 19, 3)),
    ("enforce-mutating-hook", STRING_ARRAY, (0, 19, 3)),
)

# Flags registered under "// Deprecated Flags": name -> (deprecated from, what to use instead).
DEPRECATED: dict[str, tuple[tuple[int, int, int], str]] = {
    "rewrite-host-paths": ((0, 15, 3), "--mount-physical-host-paths"),
    "sync-node-changes": ((0, 15, 0), "--enable-scheduler"),
    "fake-kubelets": ((0, 15, 0), "--disable-fake-kubelets"),
    "fake-nodes": ((0, 15, 0), "--sync=-fake-nodes"),
    "fake-persistent-volumes": ((0, 15, 0), "--sync=-fake-persistentvolumes"),
    "enable-storage-classes": ((0, 15, 0), "--sync=storageclasses"),
    "enable-priority-classes": ((0, 15, 0), "--sync=priorityclasses"),
    "suffix": ((0, 15, 0), "--name"),
    "owning-statefulset": ((0, 15, 0), "--set-owner"),
    "disable-sync-resources": ((0, 15, 0), "--sync"),
}
