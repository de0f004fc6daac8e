"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.tasks import get_task
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


def _small(cfg: ExperimentConfig) -> ExperimentConfig:
    cfg = cfg.copy()
    cfg.task.n_samples = min(cfg.task.n_samples, 300)
    cfg.training.epochs = 100_000
    return cfg


@pytest.fixture
def small():
    """Makes a configuration small: fewer samples so tests build data quickly, and enough
    epochs that Play does not pause by itself in the middle of a test."""
    return _small


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary INI file, so tests never touch the user's settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """Main windows on a small sine task (or ``config``), answering Yes to every question
    and showing messages without blocking; shut down after the test."""
    windows: list[MainWindow] = []

    def make(config: ExperimentConfig | None = None, store: QSettings | None = None):
        if config is None:
            config = _small(get_task("sine_forecast").default_config())
        w = MainWindow(config=config, settings=store or settings)
        w.confirm = lambda title, text: True
        w.modal_messages = False
        qtbot.addWidget(w)
        # Every panel in view at once, so that tests can wait for each one's drawing.
        w.resize(1500, 950)
        w.arrange("Wide screen")
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.shutdown()


@pytest.fixture
def widget(qtbot):
    """A network diagram on its own, at a size that shows a few time steps."""
    from rnn_sandbox.ui.diagram import DiagramWidget

    w = DiagramWidget()
    qtbot.addWidget(w)
    w.resize(1300, 760)
    return w


@pytest.fixture
def make_controller(qtbot, settings):
    """Experiment controllers without a window, on a small sine task (or ``config``),
    answering every question with ``ask`` (Yes unless given); each shows its experiment
    once (as the window does after adding its views) and is shut down after the test."""
    from rnn_sandbox.ui.controller import ExperimentController

    made = []

    def make(config: ExperimentConfig | None = None, ask=None, store: QSettings | None = None,
             views=()):
        if config is None:
            config = _small(get_task("sine_forecast").default_config())
        c = ExperimentController(store or settings, config, ask or (lambda title, text: True))
        made.append(c)
        c.views = list(views)
        c.install(c.experiment, record=False)
        return c

    yield make
    for c in made:
        c.shutdown()
