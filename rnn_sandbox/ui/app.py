"""Start the desktop application."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from rnn_sandbox.tasks.base import resource_path
from rnn_sandbox.ui import collector, errors, fit, i18n
from rnn_sandbox.ui.main_window import APP_NAME, MainWindow


def language_option(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--language CODE`` (or ``--language=CODE``) taken out of ``args``: the code and
    the other arguments."""
    rest: list[str] = []
    code: str | None = None
    items = iter(args)
    for a in items:
        if a == "--language":
            code = next(items, None)
        elif a.startswith("--language="):
            code = a.partition("=")[2]
        else:
            rest.append(a)
    return code, rest


def main(argv: Sequence[str] | None = None) -> int:
    """Create the application and the main window, run the event loop, return its code.

    ``--language CODE`` chooses the window's language for this start (else the one chosen
    in View → Language, else the system's when shipped, else English).
    A path given on the command line is opened as an experiment file.  Unexpected errors
    from here on are shown in a dialog and logged (see :mod:`rnn_sandbox.ui.errors`); the
    program keeps running.
    """
    language, args = language_option(list(sys.argv if argv is None else [sys.argv[0], *argv]))
    app = cast(QApplication, QApplication.instance() or QApplication(args))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    i18n.install(i18n.chosen(QSettings(APP_NAME, APP_NAME), language), app)
    icon = resource_path("icons", "rnn-sandbox.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    reporter = errors.install()
    collector.acquire()  # cycles are collected in the GUI thread only, for good
    try:
        window = MainWindow()
        window.show()
        fit.fit_to_screen(window)
        files = [a for a in args[1:] if not a.startswith("-")]
        if files:
            window.controller.document.open_path(files[0])
        return app.exec()
    finally:
        # Closing the last window posts a Quit event.  If the loop ended before it was
        # delivered, it would arrive later and end every event loop of this process at once.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        collector.release()
        if errors.current() is reporter:
            errors.uninstall()


if __name__ == "__main__":
    raise SystemExit(main())
