"""Documents are handed over one at a time, as they are read (check-pods' memory does not grow with them)."""

from __future__ import annotations

import gc

from hypothesis import given
from hypothesis import strategies as st

from vcvalues.core.diagnostics import Diagnostic
from vcvalues.core.load import load_yaml_documents
from vcvalues.pss.stream import iter_documents


def test_a_document_is_yielded_before_the_rest_of_the_stream_is_parsed():
    text = "kind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nspec: [\n"
    problems: list[Diagnostic] = []
    documents = iter_documents(text, file="f.yaml", diagnostics=problems)
    first = next(documents)
    assert first.data == {"kind": "Pod", "metadata": {"name": "a"}}
    assert problems == []  # the broken second document has not been read yet
    assert list(documents) == []
    assert [(d.rule_id, d.line) for d in problems] == [("syntax", 6)]


def test_the_garbage_collector_is_paused_while_reading_and_restored_after():
    assert gc.isenabled()
    documents = iter_documents("a: 1\n---\nb: 2\n", file="f.yaml", diagnostics=[])
    next(documents)
    assert not gc.isenabled()
    list(documents)
    assert gc.isenabled()
    abandoned = iter_documents("a: 1\n---\nb: 2\n", file="f.yaml", diagnostics=[])
    next(abandoned)
    abandoned.close()
    assert gc.isenabled()


scalars = st.one_of(st.integers(-5, 5), st.booleans(), st.none(), st.sampled_from(["x", "yes", "1.5", "~"]))
documents = st.dictionaries(
    st.sampled_from(["kind", "a", "b", "c"]),
    st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.sampled_from(["x", "y"]), scalars)),
    max_size=4,
)


@given(st.lists(documents, max_size=5))
def test_same_documents_and_positions_as_the_loader(docs):
    import json

    text = "---\n".join(
        "\n".join(f"{key}: {json.dumps(value)}" for key, value in doc.items()) + "\n" for doc in docs
    )
    expected = load_yaml_documents(text, file="f.yaml")
    problems: list[Diagnostic] = []
    got = list(iter_documents(text, file="f.yaml", diagnostics=problems))
    assert [d.data for d in got] == [d.data for d in expected.documents]
    assert [d.source_map.values.keys() for d in got] == [
        d.source_map.values.keys() for d in expected.documents
    ]
    assert problems == expected.diagnostics


def test_the_node_limit_counts_per_document(monkeypatch):
    import vcvalues.core._yaml_events as events

    monkeypatch.setattr(events, "MAX_NODES", 10)
    text = "---\n".join("kind: Pod\nspec: {containers: [{name: c}]}\n" for _ in range(5))
    problems: list[Diagnostic] = []
    assert len(list(iter_documents(text, file="f.yaml", diagnostics=problems))) == 5
    assert problems == []
    big = "kind: Pod\nspec: {containers: [" + ", ".join("{name: c}" for _ in range(10)) + "]}\n"
    assert list(iter_documents(big, file="f.yaml", diagnostics=problems)) == []
    assert [(d.rule_id, d.message) for d in problems] == [("syntax", "more than 10 values; refused")]
