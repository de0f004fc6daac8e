"""The main window: docks, menus, toolbar, undoable settings and the training process.

The window holds a copy of the current :class:`Experiment`; the training process holds
the one that trains.  The window reads or changes the experiment only inside
``worker.paused()``, which brings its copy up to date and sends the changes back.  Every edit
of the settings, from the settings panel or from the diagram, goes through
:meth:`MainWindow.apply_config`, which puts it on the undo stack.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox import io as files
from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.lessons import LessonError, load_lessons
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.ui import errors
from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.lessons_dock import LessonsDock
from rnn_sandbox.ui.plots import GradientFlowPlot, HiddenStatePlot, LossPlot, PlotPanel
from rnn_sandbox.ui.prediction_view import PredictionView
from rnn_sandbox.ui.settings_panel import SettingsPanel
from rnn_sandbox.ui.task_picker import TaskPicker
from rnn_sandbox.ui.worker import Progress, TrainingThread

APP_NAME = "RNN Sandbox"
FILE_FILTER = "RNN Sandbox experiments (*.rnnx);;All files (*)"
SPEEDS = [("Full speed", None), ("100 steps/s", 100.0), ("30 steps/s", 30.0),
          ("10 steps/s", 10.0), ("3 steps/s", 3.0), ("1 step/s", 1.0)]
MAX_RECENT = 8
AUTOSAVE_MS = 60_000
LAYOUT_VERSION = 1


def _reason(e: BaseException) -> str:
    """One line for a message box: the expected errors speak for themselves, others are
    named (a bare ``KeyError('x')`` would say only ``'x'``)."""
    if isinstance(e, (files.ExperimentFileError, OSError, ConfigError, TaskError, ValueError)):
        return str(e) or type(e).__name__
    return f"{type(e).__name__}: {e}"


def _set_aside(path: Path) -> Path:
    """Rename a recovery file that could not be restored, so that nothing deletes it and
    the next start does not offer it again; returns where it is now."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-unrestored-{stamp}{path.suffix}")
    try:
        os.replace(path, target)
    except OSError:
        return path
    return target


@dataclass
class _ViewData:
    """What the views are built from, read from an experiment in one go (so that an
    experiment they cannot show is found before anything changes)."""

    config: ExperimentConfig
    step: int
    epoch: int
    n_train: int
    n_val: int
    baseline: Any
    state_names: list[str]
    param_names: list[str]
    sample: Any
    history: dict[str, np.ndarray]

    @classmethod
    def of(cls, exp: Experiment) -> _ViewData:
        history = exp.trainer.history
        return cls(
            config=exp.config.copy(),
            step=exp.trainer.step_count,
            epoch=exp.trainer.epoch,
            n_train=len(exp.dataset.train),
            n_val=len(exp.dataset.val),
            baseline=exp.task.baseline(exp.dataset),
            state_names=exp.network.state_names(),
            param_names=list(exp.network.params),
            sample=exp.dataset.val.subset(slice(0, 1)),
            history={
                k: np.array([h.get(k, np.nan) for h in history], float)
                for k in ("step", "train_loss", "val_loss", "val_metric")
            },
        )


class RebuildCommand(QUndoCommand):
    """Swap whole experiments, so undo brings back the old settings *and* the old model."""

    def __init__(self, window: MainWindow, old: Experiment, new: Experiment, text: str):
        super().__init__(text)
        self.window, self.old, self.new = window, old, new

    def redo(self) -> None:
        self.window._install(self.new)

    def undo(self) -> None:
        self.window._install(self.old)


