"""Kubernetes API validation facts the quota and limit range rules need, as data.

Read from kubernetes pkg/apis/core/helper/helpers.go (standardQuotaResources, standardResources,
integerResources, IsExtendedResourceName, IsNativeResource, IsStandardResourceQuotaScope,
IsResourceQuotaScopeValidForResource, standardContainerResources) and pkg/apis/core/validation/validation.go
(ValidateResourceQuotaResourceName, validateResourceName, validateContainerResourceName,
ValidateResourceQuantityValue, validateResourceQuotaScopes, validateScopedResourceSelectorRequirement),
and k8s.io/apimachinery pkg/util/validation (IsQualifiedName, IsDNS1123Subdomain).
"""

from __future__ import annotations

import re

STANDARD_QUOTA_RESOURCES = (
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.storage",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
    "pods",
    "resourcequotas",
    "services",
    "replicationcontrollers",
    "secrets",
    "persistentvolumeclaims",
    "configmaps",
    "services.nodeports",
    "services.loadbalancers",
)
# standardResources = the quota ones plus bare "storage" (valid for validateResourceName, not for quota).
STANDARD_RESOURCES = (*STANDARD_QUOTA_RESOURCES, "storage")
INTEGER_RESOURCES = frozenset(
    {
        "pods",
        "resourcequotas",
        "services",
        "replicationcontrollers",
        "secrets",
        "configmaps",
        "persistentvolumeclaims",
        "services.nodeports",
        "services.loadbalancers",
    }
)
# Object counts users commonly quota (`count/<resource>.<group>`): suggestions for did-you-mean only.
COUNT_RESOURCES = tuple(
    f"count/{name}"
    for name in (
        "pods",
        "services",
        "secrets",
        "configmaps",
        "persistentvolumeclaims",
        "endpoints",
        "replicationcontrollers",
        "resourcequotas",
        "deployments.apps",
        "statefulsets.apps",
        "jobs.batch",
        "cronjobs.batch",
    )
)
CONTAINER_RESOURCES = ("cpu", "memory", "ephemeral-storage")
HUGEPAGES = "hugepages-"
REQUESTS_HUGEPAGES = "requests.hugepages-"

SCOPES = (
    "Terminating",
    "NotTerminating",
    "BestEffort",
    "NotBestEffort",
    "PriorityClass",
    "CrossNamespacePodAffinity",
)
# Scopes that only accept the Exists operator in a scopeSelector.
EXISTS_ONLY_SCOPES = frozenset(
    {"Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "CrossNamespacePodAffinity"}
)
OPERATORS = ("In", "NotIn", "Exists", "DoesNotExist")
CONFLICTING_SCOPES = (("BestEffort", "NotBestEffort"), ("Terminating", "NotTerminating"))
POD_COMPUTE = frozenset({"cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"})
# The quota pod evaluator requires every container to set these when the quota names them
# (pkg/quota/v1/evaluator/core/pods.go validationSet).
VALIDATION_SET = POD_COMPUTE

_NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
_DNS_LABEL = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
_SUBDOMAIN = re.compile(rf"^{_DNS_LABEL}(\.{_DNS_LABEL})*$")
_NAME_MAX, _PREFIX_MAX = 63, 253


def qualified_name_problem(value: str) -> str | None:
    """Why ``value`` is not a qualified name (``[prefix/]name``), or None."""
    parts = value.split("/")
    if len(parts) > 2:
        return "a qualified name has at most one '/'"
    name = parts[-1]
    if len(parts) == 2:
        prefix = parts[0]
        if not prefix:
            return "the prefix before '/' must not be empty"
        if len(prefix) > _PREFIX_MAX or not _SUBDOMAIN.match(prefix):
            return "the prefix before '/' must be a lower-case DNS subdomain"
    if not name:
        return "the name must not be empty"
    if len(name) > _NAME_MAX:
        return f"the name must be at most {_NAME_MAX} characters"
    if not _NAME.match(name):
        return "the name must be alphanumeric, '-', '_' or '.', starting and ending with an alphanumeric"
    return None


def is_quota_hugepages(name: str) -> bool:
    """``hugepages-<size>`` / ``requests.hugepages-<size>`` (IsQuotaHugePageResourceName)."""
    return name.startswith((HUGEPAGES, REQUESTS_HUGEPAGES))


def is_native(name: str) -> bool:
    """No '/' or in the kubernetes.io/ namespace (IsNativeResource)."""
    return "/" not in name or "kubernetes.io/" in name


def is_extended(name: str) -> bool:
    """IsExtendedResourceName: not native, not ``requests.``-prefixed, qualified as ``requests.<name>``."""
    if is_native(name) or name.startswith("requests."):
        return False
    return qualified_name_problem(f"requests.{name}") is None


def is_integer_resource(name: str) -> bool:
    """IsIntegerResourceName (``count/...`` is an extended name, so whole numbers too)."""
    return name in INTEGER_RESOURCES or is_extended(name)


def quota_name_problem(name: str) -> str | None:
    """Why the API server refuses ``name`` as a quota resource, or None."""
    problem = qualified_name_problem(name)
    if problem is not None:
        return problem
    if "/" not in name and name not in STANDARD_QUOTA_RESOURCES and not is_quota_hugepages(name):
        return "must be a standard resource for quota"
    return None


def container_name_problem(name: str) -> str | None:
    """Why ``name`` is not a container resource (LimitRange of type Container), or None."""
    problem = qualified_name_problem(name)
    if problem is not None:
        return problem
    if "/" not in name:
        if name not in CONTAINER_RESOURCES and not name.startswith(HUGEPAGES):
            return "must be a standard resource for containers"
    elif not is_native(name) and not is_extended(name):
        return "doesn't follow extended resource name standard"
    return None


def scope_valid_for(scope: str, resource: str) -> bool:
    """IsResourceQuotaScopeValidForResource."""
    if scope == "BestEffort":
        return resource == "pods"
    if scope in SCOPES:
        return resource == "pods" or resource in POD_COMPUTE
    return True


def is_standard_quota_resource(name: str) -> bool:
    """IsStandardQuotaResourceName."""
    return name in STANDARD_QUOTA_RESOURCES or is_quota_hugepages(name)


def overcommit_allowed(name: str) -> bool:
    """IsOvercommitAllowed: native and not hugepages."""
    return is_native(name) and not name.startswith(HUGEPAGES)


def quota_name_suggestion(name: str) -> str | None:
    """The quota resource name a misspelt ``name`` most likely means (``limits.pods`` -> ``pods``)."""
    for prefix in ("limits.", "requests."):
        rest = name.removeprefix(prefix)
        if rest != name and (rest in STANDARD_QUOTA_RESOURCES or rest.startswith("count/")):
            return rest
    candidates = [*STANDARD_QUOTA_RESOURCES, *COUNT_RESOURCES]
    import difflib  # only to suggest a name: off the cold path

    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return close[0] if close else None
