"""The fast reader of rendered documents answers exactly as load_yaml, or not at all."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.unit.legacy.render.helpers import NAMESPACE, RELEASE, chart, effective, merge
from tests.unit.legacy.render.strategies import QUANTITY, TEXT, TRICKY
from vcvalues.core.diagnostics import Severity
from vcvalues.core.load import load_yaml
from vcvalues.legacy.chart import ChartRef
from vcvalues.legacy.render import RenderError, _context, _text, dump_manifests, render_manifests
from vcvalues.legacy.render._block_reader import read_block_yaml


def _typed(data: Any) -> Any:
    """Data with key order and scalar types made visible (``==`` takes True for 1 and 1 for 1.0)."""
    if isinstance(data, dict):
        return ("map", [(key, _typed(value)) for key, value in data.items()])
    if isinstance(data, list):
        return ("list", [_typed(item) for item in data])
    return (type(data).__name__, data)


def _slow(text: str) -> Any:
    """What parse_document makes of load_yaml's reading, or None where it refuses the text."""
    loaded = load_yaml(text, file="doc.yaml")
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR and d.rule_id != "duplicate-key"]
    if errors or not loaded.data:
        return None
    try:
        return _text._check_finite(loaded.data, "doc.yaml")
    except RenderError:
        return None


# Lines of a document: keys and values from the chart's shapes and from hostile text, at indentations
# that are right, wrong or odd; the reader must either agree with load_yaml or step aside.
KEYS = st.one_of(
    st.sampled_from(["a", "b", "name", "count/pods", "requests.cpu", "k8s-app", "0x1F", "yes", "1e3", "null",
                     "08", "1_0", "a-", "x.y/z", "<<", "a b", "a:b", "-a", "?a", "'q'", '"q"', "a#b"]),
    st.text("ab-./:#' 0xy", min_size=1, max_size=6),
)  # fmt: skip
VALUES = st.one_of(
    TRICKY,
    st.sampled_from(["{}", "[]", "{a: 1}", "[1]", "'it''s'", '"a\\"b"', '"x" #c', "'a' b", "---", "...",
                     "a:b", "?x", ":x", "-1", "a\"b", "a'b", "a [b]", "a, b", "x:", "a :b", "1e+06", ".inf"]),
    st.text(st.characters(codec="ascii"), max_size=8),
)  # fmt: skip
INDENTS = st.sampled_from([0, 0, 2, 2, 4, 4, 6, 1, 3])
LINE = st.one_of(
    st.builds(lambda i, k, v: " " * i + f"{k}: {v}", INDENTS, KEYS, VALUES),
    st.builds(lambda i, k: " " * i + f"{k}:", INDENTS, KEYS),
    st.builds(lambda i, v: " " * i + f"- {v}", INDENTS, VALUES),
    st.builds(lambda i, k, v: " " * i + f"- {k}: {v}", INDENTS, KEYS, VALUES),
    st.builds(lambda i, k: " " * i + f"- {k}:", INDENTS, KEYS),
)
LOOSE_DOCUMENTS = st.lists(LINE, min_size=1, max_size=10).map("\n".join)
# Trees written as the templates write them (maps indented by 2 or 4, lists indented or not), then maybe
# one line moved: mostly inside the subset, so the reader's answers get compared, not only its refusals.
COMMON_KEYS = st.sampled_from(["a", "name", "count/pods", "k8s-app", "x.y/z", "0x1F", "on", "1"])
COMMON_VALUES = st.sampled_from(["x", "1", "-1", "1.5", "true", "No", "~", "'q'", '"a b"', "10.0.0.0/8", "{}",
                                 "[]", "1e3", "0o17", "a:b", "2001-12-14", "<<", "1Gi", "a b"])  # fmt: skip


def _trees(keys: st.SearchStrategy[str], values: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        values.map(lambda text: ("scalar", text)),
        lambda children: st.one_of(
            st.lists(st.tuples(keys, children), min_size=1, max_size=3).map(lambda items: ("map", items)),
            st.lists(children, min_size=1, max_size=3).map(lambda items: ("list", items)),
        ),
        max_leaves=10,
    )


