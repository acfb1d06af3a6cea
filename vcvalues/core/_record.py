"""Value classes, built without the per-class compile step of ``dataclasses``.

``@dataclass(frozen=True, slots=True)`` compiles every generated method from source text: ~0.5 ms per
class. The 21 catalogue classes cost ~10 ms of a ~110 ms cold ``vcvalues lint`` that way (measured with
benchmarks/profile_cold.py). ``@record`` gives those classes the same behaviour: ``__init__`` taking
the fields by position or keyword with their defaults, field-wise ``__eq__`` and ``__hash__``,
dataclass-style ``__repr__``, read-only fields (``dataclasses.FrozenInstanceError``), ``__slots__``,
``__match_args__``, pickling and copying. Only ``__init__`` is per class, so that instances are
created as fast as a dataclass's: a copy of a template precompiled with the package
(``_record_inits``), renamed to the class's fields; the other methods are shared. This module imports neither
``dataclasses`` nor ``inspect`` (~12 ms of a cold start together); ``FrozenInstanceError`` is
``dataclasses``' own class, imported when a record is written to. ``@ordered_record`` adds the
ordering of ``order=True``; ``@mutable_record`` is ``@dataclass(slots=True)`` (assignable, unhashable);
``field(default_factory=...)`` and ``replace`` work as their ``dataclasses`` namesakes.
"""

from __future__ import annotations

import functools
import itertools
import reprlib
import types
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")
_CLASS_VAR = ("ClassVar", "typing.ClassVar")

__all__ = ["field", "mutable_record", "ordered_record", "record", "replace"]


class _Factory:
    """A field's ``default_factory`` (what :func:`field` returns in place of a default)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


_MISSING = object()  # the __init__ default of a field with a factory


def field(*, default_factory: Callable[[], _T]) -> _T:
    """A field whose default is made per instance, as ``dataclasses.field(default_factory=...)``."""
    return _Factory(default_factory)  # type: ignore[return-value]  # stands in until the class is built


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """Turn ``cls`` into a frozen, slotted value class of its annotated fields (like a frozen dataclass).

    Raises:
        TypeError: a field without a default follows one with a default, or ``cls`` derives from
            another record class (not supported).
    """
    return _build(cls, frozen=True, order=False)


@dataclass_transform(frozen_default=True, order_default=True, field_specifiers=(field,))
def ordered_record(cls: type[_T]) -> type[_T]:
    """:func:`record`, ordered as the tuple of its fields (``@dataclass(frozen=True, order=True)``)."""
    return _build(cls, frozen=True, order=True)


@dataclass_transform(field_specifiers=(field,))
def mutable_record(cls: type[_T]) -> type[_T]:
    """A slotted class of its annotated fields whose fields can be assigned (``@dataclass(slots=True)``):
    ``__init__``, ``__repr__`` and field-wise ``__eq__`` as a dataclass's; unhashable, as one."""
    return _build(cls, frozen=False, order=False)


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of the record ``obj`` with ``changes`` (``dataclasses.replace``; TypeError for a non-field)."""
    names: tuple[str, ...] = obj.__record_fields__  # type: ignore[attr-defined]
    values = dict(zip(names, _values(obj), strict=True))
    values.update(changes)
    return type(obj)(**values)


def _build(cls: type[_T], *, frozen: bool, order: bool) -> type[_T]:
    # the class's own annotations, as strings (postponed evaluation); inspect.get_annotations(cls) reads
    # the same dict, without importing inspect
    annotations: dict[str, Any] = dict(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
    names = tuple(name for name, kind in annotations.items() if not str(kind).startswith(_CLASS_VAR))
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    for before, name in itertools.pairwise(names):
        if before in defaults and name not in defaults:
            raise TypeError(f"non-default argument {name!r} follows default argument")
    if any("__record_fields__" in vars(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a record class cannot derive from another record class")
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in defaults and key not in ("__dict__", "__weakref__")
    }
    namespace.update(
        __qualname__=cls.__qualname__,
        __slots__=names,
        __match_args__=names,
        __record_fields__=names,
        __init__=_init(cls.__qualname__, names, defaults),
        __repr__=_repr,
        __eq__=_eq,
        __getstate__=_values,
        __setstate__=_setstate,
    )
    if frozen:
        namespace.update(__hash__=_hash, __setattr__=_setattr, __delattr__=_delattr)
    else:
        namespace["__hash__"] = None
    if order:
        namespace.update(__lt__=_lt, __le__=_le, __gt__=_gt, __ge__=_ge)
    metaclass: Any = type(cls)
    built: type[_T] = metaclass(cls.__name__, cls.__bases__, namespace)
    return built


def _init(qualname: str, names: tuple[str, ...], defaults: dict[str, Any]) -> Any:
    """The class's ``__init__``: a copy of the compiled template for its number of fields, renamed."""
    template = _template(len(names))
    placeholders = {f"@{index}": name for index, name in enumerate(names)}
    code = template.replace(
        co_name="__init__",
        co_qualname=f"{qualname}.__init__",
        co_varnames=("self", *names),
        co_consts=tuple(placeholders.get(c, c) if isinstance(c, str) else c for c in template.co_consts),
    )
    factories = {name: value.make for name, value in defaults.items() if isinstance(value, _Factory)}
    arguments = tuple(
        _MISSING if isinstance(defaults[name], _Factory) else defaults[name]
        for name in names
        if name in defaults
    )
    scope = {"__set": object.__setattr__, "__missing": _MISSING, "__factories": factories}
    function = types.FunctionType(code, scope, "__init__", arguments)
    function.__qualname__ = f"{qualname}.__init__"
    return function


