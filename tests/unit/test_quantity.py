"""Quantity. Unless noted, expectations are the cases of kubernetes/apimachinery v0.36.3
pkg/api/resource/quantity_test.go (TestQuantityParse, TestQuantityString, TestQuantityParseEmit,
TestQuantityCmp, TestQuantityCmpInt64AndDec, TestAdd, TestSub, TestMul, TestQuantityNeg), restated here as
(input, unscaled, exponent, format) where Go writes decQuantity(unscaled, exponent, format)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from vcvalues.core.gofmt import GoInt64
from vcvalues.core.quantity import Quantity, QuantityError, QuantityFormat

D, B, X = QuantityFormat.DECIMAL_SI, QuantityFormat.BINARY_SI, QuantityFormat.DECIMAL_EXPONENT
MAX = (1 << 63) - 1
MIN = -(1 << 63)

PARSE_TABLE = [
    ("0", 0, 0, D),
    ("0n", 0, 0, D),
    ("0u", 0, 0, D),
    ("0m", 0, 0, D),
    ("0Ki", 0, 0, B),
    ("0k", 0, 0, D),
    ("0Mi", 0, 0, B),
    ("0M", 0, 0, D),
    ("0Gi", 0, 0, B),
    ("0G", 0, 0, D),
    ("0Ti", 0, 0, B),
    ("0T", 0, 0, D),
    ("1", 1, 0, D),
    ("1Ki", 1024, 0, B),
    ("8Ki", 8 * 1024, 0, B),
    ("7Mi", 7 * 2**20, 0, B),
    ("6Gi", 6 * 2**30, 0, B),
    ("5Ti", 5 * 2**40, 0, B),
    ("4Pi", 4 * 2**50, 0, B),
    ("3Ei", 3 * 2**60, 0, B),
    ("10Ti", 10 * 2**40, 0, B),
    ("100Ti", 100 * 2**40, 0, B),
    ("5n", 5, -9, D),
    ("4u", 4, -6, D),
    ("3m", 3, -3, D),
    ("9", 9, 0, D),
    ("8k", 8, 3, D),
    ("50k", 5, 4, D),
    ("7M", 7, 6, D),
    ("6G", 6, 9, D),
    ("5T", 5, 12, D),
    ("40T", 4, 13, D),
    ("300T", 3, 14, D),
    ("2P", 2, 15, D),
    ("1E", 1, 18, D),
    ("1E-3", 1, -3, X),
    ("1e3", 1, 3, X),
    ("1E6", 1, 6, X),
    ("1e9", 1, 9, X),
    ("1E12", 1, 12, X),
    ("1e15", 1, 15, X),
    ("1E18", 1, 18, X),
    ("1e14", 1, 14, X),
    ("1e13", 1, 13, X),
    ("100.035k", 100035, 0, D),
    ("0.001", 1, -3, D),
    ("0.0005k", 5, -1, D),
    ("0.005", 5, -3, D),
    ("0.05", 5, -2, D),
    ("0.5", 5, -1, D),
    ("0.00050k", 5, -1, D),
    ("0.00500", 5, -3, D),
    ("0.05000", 5, -2, D),
    ("0.50000", 5, -1, D),
    ("0.5e0", 5, -1, X),
    ("0.5e-1", 5, -2, X),
    ("0.5e-2", 5, -3, X),
    ("10.035M", 10035, 3, D),
    ("1.2e3", 12, 2, X),
    ("1.3E+6", 13, 5, X),
    ("1.40e9", 14, 8, X),
    ("1.53E12", 153, 10, X),
    ("1.6e15", 16, 14, X),
    ("1.7E18", 17, 17, X),
    ("9.01", 901, -2, D),
    ("8.1k", 81, 2, D),
    ("7.123456M", 7123456, 0, D),
    ("6.987654321G", 6987654321, 0, D),
    ("5.444T", 5444, 9, D),
    ("40.1T", 401, 11, D),
    ("300.2T", 3002, 11, D),
    ("2.5P", 25, 14, D),
    ("1.01E", 101, 16, D),
    # things that saturate / round up to 1n
    ("3.001n", 4, -9, D),
    ("1.1E-9", 2, -9, X),
    ("0.0000000001", 1, -9, D),
    ("0.0000000005", 1, -9, D),
    ("0.00000000050", 1, -9, D),
    ("0.5e-9", 1, -9, X),
    ("0.9n", 1, -9, D),
    ("0.00000012345", 124, -9, D),
    ("0.00000012354", 124, -9, D),
    ("9Ei", MAX, 0, B),
    ("9223372036854775807Ki", MAX, 0, B),
    ("12E", 12, 18, D),
    ("100.035Ki", 10243584, -2, B),
    ("0.5Mi", 524288, 0, B),
    ("0.05Gi", 536870912, -1, B),
    ("0.025Ti", 274877906944, -1, B),
    ("0.000000000001Ki", 2, -9, D),
    (".001", 1, -3, D),
    (".0001k", 100, -3, D),
    ("1.", 1, 0, D),
    ("1.G", 1, 9, D),
]


@pytest.mark.parametrize(("text", "unscaled", "exponent", "form"), PARSE_TABLE)
@pytest.mark.parametrize("sign", ["", "-", "+"])
def test_parse_table(text: str, unscaled: int, exponent: int, form: QuantityFormat, sign: str) -> None:
    # quantity_test.go runs the table as given, with "-" (negated value) and with "+" prepended.
    got = Quantity.parse(sign + text)
    expected = Quantity(-unscaled if sign == "-" else unscaled, exponent, form=form)
    assert got == expected
    assert got.value == expected.value
    assert got.form is form


INVALID = ["1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", ""]
# The list, and digitless numbers whose Go slow path fails in inf.Dec.SetString (ErrNumeric).
MORE_INVALID = ["10 Gi", "NaN", "1_000", "1.5e3m", "20GB", "1K", "1Zi", "+-1", "Pi", "-Ei", "e-10", "1e"]


@pytest.mark.parametrize("text", INVALID + MORE_INVALID)
def test_invalid(text: str) -> None:
    with pytest.raises(QuantityError):
        Quantity.parse(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1K", "'1K' is not a quantity: unknown suffix 'K' (did you mean 'k' or 'Ki'?)"),
        ("20GB", "'20GB' is not a quantity: unknown suffix 'GB' (did you mean 'G' or 'Gi'?)"),
        ("10 Gi", "'10 Gi' is not a quantity: it contains whitespace (write '10Gi')"),
        (
            "1Zi",
            "'1Zi' is not a quantity: unknown suffix 'Zi'; "
            "there is nothing above 'E' (10^18) and 'Ei' (2^60)",
        ),
        ("1.5e3m", "'1.5e3m' is not a quantity: a suffix cannot follow an exponent ('e3' then 'm')"),
        ("1_000", "'1_000' is not a quantity: unexpected '_' after the number '1'"),
        ("NaN", "'NaN' is not a quantity: it does not start with a number"),
        ("+-1", "'+-1' is not a quantity: it does not start with a number"),
        ("1.1.M", "'1.1.M' is not a quantity: it has more than one decimal point"),
        ("1Mi3", "'1Mi3' is not a quantity: unexpected '3' after the suffix 'Mi'"),
        ("1e", "'1e' is not a quantity: 'e' must be followed by a whole-number exponent"),
        ("1e3.5", "'1e3.5' is not a quantity: the exponent must be a whole number, unexpected '.5' after it"),
        (
            "1e99999999999999999999",
            "'1e99999999999999999999' is not a quantity: the exponent "
            "'e99999999999999999999' is out of range",
        ),
        ("1µ", "'1µ' is not a quantity: micro is written 'u'"),
        ("", "an empty string is not a quantity"),
        ("Pi", "'Pi' has no digits before its suffix"),
    ],
)
def test_error_messages(text: str, message: str) -> None:
    with pytest.raises(QuantityError) as caught:
        Quantity.parse(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # Go accepts a number part without digits (parseQuantityString + fast path) and reads 0.
        ("-", "0"),
        ("+", "0"),
        (".", "0"),
        ("-.", "0"),
        ("Ki", "0"),
        ("k", "0"),
        ("e3", "0"),
        ("Ti", "0"),
        ("E", "0"),
    ],
)
def test_digitless_is_zero_unless_strict(text: str, canonical: str) -> None:
    assert Quantity.parse(text).canonical() == canonical
    with pytest.raises(QuantityError, match="has no digits"):
        Quantity.parse(text, strict=True)


# TestQuantityString: (unscaled, exponent, format) -> String(), and an alternate spelling that parses to it.
STRING_TABLE = [
    (2**30, 0, B, "1Gi", "1024Mi"),
    (300 * 2**20, 0, B, "300Mi", "307200Ki"),
    (6 * 1024, 0, B, "6Ki", ""),
    (1001 * 2**30, 0, B, "1001Gi", "1025024Mi"),
    (2**40, 0, B, "1Ti", "1024Gi"),
    (5, 0, B, "5", "5000m"),
    (500, -3, B, "500m", "0.5"),
    (1, 9, D, "1G", "1000M"),
    (1000, 6, D, "1G", "0.001T"),
    (1000000, 3, D, "1G", ""),
    (1000000000, 0, D, "1G", ""),
    (1, -3, D, "1m", "1000u"),
    (80, -3, D, "80m", ""),
    (1080, -3, D, "1080m", "1.08"),
    (108, -2, D, "1080m", "1080000000n"),
    (10800, -4, D, "1080m", ""),
    (300, 6, D, "300M", ""),
    (1, 12, D, "1T", ""),
    (1234567, 6, D, "1234567M", ""),
    (1234567, -3, B, "1234567m", ""),
    (3, 3, D, "3k", ""),
    (1025, 0, B, "1025", ""),
    (0, 0, D, "0", ""),
    (0, 0, B, "0", ""),
    (1, 9, X, "1e9", ".001e12"),
    (1, -3, X, "1e-3", "0.001e0"),
    (1, -9, X, "1e-9", "1000e-12"),
    (80, -3, X, "80e-3", ""),
    (300, 6, X, "300e6", ""),
    (1, 12, X, "1e12", ""),
    (1, 3, X, "1e3", ""),
    (3, 3, X, "3e3", ""),
    (0, 0, X, "0", "00"),
    (1, -9, D, "1n", ""),
    (80, -9, D, "80n", ""),
    (1080, -9, D, "1080n", ""),
    (108, -8, D, "1080n", ""),
    (10800, -10, D, "1080n", ""),
    (1, -6, D, "1u", ""),
    (80, -6, D, "80u", ""),
    (1080, -6, D, "1080u", ""),
]


@pytest.mark.parametrize(("unscaled", "exponent", "form", "expect", "alternate"), STRING_TABLE)
def test_canonical_string(
    unscaled: int, exponent: int, form: QuantityFormat, expect: str, alternate: str
) -> None:
    assert Quantity(unscaled, exponent, form=form).canonical() == expect
    # Parsing the canonical text keeps it (Go sets q.s); the alternate is re-emitted canonically.
    assert Quantity.parse(expect).go_string() == expect
    if alternate:
        assert Quantity.parse(alternate).canonical() == expect
        assert Quantity.parse(alternate).go_string() == expect
    if unscaled:
        assert Quantity(-unscaled, exponent, form=form).canonical() == "-" + expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # TestQuantityParseEmit
        ("1Ki", "1Ki"),
        ("1Mi", "1Mi"),
        ("1Gi", "1Gi"),
        ("1024Mi", "1Gi"),
        ("1000M", "1G"),
        (".001Ki", "1024m"),
        (".000001Ki", "1024u"),
        (".000000001Ki", "1024n"),
        (".000000000001Ki", "2n"),
        # The examples (same CanonicalizeBytes rules).
        ("1.5Gi", "1536Mi"),
        ("1000m", "1"),
        ("0.9n", "1n"),
        ("1.", "1"),
        (".5", "500m"),
        ("1e3", "1e3"),
        ("1E", "1E"),
        ("1E3", "1e3"),
        ("1.5", "1500m"),
        ("1500m", "1500m"),
        ("1e1", "10"),
        ("1e-1", "100e-3"),
        ("9Ei", "9223372036854775807"),
        ("1e2000000000", "100e1999999998"),
        ("1e-2000000000", "1e-9"),
        # DecimalSI has no suffix above E: Go's constructBytes finds none and prints the bare mantissa.
        ("1000E", "1"),
        ("12000E", "12"),
        ("1500E", "1500E"),
    ],
)
def test_parse_emit(text: str, expect: str) -> None:
    assert Quantity.parse(text).canonical() == expect
    if Quantity.parse(text) != Quantity(0):
        assert Quantity.parse("-" + text).canonical() == "-" + expect


@pytest.mark.parametrize(
    ("text", "go_string"),
    [
        # ParseQuantity keeps the input string on the int64 fast path when it looks canonical.
        ("+1", "+1"),
        ("01", "01"),
        ("1E3", "1E3"),
        ("1.", "1."),
        ("1025Ki", "1025Ki"),
        ("1024Ki", "1Mi"),
        ("100m", "100m"),
        ("1000m", "1"),
        ("0.5", "500m"),
        ("1e4294967296", "1e4294967296"),
    ],
)
def test_go_string_keeps_canonical_looking_input(text: str, go_string: str) -> None:
    assert Quantity.parse(text).go_string() == go_string


def test_int32_exponent_wraps_like_go() -> None:
    # suffix.go parses an int64 exponent and narrows it to int32: e4294967296 is e0.
    assert Quantity.parse("1e4294967296") == Quantity(1)
    # e2147483648 wraps to e-2147483648, far below 1n, so it rounds up to 1n.
    assert Quantity.parse("1e2147483648") == Quantity(1, -9, form=X)


@pytest.mark.parametrize(
    ("left", "right", "cmp"),
    [
        ("0", "0", 0),
        ("100m", "50m", 1),
        ("50m", "100m", -1),
        ("10000T", "100Gi", 1),
        ("1Gi", "1G", 1),
        ("1000m", "1", 0),
        ("1Ki", "1024", 0),
        ("1k", "1Ki", -1),
        ("-1", "1n", -1),
        ("-1Gi", "-1G", -1),
        ("1e2000000000", "1E", 1),
        ("-1e2000000000", "-1E", -1),
    ],
)
def test_compare_parsed(left: str, right: str, cmp: int) -> None:
    a, b = Quantity.parse(left), Quantity.parse(right)
    assert ((a > b) - (a < b)) == cmp
    assert ((b > a) - (b < a)) == -cmp
    assert (a == b) == (cmp == 0)
    assert (a <= b) == (cmp <= 0) and (a >= b) == (cmp >= 0)


E18 = 1000000 * 1000000 * 1000000


@pytest.mark.parametrize(
    ("a", "b", "cmp"),
    [
        # TestQuantityCmpInt64AndDec as (unscaled, exponent) pairs
        ((901, -2), (901, -2), 0),
        ((90, -1), (901, -2), -1),
        ((901, -2), (900, -2), 1),
        ((0, 0), (0, 0), 0),
        ((0, 1), (0, -1), 0),
        ((0, -1), (0, 1), 0),
        ((800, -3), (1, 0), -1),
        ((800, -3), (79, -2), 1),
        ((MAX, 0), (1, -1), 1),
        ((MAX, 1), (1, 0), 1),
        ((MAX, 1), (1, 1), 1),
        ((MAX, 1), (0, 1), 1),
        ((MAX, -16), (1, 3), -1),
        ((MIN, 0), (0, 0), -1),
        ((MIN, -18), (-1, 0), -1),
        ((MIN, -19), (-1, 0), 1),
        ((E18, -17), (1, 1), 0),
        ((E18, -17), (-10, 0), 1),
        ((-E18, -17), (-10, 0), 0),
        ((E18, -17), (1, 0), 1),
        ((E18 + 1, -17), (1, 1), 1),
        ((E18 - 1, -17), (1, 1), -1),
    ],
)
def test_compare_table(a: tuple[int, int], b: tuple[int, int], cmp: int) -> None:
    qa, qb = Quantity(*a), Quantity(*b)
    assert ((qa > qb) - (qa < qb)) == cmp
    assert ((qb > qa) - (qb < qa)) == -cmp


@pytest.mark.parametrize(
    ("a", "b", "total", "form"),
    [
        # TestAdd: the left format wins unless the left is zero.
        ((10, 0, D), (1, 1, D), 20, D),
        ((10, 0, D), (1, 0, B), 11, D),
        ((10, 0, B), (1, 0, D), 11, B),
        ((0, 0, D), (50, 0, D), 50, D),
        ((50, 0, D), (0, 0, D), 50, D),
        ((0, 0, D), (0, 0, D), 0, D),
        ((0, 0, D), (1, 0, B), 1, B),
    ],
)
def test_add(
    a: tuple[int, int, QuantityFormat], b: tuple[int, int, QuantityFormat], total: int, form: QuantityFormat
) -> None:
    result = Quantity(a[0], a[1], form=a[2]) + Quantity(b[0], b[1], form=b[2])
    assert result == Quantity(total)
    assert result.form is form


def test_add_zero_preserves_suffix_and_sub() -> None:
    # TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix
    for text in ("100m", "1Gi"):
        value, zero = Quantity.parse(text), Quantity.parse("0")
        assert (value + zero).canonical() == text
        assert (zero + value).canonical() == text
        assert (value - zero).canonical() == text
        assert (zero - value).canonical() == "-" + text
    # TestSub
    assert Quantity(10) - Quantity(1, 1) == Quantity(0)
    assert (Quantity(10) - Quantity(1, form=B)).form is D
    assert (Quantity(10, form=B) - Quantity(1)) == Quantity(9)
    assert Quantity(0) - Quantity(50) == Quantity(-50)


@pytest.mark.parametrize(
    ("a", "factor", "product"),
    [
        # TestMul (exact: no int64 overflow, so Go's "ok=false" cases are just the exact product)
        (10, 10, 100),
        (10, 1, 10),
        (0, 50, 0),
        (50, 0, 0),
        (10, -10, -100),
        (-10, 1, -10),
        (-50, -50, 2500),
        (MAX, 0, 0),
        (MAX, -1, -MAX),
        (MAX, 2, 2 * MAX),
        (MAX, 10, MAX * 10),
        (MIN, -1, MAX + 1),
        (MIN, -10, (MAX + 1) * 10),
    ],
)
def test_mul(a: int, factor: int, product: int) -> None:
    assert Quantity(a) * factor == Quantity(product)
    assert factor * Quantity(a) == Quantity(product)
    assert (Quantity(a, form=B) * factor).form is B


def test_neg() -> None:
    # TestQuantityNeg
    assert (-Quantity(901, -2)).canonical() == "-9010m"
    negated = -Quantity.parse("1Gi")
    assert -negated == Quantity.parse("1Gi")


@pytest.mark.parametrize(
    ("text", "value", "milli", "integer"),
    [
        ("1", Fraction(1), 1000, True),
        ("1m", Fraction(1, 1000), 1, False),
        ("1n", Fraction(1, 10**9), 1, False),
        ("-1n", Fraction(-1, 10**9), -1, False),
        ("1.5Gi", Fraction(3 * 2**29), 3 * 2**29 * 1000, True),
        ("1Mi", Fraction(2**20), 2**20 * 1000, True),
        ("0", Fraction(0), 0, True),
        ("2k", Fraction(2000), 2000000, True),
    ],
)
def test_value_milli_value_is_integer(text: str, value: Fraction, milli: int, integer: bool) -> None:
    quantity = Quantity.parse(text)
    assert quantity.value == value
    assert quantity.milli_value() == milli
    assert quantity.is_integer() is integer


@pytest.mark.parametrize(
    ("held", "canonical", "form"),
    [
        # A YAML number is a float64 rendered with %v (gofmt.strval), then parsed.
        (1000000, "1e6", X),
        (1000000.0, "1e6", X),
        (20, "20", D),
        (0.5, "500m", D),
        (1.5e-05, "15e-6", X),
        (GoInt64(1000000), "1M", D),
        (2**53 + 1, "9007199254740992", X),
    ],
)
def test_parse_numbers_as_helm_holds_them(held: object, canonical: str, form: QuantityFormat) -> None:
    quantity = Quantity.parse(held)
    assert quantity.canonical() == canonical
    assert quantity.form is form


@pytest.mark.parametrize(
    ("held", "message"),
    [
        (True, "'true' is not a quantity"),
        (None, "null is not a quantity"),
        (float("nan"), "'NaN' is not"),
        (float("inf"), "'+Inf' is not"),
    ],
)
def test_parse_non_quantities_as_helm_holds_them(held: object, message: str) -> None:
    with pytest.raises(QuantityError, match=message.replace("+", r"\+")):
        Quantity.parse(held)


def test_hash_and_repr() -> None:
    assert hash(Quantity.parse("1000m")) == hash(Quantity.parse("1"))
    assert len({Quantity.parse("1Ki"), Quantity.parse("1024"), Quantity.parse("1.024k")}) == 1
    assert repr(Quantity.parse("1.5Gi")) == "Quantity('1536Mi')"
    assert str(Quantity.parse("1.5Gi")) == "1536Mi"
    assert Quantity.parse("1") != "1"


SUFFIXES = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
quantity_texts = st.builds(
    lambda sign, whole, frac, dot, suffix: f"{sign}{whole}{dot}{frac}{suffix}",
    st.sampled_from(["", "-", "+"]),
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
    st.from_regex(r"[0-9]{0,10}", fullmatch=True),
    st.sampled_from([".", ""]),
    st.one_of(st.sampled_from(SUFFIXES), st.integers(-30, 30).map(lambda e: f"e{e}")),
)


@given(quantity_texts)
def test_canonical_round_trips(text: str) -> None:
    quantity = Quantity.parse(text)
    # Excluded: DecimalSI values of 1e21 and up, whose canonical text loses its suffix upstream too
    # (test_parse_emit pins "1000E" -> "1").
    assume(quantity.form is not D or abs(quantity.value) < 10**21)
    again = Quantity.parse(quantity.canonical())
    assert again == quantity
    assert again.canonical() == quantity.canonical()


@given(quantity_texts, quantity_texts)
def test_ordering_matches_values(left: str, right: str) -> None:
    a, b = Quantity.parse(left), Quantity.parse(right)
    assert (a < b) == (a.value < b.value)
    assert (a == b) == (a.value == b.value)
    assert (a + b).value == a.value + b.value


@given(
    st.one_of(
        st.text(), st.text(alphabet="0123456789.+-eEinumkKMGTPZ _"), quantity_texts.map(lambda t: t + "x")
    )
)
def test_parse_raises_only_quantity_error(text: str) -> None:
    try:
        quantity = Quantity.parse(text)
    except QuantityError as error:
        assert str(error)
    else:
        assert isinstance(quantity.canonical(), str)
