"""check-pods' plain reader gives the documents, positions and diagnostics the C parser's reader gives."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import shared_path
from vcvalues.core.diagnostics import Diagnostic
from vcvalues.pss.documents import read_documents
from vcvalues.pss.lean import lean_documents
from vcvalues.pss.plain_yaml import Outside, read_plain
from vcvalues.pss.stream import iter_documents

ROOT = Path(__file__).resolve().parents[3]


def assert_same(text: str) -> None:
    """Same data, diagnostics and positions as the C parser's readers (lean and full)."""
    lean_problems: list[Diagnostic] = []
    lean = list(lean_documents(text, file="f", diagnostics=lean_problems))
    plain_problems: list[Diagnostic] = []
    plain = list(read_documents(text, file="f", diagnostics=plain_problems))
    full = list(iter_documents(text, file="f", diagnostics=[]))
    assert [d for d, _ in plain] == [d for d, _ in lean], text
    assert plain_problems == lean_problems, text
    for document, (_, plain_locate), (_, lean_locate) in zip(full, plain, lean, strict=False):
        source_map = document.source_map
        paths = set(source_map.values) | set(source_map.keys) | {("nope",), ("spec", "missing", 3)}
        for path in sorted(paths, key=repr):
            assert plain_locate(path) == lean_locate(path), (path, text)


def plain(text: str, *, explicit: bool = False) -> object:
    return read_plain(text, explicit=explicit)


def test_a_typical_deployment_is_plain():
    text = (ROOT / "examples" / "pods" / "restricted-pass.yaml").read_text()
    data = plain(text)
    assert isinstance(data, dict)
    assert data["spec"]["template"]["spec"]["containers"][0]["resources"] == {
        "requests": {"cpu": "100m", "memory": "128Mi"},
        "limits": {"memory": "256Mi"},
    }
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\n",  # anchor
        "a: !!str 1\n",  # tag
        "a: |\n  text\n",  # block scalar
        "a: yes\n",  # YAML 1.1 boolean: a warning from the full reader
        "a: 1\na: 2\n",  # duplicate key: an error from the full reader
        "a:\tb\n",  # tab
        'a: "x\\ty"\n',  # escape
        "a: b\n  c\n",  # multi-line plain scalar
        "a: [1,\n  2]\n",  # multi-line flow collection
        "a: b: c\n",  # libyaml refuses it
        "- - a\n  - b: 1\n    c: d\n - x\n",  # bad indentation
        "just a scalar\n",
        "a: [1, 2,]\n",
        "? a\n: b\n",
        "a:b\n",
        "<<: {a: 1}\n",
        "a: .inf\n",
    ],
)
def test_outside_the_subset(text):
    with pytest.raises(Outside):
        plain(text)
    assert_same(text)
    assert_same(f"k: v\n---\n{text}---\nafter: 1\n")


@pytest.mark.parametrize(
    "text",
    [
        "a:\n- x\n- w\nb: 1\n",  # a sequence at its key's indentation
        "- a: 1\n  b: [x, {c: 'q''s', d: \"e\"}]\n- - p\n  - m\n-\n  k: v\n- \n",
        "  a:   1   # comment\n  b: -1\n  c: ~\n  d:\n  e: {}\n  f: []\n",
        "x: 'a: b'\nw: a#b\nz: c # d\n1: one\ntrue: t\n0x1F: h\n",
        "a:\n    b:\n      - c\n    d: e\n",
    ],
)
def test_inside_the_subset(text):
    plain(text)
    assert_same(text)
    assert_same(f"# c\n---\n{text}--- # c\n{text}")


def test_repeated_lines_give_new_collections():
    # lines are read once and kept by their text: a flow collection must still be a new object each time
    text = "a: [1, {b: 2}]\nc:\n- {d: [e]}\n- f\n"
    first = plain(text)
    first["a"][1]["b"] = 3
    first["a"].append(4)
    first["c"][0]["d"].append("g")
    assert plain(text) == {"a": [1, {"b": 2}], "c": [{"d": ["e"]}, "f"]}


