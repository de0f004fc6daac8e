"""The window's actions, menus and toolbar: what each command is called, its shortcut and
tip, and which of the :class:`Handlers` it calls.  :class:`WindowActions` builds them into
a main window's menu bar and toolbar and holds them; it knows the window only as a
``QMainWindow`` and what the commands do only through the handlers it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMainWindow, QMenu, QToolBar

from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import dialogs, i18n, layout
from rnn_sandbox.ui.controller import WATCH
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr

PACES: list[tuple[str, float | str | None]] = [
    ("Watch: a run in ~30 s", WATCH),
    ("Full speed", None),
    ("100 steps/s", 100.0),
    ("30 steps/s", 30.0),
    ("10 steps/s", 10.0),
    ("3 steps/s", 3.0),
    ("1 step/s", 1.0),
]
FULL_SPEED = 1  # its place in PACES
ZOOM_STEP = 1.25
# File → Export's entry and dialog title of each plot, whole phrases to translate.
PLOT_EXPORTS = {
    "Loss": (QT_TR_NOOP("Loss plot…"), QT_TR_NOOP("Export loss")),
    "Hidden states": (QT_TR_NOOP("Hidden states plot…"),
                      QT_TR_NOOP("Export hidden states")),
    "Gradient flow": (QT_TR_NOOP("Gradient flow plot…"),
                      QT_TR_NOOP("Export gradient flow")),
    "Gradient sources": (QT_TR_NOOP("Gradient sources plot…"),
                         QT_TR_NOOP("Export gradient sources")),
    "Eigenvalues": (QT_TR_NOOP("Eigenvalues plot…"), QT_TR_NOOP("Export eigenvalues")),
    "Prediction": (QT_TR_NOOP("Prediction plot…"), QT_TR_NOOP("Export prediction")),
    "Attention": (QT_TR_NOOP("Attention heatmap…"), QT_TR_NOOP("Export attention heatmap")),
    "Beam tree": (QT_TR_NOOP("Beam search tree…"), QT_TR_NOOP("Export beam search tree")),
    "Accuracy by length": (QT_TR_NOOP("Accuracy by length plot…"),
                           QT_TR_NOOP("Export accuracy by length")),
}


def plot_filters() -> str:
    """The file types a plot exports to, in the window's language."""
    return tr("PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)")


def pace_label(label: str, value: float | str | None) -> str:
    """A pace of :data:`PACES` as the Pace box shows it."""
    if isinstance(value, float):
        return tr("%n step(s)/s", n=int(value))
    return tr("Watch: a run in ~30 s") if value == WATCH else tr("Full speed")

Shortcut = str | QKeySequence.StandardKey | list[str | QKeySequence.StandardKey]
Do = Callable[[], object]
Write = Callable[[str], object]


@dataclass(frozen=True)
class Handlers:
    """What the commands do: the window's and the controller's methods, one by one."""

    toggle_play: Do
    step_once: Do
    reset: Do
    new: Do
    open: Do
    save: Do
    save_as: Do
    quit: Do
    open_runs: Do
    save_runs: Do
    repeat_with_seeds: Do
    cancel_runs: Do
    set_pace: Callable[[float | str | None], object]
    recent_files: Callable[[], Sequence[str]]
    open_path: Callable[[str], object]
    export: Callable[[str, str, Write], object]  # title, file filters, writer: ask, write
    export_plot: Callable[[str, str], object]  # the plot's name, the path
    write_comparison: Write
    write_diagram: Write
    export_animation: Do
    write_history: Write
    write_torch: Write
    arrange: Callable[[str], object]  # a preset's name
    set_theme: Callable[[str], object]
    zoom: Callable[[], float]
    set_zoom: Callable[[float], object]
    set_captions: Callable[[bool], object]
    set_full_screen: Callable[[bool], object]
    tour: Do
    task_name: Callable[[], str]  # for Help on this task
    set_language: Callable[[str], object]  # View → Language: a language's code
    open_lessons: Do
    copy_setup: Do
    paste_setup: Do


