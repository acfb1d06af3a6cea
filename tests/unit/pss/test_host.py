from __future__ import annotations

from tests.unit.pss._helpers import check


def test_host_namespaces_lists_each_in_upstream_order():
    result = check(
        """
        spec:
          hostIPC: true
          hostPID: true
          hostNetwork: true
          containers: [{name: a}]
        """,
        "hostNamespaces",
        level="baseline",
    )
    assert result is not None
    assert result.text == "host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)"
    assert result.paths == (("spec", "hostNetwork"), ("spec", "hostPID"), ("spec", "hostIPC"))


def test_host_namespaces_false_or_not_boolean_is_allowed():
    assert (
        check("spec: {hostNetwork: false, hostPID: 'true', containers: [{name: a}]}", "hostNamespaces")
        is None
    )


def test_host_ports_one_and_many():
    one = check(
        """
        spec:
          containers:
          - {name: a, ports: [{hostPort: 0}]}
          - {name: b, ports: [{hostPort: 0}, {hostPort: 20}]}
        """,
        "hostPorts",
        level="baseline",
    )
    assert one is not None
    assert (one.reason, one.detail) == ("hostPort", 'container "b" uses hostPort 20')
    assert one.paths == (("spec", "containers", 1, "ports", 1, "hostPort"),)
    many = check(
        """
        spec:
          containers:
          - {name: a, ports: [{hostPort: 0}]}
          - {name: b, ports: [{hostPort: 0}, {hostPort: 10}, {hostPort: 20}]}
          - {name: c, ports: [{hostPort: 0}, {hostPort: 10}, {hostPort: 30}]}
        """,
        "hostPorts",
    )
    assert many is not None
    assert many.detail == 'containers "b", "c" use hostPorts 10, 20, 30'


def test_host_ports_sort_as_strings_like_upstream():
    result = check("spec: {containers: [{name: a, ports: [{hostPort: 9}, {hostPort: 10}]}]}", "hostPorts")
    assert result is not None
    assert result.detail == 'container "a" uses hostPorts 10, 9'


def test_host_network_defaults_host_ports_except_in_ephemeral_containers():
    text = """
        spec:
          hostNetwork: true
          initContainers: [{name: i, ports: [{containerPort: 81}]}]
          containers: [{name: c, ports: [{containerPort: 80}, {containerPort: 8080, hostPort: 9090}]}]
          ephemeralContainers: [{name: e, ports: [{containerPort: 82}]}]
        """
    result = check(text, "hostPorts", level="baseline")
    assert result is not None
    assert result.detail == 'containers "i", "c" use hostPorts 80, 81, 9090'
    undefaulted = check(text, "hostPorts", level="baseline", apply_defaults=False)
    assert undefaulted is not None
    assert undefaulted.detail == 'container "c" uses hostPort 9090'


def test_host_probes_and_lifecycle():
    text = """
        spec:
          initContainers:
          - name: init
            livenessProbe: {httpGet: {host: invalid.init.host, port: 80}}
          containers:
          - name: a
            livenessProbe: {httpGet: {host: localhost, port: 80}}
            readinessProbe: {tcpSocket: {host: "127.0.0.1", port: 80}}
            startupProbe: {httpGet: {host: "", port: 80}}
          - name: b
            lifecycle:
              postStart: {tcpSocket: {host: "::1", port: 80}}
              preStop: {httpGet: {host: localhost, port: 80}}
          - name: c
            readinessProbe: {httpGet: {port: 80}}
        """
    result = check(text, "hostProbesAndHostLifecycle", level="baseline", version="v1.34")
    assert result is not None
    assert result.reason == "probe or lifecycle host"
    assert result.detail == (
        'containers "a", "b", "init" use probe or lifecycle hosts '
        '"127.0.0.1", "::1", "invalid.init.host", "localhost"'
    )
    assert result.paths[0] == ("spec", "initContainers", 0, "livenessProbe", "httpGet", "host")
    assert check(text, "hostProbesAndHostLifecycle", level="baseline", version="v1.33") is None


def test_host_probe_single():
    result = check(
        "spec: {containers: [{name: a, livenessProbe: {httpGet: {host: invalid.host}}}]}",
        "hostProbesAndHostLifecycle",
    )
    assert result is not None
    assert result.detail == 'container "a" uses probe or lifecycle host "invalid.host"'


def test_windows_host_process_pod_and_containers():
    result = check(
        """
        spec:
          securityContext: {windowsOptions: {hostProcess: true}}
          containers:
          - {name: a}
          - {name: b, securityContext: {}}
          - {name: c, securityContext: {windowsOptions: {}}}
          - {name: d, securityContext: {windowsOptions: {hostProcess: false}}}
          - {name: e, securityContext: {windowsOptions: {hostProcess: true}}}
          - {name: f, securityContext: {windowsOptions: {hostProcess: true}}}
        """,
        "windowsHostProcess",
        level="baseline",
    )
    assert result is not None
    assert result.text == (
        'hostProcess (pod and containers "e", "f" '
        "must not set securityContext.windowsOptions.hostProcess=true)"
    )
    assert result.paths[0] == ("spec", "securityContext", "windowsOptions", "hostProcess")
