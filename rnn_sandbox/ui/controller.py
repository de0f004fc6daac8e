"""The experiment the window shows, and everything done to it, without a widget.

:class:`ExperimentController` owns the current :class:`Experiment`, the undo stack and
the training process (through :class:`~rnn_sandbox.ui.worker.TrainingThread`), and holds
two parts with state of their own: the document (:attr:`ExperimentController.document`, a
:class:`~rnn_sandbox.ui.document.Document`: file, unsaved changes, recent files, autosave
and recovery) and the runs of the session (:attr:`ExperimentController.runs`, a
:class:`~rnn_sandbox.ui.runs.keeping.RunKeeper`: an experiment that trained and is
replaced is kept there, and seed repeats and lesson comparisons train into it in worker
processes).  Each part reaches the controller only through the small protocol it declares
(its ``Host``).  The window lays out the views and wires menus to it; the views only show
what it tells them (:class:`~rnn_sandbox.ui.view_data.View`).

The controller holds a copy of the experiment; the training process holds the one that
trains.  It reads or changes the experiment only inside ``worker.paused()``, which brings
its copy up to date and sends the changes back.  Every settings change goes through
:meth:`ExperimentController.apply_config`, which puts it on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from rnn_sandbox import io as files
from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.fields import SETTINGS
from rnn_sandbox.lessons import LessonError, load_lessons
from rnn_sandbox.session import Experiment, Proposal, propose
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.ui.document import Document
from rnn_sandbox.ui.i18n import tr
from rnn_sandbox.ui.runs.keeping import RunKeeper
from rnn_sandbox.ui.view_data import View, ViewData
from rnn_sandbox.ui.worker import Progress, TrainingThread

__all__ = ["WATCH", "ExperimentController", "View", "ViewData", "finished_text"]

# The pace a class can follow: a planned run (the set epochs) spread over about this many
# seconds, at least one step a second.  It only limits: a slow machine is slower still.
WATCH = "watch"
WATCH_SECONDS = 30.0


def finished_text(epochs: int, steps: int) -> str:
    """The status bar's word at the end of a planned run (short: the numbers beside it
    leave a laptop's status bar little room)."""
    return tr("Finished: {epochs} ({steps}). Play trains on.").format(
        epochs=tr("%n epoch(s)", n=epochs), steps=tr("%n step(s)", n=steps))


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