class LearningRateCommand(QUndoCommand):
    """A live change: the model keeps training, the new rate applies at the next step."""

    def __init__(self, window: MainWindow, old: float, new: float, text: str):
        super().__init__(text)
        self.window, self.old, self.new = window, old, new

    def redo(self) -> None:
        self.window._set_learning_rate(self.new)

    def undo(self) -> None:
        self.window._set_learning_rate(self.old)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Several clicks on the learning-rate arrows undo as one change."""
        if not isinstance(other, LearningRateCommand):
            return False
        self.new = other.new
        self.setText(other.text())
        return True


class EpochsCommand(QUndoCommand):
    """A live change like the learning rate: how many epochs a run of Play trains."""

    def __init__(self, window: MainWindow, old: int, new: int, text: str):
        super().__init__(text)
        self.window, self.old, self.new = window, old, new

    def redo(self) -> None:
        self.window._set_epochs(self.new)

    def undo(self) -> None:
        self.window._set_epochs(self.old)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return 2

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, EpochsCommand):
            return False
        self.new = other.new
        self.setText(other.text())
        return True


class MainWindow(QMainWindow):
    def __init__(
        self,
        config: ExperimentConfig | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings if settings is not None else QSettings("RNN Sandbox", APP_NAME)
        # Overridable in tests: ask before discarding a trained model / unsaved work.
        self.confirm: Callable[[str, str], bool] = self._ask
        # Overridable in tests: how errors and warnings reach the learner.
        self.modal_messages = True
        self.last_message: tuple[str, str] | None = None
        self.message_box: QMessageBox | None = None
        self.path: Path | None = None
        self._closing = False
        self.dirty = False
        self.generation = 0
        self.step = 0
        self.epoch = 0
        self._last_snapshot = None
        self.steps_per_epoch = 1
        self._stop_at_step: int | None = None  # Play pauses here (the set number of epochs)
        self.extra_metrics: list = []  # the task's further metrics, latest values
        self._retired_threads: list[TrainingThread] = []  # their process died
        # A first start: no remembered experiment or layout, so open on the first lesson.
        self.first_run = config is None and not (
            self.settings.contains("lastConfig") or self.settings.contains("windowState")
        )
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(30)

        experiment = self._initial_experiment(config)
        self.experiment = experiment
        self.config = experiment.config.copy()
        self._start_training_thread(experiment)

        self._build_central()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self.resize(1500, 950)
        self.resizeDocks([self.tasks_dock, self.settings_dock], [260, 320],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.loss_dock], [430], Qt.Orientation.Vertical)
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._restore_window()
        self._install(experiment, record=False)
        self._update_title()
        if self.first_run:
            self.start_tour()
        # Unexpected errors are shown by the reporter; one in the training process pauses
        # training, which can go on after it.
        reporter = errors.current()
        if reporter is not None:
            reporter.reported.connect(self._on_unexpected_error)
        # Autosave: a crash or a killed session costs at most a minute of training.
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        QTimer.singleShot(0, self.offer_recovery)

    # -- construction ----------------------------------------------------------------------
    def _start_training_thread(self, experiment: Experiment) -> None:
        self.training = TrainingThread(experiment, self.generation, self)
        self.worker = self.training.worker
        self.training.progress.connect(self._on_progress)
        self.training.diverged.connect(self._on_diverged)
        self.training.runningChanged.connect(self._on_running_changed)
        self.training.died.connect(self._on_training_died)
        self.worker.set_speed(self.speed_combo.itemData(self.speed_combo.currentIndex())
                              if hasattr(self, "speed_combo") else None)

    def _initial_experiment(self, config: ExperimentConfig | None) -> Experiment:
        if self.first_run:
            lesson = self._first_lesson()
            if lesson is not None:
                try:
                    return Experiment(lesson.preset())
                except (ConfigError, TaskError, ValueError):
                    pass
        if config is None:
            text = self.settings.value("lastConfig", "", str)
            if text:
                try:
                    return Experiment(ExperimentConfig.from_json(text))
                except (ConfigError, TaskError, NotImplementedError, ValueError):
                    pass  # stale settings from another version: start fresh
            return Experiment.from_task("sine_forecast")
        return Experiment(config)

    @staticmethod
    def _first_lesson():
        try:
            return load_lessons()[0]
        except (LessonError, IndexError):
            return None

    def _build_central(self) -> None:
        self.diagram = DiagramWidget(self)
        self.diagram.configEdited.connect(self._apply_from_diagram)
        self.setCentralWidget(self.diagram)

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        L, R, B = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                   Qt.DockWidgetArea.BottomDockWidgetArea)
        self.task_picker = TaskPicker()
        self.task_picker.taskChosen.connect(self.choose_task)
        self.settings_panel = SettingsPanel()
        self.settings_panel.on_request = self.apply_config
        self.loss_plot = LossPlot()
        self.hidden_plot = HiddenStatePlot()
        self.hidden_plot.sampleChanged.connect(self._watch_sample)
        self.gradient_plot = GradientFlowPlot()
        self.prediction_view = PredictionView()
        self.tasks_dock = self._dock("Tasks", "tasksDock", self.task_picker, L)
        self.settings_dock = self._dock("Settings", "settingsDock", self.settings_panel, R)
        self.prediction_dock = self._dock(
            "Prediction", "predictionDock", self.prediction_view, B
        )
        self.loss_dock = self._dock("Loss", "lossDock", self.loss_plot, B)
        self.hidden_dock = self._dock("Hidden states", "hiddenDock", self.hidden_plot, B)
        self.gradient_dock = self._dock("Gradient flow", "gradientDock", self.gradient_plot, B)
        self.splitDockWidget(self.loss_dock, self.hidden_dock, Qt.Orientation.Horizontal)
        self.splitDockWidget(self.hidden_dock, self.gradient_dock, Qt.Orientation.Horizontal)
        self.splitDockWidget(self.gradient_dock, self.prediction_dock, Qt.Orientation.Horizontal)
        # The plots span the whole width under the diagram and the side panels.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.docks = [self.tasks_dock, self.settings_dock, self.loss_dock, self.hidden_dock,
                      self.gradient_dock, self.prediction_dock]
        self.lessons = LessonsDock(self.settings)
        self.lessons.setMinimumWidth(240)  # its row of buttons must not widen the column
        self.lessons.presetRequested.connect(self._load_lesson_setup)
        self.lessons_dock = self._dock("Lessons", "lessonsDock", self.lessons, L)
        self.tabifyDockWidget(self.tasks_dock, self.lessons_dock)
        self.tasks_dock.raise_()
        self.docks.insert(1, self.lessons_dock)
        self.plots: dict[str, PlotPanel] = {
            "Loss": self.loss_plot,
            "Hidden states": self.hidden_plot,
            "Gradient flow": self.gradient_plot,
            "Prediction": self.prediction_view,
        }

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self)
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

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.play_action = self._action("Play", self.toggle_play, "Space",
                                        "Train continuously / pause")
        self.play_action.setCheckable(True)
        self.step_action = self._action("Step", self.step_once, ["S", "Right"],
                                        "Train on exactly one batch")
        self.reset_action = self._action("Reset", self.reset, "R",
                                         "Back to the initial weights for the seed")
        self.new_action = self._action("&New", self.new_experiment, std.New,
                                       "A fresh experiment for the current task")
        self.open_action = self._action("&Open…", self.open_dialog, std.Open)
        self.save_action = self._action("&Save", self.save, std.Save)
        self.save_as_action = self._action("Save &As…", self.save_as_dialog, std.SaveAs)
        self.quit_action = self._action("&Quit", self.close, std.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.reset_layout_action = self._action("Reset layout", self.reset_layout)
        self.dark_action = self._action("Dark plots", lambda on: self.set_plot_theme(
            "dark" if on else "light"))
        self.dark_action.setCheckable(True)
        self.captions_action = self._action(
            "Explain the plots", self.set_captions, tip="A line under each plot on how to read it"
        )
        self.captions_action.setCheckable(True)
        self.captions_action.setChecked(True)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        export = file_menu.addMenu("&Export")
        for name in self.plots:
            export.addAction(self._action(
                f"{name} plot…", lambda _=False, n=name: self.export_plot_dialog(n)
            ))
        export.addAction(self._action("Network diagram…", self.export_diagram_dialog))
        export.addSeparator()
        export.addAction(self._action("Training history (CSV)…", self.export_history_dialog))
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit = mb.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action])

        train = mb.addMenu("&Train")
        train.addActions([self.play_action, self.step_action, self.reset_action])

        view = mb.addMenu("&View")
        for dock in self.docks:
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addAction(self.reset_layout_action)
        view.addAction(self.dark_action)
        view.addAction(self.captions_action)

        help_menu = mb.addMenu("&Help")
        self.tour_action = self._action(
            "&Tour", self.start_tour, tip="Open the first lesson: a guided start")
        help_menu.addAction(self.tour_action)
        help_menu.addAction(self._action("Help on this &task", self.show_task_help, "F1"))
        help_menu.addAction(self._action("&About RNN Sandbox", self.show_about))

    def _build_toolbar(self) -> None:
        tb = self.addToolBar("Training")
        tb.setObjectName("trainingToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        sp = style.StandardPixmap
        self.play_action.setIcon(style.standardIcon(sp.SP_MediaPlay))
        self.step_action.setIcon(style.standardIcon(sp.SP_MediaSeekForward))
        self.reset_action.setIcon(style.standardIcon(sp.SP_BrowserReload))
        tb.addActions([self.play_action, self.step_action, self.reset_action])
        tb.addSeparator()
        tb.addWidget(QLabel(" Speed "))
        self.speed_combo = QComboBox()
        self.speed_combo.setToolTip("Slow training down to watch each step")
        for label, value in SPEEDS:
            self.speed_combo.addItem(label, value)
        self.speed_combo.currentIndexChanged.connect(self._speed_changed)
        tb.addWidget(self.speed_combo)
        tb.addSeparator()
        tb.addAction(self.undo_action)
        tb.addAction(self.redo_action)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.status_labels: dict[str, QLabel] = {}
        for key, width in (("step", 90), ("epoch", 90), ("train", 130), ("val", 130),
                           ("metric", 150), ("extra", 0), ("rate", 90)):
            label = QLabel()
            label.setMinimumWidth(width)
            sb.addPermanentWidget(label)
            self.status_labels[key] = label
        self.status_labels["extra"].setToolTip(
            "Further numbers of this task on the validation set, from the latest weights")
        self._update_status(None)

    # -- settings persistence --------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)
        theme = self.settings.value("plotTheme", "light", str)
        self.dark_action.setChecked(theme == "dark")
        self.set_plot_theme(theme)
        captions = self.settings.value("plotCaptions", "true", str) != "false"
        self.captions_action.setChecked(captions)
        self.set_captions(captions)
        speed = self.settings.value("speed", 0, int)
        if 0 <= speed < len(SPEEDS):
            self.speed_combo.setCurrentIndex(speed)

    def _save_window(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState(LAYOUT_VERSION))
        self.settings.setValue("lastConfig", self.config.to_json(indent=None))
        self.settings.setValue("plotTheme", "dark" if self.dark_action.isChecked() else "light")
        self.settings.setValue("speed", self.speed_combo.currentIndex())
        self.settings.setValue(
            "plotCaptions", "true" if self.captions_action.isChecked() else "false"
        )
        self.settings.sync()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self.docks:
            dock.setFloating(False)
            dock.show()

    def set_captions(self, on: bool) -> None:
        for panel in self.plots.values():
            panel.caption.setVisible(on)

    def set_plot_theme(self, name: str) -> None:
        for panel in self.plots.values():
            panel.set_theme(name)

    # -- the experiment ------------------------------------------------------------------
    def apply_config(self, new_cfg: ExperimentConfig, description: str) -> str | None:
        """The one way settings change.  Returns why not (shown by the caller), ``""``
        when the learner declined, ``None`` when applied (and put on the undo stack)."""
        new_cfg = new_cfg.copy()
        old = self.config
        if new_cfg.to_dict() == old.to_dict():
            return None
        probe = new_cfg.copy()
        probe.training.learning_rate = old.training.learning_rate
        probe.training.epochs = old.training.epochs
        if probe.to_dict() == old.to_dict():
            # Only settings that apply while training: the model stays.
            try:
                new_cfg.validate()
            except ConfigError as e:
                return str(e)
            commands = []
            lr, epochs = new_cfg.training.learning_rate, new_cfg.training.epochs
            if lr != old.training.learning_rate:
                commands.append(LearningRateCommand(self, old.training.learning_rate, lr,
                                                    description))
            if epochs != old.training.epochs:
                commands.append(EpochsCommand(self, old.training.epochs, epochs, description))
            if len(commands) > 1:
                self.undo_stack.beginMacro(description)
            for c in commands:
                self.undo_stack.push(c)
            if len(commands) > 1:
                self.undo_stack.endMacro()
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            experiment = Experiment(new_cfg)
        except (ConfigError, TaskError, NotImplementedError, ValueError) as e:
            return str(e)
        except Exception as e:  # a task that fails on these settings: say so, keep going
            return f"the experiment cannot be built with these settings ({type(e).__name__}: {e})"
        finally:
            QApplication.restoreOverrideCursor()
        n_train = len(experiment.dataset.train)
        if new_cfg.training.batch_size > n_train:
            return (f"training.batch_size: {new_cfg.training.batch_size} is more than the "
                    f"{n_train} training sequences; lower the batch size or raise the samples")
        if self.step > 0 and not self.confirm(
            "Discard the trained model?",
            f"“{description}” builds a new network with fresh weights; the model trained "
            f"for {self.step} steps is replaced (Undo brings it back).",
        ):
            return ""
        self.undo_stack.push(RebuildCommand(self, self.experiment, experiment, description))
        return None

    def _apply_from_diagram(self, cfg: ExperimentConfig, description: str) -> None:
        """A gesture in the diagram: same path as the settings; a refusal is shown and
        the diagram goes back to the current network."""
        error = self.apply_config(cfg, description)
        if error is not None:
            if error:
                self.settings_panel.show_error(error)
                self.statusBar().showMessage(f"Not changed: {error}", 10_000)
            self.diagram.set_config(self.config)

    def _load_lesson_setup(self, cfg: ExperimentConfig) -> None:
        error = self.apply_config(cfg, "Load the lesson's setup")
        if error:
            self.show_message("Cannot load this setup", error, QMessageBox.Icon.Warning)

    def choose_task(self, name: str) -> str | None:
        task = get_task(name)
        error = self.apply_config(task.default_config(), f"Choose task “{task.title}”")
        if error:
            self.show_message("Cannot use this task", error, QMessageBox.Icon.Warning)
        self.task_picker.set_current(self.config.task.name)
        return error

    def _install(self, experiment: Experiment, record: bool = True) -> None:
        """Make ``experiment`` current: the worker gets it, every view is rebuilt.

        All or nothing: what the views need is read from the experiment before anything
        changes, and if a view still fails, the previous experiment (as trained up to now)
        is put back in the window and the training process before the error goes on up.
        """
        previous = self.experiment
        try:
            self._switch_to(experiment, record)
        except Exception:
            if previous is not experiment:
                self._switch_to(previous, record=False)
            raise

    def _switch_to(self, experiment: Experiment, record: bool) -> None:
        # A new experiment is read before it is sent; the current one once brought up to
        # date from the training process.
        view = _ViewData.of(experiment) if experiment is not self.experiment else None
        self.generation += 1
        self.worker.set_experiment(experiment, self.generation)  # pauses
        self._sync_play(False)
        self.experiment = experiment
        with self.worker.paused() as exp:
            if view is None:
                view = _ViewData.of(exp)
            exp.trainer.sample_index = 0
        self.config = view.config
        self.step, self.epoch = view.step, view.epoch
        cfg = self.config
        self.steps_per_epoch = max(1, math.ceil(view.n_train / cfg.training.batch_size))
        self._stop_at_step = None
        self.extra_metrics = []
        self.status_labels["extra"].setText("")
        self.settings_panel.set_config(cfg)
        self.task_picker.set_current(cfg.task.name)
        self.loss_plot.set_task(view.baseline, cfg.network.loss.upper(), None)
        arr = view.history
        if len(arr["step"]):
            val = np.isfinite(arr["val_loss"])
            self.loss_plot.append(arr["step"], arr["train_loss"], arr["step"][val],
                                  arr["val_loss"][val], arr["val_metric"][val])
        self.hidden_plot.set_network(view.state_names, view.n_val, cfg.network.nonlinearity)
        self.gradient_plot.set_network(view.state_names, view.param_names)
        self.prediction_view.set_experiment(experiment.task, experiment.dataset, cfg.network)
        self.diagram.set_config(cfg)
        self.diagram.set_context(cfg, view.sample)
        self.hidden_plot.sample_spin.blockSignals(True)
        self.hidden_plot.sample_spin.setValue(0)
        self.hidden_plot.sample_spin.blockSignals(False)
        self.worker.set_sample_index(0)  # an untrained look at the watched sample
        self._update_status(None)
        if record:
            self._mark_dirty()

    def _set_epochs(self, epochs: int) -> None:
        self.config.training.epochs = epochs
        # The trainer reads its settings object only between steps; an int is set at once.
        self.experiment.config.training.epochs = epochs
        self.settings_panel.set_config(self.config)
        if self.worker.is_running():
            self._stop_at_step = self._epoch_target()
            self._pass_stop_to_worker()
        self._update_epoch_label()
        self._mark_dirty()

    def _set_learning_rate(self, lr: float) -> None:
        self.config.training.learning_rate = lr
        self.worker.set_learning_rate(lr)
        self.settings_panel.set_config(self.config)
        self._mark_dirty()

    def _watch_sample(self, index: int) -> None:
        self.worker.set_sample_index(index)
        sample = self.experiment.dataset.val.subset(slice(index, index + 1))
        self.diagram.set_context(self.config, sample)

    # -- training controls -----------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.worker.is_running():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Train until paused or until the set number of epochs is done.  Play after
        that trains on (the learner asked for more), until paused."""
        target = self._epoch_target()
        self._stop_at_step = target if self.step < target else None
        if self._stop_at_step is None:
            self.statusBar().showMessage(
                f"Training on past the {self.config.training.epochs} epochs set "
                "(raise Epochs to plan a longer run).", 8_000)
        self._pass_stop_to_worker()
        self.worker.play()
        self._sync_play(True)

    def _pass_stop_to_worker(self) -> None:
        """A worker that can pause itself before a given step stops the run exactly; the
        window's own check in :meth:`_check_epochs_done` then only reports it."""
        set_stop_at = getattr(self.worker, "set_stop_at", None)
        if set_stop_at is not None:
            set_stop_at(self._stop_at_step)

    def _epoch_target(self) -> int:
        """The step at which the set number of epochs is complete."""
        return self.config.training.epochs * self.steps_per_epoch

    def _check_epochs_done(self) -> None:
        if self._stop_at_step is not None and self.step >= self._stop_at_step:
            self._stop_at_step = None
            self.pause()
            epochs = self.config.training.epochs
            self.statusBar().showMessage(
                f"Finished: {epochs} epoch{'s' if epochs != 1 else ''} trained "
                f"({self.step} steps). Play trains on; Epochs sets the length of a run.",
                20_000)

    def pause(self) -> None:
        self.worker.pause()
        self._sync_play(False)

    def step_once(self) -> None:
        if self.worker.is_running():
            self.pause()
        self.worker.step_once()

    def reset(self) -> None:
        """Initial weights for the seed and a fresh optimizer; plots start over."""
        with self.worker.paused() as exp:
            exp.reset()
        self._sync_play(False)
        self._install(self.experiment)

    def _sync_play(self, running: bool) -> None:
        if self.play_action.text() == ("Pause" if running else "Play"):
            self.play_action.setChecked(running)
            return  # already showing it (looking up the icon is not free)
        self.play_action.setChecked(running)
        self.play_action.setText("Pause" if running else "Play")
        sp = self.style().StandardPixmap
        self.play_action.setIcon(
            self.style().standardIcon(sp.SP_MediaPause if running else sp.SP_MediaPlay)
        )

    def _speed_changed(self, index: int) -> None:
        self.worker.set_speed(self.speed_combo.itemData(index))

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self._sync_play(running)

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        if p.generation != self.generation:
            return  # from an experiment that was replaced meanwhile
        snap = p.snapshot
        if len(p.steps):
            self.step = int(p.steps[-1])
            self._mark_dirty()
        if snap is not None:
            # The snapshot may be older than the last loss point of the same report.
            self.step, self.epoch = max(self.step, snap.step), snap.epoch
        self._check_epochs_done()
        self._update_status(p)
        self._show_extra_metrics(p)
        # One panel at a time, each painted before the next: the event loop turns between
        # them, so a refresh never blocks it for the time of all panels together.
        for update in self._panel_updates(p):
            update()
            self._turn_event_loop()
            if p.generation != self.generation or self._closing:
                return  # the learner changed the experiment or closed the window meanwhile

    def _panel_updates(self, p: Progress) -> list[Callable[[], None]]:
        snap = p.snapshot
        updates: list[Callable[[], None]] = []
        if len(p.steps) or len(p.val_steps):
            updates.append(lambda: self.loss_plot.append(
                p.steps, p.losses, p.val_steps, p.val_losses, p.val_metrics, p.metric_name
            ))
        if snap is not None and snap.hidden is not None:
            # Closed or hidden (tabbed away) panels skip the work of drawing.
            if _shown(self.hidden_plot):
                updates.append(lambda: self.hidden_plot.update_snapshot(snap))
            if _shown(self.prediction_view):
                updates.append(lambda: self.prediction_view.update_snapshot(snap))
            updates.append(lambda: self.diagram.show_snapshot(snap))
        grads = [s for s in p.snapshots if math.isfinite(s.train_loss)]
        if grads:
            def gradients() -> None:
                shown = _shown(self.gradient_plot)
                for s in grads:
                    self.gradient_plot.update_snapshot(s, draw=shown and s is grads[-1])
            updates.append(gradients)
        return updates

    def _turn_event_loop(self) -> None:
        """Paint what the last update changed and handle waiting events."""
        if self.training.delivering:
            QApplication.processEvents()

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self._sync_play(False)
        self.show_message(
            "Training diverged",
            "Training was paused: " + message + "\n\nThe weights of the last good step "
            "were kept, so you can change a setting and continue.",
            QMessageBox.Icon.Warning,
        )

    # -- extra metrics -------------------------------------------------------------------
    def _show_extra_metrics(self, p: Progress) -> None:
        """The task's further numbers (e.g. the accuracy on ambiguous words), as the training
        thread computed them on the validation outputs of its latest validation pass."""
        if p.extra_step is None:
            return
        self.extra_metrics = list(p.extra_metrics)
        self.status_labels["extra"].setText("  ·  ".join(
            f"{m.name} {m.value:.3g}" for m in self.extra_metrics if np.isfinite(m.value)))

    # -- status bar and title ------------------------------------------------------------
    def _update_epoch_label(self) -> None:
        current = self.epoch + 1 if self.step else 0  # the trainer counts from 0
        self.status_labels["epoch"].setText(f"epoch {current} of {self.config.training.epochs}")

    def _update_status(self, p: Progress | None) -> None:
        lab = self.status_labels
        lab["step"].setText(f"step {self.step}")
        self._update_epoch_label()
        if p is None:
            lab["train"].setText("train loss —")
            lab["val"].setText("val loss —")
            lab["metric"].setText("")
            lab["rate"].setText("")
            return
        if len(p.losses):
            lab["train"].setText(f"train loss {p.losses[-1]:.4g}")
        if len(p.val_losses):
            lab["val"].setText(f"val loss {p.val_losses[-1]:.4g}")
            if p.metric_name and np.isfinite(p.val_metrics[-1]):
                lab["metric"].setText(f"{p.metric_name} {p.val_metrics[-1]:.4g}")
        if p.running:
            lab["rate"].setText(f"{p.steps_per_second:.0f} steps/s")
        elif len(p.steps):
            lab["rate"].setText("paused")

    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self._update_title()

    def _update_title(self) -> None:
        name = self.path.name if self.path else "Untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.dirty)

    # -- messages ------------------------------------------------------------------------
    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_message(self, title: str, text: str, icon=QMessageBox.Icon.Information) -> None:
        """Tell the learner something; the box is window-modal but does not block the
        event loop (training signals and tests keep running)."""
        self.last_message = (title, text)
        self.statusBar().showMessage(f"{title}: {text.splitlines()[0]}", 15_000)
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        self.message_box = box
        if self.modal_messages:
            box.open()  # window-modal, returns at once
        else:
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.show()

    def start_tour(self) -> None:
        """Show the lessons panel on the first lesson (its setup is one click away)."""
        self.lessons_dock.setFloating(False)
        self.lessons_dock.show()
        self.lessons_dock.raise_()
        if self.lessons_dock.width() < 340:  # room for the text and its buttons
            self.resizeDocks([self.lessons_dock], [340], Qt.Orientation.Horizontal)
        self.lessons.show_lesson(self.lessons.lessons[0].id)

    @Slot(object)
    def _on_unexpected_error(self, report) -> None:
        """After an unexpected error (the dialog shows it): say so where the eye is, and
        show training paused if the error paused it."""
        self.statusBar().showMessage(f"Unexpected error: {report.message}", 15_000)
        if report.thread == self.training.thread.objectName():
            self._sync_play(self.worker.is_running())

    @Slot(str)
    def _on_training_died(self, what: str) -> None:
        """The training process is gone (killed, out of memory): a new one continues from
        the window's copy of the experiment, as of the last pause."""
        if self._closing:
            return
        old = self.training
        self._sync_play(False)
        old.shutdown(2_000)
        for signal, slot in ((old.progress, self._on_progress),
                             (old.diverged, self._on_diverged),
                             (old.runningChanged, self._on_running_changed),
                             (old.died, self._on_training_died)):
            signal.disconnect(slot)
        self._retired_threads.append(old)  # kept until the window closes
        self._start_training_thread(self.experiment)
        self._install(self.experiment, record=False)
        self.show_message(
            "Training stopped", f"{what} A new one continues from step {self.step}, where "
            "training last paused or was saved; the steps trained since then are lost.",
            QMessageBox.Icon.Warning)

    def show_task_help(self) -> None:
        task = get_task(self.config.task.name)
        dialog = QDialog(self)
        dialog.setWindowTitle(f"About the task: {task.title}")
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        try:
            browser.setMarkdown(task.description())
        except OSError:
            browser.setMarkdown(f"# {task.title}\n\n{task.summary}")
        QVBoxLayout(dialog).addWidget(browser)
        dialog.resize(640, 560)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME}</h3><p>Build a recurrent network neuron by neuron, train it "
            "live and watch its loss, hidden states and the gradient flowing back through "
            "time.</p><p>The engine is plain NumPy with backpropagation through time written "
            "out by hand; trained weights load into <code>torch.nn.RNN</code>.</p>",
        )

    # -- files ---------------------------------------------------------------------------
    def _check_unsaved(self) -> bool:
        if not self.dirty or self.step == 0:
            return True
        return self.confirm("Discard unsaved changes?",
                            "The current experiment has changes that were not saved.")

    def new_experiment(self) -> None:
        if not self._check_unsaved():
            return
        experiment = Experiment(get_task(self.config.task.name).default_config())
        self.undo_stack.clear()
        self._install(experiment, record=False)
        self.path, self.dirty = None, False
        self._update_title()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open experiment", self._folder(),
                                              FILE_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Load a file and make it current, or change nothing.

        Whatever goes wrong, the window, the training process, the undo history and the
        file name a Save writes to stay as they were.
        """
        if not self._check_unsaved():
            return False
        try:
            experiment = files.load_experiment(path)
            self.pause()
            self._install(experiment, record=False)
        except Exception as e:  # noqa: BLE001 (any failure: say so, change nothing)
            self.show_message("Cannot open the file", f"{path}:\n{_reason(e)}",
                              QMessageBox.Icon.Critical)
            return False
        self.undo_stack.clear()
        self.path, self.dirty = Path(path), False
        self._add_recent(self.path)
        self._update_title()
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save experiment", self._folder(),
                                              FILE_FILTER)
        if not path:
            return False
        if not Path(path).suffix:
            path += files.EXTENSION
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        try:
            with self.worker.paused() as exp:
                written = files.save_experiment(path, exp)
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.show_message("Cannot save", f"{path}:\n{e}", QMessageBox.Icon.Critical)
            return False
        self._sync_play(False)
        self.path = Path(written) if written else Path(path)
        self.dirty = False
        self._add_recent(self.path)
        self._update_title()
        return True

    def _folder(self) -> str:
        return str(self.path.parent) if self.path else str(Path.home())

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recentFiles", files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for f in files:
            self.recent_menu.addAction(Path(f).name, lambda f=f: self.open_path(f)).setToolTip(f)
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)

    # -- exports -------------------------------------------------------------------------
    def export_plot(self, name: str, path: str | Path) -> None:
        self.plots[name].export(path)

    def export_plot_dialog(self, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export {name.lower()}", self._folder(),
            "PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)",
        )
        if path:
            try:
                self.export_plot(name, path)
            except (OSError, ValueError) as e:
                self.show_message("Cannot export", str(e), QMessageBox.Icon.Critical)

    def export_diagram_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export diagram", self._folder(), "PNG image (*.png);;SVG image (*.svg)"
        )
        if path:
            try:
                self.diagram.export_image(path)
            except (OSError, ValueError) as e:
                self.show_message("Cannot export", str(e), QMessageBox.Icon.Critical)

    def export_history(self, path: str | Path) -> None:
        with self.worker.paused() as exp:
            history = [dict(h) for h in exp.trainer.history]
        self._sync_play(False)
        files.export_history_csv(path, history)

    def export_history_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export training history", self._folder(),
                                              "CSV (*.csv)")
        if path:
            try:
                self.export_history(path)
            except (OSError, ValueError) as e:
                self.show_message("Cannot export", str(e), QMessageBox.Icon.Critical)

    # -- recovery ------------------------------------------------------------------------
    def recovery_folder(self) -> Path:
        """Next to the settings file, so each settings location has its own."""
        return Path(self.settings.fileName()).parent / "recovery"

    def autosave(self) -> bool:
        """Save a trained, unsaved experiment to the recovery file (training goes on)."""
        if not self.dirty or self.step == 0:
            return False
        running = self.worker.is_running()
        try:
            # Training pauses only for the snapshot; writing it and reading it back to be
            # sure it reopens happen while training goes on.
            with self.worker.paused() as exp:
                data = files.experiment_to_bytes(exp)
        finally:
            if running:
                self.worker.play()
        try:
            files.autosave(data, self.recovery_folder())
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.statusBar().showMessage(f"Autosave failed: {e}", 10_000)
            return False
        return True

    def offer_recovery(self) -> bool:
        """After a session that did not end cleanly, offer its last autosave."""
        path = files.find_recovery(self.recovery_folder())
        if path is None:
            return False
        if not self.confirm(
            "Restore the last session?",
            "The program ended before the last experiment was saved. Restore it from the "
            "automatic copy made during training?",
        ):
            files.clear_recovery(self.recovery_folder())
            return False
        try:
            experiment = files.load_experiment(path)
            self._install(experiment, record=False)
        except Exception as e:  # noqa: BLE001 (any failure: the copy is kept, not deleted)
            kept = _set_aside(path)
            self.show_message(
                "Cannot restore",
                f"{_reason(e)}\n\nThe automatic copy is kept as {kept}.",
                QMessageBox.Icon.Warning,
            )
            return False
        self.undo_stack.clear()
        self.path, self.dirty = None, True
        self._update_title()
        return True

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._check_unsaved():
            event.ignore()
            return
        self._closing = True
        self._save_window()
        self.shutdown()
        files.clear_recovery(self.recovery_folder())  # a clean exit: nothing to recover
        if self.message_box is not None:
            self.message_box.close()
        event.accept()

    def shutdown(self) -> bool:
        """Stop the training process and its relay thread; True when both have ended."""
        self.autosave_timer.stop()
        for old in self._retired_threads:
            old.shutdown()
        return self.training.shutdown()


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
