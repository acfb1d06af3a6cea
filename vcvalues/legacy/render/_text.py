"""Template text as Helm's engine writes it, and the objects Kubernetes reads back from that text.

The isolation templates are rendered line by line as Go text/template executes them (comment lines and
the template's blank lines left out): ``{{ x }}`` is Go ``%v`` with nil as ``<no value>``, ``quote`` is
sprig's ``%q`` of ``strval`` (nil writes nothing), ``toYaml`` is sigs.k8s.io/yaml (encoding/json, then
go-yaml v2: keys in go-yaml's natural order, trailing newline trimmed, ``""`` when JSON fails) and
``indent``/``nindent`` are sprig's. Helm then replaces every ``<no value>`` of the output with ``""``
(helm pkg/engine/engine.go) and, for ``helm template``/``install``, reads each document with
sigs.k8s.io/yaml (pkg/release/util/manifest_sorter.go): a document that does not parse fails the release
(``YAML parse error on <template>``). The objects here are read from the text with the same YAML 1.1
rules (:func:`vcvalues.core.load.load_yaml`), so a ``namespace: #x`` is the comment Helm sees too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from vcvalues.core.coalesce import copy_values
from vcvalues.core.diagnostics import Severity
from vcvalues.core.gofmt import GoInt64, format_value, quote
from vcvalues.legacy.render._block_reader import read_block_yaml
from vcvalues.legacy.render._scalar import RenderError, json_number

__all__ = ["NO_VALUE", "indent", "nindent", "parse_document", "quoted", "shown", "to_yaml"]

NO_VALUE = "<no value>"


def shown(value: object) -> str:
    """``{{ value }}``: Go ``%v``; nil prints ``<no value>`` (blanked later, over the whole output)."""
    return NO_VALUE if value is None else format_value(value)


def quoted(value: object) -> str:
    """``{{ value | quote }}``: nothing for nil, else ``"..."`` of its ``strval``."""
    return "" if value is None else quote(value)


class _NotJSON(Exception):
    pass


def _json(value: object) -> Any:
    """``value`` after encoding/json and go-yaml v2 read it back (sigs.k8s.io/yaml JSONToYAML)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, GoInt64):
        return int(value)
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            raise _NotJSON from None
        if not math.isfinite(number):
            raise _NotJSON
        return json_number(number)
    if isinstance(value, Mapping):
        return {str(k): _json(value[k]) for k in value}
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    return str(value)


def to_yaml(value: object) -> str:
    """``toYaml value``: sigs.k8s.io/yaml Marshal, trailing newline trimmed; ``""`` when JSON fails."""
    from vcvalues.legacy.render._goyaml import emit

    try:
        data = _json(value)
    except _NotJSON:
        return ""
    return emit(data).removesuffix("\n")


def indent(text: str, spaces: int) -> str:
    """sprig ``indent``: every line of ``text`` (the first too) prefixed with ``spaces`` spaces."""
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)


def nindent(text: str, spaces: int) -> str:
    """sprig ``nindent``: a newline, then ``indent``."""
    return "\n" + indent(text, spaces)


def _check_finite(value: Any, where: str) -> Any:
    """JSON numbers as Kubernetes receives them; YAML's .inf/.nan cannot become JSON (Helm fails)."""
    if isinstance(value, dict):
        return {k: _check_finite(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_check_finite(v, where) for v in value]
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RenderError(
                f"YAML parse error on {where}: error converting YAML to JSON: json: unsupported value: "
                f"{format_value(value)}"
            )
        return json_number(value)
    return value


# Documents read by the fast reader, by text: compile's Helm-failure rules render the same values
# that render then prints, and linting many files renders the same control-plane policy for each.
_READ: dict[str, dict[str, Any]] = {}
_READ_SIZE = 64
_READ_MAX_TEXT = 16_384  # a larger document is rare enough to read again


def parse_document(text: str, *, where: str) -> dict[str, Any]:
    """The object Kubernetes (and Helm's manifest sorter) reads from one rendered document.

    Raises:
        RenderError: the text is not YAML Helm reads, or holds a number JSON cannot carry.
    """
    known = _READ.get(text)
    if known is not None:
        copied: dict[str, Any] = copy_values(known)  # a fresh copy: the caller owns its body
        return copied
    fast = read_block_yaml(text)  # the templates' usual text, read fast (numbers as JSON carries them)
    if fast is not None:
        if len(text) <= _READ_MAX_TEXT:
            if len(_READ) >= _READ_SIZE:
                _READ.clear()
            _READ[text] = copy_values(fast)
        return fast
    from vcvalues.core.load import load_yaml

    loaded = load_yaml(text, file=where)
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR and d.rule_id != "duplicate-key"]
    if errors or loaded.data is None:
        reason = errors[0].message if errors else "not a mapping"
        line = f" line {errors[0].line}" if errors else ""
        raise RenderError(f"YAML parse error on {where}:{line}: {reason}")
    body: dict[str, Any] = _check_finite(loaded.data, where)
    return body
