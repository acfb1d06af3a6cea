"""What Kubernetes reads from text a template writes unquoted: go-yaml v2 resolution, then JSON.

A chart line such as ``cidr: {{ .Values...cidr }}`` writes Go's ``%v`` text of a value as a *plain* YAML
scalar. Helm (and kubectl) read the manifest with sigs.k8s.io/yaml: go-yaml v2 resolves the scalar with
YAML 1.1 rules, then the result goes through JSON, where map keys become strings. References (read,
not copied): go-yaml v2.4.0 ``resolve.go`` (``resolve``: the map of bool/null/inf/nan words, ints with
``strconv.ParseInt(plain, 0, 64)`` after removing ``_``, floats only matching ``yamlStyleFloat``) and
``decode.go`` (a timestamp decoded into ``interface{}`` stays a string); kubernetes-sigs/yaml ``yaml.go``
(``convertToJSONableObject``: int keys ``strconv.Itoa``, float keys ``FormatFloat(f, 'g', -1, 32)``, bools
``"true"``/``"false"``, null keys unsupported).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from vcvalues.core.yaml11 import key_to_string, resolve_plain
from vcvalues.errors import RenderError

__all__ = ["RenderError", "json_number", "plain_key", "plain_value", "resolve_plain"]

# A plain scalar written after "key: " or "- " is read back as written only without these.
_STRUCTURE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\t]|: |:$| #")
_BAD_FIRST = frozenset("[]{},#&*!|>'\"%@`")
_INDICATOR_FIRST = frozenset("-?:")
_JSON_PLAIN_LIMIT = 1e21  # encoding/json writes floats with %e from 1e21 on; go-yaml reads those as floats


def json_number(value: float) -> int | float:
    """A float as it comes back after encoding/json and a YAML/JSON reader: integral below 1e21 -> int.

    encoding/json writes the shortest digits that round-trip, padded with zeros (``'f', -1``), so
    6.622117586429542e+16 comes back as the integer 66221175864295420, not 66221175864295424.
    """
    if value.is_integer() and abs(value) < _JSON_PLAIN_LIMIT:
        return int(Decimal(repr(value)))
    return value


def _check_plain(text: str, where: str) -> str:
    """The scalar text YAML reads after ``key: `` / ``- ``; RenderError if it would change the structure."""
    stripped = text.strip(" ")
    if (
        _STRUCTURE.search(stripped)
        or (stripped and stripped[0] in _BAD_FIRST)
        or (stripped[:1] in _INDICATOR_FIRST and stripped[1:2] in ("", " "))
    ):
        raise RenderError(
            f"{where}: the chart writes {text!r} unquoted, so the manifest would not read back as that text"
        )
    return stripped


def plain_value(text: str, *, where: str) -> object:
    """The JSON value Kubernetes receives for ``key: <text>`` written by a template.

    Args:
        text: the text the template printed.
        where: template and expression, for the error message.

    Returns:
        None, bool, int, float or str.

    Raises:
        RenderError: the text would change the YAML structure, or is a number JSON cannot carry.
    """
    value = resolve_plain(_check_plain(text, where))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RenderError(
                f"{where}: {text!r} reads as {value}, which JSON (and so Kubernetes) cannot carry"
            )
        return json_number(value)
    return value


def plain_key(text: str, *, where: str) -> str:
    """The JSON key Kubernetes receives for ``<text>: ...`` written by a template.

    Args:
        text: the text the template printed as a key.
        where: template and expression, for the error message.

    Returns:
        The key string (``yes`` reads as ``"true"``, ``0x10`` as ``"16"``).

    Raises:
        RenderError: the key would change the YAML structure or read as null.
    """
    value = resolve_plain(_check_plain(text, where))
    if value is None:
        raise RenderError(f"{where}: the chart writes the key {text!r} unquoted and YAML reads it as null")
    key = key_to_string(value)  # sigs.k8s.io/yaml's key conversion, shared with the reader
    assert key is not None
    return key
