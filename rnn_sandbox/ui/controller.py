"""The experiment the window shows, and everything done to it, without a widget.

:class:`ExperimentController` owns the current :class:`Experiment`, the undo stack, the
file it was opened from or saved to, autosave and recovery, the training process
(through :class:`~rnn_sandbox.ui.worker.TrainingThread`), and the runs of the session
(:attr:`ExperimentController.runs`): an experiment that trained and is replaced is kept
there, and seed repeats and lesson comparisons train into it in worker processes.  The
window lays out the views and wires menus to it; the views only show what it tells them
(:class:`View`).

The controller holds a copy of the experiment; the training process holds the one that
trains.  It reads or changes the experiment only inside ``worker.paused()``, which brings
its copy up to date and sends the changes back.  Every settings change goes through
:meth:`ExperimentController.apply_config`, which puts it on the undo stack.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from rnn_sandbox import io as files
from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.engine import Anatomy
from rnn_sandbox.fields import SETTINGS
from rnn_sandbox.lessons import LessonError, load_lessons
from rnn_sandbox.session import Experiment, propose
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.ui.errors import reason
from rnn_sandbox.ui.runs.keeping import RunKeeping
from rnn_sandbox.ui.worker import Progress, TrainingThread

MAX_RECENT = 8
# The pace a class can follow: a planned run (the set epochs) spread over about this many
# seconds, at least one step a second.  It only limits: a slow machine is slower still.
WATCH = "watch"
WATCH_SECONDS = 30.0


def finished_text(epochs: int, steps: int) -> str:
    """The status bar's word at the end of a planned run (short: the numbers beside it
    leave a laptop's status bar little room)."""
    return f"Finished: {epochs} epoch{'s' if epochs != 1 else ''} ({steps} steps). Play trains on."


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
class ViewData:
    """What the views are built from, read from an experiment in one go (so that an
    experiment they cannot show is found before anything changes)."""

    experiment: Experiment
    generation: int  # of the controller's experiments, counted (reports carry it too)
    config: ExperimentConfig
    step: int
    epoch: int
    n_train: int
    n_val: int
    baseline: Any
    anatomy: Anatomy  # the network's states and parameters, named
    sample: Any
    history: dict[str, np.ndarray]
    metric_name: str | None  # the task's metric, known once the run was validated

    @classmethod
    def of(cls, exp: Experiment, generation: int) -> ViewData:
        history = exp.trainer.history
        return cls(
            experiment=exp,
            generation=generation,
            metric_name=getattr(exp.trainer, "metric_name", None),
            config=exp.config.copy(),
            step=exp.trainer.step_count,
            epoch=exp.trainer.epoch,
            n_train=len(exp.dataset.train),
            n_val=len(exp.dataset.val),
            baseline=exp.task.baseline(exp.dataset),
            anatomy=exp.network.anatomy(),
            sample=exp.dataset.val.subset(slice(0, 1)),
            history={
                k: np.array([h.get(k, np.nan) for h in history], float)
                for k in ("step", "train_loss", "val_loss", "val_metric", "seconds")
            },
        )


class View(Protocol):
    """What every panel does for the controller."""

    def show_experiment(self, view: ViewData) -> None:
        """Rebuild everything that depends on the task and the network (axes, labels,
        legends, ranges) for this experiment; nothing of the previous one stays."""

    def show_progress(self, progress: Progress) -> None:
        """Draw what training reported (the panel may skip drawing while hidden)."""


class RebuildCommand(QUndoCommand):
    """Swap whole experiments, so undo brings back the old settings *and* the old model."""

    def __init__(self, controller: ExperimentController, old: Experiment, new: Experiment,
                 text: str) -> None:
        super().__init__(text)
        self.controller, self.old, self.new = controller, old, new

    def redo(self) -> None:
        self.controller.install(self.new)

    def undo(self) -> None:
        self.controller.install(self.old)


