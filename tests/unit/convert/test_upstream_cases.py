"""The cases of upstream config/legacyconfig/migrate_test.go whose input lies in vcvalues' scope.

Expected outputs are those of loft-sh/vcluster at tags v0.20.0 and v0.36.1 (TestMigration); every
output also validates against the upstream values.schema.json of its target.
"""

from __future__ import annotations

import textwrap

import pytest

from tests.unit.convert._support import load, schema_errors
from vcvalues.convert import RULE_NOT_CONVERTED, convert_values

SKELETON_K3S = """\
controlPlane:
  distro:
    k3s:
      enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
"""
SKELETON_K0S = SKELETON_K3S.replace("k3s", "k0s")

CASES = [
    ("0.20", "Simple k3s", "k3s", "", SKELETON_K3S),
    ("0.20", "Simple k0s", "k0s", "", SKELETON_K0S),
    (
        "0.20",
        "isolated mode",
        "k0s",
        """
        isolation:
          enabled: true
          podSecurityStandard: baseline
          resourceQuota:
            enabled: true
          limitRange:
            enabled: true
          networkPolicy:
            enabled: false
        """,
        SKELETON_K0S
        + """\
policies:
  limitRange:
    enabled: true
  podSecurityStandard: baseline
  resourceQuota:
    enabled: true
""",
    ),
    (
        "0.20",
        "convert flags",
        "k0s",
        """
        syncer:
          extraArgs:
          - --tls-san=my-vcluster.example.com
          - --service-account-token-secrets=true
          - --mount-physical-host-paths=true
          - --sync-all-nodes
        """,
        """\
controlPlane:
  distro:
    k0s:
      enabled: true
  hostPathMapper:
    enabled: true
  proxy:
    extraSANs:
    - my-vcluster.example.com
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
sync:
  fromHost:
    nodes:
      selector:
        all: true
  toHost:
    pods:
      useSecretsForSATokens: true
""",
    ),
    (
        "0.20",
        "convert deprecated host-path-mapper flag",
        "k0s",
        """
        syncer:
          extraArgs:
          - --rewrite-host-paths=true
        """,
        """\
controlPlane:
  distro:
    k0s:
      enabled: true
  hostPathMapper:
    enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
""",
    ),
    *(
        (
            target,
            "embedded etcd",
            "k8s",
            """
            embeddedEtcd:
              enabled: true
            """,
            """\
controlPlane:
  backingStore:
    etcd:
      embedded:
        enabled: true
  distro:
    k8s:
      enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
""",
        )
        for target in ("0.20", "0.36")
    ),
    *(
        (
            target,
            "quotas",
            "k8s",
            """
            isolation:
              enabled: true
              resourceQuota:
                enabled: true
                quota:
                  limits.cpu: 16
            """,
            """\
controlPlane:
  backingStore:
    etcd:
      deploy:
        enabled: true
  distro:
    k8s:
      enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
policies:
  limitRange:
    enabled: true
  networkPolicy:
    enabled: true
  podSecurityStandard: baseline
  resourceQuota:
    enabled: true
    quota:
      limits.cpu: 16
""",
        )
        for target in ("0.20", "0.36")
    ),
    (
        "0.36",
        "scheduler extra args",
        "k8s",
        """
        syncer:
          extraArgs:
          - --enable-scheduler
        """,
        """\
controlPlane:
  advanced:
    virtualScheduler:
      enabled: true
  backingStore:
    etcd:
      deploy:
        enabled: true
  distro:
    k8s:
      enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
""",
    ),
]

K8S_036 = """\
controlPlane:
  backingStore:
    etcd:
      deploy:
        enabled: true
  distro:
    k8s:
      enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
"""
CASES += [
    (
        "0.36",
        "export kubeconfig with custom context and server",
        "k8s",
        """
        syncer:
          extraArgs:
          - --kube-config-context-name=my-context
          - --out-kube-config-server=https://my-vcluster.example.com
        """,
        K8S_036
        + """\
exportKubeConfig:
  context: my-context
  server: https://my-vcluster.example.com
""",
    ),
    (
        "0.36",
        "export additional kubeconfig secret",
        "k8s",
        """
        syncer:
          extraArgs:
          - --out-kube-config-secret=my-secret
          - --out-kube-config-secret-namespace=my-namespace
        """,
        K8S_036
        + """\
exportKubeConfig:
  additionalSecrets:
  - name: my-secret
    namespace: my-namespace
""",
    ),
    (
        "0.36",
        "export additional kubeconfig secret with custom context and server",
        "k8s",
        """
        syncer:
          extraArgs:
          - --kube-config-context-name=my-context
          - --out-kube-config-server=https://my-vcluster.example.com
          - --out-kube-config-secret=my-secret
          - --out-kube-config-secret-namespace=my-namespace
        """,
        K8S_036
        + """\
exportKubeConfig:
  additionalSecrets:
  - context: my-context
    name: my-secret
    namespace: my-namespace
    server: https://my-vcluster.example.com
  context: my-context
  server: https://my-vcluster.example.com
""",
    ),
    (
        "0.36",
        "migrate rewriteHosts image",
        "k8s",
        """
        syncer:
          extraArgs:
          - --override-hosts-container-image=my.registry:5000/some/repo:a-tag
        """,
        K8S_036
        + """\
sync:
  toHost:
    pods:
      rewriteHosts:
        initContainer:
          image:
            registry: my.registry:5000
            repository: some/repo
            tag: a-tag
""",
    ),
]


