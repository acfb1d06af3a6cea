"""The one way vcvalues writes a user's file: atomically, keeping what the file is, only when it changes.

The contract (issue 15), for ``-o`` and ``lint --fix`` alike:

- Only a regular file (or a new one) is written. A device, FIFO, socket or folder is refused before
  anything is read from it (``-o /dev/zero`` used to read until memory ran out).
- A symlink is written *through*: its target is replaced, the link stays a link. A dangling link is
  refused.
- A temporary file in the target's folder, flushed to disk, then renamed over it: readers see the old
  or the new content, never half a file. It gets the old file's mode, owner and group and extended
  attributes (ACLs live there too); when one of them cannot be kept, nothing is written.
- Refused: a file with several hard links (a rename would split them), a file the user may not write
  (``0444``: the rename would overwrite it anyway), a file whose bytes are not ``expected``.
- A file changed by someone else between the check and the rename is not lost: on Linux the new file
  is swapped in with ``renameat2(RENAME_EXCHANGE)``, the old one is read once more, and if it is not
  the ``expected`` bytes the swap is undone (:class:`ChangedOnDiskError`). Elsewhere the check
  happens just before ``os.replace``.
- SIGINT and SIGTERM during the write remove the temporary file, then take effect. Only SIGKILL or a
  power loss leave a ``.NAME.*.tmp`` beside the file (never a damaged file).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from vcvalues.errors import InputError, VcValuesError

_DEFAULT_MODE = 0o666
_MAX_READ = 64 * 1024 * 1024  # a regular file we replace is read to compare; a larger one is refused


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


def resolve_target(path: str | Path) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` replaces (through symlinks) and its stat; None when it is new.

    Raises:
        InputError: not a regular file, a dangling symlink, or a folder that does not exist.
    """
    name = str(path)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(name, "is a symlink to a file that does not exist; not written") from None
        info = None
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a directory, not a file")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise InputError(name, "is not a regular file (a device, FIFO or socket); not written")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(name, "its folder does not exist")
    return target, info


def write_atomic(path: str | Path, content: str | bytes, *, expected: bytes | None = None) -> bool:
    """Replace ``path`` with ``content`` (str is written as UTF-8), as the module docstring promises.

    Args:
        path: the file to write (a symlink is written through).
        content: the new content.
        expected: when given, the bytes the file must still hold (else ChangedOnDiskError, nothing written).

    Returns:
        True when the file was written; False when it already held ``content`` (it is not touched).

    Raises:
        InputError: the target cannot be written under the contract (the message says why).
        ChangedOnDiskError: the file no longer holds ``expected``.
    """
    name = str(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    target, info = resolve_target(path)
    current = _read(target, name) if info is not None else None
    if expected is not None and current != expected:
        raise ChangedOnDiskError(name)
    if current == data:
        return False
    if info is not None:
        _check_replaceable(target, info, name)
    mode = stat.S_IMODE(info.st_mode) if info is not None else _DEFAULT_MODE & ~_umask()
    with _signals_cleanup() as temps:
        temp_name = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
        temps.append(temp_name)  # listed before it exists: a signal right after creating it removes it
        try:
            handle = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise InputError(name, f"cannot write beside it: {exc.strerror or exc}") from None
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                if info is not None:
                    _keep_identity(stream.fileno(), target, info, name)
                os.fchmod(stream.fileno(), mode)
                os.fsync(stream.fileno())
            _swap_in(temp_name, target, current if info is not None else None, name)
        except OSError as exc:
            raise InputError(name, f"cannot be written: {exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    return True


def _read(target: Path, name: str) -> bytes:
    try:
        with open(target, "rb") as handle:
            data = handle.read(_MAX_READ + 1)
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
    if len(data) > _MAX_READ:
        raise InputError(name, f"is larger than {_MAX_READ // (1024 * 1024)} MiB; not replaced")
    return data


def _check_replaceable(target: Path, info: os.stat_result, name: str) -> None:
    if info.st_nlink > 1:
        raise InputError(
            name, f"has {info.st_nlink} hard links; replacing it would split them, so it is not written"
        )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):  # root may write 0444: we do not
        raise InputError(name, "is read-only; not written (make it writable first)")


def _keep_identity(fd: int, target: Path, info: os.stat_result, name: str) -> None:
    """Owner, group and extended attributes of the old file onto the new one (else refuse)."""
    if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except OSError:
            raise InputError(
                name, "belongs to another user or group that the new file could not keep; not written"
            ) from None
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(target)
    except OSError:
        return  # the file system has no extended attributes
    for attribute in names:
        try:
            os.setxattr(fd, attribute, os.getxattr(target, attribute))
        except OSError:
            raise InputError(
                name, f"its extended attribute {attribute} could not be kept; not written"
            ) from None


def _swap_in(temp_name: str, target: Path, expected: bytes | None, name: str) -> None:
    """Put the temporary file at ``target``; with ``expected``, never over a file changed meanwhile."""
    if expected is None:
        os.replace(temp_name, target)  # a new file: nothing to lose
        return
    if _exchange(temp_name, target):
        # The old file is now at temp_name: if it is not what we computed from, swap it back.
        if _read(Path(temp_name), name) != expected:
            _exchange(temp_name, target)
            raise ChangedOnDiskError(name)
        return
    if _read(target, name) != expected:
        raise ChangedOnDiskError(name)
    os.replace(temp_name, target)


def _exchange(a: str, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two names atomically. False when unavailable."""
    libc = _libc()
    if libc is None:
        return False
    import ctypes

    at_fdcwd, rename_exchange = -100, 2
    result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(str(b)), rename_exchange)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL (file system), ENOSYS, EOPNOTSUPP: fall back to replace
        return False
    raise OSError(error, os.strerror(error))


_LIBC: list[Any] = []


def _libc() -> Any:
    """glibc when it has renameat2 (2.28+), else None."""
    if not _LIBC:
        found = None
        if hasattr(os, "sched_getaffinity"):  # Linux
            import ctypes

            with contextlib.suppress(OSError, AttributeError):
                candidate = ctypes.CDLL(None, use_errno=True)
                if hasattr(candidate, "renameat2"):
                    found = candidate
        _LIBC.append(found)
    return _LIBC[0]


class _Terminated(BaseException):
    """SIGTERM arrived while a temporary file existed."""


@contextlib.contextmanager
def _signals_cleanup() -> Iterator[list[str]]:
    """Temporary files listed in the yielded list are removed when SIGTERM or SIGINT stops the write;
    the signal then takes effect as usual."""
    temps: list[str] = []
    if threading.current_thread() is not threading.main_thread():
        yield temps
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate) or signal.SIG_DFL
    try:
        yield temps
    except _Terminated:
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        signal.signal(signal.SIGTERM, previous)
        os.kill(os.getpid(), signal.SIGTERM)
        raise
    except BaseException:  # KeyboardInterrupt (SIGINT) among others
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
