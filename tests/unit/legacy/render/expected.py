"""Expected documents, written out by hand from the chart templates (loft-sh/vcluster tags named below).

Every template text is one of these, whatever the distro (checked with `git rev-parse <tag>:<path>`):
- resourcequota.yaml: blob b19d89ff at k3s v0.15.0 - v0.19.10 and k8s/k0s/eks v0.15.1 - v0.19.10;
  blob 21994fb1 (no globalAnnotations block) at k8s/k0s/eks v0.15.0.
- limitrange.yaml: blob ed219d06 at the same tags as b19d89ff; blob 235f2cd3 (no annotations block) at
  k8s/k0s/eks v0.15.0.
- networkpolicy.yaml: blob e40d6335 at k3s v0.15.0 - v0.19.10 (annotations on the workloads policy only);
  blob 81886898 at k8s/eks v0.15.1 - v0.19.10 (annotations on both policies); blob c932065e at k0s
  v0.15.0 - v0.19.10 and k8s/eks v0.15.0 (no annotations).
Helm's install order puts both NetworkPolicies (file order: workloads, control-plane) before the
ResourceQuota, then the LimitRange.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ruamel.yaml import YAML

# networkpolicy.yaml (e40d6335 / 81886898 / c932065e): {{ .Release.Name }} = my-vc, the workloads policy
# in {{ .Values.isolation.namespace | default .Release.Namespace }}, the control-plane policy in
# {{ .Release.Namespace }} = team-a; ipBlock from the chart default values.
WORKLOADS = """
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: my-vc-workloads
  namespace: {target}
spec:
  podSelector:
    matchLabels:
      vcluster.loft.sh/managed-by: my-vc
  egress:
    - ports:
        - port: 443
        - port: 8443
      to:
        - podSelector:
            matchLabels:
              release: my-vc
    - ports:
      - port: 53
        protocol: UDP
      - port: 53
        protocol: TCP
    - to:
        - podSelector:
            matchLabels:
              vcluster.loft.sh/managed-by: my-vc
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              - 100.64.0.0/10
              - 127.0.0.0/8
              - 10.0.0.0/8
              - 172.16.0.0/12
              - 192.168.0.0/16
  policyTypes:
    - Egress
"""

CONTROL_PLANE = """
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: my-vc-control-plane
  namespace: team-a
spec:
  podSelector:
    matchLabels:
      release: my-vc
  egress:
    - ports:
        - port: 443
        - port: 8443
        - port: 6443
    - to:
        - podSelector: {{}}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: 'kube-system'
          podSelector:
            matchLabels:
              k8s-app: kube-dns
  policyTypes:
    - Egress
"""

# resourcequota.yaml (b19d89ff / 21994fb1): hard = range over the default quota in sorted key order, each
# value | quote; the default numbers are float64 (10 -> "10"); scopeSelector.matchExpressions and scopes
# default to null, so neither block is written.
QUOTA = """
apiVersion: v1
kind: ResourceQuota
metadata:
  name: my-vc-quota
  namespace: {target}
spec:
  hard:
    count/configmaps: "100"
    count/endpoints: "40"
    count/persistentvolumeclaims: "20"
    count/pods: "20"
    count/secrets: "100"
    count/services: "20"
    limits.cpu: "20"
    limits.ephemeral-storage: "160Gi"
    limits.memory: "40Gi"
    requests.cpu: "10"
    requests.ephemeral-storage: "60Gi"
    requests.memory: "20Gi"
    requests.storage: "100Gi"
    services.loadbalancers: "1"
    services.nodeports: "0"
"""

# limitrange.yaml (ed219d06 / 235f2cd3): default and defaultRequest ranged in sorted key order, quoted.
LIMIT_RANGE = """
apiVersion: v1
kind: LimitRange
metadata:
  name: my-vc-limit-range
  namespace: {target}
spec:
  limits:
  - default:
      cpu: "1"
      ephemeral-storage: "8Gi"
      memory: "512Mi"
    defaultRequest:
      cpu: "100m"
      ephemeral-storage: "3Gi"
      memory: "128Mi"
    type: Container
"""


def load(text: str, **fields: str) -> dict[str, Any]:
    """One expected document (``{target}`` and friends filled in)."""
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(textwrap.dedent(text).format(**fields))
    return data


def with_annotations(document: dict[str, Any], annotations: dict[str, Any]) -> dict[str, Any]:
    """``annotations`` (``toYaml`` sorts keys) right after ``metadata.namespace``, as templates write it."""
    metadata = dict(document["metadata"])
    metadata["annotations"] = dict(sorted(annotations.items()))
    return {**document, "metadata": metadata}


def ordered(data: Any) -> Any:
    """Data with every mapping turned into its list of items, so that comparisons see key order too."""
    if isinstance(data, dict):
        return [(key, ordered(value)) for key, value in data.items()]
    if isinstance(data, list):
        return [ordered(item) for item in data]
    return data
