"""The lessons panel: rendering, links, loading a setup and remembering progress."""

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QTextCursor

from rnn_sandbox.lessons import get_lesson, load_lessons
from rnn_sandbox.ui.lessons_dock import LessonsDock


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "progress.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def dock(qtbot, settings):
    d = LessonsDock(settings)
    qtbot.addWidget(d)
    d.resize(480, 700)
    d.show()
    qtbot.waitExposed(d)
    return d


def _link_position(dock: LessonsDock, href: str) -> QPoint:
    """Viewport position of the first link to ``href``, scrolled into view."""
    doc = dock.browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().isAnchor() and frag.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position() + 1)
                dock.browser.setTextCursor(cursor)
                dock.browser.ensureCursorVisible()
                return dock.browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


@pytest.mark.parametrize("lesson", load_lessons(), ids=lambda le: le.id)
def test_every_lesson_renders(dock, lesson):
    dock.show_lesson(lesson.id)
    doc = dock.browser.document()
    plain = doc.toPlainText()
    assert plain.startswith(f"{lesson.number}. {lesson.title}")
    assert "Try this" in plain
    assert "#" not in plain.splitlines()[0]  # Markdown was rendered, not shown raw
    assert dock.lesson_combo.currentData() == lesson.id
    assert dock.setup_combo.count() == len(lesson.setups)
    # At the width the window gives the panel, the text wraps: nothing is cut off sideways.
    dock.resize(340, 600)
    dock.show()
    assert dock.browser.horizontalScrollBar().maximum() == 0
    assert doc.idealWidth() <= dock.browser.viewport().width()


