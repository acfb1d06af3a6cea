"""Output text laid out as sigs.k8s.io/yaml (go-yaml v2) prints it."""

from __future__ import annotations

import pytest

from vcvalues.convert._yaml import dump_values
from vcvalues.core.go_order import _go_key_less, format_go_float


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (16, "16"),
        (16.0, "16"),
        (-0.0, "0"),
        (0.5, "0.5"),
        (123456.5, "123456.5"),
        (1234567.5, "1.2345675e+06"),
        (1.5e-07, "1.5e-07"),
        (0.0001, "0.0001"),
        (1e20, "1e+20"),  # beyond uint64: go-yaml reads encoding/json's digits back as a float
        (2.0**63, "9223372036854775808"),
        (1e300, "1e+300"),
    ],
)
def test_numbers_print_as_go_float64_through_json(value, text):
    assert format_go_float(float(value)) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("8", '"8"'),
        ("1.5", '"1.5"'),
        ("0x1F", '"0x1F"'),
        ("1_000", '"1_000"'),
        ("1e3", '"1e3"'),
        ("yes", '"yes"'),
        ("Off", '"Off"'),
        ("y", '"y"'),
        ("null", '"null"'),
        ("~", '"~"'),
        ("", '""'),
        (".inf", '".inf"'),
        ("2024-01-02", '"2024-01-02"'),
        ("1:20", '"1:20"'),
        ("512Mi", "512Mi"),
        ("100m", "100m"),
        ("10.0.0.0/8", "10.0.0.0/8"),
        ("my.registry:5000", "my.registry:5000"),
        ("https://x.example.com", "https://x.example.com"),
        ("-v=4", "-v=4"),
        ("- x", "'- x'"),
    ],
)
def test_strings_that_would_read_back_as_another_type_are_double_quoted(value, text):
    assert dump_values({"k": value}) == f"k: {text}\n"


def test_keys_sort_in_go_yaml_natural_order():
    values = {"a10": 1, "a9": 1, "aB": 1, "a_b": 1, "b": 1, "A": 1}
    assert [line.split(":")[0] for line in dump_values(values).splitlines()] == [
        "A",
        "a_b",
        "a9",
        "a10",
        "aB",
        "b",
    ]


def test_block_layout_lists_at_the_key_indent_and_literal_multiline():
    assert dump_values({"m": {"l": [{"x": 1, "a": None}], "e": {}, "t": "a\nb", "z": []}}) == (
        "m:\n  e: {}\n  l:\n  - a: null\n    x: 1\n  t: |-\n    a\n    b\n  z: []\n"
    )


def test_bools_and_an_empty_document():
    assert dump_values({"t": True, "f": False}) == "f: false\nt: true\n"
    assert dump_values({}) == "{}\n"


def test_shared_objects_are_not_anchored():
    shared = ["a"]
    assert dump_values({"x": shared, "y": shared}) == 'x:\n- a\n"y":\n- a\n'


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("\n\x08", 'k: "\\n\\b"\n'),  # a control character cannot sit in a block: double quotes
        ("a\tb", 'k: "a\\tb"\n'),  # libyaml does not print a tab in a scalar
        ("a \nb", 'k: "a \\nb"\n'),  # a space before a line break cannot sit in a block
        ("a\nb ", 'k: "a\\nb "\n'),  # nor a trailing space
        ("\ufeffx", 'k: "\\uFEFFx"\n'),
        ("é", "k: é\n"),
    ],
)
def test_strings_a_block_cannot_hold_are_double_quoted(value, text):
    assert dump_values({"k": value}) == text


@pytest.mark.parametrize(
    ("a", "b", "less"),
    [
        # go-yaml keyList.Less: unicode.IsDigit is category Nd, so "²" (No) is neither letter nor digit
        # and reads as the number 0; an Arabic-Indic digit is a digit worth rune - '0' (0x661 - 0x30).
        ("count/\u00b2pods", "count/1pods", True),
        ("a\u0661", "a1", False),
        ("a1", "a\u0661", True),
        ("a10", "a9", False),
    ],
)
def test_key_order_of_non_ascii_digits_follows_go(a: str, b: str, less: bool) -> None:
    assert _go_key_less(a, b) is less


def test_key_order_digit_runs_wrap_as_go_int64() -> None:
    run = "9" * 5000  # int() of it would raise; Go's int64 wraps
    wrapped = (10**5000 - 1) % (1 << 64)
    signed = wrapped - (1 << 64) if wrapped >= 1 << 63 else wrapped
    assert _go_key_less("a" + run, "a1") is (signed < 1)
