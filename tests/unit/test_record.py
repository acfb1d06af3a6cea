"""vcvalues.core._record: behaves as @dataclass(frozen=True, slots=True) for the catalogue's classes."""

from __future__ import annotations

import copy
import dataclasses
import operator
import pickle
from dataclasses import FrozenInstanceError, dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core._record import field, mutable_record, ordered_record, record, replace


@record
class Port:
    """A port."""

    name: str
    number: int
    protocol: str = "TCP"

    def label(self) -> str:
        return f"{self.name}/{self.number}"


@dataclass(frozen=True, slots=True)
class PortDC:
    name: str
    number: int
    protocol: str = "TCP"


@record
class Wrapper:
    items: tuple[object, ...] = ()


def test_init_by_position_keyword_and_default() -> None:
    assert Port("http", 80).protocol == "TCP"
    assert Port("dns", 53, "UDP").protocol == "UDP"
    assert Port(number=53, name="dns", protocol="UDP") == Port("dns", 53, "UDP")
    assert Wrapper().items == ()


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), (("a",), {}), (("a", 1, "TCP", "x"), {}), (("a", 1), {"name": "b"}), (("a", 1), {"port": 2})],
)
def test_wrong_arguments_are_a_type_error_as_for_a_dataclass(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    with pytest.raises(TypeError):
        PortDC(*args, **kwargs)
    with pytest.raises(TypeError):
        Port(*args, **kwargs)


def test_repr_equals_the_dataclass_repr() -> None:
    assert repr(Port("http", 80)) == repr(PortDC("http", 80)).replace("PortDC", "Port")
    assert repr(Port("http", 80)) == "Port(name='http', number=80, protocol='TCP')"
    assert repr(Wrapper((Wrapper(),))) == "Wrapper(items=(Wrapper(items=()),))"


def test_eq_and_hash_are_field_wise_and_class_strict() -> None:
    assert Port("http", 80) == Port("http", 80)
    assert Port("http", 80) != Port("http", 81)
    assert hash(Port("http", 80)) == hash(Port("http", 80)) == hash(("http", 80, "TCP"))
    others: list[object] = [PortDC("http", 80), ("http", 80, "TCP")]
    assert all(Port("http", 80) != other for other in others)
    assert len({Port("a", 1), Port("a", 1), Port("b", 1)}) == 2


def test_fields_are_read_only_and_slotted() -> None:
    port = Port("http", 80)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'number'"):
        port.number = 81  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'other'"):
        port.other = 1  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'name'"):
        del port.name
    assert not hasattr(port, "__dict__")
    assert Port.__slots__ == ("name", "number", "protocol")  # type: ignore[attr-defined]
    assert Port.__match_args__ == ("name", "number", "protocol")


def test_methods_docs_and_names_are_kept() -> None:
    assert Port("http", 80).label() == "http/80"
    assert Port.__doc__ == "A port."
    assert Port.__qualname__ == "Port"
    assert Port.__module__ == __name__
    assert Port.__init__.__qualname__ == "Port.__init__"


def test_pickle_copy_and_match() -> None:
    port = Port("dns", 53, "UDP")
    assert pickle.loads(pickle.dumps(port)) == port
    assert copy.copy(port) == port
    assert copy.deepcopy(Wrapper((port,))) == Wrapper((port,))
    match port:
        case Port(name, number, protocol):
            assert (name, number, protocol) == ("dns", 53, "UDP")
        case _:
            pytest.fail("no match")


def test_a_default_before_a_required_field_is_refused() -> None:
    class Bad:
        first: int = 1
        second: int

    with pytest.raises(TypeError, match="non-default argument 'second' follows default argument"):
        record(Bad)


def test_a_record_cannot_derive_from_a_record() -> None:
    class Derived(Port):
        extra: int = 0

    with pytest.raises(TypeError, match="cannot derive"):
        record(Derived)


def test_not_a_dataclass() -> None:
    # dataclasses.fields/replace/asdict are not available on records (the catalogue uses none of them)
    assert not dataclasses.is_dataclass(Port)


# --- ordered, mutable, default factories, replace: as their dataclass counterparts -------------------


@ordered_record
class Version:
    major: int
    minor: int


@dataclass(frozen=True, order=True, slots=True)
class VersionDC:
    major: int
    minor: int


@mutable_record
class Bag:
    name: str
    items: list[int] = field(default_factory=list)
    count: int = 0


@dataclass(slots=True)
class BagDC:
    name: str
    items: list[int] = dataclasses.field(default_factory=list)
    count: int = 0


@given(
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
)
def test_ordering_agrees_with_an_ordered_dataclass(left: tuple[int, int], right: tuple[int, int]) -> None:
    ours, theirs = (Version(*left), Version(*right)), (VersionDC(*left), VersionDC(*right))
    for compare in (operator.lt, operator.le, operator.gt, operator.ge, operator.eq):
        assert compare(*ours) == compare(*theirs)
    assert sorted([Version(*right), Version(*left)]) == sorted([Version(*left), Version(*right)])


def test_ordering_another_class_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        Version(1, 2) < (1, 2)  # type: ignore[operator]  # noqa: B015


def test_a_mutable_record_behaves_as_a_slotted_dataclass() -> None:
    first, second = Bag("a"), Bag("a")
    assert first.items == [] and first.items is not second.items  # one new list per instance
    assert repr(Bag("a", [1], 2)) == repr(BagDC("a", [1], 2)).replace("BagDC", "Bag")
    first.items.append(1)
    first.count = 3
    assert first == Bag("a", [1], 3) and first != second
    assert Bag(name="b", count=1) == Bag("b", [], 1)
    assert Bag.__hash__ is None and BagDC.__hash__ is None
    with pytest.raises(AttributeError):
        first.other = 1
    assert pickle.loads(pickle.dumps(first)) == first
    assert copy.deepcopy(first) == first and copy.deepcopy(first).items is not first.items


def test_replace_copies_with_changes_as_dataclasses_replace() -> None:
    port = Port("http", 80)
    assert replace(port, number=8080) == Port("http", 8080)
    assert replace(port) == port and replace(port) is not port
    with pytest.raises(TypeError):
        replace(port, port=1)


def test_the_precompiled_init_templates_are_current() -> None:
    from pathlib import Path

    from vcvalues.core import _record_inits
    from vcvalues.core._record import inits_module

    assert Path(_record_inits.__file__).read_text(encoding="utf-8") == inits_module(), (
        "run: python -c 'from vcvalues.core._record import inits_module; print(inits_module(), end=\"\")'"
        " > vcvalues/core/_record_inits.py"
    )


def test_a_record_past_the_precompiled_sizes_gets_a_compiled_init() -> None:
    names = [f"f{index}" for index in range(20)]
    annotations = dict.fromkeys(names, "int")
    namespace = {"__annotations__": annotations, "f19": field(default_factory=list)}
    Wide = mutable_record(type("Wide", (), namespace))
    wide = Wide(*range(19))
    assert [getattr(wide, name) for name in names] == [*range(19), []]
    assert Wide(*range(20)) == Wide(*range(19), f19=19)
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'f18'"):
        Wide(*range(18))
