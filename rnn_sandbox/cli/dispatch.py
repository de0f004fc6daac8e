"""``main``: the app without arguments (or with one experiment file), else the command
the arguments name, its exit code, and a mistake of the person at the terminal as one
line and exit code 2 instead of a traceback."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO, cast

from rnn_sandbox import language
from rnn_sandbox.cli.commands import (
    cmd_animate,
    cmd_export,
    cmd_gradcheck,
    cmd_info,
    cmd_predict,
    cmd_resume,
    cmd_tasks,
    cmd_train,
)
from rnn_sandbox.cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    error_line,
)
from rnn_sandbox.cli.options import argparse_words, build_parser, language_given
from rnn_sandbox.cli.runs import cmd_compare, cmd_train_seeds
from rnn_sandbox.cli.streams import Output, fill_closed_descriptors
from rnn_sandbox.cli.units import cmd_units
from rnn_sandbox.translation import tr, ts_path
from rnn_sandbox.wording import printable

Command = Callable[[argparse.Namespace, TextIO], int]


def _train(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "seeds", None) is not None:
        return cmd_train_seeds(args, out)
    return cmd_train(args, out)


COMMANDS: dict[str, Command] = {
    "tasks": cmd_tasks,
    "train": _train,
    "gradcheck": cmd_gradcheck,
    "resume": cmd_resume,
    "export": cmd_export,
    "predict": cmd_predict,
    "info": cmd_info,
    "animate": cmd_animate,
    "compare": cmd_compare,
    "units": cmd_units,
}


def start_gui(files: Sequence[str] = (), language: str | None = None) -> int:
    """Import the app only now, so the command line works without Qt installed.

    ``files``: an experiment file to open in the app; ``language``: the window's."""
    try:
        from rnn_sandbox.ui import app
    except ImportError as e:
        sys.stderr.write(error_line(tr(
            "the graphical app cannot start ({reason}). Install the project with its "
            "dependencies (PySide6, pyqtgraph), or use a command: rnn-sandbox --help"
        ).format(reason=e)))
        return EXIT_FAILED
    result = app.main([*(["--language", language] if language else []), *files])
    return int(result) if isinstance(result, int) else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``rnn-sandbox`` and ``python -m rnn_sandbox``; returns the exit code.

    The command prints through :class:`~rnn_sandbox.cli.streams.Output`, so a closed pipe,
    a full disk or a closed standard output never stops it before it has saved what it
    made; the lost output is reported at the end (exit code 1, or 141 for a pipe whose
    reader left, as a shell reports a program ended by SIGPIPE, without a message)."""
    fill_closed_descriptors()
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) == 1 and argv[0].lower().endswith(".rnnx"):
        return start_gui(argv)  # `rnn-sandbox run.rnnx` opens the file in the app
    before = language.current()
    language.use(speaking(language_given(argv)))  # the messages, lessons and task texts
    try:
        return _main(argv)
    finally:  # main called again in one process (tests) starts from the same language
        language.use(before)


def speaking(given: str | None) -> str:
    """The language of the messages: ``--language CODE`` when the program has it (English,
    or a translation in ``resources/i18n``), else the system's (:func:`language.from_system`),
    as the window falls through from a language it does not have.  ``de_DE`` or ``de-DE``
    is German when there is no translation for the region alone."""
    full = (given or "").strip().replace("-", "_")
    for code in dict.fromkeys([full, full.split("_")[0].lower()]):
        # a code as language.use takes it (never a path), with a translation
        if code == language.SOURCE or (re.fullmatch(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?", code)
                                       and ts_path(code).is_file()):
            return code
    return language.from_system()


def _main(argv: list[str]) -> int:
    out = Output(sys.stdout, tr("standard output"))
    err = Output(sys.stderr, tr("standard error"))
    streams = sys.stdout, sys.stderr
    # help, progress and messages too; the app itself gets the real streams back
    sys.stdout, sys.stderr = cast(TextIO, out), cast(TextIO, err)
    try:
        code = _run(argv, cast(TextIO, out))
    finally:
        sys.stdout, sys.stderr = streams
    if isinstance(code, StartApp):
        return start_gui(language=code.language)
    out.flush()
    if out.failure is None:
        return code
    if out.broken_pipe:  # `| head`: the reader has all it wanted
        return code if code != EXIT_OK else EXIT_BROKEN_PIPE
    err.write(error_line(tr("the output could not be printed: {stream}: {reason}").format(
        stream=out.name, reason=out.failure)))
    return code if code != EXIT_OK else EXIT_FAILED


@dataclass(frozen=True)
class StartApp:
    """No command: the app starts (with the window's ``language``, if one was given)."""

    language: str | None


def _run(argv: list[str], out: TextIO) -> int | StartApp:
    parser = build_parser()
    try:
        try:
            with argparse_words():
                args = parser.parse_args(argv)
        except SystemExit as e:  # --help and --version print and exit 0
            return int(e.code or 0)
        if args.command is None:
            return StartApp(args.language)
        return COMMANDS[args.command](args, out)
    except KeyboardInterrupt:
        sys.stderr.write("\n" + tr("interrupted") + "\n")
        return EXIT_INTERRUPTED
    except Exception as e:
        message = one_line_error(e)
        if message is None:
            raise
        sys.stderr.write(error_line(printable(message)))
        return EXIT_USAGE


def one_line_error(e: Exception) -> str | None:
    """The message for errors a person caused (settings, files); ``None`` for bugs."""
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.io import ExperimentFileError
    from rnn_sandbox.tasks import TaskError

    if isinstance(e, CliError | ConfigError | TaskError | ExperimentFileError):
        return str(e)
    if isinstance(e, NotImplementedError):
        return str(e) or tr("not available yet")
    if isinstance(e, OSError):
        return f"{getattr(e, 'filename', None) or ''}: {e.strerror or e}".lstrip(": ")
    return None
