"""The first start opens on lesson 1 with its setup; later starts pick up where the learner
left; Help → Tour brings lesson 1 back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from rnn_sandbox.lessons import get_lesson, load_lessons
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.main_window import MainWindow

WAIT = 20_000
SCREENSHOTS = Path(__file__).resolve().parents[1] / "_screenshots"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings file that does not exist yet: the program's very first start."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def start(qtbot, settings: QSettings, config=None) -> MainWindow:
    w = MainWindow(config=config, settings=settings)
    w.confirm = lambda title, text: True
    w.modal_messages = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def shown(widget) -> bool:
    """On screen and not behind another tab."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def test_first_start_opens_on_lesson_one_with_its_setup(qtbot, settings):
    assert not settings.allKeys()
    first = load_lessons()[0]
    w = start(qtbot, settings)
    try:
        assert w.controller.first_run
        assert w.lessons.current.id == first.id
        assert w.lessons.browser.toPlainText().startswith(f"1. {first.title}")
        assert shown(w.lessons), "the lessons panel is in front"
        # Lesson 1's preset is the experiment, small and ready to train.
        assert w.controller.config.to_dict() == first.preset().to_dict()
        assert w.controller.config.network.hidden_size <= 8
        assert w.settings_panel.controls["network.hidden_size"].value() == \
            w.controller.config.network.hidden_size
        assert w.controller.undo_stack.count() == 0  # nothing to undo: this is the start
        SCREENSHOTS.mkdir(exist_ok=True)
        w.grab().save(str(SCREENSHOTS / "first_run.png"))
        w.commands.step.trigger()
        qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
        assert w.loss_plot.has_data()
    finally:
        w.shutdown()


def test_second_start_restores_the_last_state(qtbot, settings):
    w = start(qtbot, settings)
    try:
        assert w.controller.first_run
        w.lessons.show_lesson("order")
        assert w.settings_panel.request("network.hidden_size", 6) is None
        w.close()
    finally:
        w.shutdown()
    again = start(qtbot, settings)
    try:
        assert not again.controller.first_run
        assert again.lessons.current.id == "order"
        assert again.controller.config.network.hidden_size == 6
        assert again.controller.config.task.name == load_lessons()[0].setups[0].task
        assert "order" in again.lessons.visited()
    finally:
        again.shutdown()


def test_an_explicit_experiment_is_not_a_first_run(qtbot, settings):
    cfg = get_task("tiny_bptt").default_config()
    w = start(qtbot, settings, cfg)
    try:
        assert not w.controller.first_run
        assert w.controller.config.task.name == "tiny_bptt"
    finally:
        w.shutdown()


def test_help_tour_reopens_lesson_one(qtbot, settings):
    w = start(qtbot, settings, get_lesson("bptt").preset())
    try:
        w.lessons.show_lesson("bptt")
        w.lessons_dock.close()
        assert not w.lessons_dock.isVisible()
        help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Help")
        tour = next(a for a in help_menu.actions() if a.text() == "&Tour")
        assert tour is w.commands.tour and tour.isEnabled()
        tour.trigger()
        assert w.lessons_dock.isVisible() and shown(w.lessons)
        assert w.lessons.current.id == load_lessons()[0].id
        # The experiment stays until the learner loads the lesson's setup.
        assert w.controller.config.task.name == "tiny_bptt"
        w.lessons.load_btn.click()
        assert w.controller.config.to_dict() == load_lessons()[0].preset().to_dict()
    finally:
        w.shutdown()
