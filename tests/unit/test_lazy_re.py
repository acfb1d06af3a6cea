"""vcvalues.core._lazy_re: a lazily compiled pattern answers exactly as the compiled one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core._lazy_re import lazy_compile

PATTERNS = [
    r"[+-]?([0-9]*)\.?([0-9]*)",
    r"#\s*vcvalues:\s*disable=(?P<ids>[A-Za-z0-9_,\- ]*)",
    "[\ud800-\udfff]",
]


@given(st.sampled_from(PATTERNS), st.text(alphabet="0123456789+-.e #vcalues:disbl=x\ud800", max_size=30))
def test_every_method_answers_as_the_compiled_pattern(source: str, text: str) -> None:
    lazy, compiled = lazy_compile(source), re.compile(source)
    for method in ("match", "fullmatch", "search"):
        ours, theirs = getattr(lazy, method)(text), getattr(compiled, method)(text)
        assert (ours and (ours.span(), ours.groups())) == (theirs and (theirs.span(), theirs.groups()))
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert (lazy.pattern, lazy.flags) == (compiled.pattern, compiled.flags)
    assert lazy.groupindex == compiled.groupindex


def test_the_pattern_is_compiled_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        calls.append(source)
        return original(source, flags)

    monkeypatch.setattr(re, "compile", counting)
    pattern = lazy_compile("a+", re.IGNORECASE)
    assert calls == []
    assert pattern.fullmatch("AaA") is not None
    assert pattern.search("xa") is not None
    assert calls == ["a+"]
