"""Reading a values file from disk or stdin, with the project's input errors."""

from __future__ import annotations

import sys
from pathlib import Path

from vcvalues.errors import InputError

STDIN = "-"


def read_text(path: str | Path) -> str:
    """The text of ``path`` (``-`` reads stdin); InputError when it cannot be read as UTF-8 text."""
    name = str(path)
    if name == STDIN:
        return sys.stdin.read()
    target = Path(name)
    if target.is_dir():
        raise InputError(name, "is a directory, not a values file")
    try:
        return target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