@pytest.mark.parametrize(
    ("target", "name", "distro", "given", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_upstream_migration_case(target, name, distro, given, expected):
    result = convert_values(load(textwrap.dedent(given)), distro=distro, to=target)

    assert result.diagnostics == ()
    assert result.text == expected
    assert schema_errors(target, result.values) == []


def test_statefulset_affinity_case_keeps_the_isolation_part_and_reports_the_rest():
    # upstream v0.36.1 "statefulset affinity added": the policies and backing store parts are in our scope;
    # storage, sync, syncer.resources/replicas/labels/storage/affinity, coredns.replicas/resources and
    # api.extraArgs are not, and each is reported.
    given = load(
        textwrap.dedent(
            """
            isolation:
              enabled: true
              podSecurityStandard: baseline
              resourceQuota:
                enabled: true
                quota:
                  count/endpoints: null
                  count/pods: null
                  count/services: null
                  count/configmaps: null
                  count/secrets: null
                  count/persistentvolumeclaims: null
                  limits.cpu: 256
                  limits.memory: 1Ti
                  requests.storage: 10Ti
                  requests.ephemeral-storage: null
                  requests.memory: 128Gi
                  requests.cpu: 120
                  services.loadbalancers: null
                  services.nodeports: null
              limitRange:
                enabled: true
                defaultRequest:
                  cpu: 24m
                  memory: 32Mi
                  ephemeral-storage: null
                default:
                  ephemeral-storage: null
                  memory: 2Gi
                  cpu: 512m
              networkPolicy:
                enabled: false
            storage:
              className: px-pool
            sync:
              secrets:
                enabled: true
            embeddedEtcd:
              enabled: true
            syncer:
              replicas: 3
              resources:
                limits:
                  cpu: '8'
            coredns:
              replicas: 3
            api:
              extraArgs:
                - "-v=4"
            """
        )
    )
    result = convert_values(given, distro="k8s", to="0.36")

    assert result.text == (
        """\
controlPlane:
  backingStore:
    etcd:
      embedded:
        enabled: true
  distro:
    k8s:
      enabled: true
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
policies:
  limitRange:
    default:
      cpu: 512m
      ephemeral-storage: null
      memory: 2Gi
    defaultRequest:
      cpu: 24m
      ephemeral-storage: null
      memory: 32Mi
    enabled: true
  podSecurityStandard: baseline
  resourceQuota:
    enabled: true
    quota:
      count/configmaps: null
      count/endpoints: null
      count/persistentvolumeclaims: null
      count/pods: null
      count/secrets: null
      count/services: null
      limits.cpu: 256
      limits.memory: 1Ti
      requests.cpu: 120
      requests.ephemeral-storage: null
      requests.memory: 128Gi
      requests.storage: 10Ti
      services.loadbalancers: null
      services.nodeports: null
"""
    )
    assert [(d.rule_id, d.key_path) for d in result.diagnostics] == [
        (RULE_NOT_CONVERTED, ("api",)),
        (RULE_NOT_CONVERTED, ("coredns", "replicas")),
        (RULE_NOT_CONVERTED, ("storage",)),
        (RULE_NOT_CONVERTED, ("sync",)),
        (RULE_NOT_CONVERTED, ("syncer", "replicas")),
        (RULE_NOT_CONVERTED, ("syncer", "resources")),
    ]
    assert schema_errors("0.36", result.values) == []


def test_values_already_in_the_new_format_are_refused():
    # upstream v0.36.1 "k8s already migrated to correct format": "config is already in correct format"
    given = load(
        textwrap.dedent(
            """
            sync:
              fromHost:
                nodes:
                  enabled: false
            controlPlane:
              distro:
                k8s:
                  enabled: true
            """
        )
    )
    result = convert_values(given, distro="k8s", to="0.36")

    assert result.text is None and result.values is None
    # without a source map every diagnostic sits at 1:1, so they sort by rule id
    assert [(d.rule_id, d.severity.label, d.key_path) for d in result.diagnostics] == [
        ("convert-not-converted", "info", ("sync",)),
        ("convert-unsupported", "error", ("controlPlane",)),
        ("convert-unsupported", "error", ("sync", "fromHost")),
    ]
    assert result.diagnostics[1].message == (
        "controlPlane belongs to the 0.20+ values format: the values look already converted"
    )
