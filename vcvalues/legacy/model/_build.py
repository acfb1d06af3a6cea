"""Fit the typed sections to one chart: drop typed keys the chart lacks, add the known untyped ones.

A typed section (:class:`~vcvalues.legacy.model.syncer.Syncer`, ...) lists every typed key of every chart.
:func:`fit_section` derives, for one chart's key tree, a subclass in which typed keys the chart does
not have are refused (and left out of the schema) and the chart's other keys are declared with the
permissive-but-closed types of :mod:`vcvalues.legacy.model._known`. Instances stay instances of the typed
class, so ``values.syncer.resources`` type-checks whatever the chart.
"""

from __future__ import annotations

import keyword
import re
import types
from functools import cache
from typing import Any, Optional, Union, get_args, get_origin

from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo

from vcvalues.core.model.base import Section
from vcvalues.legacy.catalog.keys import KeyKind, KeyTree
from vcvalues.legacy.model._known import ABSENT_DESCRIPTION, ABSENT_TYPE, known_key_type

_NOT_IDENTIFIER = re.compile(r"[^0-9a-zA-Z_]+")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
Signature = tuple[str, tuple[tuple[str, Any], ...]]
Skeleton = tuple[tuple[str, Any], ...] | None
_OPEN: Signature = (KeyKind.OPEN.value, ())
_LEAF: Signature = (KeyKind.LEAF.value, ())


def signature(node: KeyTree) -> Signature:
    """A hashable value equal for equal trees (trees of different releases are often equal)."""
    return (node.kind.value, tuple((key, signature(child)) for key, child in node.children.items()))


def fit_section(
    section: type[Section],
    node: KeyTree,
    defaults: Any,
    path: tuple[str, ...] = (),
    *,
    always: frozenset[str] = frozenset(),
) -> type[Section]:
    """``section`` fitted to the keys a chart knows at ``path``.

    Args:
        section: the typed section class.
        node: the key-tree node of that section in the chart at hand.
        defaults: the chart's default value at ``path``. A key the chart sets by default inside a typed
            Kubernetes object is accepted even when Kubernetes has no such field (k8s/eks 0.19.2-0.19.3
            put ``allowPrivilegeEscalation`` in ``syncer.podSecurityContext``): the chart's own defaults
            always validate.
        path: where the section sits (names the derived class: ``("sync", "nodes")`` -> ``SyncNodes``).
        always: typed keys kept although the key tree does not list them (``global``, ``enabled``).

    Returns:
        ``section`` itself when it already fits, else a derived class.
    """
    return _fit(section, signature(node), _skeleton(defaults), path, always)


def _skeleton(value: Any) -> Skeleton:
    """The keys of a default value, recursively (hashable)."""
    if not isinstance(value, dict):
        return None
    return tuple((str(key), _skeleton(item)) for key, item in value.items())


@cache
def _fit(
    section: type[Section], node: Signature, defaults: Skeleton, path: tuple[str, ...], always: frozenset[str]
) -> type[Section]:
    kind, child_items = node
    closed = kind == KeyKind.MAP.value
    children = dict(child_items)
    default_children = dict(defaults or ())
    fields: dict[str, Any] = {}
    typed_aliases = set()
    for name, info in section.model_fields.items():
        alias = info.alias or name
        typed_aliases.add(alias)
        child = children.get(alias) if closed else _OPEN
        if child is None:
            if alias not in always:
                fields[name] = (ABSENT_TYPE, Field(default=None, alias=alias, description=ABSENT_DESCRIPTION))
            continue
        nested = _optional_section(info.annotation)
        if nested is not None:
            fitted = _fit(nested, child, default_children.get(alias), (*path, alias), frozenset())
            if fitted is not nested:
                fields[name] = (Optional[fitted], _copy_field(info, alias))  # noqa: UP045 - runtime union
    extra = children if closed else dict.fromkeys(default_children, _LEAF)
    taken = set(section.model_fields)
    for key, child in extra.items():
        if key not in typed_aliases:
            name = _python_name(key, taken)
            taken.add(name)
            fields[name] = (known_key_type(_tree(child)), Field(default=None, alias=key))
    if not fields:
        return section
    derived: type[Section] = create_model(
        _class_name(path, section), __base__=section, __module__=section.__module__, **fields
    )
    derived.__doc__ = section.__doc__
    return derived


def _tree(node: Signature) -> KeyTree:
    """Rebuild a KeyTree from its signature (the validator and schema read trees)."""
    from types import MappingProxyType

    kind, items = node
    return KeyTree(KeyKind(kind), MappingProxyType({key: _tree(child) for key, child in items}))


def _copy_field(info: FieldInfo, alias: str) -> Any:
    return Field(default=None, alias=alias, description=info.description)


def _optional_section(annotation: Any) -> type[Section] | None:
    """``X`` when ``annotation`` is ``X | None`` with X a Section subclass."""
    if get_origin(annotation) not in (Union, types.UnionType):
        return None
    for arg in get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, Section):
            return arg
    return None


def _python_name(key: str, taken: set[str]) -> str:
    """An attribute name for a chart key: ``fake-nodes`` -> ``fake_nodes``, never clashing."""
    name = _NOT_IDENTIFIER.sub("_", _CAMEL_HUMP.sub("_", key)).strip("_").lower() or "key"
    if name[0].isdigit():
        name = f"k_{name}"
    if keyword.iskeyword(name) or hasattr(BaseModel, name):
        name += "_"
    base, number = name, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def _class_name(path: tuple[str, ...], section: type[Section]) -> str:
    """The typed class's name where it fits its path (``coredns`` -> CoreDNS), else the path's (``Etcd``)."""
    by_path = "".join(part[:1].upper() + part[1:] for part in path)
    if not path or by_path.lower() == section.__name__.lower():
        return section.__name__
    return by_path
