"""Regular expressions compiled on first use, for the ones a typical lint never needs.

Compiling a pattern runs ``re``'s parser and compiler in Python: 0.05-0.5 ms each, paid at import by
every cold process. The patterns that only serve rare input (suppression comments, timestamps, binary
tags, a quantity's error wording) are created with :func:`lazy_compile` instead of ``re.compile``;
the first attribute used (``match``, ``search``, ``pattern``, ...) compiles the pattern once.
"""

from __future__ import annotations

import re

__all__ = ["lazy_compile"]


class _LazyPattern:
    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    pattern: re.Pattern[str] = _LazyPattern(source, flags)  # type: ignore[assignment]  # the same methods
    return pattern
