"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from rnn_sandbox.ui import app as app_module
from rnn_sandbox.ui import errors
from rnn_sandbox.ui.main_window import MainWindow


@pytest.fixture
def app_windows(monkeypatch) -> list[MainWindow]:
    """The main windows ``rnn_sandbox.ui.app.main`` makes, as they are made.

    (Looking for them among ``QApplication.topLevelWidgets()`` would also meet what is left
    of earlier tests' windows, which is not safe.)
    """
    made: list[MainWindow] = []

    class Recorded(MainWindow):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_module, "MainWindow", Recorded)
    return made


@pytest.fixture(autouse=True)
def application_left_usable(qapp):
    """Fail the test that leaves the shared application unusable for the next ones.

    Every GUI test runs in one ``QApplication``.  A test that leaves it unable to run an
    event loop (a stale Quit event, say) would make every later wait time out far from
    the cause, and one that leaves an error reporter installed would catch later tests'
    exceptions.
    """
    hooks = (sys.excepthook, threading.excepthook)
    yield
    left = errors.current()
    if left is not None:
        errors.uninstall()
    QCoreApplication.sendPostedEvents()  # delivers what the test left posted
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(7))
    code = loop.exec()
    if code != 7:  # mend it for the tests that follow: a new exec() clears the quit
        QTimer.singleShot(0, qapp.quit)
        qapp.exec()
    assert code == 7, (
        f"after this test an event loop ends at once (exit code {code}): the application "
        "was asked to quit and later tests could not wait for anything"
    )
    assert left is None, "this test left an error reporter installed"
    assert (sys.excepthook, threading.excepthook) == hooks, "this test left exception hooks"
