"""Go text/template and sprig semantics the legacy chart templates rely on, for plain values (truth,
printing and ``range`` are shared with the 0.20+ render: :mod:`vcvalues.core.gotmpl`).

References (read, not copied): golang/go ``src/text/template/exec.go`` (``isTrue``, field access on a
map, "nil pointer evaluating interface {}.x", ``and``/``or`` short-circuit since Go 1.18), helm/helm
``pkg/engine/engine.go`` (``missingkey=zero`` and the ``"<no value>"`` -> ``""`` replacement of the whole
output), Masterminds/sprig ``defaults.go`` (``default``, ``empty``), helm ``pkg/engine/funcs.go``
(``toYaml`` = sigs.k8s.io/yaml ``Marshal`` = encoding/json then YAML, trailing newline trimmed, ``""`` on
error).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from vcvalues.core.gofmt import GoInt64, go_type
from vcvalues.core.gotmpl import NO_VALUE, printed, range_items, truthy
from vcvalues.legacy.render._scalar import RenderError, json_number

__all__ = ["NO_VALUE", "field", "go_type", "printed", "range_items", "to_yaml_value", "truthy"]


def field(values: Mapping[str, Any], path: tuple[str, ...], *, template: str) -> Any:
    """``.Values.a.b.c``: a missing key gives nil; a field of nil or of a non-map fails as Helm fails.

    Args:
        values: the ``.Values`` map.
        path: the field names after ``.Values``.
        template: the template file, for the error message.

    Returns:
        The value (None for nil or missing).

    Raises:
        RenderError: an intermediate value is nil or not a map.
    """
    current: Any = values
    for depth, name in enumerate(path):
        if isinstance(current, Mapping):
            current = current.get(name)
            continue
        expression = ".Values." + ".".join(path[: depth + 1])
        if current is None:
            reason = f"nil pointer evaluating interface {{}}.{name}"
        else:
            reason = f"can't evaluate field {name} in type {go_type(current)}"
        raise RenderError(f"{template}: executing at <{expression}>: {reason}")
    return current


class _NotJSON(Exception):
    pass


def _json_roundtrip(value: object) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value.replace(NO_VALUE, "") if isinstance(value, str) else value
    if isinstance(value, GoInt64):
        return int(value)
    if isinstance(value, (int, float)):
        try:
            number = float(value)  # a number from a values file is a float64
        except OverflowError:
            raise _NotJSON from None
        if not math.isfinite(number):
            raise _NotJSON
        return json_number(number)
    if isinstance(value, Mapping):
        return {str(k).replace(NO_VALUE, ""): _json_roundtrip(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_json_roundtrip(item) for item in value]
    return str(value)


def to_yaml_value(value: object) -> Any:
    """What a manifest holds where a template writes ``{{ toYaml value }}`` as a block.

    encoding/json sorts map keys and writes integral floats below 1e21 as integers, which YAML then
    reads as ints; NaN or Inf makes ``toYaml`` print nothing, so the key reads as null.
    """
    try:
        return _json_roundtrip(value)
    except _NotJSON:
        return None
