"""Where the reader follows go-yaml v2.4 rather than libyaml: values, and the exact line:column of each
diagnostic (tests/oracle/test_reader.py checks the same inputs against real Helm)."""

from __future__ import annotations

import io
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.go_yaml_text import MAX_FLOW_COLON_PASSES, Masks
from vcvalues.core.load import LoadResult, decode_source, load_yaml, read_stream
from vcvalues.core.yaml_tags import TagError, decode_binary, go_utf8, resolve_explicit


def _load(text: str) -> LoadResult:
    return load_yaml(textwrap.dedent(text), file="values.yaml")


def _problems(result: LoadResult) -> list[tuple[str, int, int, str]]:
    return [(d.rule_id, d.line, d.column, d.message) for d in result.diagnostics]


def test_colons_inside_flow_plain_scalars_are_content() -> None:
    result = _load("""\
        extraArgs: [--out-kube-config-server=https://vc.example.com:443]
        except: [fe80::/10, "q:r"]
        m: {a:b, c: d:e}
        """)
    assert result.data == {
        "extraArgs": ["--out-kube-config-server=https://vc.example.com:443"],
        "except": ["fe80::/10", "q:r"],
        "m": {"a:b": None, "c": "d:e"},
    }
    assert result.diagnostics == []


def test_positions_after_a_masked_colon_are_unchanged() -> None:
    result = _load("""\
        a: [x:y, 1:2]
        b: [z, *nope]
        """)
    assert _problems(result) == [("syntax", 2, 8, "alias *nope has no anchor &nope defined before it")]


def test_too_many_flow_colon_passes_is_a_syntax_error_not_a_hang() -> None:
    text = "a: [" + ", ".join(f"x:{i}" for i in range(MAX_FLOW_COLON_PASSES + 1)) + "]\n"
    result = load_yaml(text, file="v.yaml")
    assert result.data is None
    column = text.index("x:", len("a: [") + 6 * MAX_FLOW_COLON_PASSES - 30)
    assert [(d.rule_id, d.line) for d in result.diagnostics] == [("syntax", 1)]
    assert result.diagnostics[0].column > column - 200
    assert "too many ':'" in result.diagnostics[0].message


def test_only_the_first_document_is_read() -> None:
    result = _load("""\
        a: 1
        ---
        b: [unclosed
        """)
    assert result.data == {"a": 1}
    assert [(d.rule_id, d.severity.name, d.line, d.column) for d in result.diagnostics] == [
        ("multi-document", "WARNING", 2, 1)
    ]


def test_text_after_a_flow_root_is_ignored_with_a_warning() -> None:
    result = load_yaml("{a: 1} ]]\n", file="v.yaml")
    assert result.data == {"a": 1}
    assert [(d.rule_id, d.line, d.column) for d in result.diagnostics] == [("multi-document", 1, 8)]


def test_byte_order_mark_starting_a_later_line_is_content() -> None:
    result = load_yaml("a: x\n\ufeffb: 1\n", file="v.yaml")
    assert result.data == {"a": "x", "\ufeffb": 1}
    assert load_yaml("\ufeffa: 1\n", file="v.yaml").data == {"a": 1}


