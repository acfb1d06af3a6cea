"""The reader against real Helm: vcvalues.core.load.load_yaml vs helm_python.values_from_yaml (Helm's -f).

Agreement means: both refuse the text, or both read it and the data is equal once numbers are float64
(Helm's values cross JSON, so every number is a float64; vcvalues keeps ints, which is the same number).
Fixed corpora (the cases of issues 12 and 15, YAML 1.1 traps) and hypothesis-generated YAML text.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from vcvalues.core.load import load_yaml

_BIG = "1" + "0" * 5000  # past Python's 4,300-digit int-to-str limit


def _float64(value: Any) -> Any:
    """Every number as a float64, as Helm's values cross JSON (C json keeps the deep nesting cheap)."""
    return json.loads(json.dumps(value), parse_int=float)


def helm_reads(helm: ModuleType, text: str) -> tuple[str, Any]:
    """("ok", data) or ("error", Helm's message)."""
    try:
        return "ok", _float64(helm.values_from_yaml(text))
    except helm.HelmValuesError as error:
        return "error", str(error)


def vcvalues_reads(text: str) -> tuple[str, Any]:
    """("ok", data) or ("error", [(line, column, message)]) for a syntax error."""
    result = load_yaml(text, file="values.yaml")
    errors = [d for d in result.diagnostics if d.rule_id == "syntax"]
    if result.data is None or errors:
        return "error", [(d.line, d.column, d.message) for d in errors]
    return "ok", _float64(result.data)


def has_duplicate_keys(text: str) -> bool:
    """Keys that collide as JSON keys (``1`` and ``"1"``): Helm keeps one of them at random (a Go map's
    iteration order), so only the duplicate-key diagnostic is comparable, not the data."""
    return any(d.rule_id == "duplicate-key" for d in load_yaml(text, file="v").diagnostics)


def assert_agree(helm: ModuleType, text: str) -> tuple[str, Any]:
    expected, ours = helm_reads(helm, text), vcvalues_reads(text)
    assert ours[0] == expected[0], f"{text!r}: Helm {expected!r}, vcvalues {ours!r}"
    if expected[0] == "ok":
        assert ours[1] == expected[1], f"{text!r}: Helm {expected!r}, vcvalues {ours!r}"
    return expected


# -- fixed corpora --------------------------------------------------------------------------------------
ISSUE_CASES = [
    # issue 12: libyaml refused, Helm reads
    "extraArgs: [--out-kube-config-server=https://vc.example.com:443]\n",
    "except: [fe80::/10]\n",
    "{a:b}\n",
    "a: {x::y: 1, z: [q:, r]}\n",
    "a: [x:y,\n  b:c:d]\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n---\n: : bad [\n",
    "a: 1\n...\n%TAG\n",
    "{1}a!!\n",
    "a: x\n\ufeffb: 1\n",
    "a:\n  - \ufeffx\n\ufeff",
    "a: \ufeff1\n",
    "a: !!foo x\n",
    "a: !!map x\n",
    "a: !foo 1\n",
    # issue 12: libyaml read, Helm refuses or reads differently
    "a: !!binary aGVsbG8=\n",
    "a: !!binary abc\n",
    "a: !!binary aGk=aGk=\n",
    "a: !!binary |\n  aG\n  k=\n",
    "a: !!binary 4oI=\n",
    "a: !!binary ''\n",
    "a: !!timestamp x\n",
    "a: !!timestamp 2001-02-30\n",
    "a: !!timestamp 2000-02-29\n",
    "a: !!timestamp 2001-1-1T1:2:3.5Z\n",
    "a: !!timestamp 2001-01-01T01:02:03\n",
    "a: !!timestamp 2001-01-01 01:02:03\n",
    "a: !!timestamp 2001-01-01 01:02:03Z\n",
    "a: !!timestamp 2001-01-01T01:02:03+24:60\n",
    "a: !!float .inf\n",
    "a: !!float 1\n",
    "a: !!float 0x10\n",
    "a: !!int 1.5\n",
    "a: !!int\n",
    "a: !!bool 1\n",
    "a: !!null ''\n",
    "a: !!null x\n",
    "a: !!str 10\n",
    "a: !!str {b: 1}\n",
    'a: "\\/"\n',
    'a: "x\\\\/"\n',
    "%YAML 1.2\n---\na: 1\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: ! 1\n",
    "! -0b1: x\n",
    "!\n",
    "! <<: {b: 1}\n",
    "!!str <<: {b: 1}\n",
    "!!merge <<: {b: 1}\n",
    '"<<": {b: 1}\n',
    # issue 15: numbers past Python's int-to-str limit, nesting
    f"a: {_BIG}\n",
    f"a: -{_BIG}\n",
    f"a: 0x{_BIG}\n",
    f"a: 0{'0' * 5000}7\n",
    f"a: '{_BIG}'\n",
    f"{_BIG}: x\n",
    f"a: {_BIG}.5\n",
    f"a: 0.{'0' * 5000}1\n",
    "a: " + "[" * 500 + "]" * 500 + "\n",
    "a: " + "[" * 511 + "]" * 511 + "\n",
    "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(400)),
]

