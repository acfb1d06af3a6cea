"""--set parsing. Expectations come from helm/helm v3.21.4 pkg/strvals/parser_test.go (TestParseSet,
TestParseInto, TestParseIntoString, TestParseSetNestedLevels, TestSetIndex) unless marked "parser.go",
where they follow that file's code paths (error texts, io.EOF handling, recovered panics)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.gofmt import GoInt64
from vcvalues.core.strvals import MAX_INDEX, _set_index, parse_set_into, typed_value
from vcvalues.errors import UsageError


def parsed(expr: str, *, as_string: bool = False) -> dict[str, Any]:
    target: dict[str, Any] = {}
    parse_set_into(expr, target, as_string=as_string)
    return target


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("name1=null,f=false,t=true", {"name1": None, "f": False, "t": True}),
        ("name1=value1", {"name1": "value1"}),
        ("name1=value1,name2=value2", {"name1": "value1", "name2": "value2"}),
        ("name1=value1,name2=value2,", {"name1": "value1", "name2": "value2"}),
        ("name1=,name2=value2", {"name1": "", "name2": "value2"}),
        ("leading_zeros=00009", {"leading_zeros": "00009"}),
        ("zero_int=0", {"zero_int": 0}),
        ("long_int=1234567890", {"long_int": 1234567890}),
        ("boolean=true", {"boolean": True}),
        ("is_null=null", {"is_null": None}),
        ("name1=one\\,two,name2=three\\,four", {"name1": "one,two", "name2": "three,four"}),
        ("name1=one\\=two,name2=three\\=four", {"name1": "one=two", "name2": "three=four"}),
        ("name1=one two three,name2=three two one", {"name1": "one two three", "name2": "three two one"}),
        ("outer.inner=value", {"outer": {"inner": "value"}}),
        ("outer.middle.inner=value", {"outer": {"middle": {"inner": "value"}}}),
        ("outer.inner1=value,outer.inner2=value2", {"outer": {"inner1": "value", "inner2": "value2"}}),
        (
            "outer.inner1=value,outer.middle.inner=value",
            {"outer": {"inner1": "value", "middle": {"inner": "value"}}},
        ),
        ("name1.name2=", {"name1": {"name2": ""}}),
        ("name1={value1,value2}", {"name1": ["value1", "value2"]}),
        (
            "name1={value1,value2},name2={value1,value2}",
            {"name1": ["value1", "value2"], "name2": ["value1", "value2"]},
        ),
        ("name1={1021,902}", {"name1": [1021, 902]}),
        ("name1.name2={value1,value2}", {"name1": {"name2": ["value1", "value2"]}}),
        ("list[0]=foo", {"list": ["foo"]}),
        ("list[0].foo=bar", {"list": [{"foo": "bar"}]}),
        ("list[0].foo=bar,list[0].hello=world", {"list": [{"foo": "bar", "hello": "world"}]}),
        ("list[0]=foo,list[1]=bar", {"list": ["foo", "bar"]}),
        ("list[0]=foo,list[1]=bar,", {"list": ["foo", "bar"]}),
        ("list[0]=foo,list[3]=bar", {"list": ["foo", None, None, "bar"]}),
        ("noval[0]", {"noval": []}),
        ("noval[0]=", {"noval": [""]}),
        ("nested[0][0]=1", {"nested": [[1]]}),
        ("nested[1][1]=1", {"nested": [None, [None, 1]]}),
        (
            "name1.name2[0].foo=bar,name1.name2[1].foo=bar",
            {"name1": {"name2": [{"foo": "bar"}, {"foo": "bar"}]}},
        ),
        (
            "name1.name2[1].foo=bar,name1.name2[0].foo=bar",
            {"name1": {"name2": [{"foo": "bar"}, {"foo": "bar"}]}},
        ),
        ("name1.name2[1].foo=bar", {"name1": {"name2": [None, {"foo": "bar"}]}}),
        # parser.go: typedVal uses strings.EqualFold and strconv.ParseInt(val, 10, 64).
        ("a=TRUE,b=False,c=NuLL,d=fal\u017fe", {"a": True, "b": False, "c": None, "d": False}),
        ("i=-01,j=+5,k=-0,l=9223372036854775807", {"i": -1, "j": 5, "k": 0, "l": 9223372036854775807}),
        (
            "big=9223372036854775808,z=007,f=1.5,e=1e3,u=1_000",
            {"big": "9223372036854775808", "z": "007", "f": "1.5", "e": "1e3", "u": "1_000"},
        ),
        # parser.go: a={} is a list of one empty string; "}" may be followed by ","; io.EOF is silent.
        ("a={}", {"a": [""]}),
        ("a={x,{y},b=1", {"a": ["x", "{y"], "b": 1}),
        ("a=", {"a": ""}),
        ("a.", {}),
        ("a[0].", {"a": []}),
        ("a[0][0]", {"a": []}),
        ("", {}),
        ("a\\.b=c,d\\[0\\]=e", {"a.b": "c", "d[0]": "e"}),
        ("a=x\\,y\\", {"a": "x,y"}),
        ("a=\\{x}", {"a": "{x}"}),
        (".a=1", {}),
        ("a[+1]=x", {"a": [None, "x"]}),
        ("a[0].=x", {"a": [{}]}),
        ("[0]=x", {}),
    ],
)
def test_parse_set(expr: str, expected: dict[str, Any]) -> None:
    assert parsed(expr) == expected


def test_typed_values_are_go_types() -> None:
    values = parsed("i=10,z=0,s=010,t=true")
    assert type(values["i"]) is GoInt64
    assert type(values["z"]) is GoInt64
    assert type(values["s"]) is str
    assert values["t"] is True
    assert all(type(v) is GoInt64 for v in parsed("l={1,2}")["l"])


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # TestParseSet testsString (ParseString)
        ("long_int_string=1234567890", {"long_int_string": "1234567890"}),
        ("boolean=true", {"boolean": "true"}),
        ("is_null=null", {"is_null": "null"}),
        ("zero=0", {"zero": "0"}),
        # parser.go: --set-string keeps lists and empty values as strings too.
        ("a={1,true},b=", {"a": ["1", "true"], "b": ""}),
        ("a[1]=2", {"a": [None, "2"]}),
    ],
)
def test_parse_set_string(expr: str, expected: dict[str, Any]) -> None:
    values = parsed(expr, as_string=True)
    assert values == expected
    assert not any(isinstance(v, (bool, int)) for v in values.values())


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("name1=value1,,,,name2=value2,", 'key "" has no value (cannot end with ,)'),
        ("name1,name2=", 'key "name1" has no value (cannot end with ,)'),
        ("name1,name2=value2", 'key "name1" has no value (cannot end with ,)'),
        ("name1,name2=value2\\", 'key "name1" has no value (cannot end with ,)'),
        ("name1,name2", 'key "name1" has no value (cannot end with ,)'),
        ("name1.name2", 'key "name2" has no value'),
        ("name1.name2,name1.name3", 'key "name2" has no value (cannot end with ,)'),
        ("name1.=name2", 'key map "name1" has no value'),
        ("name1.,name2", 'key "" has no value (cannot end with ,)'),
        ("name1={1021,902", "list must terminate with '}'"),
        ("list[0].foo=bar,list[-30].hello=world", "negative -30 index not allowed"),
        ("list[0]=foo,list[-20]=bar", "negative -20 index not allowed"),
        ("illegal[0]name.foo=bar", "unexpected data at end of array index: ['n' 'a' 'm' 'e']"),
        (
            "]={}].",
            "unable to parse key: interface conversion: interface {} is []interface {}, "
            "not map[string]interface {}",
        ),
        # parser.go paths
        ("a", 'key "a" has no value'),
        ("a\\", 'key "a" has no value'),
        ('a"b', 'key "a\\"b" has no value'),
        ("a[", "error parsing index: EOF"),
        ("a[x]=1", 'error parsing index: strconv.Atoi: parsing "x": invalid syntax'),
        ("a[]=1", 'error parsing index: strconv.Atoi: parsing "": invalid syntax'),
        (
            "a[99999999999999999999]=1",
            'error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range',
        ),
        ("a[65537]=1", "index of 65537 is greater than maximum supported index of 65536"),
        ("a[0][65537]=1", "index of 65537 is greater than maximum supported index of 65536"),
        ("a[0]'x\"=1", "unexpected data at end of array index: ['\\'' 'x' '\"']"),
        ("a={x}y", 'key "y" has no value'),
        (
            "a=1,a.b=2",
            "unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}",
        ),
        (
            "a=x,a[0]=2",
            "unable to parse key: interface conversion: interface {} is string, not []interface {}",
        ),
        (
            "a=null,a[0]=2",
            "unable to parse key: interface conversion: interface {} is nil, not []interface {}",
        ),
        (
            "a[0]=1,a[0][0]=2",
            "unable to parse key: interface conversion: interface {} is int64, not []interface {}",
        ),
        (
            ".".join(f"name{i}" for i in range(1, 33)) + "=value",
            "value name nested level is greater than maximum supported nested level of 30",
        ),
    ],
)
def test_errors(expr: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        parsed(expr)
    assert str(caught.value) == message


def test_nesting_limit_is_thirty_dots() -> None:
    # TestParseSetNestedLevels: 31 dots fail (above), 30 dots pass.
    values = parsed(".".join(f"n{i}" for i in range(31)) + "=v")
    for i in range(30):
        values = values[f"n{i}"]
    assert values == {"n30": "v"}


def test_partial_assignments_before_an_error() -> None:
    # parser.go: "," sets the key to "" before failing, and a failing nested key keeps what it set.
    target: dict[str, Any] = {}
    with pytest.raises(UsageError):
        parse_set_into("a=1,b,c=2", target)
    assert target == {"a": 1, "b": ""}


def test_lists_nest_to_512_levels_without_recursion() -> None:
    value: Any = parsed("a" + "[0]" * 512 + "=1")["a"]
    for _ in range(511):
        value = value[0]
    assert value == [1]
    with pytest.raises(UsageError, match=r"^--set values nested deeper than 512 levels; refused$"):
        parsed("a" + "[0]" * 513 + "=1")
    with pytest.raises(UsageError, match=r"^--set values nested deeper than 512 levels; refused$"):
        parsed("a" + "[0].b" * 100 + "[0]" * 500 + "=1")


@pytest.mark.parametrize("helm_major", [3, 4])
def test_unterminated_index_follows_the_helm_line(helm_major: int) -> None:
    target: dict[str, Any] = {}
    if helm_major == 3:
        with pytest.raises(UsageError, match=r"^error parsing index: EOF$"):
            parse_set_into("b=1,a[0][1", target, helm_major=helm_major)
    else:
        parse_set_into("b=1,a[0][1", target, helm_major=helm_major)
    assert target == {"b": 1, "a": []}


@pytest.mark.parametrize(
    ("initial", "expected", "given", "value"),
    [
        # TestParseInto
        (
            {"outer": {"inner1": "overwrite", "inner2": "value2"}},
            {"outer": {"inner1": "value1", "inner2": "value2", "inner3": "value3", "inner4": 4}},
            ["outer.inner1=value1,outer.inner3=value3,outer.inner4=4"],
            None,
        ),
        (
            {},
            {"listOuter": [[{"type": "listValue", "status": "alive"}]]},
            ["listOuter[0][0].type=listValue", "listOuter[0][0].status=alive"],
            None,
        ),
        (
            {},
            {"listOuter": [[{"type": "listValue"}], [{"status": "alive"}]]},
            ["listOuter[0][0].type=listValue", "listOuter[1][0].status=alive"],
            None,
        ),
        (
            {"listOuter": [[[{"exited": "old"}]]]},
            {"listOuter": [[[{"exited": "old"}, {"status": "alive"}], [{"type": "listValue"}]]]},
            ["listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive"],
            None,
        ),
        # parser.go: a file number (float64) is replaced; an existing list entry is replaced in place.
        ({"a": 5.0, "l": ["x", "y"]}, {"a": 6, "l": ["x", "z"]}, ["a=6,l[1]=z"], None),
        # TestParseIntoString
        (
            {"outer": {"inner1": "overwrite", "inner2": "value2"}},
            {"outer": {"inner1": "1", "inner2": "value2", "inner3": "3"}},
            ["outer.inner1=1,outer.inner3=3"],
            "string",
        ),
    ],
)
def test_parse_into(
    initial: dict[str, Any], expected: dict[str, Any], given: list[str], value: str | None
) -> None:
    for expr in given:
        parse_set_into(expr, initial, as_string=value == "string")
    assert initial == expected


def test_parse_into_keeps_list_identity_when_not_growing() -> None:
    items = ["x", "y"]
    target: dict[str, Any] = {"l": items}
    parse_set_into("l[0]=z", target)
    assert target["l"] is items and items == ["z", "y"]
    parse_set_into("l[3]=w", target)
    assert target["l"] == ["z", "y", None, "w"] and items == ["z", "y"]


@pytest.mark.parametrize(
    ("initial", "index", "value", "expected", "error"),
    [
        # TestSetIndex
        ([0, 1], 2, 2, [0, 1, 2], None),
        ([0, 1], 1, 2, [0, 2], None),
        ([0, 1, 2, 3, 4, 5], 3, 4, [0, 1, 2, 4, 4, 5], None),
        ([0, 1, 2, 3, 4, 5], -1, 4, None, "negative -1 index not allowed"),
        (
            [0, 1, 2, 3, 4, 5],
            MAX_INDEX + 1,
            4,
            None,
            "index of 65537 is greater than maximum supported index of 65536",
        ),
    ],
)
def test_set_index(
    initial: list[Any], index: int, value: int, expected: list[Any] | None, error: str | None
) -> None:
    if error is None:
        assert _set_index(initial, index, value) == expected
    else:
        with pytest.raises(UsageError, match=error):
            _set_index(initial, index, value)
        assert initial == [0, 1, 2, 3, 4, 5]


def test_typed_value() -> None:
    assert typed_value("0") == 0 and type(typed_value("0")) is GoInt64
    assert typed_value("-9223372036854775808") == -(2**63)
    assert typed_value("-9223372036854775809") == "-9223372036854775809"
    assert typed_value("1" * 5000) == "1" * 5000
    assert typed_value("\uff11") == "\uff11"  # a fullwidth digit is not a Go ASCII digit
    assert typed_value("") == ""
    assert typed_value("TRUE", as_string=True) == "TRUE"


SAFE_KEY = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True)
SAFE_VALUE = st.one_of(
    st.from_regex(r"[A-Za-z0-9_./:@ -]{0,12}", fullmatch=True),
    st.integers(-(2**63), 2**63 - 1).map(str),
    st.sampled_from(["true", "False", "NULL", "0", "007"]),
)


@given(st.lists(SAFE_KEY, min_size=1, max_size=6), SAFE_VALUE, st.booleans())
def test_dotted_path_sets_exactly_that_key(path: list[str], value: str, as_string: bool) -> None:
    values = parsed(".".join(path) + "=" + value, as_string=as_string)
    expected: Any = value if as_string else typed_value(value)
    for key in reversed(path):
        expected = {key: expected}
    assert values == expected


def _escape(text: str, specials: str) -> str:
    return "".join("\\" + c if c in specials else c for c in text)


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=4), st.text(max_size=12))
def test_escaped_keys_and_values_round_trip(path: list[str], value: str) -> None:
    expr = ".".join(_escape(k, "\\=[,.") for k in path) + "=" + _escape(value, "\\,{")
    values = parsed(expr, as_string=True)
    expected: Any = value
    for key in reversed(path):
        expected = {key: expected}
    assert values == expected


@given(st.text(alphabet="ab=[],.{}\\01-", max_size=30))
def test_bad_input_raises_only_usage_error(expr: str) -> None:
    try:
        parsed(expr)
    except UsageError as error:
        assert str(error)