def action(parent: QObject, text: str, slot: Callable[..., object],
           shortcut: Shortcut | None = None, tip: str = "") -> QAction:
    """An action calling ``slot`` when triggered; a slot of one argument (``lambda on:``)
    is given a checkable action's new state."""
    a = QAction(text, parent)
    if shortcut is not None:
        if isinstance(shortcut, list):
            a.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            a.setShortcut(QKeySequence(shortcut))
    if tip:
        a.setStatusTip(tip)
        a.setToolTip(f"{tip} ({a.shortcut().toString()})" if shortcut else tip)
    a.triggered.connect(slot)
    return a


class WindowActions:
    """Every action, menu and toolbar control of the main window."""

    # Train
    play: QAction
    step: QAction
    reset: QAction
    seeds: QAction
    cancel_runs: QAction
    full_speed: QAction
    pace_box: QComboBox
    # File
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    quit: QAction
    open_runs: QAction
    save_runs: QAction
    open_lessons: QAction
    recent_menu: QMenu
    language_menu: QMenu
    export_menu: QMenu
    # Edit
    undo: QAction
    redo: QAction
    copy_setup: QAction
    paste_setup: QAction
    # View
    reset_layout: QAction
    layout_menu: QMenu
    full_screen: QAction
    zoom_in: QAction
    zoom_out: QAction
    actual_size: QAction
    dark: QAction
    captions: QAction
    # Help
    tour: QAction
    task_help: QAction
    about: QAction
    toolbar: QToolBar

    def __init__(self, frame: QMainWindow, do: Handlers, undo_stack: QUndoStack,
                 plots: Sequence[str], docks: Sequence[QDockWidget]) -> None:
        """Actions on ``frame``'s menu bar and a toolbar on it: ``plots`` are the plot
        names File → Export offers, ``docks`` those View shows and hides."""
        self.do = do
        self._pace_before = 0  # the pace Full speed goes back to
        self._build_actions(frame, undo_stack)
        self._build_menus(frame, plots, docks)
        self._build_toolbar(frame)

    def _build_actions(self, frame: QMainWindow, undo_stack: QUndoStack) -> None:
        do = self.do
        std = QKeySequence.StandardKey
        self.play = action(frame, tr("Play"), do.toggle_play, "Space",
                           tr("Train continuously / pause"))
        self.play.setCheckable(True)
        self.step = action(frame, tr("Step"), do.step_once, ["S", "Right"],
                           tr("Train on exactly one batch"))
        self.reset = action(frame, tr("Reset"), do.reset, "R",
                            tr("Back to the initial weights for the seed"))
        self.new = action(frame, tr("&New"), do.new, std.New,
                          tr("A fresh experiment for the current task"))
        self.open = action(frame, tr("&Open…"), do.open, std.Open)
        self.save = action(frame, tr("&Save"), do.save, std.Save)
        self.save_as = action(frame, tr("Save &As…"), do.save_as, std.SaveAs)
        self.quit = action(frame, tr("&Quit"), do.quit, std.Quit)
        self.save_runs = action(frame, tr("Save R&uns…"), do.save_runs,
                                tip=tr("Every run of the session in one runs file (.rnns)"))
        self.open_runs = action(frame, tr("Open Ru&ns…"), do.open_runs,
                                tip=tr("Add the runs of a runs file (or an experiment) to the "
                                       "Runs panel"))
        self.seeds = action(frame, tr("Repeat with N &seeds…"), do.repeat_with_seeds,
                            tip=tr("Train the current settings with several seeds in parallel, "
                                   "shown as their mean and spread"))
        self.cancel_runs = action(frame, tr("Cancel training the runs"), do.cancel_runs,
                                  tip=tr("Stop the seeds or lesson setups training in the "
                                         "background"))
        self.cancel_runs.setEnabled(False)
        self.open_lessons = action(
            frame, tr("Open &lessons…"), do.open_lessons,
            tip=tr("Add a teacher's lessons to the Lessons panel: a .zip of lessons, or "
                   "any lesson (.md) of a folder of them"))
        self.copy_setup = action(
            frame, tr("&Copy setup as text"), do.copy_setup, "Ctrl+Shift+C",
            tr("The task and the settings that differ from its defaults as one line, to "
               "paste, put in a lesson or give to rnn-sandbox train --setup"))
        self.paste_setup = action(
            frame, tr("&Paste setup"), do.paste_setup, "Ctrl+Shift+V",
            tr("Load the setup line on the clipboard (a new network; Undo brings the "
               "current one back)"))
        self.undo = undo_stack.createUndoAction(frame, tr("&Undo"))
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = undo_stack.createRedoAction(frame, tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # The toolbar says only "Undo": with what it undoes ("Choose task “Who is Teddy?
        # (name tagging)”", longer in Japanese) it pushed the Pace box off a laptop's
        # toolbar. The menu and the tooltip (Qt's default: the whole text) keep it.
        self.undo.setIconText(tr("Undo"))
        self.redo.setIconText(tr("Redo"))
        self.full_speed = action(frame, tr("Full speed"), self.set_full_speed, "F",
                                 tr("Train as fast as possible / back to the pace"))
        self.full_speed.setCheckable(True)
        self.reset_layout = action(
            frame, tr("Reset layout"), lambda: do.arrange(layout.DEFAULT_PRESET),
            tip=tr("Every panel back in place, sized for the window as it is now"))
        self.dark = action(frame, tr("Dark theme"),
                           lambda on: do.set_theme("dark" if on else "light"),
                           "Ctrl+Shift+D", tr("Light text on dark, everywhere"))
        self.dark.setCheckable(True)
        self.full_screen = action(frame, tr("Full screen"), lambda on: do.set_full_screen(on),
                                  "F11", tr("The window over the whole screen"))
        self.full_screen.setCheckable(True)
        self.zoom_in = action(frame, tr("Zoom in"), lambda: do.set_zoom(do.zoom() * ZOOM_STEP),
                              [std.ZoomIn, "Ctrl+="], tr("Larger text and lines"))
        self.zoom_out = action(frame, tr("Zoom out"), lambda: do.set_zoom(do.zoom() / ZOOM_STEP),
                               [std.ZoomOut], tr("Smaller text and lines"))
        self.actual_size = action(frame, tr("Actual size"), lambda: do.set_zoom(1.0), "Ctrl+0")
        self.captions = action(frame, tr("Explain the plots"), lambda on: do.set_captions(on),
                               tip=tr("A line under each plot on how to read it"))
        self.captions.setCheckable(True)
        self.captions.setChecked(True)
        self.tour = action(frame, tr("&Tour"), do.tour,
                           tip=tr("Open the first lesson: a guided start"))
        self.task_help = action(frame, tr("Help on this &task"),
                                lambda: dialogs.task_help(frame, get_task(do.task_name())),
                                "F1")
        self.about = action(frame, tr("&About RNN Sandbox"), lambda: dialogs.about(frame))

    def _build_menus(self, frame: QMainWindow, plots: Sequence[str],
                     docks: Sequence[QDockWidget]) -> None:
        do = self.do
        mb = frame.menuBar()
        file_menu = mb.addMenu(tr("&File"))
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.open_runs, self.save_runs])
        file_menu.addAction(self.open_lessons)
        export = self.export_menu = file_menu.addMenu(tr("&Export"))
        for name in plots:
            entry, title = PLOT_EXPORTS.get(name, (name, name))
            export.addAction(action(
                frame, tr(entry),
                lambda _=False, n=name, t=title: do.export(
                    tr(t), plot_filters(), lambda path: do.export_plot(n, path))))
        export.addAction(action(
            frame, tr("Comparison of runs…"),
            lambda: do.export(tr("Export the comparison"), plot_filters(),
                              do.write_comparison),
            tip=tr("The comparison's plots as an image, or the runs' histories side by side")))
        export.addAction(action(
            frame, tr("Network diagram…"),
            lambda: do.export(tr("Export diagram"), tr("PNG image (*.png);;SVG image (*.svg)"),
                              do.write_diagram)))
        export.addAction(action(frame, tr("Animation…"), do.export_animation))
        export.addSeparator()
        export.addAction(action(
            frame, tr("Training history (CSV)…"),
            lambda: do.export(tr("Export training history"), tr("CSV (*.csv)"),
                              do.write_history)))
        export.addAction(action(
            frame, tr("PyTorch script…"),
            lambda: do.export(tr("Export PyTorch script"), tr("Python script (*.py)"),
                              do.write_torch)))
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = mb.addMenu(tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.copy_setup, self.paste_setup])

        train = mb.addMenu(tr("&Train"))
        train.addActions([self.play, self.step, self.reset])
        train.addSeparator()
        train.addActions([self.seeds, self.cancel_runs])

        view = mb.addMenu(tr("&View"))
        for d in docks:
            view.addAction(d.toggleViewAction())
        view.addSeparator()
        view.addAction(self.reset_layout)
        self.layout_menu = view.addMenu(tr("&Layout"))
        for name, preset in layout.PRESETS.items():
            choice = action(frame, tr(name), lambda _=False, n=name: do.arrange(n),
                            tip=tr(preset.tip))
            choice.setData(name)
            self.layout_menu.addAction(choice)
        view.addSeparator()
        view.addActions([self.full_screen, self.zoom_in, self.zoom_out, self.actual_size])
        view.addSeparator()
        view.addAction(self.dark)
        view.addAction(self.captions)
        self.language_menu = view.addMenu(tr("Lan&guage"))
        group = QActionGroup(self.language_menu)
        for code in i18n.shipped():
            a = self.language_menu.addAction(i18n.NAMES.get(code, code))
            a.setCheckable(True)
            a.setChecked(code == i18n.current())
            a.setData(code)
            a.setActionGroup(group)
            a.triggered.connect(lambda _=False, c=code: do.set_language(c))

        help_menu = mb.addMenu(tr("&Help"))
        help_menu.addActions([self.tour, self.task_help, self.about])

    def _build_toolbar(self, frame: QMainWindow) -> None:
        tb = self.toolbar = frame.addToolBar(tr("Training"))
        tb.setObjectName("trainingToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = frame.style()
        sp = style.StandardPixmap
        self.play.setIcon(style.standardIcon(sp.SP_MediaPlay))
        self.step.setIcon(style.standardIcon(sp.SP_MediaSeekForward))
        self.reset.setIcon(style.standardIcon(sp.SP_BrowserReload))
        tb.addActions([self.play, self.step, self.reset])
        tb.addSeparator()
        tb.addWidget(QLabel(tr(" Pace ")))
        self.pace_box = QComboBox()
        self.pace_box.setToolTip(
            tr("How fast training goes: slow enough to watch the plots move, or full speed"))
        for label, value in PACES:
            self.pace_box.addItem(pace_label(label, value), value)
        self.pace_box.currentIndexChanged.connect(self._pace_chosen)
        tb.addWidget(self.pace_box)
        tb.addAction(self.full_speed)
        tb.addSeparator()
        tb.addAction(self.undo)
        tb.addAction(self.redo)

    # -- what the actions show ------------------------------------------------------------
    def show_running(self, running: bool) -> None:
        """Play reads Pause while training runs."""
        text = tr("Pause") if running else tr("Play")
        self.play.setChecked(running)
        if self.play.text() == text:
            return  # already showing it (looking up the icon is not free)
        self.play.setText(text)
        style = self.toolbar.style()
        sp = style.StandardPixmap
        self.play.setIcon(style.standardIcon(sp.SP_MediaPause if running
                                             else sp.SP_MediaPlay))

    def show_job(self, busy: bool) -> None:
        """Runs training in the background: they can be cancelled, not started again."""
        self.cancel_runs.setEnabled(busy)
        self.seeds.setEnabled(not busy)

    def fill_recent(self) -> None:
        """File → Open Recent, as it is when the menu opens."""
        self.recent_menu.clear()
        recent = self.do.recent_files()
        for f in recent:
            self.recent_menu.addAction(Path(f).name, partial(self.do.open_path, f)).setToolTip(f)
        if not recent:
            self.recent_menu.addAction(tr("(none)")).setEnabled(False)

    # -- the pace -------------------------------------------------------------------------
    def set_pace_index(self, index: int) -> None:
        """Choose the pace at ``index`` in the Pace box (one out of range is ignored)."""
        if 0 <= index < self.pace_box.count():
            self.pace_box.setCurrentIndex(index)

    def _pace_chosen(self, index: int) -> None:
        self.do.set_pace(self.pace_box.itemData(index))
        self.full_speed.setChecked(index == FULL_SPEED)

    def set_full_speed(self, on: bool) -> None:
        """One click to full speed, one click back to the pace chosen before."""
        if on and self.pace_box.currentIndex() != FULL_SPEED:
            self._pace_before = self.pace_box.currentIndex()
        self.pace_box.setCurrentIndex(FULL_SPEED if on else self._pace_before)
