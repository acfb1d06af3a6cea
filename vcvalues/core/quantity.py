"""The exact Kubernetes ``resource.Quantity``: parsing, comparison, arithmetic and canonical form.

Behaviour follows kubernetes/apimachinery v0.36.3 ``pkg/api/resource`` (quantity.go ``ParseQuantity``,
``parseQuantityString``, ``CanonicalizeBytes``; suffix.go; amount.go; math.go), read and rewritten here
with exact integers. A value is ``unscaled * 10**exponent``, kept normalized, so huge exponents such as
``1e2000000000`` never get expanded by parsing, comparing, adding or printing.

Bounded work: Go keeps any number of digits (``inf.Dec`` over ``big.Int``) and expands ``10**exponent``
when it adds or scales, so ``1e2147483647`` or a million-digit number costs it (and Python) minutes.
Here a value keeps at most :data:`MAX_DIGITS` significant digits: exact for every quantity Kubernetes
objects use (int64 and the nano scale need 28), and beyond that rounded away from zero (up in
magnitude), which is the direction Go rounds to nano. Sums use :mod:`decimal` at that precision, whose
additions never expand the exponent gap. :meth:`Quantity.milli_value` and :attr:`Quantity.value`
expand on request; the rules only call them on values that are not whole numbers (exponent >= -9).

Where the Go code accepts more than its documented grammar, :meth:`Quantity.parse` accepts it too (the
API server does); ``strict=True`` also rejects a number part without digits (``Ki``, ``-``, ``.``,
which Kubernetes reads as 0).
"""

from __future__ import annotations

import enum
import functools

from vcvalues.core._quantity_text import explain, scan, suffix_exponent
from vcvalues.core.gofmt import strval

TYPE_CHECKING = False
if TYPE_CHECKING:
    import decimal
    from decimal import Decimal
    from fractions import Fraction

__all__ = ["MAX_DIGITS", "Quantity", "QuantityError", "QuantityFormat"]

MAX_DIGITS = 1000
"""Significant digits a quantity keeps exactly (more are rounded away from zero)."""
_SMALL = 10**40
"""Below this magnitude ints are counted and printed with str(); decimal (imported on first use, ~2 ms
of a cold start) handles larger ones (str() of an int has a 4300-digit limit)."""


@functools.cache
def _arithmetic() -> decimal.Context:
    import decimal

    return decimal.Context(
        prec=MAX_DIGITS, rounding=decimal.ROUND_UP, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[]
    )