def test_two_leading_byte_order_marks_are_refused() -> None:
    result = load_yaml("\ufeff\ufeffa: 1\n", file="v.yaml")
    assert result.data is None
    assert [(d.rule_id, d.line, d.column) for d in result.diagnostics] == [("syntax", 1, 1)]
    text, problem = decode_source(b"\xef\xbb\xbf\xef\xbb\xbfa: 1\n", file="v.yaml")
    assert text is None and problem is not None
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("two byte order marks")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("! 1", "1"),
        ("!foo 1", "1"),
        ("!!foo x", "x"),
        ("!!map x", "x"),
        ("!!str 10", "10"),
        ("!!float 1", 1.0),
        ("!!float 0x10", 16.0),
        ("!!int 1_000", 1000),
        ("!!bool yes", True),
        ("!!null ''", None),
        ("!!binary aGVsbG8=", "hello"),
        ("!!binary /w==", "\ufffd"),
        ("!!binary 4oI=", "\ufffd\ufffd"),
        ("!!timestamp 2000-02-29", "2000-02-29"),
        ("!!timestamp 2001-1-1T1:2:3.5Z", "2001-1-1T1:2:3.5Z"),
        ("!!timestamp 2001-01-01 01:02:03", "2001-01-01 01:02:03"),
    ],
)
def test_tagged_scalars_decode_as_go_yaml_does(value: str, expected: object) -> None:
    result = load_yaml(f"k: {value}\n", file="v.yaml")
    assert result.data == {"k": expected}
    assert type(result.data["k"]) is type(expected)


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("a: !!binary abc\n", 1, 4, "!!binary value contains invalid base64 data"),
        ("a:\n  b: !!binary aGk=aGk=\n", 2, 6, "!!binary value contains invalid base64 data"),
        ("a: !!timestamp x\n", 1, 4, "cannot decode !!str `x` as a !!timestamp"),
        ("a: !!timestamp 2001-02-30\n", 1, 4, "cannot decode !!str `2001-02-30` as a !!timestamp"),
        ("a: !!int 1.5\n", 1, 4, "cannot decode !!float `1.5` as a !!int"),
        ("a: !!int\n", 1, 4, "cannot decode !!null `` as a !!int"),
        ("a: !!bool 1\n", 1, 4, "cannot decode !!int `1` as a !!bool"),
        ("a: !!float .inf\n", 1, 4, "+Inf is not a number Helm can hold (its values pass through JSON)"),
        ("a:\n  - .nan\n", 2, 5, "NaN is not a number Helm can hold (its values pass through JSON)"),
        ('a: "x\\/y"\n', 1, 6, "found unknown escape character while parsing a quoted scalar"),
        ("%YAML 1.2\n---\na: 1\n", 1, 1, "found incompatible YAML document"),
        ("b: 1\n~: 2\n", 2, 1, "a map key must not be null (Helm cannot convert it to JSON)"),
    ],
)
def test_what_helm_refuses_is_a_syntax_error_at_its_position(
    text: str, line: int, column: int, message: str
) -> None:
    result = load_yaml(text, file="v.yaml")
    assert result.data is None
    assert _problems(result) == [("syntax", line, column, message)]


def test_refusals_at_the_json_step_only_count_if_the_value_survives() -> None:
    result = _load("""\
        a: [.inf]
        b: {~: 1}
        a: 1
        b: 2
        """)
    assert result.data == {"a": 1, "b": 2}
    assert [(d.rule_id, d.line, d.column) for d in result.diagnostics] == [
        ("duplicate-key", 3, 1),
        ("duplicate-key", 4, 1),
    ]


def test_an_anchor_names_its_node_when_the_node_starts() -> None:
    result = _load("""\
        a: &B
          c: 1
          d: &B {e: 2}
        f: *B
        """)
    assert result.data == {"a": {"c": 1, "d": {"e": 2}}, "f": {"e": 2}}
    refused = _load("""\
        a: &B
          c: [1, *B]
        """)
    assert _problems(refused) == [("syntax", 2, 10, "anchor 'B' value contains itself")]


def test_escaped_backslash_before_a_slash_is_fine() -> None:
    assert load_yaml('a: "x\\\\/y"\n', file="v.yaml").data == {"a": "x\\/y"}


def test_merge_key_follows_go_yaml_is_merge() -> None:
    assert load_yaml("! <<: {b: 1}\n", file="v").data == {"b": 1}
    assert load_yaml("!!merge <<: {b: 1}\n", file="v").data == {"b": 1}
    assert load_yaml("!!str <<: {b: 1}\n", file="v").data == {"<<": {"b": 1}}
    assert load_yaml('"<<": {b: 1}\n', file="v").data == {"<<": {"b": 1}}


@pytest.mark.parametrize("digits", [4301, 5000, 20000])
def test_huge_integers_stay_strings_as_in_helm(digits: int) -> None:
    big = "1" + "0" * (digits - 1)
    result = load_yaml(f"a: {big}\nb: -{big}\nc: 0x{big}\nd: [{big}]\n", file="v.yaml")
    assert result.data == {"a": big, "b": f"-{big}", "c": f"0x{big}", "d": [big]}


