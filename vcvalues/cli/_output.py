"""stdout that may fail: closed, a broken pipe, a full disk. ``main`` turns that into exit 2 (issue 15)."""

from __future__ import annotations

import contextlib
import io
import os
from typing import Any, TextIO


class OutputError(Exception):
    """Writing a result failed: stdout closed, a broken pipe, a full disk."""


class Guarded(io.TextIOBase):
    """A stream whose write failures become :class:`OutputError` (the run ends with exit 2)."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self._stream = stream
        self._name = name

    def _fail(self, exc: BaseException | None) -> OutputError:
        if exc is None:
            return OutputError(f"{self._name} is closed")
        if isinstance(exc, BrokenPipeError):
            return OutputError(f"{self._name} was closed before everything was written (broken pipe)")
        if isinstance(exc, UnicodeEncodeError):
            return OutputError(f"{self._name} cannot encode {exc.object[exc.start : exc.end]!r}")
        return OutputError(f"cannot write to {self._name}: {getattr(exc, 'strerror', None) or exc}")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        """The wrapped stream's answer (TextIOBase's own is always False: lint's "N files OK" asks)."""
        if self._stream is None:
            return False
        try:
            return bool(self._stream.isatty())
        except (OSError, ValueError):  # closed
            return False

    def write(self, text: str) -> int:
        if self._stream is None:
            raise self._fail(None)
        try:
            return self._stream.write(text)
        except (OSError, ValueError) as exc:  # ValueError: I/O operation on closed file
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            raise self._fail(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def quiet_stdout() -> None:
    """After a broken pipe, point fd 1 at /dev/null so the interpreter's exit flush stays silent."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def report(err: TextIO, text: str) -> None:
    """A message on stderr, which may itself be closed: then there is no one left to tell."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        err.write(text)
        err.flush()