def _write(node: tuple[str, Any], indent: int, step: int, flush_lists: bool) -> list[tuple[int, str]]:
    """(indentation, line) pairs of ``node`` written as a block at ``indent``."""
    kind, items = node
    lines: list[tuple[int, str]] = []
    if kind == "map":
        for key, child in items:
            if child[0] == "scalar":
                lines.append((indent, f"{key}: {child[1]}"))
            else:
                lines.append((indent, f"{key}:"))
                inner = indent if child[0] == "list" and flush_lists else indent + step
                lines += _write(child, inner, step, flush_lists)
    elif kind == "list":
        for child in items:
            if child[0] == "scalar":
                lines.append((indent, f"- {child[1]}"))
                continue
            nested = _write(child, indent + 2, step, flush_lists)
            if child[0] == "map":  # "- key: ..." then the rest of the map at indent + 2
                nested[0] = (indent, "- " + nested[0][1])
                lines += nested
            else:
                lines += [(indent, "-"), *nested]
    else:
        lines.append((indent, str(items)))
    return lines


@st.composite
def documents(draw: st.DrawFn, keys: st.SearchStrategy[str], values: st.SearchStrategy[str]) -> str:
    top = draw(st.lists(st.tuples(keys, _trees(keys, values)), min_size=1, max_size=3))
    lines = _write(("map", top), 0, draw(st.sampled_from([2, 4])), draw(st.booleans()))
    if draw(st.integers(0, 3)) == 0:
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = (max(0, lines[index][0] + draw(st.sampled_from([-2, -1, 1, 2]))), lines[index][1])
    return "\n".join(" " * at + text for at, text in lines)


DOCUMENTS = st.one_of(
    LOOSE_DOCUMENTS,
    documents(st.one_of(COMMON_KEYS, KEYS), st.one_of(COMMON_VALUES, VALUES)),
    documents(COMMON_KEYS, COMMON_VALUES),
)


@settings(max_examples=600)
@given(DOCUMENTS)
@example("a:\n- x\nb:\n  - y\n  - z: 1\n    w:\n    - 2\nc: {}")
@example("a: 1\n  b: 2")
@example("a: x\na: y")
@example("a:\n  b: 1\n c: 2")
def test_agrees_with_load_yaml_or_steps_aside(text: str) -> None:
    fast = read_block_yaml(text)
    if fast is not None:
        slow = _slow(text)
        assert slow is not None, text
        assert _typed(fast) == _typed(slow), text


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  c: 'x'\n  d: \"y\"\ne:\n- 1\n- f: g\n  h: []",
        "a: x\na: y",  # duplicate: first place, last value (load_yaml reports it; the reader need not)
        "a:\n  - b\n  - c\nd: 0x10",
        "a: 1.0\nb: 1e3\nc: 0.5\nd: 1e21",  # numbers as JSON carries them: 1, 1000, 0.5, 1e+21
    ],
)
def test_reads_the_subset(text: str) -> None:
    fast = read_block_yaml(text)
    assert fast is not None
    assert _typed(fast) == _typed(_slow(text))


@pytest.mark.parametrize(
    "text",
    ["a: |\n  x", "a: 1 # c", "a:\ttab", "a: é", "a: &x 1", "a: !!str 1", "a: [1, 2]", "a: 'it''s'",
     '"a": 1', "a: b: c", "  a: 1", "a: 1\n\nb: 2", "a: .inf", "- a", "a:\n  b: 1\n c: 2", "a: \"x\\ty\""],
)  # fmt: skip
def test_steps_aside_outside_the_subset(text: str) -> None:
    assert read_block_yaml(text) is None