def test_clicking_a_lesson_link_switches_lesson(dock, qtbot):
    dock.show_lesson("mappings")
    pos = _link_position(dock, "04_task_types.md")
    with qtbot.waitSignal(dock.lessonChanged) as blocker:
        qtbot.mouseClick(dock.browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["task_types"]
    assert dock.current.id == "task_types"
    assert dock.browser.toPlainText().startswith("4. A tour of the task types")


def test_clicking_a_setup_link_requests_that_setup(dock, qtbot):
    dock.show_lesson("task_types")
    pos = _link_position(dock, "setup:ctc")
    with qtbot.waitSignal(dock.presetRequested) as blocker:
        qtbot.mouseClick(dock.browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    cfg = blocker.args[0]
    assert cfg.task.name == "speech_ctc" and cfg.network.loss == "ctc"
    assert dock.selected_setup() == "ctc"
    assert dock.current.id == "task_types"  # a setup link does not leave the lesson


def test_lesson_links_by_id_and_unknown_links(dock):
    dock.activate_link(QUrl("lesson:gradients"))
    assert dock.current.id == "gradients"
    dock.activate_link(QUrl("no_such_lesson.md"))
    assert dock.current.id == "gradients"


def test_load_button_emits_the_lessons_config(dock, qtbot):
    dock.show_lesson("bptt")
    assert not dock.setup_combo.isVisibleTo(dock)  # one setup: no chooser
    with qtbot.waitSignal(dock.presetRequested) as blocker:
        qtbot.mouseClick(dock.load_btn, Qt.MouseButton.LeftButton)
    cfg = blocker.args[0]
    assert cfg.to_dict() == get_lesson("bptt").preset().to_dict()
    assert cfg.network.hidden_size == 3 and cfg.task.name == "tiny_bptt"


def test_load_button_uses_the_chosen_setup(dock, qtbot):
    dock.show_lesson("gradients")
    assert dock.setup_combo.isVisibleTo(dock)
    dock.setup_combo.setCurrentIndex(dock.setup_combo.findData("clipped"))
    with qtbot.waitSignal(dock.presetRequested) as blocker:
        qtbot.mouseClick(dock.load_btn, Qt.MouseButton.LeftButton)
    assert blocker.args[0].training.clip_norm == 1.0


def test_next_previous_and_the_ends(dock, qtbot):
    dock.show_lesson("mappings")
    assert not dock.prev_btn.isEnabled()
    qtbot.mouseClick(dock.next_btn, Qt.MouseButton.LeftButton)
    assert dock.current.id == "order"
    assert "mappings" in dock.completed()  # Next marks the lesson done
    qtbot.mouseClick(dock.prev_btn, Qt.MouseButton.LeftButton)
    assert dock.current.id == "mappings"
    last = load_lessons()[-1].id
    dock.show_lesson(last)
    assert dock.next_lesson() is False and dock.current.id == last
    assert last in dock.completed()


def test_choosing_from_the_list(dock, qtbot):
    index = [le.id for le in load_lessons()].index("bidirectional")
    dock.lesson_combo.setCurrentIndex(index)
    dock.lesson_combo.activated.emit(index)
    assert dock.current.id == "bidirectional"


def test_progress_survives_a_new_dock(qtbot, settings):
    first = LessonsDock(settings)
    qtbot.addWidget(first)
    first.show_lesson("order")
    first.show_lesson("bptt")
    first.done_check.click()
    assert first.completed() == ["bptt"]
    first.close()

    again = LessonsDock(settings)
    qtbot.addWidget(again)
    assert again.current.id == "bptt"
    assert set(again.visited()) == {"mappings", "order", "bptt"}
    assert again.completed() == ["bptt"]
    assert again.done_check.isChecked()
    labels = [again.lesson_combo.itemText(i) for i in range(again.lesson_combo.count())]
    assert labels[5].startswith("✓") and labels[1].startswith("•")
    assert labels[6].startswith(" ")
    assert "1 done" in again.progress_label.text()

    again.done_check.click()  # un-mark
    third = LessonsDock(settings)
    qtbot.addWidget(third)
    assert third.completed() == [] and not third.done_check.isChecked()


def test_a_stale_current_lesson_falls_back_to_the_first(qtbot, settings):
    settings.setValue("lessons/current", "removed_lesson")
    d = LessonsDock(settings)
    qtbot.addWidget(d)
    assert d.current.id == load_lessons()[0].id


def _window(qtbot, settings, cfg=None, restore=False):
    """A main window on ``cfg`` (a small forecast by default), or on the settings' last
    experiment with ``restore``."""
    from rnn_sandbox.tasks import get_task
    from rnn_sandbox.ui.main_window import MainWindow

    if cfg is None and not restore:
        cfg = get_task("sine_forecast").default_config()
        cfg.task.n_samples = 200
    window = MainWindow(config=cfg, settings=settings)
    window.confirm = lambda title, text: True
    window.modal_messages = False
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_windows_lessons_panel_loads_setups_undoably_and_remembers(qtbot, settings):
    window = _window(qtbot, settings)
    try:
        panel = window.lessons
        assert isinstance(panel, LessonsDock) and window.lessons_dock in window.docks
        assert window.lessons_dock.widget() is panel
        panel.show_lesson("bptt")
        qtbot.mouseClick(panel.load_btn, Qt.MouseButton.LeftButton)
        assert window.controller.config.task.name == "tiny_bptt"
        assert window.controller.config.to_dict() == get_lesson("bptt").preset().to_dict()
        assert window.controller.undo_stack.undoText() == "Load the lesson's setup"
        with window.controller.worker.paused() as exp:
            assert exp.network.params["weight_hh_l0"].shape == (3, 3)
        window.commands.undo.trigger()
        assert window.controller.config.task.name == "sine_forecast"
        window.commands.redo.trigger()
        assert window.controller.config.task.name == "tiny_bptt"
        panel.done_check.click()
        window.close()
    finally:
        window.shutdown()
    # The next window opens on the same lesson with the same progress.
    again = _window(qtbot, settings, restore=True)
    try:
        assert again.lessons.current.id == "bptt"
        assert "bptt" in again.lessons.completed()
        assert again.controller.config.task.name == "tiny_bptt"  # the last experiment is restored
    finally:
        again.shutdown()


def test_a_setup_the_window_refuses_changes_nothing_and_says_why(qtbot, settings):
    window = _window(qtbot, settings)
    try:
        before = window.controller.config.to_dict()
        bad = get_lesson("bptt").preset()
        bad.training.batch_size = 10_000  # more than the training set
        window.lessons.presetRequested.emit(bad)
        assert window.controller.config.to_dict() == before
        title, text = window.last_message
        assert title == "Cannot load this setup" and "batch_size" in text
        window.message_box.close()
    finally:
        window.shutdown()


@pytest.mark.slow
def test_lessons_of_several_setups_of_one_task_offer_them_as_a_comparison(dock, qtbot):
    for lesson_id in ("order", "bidirectional", "gradients"):  # lessons 2, 5 and 7
        dock.show_lesson(lesson_id)
        assert dock.compare_btn.isVisibleTo(dock), lesson_id
    with qtbot.waitSignal(dock.comparisonRequested) as blocker:
        qtbot.mouseClick(dock.compare_btn, Qt.MouseButton.LeftButton)
    lesson = get_lesson("gradients")
    items = blocker.args[0]
    assert [label for label, _ in items] == [s.label for s in lesson.setups]
    assert [cfg.to_dict() for _, cfg in items] == [lesson.preset(s.id).to_dict()
                                                   for s in lesson.setups]
    for lesson_id in ("mappings", "task_types", "bptt"):  # a tour of tasks, or one setup
        dock.show_lesson(lesson_id)
        assert not dock.compare_btn.isVisibleTo(dock), lesson_id
