"""GUI tests start from a clean slate: the windows of earlier tests are gone.

pytest-qt closes a test's widgets and schedules their deletion; here, before the next test,
that deletion happens and the garbage they leave (pyqtgraph's plot items and their menus,
held in reference cycles) is collected, at a point where no widget is in the middle of an
event.  Otherwise hundreds of dead windows' menus pile up as top-level widgets.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from rnn_sandbox.ui import app as app_module
from rnn_sandbox.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _clean_slate(qapp):
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    yield


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
