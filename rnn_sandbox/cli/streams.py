"""The streams the commands print to, which never raise.

A result is worth more than the text about it: when standard output is a pipe that closed
(``rnn-sandbox train … | head -1``), a full disk (``> /dev/full``) or closed (``>&-``), the
command still trains and saves, and :func:`~rnn_sandbox.cli.dispatch.main` says at the end
that the output was lost.  :class:`Output` remembers the first failure and drops what
follows; a text the terminal cannot encode is written with escapes instead.
"""

from __future__ import annotations

import errno
import os
from typing import TextIO

from rnn_sandbox.translation import tr


class Output:
    """Writes to ``stream`` (``None``: a stream that was closed when the program started)
    without ever raising; ``failure`` says why output was lost, if it was."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self.stream, self.name = stream, name
        self.failure: str | None = None if stream is not None else tr("it is closed")
        self.broken_pipe = False

    def write(self, text: str) -> int:
        if self.failure is None and self.stream is not None:
            try:
                try:
                    self.stream.write(text)
                except UnicodeEncodeError:  # a terminal in a narrow encoding
                    encoding = getattr(self.stream, "encoding", None) or "ascii"
                    self.stream.write(text.encode(encoding, "backslashreplace")
                                      .decode(encoding, "replace"))
            except (OSError, ValueError) as e:  # ValueError: closed, or an encoding error
                self._failed(e)
        return len(text)

    def flush(self) -> None:
        if self.failure is None and self.stream is not None:
            try:
                self.stream.flush()
            except (OSError, ValueError) as e:
                self._failed(e)

    def isatty(self) -> bool:
        try:
            return self.failure is None and self.stream is not None and self.stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> object:
        """Anything else (``fileno``, ``encoding``, ``buffer``) is the stream's own."""
        stream = self.__dict__.get("stream")
        if stream is None:
            raise AttributeError(name)
        return getattr(stream, name)

    def _failed(self, e: Exception) -> None:
        self.broken_pipe = isinstance(e, BrokenPipeError) or (
            isinstance(e, OSError) and e.errno == errno.EPIPE)
        self.failure = (e.strerror if isinstance(e, OSError) and e.strerror else str(e)) or (
            type(e).__name__)
        self._silence()

    def _silence(self) -> None:
        """Point the stream's file descriptor at the null device, so that what is still
        buffered does not fail again when the interpreter exits ("Exception ignored")."""
        try:
            fd = self.stream.fileno() if self.stream is not None else -1
        except (OSError, ValueError, AttributeError):
            return
        if fd < 0:
            return
        try:
            null = os.open(os.devnull, os.O_WRONLY)
        except OSError:
            return
        try:
            os.dup2(null, fd)
        except OSError:
            pass
        finally:
            os.close(null)


def fill_closed_descriptors() -> None:
    """Open the null device on standard input, output or error where one was closed
    (``>&-``), so that no file the program opens takes its number and receives what was
    meant for the terminal (its own or a worker process's)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