def test_a_leading_zero_run_still_parses_as_octal() -> None:
    assert load_yaml(f"a: 0{'0' * 5000}17\n", file="v").data == {"a": 15}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "a: 1\n".encode("utf-32"),
            "the input is UTF-32; Helm reads UTF-8, or UTF-16 with a byte order mark",
        ),
        ("a: 1\n".encode("utf-32-be"), "the input is UTF-32 without a byte order mark; Helm reads UTF-8"),
        ("a: 1\n".encode("utf-16-le"), "the input is UTF-16 without a byte order mark; Helm reads UTF-8"),
    ],
)
def test_wide_encodings_are_named(data: bytes, message: str) -> None:
    text, problem = decode_source(data, file="v.yaml")
    assert text is None and problem is not None
    assert (problem.rule_id, problem.line, problem.column) == ("syntax", 1, 1)
    assert problem.message.startswith(message)


def test_utf16_with_a_mark_is_read() -> None:
    assert decode_source("a: é\n".encode("utf-16"), file="v") == ("a: é\n", None)


def test_invalid_utf8_column_counts_characters() -> None:
    text, problem = decode_source("a: 1\nb: éé \xff\n".encode().replace(b"\xc3\xbf", b"\xff"), file="v")
    assert text is None and problem is not None
    assert (problem.line, problem.column, problem.message) == (2, 7, "invalid UTF-8 byte 0xff")


def test_stdin_bytes_get_the_file_diagnostic() -> None:
    data = b"a: 1\nb: caf\xe9\n"
    from_stdin = decode_source(read_stream(io.BytesIO(data)), file="<stdin>")[1]
    from_file = decode_source(data, file="<stdin>")[1]
    assert from_stdin == from_file
    assert from_stdin is not None and (from_stdin.line, from_stdin.column) == (2, 7)


def test_text_read_with_surrogateescape_gets_the_file_diagnostic() -> None:
    """Python's stdin under a C/POSIX locale decodes with surrogateescape; load_yaml recovers the bytes."""
    data = b"a: 1\nb: caf\xe9\n"
    result = load_yaml(data.decode("utf-8", "surrogateescape"), file="<stdin>")
    assert result.data is None
    assert result.diagnostics == [decode_source(data, file="<stdin>")[1]]
    assert _problems(result) == [("syntax", 2, 7, "invalid UTF-8 byte 0xe9")]


def test_a_lone_surrogate_is_not_a_character() -> None:
    result = load_yaml("a: 1\nb: x\ud800\n", file="v.yaml")
    assert _problems(result) == [("syntax", 2, 5, "U+D800 is a lone surrogate, not a character")]


def test_stdin_reads_at_most_one_byte_past_the_limit() -> None:
    from vcvalues.core.encoding import MAX_INPUT_BYTES

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    data = read_stream(io.BufferedReader(Endless()))
    assert len(data) == MAX_INPUT_BYTES + 1
    assert decode_source(data, file="<stdin>")[1] is not None


def test_go_utf8_replaces_each_bad_byte() -> None:
    assert go_utf8(b"a\xe2\x82b\xf0\x9f\x98\x80") == "a\ufffd\ufffdb\U0001f600"
    assert go_utf8(b"\xed\xa0\x80") == "\ufffd" * 3  # a surrogate is invalid UTF-8 in Go too


def test_binary_ignores_line_breaks_only() -> None:
    assert decode_binary("aG\nk=\r\n") == "hi"
    with pytest.raises(TagError):
        decode_binary("aG k=")


def test_unknown_tags_leave_the_text() -> None:
    assert resolve_explicit("!local", "010") == "010"
    assert resolve_explicit("tag:yaml.org,2002:int", "010") == 8


@given(st.text(alphabet="ab:[]{},\ufeff \n-#'\"", max_size=30))
def test_masks_keep_length_and_restore_the_text(text: str) -> None:
    masks = Masks(text)
    for offset, char in enumerate(text):
        if char == ":":
            masks.mask_flow_colons(offset)
            break
    assert len(masks.text) == len(text)
    assert masks.restore(masks.text) == text