def test_markers_and_characters_that_hand_over_to_the_c_parser():
    assert_same("a: 1\n...\n---\nb: 2\n")
    assert_same("a: 1\n---\nb: \u00e9\n---\nc: 3\n")
    assert_same("\ufeffa: 1\n")
    assert_same("a: 1\r\nb: 2\r\n")
    assert_same("a: 1\n---\nb: [1\n---\nc: 1\n")  # a syntax error after a plain document
    assert_same("--- a\n---\nb: 1\n")
    assert_same("%YAML 1.1\n---\na: 1\n")
    assert_same("")
    assert_same("---\n---\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n---\nb: |\n  x\n---\nc: 2\n",  # a block scalar in the middle
        "a: 1\n---\nb: yes\n---\nc: [1\n",  # a warning, then a syntax error: reported once each
        "---\nb: yes\n---\n~\n---\nd: on\n---\ne: [1\n---\nf: 1\n",
        "a: 1\n---\nb: \u00e9\n---\nc: 2\n---\nd: &x 1\n",
        "a: 1\n%YAML 1.1\n---\nb: 2\n",
        "a: 1\n---\nn: .inf\n---\nb: 2\n",  # refused: the stream stops, as the C parser's reader
        "a: 1\n---\nb: 2\r\n---\nc: 3\n",
        "a: 1\n--- |\n  text\n---\nb: x\n",
        "a: 1\n---\nb: [1,\n---\nc: 1]\n",
    ],
)
def test_documents_outside_the_subset_in_a_stream(text):
    assert_same(text)


def test_a_document_outside_the_subset_leaves_the_next_ones_to_the_plain_reader(monkeypatch):
    import vcvalues.pss.documents as documents

    read: list[object] = []

    def counted(piece: str, *, explicit: bool) -> object:
        data = read_plain(piece, explicit=explicit)
        read.append(data)
        return data

    monkeypatch.setattr(documents, "read_plain", counted)
    text = "kind: Pod\n---\nkind: ConfigMap\ndata:\n  a: |\n    x\n---\nkind: Job\n---\nkind: Pod\n"
    given = [data for data, _ in documents.read_documents(text, file="f", diagnostics=[])]
    assert [d["kind"] for d in given] == ["Pod", "ConfigMap", "Job", "Pod"]
    assert read == [{"kind": "Pod"}, {"kind": "Job"}, {"kind": "Pod"}]


# -- generated documents: plain ones, odd ones, and lines that are not YAML at all -------------------------
keys = st.sampled_from(["a", "b", "kind", "1", "yes", "'q'", '"d"', "a.b/c", "x y", "<<", "-k", "k:", "a#b"])
scalars = st.sampled_from(
    [
        "1", "x", "-1", "-", "yes", "'s'", "'it''s'", '"d"', '"e\\n"', "~", "1.5", ".inf", "0x1F", "&a 1",
        "*a", "!!str 3", "[1, 2]", "{k: v}", "{k: [a, {b: c}]}", "[]", "{}", "[a, b,]", "{k}", "x # c",
        "x#c", "a: b", "a:b", "'x' y", "[a b, -c, \"d\"]", "|", ">-", "%x", "@x", "`x", "?x", "[a: b]",
        "{a: }", "nginx:1.25", "'", "\"", "[1", "{a: 1}}",
    ]
)  # fmt: skip
spaces = st.sampled_from(["", " ", "  ", "   "])
# mostly what the plain reader reads, so that it reads most generated documents itself
plain_keys = st.sampled_from(["a", "b", "name", "1", "'q'", '"d"', "a.b/c", "x-y", "true"])
plain_scalars = st.sampled_from(
    ["1", "x", "-c", "'s'", "'it''s'", '"d"', "~", "", "1.5", "0x1F", "[1, 2]", "{k: v}", "{k: [a, {b: c}]}",
     "[]", "{}", "x # c", "x#c", "[a b, -c, \"d\"]", "nginx:1.25", "a :b", "100m"]
)  # fmt: skip


