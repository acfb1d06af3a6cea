"""The command-line flags of the vcluster syncer, per chart release: for the ``extra-args-*`` rules.

The syncer parses its arguments with cobra/pflag: ``--name=value`` or ``--name value`` (two list items) for
a flag that takes a value; ``--name``, ``--name=true`` or ``--name=false`` for a boolean (``--name false``
is a boolean followed by a stray positional argument, which ``vcluster start`` rejects). An unknown flag
stops the syncer with ``unknown flag: --x``.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from types import MappingProxyType

from vcvalues.core._record import record
from vcvalues.legacy.catalog.defaults import check_supported
from vcvalues.legacy.chart import ChartRef


class FlagKind(enum.StrEnum):
    """The pflag value type of a flag."""

    BOOL = "bool"
    STRING = "string"
    INT = "int"
    INT64 = "int64"
    STRING_SLICE = "stringSlice"
    """Repeatable; each value is split on commas (CSV)."""
    STRING_ARRAY = "stringArray"
    """Repeatable; each value is taken whole."""


@record
class SyncerFlag:
    """One flag of the syncer.

    Attributes:
        name: the long form with dashes, e.g. ``--node-selector``.
        kind: its value type.
        replacement: for a deprecated flag, what to use instead; ``None`` otherwise.
    """

    name: str
    kind: FlagKind
    replacement: str | None = None

    @property
    def takes_value(self) -> bool:
        """Whether the flag needs a value (``--flag=v`` or ``--flag v``); booleans do not."""
        return self.kind is not FlagKind.BOOL

    @property
    def deprecated(self) -> bool:
        """Whether the syncer lists it among its deprecated flags."""
        return self.replacement is not None


def syncer_flags(ref: ChartRef) -> frozenset[str]:
    """The long flag names (``--name``) the syncer of chart ``ref``'s release accepts.

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    return frozenset(_specs(ref))


def syncer_flag_specs(ref: ChartRef) -> Mapping[str, SyncerFlag]:
    """Every flag of that syncer by long name (``--name``), in the order the syncer registers them.

    Raises:
        UnsupportedChartVersionError: the version is not a legacy release 0.15.0 - 0.19.10.
    """
    return _specs(ref)


@functools.cache
def _specs(ref: ChartRef) -> Mapping[str, SyncerFlag]:
    check_supported(ref)
    from vcvalues.legacy.catalog import _syncer_flags as data

    version = ref.version.triple
    specs: dict[str, SyncerFlag] = {}
    for name, kind, since in data.SYNCER_FLAGS:
        if since <= version:
            deprecated = data.DEPRECATED.get(name)
            replacement = deprecated[1] if deprecated is not None and deprecated[0] <= version else None
            specs[f"--{name}"] = SyncerFlag(f"--{name}", kind, replacement)
    return MappingProxyType(specs)
