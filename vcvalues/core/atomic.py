"""The one way vcvalues writes a user's file: atomically, keeping its mode, and only when it changes.

A temporary file in the same folder, flushed to disk, then ``os.replace``: readers see the old or the
new content, never half a file. An existing file keeps its permission bits; a new one gets the umask's.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from vcvalues.errors import InputError, VcValuesError

_DEFAULT_MODE = 0o666


class ChangedOnDiskError(VcValuesError):
    """The file's bytes are no longer the ones the change was computed from."""

    exit_code = 1

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: not written: the file changed on disk since it was read; run again")
        self.path = path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, content: str | bytes, *, expected: bytes | None = None) -> bool:
    """Replace ``path`` with ``content`` (str is written as UTF-8).

    Args:
        path: the file to write.
        content: the new content.
        expected: when given, the bytes the file must still hold (else ChangedOnDiskError, nothing written).

    Returns:
        True when the file was written; False when it already held ``content`` (it is not touched).

    Raises:
        InputError: ``path`` is a directory, its folder is missing, or it cannot be written.
        ChangedOnDiskError: the file no longer holds ``expected``.
    """
    target = Path(path)
    name = str(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        current: bytes | None = target.read_bytes()
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        current, mode = None, _DEFAULT_MODE & ~_umask()
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
    if expected is not None and current != expected:
        raise ChangedOnDiskError(name)
    if current == data:
        return False
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(name, "its folder does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(name, f"cannot write beside it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise InputError(name, f"cannot be written: {exc.strerror or exc}") from None
    return True
