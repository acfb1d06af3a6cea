"""Hypothesis strategies for render tests: plain values trees as Helm holds them, and quota overrides."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from vcvalues.core.gofmt import GoInt64

# Strings YAML 1.1 (Helm) and YAML 1.2 read differently, or that need quoting for other reasons.
TRICKY = st.sampled_from(
    ["yes", "No", "on", "OFF", "y", "n", "~", "null", "", "0x1F", "0o17", "017", "08", "1_000", "1e3", "1.",
     ".5", "+.inf", ".NaN", "1:20", "2001-12-14", "=", "<<", "-", "- a", "a: b", "#c", "a #c", "'q'", '"q"',
     "&a", "*a", "!t", "|", ">", "%x", "@x", "`x", " lead", "trail ", "multi\nline", "tab\there", "100m",
     "1e+06", "1.5Gi"]
)  # fmt: skip
TEXT = st.one_of(TRICKY, st.text(st.characters(codec="utf-8"), max_size=12))
NUMBER = st.one_of(
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
)
SCALAR = st.one_of(st.none(), st.booleans(), NUMBER, TEXT)


def values_tree(scalar: st.SearchStrategy[Any] = SCALAR) -> st.SearchStrategy[dict[str, Any]]:
    """Nested dict/list values with string keys."""
    tree = st.recursive(
        scalar,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(TEXT, children, max_size=4),
        ),
        max_leaves=12,
    )
    return st.dictionaries(TEXT, tree, max_size=5)


# --set integers below 1e6: their int64 text equals the float64 %v text, so they survive a values file.
SET_INT = st.integers(min_value=-999_999, max_value=999_999).map(GoInt64)
QUANTITY = st.one_of(
    st.sampled_from(["100m", "1", "2Gi", "500Mi", "1.5", "3e3", "10k", "0"]),
    st.integers(min_value=0, max_value=10**9),
    st.floats(min_value=0, max_value=1e12, allow_nan=False),
    SET_INT,
)
RESOURCE = st.sampled_from(
    [
        "requests.cpu",
        "limits.memory",
        "count/pods",
        "services.nodeports",
        "requests.nvidia.com/gpu",
        "pods",
        "cpu",
    ]
)
