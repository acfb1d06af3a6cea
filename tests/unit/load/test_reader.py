"""The reader: YAML as Helm (go-yaml v2 + sigs.k8s.io/yaml) reads values, with exact positions."""

from __future__ import annotations

import textwrap

import pytest

from vcvalues.core.load import decode_source, load_yaml, load_yaml_documents, scan_suppressions


def _load(text: str):
    return load_yaml(textwrap.dedent(text), file="values.yaml")


def _problems(result) -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in result.diagnostics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # go-yaml v2 resolve.go: YAML 1.1 booleans
        ("yes", True),
        ("Yes", True),
        ("ON", True),
        ("y", True),
        ("n", False),
        ("Off", False),
        ("true", True),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("", None),
        # strconv.ParseInt(plain, 0, 64) after removing underscores
        ("10", 10),
        ("+1", 1),
        ("-7", -7),
        ("1_000", 1000),
        ("0x1F", 31),
        ("017", 15),
        ("0o17", 15),
        ("0b101", 5),
        ("9223372036854775807", 2**63 - 1),
        ("18446744073709551615", 2**64 - 1),
        # yamlStyleFloat then ParseFloat
        ("1e3", 1000.0),
        ("1.", 1.0),
        (".5", 0.5),
        ("08", 8.0),
        ("1.5", 1.5),
        ("-0.25", -0.25),
        ("18446744073709551616", 1.8446744073709552e19),
        # strings: not a Go number, sexagesimal not supported, timestamps kept as strings by v2
        ("1e400", "1e400"),
        ("0x", "0x"),
        ("12:30", "12:30"),
        ("2001-12-14", "2001-12-14"),
        ("NaN", "NaN"),
        ("1.5e3m", "1.5e3m"),
        ("20GB", "20GB"),
        ("10 Gi", "10 Gi"),
        (".", "."),
    ],
)
def test_plain_scalar_resolves_as_go_yaml_v2(text: str, expected: object) -> None:
    result = load_yaml(f"k: {text}\n", file="v.yaml")
    assert result.data is not None
    value = result.data["k"]
    assert value == expected
    assert type(value) is type(expected)


def test_quoted_and_str_tagged_scalars_stay_strings() -> None:
    result = _load("""\
        a: "yes"
        b: 'on'
        c: !!str 10
        d: !!float 3
        """)
    assert result.data == {"a": "yes", "b": "on", "c": "10", "d": 3.0}
    assert result.diagnostics == []


def test_yaml11_boolean_warning_for_values_and_keys_at_exact_positions() -> None:
    result = _load("""\
        isolation:
          enabled: yes
        on: 1
        ok: true
        """)
    assert result.data == {"isolation": {"enabled": True}, "true": 1, "ok": True}
    assert _problems(result) == [("yaml11-boolean", 2, 12), ("yaml11-boolean", 3, 1)]
    assert result.diagnostics[0].message == (
        "'yes' is the boolean true for Helm (YAML 1.1); a YAML 1.2 tool reads the string 'yes'"
    )


def test_non_string_keys_become_strings_as_sigs_yaml_does() -> None:
    result = _load("""\
        1: a
        0x10: b
        1.5: c
        false: d
        """)
    assert result.data == {"1": "a", "16": "b", "1.5": "c", "false": "d"}


def test_duplicate_key_points_at_second_and_names_first() -> None:
    result = _load("""\
        isolation:
          enabled: true
          podSecurityStandard: baseline
          enabled: false
        """)
    assert result.data == {"isolation": {"enabled": False, "podSecurityStandard": "baseline"}}
    assert _problems(result) == [("duplicate-key", 4, 3)]
    assert "first at line 2, column 3" in result.diagnostics[0].message


def test_keys_that_collide_after_stringification_are_duplicates() -> None:
    result = _load("""\
        1: a
        "1": b
        """)
    assert _problems(result) == [("duplicate-key", 2, 1)]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: 1\n\tb: 2\n", 2, 1),  # tab indentation
        ("a: b: c\n", 1, 5),
        ("a:\n  - x\n  y: 1\n", 3, 3),
        ("a: [1, 2\n", 2, 1),
        ("a: *missing\n", 1, 4),
        ("? [a]\n: 1\n", 1, 3),
        ("x: .inf\n", 1, 4),
    ],
)
def test_syntax_errors_have_positions_and_no_data(text: str, line: int, column: int) -> None:
    result = load_yaml(text, file="v.yaml")
    assert result.data is None
    assert [(d.rule_id, d.line, d.column) for d in result.diagnostics] == [("syntax", line, column)]


def test_tab_error_hints_at_spaces() -> None:
    result = load_yaml("a: 1\n\tb: 2\n", file="v.yaml")
    assert result.diagnostics[0].hint == "YAML does not allow tabs for indentation; indent with spaces"


@pytest.mark.parametrize(("text", "kind"), [("- a\n- b\n", "a list"), ("hello\n", "the scalar 'hello'")])
def test_top_level_must_be_a_map(text: str, kind: str) -> None:
    result = load_yaml(text, file="v.yaml")
    assert result.data is None
    assert result.diagnostics[0].rule_id == "syntax"
    assert result.diagnostics[0].message == f"values must be a map of keys, found {kind}"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "~\n", "\n\n"])
