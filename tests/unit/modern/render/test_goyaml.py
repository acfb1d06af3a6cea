"""Helm's ``toYaml`` text; every expected string below was printed by helm_python (Helm v4.2.3)."""

from __future__ import annotations

import textwrap

import pytest

from vcvalues.modern.render._goyaml import natural_less, to_yaml

WORDS = "word " * 20 + "end"


def test_keys_in_go_yaml_v2_natural_order() -> None:
    keys = ["yes", "b001", "a10", "_z", "b01", "10b", "A1", "9b", "a9", "b1"]
    text = to_yaml(dict.fromkeys(keys, "x"))
    assert [line.split(":")[0] for line in text.splitlines()] == [
        "_z", "9b", "10b", "A1", "a9", "a10", "b1", "b01", "b001", '"yes"',
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("a: b", "'a: b'"),
        ("yes", '"yes"'),
        ("2001-12-14", '"2001-12-14"'),
        ("x\ty", '"x\\ty"'),
        ("-a", "-a"),
        ("- a", "'- a'"),
        ("#a", "'#a'"),
        ("a #b", "'a #b'"),
        ("", '""'),
        (" a", "' a'"),
        ("...", "'...'"),
        ('say "hi"', 'say "hi"'),
        ("it's", "it's"),
        ("a:", "'a:'"),
        ("~", '"~"'),
        ("1.5", '"1.5"'),
        ("1e3", '"1e3"'),
        ("0x1F", '"0x1F"'),
        ("1:20", '"1:20"'),
        ("a ", "'a '"),
        ("é\u00a0x", "é\u00a0x"),
        ("a\x01b", '"a\\x01b"'),
        ("a\ufeff", '"a\\uFEFF"'),
    ],
)
def test_string_styles(value, written) -> None:
    assert to_yaml({"k": value}) == f"k: {written}"


def test_numbers_go_through_encoding_json() -> None:
    assert to_yaml([1.5, 1000000, 1e21, 1e20, 1e-7, 4.507032902675242e16]) == textwrap.dedent("""\
        - 1.5
        - 1000000
        - 1e+21
        - 1e+20
        - 1e-07
        - 45070329026752420""")


def test_block_layout_and_empty_collections() -> None:
    assert to_yaml({"port": [1, [2, 3], {}, []], "x": True, "y": None}) == textwrap.dedent("""\
        port:
        - 1
        - - 2
          - 3
        - {}
        - []
        x: true
        "y": null""")


def test_long_scalars_fold_after_column_80() -> None:
    assert to_yaml({"except": [WORDS, "yes " * 30]}) == textwrap.dedent("""\
        except:
        - word word word word word word word word word word word word word word word word
          word word word word end
        - 'yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes
          yes yes yes yes yes yes yes yes yes yes '""")
    assert to_yaml([{"ports": [{"port": WORDS}]}]) == textwrap.dedent("""\
        - ports:
          - port: word word word word word word word word word word word word word word word
              word word word word word end""")


def test_multi_line_strings_are_literal_blocks() -> None:
    assert to_yaml({"nl": "a\nb", "nl2": "a\nb\n"}) == "nl: |-\n  a\n  b\nnl2: |\n  a\n  b"


def test_control_characters_make_to_yaml_print_nothing() -> None:
    # encoding/json leaves DEL raw and go-yaml v2 refuses to read it back: toYaml returns ""
    assert to_yaml({"a": "ok", "b": "x\x7fy"}) == ""
    assert to_yaml(float("nan")) == ""


def test_scalars_at_top_level() -> None:
    assert to_yaml({"except": []}) == "except: []"
    assert to_yaml({"except": None}) == "except: null"
    assert to_yaml("yes") == '"yes"'


@pytest.mark.parametrize(
    ("left", "right"), [("a9", "a10"), ("b1", "b01"), ("_z", "9b"), ("9b", "A1"), ("a", "ab")]
)
def test_natural_less(left, right) -> None:
    assert natural_less(left, right)
    assert not natural_less(right, left)
