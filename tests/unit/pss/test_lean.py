"""The fast reader gives the same data, positions and diagnostics as the full one, document by document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vcvalues.core.diagnostics import Diagnostic
from vcvalues.pss.files import _locator
from vcvalues.pss.lean import lean_documents
from vcvalues.pss.stream import iter_documents


def both(text: str):
    full_problems: list[Diagnostic] = []
    full = [
        (d.data, _locator(d.source_map), d.source_map)
        for d in iter_documents(text, file="f", diagnostics=full_problems)
    ]
    lean_problems: list[Diagnostic] = []
    lean = list(lean_documents(text, file="f", diagnostics=lean_problems))
    return full, full_problems, lean, lean_problems


def assert_same(text: str) -> None:
    full, full_problems, lean, lean_problems = both(text)
    assert [d for d, _, _ in full] == [d for d, _ in lean]
    assert lean_problems == full_problems
    for (_, full_locate, source_map), (_, lean_locate) in zip(full, lean, strict=True):
        paths = set(source_map.values) | set(source_map.keys) | {("nope",), ("spec", "missing", 3)}
        for path in sorted(paths, key=repr):
            assert lean_locate(path) == full_locate(path), (path, text)


def test_plain_and_special_documents():
    assert_same(
        "# leading comment\n"
        "kind: Pod\nmetadata: {name: a}\n"
        "---\n"
        "base: &b {x: 1}\nuse: *b\n"  # anchors: full builder
        "---\n"
        "  # indented comment\n"
        "flag: yes\nkey: 'quoted'\nblock: |\n  text\n"  # yaml 1.1 boolean: a warning, as the full reader
        "...\n"
        "---\n"
        "a: 1\na: 2\n"  # duplicate key: an error, as the full reader
        "---\n"
        "- just\n- a list\n"
        "---\n"
        "m:\n  <<: {z: 1}\n  y: 2\n"
        "---\n"
        "t: !!str 12\n"
        "---\n"
        "n: .inf\n",  # refused: stops the stream, as the full reader
    )


def test_syntax_error_after_documents():
    assert_same("a: 1\n---\nb: [1\n")
    assert_same("a: 1\n---\nb: \x07\n")


keys = st.sampled_from(["kind", "a", "b", "yes", "1", "<<", "'q'", "x y"])
scalars = st.sampled_from(
    ["1", "x", "yes", "'s'", '"d"', "~", "1.5", "0x1F", "&a 1", "*a", "!!str 3", "[1, 2]", "{k: v}"]
)


@st.composite
def documents(draw):
    lines = []
    for key in draw(st.lists(keys, max_size=4)):
        value = draw(scalars)
        if draw(st.booleans()):
            lines.append(f"{key}:\n  {draw(keys)}: {value}")
        else:
            lines.append(f"{key}: {value}")
    if draw(st.booleans()):
        lines.insert(0, "# comment")
    return "\n".join(lines) + "\n"


@settings(max_examples=150)
@given(st.lists(documents(), max_size=4), st.sampled_from(["---\n", "...\n---\n", "--- \n"]))
def test_same_as_the_full_reader(docs, separator):
    assert_same(separator.join(docs))
