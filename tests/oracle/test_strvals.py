"""--set / --set-string against real Helm: vcvalues.core.strvals vs helm_python.parse_set_string(_values).

helm_python is Helm v4.2.3, so ``helm_major=4`` must agree exactly: both fail, or both give the same
values (ints compared as float64 like every value crossing JSON). ``helm_major=3`` differs only on an
unterminated index, which Helm 3 refuses (checked here against the same oracle with that one difference).
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.strvals import parse_set_into
from vcvalues.errors import UsageError


def _float64(value: Any) -> Any:
    return json.loads(json.dumps(value), parse_int=float)


def helm_parses(helm: ModuleType, expr: str, *, as_string: bool) -> tuple[str, Any]:
    parse = helm.parse_set_string_values if as_string else helm.parse_set_string
    try:
        return "ok", _float64(parse(expr))
    except helm.HelmValuesError as error:
        return "error", str(error)


def vcvalues_parses(expr: str, *, as_string: bool, helm_major: int = 4) -> tuple[str, Any]:
    target: dict[str, Any] = {}
    try:
        parse_set_into(expr, target, as_string=as_string, helm_major=helm_major)
    except UsageError as error:
        return "error", str(error)
    return "ok", _float64(target)


def assert_agree(helm: ModuleType, expr: str, *, as_string: bool = False) -> tuple[str, Any]:
    expected = helm_parses(helm, expr, as_string=as_string)
    ours = vcvalues_parses(expr, as_string=as_string)
    assert ours == expected, f"{expr!r} (as_string={as_string}): Helm {expected!r}, vcvalues {ours!r}"
    return expected


CORPUS = [
    "a=1", "a=-1", "a=+1", "a=007", "a=0", "a=-0", "a=00", "a=9223372036854775807", "a=9223372036854775808",
    "a=-9223372036854775808", "a=1" + "0" * 5000, "a=1e3", "a=1.5", "a=0x10", "a=true", "a=TRUE", "a=False",
    "a=nULL", "a=\u017ftrue", "a=tru\u017fe", "a=null,b=", "a=", "a", "a,", "a=1,", ",a=1", "=1", "a.=1",
    "a.", "a..b=1", ".a=1", "a.b.c=1", "a.b=1,a.c=2", "a.b=1,a=2", "a=2,a.b=1", "a[0]=1", "a[0]", "a[0",
    "a[0][1", "a[0]=1,a[0", "a[", "a[]=1", "a[-1]=1", "a[x]=1", "a[1]=x", "a[65536]=x", "a[65537]=x",
    "a[9223372036854775808]=x", "a[0]b=1", "a[0].b=1", "a[0].b=1,a[0].c=2", "a[0][0]=1", "a[1]=x,a[0][0]=y",
    "a[0]=x,a[0][0]=y", "a[0]=x,a[0].b=y", "a.b=1,a[0]=2", "a[0]=1,a.b=2", "a={1,2}", "a={}", "a={",
    "a={1,2", "a={1,2},b=3", "a={1,2}x", "a[0]={1,2}", "a\\.b=1", "a\\=b=1", "a=b\\,c", "a=b\\", "a\\",
    "a=b=c", "a=b,c", "a.b[0].c[1].d=1", "a[0].b.c[1]=2,a[0].b.d=3", "a.b=1,a.b.c=2", "a[0]=1,a[0].b=2",
    "é=ü", "a=\t", " a = b ", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.ab.ac.ad=1",
    "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.ab.ac.ad.ae=1",
    "a" + "[0].b" * 256 + "=1", "a" + "[0]" * 512 + "=1", "a" + "[0]" * 512, "a" + "[0]" * 511 + "[1",
]  # fmt: skip


@pytest.mark.parametrize("as_string", [False, True], ids=["set", "set-string"])
@pytest.mark.parametrize("expr", CORPUS, ids=range(len(CORPUS)))
def test_corpus_parses_as_helm_4_parses_it(helm: ModuleType, expr: str, as_string: bool) -> None:
    assert_agree(helm, expr, as_string=as_string)


@pytest.mark.parametrize("expr", ["a[0", "a[0][1", "b=1,a[0", "a.b[3", "a[0]=1,a[0"])
def test_unterminated_index_helm_4_ends_helm_3_fails(helm: ModuleType, expr: str) -> None:
    helm4 = assert_agree(helm, expr)
    assert helm4[0] == "ok"
    assert vcvalues_parses(expr, as_string=False, helm_major=3) == ("error", "error parsing index: EOF")


def test_helm_3_differs_from_helm_4_only_on_an_unterminated_index(helm: ModuleType) -> None:
    differ = []
    for expr in CORPUS:
        helm3 = vcvalues_parses(expr, as_string=False, helm_major=3)
        if helm3 != helm_parses(helm, expr, as_string=False):
            assert helm3 == ("error", "error parsing index: EOF"), expr
            differ.append(expr)
    assert differ == ["a[0", "a[0][1", "a[0]=1,a[0", "a[", "a" + "[0]" * 511 + "[1"]


def test_lists_past_512_levels_are_the_one_deliberate_refusal(helm: ModuleType) -> None:
    """Helm nests --set lists without limit; vcvalues stops where its reader does (DESIGN §12)."""
    expr = "a" + "[0]" * 513 + "=1"
    assert helm_parses(helm, expr, as_string=False)[0] == "ok"
    refused = ("error", "--set values nested deeper than 512 levels; refused")
    assert vcvalues_parses(expr, as_string=False) == refused
    assert vcvalues_parses("a" + "[0]" * 100_000, as_string=False)[0] == "error"
    assert vcvalues_parses("a" + "[0].b" * 257 + "=1", as_string=False)[0] == "error"


def test_unsupported_helm_line_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="Helm 2 is not supported"):
        parse_set_into("a=1", {}, helm_major=2)


ALPHABET = "ab0-1.,=[]{}\\\u017f xé"


@given(st.text(alphabet=ALPHABET, max_size=24), st.booleans())
def test_generated_expressions_parse_as_helm_4_parses_them(
    helm: ModuleType, expr: str, as_string: bool
) -> None:
    assert_agree(helm, expr, as_string=as_string)


_KEY = st.sampled_from(["a", "b", "a.b", "a[0]", "a[1]", "b[0].c", "a[0][1]", "c\\.d", "x[2].y[0]"])
_VALUE = st.sampled_from(["1", "007", "true", "NULL", "", "{1,x}", "{}", "x\\,y", "-5", "0", "1e3"])


@given(st.lists(st.tuples(_KEY, _VALUE), min_size=1, max_size=5), st.booleans())
def test_generated_assignments_parse_as_helm_4_parses_them(
    helm: ModuleType, pairs: list[tuple[str, str]], as_string: bool
) -> None:
    assert_agree(helm, ",".join(f"{key}={value}" for key, value in pairs), as_string=as_string)