# The settings that change while the model trains, each with its own undo id so that
# several clicks on one control undo as one change.
LIVE_IDS = {s.key: i for i, s in enumerate((s for s in SETTINGS if s.live), start=1)}


class LiveSettingCommand(QUndoCommand):
    """A live change (learning rate, epochs): the model keeps training."""

    def __init__(self, controller: ExperimentController, key: str, old: Any, new: Any,
                 text: str) -> None:
        super().__init__(text)
        self.controller, self.key, self.old, self.new = controller, key, old, new

    def redo(self) -> None:
        self.controller.set_live(self.key, self.new)

    def undo(self) -> None:
        self.controller.set_live(self.key, self.old)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return LIVE_IDS[self.key]

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Several clicks on the same control undo as one change."""
        if not isinstance(other, LiveSettingCommand) or other.key != self.key:
            return False
        self.new = other.new
        self.setText(other.text())
        return True


class ExperimentController(RunKeeping, QObject):
    """The current experiment, its undo history, its file and its training process."""

    runningChanged = Signal(bool)
    documentChanged = Signal()  # the file name or the unsaved-changes mark
    liveChanged = Signal()  # a setting changed while the model trains (config is current)
    status = Signal(str, int)  # a passing note for the status bar, and for how long (ms)
    message = Signal(str, str, str)  # title, text, "information" | "warning" | "critical"
    runsChanged = Signal()  # the book of runs, or which run is the current one
    jobChanged = Signal()  # runs training in worker processes: started, one done, ended

    def __init__(self, settings: QSettings, config: ExperimentConfig | None,
                 ask: Callable[[str, str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ask = ask  # asks the learner a yes/no question
        self.views: list[View] = []
        self.path: Path | None = None
        self.dirty = False
        self.closing = False
        self.generation = 0
        self.step = 0
        self.epoch = 0
        self.steps_per_epoch = 1
        self.stop_at_step: int | None = None  # Play pauses here (the set number of epochs)
        self.pace: float | str | None = WATCH  # WATCH, steps a second, or None: full speed
        self._retired: list[TrainingThread] = []  # their process died
        self.first_run = config is None and not (
            settings.contains("lastConfig") or settings.contains("windowState")
        )
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(30)
        self._init_runs()
        self.experiment = self._initial_experiment(config)
        self.config = self.experiment.config.copy()
        self._start_training(self.experiment)

    # -- start ---------------------------------------------------------------------------
    def _initial_experiment(self, config: ExperimentConfig | None) -> Experiment:
        if self.first_run:
            try:
                return Experiment(load_lessons()[0].preset())
            except (LessonError, IndexError, ConfigError, TaskError, ValueError):
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

    def _start_training(self, experiment: Experiment) -> None:
        self.training = TrainingThread(experiment, self.generation, self)
        self.worker = self.training.worker
        self.training.progress.connect(self._on_progress)
        self.training.diverged.connect(self._on_diverged)
        self.training.runningChanged.connect(self.runningChanged)
        self.training.died.connect(self._on_training_died)
        self.worker.set_speed(self.steps_per_second())

    # -- the experiment ------------------------------------------------------------------
    def apply_config(self, new_cfg: ExperimentConfig | Mapping[str, Any],
                     description: str) -> str | None:
        """The one way settings change.  Returns why not (shown by the caller), ``""``
        when the learner declined, ``None`` when applied (and put on the undo stack)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            answer = propose(self.config, new_cfg)
        finally:
            QApplication.restoreOverrideCursor()
        if answer.kind == "unchanged":
            return None
        if answer.kind == "refused":
            return answer.reason
        if answer.kind == "live":
            commands = [
                LiveSettingCommand(self, key, _get(self.config, key), value, description)
                for key, value in answer.live_changes.items()
            ]
            if len(commands) > 1:
                self.undo_stack.beginMacro(description)
            for c in commands:
                self.undo_stack.push(c)
            if len(commands) > 1:
                self.undo_stack.endMacro()
            return None
        if self.step > 0 and not self.ask(
            "Replace the trained model?",
            f"“{description}” builds a new network with fresh weights; the model trained "
            f"for {self.step} steps is replaced and kept in the Runs panel (Undo brings it "
            "back).",
        ):
            return ""
        self.replace_with(answer.experiment, description)
        return None

    def install(self, experiment: Experiment, record: bool = True) -> None:
        """Make ``experiment`` current: the training process gets it, every view is
        rebuilt.

        All or nothing: what the views need is read from the experiment before anything
        changes, and if a view still fails, the previous experiment (as trained up to now)
        is put back in the views and the training process before the error goes on up.
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
        generation = self.generation + 1
        replaced = experiment is not self.experiment
        view = ViewData.of(experiment, generation) if replaced else None
        if replaced:
            self._keep_current()
        self.generation = generation
        self.worker.set_experiment(experiment, self.generation)  # pauses
        self.runningChanged.emit(False)
        self.experiment = experiment
        with self.worker.paused() as exp:
            if view is None:
                view = ViewData.of(exp, self.generation)
            exp.trainer.sample_index = 0
        before = self.config if replaced else None
        self.config = view.config
        self.step, self.epoch = view.step, view.epoch
        if replaced or self._current_template is None:
            self._become_current(experiment, view, before)
        assert self._current_template is not None
        self._current_template.gradients = [
            (int(s), np.asarray(g, np.float64))
            for s, g in getattr(view.experiment.trainer, "gradient_history", [])]
        h = view.history
        self._live = [
            {k: float(h[k][i])
             for k in ("step", "train_loss", "val_loss", "val_metric", "seconds")}
            for i in range(len(h["step"]))]
        self.history_version += 1
        self.steps_per_epoch = max(1, math.ceil(view.n_train / self.config.training.batch_size))
        self.stop_at_step = None
        self.worker.set_speed(self.steps_per_second())  # the watching pace follows the run
        for v in self.views:
            v.show_experiment(view)
        self.worker.set_sample_index(0)  # an untrained look at the watched sample
        if record:
            self.mark_dirty()
        self.runsChanged.emit()

    def set_live(self, key: str, value: Any) -> None:
        """A setting that applies while the model trains (learning rate, epochs)."""
        if key == "training.learning_rate":
            self.config.training.learning_rate = value
            self.worker.set_learning_rate(value)
        elif key == "training.epochs":
            self.config.training.epochs = value
            # The trainer reads its settings between steps; an int is set at once.
            self.experiment.config.training.epochs = value
            if self.worker.is_running():
                self.stop_at_step = self.epoch_target()
                self.worker.set_stop_at(self.stop_at_step)
            self.worker.set_speed(self.steps_per_second())
        else:
            raise KeyError(key)
        self.liveChanged.emit()
        self.mark_dirty()

    def watch_sample(self, index: int) -> Any:
        """Watch another validation sample; returns it (one-sample batch)."""
        self.worker.set_sample_index(index)
        return self.experiment.dataset.val.subset(slice(index, index + 1))

    def new_experiment(self) -> None:
        if not self.check_unsaved():
            return
        experiment = Experiment(get_task(self.config.task.name).default_config())
        self.undo_stack.clear()
        self.install(experiment, record=False)
        self.set_document(None, dirty=False)

    def replace_with(self, experiment: Experiment, text: str) -> None:
        """Make ``experiment`` the current one, undoably (the old one comes back as trained)."""
        self.undo_stack.push(RebuildCommand(self, self.experiment, experiment, text))

    # -- training ------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.worker.is_running():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Train until paused or until the set number of epochs is done.  Play after
        that trains on (the learner asked for more), until paused."""
        target = self.epoch_target()
        self.stop_at_step = target if self.step < target else None
        if self.stop_at_step is None:
            self.status.emit(f"Training on past the {self.config.training.epochs} epochs set "
                             "(raise Epochs to plan a longer run).", 8_000)
        self.worker.set_stop_at(self.stop_at_step)
        self.worker.play()
        self.runningChanged.emit(True)

    def epoch_target(self) -> int:
        """The step at which the set number of epochs is complete."""
        return self.config.training.epochs * self.steps_per_epoch

    def _check_epochs_done(self) -> None:
        if self.stop_at_step is not None and self.step >= self.stop_at_step:
            self.stop_at_step = None
            self.pause()
            self.status.emit(finished_text(self.config.training.epochs, self.step), 20_000)

    def pause(self) -> None:
        self.worker.pause()
        self.runningChanged.emit(False)

    def step_once(self) -> None:
        if self.worker.is_running():
            self.pause()
        self.worker.step_once()

    def reset(self) -> None:
        """Initial weights for the seed and a fresh optimizer; plots start over."""
        with self.worker.paused() as exp:
            exp.reset()
        self.runningChanged.emit(False)
        self.install(self.experiment)

    def set_pace(self, pace: float | str | None) -> None:
        """``WATCH`` (a run in about half a minute), steps a second, or ``None``: as fast
        as the machine can."""
        self.pace = pace
        self.worker.set_speed(self.steps_per_second())

    def steps_per_second(self) -> float | None:
        """The pace limit now (``None``: none)."""
        if self.pace == WATCH:
            return max(1.0, self.epoch_target() / WATCH_SECONDS)
        return self.pace

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        if p.generation != self.generation:
            return  # from an experiment that was replaced meanwhile
        snap = p.snapshot
        if len(p.steps) or len(p.val_steps):
            self._record(p)
        if len(p.steps):
            self.step = int(p.steps[-1])
            self.mark_dirty()
        if snap is not None:
            # The snapshot may be older than the last loss point of the same report.
            self.step, self.epoch = max(self.step, snap.step), snap.epoch
        self._check_epochs_done()
        # One view at a time, each painted before the next: the event loop turns between
        # them, so a refresh never blocks it for the time of all views together.
        for v in self.views:
            v.show_progress(p)
            if self.training.delivering:
                QApplication.processEvents()
            if p.generation != self.generation or self.closing:
                return  # the learner changed the experiment or closed the window meanwhile

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self.runningChanged.emit(False)
        self.message.emit(
            "Training diverged",
            "Training was paused: " + message + "\n\nThe weights of the last good step "
            "were kept, so you can change a setting and continue.",
            "warning",
        )

    @Slot(str)
    def _on_training_died(self, what: str) -> None:
        """The training process is gone (killed, out of memory): a new one continues from
        the controller's copy of the experiment, as of the last pause."""
        if self.closing:
            return
        old = self.training
        self.runningChanged.emit(False)
        old.shutdown(2_000)
        for signal, slot in ((old.progress, self._on_progress),
                             (old.diverged, self._on_diverged),
                             (old.runningChanged, self.runningChanged),
                             (old.died, self._on_training_died)):
            signal.disconnect(slot)
        self._retired.append(old)  # kept until the window closes
        self._start_training(self.experiment)
        self.install(self.experiment, record=False)
        self.message.emit(
            "Training stopped", f"{what} A new one continues from step {self.step}, where "
            "training last paused or was saved; the steps trained since then are lost.",
            "warning")

    # -- the document --------------------------------------------------------------------
    def mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.documentChanged.emit()

    def set_document(self, path: Path | None, dirty: bool) -> None:
        self.path, self.dirty = path, dirty
        self.documentChanged.emit()

    def check_unsaved_runs(self) -> bool:
        """Before the window closes: the kept runs go with it unless saved."""
        runs = self.runs.runs
        if not runs or [id(r) for r in runs] == self._saved_runs:
            return True
        return self.ask("Discard the runs?",
                        f"The Runs panel holds {len(runs)} run{'s' if len(runs) != 1 else ''} "
                        "that were not saved (File → Save Runs… keeps them).")

    def check_unsaved(self) -> bool:
        if not self.dirty or self.step == 0:
            return True
        return self.ask("Discard unsaved changes?",
                        "The current experiment has changes that were not saved.")

    def open_path(self, path: str | Path) -> bool:
        """Load a file and make it current, or change nothing.

        Whatever goes wrong, the views, the training process, the undo history and the
        file name a Save writes to stay as they were.
        """
        if not self.check_unsaved():
            return False
        try:
            experiment = files.load_experiment(path)
            self.pause()
            self._pending_name = Path(path).stem
            self.install(experiment, record=False)
        except Exception as e:  # noqa: BLE001 (any failure: say so, change nothing)
            self._pending_name = None
            self.message.emit("Cannot open the file", f"{path}:\n{reason(e)}", "critical")
            return False
        self.undo_stack.clear()
        self.add_recent(Path(path))
        self.set_document(Path(path), dirty=False)
        return True

    def save(self, path: str | Path) -> bool:
        try:
            with self.worker.paused() as exp:
                written = files.save_experiment(path, exp)
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.message.emit("Cannot save", f"{path}:\n{e}", "critical")
            return False
        self.runningChanged.emit(False)
        saved = Path(written) if written else Path(path)
        self.add_recent(saved)
        self.set_document(saved, dirty=False)
        return True

    def folder(self) -> str:
        """Where file dialogs start: beside the current file, or at home."""
        return str(self.path.parent) if self.path else str(Path.home())

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: Path) -> None:
        recent = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def export_history(self, path: str | Path) -> None:
        with self.worker.paused() as exp:
            history = [dict(h) for h in exp.trainer.history]
        self.runningChanged.emit(False)
        files.export_history_csv(path, history)

    def export_torch(self, path: str | Path) -> tuple[Path, Path]:
        """The PyTorch script at ``path`` and its weights and samples next to it (as the
        CLI's export writes them), never over the experiment's own file."""
        from rnn_sandbox.io.export import torch_export

        with self.worker.paused() as exp:
            export = torch_export(exp)
        self.runningChanged.emit(False)
        return export.write(path, keep={"the experiment": self.path})

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
            self.status.emit(f"Autosave failed: {e}", 10_000)
            return False
        return True

    def offer_recovery(self) -> bool:
        """After a session that did not end cleanly, offer its last autosave."""
        path = files.find_recovery(self.recovery_folder())
        if path is None:
            return False
        if not self.ask(
            "Restore the last session?",
            "The program ended before the last experiment was saved. Restore it from the "
            "automatic copy made during training?",
        ):
            files.clear_recovery(self.recovery_folder())
            return False
        try:
            experiment = files.load_experiment(path)
            self._pending_name = "recovered"
            self.install(experiment, record=False)
        except Exception as e:  # noqa: BLE001 (any failure: the copy is kept, not deleted)
            self._pending_name = None
            kept = _set_aside(path)
            self.message.emit(
                "Cannot restore", f"{reason(e)}\n\nThe automatic copy is kept as {kept}.",
                "warning")
            return False
        self.undo_stack.clear()
        self.set_document(None, dirty=True)
        return True

    # -- the end -------------------------------------------------------------------------
    def close(self) -> None:
        """A clean end: training stops, and there is nothing left to recover."""
        self.closing = True
        self.cancel_job()
        self.shutdown()
        files.clear_recovery(self.recovery_folder())

    def shutdown(self) -> bool:
        """Stop the training process and its relay thread (and runs training in worker
        processes); True when both have ended."""
        if self.job is not None:
            self.cancel_job()
        for old in self._retired:
            old.shutdown()
        return self.training.shutdown()


def _get(cfg: ExperimentConfig, key: str) -> Any:
    section, name = key.split(".")
    return getattr(getattr(cfg, section), name)
