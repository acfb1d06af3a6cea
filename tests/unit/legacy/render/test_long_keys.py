"""render --output values with keys longer than YAML's 1,024-character simple-key limit (issue 15):
written as explicit ``? key`` entries, they read back as the same values."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from vcvalues.core.load import load_yaml
from vcvalues.legacy.render import dump_values

leaf = st.one_of(st.text(max_size=5), st.integers(-5, 5), st.booleans(), st.none())
long_key = st.builds(lambda c, n: c * n, st.sampled_from(["k", "é", "a b", "\n"]), st.integers(330, 1300))
value = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=2),
        st.dictionaries(st.one_of(long_key, st.text(min_size=1, max_size=3)), inner, min_size=1, max_size=2),
    ),
    max_leaves=4,
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(long_key, value, min_size=1, max_size=2))
def test_long_keys_read_back(values: dict[str, Any]) -> None:
    text = dump_values(values)
    loaded = load_yaml(text, file="values.yaml")
    assert loaded.diagnostics == []
    assert loaded.data == values


def test_a_1100_character_key_is_explicit() -> None:
    key = "k" * 1100
    assert dump_values({"labels": {key: "v"}}) == f"labels:\n  ? {key}\n  : v\n"
    assert dump_values({"a": [{key: {"b": 1}}]}) == f"a:\n- ? {key}\n  :\n    b: 1\n"
