"""Properties of the toYaml emitter: what it writes reads back (as Helm reads YAML) as the data."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.load import load_yaml
from vcvalues.modern.render._goyaml import natural_less, to_yaml

_ALPHABET = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\ufeff\ufffe\uffff"
)
_strings = st.one_of(
    st.text(_ALPHABET, max_size=12),
    st.text("ab :#-'\"\n", max_size=12),
    st.lists(st.sampled_from(["yes", "a:", "word", "#x", "1e3", "- b"]), max_size=30).map(" ".join),
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f != 0),
    _strings,
)
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_strings, inner, max_size=3)),
    max_leaves=10,
)


def _as_json(value: Any) -> Any:
    """What encoding/json then go-yaml v2 give back: integral floats below 1e21 as ints."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value) if abs(value) < 2**63 else value
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def _close(left: Any, right: Any) -> bool:
    numbers = (int, float)
    if isinstance(left, numbers) and isinstance(right, numbers) and not isinstance(left, bool):
        # encoding/json writes the shortest round-trip digits of a float64, zero-padded
        return type(left) is type(right) and math.isclose(float(left), float(right), rel_tol=1e-15)
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_close(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(_close(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


@given(_data)
def test_to_yaml_reads_back_as_the_data(data) -> None:
    text = to_yaml({"root": data})
    loaded = load_yaml(text + "\n", file="x")
    assert not [d for d in loaded.diagnostics if d.rule_id == "syntax"], text
    assert _close(loaded.data, {"root": _as_json(data)}), text


@given(_strings, _strings, _strings)
def test_natural_order_is_a_strict_order(a, b, c) -> None:
    assert not natural_less(a, a)
    assert not (natural_less(a, b) and natural_less(b, a))
    if natural_less(a, b) and natural_less(b, c):
        assert natural_less(a, c)


@given(st.dictionaries(_strings, _strings, max_size=5))
def test_keys_come_out_sorted_and_once(data) -> None:
    text = to_yaml(data)
    loaded = load_yaml(text + "\n", file="x")
    assert loaded.data == data or (not data and loaded.data in ({}, None))
