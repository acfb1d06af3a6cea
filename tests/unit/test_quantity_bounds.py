"""Quantity on number bombs: the exponent stays symbolic, significant digits are capped at MAX_DIGITS.

Issue 15: ``pods: 1e2147483647`` hung lint (10**(exponent+3), zeros stripped one division at a time),
``limits.memory: 1e100000`` took 13 s, and ``int()`` of a million-digit number takes ~50 s. These tests
run the operations the rules use on such values; they finish in milliseconds now (no timing assertion:
a regression shows up as a hung test)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.quantity import MAX_DIGITS, Quantity, QuantityFormat

INT32_MAX = (1 << 31) - 1


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # Go's canonical DecimalExponent form: the exponent a multiple of 3; tiny values round up to 1n.
        ("1e2147483647", "10e2147483646"),
        ("1e-2147483648", "1e-9"),
        ("-1e2147483647", "-10e2147483646"),
        ("1e100000", "10e99999"),
    ],
)
def test_huge_exponents_stay_symbolic(text: str, canonical: str) -> None:
    quantity = Quantity.parse(text)
    assert quantity.canonical() == canonical
    assert quantity.is_integer() == (not text.startswith("1e-"))
    assert quantity > Quantity.parse("9Ei") or quantity < Quantity(1) or quantity.is_integer()


def test_sum_across_a_huge_exponent_gap_rounds_away_from_zero() -> None:
    big, small = Quantity.parse("1e2147483647"), Quantity.parse("1Gi")
    total = big + small
    assert total > big  # the small term is not lost: rounded up at the last kept digit
    assert total - big > Quantity(0)
    assert big + -small <= big
    assert Quantity.parse("1e100000") + Quantity.parse("1e100000") == Quantity.parse("2e100000")


def test_a_million_digit_number_keeps_max_digits_rounded_up() -> None:
    digits = "7" * 1_000_000
    quantity = Quantity.parse(digits)
    expected_prefix = "7" * (MAX_DIGITS - 1) + "8"
    assert quantity.canonical().startswith(expected_prefix[:50])
    assert quantity > Quantity.parse("7" * (MAX_DIGITS + 5))
    assert quantity.is_integer()


def test_trailing_zeros_of_a_long_literal_are_exact() -> None:
    quantity = Quantity.parse("1" + "0" * 200_000)
    assert quantity == Quantity(1, 200_000)
    assert Quantity(10**5000) == Quantity(1, 5000)


def test_binary_sum_beyond_any_suffix_prints_an_exponent() -> None:
    total = Quantity.parse("1Gi") + Quantity.parse("1e100000")
    text = total.canonical()
    assert len(text) < 2 * MAX_DIGITS + 20
    assert "e" in text
    assert total.form is QuantityFormat.BINARY_SI


@given(
    st.integers(1, 10**30),
    st.integers(-INT32_MAX - 1, INT32_MAX),
    st.integers(1, 10**30),
    st.integers(-INT32_MAX - 1, INT32_MAX),
)
def test_any_exponents_compare_and_add_in_bounded_work(a: int, ea: int, b: int, eb: int) -> None:
    left, right = Quantity.parse(f"{a}e{ea}"), Quantity.parse(f"{b}e{eb}")
    total = left + right
    assert total >= left and total >= right
    assert (left < right) == (_key(a, ea) < _key(b, eb)) or left == right
    assert isinstance(total.canonical(), str)


@given(st.integers(1, 10**40), st.integers(-60, 60), st.integers(1, 10**40), st.integers(-60, 60))
def test_sums_within_max_digits_are_exact(a: int, ea: int, b: int, eb: int) -> None:
    left, right = Quantity(a, ea), Quantity(-b, eb)
    assert (left + right).value == left.value + right.value


@given(st.text(alphabet="0123456789", min_size=MAX_DIGITS, max_size=3 * MAX_DIGITS))
def test_long_digit_strings_round_up_to_max_digits(digits: str) -> None:
    quantity = Quantity.parse(digits)
    exact = Fraction(int(digits))
    assert quantity.value >= exact
    if exact:
        assert (quantity.value - exact) / exact < Fraction(1, 10 ** (MAX_DIGITS - 2))


def _key(unscaled: int, exponent: int) -> tuple[int, Fraction]:
    """Order of unscaled * 10**exponent without expanding: (size, leading digits)."""
    digits = len(str(unscaled))
    return digits + exponent, Fraction(unscaled, 10**digits)


# --- ints are counted and printed with str() below 10**40, with decimal above: the same answers ---------

_AROUND_POWERS = st.builds(
    lambda power, offset: max(0, 10**power + offset), st.integers(0, 5000), st.integers(-2, 2)
)


@given(st.one_of(st.integers(0, 10**45), _AROUND_POWERS))
def test_digit_count_agrees_with_decimal(mag: int) -> None:
    from decimal import Decimal

    from vcvalues.core.quantity import _digits

    assert _digits(mag) == (Decimal(mag).adjusted() + 1 if mag else 1)


@given(st.one_of(st.integers(-(10**45), 10**45), _AROUND_POWERS, _AROUND_POWERS.map(lambda n: -n)))
def test_printed_ints_agree_with_decimal(number: int) -> None:
    from decimal import Decimal

    from vcvalues.core.quantity import _to_str

    assert _to_str(number) == str(Decimal(number))
