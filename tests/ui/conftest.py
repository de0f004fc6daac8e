"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from rnn_sandbox.ui import app as app_module
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
