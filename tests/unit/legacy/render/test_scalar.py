"""go-yaml v2 plain-scalar resolution (resolve.go at v2.4.0) and the JSON step of sigs.k8s.io/yaml."""

from __future__ import annotations

import math

import pytest

from vcvalues.legacy.render._gotmpl import field, range_items, to_yaml_value, truthy
from vcvalues.legacy.render._scalar import RenderError, plain_key, plain_value, resolve_plain

RESOLVED = [
    ("yes", True), ("Y", True), ("on", True), ("TRUE", True), ("n", False), ("Off", False), ("FALSE", False),
    ("", None), ("~", None), ("null", None), ("NULL", None),
    ("10", 10), ("-10", -10), ("+5", 5), ("0x1F", 31), ("0o17", 15), ("017", 15), ("0b101", 5), ("-0b11", -3),
    ("1_000", 1000), ("08", 8.0), ("1.5", 1.5), ("1.", 1.0), (".5", 0.5), ("1e3", 1000.0), ("-1E-2", -0.01),
    ("9223372036854775807", 9223372036854775807), ("18446744073709551615", 18446744073709551615),
    ("18446744073709551616", 1.8446744073709552e19),
    # strings: not in the table, words of another case, base 60, timestamps, overflowing floats
    ("yES", "yES"), ("nO", "nO"), ("1:20", "1:20"), ("2001-12-14", "2001-12-14"), ("1e400", "1e400"),
    (".", "."), ("0x", "0x"), ("1.2.3", "1.2.3"), ("100m", "100m"), ("0.0.0.0/0", "0.0.0.0/0"), ("<<", "<<"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), RESOLVED)
def test_resolve_plain(text: str, value: object) -> None:
    got = resolve_plain(text)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize("text", [".inf", "-.Inf", "+.INF"])
def test_infinities(text: str) -> None:
    assert math.isinf(resolve_plain(text))  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="JSON"):
        plain_value(text, where="t")


def test_plain_value_json_numbers() -> None:
    assert plain_value("1e3", where="t") == 1000
    assert type(plain_value("1e3", where="t")) is int
    assert plain_value("1e21", where="t") == 1e21
    assert type(plain_value("1e21", where="t")) is float
    assert plain_value("  a  ", where="t") == "a"


@pytest.mark.parametrize(
    "text",
    ["a: b", "a:", "#c", "a #c", "- a", "-", "? a", ":", "[a]", "{a}", "&a", "*a", "!a", "|", ">",
     "'a'", '"a"', "%a", "@a", "`a", "a\nb", "a\tb", "\x00"],
)  # fmt: skip
def test_text_that_changes_the_yaml(text: str) -> None:
    with pytest.raises(RenderError, match="unquoted"):
        plain_value(text, where="t")


@pytest.mark.parametrize("text", ["-a", "--flag=x", "?a", ":a", "a:b", "a#b", "a,b", "a]", "x{y}"])
def test_plain_scalars_that_read_back(text: str) -> None:
    assert plain_value(text, where="t") == text


@pytest.mark.parametrize(
    ("text", "key"),
    [("yes", "true"), ("off", "false"), ("0x10", "16"), ("1e3", "1000"), ("1.5", "1.5"), ("0.1", "0.1"),
     ("3.14159265358979", "3.1415927"), ("1e7", "1e+07"), ("1e-5", "1e-05"), ("123456", "123456"),
     ("-2.5", "-2.5"), ("16777217.0", "1.6777216e+07"), (".inf", ".inf"), ("-.inf", "-.inf"),
     (".nan", ".nan"), ("1e39", ".inf"), ("cpu", "cpu")],
)  # fmt: skip
def test_plain_key(text: str, key: str) -> None:
    # float keys: strconv.FormatFloat(f, 'g', -1, 32) as in sigs.k8s.io/yaml
    assert plain_key(text, where="t") == key


def test_null_key_is_an_error() -> None:
    with pytest.raises(RenderError, match="null"):
        plain_key("null", where="t")


@pytest.mark.parametrize(
    ("value", "truth"),
    [(None, False), (False, False), (0, False), (0.0, False), ("", False), ([], False), ({}, False),
     (True, True), (1, True), (-0.5, True), (math.nan, True), ("false", True), ("0", True), ([0], True),
     ({"a": None}, True)],
)  # fmt: skip
def test_go_truthiness(value: object, truth: bool) -> None:
    assert truthy(value) is truth


def test_field_errors() -> None:
    values = {"a": {"b": None, "c": "text", "d": [1]}}
    assert field(values, ("a", "missing"), template="t") is None
    with pytest.raises(
        RenderError, match=r"^t: executing at <\.Values\.a\.b\.x>: nil pointer evaluating interface \{\}\.x$"
    ):
        field(values, ("a", "b", "x"), template="t")
    with pytest.raises(RenderError, match=r"can't evaluate field x in type string$"):
        field(values, ("a", "c", "x"), template="t")
    with pytest.raises(RenderError, match=r"in type \[\]interface \{\}$"):
        field(values, ("a", "d", "x"), template="t")
    with pytest.raises(RenderError, match=r"<\.Values\.a\.missing\.x>: nil pointer"):
        field(values, ("a", "missing", "x", "y"), template="t")


def test_range_items() -> None:
    assert list(range_items({"b": 1, "a": 2}, template="t", expression="e")) == [("a", 2), ("b", 1)]
    assert list(range_items(["x"], template="t", expression="e")) == [("0", "x")]
    assert list(range_items(None, template="t", expression="e")) == []
    with pytest.raises(RenderError, match="range can't iterate over 5"):
        list(range_items(5, template="t", expression="e"))


def test_to_yaml_value() -> None:
    assert to_yaml_value({"b": [1.0, 2.5, 1e21, "x"], "a": {"d": None, "c": True}}) == {
        "a": {"c": True, "d": None},
        "b": [1, 2.5, 1e21, "x"],
    }
    assert to_yaml_value({"a": math.inf}) is None
    assert to_yaml_value(10**400) is None
    assert to_yaml_value("<no value>") == ""