YAML11_TRAPS = [
    *(f"k: {word}\n" for word in ("yes", "No", "ON", "off", "y", "N", "True", "FALSE", "~", "Null", "")),
    *(f"{word}: v\n" for word in ("yes", "on", "n", "true", "null", "~", "1", "1.5", "1e3", "0x1F", "-0")),
    *(f"k: {number}\n" for number in ("010", "0o10", "0x1F", "0b101", "-0b101", "+1", "1_000", "08", "1.")),
    *(f"k: {number}\n" for number in (".5", "1e3", "1E-3", "-.5", "1e400", ".5e400", "9223372036854775808")),
    *(f"k: {number}\n" for number in ("18446744073709551616", "0x", "0b", "0o", "1:20", "1_0.5", "._5")),
    *(
        f"k: {text}\n"
        for text in (".inf", "-.Inf", ".NaN", ".nan", "+.inf", "2001-12-14", "2001-12-14t21:59:43Z")
    ),
    *(
        f"k: {text}\n"
        for text in ("1.5e3m", "20GB", "10 Gi", "=", "<<", "0.", "-", "+", ".", "0x_1F", "1__0")
    ),
    "a: &x {b: 1}\nc: *x\n",
    "a: &x {b: 1, c: 2}\nd:\n  <<: *x\n  c: 3\n",
    "a: &x {b: 1}\ne: &y {b: 2, f: 3}\nd:\n  <<: [*x, *y]\n",
    "d:\n  <<: 1\n",
    "a: *x\n",
    "a: &x 1\nb: &x 2\nc: *x\n",
    "a: &B\n  c: 1\n  d: &B {e: 2}\nf: *B\n",
    "a: &B\n  - &B [1, 2]\n  - 3\nf: *B\n",
    "a: &B\n  c: *B\n",
    "a: &B [1, [*B]]\n",
    "a: &B [1, &B 2, *B]\nb: *B\n",
    "a: &s [{x: 1}]\nb:\n  <<: *s\n",
    "b:\n  <<: [{x: 1}, [1]]\n",
    "a: |\n  x\n   y\nb: >-\n  p\n\n  q\n",
    "a: |2\n    x\n",
    "a:\n\t- x\n",
    "a: 1\r\nb: 2\r\n",
    "a: 1\rb: 2\r",
    "a: 'x''y'\nb: \"\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\e\\0\"\n",
    'a: "\\uD800"\n',
    'a: "x\\\n  y"\n',
    "? a\n: 1\n",
    "? [a, b]\n: 1\n",
    "[a, b]: 1\n",
    "a: 1\na: 2\n",
    "- 1\n",
    "just text\n",
    "",
    "# only a comment\n",
    "---\n",
    "k" * 1100 + ": 1\n",
    "a: [1, 2,]\n",
    "a: {b: 1,}\n",
    "a: [b: 1]\n",
    "a: [? b]\n",
    "a: {? b}\n",
    "a: -x\nb: - x\n",
    "a: `x`\n",
    "a: @x\n",
    "a: %x\n",
    "a: 1 #c\nb: x#y\n",
]


@pytest.mark.parametrize("text", ISSUE_CASES, ids=range(len(ISSUE_CASES)))
def test_issue_cases_read_as_helm_reads_them(helm: ModuleType, text: str) -> None:
    assert_agree(helm, text)