_NANO = -9
_MAX_INT64 = (1 << 63) - 1
_MAX_INT64_DIGITS = 18  # math.go maxInt64Factors
_BINARY_FAST_DIGITS = 14
_DIGITS = frozenset("0123456789")
_BINARY_STEP = 1024
_DECIMAL_SUFFIXES = {-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"}
_BINARY_SUFFIXES = {1: "Ki", 2: "Mi", 3: "Gi", 4: "Ti", 5: "Pi", 6: "Ei"}


class QuantityError(ValueError):
    """Text that is not a Kubernetes quantity; the message says what is wrong."""


class QuantityFormat(enum.StrEnum):
    """How a quantity prints, remembered from the suffix it was parsed with (Go ``Format``)."""

    DECIMAL_SI = "DecimalSI"
    BINARY_SI = "BinarySI"
    DECIMAL_EXPONENT = "DecimalExponent"


def _digits(mag: int) -> int:
    """Number of decimal digits of a non-negative int (Decimal for large ones: str() stops at 4300 digits)."""
    if mag < _SMALL:
        return len(str(mag))
    from decimal import Decimal

    return Decimal(mag).adjusted() + 1


def _pow10(power: int) -> int:
    """``10**power`` for power >= 0, typed as int (``int ** int`` is Any to mypy)."""
    result: int = 10**power
    return result


def _to_str(number: int) -> str:
    if -_SMALL < number < _SMALL:
        return str(number)
    from decimal import Decimal

    return str(Decimal(number))


def _round_up_to_nano(unscaled: int, exponent: int) -> tuple[int, int]:
    """quantity.go: a non-zero value is rounded away from zero to a multiple of 1n."""
    if unscaled == 0 or exponent >= _NANO:
        return unscaled, exponent
    sign = -1 if unscaled < 0 else 1
    mag = abs(unscaled)
    if _digits(mag) + exponent <= _NANO:
        return sign, _NANO
    quotient, remainder = divmod(mag, _pow10(_NANO - exponent))
    return sign * (quotient + (1 if remainder else 0)), _NANO


class Quantity:
    """An exact Kubernetes quantity: ``unscaled * 10**exponent`` plus the format it prints in.

    Equality, hashing and ordering are by value across suffixes (``1Gi > 1G``, ``1000m == 1``).
    Build one with :meth:`parse`; the constructor takes the exact value as Go's test helper
    ``decQuantity(unscaled, exponent, format)`` does (no rounding).
    """

    __slots__ = ("_exponent", "_form", "_text", "_unscaled")

    def __init__(
        self, unscaled: int, exponent: int = 0, *, form: QuantityFormat = QuantityFormat.DECIMAL_SI
    ) -> None:
        if unscaled == 0:
            exponent = 0
        elif abs(unscaled) >= _SMALL or unscaled % 10 == 0:
            unscaled, exponent = _normalize(unscaled, exponent)
        self._unscaled = unscaled
        self._exponent = exponent
        self._form = form
        self._text: str | None = None

    @classmethod
    def parse(cls, text: object, *, strict: bool = False) -> Quantity:
        """Parse a quantity exactly as Kubernetes' ``resource.ParseQuantity`` does.

        Args:
            text: the string; an int or float is taken as Helm holds it (a float64 number from a
                values file, a :class:`~vcvalues.core.gofmt.GoInt64` from ``--set``) and converted to the
                text the chart renders (``1000000`` becomes ``1e+06``). Other objects are rendered
                with Go's ``%v`` (and then fail).
            strict: also reject a number part without digits (``Ki``, ``-``), which Kubernetes
                accepts as 0.

        Returns:
            The quantity.

        Raises:
            QuantityError: the text is not a quantity; the message says why.
        """
        if not isinstance(text, str):
            if text is None:
                raise QuantityError("null is not a quantity")
            text = strval(text)
        if text == "":
            raise QuantityError("an empty string is not a quantity")
        if text == "0":
            quantity = cls(0)
            quantity._text = text
            return quantity
        scanned = scan(text)
        if scanned is None:
            raise QuantityError(explain(text))
        negative, num, denom, suffix = scanned
        has_digits = any(c in _DIGITS for c in text[: len(text) - len(suffix)])
        if strict and not has_digits:
            raise QuantityError(f"{text!r} has no digits before its suffix (Kubernetes reads it as 0)")
        interpreted = suffix_exponent(suffix)
        if interpreted is None:
            raise QuantityError(explain(text))
        base, power, form_name = interpreted
        form = QuantityFormat(form_name)
        mag, dropped = _significand(num + denom)
        if base == 10:
            unscaled, exponent = mag, power - len(denom) + dropped
            fast = len(num) + len(denom) <= _MAX_INT64_DIGITS and power - len(denom) >= _NANO
        else:
            unscaled, exponent = _scaled(mag << power, -len(denom) + dropped)
            # quantity.go: precision = 15 - len(num) - exponent*3/10 - 1 must not be negative.
            fast = not denom and _BINARY_FAST_DIGITS - len(num) - power * 3 // 10 >= 0
        if not fast and not has_digits:
            # Go's slow path hands the digitless number to inf.Dec.SetString, which fails (ErrNumeric).
            raise QuantityError(f"{text!r} has no digits before its suffix")
        unscaled, exponent = _round_up_to_nano(-unscaled if negative else unscaled, exponent)
        quantity = cls(unscaled, exponent, form=form)
        if form is QuantityFormat.BINARY_SI and not fast:
            if abs(quantity) > cls(_MAX_INT64):
                quantity = cls(-_MAX_INT64 if negative else _MAX_INT64, form=form)
            elif quantity._unscaled and abs(quantity) < cls(1):
                quantity._form = QuantityFormat.DECIMAL_SI
        if fast and _keeps_text(form, num, denom, exponent, mag):
            quantity._text = text
        return quantity

    @property
    def form(self) -> QuantityFormat:
        """The format the quantity prints in (from its suffix; see :meth:`canonical`)."""
        return self._form

    @property
    def value(self) -> Fraction:
        """The exact value (may be enormous for exponents like ``1e2000000000``)."""
        from fractions import Fraction  # ~3 ms to import; no lint rule asks for a Fraction

        if self._exponent >= 0:
            return Fraction(self._unscaled * _pow10(self._exponent))
        return Fraction(self._unscaled, _pow10(-self._exponent))

    def is_integer(self) -> bool:
        """Whether the value is a whole number."""
        return self._exponent >= 0

    def milli_value(self) -> int:
        """The value in thousandths, rounded away from zero (Go ``MilliValue``, without int64 overflow)."""
        exponent = self._exponent + 3
        if exponent >= 0:
            return self._unscaled * _pow10(exponent)
        quotient, remainder = divmod(abs(self._unscaled), _pow10(-exponent))
        result = quotient + (1 if remainder else 0)
        return -result if self._unscaled < 0 else result

    def canonical(self) -> str:
        """Kubernetes' canonical text (``CanonicalizeBytes``): ``1.5Gi`` → ``1536Mi``, ``1000m`` → ``1``.

        As upstream, a DecimalSI value whose exponent would be above ``E`` loses its suffix
        (``1000E`` prints ``1``), and BinarySI above ``Ei`` likewise.
        """
        if self._unscaled == 0:
            return "0"
        form = self._form
        if form is QuantityFormat.BINARY_SI and (abs(self) < Quantity(_BINARY_STEP) or not self.is_integer()):
            form = QuantityFormat.DECIMAL_SI
        if (
            form is QuantityFormat.BINARY_SI
            and _digits(abs(self._unscaled)) + self._exponent > 2 * MAX_DIGITS
        ):
            form = QuantityFormat.DECIMAL_EXPONENT  # beyond any Ei: digits by the thousand say nothing
        if form is QuantityFormat.BINARY_SI:
            amount, times = self._unscaled * _pow10(self._exponent), 0
            while abs(amount) >= _BINARY_STEP and amount % _BINARY_STEP == 0:
                amount //= _BINARY_STEP
                times += 1
            return _to_str(amount) + _BINARY_SUFFIXES.get(times, "")
        shift = self._exponent % 3
        mantissa = _to_str(self._unscaled * _pow10(shift))
        exponent = self._exponent - shift
        if form is QuantityFormat.DECIMAL_SI:
            return mantissa + _DECIMAL_SUFFIXES.get(exponent, "")
        return mantissa + (f"e{exponent}" if exponent else "")

    def go_string(self) -> str:
        """What Go's ``String()`` / ``MarshalJSON`` emit: the parsed text itself when Go kept it
        (``ParseQuantity`` keeps already-canonical input, quirks included: ``+1``, ``01``, ``1E3``),
        else :meth:`canonical`."""
        return self._text if self._text is not None else self.canonical()

    def _cmp(self, other: Quantity) -> int:
        a, b = self._unscaled, other._unscaled
        sign_a, sign_b = (a > 0) - (a < 0), (b > 0) - (b < 0)
        if sign_a != sign_b or sign_a == 0:
            return (sign_a > sign_b) - (sign_a < sign_b)
        # Same sign, both non-zero: compare magnitudes by size first so huge exponents never expand.
        size_a = _digits(abs(a)) + self._exponent
        size_b = _digits(abs(b)) + other._exponent
        if size_a != size_b:
            return sign_a if size_a > size_b else -sign_a
        low = min(self._exponent, other._exponent)
        a *= _pow10(self._exponent - low)
        b *= _pow10(other._exponent - low)
        return (a > b) - (a < b)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        return (self._unscaled, self._exponent) == (other._unscaled, other._exponent)

    def __hash__(self) -> int:
        return hash((self._unscaled, self._exponent))

    def __lt__(self, other: Quantity) -> bool:
        return self._cmp(other) < 0

    def __le__(self, other: Quantity) -> bool:
        return self._cmp(other) <= 0

    def __gt__(self, other: Quantity) -> bool:
        return self._cmp(other) > 0

    def __ge__(self, other: Quantity) -> bool:
        return self._cmp(other) >= 0

    def __abs__(self) -> Quantity:
        return Quantity(abs(self._unscaled), self._exponent, form=self._form)

    def __neg__(self) -> Quantity:
        return Quantity(-self._unscaled, self._exponent, form=self._form)

    def __add__(self, other: Quantity) -> Quantity:
        """Exact sum; the format is the left one's unless the left is zero (Go ``Add``)."""
        if not isinstance(other, Quantity):
            return NotImplemented
        form = other._form if self._unscaled == 0 else self._form
        if max(self._exponent, other._exponent) - min(self._exponent, other._exponent) <= MAX_DIGITS:
            low = min(self._exponent, other._exponent)
            left, right = _pow10(self._exponent - low), _pow10(other._exponent - low)
            return Quantity(self._unscaled * left + other._unscaled * right, low, form=form)
        total = _arithmetic().add(self._decimal(), other._decimal())  # never expands the exponent gap
        sign, digits, exponent = total.as_tuple()
        unscaled = int("".join(map(str, digits)) or "0")
        assert isinstance(exponent, int)
        return Quantity(-unscaled if sign else unscaled, exponent, form=form)

    def _decimal(self) -> Decimal:
        from decimal import Decimal

        return Decimal((self._unscaled < 0, tuple(map(int, _to_str(abs(self._unscaled)))), self._exponent))

    def __sub__(self, other: Quantity) -> Quantity:
        """Exact difference; format as for ``+`` (Go ``Sub``)."""
        if not isinstance(other, Quantity):
            return NotImplemented
        return self + -other

    def __mul__(self, factor: int) -> Quantity:
        """Exact product with an integer, keeping the format (Go ``Mul``)."""
        if not isinstance(factor, int) or isinstance(factor, bool):
            return NotImplemented
        return Quantity(self._unscaled * factor, self._exponent, form=self._form)

    __rmul__ = __mul__

    def __str__(self) -> str:
        return self.canonical()

    def __repr__(self) -> str:
        return f"Quantity({self.canonical()!r})"


def _normalize(unscaled: int, exponent: int) -> tuple[int, int]:
    """Trailing zeros moved into the exponent, and at most MAX_DIGITS digits (rounded away from zero).

    A halving search for the zeros (a number has no more trailing decimal zeros than trailing zero bits),
    not one division per zero: ``10**100000`` takes 17 divisions, not 100,000.
    """
    sign = -1 if unscaled < 0 else 1
    mag = abs(unscaled)
    low, high = 0, min((mag & -mag).bit_length() - 1, _digits(mag))
    while low < high:
        middle = (low + high + 1) // 2
        if mag % _pow10(middle) == 0:
            low = middle
        else:
            high = middle - 1
    mag //= _pow10(low)
    mag, exponent = _scaled(mag, exponent + low)
    return sign * mag, exponent


def _scaled(mag: int, exponent: int) -> tuple[int, int]:
    """``mag`` (>= 0) cut to MAX_DIGITS significant digits, rounded up."""
    excess = _digits(mag) - MAX_DIGITS
    if excess <= 0:
        return mag, exponent
    quotient, remainder = divmod(mag, _pow10(excess))
    return quotient + (1 if remainder else 0), exponent + excess


def _significand(digits: str) -> tuple[int, int]:
    """(significand, dropped) of a digit string: ``digits == significand * 10**dropped`` when at most
    MAX_DIGITS digits are significant, else rounded up to MAX_DIGITS (string work only: ``int()`` of a
    million digits takes a minute)."""
    stripped = digits.lstrip("0")
    if not stripped:
        return 0, 0
    significant = stripped.rstrip("0")
    dropped = len(stripped) - len(significant)
    if len(significant) <= MAX_DIGITS:
        return int(significant), dropped
    return int(significant[:MAX_DIGITS]) + 1, dropped + len(significant) - MAX_DIGITS


def _keeps_text(form: str, num: str, denom: str, exponent: int, mag: int) -> bool:
    """quantity.go: on its int64 fast path ParseQuantity keeps the input when it looks canonical."""
    if form == QuantityFormat.BINARY_SI:
        return mag & 0x07 != 0
    shifted = num + denom
    return exponent % 3 == 0 and not shifted.endswith("000") and shifted[0] != "0"
