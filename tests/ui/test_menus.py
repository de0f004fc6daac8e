"""The window's actions, menus and toolbar stand on their own: built on a plain
``QMainWindow`` from handlers, every declared control is there with its type, and each
command calls the handler it names."""

from __future__ import annotations

import typing
from dataclasses import fields, replace

import pytest
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from rnn_sandbox.ui import layout
from rnn_sandbox.ui.menus import FULL_SPEED, PACES, ZOOM_STEP, Handlers, WindowActions

PLOTS = ["Loss", "Hidden states"]


class Recorder:
    """Handlers that note each call: (handler's name, arguments)."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.recent = ["/tmp/a.rnnx", "/tmp/b/c.rnnx"]

    def handlers(self) -> Handlers:
        def note(name: str):
            return lambda *args: self.calls.append((name, *args))

        made = Handlers(**{f.name: note(f.name) for f in fields(Handlers)})
        return replace(made, zoom=lambda: 2.0, recent_files=lambda: list(self.recent),
                       task_name=lambda: "sine_forecast")


@pytest.fixture
def built(qtbot):
    frame = QMainWindow()
    qtbot.addWidget(frame)
    frame.setCentralWidget(QLabel("diagram"))
    docks = [QDockWidget(name, frame) for name in ("Tasks", "Loss")]
    recorder = Recorder()
    stack = QUndoStack(frame)
    actions = WindowActions(frame, recorder.handlers(), stack, PLOTS, docks)
    return frame, actions, recorder, stack, docks


def menu(frame: QMainWindow, *path: str) -> QMenu:
    actions = frame.menuBar().actions()
    found = None
    for name in path:
        found = next(a for a in actions if a.text() == name).menu()
        actions = found.actions()
    assert found is not None
    return found


def entry(m: QMenu, text: str) -> QAction:
    return next(a for a in m.actions() if a.text() == text)


def test_every_declared_control_is_built_with_its_type(built):
    frame, actions, *_ = built
    hints = typing.get_type_hints(WindowActions)
    assert len(hints) > 25
    for name, kind in hints.items():
        if name == "do":
            continue
        assert isinstance(getattr(actions, name), kind), name
    # Nothing is hung on the window itself: it keeps Qt's own attributes only.
    assert not [name for name in hints if hasattr(frame, name)]


@pytest.mark.parametrize("attribute, handler", [
    ("play", "toggle_play"), ("step", "step_once"), ("reset", "reset"), ("new", "new"),
    ("open", "open"), ("save", "save"), ("save_as", "save_as"), ("quit", "quit"),
    ("open_runs", "open_runs"), ("save_runs", "save_runs"), ("seeds", "repeat_with_seeds"),
    ("tour", "tour"),
])
def test_each_command_calls_its_handler(built, attribute, handler):
    _frame, actions, recorder, *_ = built
    a = getattr(actions, attribute)
    a.setEnabled(True)
    a.trigger()
    assert recorder.calls and recorder.calls[-1][0] == handler


def test_the_view_commands(built):
    frame, actions, recorder, *_ = built
    actions.zoom_in.trigger()
    actions.zoom_out.trigger()
    actions.actual_size.trigger()
    assert recorder.calls == [("set_zoom", 2.0 * ZOOM_STEP), ("set_zoom", 2.0 / ZOOM_STEP),
                              ("set_zoom", 1.0)]
    recorder.calls.clear()
    actions.dark.trigger()
    actions.dark.trigger()
    actions.full_screen.trigger()
    actions.captions.trigger()  # checked at the start: the captions go
    assert recorder.calls == [("set_theme", "dark"), ("set_theme", "light"),
                              ("set_full_screen", True), ("set_captions", False)]
    recorder.calls.clear()
    actions.reset_layout.trigger()
    for name in layout.PRESETS:
        entry(actions.layout_menu, name).trigger()
    assert recorder.calls == [("arrange", layout.DEFAULT_PRESET)] + [
        ("arrange", name) for name in layout.PRESETS]
    assert [a.statusTip() for a in actions.layout_menu.actions()] == [
        p.tip for p in layout.PRESETS.values()]
    # The View menu shows and hides the docks it was given.
    view = menu(frame, "&View")
    assert [a.text() for a in view.actions()[:2]] == ["Tasks", "Loss"]


def test_exports_ask_where_with_their_title_and_write_with_their_writer(built):
    frame, _actions, recorder, *_ = built
    export = menu(frame, "&File", "&Export")
    texts = [a.text() for a in export.actions() if not a.isSeparator()]
    assert texts == ["Loss plot…", "Hidden states plot…", "Comparison of runs…",
                     "Network diagram…", "Animation…", "Training history (CSV)…",
                     "PyTorch script…"]
    entry(export, "Hidden states plot…").trigger()
    name, title, filters, write = recorder.calls[-1]
    assert (name, title) == ("export", "Export hidden states") and "*.svg" in filters
    write("/tmp/x.png")
    assert recorder.calls[-1] == ("export_plot", "Hidden states", "/tmp/x.png")
    for text, writer in (("Comparison of runs…", "write_comparison"),
                         ("Network diagram…", "write_diagram"),
                         ("Training history (CSV)…", "write_history"),
                         ("PyTorch script…", "write_torch")):
        entry(export, text).trigger()
        write = recorder.calls[-1][3]
        write("/tmp/out")
        assert recorder.calls[-1] == (writer, "/tmp/out")
    entry(export, "Animation…").trigger()
    assert recorder.calls[-1] == ("export_animation",)


def test_recent_files_fill_the_menu_when_it_opens(built):
    _frame, actions, recorder, *_ = built
    actions.recent_menu.aboutToShow.emit()
    shown = actions.recent_menu.actions()
    assert [a.text() for a in shown] == ["a.rnnx", "c.rnnx"]
    assert [a.toolTip() for a in shown] == recorder.recent
    shown[1].trigger()
    assert recorder.calls[-1] == ("open_path", "/tmp/b/c.rnnx")
    recorder.recent = []
    actions.fill_recent()
    (none,) = actions.recent_menu.actions()
    assert none.text() == "(none)" and not none.isEnabled()


def test_the_pace_and_full_speed(built):
    _frame, actions, recorder, *_ = built
    box = actions.pace_box
    assert [box.itemText(i) for i in range(box.count())] == [label for label, _ in PACES]
    actions.set_pace_index(4)
    assert recorder.calls[-1] == ("set_pace", PACES[4][1])
    actions.set_pace_index(len(PACES))  # out of range: left as it is
    assert box.currentIndex() == 4
    actions.full_speed.trigger()
    assert box.currentIndex() == FULL_SPEED and recorder.calls[-1] == ("set_pace", None)
    actions.full_speed.trigger()
    assert box.currentIndex() == 4 and not actions.full_speed.isChecked()
    box.setCurrentIndex(FULL_SPEED)  # chosen in the box: the button shows it
    assert actions.full_speed.isChecked()


def test_play_shows_running_and_a_job_blocks_more_seeds(built):
    _frame, actions, *_ = built
    actions.show_running(True)
    assert actions.play.text() == "Pause" and actions.play.isChecked()
    actions.show_running(False)
    assert actions.play.text() == "Play" and not actions.play.isChecked()
    assert actions.seeds.isEnabled() and not actions.cancel_runs.isEnabled()
    actions.show_job(True)
    assert not actions.seeds.isEnabled() and actions.cancel_runs.isEnabled()


def test_undo_and_redo_follow_the_stack_and_no_shortcut_is_taken_twice(built):
    frame, actions, _recorder, stack, _docks = built
    assert not actions.undo.isEnabled()
    stack.push(QUndoCommand("Hidden size: 24"))
    assert actions.undo.isEnabled() and "Hidden size: 24" in actions.undo.text()
    # The toolbar's button is short; its tooltip says what it undoes.
    assert actions.undo.iconText() == "Undo" and "Hidden size: 24" in actions.undo.toolTip()
    taken: dict[str, str] = {}
    for a in frame.findChildren(QAction):
        for key in a.shortcuts():
            text = key.toString()
            assert text not in taken, f"{text}: {taken.get(text)} and {a.text()}"
            taken[text] = a.text()
    assert {"Space", "S", "Right", "R", "F", "F1", "F11", "Ctrl+Z"} <= taken.keys()
