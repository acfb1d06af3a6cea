"""YAML text -> (plain data, SourceMap) exactly as Helm reads values; the only module that parses YAML.

The C parser of ruamel.yaml is driven at the *event* level and the data is built here in one pass:
libyaml's event parser is iterative, while its recursive composer crashes the interpreter on deeply
nested input (measured: segfault at 100k levels). Building from events also lets us resolve scalars
as go-yaml v2 does (YAML 1.1), keep every position, see duplicate keys and bound alias expansion.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core._record import field, mutable_record
from vcvalues.core._yaml_events import Builder
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.encoding import MAX_INPUT_BYTES, decode_source, read_stream
from vcvalues.core.read_file import read_source
from vcvalues.core.source import Document, SourceMap, Span

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_SURROGATE = lazy_compile("[\ud800-\udfff]")


@mutable_record
class LoadResult:
    """A values file: ``data`` is a dict (``{}`` for an empty file), or None when it cannot be read."""

    data: dict[str, Any] | None
    source_map: SourceMap
    diagnostics: list[Diagnostic]
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)


@mutable_record
class DocumentsResult:
    """A multi-document file (manifests)."""

    documents: list[Document]
    diagnostics: list[Diagnostic]
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)


def load_path(path: str | Path, *, display_name: str | None = None) -> LoadResult:
    """Read and load one values file. Raises InputError when the path cannot be read."""
    file = display_name or str(path)
    text, problem = decode_source(read_source(path), file=file)
    if text is None:
        assert problem is not None
        return LoadResult(None, SourceMap(file), [problem])
    return load_yaml(text, file=file)


def from_surrogates(text: str, *, file: str) -> tuple[str | None, Diagnostic | None]:
    """Text read with ``errors="surrogateescape"`` (Python's stdin under a C or POSIX locale) carries the
    bytes it could not decode as lone surrogates: decode those bytes as a file's bytes are decoded, so
    stdin gets the file's diagnostic. Other lone surrogates are not characters: a syntax error."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text, None
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as exc:
        before = text[: exc.start]
        span = Span(before.count("\n") + 1, exc.start - (before.rfind("\n") + 1) + 1)
        message = f"U+{ord(text[exc.start]):04X} is a lone surrogate, not a character"
        return None, _syntax(file, span, message, hint="save the file as UTF-8")
    return decode_source(data, file=file)


def load_yaml(text: str, *, file: str) -> LoadResult:
    """A values file: Helm reads the first document, which must be a map (or empty)."""
    decoded, problem = from_surrogates(text, file=file)
    if decoded is None:
        assert problem is not None
        return LoadResult(None, SourceMap(file), [problem])
    text = decoded
    builder = Builder(text, file)
    documents = builder.run(first_only=True)
    suppressions = scan_suppressions(text)
    if builder.failed:
        return LoadResult(None, SourceMap(file), builder.diagnostics, suppressions)
    if not documents or documents[0].data is None:
        source_map = documents[0].source_map if documents else SourceMap(file)
        return LoadResult({}, source_map, builder.diagnostics, suppressions)
    document = documents[0]
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else f"the scalar {document.data!r}"
        builder.diagnostics.append(
            _syntax(
                file,
                document.source_map.value_span(()),
                f"values must be a map of keys, found {kind}",
                hint="a values file looks like `isolation:\\n  enabled: true`",
            )
        )
        return LoadResult(None, document.source_map, builder.diagnostics, suppressions)
    return LoadResult(document.data, document.source_map, builder.diagnostics, suppressions)


def load_yaml_documents(text: str, *, file: str) -> DocumentsResult:
    """Every document of a multi-document stream (Kubernetes manifests); empty documents dropped."""
    decoded, problem = from_surrogates(text, file=file)
    if decoded is None:
        assert problem is not None
        return DocumentsResult([], [problem])
    text = decoded
    builder = Builder(text, file)
    documents = builder.run(first_only=False)
    kept = [d for d in documents if d.data is not None]
    return DocumentsResult(kept, builder.diagnostics, scan_suppressions(text))


def scan_suppressions(text: str) -> dict[int, frozenset[str]]:
    """Line -> rule ids named by ``# vcvalues: disable=ID[,ID]`` comments (see vcvalues.core.suppress)."""
    from vcvalues.core.suppress import scan_suppressions as scan

    return scan(text)


def _syntax(file: str, span: Span, message: str, *, hint: str | None = None) -> Diagnostic:
    return Diagnostic("syntax", Severity.ERROR, message, file, span.line, span.column, hint)


__all__ = [
    "MAX_INPUT_BYTES",
    "Document",
    "DocumentsResult",
    "LoadResult",
    "SourceMap",
    "Span",
    "decode_source",
    "from_surrogates",
    "load_path",
    "load_yaml",
    "load_yaml_documents",
    "read_source",
    "read_stream",
    "scan_suppressions",
]


def iter_paths(data: Any, prefix: KeyPath = ()) -> Iterator[KeyPath]:
    """Every key path in plain data, parents before children."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_paths(value, (*prefix, index))
