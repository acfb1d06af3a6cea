"""Writing converted values to a file atomically: a temp file beside it, then os.replace."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from vcvalues.errors import InputError

_DEFAULT_MODE = 0o666


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step; an existing file keeps its mode.

    Readers see either the old or the new content, never a partial file.

    Raises:
        InputError: the directory does not exist or cannot be written, or ``path`` is a directory.
    """
    target = Path(path)
    name = str(path)
    if target.is_dir():
        raise InputError(name, "is a directory; give a file name for -o")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _DEFAULT_MODE & ~_current_umask()
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(name, f"cannot write beside it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise InputError(name, f"cannot be written: {exc.strerror or exc}") from None