@st.composite
def block(draw, depth=0, keys=keys, scalars=scalars):
    indent = draw(st.sampled_from([0, 1, 2, 4]))
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        pad = " " * (indent + draw(st.sampled_from([0, 0, 0, 0, 1, -1])) if indent else indent)
        shape = draw(st.sampled_from(["key", "key", "entry", "entry-key", "nested", "seq-below", "comment"]))
        tail = draw(spaces) + draw(st.sampled_from(["", "", " # c"]))
        if shape == "key":
            lines.append(f"{pad}{draw(keys)}:{draw(spaces) or ' '}{draw(scalars)}{tail}")
        elif shape == "entry":
            lines.append(f"{pad}-{draw(spaces) or ' '}{draw(scalars)}{tail}")
        elif shape == "entry-key":
            lines.append(f"{pad}- {draw(keys)}: {draw(scalars)}")
            lines.append(f"{pad}  {draw(keys)}: {draw(scalars)}")
        elif shape == "comment":
            lines.append(f"{draw(spaces)}# comment")
        elif depth < 2:
            lines.append(f"{pad}{draw(keys)}:{tail}" if shape == "nested" else f"{pad}-")
            inner = draw(block(depth + 1, keys, scalars))
            lines += [f"{pad}{' ' * draw(st.sampled_from([0, 2, 2]))}{line}" for line in inner]
    return lines


@st.composite
def streams(draw, keys=keys, scalars=scalars):
    documents = [
        "\n".join(draw(block(0, keys, scalars))) + draw(st.sampled_from(["\n", "", "\n\n"])) for _ in range(3)
    ]
    separators = draw(st.lists(st.sampled_from(["---\n", "--- \n", "--- # c\n", "...\n---\n"]), min_size=3))
    start = draw(st.sampled_from(["", "---\n", "# head\n"]))
    return start + "".join(s + d for s, d in zip(separators, documents, strict=False))


@settings(max_examples=400, deadline=None)
@given(streams())
@example("a:\n- x\n -y\n")
def test_same_as_the_c_parser_on_generated_streams(text):
    assert_same(text)


@settings(max_examples=400, deadline=None)
@given(streams(plain_keys, plain_scalars))
def test_same_as_the_c_parser_on_generated_plain_streams(text):
    assert_same(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:",
                                 "  containers: [{name: c, image: x}]", "  - a", "- b", "  k: v", "---",
                                 "x: [", "  # c", "", "    y: 1", "- - z", "...", "'a': b"]),
                max_size=12))  # fmt: skip
def test_same_as_the_c_parser_on_shuffled_lines(lines):
    assert_same("\n".join(lines) + "\n")


def test_a_plain_passing_stream_never_imports_the_c_parser(tmp_path):
    pods = tmp_path / "pods.yaml"
    pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p%d}\nspec:\n  containers: [{name: c, image: x}]\n"
    pods.write_text("---\n".join(pod % i for i in range(3)))
    code = (
        "import sys; from vcvalues.cli import main; code = main(['check-pods', sys.argv[1]]); "
        "parser = ('_ruamel_yaml', 'ruamel', 'vcvalues.pss.lean', 'vcvalues.core._yaml_events'); "
        "print(code, sorted(m for m in sys.modules if m in parser or m.startswith('ruamel.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(pods)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_the_upstream_pod_security_fixtures_read_the_same():
    # 4,241 pods as upstream writes them (k8s.io/pod-security-admission test/testdata), each distinct one once
    root = shared_path("conformance", "pod-security", "testdata")
    texts = {path.read_text() for path in root.glob("*/v1.*/*/*.yaml")}
    read_plainly = 0
    for text in sorted(texts):
        assert_same(text)
        with contextlib.suppress(Outside):
            read_plainly += plain(text) is not None
    assert read_plainly > len(texts) // 2  # the plain reader, not only the C parser, is what agreed


def test_a_document_for_the_c_parser_loads_it_without_ruamels_package_init(tmp_path):
    pods = tmp_path / "pods.yaml"
    pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: &n p}\nspec:\n  containers: [{name: c, image: x}]\n"
    pods.write_text(pod)
    code = (
        "import sys; from vcvalues.cli import main; code = main(['check-pods', sys.argv[1]]); "
        "print(code, '_ruamel_yaml' in sys.modules, sorted(m for m in sys.modules "
        "if m in ('ruamel.yaml.main', 'ruamel.yaml.cyaml', 'ruamel.yaml.loader')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(pods)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip().splitlines()[-1] == "0 True []"  # an anchor: read by the C parser, lean