# Values the isolation templates print unquoted or as map keys, hostile ones included.
HOSTILE_OVERRIDES = st.fixed_dictionaries(
    {},
    optional={
        "globalAnnotations": st.dictionaries(TEXT, st.one_of(TEXT, QUANTITY), max_size=3),
        "isolation": st.fixed_dictionaries(
            {},
            optional={
                "namespace": st.one_of(TEXT, st.none()),
                "resourceQuota": st.fixed_dictionaries(
                    {"quota": st.dictionaries(TEXT, st.one_of(st.none(), QUANTITY, TEXT), max_size=4)},
                    optional={"scopes": st.lists(TEXT, max_size=2)},
                ),
                "limitRange": st.fixed_dictionaries(
                    {"default": st.dictionaries(TEXT, st.one_of(QUANTITY, TEXT), max_size=3)}
                ),
                "networkPolicy": st.fixed_dictionaries(
                    {"outgoingConnections": st.fixed_dictionaries(
                        {"ipBlock": st.fixed_dictionaries(
                            {"cidr": st.one_of(TEXT, QUANTITY), "except": st.lists(TEXT, max_size=2)}
                        )}
                    )}
                ),
            },
        ),
    },
)  # fmt: skip
CHARTS = st.sampled_from([chart(v, d) for v in ("0.15.0", "0.19.10") for d in ("k3s", "k8s")])


def _outcome(values: dict[str, Any], ref: ChartRef) -> object:
    try:
        manifests = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    except RenderError as exc:
        return ("error", str(exc))
    return [(m.source, _typed(m.body)) for m in manifests], dump_manifests(manifests)


@settings(max_examples=200)
@given(CHARTS, HOSTILE_OVERRIDES)
def test_render_is_the_same_without_the_fast_reader(ref: ChartRef, override: dict[str, Any]) -> None:
    values = merge(effective(ref), override)
    fast = _outcome(values, ref)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_text, "read_block_yaml", lambda text: None)
        assert _outcome(values, ref) == fast


def test_resolutions_are_remembered_as_first_read() -> None:
    first = read_block_yaml("a: 1.0\nyes: x\nb: {}")
    again = read_block_yaml("a: 1.0\nyes: x\nb: {}")
    assert first == again == {"a": 1, "true": "x", "b": {}}
    assert first is not None and again is not None
    assert first["b"] is not again["b"]  # a fresh map each time: the caller may change it


def test_the_chart_documents_take_the_fast_path() -> None:
    ref = chart("0.19.10", "k3s")
    values = effective(ref, {"globalAnnotations": {"team": "a", "cost": "4711"}})
    manifests = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    assert len(manifests) == 4
    for manifest in manifests:
        assert read_block_yaml(manifest.text) == manifest.body


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"a": "x", "b": 1}, {"a": "x", "b": 1}, True),
        ({"a": True}, {"a": 1}, False),
        ({"a": 1}, {"a": 1.0}, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),
        ({"a": [1, {"b": None}]}, {"a": [1, {"b": None}]}, True),
        ({"a": [1]}, {"a": (1,)}, False),
        ({"a": float("nan")}, {"a": float("nan")}, False),
    ],
)
def test_annotation_texts_are_shared_only_between_identical_maps(a: Any, b: Any, same: bool) -> None:
    assert _context._same(a, b) is same
    ref = chart("0.19.10", "k3s")
    context = _context.Context({"globalAnnotations": a}, ref, RELEASE, NAMESPACE)
    first = context._to_yaml(a)
    assert context._to_yaml(b) == (first if same else _text.to_yaml(b))


def test_a_document_read_before_comes_back_as_a_fresh_copy() -> None:
    ref = chart("0.19.10", "k3s")
    values = effective(ref, {"globalAnnotations": {"team": "a"}})
    first = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    kept = _typed([m.body for m in first])
    first[0].body["spec"]["egress"].clear()
    first[2].body["metadata"]["annotations"]["team"] = "changed"
    again = render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)
    assert _typed([m.body for m in again]) == kept
    _text._READ.clear()
    assert (
        _typed([m.body for m in render_manifests(values, chart=ref, release=RELEASE, namespace=NAMESPACE)])
        == kept
    )
