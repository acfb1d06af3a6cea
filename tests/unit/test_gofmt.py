"""Go value printing. Expectations follow golang/go src/fmt/print.go + src/fmt/format.go (fmtFloat) and
src/strconv/ftoa.go (formatDigits: shortest digits, %e when exp < -4 or exp >= 6, >= 2 exponent digits),
src/strconv/quote.go (Quote), and Masterminds/sprig v3.3.0 strings.go (strval, quote skips nil)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.gofmt import GoInt64, format_float64, format_value, go_quote, go_quote_rune, quote, strval


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        # DESIGN §4 examples; ftoa.go formatDigits with shortest => eprec 6.
        (10.0, "10"),
        (0.5, "0.5"),
        (123456.0, "123456"),
        (999999.0, "999999"),
        (1000000.0, "1e+06"),
        (1234567.0, "1.234567e+06"),
        (123456789.0, "1.23456789e+08"),
        (1e21, "1e+21"),
        (1e100, "1e+100"),
        (1.5e300, "1.5e+300"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (0.000015, "1.5e-05"),
        (1.5e-300, "1.5e-300"),
        (5e-324, "5e-324"),
        (-2.5, "-2.5"),
        (-1000000.0, "-1e+06"),
        (0.1 + 0.2, "0.30000000000000004"),
        (100.0, "100"),
        (1.0, "1"),
        (0.0, "0"),
        # format.go fmtFloat keeps the '-' of negative zero, prints +Inf with its sign, NaN without.
        (-0.0, "-0"),
        (math.inf, "+Inf"),
        (-math.inf, "-Inf"),
        (math.nan, "NaN"),
    ],
)
def test_format_float64(number: float, expected: str) -> None:
    assert format_float64(number) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20Gi", "20Gi"),
        ("", ""),
        (True, "true"),
        (False, "false"),
        # A file integer is float64: 2**53+1 rounds to 2**53 and prints with an exponent.
        (2**53 + 1, "9.007199254740992e+15"),
        (1000000, "1e+06"),
        (20, "20"),
        (10**400, "+Inf"),
        (-(10**400), "-Inf"),
        # An int64 from --set prints plainly.
        (GoInt64(1000000), "1000000"),
        (GoInt64(-9223372036854775808), "-9223372036854775808"),
        (1.5, "1.5"),
        # quote skips nil entirely.
        (None, ""),
        # fmt %v of map[string]interface{} (sorted keys) and []interface{}; nil inside prints <nil>.
        ({"b": ["x", "y"], "a": 1}, "map[a:1 b:[x y]]"),
        ({}, "map[]"),
        ([], "[]"),
        ([None, True, 1e6, GoInt64(7), {"k": None}], "[<nil> true 1e+06 7 map[k:<nil>]]"),
    ],
)
def test_strval(value: object, expected: str) -> None:
    assert strval(value) == expected


def test_format_value_nil_prints_like_fmt() -> None:
    assert format_value(None) == "<nil>"
    assert format_value({"a": None}) == "map[a:<nil>]"


def test_goint64_is_a_small_int() -> None:
    value = GoInt64(5)
    assert value == 5
    assert isinstance(value, int)
    assert repr(value) == "GoInt64(5)"
    assert not hasattr(value, "__dict__")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abc", '"abc"'),
        ('say "hi"', r'"say \"hi\""'),
        ("back\\slash", r'"back\\slash"'),
        ("tab\tnl\n", r'"tab\tnl\n"'),
        ("\x00\x1b\x7f", r'"\x00\x1b\x7f"'),
        ("é€😀", '"é€😀"'),
        ("\u00a0", r'"\u00a0"'),
        ("\u200b", r'"\u200b"'),
        ("\U000e0001", r'"\U000e0001"'),
    ],
)
def test_go_quote(text: str, expected: str) -> None:
    assert go_quote(text) == expected


@pytest.mark.parametrize(
    ("char", "expected"),
    # strconv/quote.go QuoteRune: the quote is escaped, a double quote is not.
    [("x", "'x'"), ("'", r"'\''"), ('"', "'\"'"), ("\\", r"'\\'"), ("\n", r"'\n'"), ("é", "'é'")],
)
def test_go_quote_rune(char: str, expected: str) -> None:
    assert go_quote_rune(char) == expected


def test_quote() -> None:
    assert quote(1e6) == '"1e+06"'
    assert quote(GoInt64(3)) == '"3"'
    assert quote(None) == ""
    assert quote("x") == '"x"'


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_float64_round_trips(number: float) -> None:
    text = format_float64(number)
    assert float(text) == number
    assert math.copysign(1.0, float(text)) == math.copysign(1.0, number)
    if "e" in text:
        mantissa, exponent = text.split("e")
        assert exponent[0] in "+-"
        assert len(exponent) >= 3
        assert not (-4 <= int(exponent) < 6)
        assert "." not in mantissa or not mantissa.endswith("0")
    else:
        assert not text.endswith(".") and ("." not in text or not text.endswith("0"))


def _shortest_digits_with_decimal(f: float) -> tuple[str, int]:
    """The reference: the digits and point read through decimal (how gofmt did it before)."""
    from decimal import Decimal

    _sign, digit_tuple, exponent = Decimal(repr(f)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0")
    assert isinstance(exponent, int)
    return digits, len(digits) + exponent + len(digit_tuple) - len(digits)


@given(st.floats(min_value=0, allow_nan=False, allow_infinity=False, exclude_min=True))
def test_shortest_digits_read_from_repr_agree_with_decimal(number: float) -> None:
    from vcvalues.core.gofmt import _shortest_digits

    assert _shortest_digits(number) == _shortest_digits_with_decimal(number)


@pytest.mark.parametrize("number", [5e-324, 1e-05, 0.001, 1.0, 100.0, 123456.0, 1e16, 1.7976931348623157e308])
def test_shortest_digits_at_the_edges(number: float) -> None:
    from vcvalues.core.gofmt import _shortest_digits

    assert _shortest_digits(number) == _shortest_digits_with_decimal(number)