def _template(count: int) -> types.CodeType:
    """``__init__(self, <count fields>)``: precompiled in _record_inits (bytecode, installed with the
    package) up to its size, else compiled here. Compiling one per class cost ~0.13 ms, 50 on a lint."""
    from vcvalues.core import _record_inits

    if count < len(_record_inits.INITS):
        return _record_inits.INITS[count].__code__
    return _compiled_template(count)


@functools.cache
def _compiled_template(count: int) -> types.CodeType:
    namespace: dict[str, Any] = {}
    exec(template_source(count), {}, namespace)
    code: types.CodeType = namespace[f"_init_{count}"].__code__
    return code


def template_source(count: int) -> str:
    """The template ``__init__`` of ``count`` fields: each stored, or its factory's value when left out;
    field names are the placeholders ``"@<index>"`` as constants and ``_<index>`` as parameters."""
    params = "".join(f", _{index}" for index in range(count))
    store = "\n    __set(self, '@{i}', _{i} if _{i} is not __missing else __factories['@{i}']())"
    body = "".join(store.format(i=index) for index in range(count)) or "\n    pass"
    return f"def _init_{count}(self{params}):  # type: ignore[no-untyped-def]{body}\n"


def inits_module(size: int = 17) -> str:
    """The text of vcvalues/core/_record_inits.py: the templates of 0 to ``size - 1`` fields."""
    head = (
        '"""Generated by vcvalues.core._record.inits_module: do not edit (a test checks it).\n\n'
        "The record ``__init__`` templates, precompiled with the package (see ``_record._template``).\n"
        '"""\n\n# fmt: off\n# ruff: noqa\n# mypy: disable-error-code="name-defined"\n'
    )
    functions = "\n\n".join(template_source(count) for count in range(size))
    table = ", ".join(f"_init_{count}" for count in range(size))
    return f"{head}\n\n{functions}\n\nINITS = ({table})\n"


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self.__record_fields__)


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({fields})"


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _lt(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) < _values(other)


def _le(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) <= _values(other)


def _gt(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) > _values(other)


def _ge(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) >= _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _setattr(self: Any, name: str, value: Any) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for name, value in zip(self.__record_fields__, state, strict=True):
        object.__setattr__(self, name, value)
