"""Did-you-mean: the closest known key (both dialects' unknown-key checks)."""

from __future__ import annotations

from typing import Any


def suggest(key: str, known: Any) -> str | None:
    """The closest known key, matched case-insensitively; None when nothing is close."""
    lowered: dict[str, str] = {str(k).lower(): str(k) for k in known}
    if key.lower() in lowered:
        return lowered[key.lower()]
    import difflib  # only to suggest a name: off the cold path

    matches = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[matches[0]] if matches else None
