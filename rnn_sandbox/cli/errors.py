"""What every command shares: its exit codes and the one error a person at the terminal
is shown."""

from __future__ import annotations

from rnn_sandbox.translation import tr

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but the result is bad (diverged, gradient check failed)
EXIT_USAGE = 2  # bad settings or an unreadable file
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells count it (128 + SIGINT)
EXIT_BROKEN_PIPE = 141  # the reader of the output left (128 + SIGPIPE); results were saved


class CliError(Exception):
    """A one-line message for the person at the terminal; exit code 2."""


def error_line(message: str) -> str:
    """``error: MESSAGE`` and a line break, as every error is printed (standard error)."""
    return tr("error: {message}").format(message=message) + "\n"