class ExperimentController(QObject):
    """The current experiment, its undo history and its training process; its document
    (:attr:`document`) and its runs (:attr:`runs`)."""

    runningChanged = Signal(bool)
    liveChanged = Signal()  # a setting changed while the model trains (config is current)
    # A passing note for the status bar and for how long (ms); a message box: title, text,
    # "information" | "warning" | "critical".  The document's and the runs' come here too.
    status = Signal(str, int)
    message = Signal(str, str, str)

    def __init__(self, settings: QSettings, config: ExperimentConfig | None,
                 ask: Callable[[str, str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ask = ask  # asks the learner a yes/no question
        self.views: list[View] = []
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
        self.document = Document(settings, self, self)
        self.runs = RunKeeper(self, self)
        for part in (self.document, self.runs):
            part.status.connect(self.status)
            part.message.connect(self.message)
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
            if isinstance(text, str) and text:
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
                     description: str, fresh: bool = False) -> str | None:
        """The one way settings change.  Returns why not (shown by the caller), ``""``
        when the learner declined, ``None`` when applied (and put on the undo stack).

        ``fresh``: a new network whatever changed (a lesson's setup, a task chosen): a
        setup that differs from the current settings only in live ones (epochs, learning
        rate) must not carry on with the model trained before."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            answer = propose(self.config, new_cfg)
            if fresh and self.step > 0 and answer.kind in ("unchanged", "live"):
                answer = Proposal("rebuild", answer.config,
                                  experiment=Experiment(answer.config))
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
            tr("Replace the trained model?"),
            tr("“{description}” builds a new network with fresh weights; the model trained for "
               "%n step(s) is replaced and kept in the Runs panel (Undo brings it back).",
               n=self.step).format(description=description),
        ):
            return ""
        assert answer.experiment is not None  # a rebuild comes with its experiment
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
            self.runs.replacing(self.experiment)
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
        self.runs.follow(view, before, new=replaced)
        self.steps_per_epoch = max(1, view.steps_per_epoch)
        self.stop_at_step = None
        self.worker.set_speed(self.steps_per_second())  # the watching pace follows the run
        for v in self.views:
            v.show_experiment(view)
        self.worker.set_sample_index(0)  # an untrained look at the watched sample
        if record:
            self.document.mark_dirty()

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
        self.document.mark_dirty()

    def watch_sample(self, index: int) -> Any:
        """Watch another validation sample; returns it (one-sample batch)."""
        self.worker.set_sample_index(index)
        return self.experiment.dataset.val.subset(slice(index, index + 1))

    def new_experiment(self) -> None:
        """The current task's defaults, in no file yet (after asking about unsaved work)."""
        if not self.document.check_unsaved():
            return
        experiment = Experiment(get_task(self.config.task.name).default_config())
        self.undo_stack.clear()
        self.install(experiment, record=False)
        self.document.set(None, dirty=False)

    def replace_with(self, experiment: Experiment, text: str) -> None:
        """Make ``experiment`` the current one, undoably (the old one comes back as trained)."""
        self.undo_stack.push(RebuildCommand(self, self.experiment, experiment, text))

    def adopt(self, experiment: Experiment, name: str | None) -> None:
        """Make an experiment from a file current, not undoably, its run named ``name``
        (``None``: after what changed); raises, changing nothing, if it cannot be shown."""
        self.pause()
        self.runs.next_name = name
        try:
            self.install(experiment, record=False)
        finally:
            self.runs.next_name = None

    @contextmanager
    def paused(self) -> Iterator[Experiment]:
        """The experiment as the training process has it, training paused (and shown
        paused afterwards); what the block changes goes back to the process."""
        try:
            with self.worker.paused() as exp:
                yield exp
        finally:
            self.runningChanged.emit(False)

    @contextmanager
    def briefly_paused(self) -> Iterator[Experiment]:
        """The same, training going on afterwards if it was running."""
        running = self.worker.is_running()
        try:
            with self.worker.paused() as exp:
                yield exp
        finally:
            if running:
                self.worker.play()

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
            self.status.emit(tr("Training on past the %n epoch(s) set (raise Epochs to plan a "
                                "longer run).", n=self.config.training.epochs), 8_000)
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
        return None if isinstance(self.pace, str) else self.pace

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        if p.generation != self.generation:
            return  # from an experiment that was replaced meanwhile
        snap = p.snapshot
        if len(p.steps) or len(p.val_steps):
            self.runs.record(p)
        if len(p.steps):
            self.step = int(p.steps[-1])
            self.document.mark_dirty()
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
            tr("Training diverged"),
            tr("Training was paused: {reason}\n\nThe weights of the last good step were kept, "
               "so you can change a setting and continue.").format(reason=message),
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
            tr("Training stopped"),
            tr("{what} A new one continues from step {step}, where training last paused or "
               "was saved; the steps trained since then are lost.").format(what=what,
                                                                          step=self.step),
            "warning")

    # -- exports ---------------------------------------------------------------------------
    def export_history(self, path: str | Path) -> None:
        with self.paused() as exp:
            history = [dict(h) for h in exp.trainer.history]
        files.export_history_csv(path, history)

    def export_torch(self, path: str | Path) -> tuple[Path, Path]:
        """The PyTorch script at ``path`` and its weights and samples next to it (as the
        CLI's export writes them), never over the experiment's own file."""
        from rnn_sandbox.io.export import torch_export

        with self.paused() as exp:
            export = torch_export(exp)
        return export.write(path, keep={"the experiment": self.document.path})

    # -- the end -------------------------------------------------------------------------
    def close(self) -> None:
        """A clean end: training stops, and there is nothing left to recover."""
        self.closing = True
        self.runs.cancel_job()
        self.shutdown()
        self.document.clear_recovery()

    def shutdown(self) -> bool:
        """Stop the training process and its relay thread (and runs training in worker
        processes); True when both have ended."""
        if self.runs.job is not None:
            self.runs.cancel_job()
        for old in self._retired:
            old.shutdown()
        return self.training.shutdown()


def _get(cfg: ExperimentConfig, key: str) -> Any:
    section, name = key.split(".")
    return getattr(getattr(cfg, section), name)