def test_empty_file_is_no_overrides(text: str) -> None:
    result = load_yaml(text, file="v.yaml")
    assert result.data == {}
    assert result.diagnostics == []


def test_only_first_document_is_read_with_a_warning() -> None:
    result = load_yaml("a: 1\n---\nb: 2\n", file="v.yaml")
    assert result.data == {"a": 1}
    assert _problems(result) == [("multi-document", 2, 1)]


def test_merge_keys_are_positional_as_in_go_yaml_v2() -> None:
    result = _load("""\
        base: &b {x: 1, z: 2}
        one:
          x: 0
          <<: *b
        two:
          <<: *b
          x: 9
        """)
    assert result.data is not None
    assert result.data["one"] == {"x": 1, "z": 2}
    assert result.data["two"] == {"x": 9, "z": 2}


def test_aliases_are_copies_not_shared_objects() -> None:
    result = _load("""\
        a: &a {k: [1]}
        b: *a
        """)
    assert result.data is not None
    assert result.data["a"] == result.data["b"]
    assert result.data["a"] is not result.data["b"]


def test_source_map_positions_and_nearest_ancestor() -> None:
    result = _load("""\
        isolation:
          resourceQuota:
            quota:
              services.nodeports: 0
        list:
          - name: x
        """)
    source = result.source_map
    assert source.key_span(("isolation", "resourceQuota", "quota", "services.nodeports")) == (4, 7)
    assert source.value_span(("isolation", "resourceQuota", "quota", "services.nodeports")) == (4, 27)
    assert source.value_span(("list", 0, "name")) == (6, 11)
    # a missing key points at the nearest ancestor that exists
    assert source.key_span(("isolation", "limitRange", "enabled")) == (1, 1)
    assert source.key_span(("isolation", "resourceQuota", "quota", "count/pods")) == (3, 5)


def test_spans_compare_as_tuples() -> None:
    # (line, column) tuples are convenient in tests; Span is a frozen dataclass with fields line/column
    span = load_yaml("a: 1\n", file="v").source_map.value_span(("a",))
    assert (span.line, span.column) == (1, 4)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 9):
        prev, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    result = load_yaml("\n".join(lines) + "\n", file="bomb.yaml")
    assert result.data is None
    # go-yaml's own alias check (decode.go) trips at the 4th level, long before the 2,000,000-node bound
    assert [(d.rule_id, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("syntax", 4, 16, "document contains excessive aliasing (an alias bomb?)")
    ]


@pytest.mark.parametrize("depth", [600, 20_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    result = load_yaml("a: " + "[" * depth + "]" * depth + "\n", file="deep.yaml")
    assert result.data is None
    assert result.diagnostics[0].message == "nesting deeper than 512 levels; refused"


def test_invalid_utf8_is_a_syntax_diagnostic_with_position() -> None:
    text, problem = decode_source(b"a: 1\nb: caf\xe9\n", file="v.yaml")
    assert text is None
    assert problem is not None
    assert (problem.rule_id, problem.line, problem.column) == ("syntax", 2, 7)
    assert problem.message == "invalid UTF-8 byte 0xe9"


def test_utf16_with_bom_and_utf8_bom_are_read() -> None:
    assert decode_source("a: é\n".encode("utf-16"), file="v")[0] == "a: é\n"
    assert decode_source(b"\xef\xbb\xbfa: 1\n", file="v")[0] == "a: 1\n"


def test_nan_and_inf_values_are_refused_but_allowed_as_keys() -> None:
    assert load_yaml("x: .nan\n", file="v").data is None
    assert load_yaml(".inf: 1\n", file="v").data == {".inf": 1}
    assert load_yaml("x: !!str .nan\n", file="v").data == {"x": ".nan"}


def test_multi_document_manifests_keep_each_document() -> None:
    result = load_yaml_documents("kind: Pod\n---\n---\nkind: Deployment\nspec: {}\n", file="m.yaml")
    assert [d.data["kind"] for d in result.documents] == ["Pod", "Deployment"]
    assert result.documents[1].source_map.key_span(("spec",)) == (5, 1)


def test_suppression_comments_are_found_per_line() -> None:
    text = "a: yes  # vcvalues: disable=yaml11-boolean, float-rendering\nb: 1 # other\n"
    assert scan_suppressions(text) == {1: frozenset({"yaml11-boolean", "float-rendering"})}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # sigs.k8s.io/yaml: strconv.FormatFloat(key, 'g', -1, 32)
        ("1234567.0", "1.234567e+06"),
        ("123456.0", "123456"),
        ("0.1", "0.1"),
        ("0.00001", "1e-05"),
        ("1e39", ".inf"),
    ],
)
def test_float_keys_are_printed_as_float32_like_sigs_yaml(key: str, expected: str) -> None:
    assert load_yaml(f"{key}: x\n", file="v").data == {expected: "x"}
