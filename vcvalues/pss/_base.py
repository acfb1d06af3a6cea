"""What every check shares: the result type, a pre-digested view of one pod, upstream's text helpers.

Checks read plain data (dicts/lists as parsed from YAML). A Go pointer field that is "nil" is a key that is
absent or null here; a field of the wrong type is treated as the API server would never let it through:
booleans count only when they are real booleans, strings only when they are strings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath

# Where the three container lists live in a pod spec, in upstream's visiting order (policy/visitor.go).
CONTAINER_FIELDS = ("initContainers", "containers", "ephemeralContainers")

_EMPTY: Mapping[str, Any] = {}


@record
class CheckResult:
    """One failed check.

    Attributes:
        check_id: upstream check id (``privileged``, ``runAsNonRoot``, ...).
        reason: upstream ``ForbiddenReason``.
        detail: upstream ``ForbiddenDetail`` (may be empty).
        paths: the offending fields, as key paths from the pod object (``("spec", "containers", 0, ...)``);
            a path may name a missing field (the check wants it set); then its nearest ancestor is meant.
    """

    check_id: str
    reason: str
    detail: str
    paths: tuple[KeyPath, ...] = ()

    @property
    def text(self) -> str:
        """``reason (detail)`` or just ``reason``, as upstream joins them."""
        return f"{self.reason} ({self.detail})" if self.detail else self.reason


class Container:
    """One container of a pod, with its security context looked up once.

    ``name`` and ``path`` are only needed to describe a failure, so they are computed on demand.
    """

    __slots__ = ("field", "index", "raw", "sc")

    def __init__(self, raw: Mapping[str, Any], field: str, index: int) -> None:
        self.raw = raw
        self.field = field
        self.index = index
        sc = raw.get("securityContext")
        self.sc: Mapping[str, Any] | None = sc if isinstance(sc, dict) else None

    @property
    def name(self) -> str:
        """The container name as Go holds it (``""`` when unset)."""
        return as_str(self.raw.get("name"))

    @property
    def path(self) -> KeyPath:
        """``("spec", "containers", 0)``."""
        return ("spec", self.field, self.index)


class Pod:
    """A pod (metadata + spec) as the checks see it."""

    __slots__ = ("annotations", "containers", "defaults", "host_users_false", "sc", "spec", "windows")

    def __init__(
        self, spec: Mapping[str, Any], metadata: Mapping[str, Any] | None, *, defaults: bool
    ) -> None:
        self.spec = spec
        # Evaluate as the API server stores the pod: a volume without a source is an emptyDir, and with
        # hostNetwork every container port without a hostPort gets hostPort=containerPort
        # (k8s.io/kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Volume, SetDefaults_Pod).
        self.defaults = defaults
        annotations = metadata.get("annotations") if isinstance(metadata, dict) else None
        self.annotations: Mapping[str, Any] = annotations if isinstance(annotations, dict) else _EMPTY
        sc = spec.get("securityContext")
        self.sc: Mapping[str, Any] | None = sc if isinstance(sc, dict) else None
        containers: list[Container] = []
        for field in CONTAINER_FIELDS:
            items = spec.get(field)
            if items and isinstance(items, list):
                for i, item in enumerate(items):
                    if isinstance(item, dict):
                        containers.append(Container(item, field, i))
        self.containers = containers
        os_ = spec.get("os")
        self.windows = isinstance(os_, dict) and os_.get("name") == "windows"
        self.host_users_false = spec.get("hostUsers") is False


CheckFn = Callable[[Pod], "CheckResult | None"]
"""A check: ``None`` when the pod is allowed, else the failure."""


def as_str(value: object) -> str:
    """A string field as Go holds it: null is ``""``; other scalars print as YAML wrote them."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def as_int(value: object) -> int:
    """An integer field as Go holds it: absent or not a number is 0."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return 0


def sub(mapping: Mapping[str, Any] | None, key: str) -> Mapping[str, Any] | None:
    """``mapping[key]`` when it is a mapping, else None (a nil struct pointer)."""
    if mapping is None:
        return None
    value = mapping.get(key)
    return value if isinstance(value, dict) else None


def pluralize(singular: str, plural: str, count: int) -> str:
    """Upstream ``pluralize``."""
    return singular if count == 1 else plural


def join_quote(items: list[str] | tuple[str, ...]) -> str:
    """Upstream ``joinQuote``: ``"a", "b"``."""
    if not items:
        return ""
    return '"' + '", "'.join(items) + '"'


def containers_phrase(names: list[str]) -> str:
    """``container "a"`` / ``containers "a", "b"``."""
    return f"{pluralize('container', 'containers', len(names))} {join_quote(names)}"


@record
class VersionedCheck:
    """One revision of a check: from policy version v1.<min_minor> until the next revision."""

    min_minor: int
    fn: CheckFn
    overrides: tuple[str, ...] = ()


@record
class Check:
    """A check with its revisions (upstream ``policy.Check``)."""

    check_id: str
    level: str  # "baseline" or "restricted"
    versions: tuple[VersionedCheck, ...]
