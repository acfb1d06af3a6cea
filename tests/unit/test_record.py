"""vcvalues.core._record: behaves as @dataclass(frozen=True, slots=True) for the catalogue's classes."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass
from typing import Any

import pytest

from vcvalues.core._record import record


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
