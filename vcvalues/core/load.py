"""YAML text -> (plain data, SourceMap) exactly as Helm reads values; the only module that parses YAML.

The C parser of ruamel.yaml is driven at the *event* level and the data is built here in one pass:
libyaml's event parser is iterative, while its recursive composer crashes the interpreter on deeply
nested input (measured: segfault at 100k levels). Building from events also lets us resolve scalars
as go-yaml v2 does (YAML 1.1), keep every position, see duplicate keys and bound alias expansion.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vcvalues.core._yaml_events import Builder
from vcvalues.core.diagnostics import Diagnostic, KeyPath, Severity
from vcvalues.core.source import ORIGIN, Document, SourceMap, Span
from vcvalues.errors import InputError

MAX_INPUT_BYTES = 16 * 1024 * 1024


@dataclass(slots=True)
class LoadResult:
    """A values file: ``data`` is a dict (``{}`` for an empty file), or None when it cannot be read."""

    data: dict[str, Any] | None
    source_map: SourceMap
    diagnostics: list[Diagnostic]
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)


@dataclass(slots=True)
class DocumentsResult:
    """A multi-document file (manifests)."""

    documents: list[Document]
    diagnostics: list[Diagnostic]
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)


def read_source(path: str | Path) -> bytes:
    """Read a file's bytes, refusing directories, missing files and oversized input (InputError)."""
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO nobody writes to returns at once (a plain open blocks forever).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                raise InputError(name, "is not a regular file (a pipe, device or socket); use a file or '-'")
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    return data


def decode_source(data: bytes, *, file: str) -> tuple[str | None, Diagnostic | None]:
    """Bytes -> text as go-yaml accepts it: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if len(data) > MAX_INPUT_BYTES:
        return None, _syntax(
            file,
            ORIGIN,
            f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB; refused",
            hint="values files are small; Helm stores them in a release Secret limited to 1 MiB",
        )
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, _syntax(
            file,
            Span(line, column),
            f"invalid {encoding.upper()} byte 0x{data[exc.start]:02x}",
            hint="save the file as UTF-8",
        )


def load_path(path: str | Path, *, display_name: str | None = None) -> LoadResult:
    """Read and load one values file. Raises InputError when the path cannot be read."""
    file = display_name or str(path)
    text, problem = decode_source(read_source(path), file=file)
    if text is None:
        assert problem is not None
        return LoadResult(None, SourceMap(file), [problem])
    return load_yaml(text, file=file)


def load_yaml(text: str, *, file: str) -> LoadResult:
    """A values file: Helm reads the first document, which must be a map (or empty)."""
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
    "Document",
    "DocumentsResult",
    "LoadResult",
    "SourceMap",
    "Span",
    "decode_source",
    "load_path",
    "load_yaml",
    "load_yaml_documents",
    "read_source",
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
