"""Read an input file's bytes, refusing what is not a regular file or is too large (no YAML imported here,
so commands that read files without parsing them as values, as check-pods, do not load the parser)."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from vcvalues.core.encoding import MAX_INPUT_BYTES
from vcvalues.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["read_source"]


def read_source(path: str | Path) -> bytes:
    """Read a file's bytes, refusing directories, missing files and oversized input (InputError)."""
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO nobody writes to returns at once (a plain open blocks forever).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                raise InputError(name, "is not a regular file (a pipe, device or socket); use a file or '-'")
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    return data
