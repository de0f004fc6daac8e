"""The window's actions, menus and toolbar: what each command is called, its shortcut, and
what it asks the window or the controller to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel

from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import animation, dialogs, layout, presentation
from rnn_sandbox.ui.controller import WATCH

if TYPE_CHECKING:
    from rnn_sandbox.ui.main_window import MainWindow

PACES = [
    ("Watch: a run in ~30 s", WATCH),
    ("Full speed", None),
    ("100 steps/s", 100.0),
    ("30 steps/s", 30.0),
    ("10 steps/s", 10.0),
    ("3 steps/s", 3.0),
    ("1 step/s", 1.0),
]
FULL_SPEED = 1  # its place in PACES


def action(w: MainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    a = QAction(text, w)
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


def build_actions(w: MainWindow) -> None:
    std = QKeySequence.StandardKey
    w.play_action = action(
        w, "Play", w.controller.toggle_play, "Space", "Train continuously / pause"
    )
    w.play_action.setCheckable(True)
    w.step_action = action(
        w, "Step", w.controller.step_once, ["S", "Right"], "Train on exactly one batch"
    )
    w.reset_action = action(
        w, "Reset", w.controller.reset, "R", "Back to the initial weights for the seed"
    )
    w.new_action = action(
        w, "&New", w.controller.new_experiment, std.New, "A fresh experiment for the current task"
    )
    w.open_action = action(w, "&Open…", w.open_dialog, std.Open)
    w.save_action = action(w, "&Save", w.save, std.Save)
    w.save_as_action = action(w, "Save &As…", w.save_as_dialog, std.SaveAs)
    w.quit_action = action(w, "&Quit", w.close, std.Quit)
    w.save_runs_action = action(w, "Save R&uns…", w.save_runs_dialog,
                                tip="Every run of the session in one runs file (.rnns)")
    w.open_runs_action = action(w, "Open Ru&ns…", w.open_runs_dialog,
                                tip="Add the runs of a runs file (or an experiment) to the "
                                    "Runs panel")
    w.seeds_action = action(w, "Repeat with N &seeds…", w.repeat_seeds_dialog,
                            tip="Train the current settings with several seeds in parallel, "
                                "shown as their mean and spread")
    w.cancel_runs_action = action(w, "Cancel training the runs", w.controller.runs.cancel_job,
                                  tip="Stop the seeds or lesson setups training in the "
                                      "background")
    w.cancel_runs_action.setEnabled(False)
    w.controller.runs.jobChanged.connect(lambda: (
        w.cancel_runs_action.setEnabled(w.controller.runs.job is not None),
        w.seeds_action.setEnabled(w.controller.runs.job is None)))
    w.undo_action = w.controller.undo_stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
    w.redo_action = w.controller.undo_stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    w.full_speed_action = action(
        w,
        "Full speed",
        lambda on: full_speed(w, on),
        "F",
        "Train as fast as possible / back to the pace",
    )
    w.full_speed_action.setCheckable(True)
    w._pace_before = 0  # the pace Full speed goes back to
    w.reset_layout_action = action(
        w,
        "Reset layout",
        lambda: layout.reset(w),
        tip="Every panel back in place, sized for the window as it is now",
    )
    w.dark_action = action(
        w,
        "Dark theme",
        lambda on: presentation.set_theme(w, "dark" if on else "light"),
        "Ctrl+Shift+D",
        "Light text on dark, everywhere",
    )
    w.dark_action.setCheckable(True)
    w.full_screen_action = action(
        w,
        "Full screen",
        lambda on: presentation.set_full_screen(w, on),
        "F11",
        "The window over the whole screen",
    )
    w.full_screen_action.setCheckable(True)
    w.zoom_actions = [
        action(
            w,
            "Zoom in",
            lambda: presentation.set_zoom(w, w.zoom * 1.25),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
            "Larger text and lines",
        ),
        action(
            w,
            "Zoom out",
            lambda: presentation.set_zoom(w, w.zoom / 1.25),
            [QKeySequence.StandardKey.ZoomOut],
            "Smaller text and lines",
        ),
        action(w, "Actual size", lambda: presentation.set_zoom(w, 1.0), "Ctrl+0"),
    ]
    w.captions_action = action(
        w,
        "Explain the plots",
        lambda on: presentation.set_captions(w, on),
        tip="A line under each plot on how to read it",
    )
    w.captions_action.setCheckable(True)
    w.captions_action.setChecked(True)


def build_menus(w: MainWindow) -> None:
    mb = w.menuBar()
    file_menu = mb.addMenu("&File")
    file_menu.addActions([w.new_action, w.open_action])
    w.recent_menu = file_menu.addMenu("Open &Recent")
    w.recent_menu.aboutToShow.connect(w._fill_recent)
    file_menu.addSeparator()
    file_menu.addActions([w.save_action, w.save_as_action])
    file_menu.addSeparator()
    file_menu.addActions([w.open_runs_action, w.save_runs_action])
    export = file_menu.addMenu("&Export")
    for name in w.plots:
        export.addAction(
            action(
                w,
                f"{name} plot…",
                lambda _=False, n=name: w._export(
                    f"Export {n.lower()}",
                    "PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)",
                    lambda path: w.export_plot(n, path),
                ),
            )
        )
    export.addAction(
        action(
            w,
            "Comparison of runs…",
            lambda: w._export(
                "Export the comparison",
                "PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)",
                w.comparison.export,
            ),
            tip="The comparison's plots as an image, or the runs' histories side by side",
        )
    )
    export.addAction(
        action(
            w,
            "Network diagram…",
            lambda: w._export(
                "Export diagram", "PNG image (*.png);;SVG image (*.svg)", w.diagram.export_image
            ),
        )
    )
    export.addAction(action(w, "Animation…", lambda: animation.export_animation(w)))
    export.addSeparator()
    export.addAction(
        action(
            w,
            "Training history (CSV)…",
            lambda: w._export(
                "Export training history", "CSV (*.csv)", w.controller.export_history
            ),
        )
    )
    export.addAction(
        action(
            w,
            "PyTorch script…",
            lambda: w._export(
                "Export PyTorch script", "Python script (*.py)", w.controller.export_torch
            ),
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)

    edit = mb.addMenu("&Edit")
    edit.addActions([w.undo_action, w.redo_action])

    train = mb.addMenu("&Train")
    train.addActions([w.play_action, w.step_action, w.reset_action])
    train.addSeparator()
    train.addActions([w.seeds_action, w.cancel_runs_action])

    view = mb.addMenu("&View")
    for dock in w.docks:
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addAction(w.reset_layout_action)
    presets = view.addMenu("&Layout")
    for name, tip in layout.PRESETS.items():
        presets.addAction(action(w, name, lambda _=False, n=name: layout.arrange(w, n), tip=tip))
    view.addSeparator()
    view.addActions([w.full_screen_action, *w.zoom_actions])
    view.addSeparator()
    view.addAction(w.dark_action)
    view.addAction(w.captions_action)

    help_menu = mb.addMenu("&Help")
    w.tour_action = action(w, "&Tour", w.start_tour, tip="Open the first lesson: a guided start")
    help_menu.addAction(w.tour_action)
    help_menu.addAction(
        action(
            w,
            "Help on this &task",
            lambda: dialogs.task_help(w, get_task(w.controller.config.task.name)),
            "F1",
        )
    )
    help_menu.addAction(action(w, "&About RNN Sandbox", lambda: dialogs.about(w)))


def build_toolbar(w: MainWindow) -> None:
    tb = w.addToolBar("Training")
    tb.setObjectName("trainingToolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    style = w.style()
    sp = style.StandardPixmap
    w.play_action.setIcon(style.standardIcon(sp.SP_MediaPlay))
    w.step_action.setIcon(style.standardIcon(sp.SP_MediaSeekForward))
    w.reset_action.setIcon(style.standardIcon(sp.SP_BrowserReload))
    tb.addActions([w.play_action, w.step_action, w.reset_action])
    tb.addSeparator()
    tb.addWidget(QLabel(" Pace "))
    w.speed_combo = QComboBox()
    w.speed_combo.setToolTip(
        "How fast training goes: slow enough to watch the plots move, or full speed"
    )
    for label, value in PACES:
        w.speed_combo.addItem(label, value)
    w.speed_combo.currentIndexChanged.connect(lambda i: pace_chosen(w, i))
    tb.addWidget(w.speed_combo)
    tb.addAction(w.full_speed_action)
    tb.addSeparator()
    tb.addAction(w.undo_action)
    tb.addAction(w.redo_action)


def pace_chosen(w: MainWindow, index: int) -> None:
    w.controller.set_pace(w.speed_combo.itemData(index))
    w.full_speed_action.setChecked(index == FULL_SPEED)


def full_speed(w: MainWindow, on: bool) -> None:
    """One click to full speed, one click back to the pace chosen before."""
    if on and w.speed_combo.currentIndex() != FULL_SPEED:
        w._pace_before = w.speed_combo.currentIndex()
    w.speed_combo.setCurrentIndex(FULL_SPEED if on else w._pace_before)
