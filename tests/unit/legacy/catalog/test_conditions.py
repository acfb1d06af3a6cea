"""Template conditions and value references, evaluated with Go template truthiness."""

from __future__ import annotations

import pytest

from vcvalues.legacy.catalog.conditions import (
    ALWAYS,
    All,
    AnyOf,
    Equals,
    Not,
    Ref,
    at,
    both,
    go_truthy,
    has_key,
    lookup,
    off,
    on,
)


@pytest.mark.parametrize(
    ("value", "truthy"),
    [
        (None, False),
        (False, False),
        (0, False),
        (0.0, False),
        ("", False),
        ({}, False),
        ([], False),
        (True, True),
        (1, True),
        (0.5, True),
        ("false", True),
        ("0", True),
        ({"a": None}, True),
        ([0], True),
    ],
)
def test_go_truthy(value: object, truthy: bool) -> None:
    assert go_truthy(value) is truthy


def test_lookup_and_has_key() -> None:
    values = {"a": {"b": None, "c": 1}, "s": "text"}
    assert lookup(values, ("a", "c")) == 1
    assert lookup(values, ("a", "x")) is None
    assert lookup(values, ("s", "x")) is None
    assert has_key(values, ("a", "b")) is True
    assert has_key(values, ("a", "x")) is False
    assert has_key(values, ("s", "x")) is False


def test_ref_first_truthy() -> None:
    ref = Ref((("replicas",), ("syncer", "replicas")), "first-truthy")
    assert ref.resolve({"replicas": 0, "syncer": {"replicas": 2}}) == 2
    assert ref.resolve({"replicas": 3, "syncer": {"replicas": 2}}) == 3
    assert ref.path == ("syncer", "replicas")


def test_ref_first_present() -> None:
    ref = Ref((("storage", "size"), ("syncer", "storage", "size")), "first-present")
    assert ref.resolve({"storage": {"size": None}, "syncer": {"storage": {"size": "5Gi"}}}) is None
    assert ref.resolve({"storage": {}, "syncer": {"storage": {"size": "5Gi"}}}) == "5Gi"
    assert ref.resolve({"syncer": {"storage": {"size": "5Gi"}}}) == "5Gi"


def test_conditions() -> None:
    values = {"service": {"type": "LoadBalancer"}, "flag": "false", "p": True}
    assert Equals(at("service", "type"), "LoadBalancer").holds(values)
    assert not Equals(at("service", "type"), "NodePort").holds(values)
    assert on("flag").holds(values)  # the string "false" is true
    assert off("missing").holds(values)
    assert Equals(at("p"), "true", printed=True).holds(values)
    assert not Equals(at("flag"), "true", printed=True).holds(values)
    assert not Equals(at("p"), "true").holds(values)
    assert ALWAYS.holds({})
    assert All((on("p"), on("flag"))).holds(values)
    assert not All((on("p"), on("missing"))).holds(values)
    assert AnyOf((on("missing"), on("p"))).holds(values)
    assert Not(on("p")).holds(values) is False
    assert both(ALWAYS, on("p")) == on("p")
    assert both(on("p"), on("flag")) == All((on("p"), on("flag")))