@pytest.mark.parametrize("text", YAML11_TRAPS, ids=range(len(YAML11_TRAPS)))
def test_yaml11_traps_read_as_helm_reads_them(helm: ModuleType, text: str) -> None:
    assert_agree(helm, text)


def test_the_issue_cases_read_as_the_issue_says(helm: ModuleType) -> None:
    """The corpus is not vacuous: the cases land where issue 12 says Helm lands."""
    assert assert_agree(helm, ISSUE_CASES[0]) == (
        "ok",
        {"extraArgs": ["--out-kube-config-server=https://vc.example.com:443"]},
    )
    assert assert_agree(helm, "{a:b}\n") == ("ok", {"a:b": None})
    assert assert_agree(helm, "a: ! 1\n") == ("ok", {"a": "1"})
    assert assert_agree(helm, "a: !!binary aGVsbG8=\n") == ("ok", {"a": "hello"})
    assert assert_agree(helm, f"a: {_BIG}\n") == ("ok", {"a": _BIG})
    for refused in ("a: !!binary abc\n", "a: !!timestamp x\n", "a: !!float .inf\n", 'a: "\\/"\n'):
        assert assert_agree(helm, refused)[0] == "error"


def _laughs(levels: int, width: int) -> str:
    lines = ["a0: &a0 [x]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("levels", "width"), [(1, 1000), (1, 1100), (2, 31), (2, 32), (3, 10), (3, 11), (4, 10)]
)
def test_alias_expansion_is_refused_where_helm_refuses_it(helm: ModuleType, levels: int, width: int) -> None:
    """go-yaml's ratio of alias-driven decodes ("document contains excessive aliasing"), both sides of it."""
    assert_agree(helm, _laughs(levels, width))


def test_nesting_past_the_limit_is_the_one_deliberate_refusal(helm: ModuleType) -> None:
    """go-yaml v2 has no depth limit; vcvalues refuses past 512 levels (DESIGN §12), at the 513th."""
    text = "a: " + "[" * 512 + "]" * 512 + "\n"
    assert helm_reads(helm, text)[0] == "ok"
    assert vcvalues_reads(text) == ("error", [(1, 515, "nesting deeper than 512 levels; refused")])


# -- hypothesis: generated YAML text -----------------------------------------------------------------------
PLAIN = [
    "a", "b", "x y", "yes", "No", "on", "~", "null", "", "1", "-1", "+1", "010", "0o7", "0x1F", "0b1", "-0b1",
    "1_0", "08", "1.", ".5", "1e3", "1e400", ".inf", "-.inf", ".nan", "2001-01-01", "1:20", "http://x:1",
    "fe80::1", "a:b", "a: b", "-x", "- x", "?x", "? x", "#x", "x #y", "x#y", "<<", "!x", "&x", "*x", "@x",
    "`x`", "%x", "[x]", "{x}", "x,y", "'x", '"x', "\\", "\\/", "\ufeffx", "é", "\u2028", "1.5e3m", "20Gi",
]  # fmt: skip
TAGS = ["", "", "", "&a ", "&b ", "*a ", "!! ", "! ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null "]
TAGS += ["!!binary ", "!!foo "]


def _scalar(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(PLAIN))
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        text = "'" + text.replace("'", "''") + "'"
    elif style == "double":
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return draw(st.sampled_from(TAGS)) + text


@st.composite
def yaml_texts(draw: st.DrawFn, depth: int = 0, indent: int = 0, flow: bool = False) -> str:
    """A map, list or scalar written in block or flow style, with traps in every scalar."""
    kind = draw(st.sampled_from(["scalar", "map", "list"] if depth < 3 else ["scalar"]))
    if kind == "scalar":
        return _scalar(draw)
    size = draw(st.integers(min_value=0, max_value=3))
    in_flow = flow or draw(st.booleans())
    anchor = draw(st.sampled_from(["", "", "&a ", "&b "]))
    if in_flow:
        items = [draw(yaml_texts(depth + 1, indent, True)) for _ in range(size)]
        if kind == "list":
            return anchor + "[" + ", ".join(items) + "]"
        keys = [_scalar(draw) for _ in range(size)]
        return anchor + "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"
    pad = " " * indent
    lines = []
    for _ in range(size):
        value = draw(yaml_texts(depth + 1, indent + 2, False))
        lead = "- " if kind == "list" else f"{_scalar(draw)}: "
        nested = value.startswith("\n")
        lines.append(f"\n{pad}{lead}{value}" if not nested or kind == "map" else f"\n{pad}-{value}")
    return "".join(lines) if lines else ("[]" if kind == "list" else "{}")


