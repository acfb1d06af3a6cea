"""The only YAML writer of vcvalues: block style, 2-space indent, key order as given, Helm-safe scalars.

Helm reads YAML with go-yaml v2 (YAML 1.1), so a string such as ``yes``, ``on``, ``0x1F`` or ``1_000``
must be quoted even though a YAML 1.2 writer would leave it plain; floats always carry a ``.`` before
an exponent (``1.0e+21``) so YAML 1.1 readers see a float too. Nothing is ever written as an alias.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import SafeRepresenter

from vcvalues.gofmt import GoInt64
from vcvalues.render._scalar import resolve_plain

__all__ = ["dump_documents", "dump_yaml", "needs_quotes"]

_WIDTH = 4096  # never fold long strings across lines
# Readers of YAML 1.1 other than go-yaml (PyYAML) also take base-60 numbers and "=" as non-strings.
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_SPECIAL = frozenset(("<<", "="))
# Outside YAML's printable set, or a line break other than \n (which ruamel folds away in plain, single-quoted
# and block scalars): only a double-quoted scalar with escapes keeps these.
_ESCAPE_ONLY = re.compile(
    "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def needs_quotes(text: str) -> bool:
    """A YAML 1.1 reader would not read ``text`` written plain as this string."""
    return resolve_plain(text) is not text or text in _SPECIAL or _SEXAGESIMAL.fullmatch(text) is not None


class _Representer(SafeRepresenter):
    """Insertion order, no aliases, YAML 1.1-safe strings and floats, GoInt64 as an int."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sort_base_mapping_type_on_output = False

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_str(self, data: Any) -> Any:
        text = str(data)
        style: str | None = None
        if _ESCAPE_ONLY.search(text):
            style = '"'
        elif needs_quotes(text):
            style = "'"
        elif "\n" in text:
            style = "|"  # the emitter falls back to double quotes where a block scalar cannot hold it
        return self.represent_scalar("tag:yaml.org,2002:str", text, style=style)

    def represent_float(self, data: Any) -> ScalarNode:
        if math.isnan(data):
            text = ".nan"
        elif math.isinf(data):
            text = ".inf" if data > 0 else "-.inf"
        else:
            text = repr(float(data)).lower()
            if "e" in text and "." not in text:
                text = text.replace("e", ".0e", 1)
        return self.represent_scalar("tag:yaml.org,2002:float", text)

    def represent_go_int(self, data: Any) -> ScalarNode:
        return self.represent_scalar("tag:yaml.org,2002:int", str(int(data)))


_Representer.add_representer(str, _Representer.represent_str)
_Representer.add_representer(float, _Representer.represent_float)
_Representer.add_representer(GoInt64, _Representer.represent_go_int)


def _writer() -> YAML:
    # libyaml's emitter (ruamel.yaml.clib) when installed: ~10x faster than the pure one, same output
    yaml = YAML(typ="safe")
    yaml.Representer = _Representer
    yaml.default_flow_style = False
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.width = _WIDTH
    yaml.allow_unicode = True
    return yaml


def _dump(writer: YAML, data: Any) -> str:
    stream = io.StringIO()
    writer.dump(data, stream)
    return stream.getvalue()


def dump_yaml(data: Any) -> str:
    """One YAML document (no ``---``), ending in a newline."""
    return _dump(_writer(), data)


def dump_documents(documents: Iterable[tuple[Iterable[str], Any]]) -> str:
    """A stream of documents, each ``---``, then its ``# comment`` lines, then the data."""
    writer = _writer()
    parts: list[str] = []
    for comments, data in documents:
        parts.append("---\n")
        parts.extend(f"# {line}\n" for line in comments)
        parts.append(_dump(writer, data))
    return "".join(parts)
