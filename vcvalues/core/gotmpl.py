"""The Go text/template semantics both chart dialects' templates use: truth, printing, ``range``.

References (read, not copied): golang/go ``src/text/template/exec.go`` (``isTrue``, ``range``), helm/helm
``pkg/engine/engine.go`` (``missingkey=zero`` and the ``"<no value>"`` -> ``""`` replacement of the whole
output), Masterminds/sprig ``defaults.go`` (``empty``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from vcvalues.core.gofmt import format_value
from vcvalues.errors import RenderError

__all__ = ["NO_VALUE", "printed", "range_items", "truthy"]

NO_VALUE = "<no value>"


def truthy(value: object) -> bool:
    """Go template truth (``if``, ``and``, ``or``, ``not``) and, negated, sprig ``empty``.

    False: nil, false, 0, 0.0, and an empty string, list or map. True: everything else, including the
    *string* ``"false"`` and NaN.
    """
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, (str, list, tuple, Mapping)):
        return len(value) > 0
    return True


def printed(value: object) -> str:
    """What ``{{ value }}`` puts in the output: Go ``%v``; nil prints ``<no value>``, which Helm blanks."""
    if value is None:
        return ""
    return format_value(value).replace(NO_VALUE, "")


def range_items(value: object, *, template: str, expression: str) -> Iterator[tuple[str, Any]]:
    """``range $k, $v := value``: maps in sorted key order, lists with their index, nil not at all.

    Raises:
        RenderError: the value cannot be ranged over (a string, number or bool).
    """
    if value is None:
        return
    if isinstance(value, Mapping):
        for key in sorted(value, key=str):
            yield str(key), value[key]
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield str(index), item
    else:
        raise RenderError(
            f"{template}: executing at <{expression}>: range can't iterate over {printed(value)}"
        )