@given(body=yaml_texts(), tail=st.sampled_from(["", "\n", "\n---\nx: [", "\n...\n", " #c\n", "\r\n"]))
def test_generated_documents_read_as_helm_reads_them(helm: ModuleType, body: str, tail: str) -> None:
    text = body.lstrip("\n") + tail
    if not text.startswith(("{", "[", "!", "'", '"')) and "\n" not in body[:1]:
        text = f"k: {text}"
    assume(not has_duplicate_keys(text))
    assert_agree(helm, text)


PIECES = [
    "a", "k", ":", ": ", " ", "\n", "\n  ", "\n- ", "- ", "[", "]", "{", "}", ",", "? ", "#", " #c", '"', "'",
    "\\", "!", "!!", "!!str ", "!!binary ", "! ", "&x ", "*x", "|", ">", "---\n", "...", "%YAML 1.1\n", "1",
    "0x1F", ".inf", "yes", "~", "\t", "\ufeff", "é", "\u2028", "\x85", "\r\n", "<<", "-", "@", "%", "\\/",
    "http://x:1", "fe80::1", "2001-01-01", "0b1",
]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_generated_text_reads_as_helm_reads_it(helm: ModuleType, pieces: list[str]) -> None:
    text = "".join(pieces)
    assume(not text.startswith("\ufeff\ufeff"))  # the deliberate refusal below
    assume(not has_duplicate_keys(text))
    assert_agree(helm, text)


def test_two_byte_order_marks_are_the_other_deliberate_refusal(helm: ModuleType) -> None:
    """go-yaml v2's is_bom looks at its buffer's start, not at the character: after two marks Helm drops
    the first character of lines it scans ("bb: 2" becomes "b: 2"). vcvalues refuses the file instead."""
    text = "\ufeff\ufeffa: 1\nbb: 2\n"
    assert helm_reads(helm, text) == ("ok", {"a": 1.0, "b": 2.0})
    kind, problems = vcvalues_reads(text)
    assert kind == "error"
    assert problems[0][:2] == (1, 1)
    assert problems[0][2].startswith("two byte order marks start the input")


def test_a_nul_character_is_refused_as_go_yaml_reader_refuses_it(helm: ModuleType) -> None:
    """helm_python hands the text to Go as a C string, so it reads "a: x" and stops at the NUL; Helm itself
    reads the file's bytes and go-yaml's reader refuses U+0000 ("control characters are not allowed",
    readerc.go). vcvalues refuses it at its position; the oracle cannot judge this one."""
    assert helm_reads(helm, "a: x\x00y\n") == ("ok", {"a": "x"})
    kind, problems = vcvalues_reads("a: x\x00y\n")
    assert kind == "error"
    assert problems[0][:2] == (1, 5)


def test_keys_that_collide_in_json_are_a_duplicate_key_error(helm: ModuleType) -> None:
    """Helm keeps either value of ``{1: a, "1": b}`` (measured: both occur in 40 reads); vcvalues keeps
    the last, as for a plain duplicate, and reports duplicate-key at the second key."""
    seen = {str(helm_reads(helm, '{1: a, "1": b}')) for _ in range(40)}
    assert seen <= {str(("ok", {"1": "a"})), str(("ok", {"1": "b"}))}
    result = load_yaml('{1: a, "1": b}', file="v")
    assert [(d.rule_id, d.line, d.column) for d in result.diagnostics] == [("duplicate-key", 1, 8)]


def test_no_float_special_slips_through(helm: ModuleType) -> None:
    """Helm cannot hold inf/nan (JSON); vcvalues refuses them at the value's line:column."""
    for text, column in (("a: .inf\n", 4), ("a: !!float -.Inf\n", 4), ("a: [.nan]\n", 5)):
        assert helm_reads(helm, text)[0] == "error"
        kind, problems = vcvalues_reads(text)
        assert kind == "error"
        assert problems[0][:2] == (1, column)
