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
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from rnn_sandbox import io as files
from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.engine import Anatomy
from rnn_sandbox.engine.anatomy import state_name
from rnn_sandbox.engine.train import MAX_GRADIENT_ENTRIES
from rnn_sandbox.fields import SETTING, SETTINGS
from rnn_sandbox.lessons import LessonError, load_lessons
from rnn_sandbox.runs import Run, RunBook, differences
from rnn_sandbox.session import Experiment, propose
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.ui.worker import Progress, TrainingThread

MAX_RECENT = 8
# The pace a class can follow: a planned run (the set epochs) spread over about this many
# seconds, at least one step a second.  It only limits: a slow machine is slower still.
WATCH = "watch"
WATCH_SECONDS = 30.0
JOB_POLL_MS = 250  # how often the window looks for runs finished in worker processes


def reason(e: BaseException) -> str:
    """One line for a message box: the expected errors speak for themselves, others are
    named (a bare ``KeyError('x')`` would say only ``'x'``)."""
    if isinstance(e, (files.ExperimentFileError, OSError, ConfigError, TaskError, ValueError)):
        return str(e) or type(e).__name__
    return f"{type(e).__name__}: {e}"


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


def _short(key: str) -> str:
    """A setting as a column of the runs table names it: "cell", "hidden size"."""
    setting = SETTING.get(key)
    return setting.label.lower() if setting is not None else key.split(".")[-1]


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value(v)}" for k, v in value.items()) or "—"
    return str(value)


def change_text(before: ExperimentConfig | None, after: ExperimentConfig,
                limit: int = 3) -> str:
    """What differs from the run before, short: "cell rnn→lstm, hidden size 8→16"."""
    if before is None:
        return ""
    if before.task.name != after.task.name:
        return f"task {before.task.name}→{after.task.name}"
    diff = differences(before, after)
    parts = [f"{_short(k)} {_value(a)}→{_value(b)}" for k, (a, b) in diff.items()]
    if len(parts) > limit:
        parts = parts[:limit] + [f"{len(diff) - limit} more"]
    return ", ".join(parts)


def _first_layer(grad_h: Mapping[str, np.ndarray] | None,
                 architecture: str) -> np.ndarray | None:
    """|dL/dh_t| reaching the first layer from a snapshot, as a kept run records it
    (directions combined as root-sum-of-squares; the encoder's for seq2seq)."""
    if not grad_h:
        return None
    part = "encoder" if architecture == "seq2seq" else ""
    found = [grad_h[k] for k in (state_name(0, False, part), state_name(0, True, part))
             if k in grad_h]
    if not found:
        return None
    return np.sqrt(sum(np.square(np.asarray(g, np.float64)) for g in found))


def run_name(before: ExperimentConfig | None, after: ExperimentConfig) -> str:
    """A new run is named after what changed: "lstm", "hidden size 16", or its task."""
    if before is None or before.task.name != after.task.name:
        return after.task.name
    diff = differences(before, after)
    if not diff:
        return after.task.name
    parts = []
    for key, (_, value) in list(diff.items())[:2]:
        if isinstance(value, bool):
            parts.append(_short(key) if value else f"no {_short(key)}")
        elif isinstance(value, str):
            parts.append(value)
        else:
            parts.append(f"{_short(key)} {_value(value)}")
    return ", ".join(parts) + (" …" if len(diff) > 2 else "")


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


class DeleteRunsCommand(QUndoCommand):
    """Delete kept runs; undo puts them back where they stood."""

    def __init__(self, controller: ExperimentController, runs: list[Run], text: str) -> None:
        super().__init__(text)
        self.controller, self.runs = controller, runs
        self.places: list[int] = []

    def redo(self) -> None:
        book = self.controller.runs
        self.places = [book.runs.index(r) for r in self.runs]
        for r in self.runs:
            book.remove(r)
        self.controller.runsChanged.emit()

    def undo(self) -> None:
        book = self.controller.runs
        for place, r in sorted(zip(self.places, self.runs, strict=True),
                               key=lambda pr: pr[0]):
            book.runs.insert(min(place, len(book.runs)), r)
        self.controller.runsChanged.emit()


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
        # The runs of this session.  The current experiment is the current run, kept in
        # the book when it is replaced after training; an experiment that comes back (undo,
        # restore) leaves the book again and is the current run, under its name.
        self.runs = RunBook()
        self._kept: weakref.WeakKeyDictionary[Experiment, Run] = weakref.WeakKeyDictionary()
        self._slot: int | None = None  # where the current run stood in the book
        self.current_name = ""
        self._pending_name: str | None = None  # for the next current run (a file's name)
        self.current_colour = 0
        self.current_group: str | None = None
        self.current_hidden = False
        self._current_template: Run | None = None
        self._live: list[dict[str, float]] | None = None  # the current run's history rows
        self.history_version = 0  # counts the current run's reported points
        self._saved_runs: list[int] = []  # the book when runs were last saved (ids)
        self.job: Any = None  # a seeds.RunJob while runs train in worker processes
        self.job_what = ""  # "seeds" or "lesson setups", for the status bar
        self.job_timer = QTimer(self)
        self.job_timer.setInterval(JOB_POLL_MS)
        self.job_timer.timeout.connect(self.poll_job)
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
        self.undo_stack.push(RebuildCommand(self, self.experiment, answer.experiment,
                                            description))
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

    # -- runs ----------------------------------------------------------------------------
    def _keep_current(self) -> None:
        """The current experiment is being replaced: if it trained, it becomes a run of
        the book (under its name and colour; where it stood if it had stood there)."""
        if self.experiment is None:
            return
        with self.worker.paused() as exp:
            if exp.trainer.step_count == 0:
                return
            run = Run.of(exp, self.current_name, self.current_colour, self.current_group)
        run.hidden = self.current_hidden
        self.runs.add(run)
        if self._slot is not None and self._slot < len(self.runs.runs) - 1:
            self.runs.runs.remove(run)
            self.runs.runs.insert(self._slot, run)
        self._kept[self.experiment] = run

    def _become_current(self, experiment: Experiment, view: ViewData,
                        before: ExperimentConfig | None) -> None:
        """Name and colour of the run ``experiment`` is: its own if it was kept before
        (an undo, a restore), else a new one named after what changed."""
        kept = self._kept.get(experiment)
        self._slot = None
        if kept is not None:
            if kept in self.runs.runs:
                self._slot = self.runs.runs.index(kept)
                self.runs.remove(kept)
            name = kept.name if kept.name not in self.names() else self.runs.unique_name(
                kept.name)
            colour, group, hidden = kept.colour, kept.group, kept.hidden
        else:
            name = self.runs.unique_name(self._pending_name or run_name(before, view.config))
            colour, group, hidden = self.free_colour(current=False), None, False
        self._pending_name = None
        self.current_name, self.current_colour = name, colour
        self.current_group, self.current_hidden = group, hidden
        exp = view.experiment
        baseline = view.baseline
        self._current_template = Run(
            name=name, colour=colour, config=view.config, history=[], gradients=[],
            metric_name=view.metric_name,
            higher_is_better=baseline.higher_is_better if baseline is not None else True,
            baseline=baseline, state=b"", seed=exp.config.training.seed, group=group,
            hidden=hidden)

    def names(self) -> set[str]:
        return {r.name for r in self.runs.runs}

    def free_colour(self, current: bool = True) -> int:
        """A colour no run of the book has (nor the current run, unless ``current`` is
        False: the colour is for the next current run)."""
        used = {r.colour for r in self.runs.runs} | ({self.current_colour} if current else set())
        colour = self.runs.next_colour()
        while colour in used:
            colour += 1
        return colour

    def _record(self, p: Progress) -> None:
        """The current run's history grows with every report (no snapshot of the
        training process needed to draw it)."""
        live = self._live
        if live is None:
            return
        nan = float("nan")
        seconds = p.seconds if len(p.seconds) == len(p.steps) else np.full(len(p.steps), nan)
        for step, loss, t in zip(p.steps, p.losses, seconds, strict=False):
            live.append({"step": float(step), "train_loss": float(loss), "val_loss": nan,
                         "val_metric": nan, "seconds": float(t)})
        metrics = p.val_metrics if len(p.val_metrics) == len(p.val_steps) else (
            np.full(len(p.val_steps), nan))
        for step, loss, metric in zip(p.val_steps, p.val_losses, metrics, strict=False):
            # A validation belongs to a step reported now or just before.
            for row in reversed(live[-4096:]):
                if row["step"] == step:
                    row["val_loss"], row["val_metric"] = float(loss), float(metric)
                    break
                if row["step"] < step:
                    break
        template = self._current_template
        if template is not None:
            if p.metric_name:
                template.metric_name = p.metric_name
            for snap in p.snapshots:
                g = _first_layer(snap.grad_h, self.config.network.architecture)
                if g is not None:
                    template.gradients.append((int(snap.step), g))
            if len(template.gradients) > MAX_GRADIENT_ENTRIES:
                del template.gradients[1::2]
        self.history_version += 1

    def has_current_run(self) -> bool:
        return self._current_template is not None

    def current_run(self) -> Run:
        """The current experiment as a run, its curves from the reported history (its
        ``state`` is empty: :meth:`snapshot_current` makes one that can be saved)."""
        assert self._current_template is not None
        history = list(self._live or [])  # the rows are shared: the comparison only reads
        return replace(self._current_template, name=self.current_name,
                       colour=self.current_colour, group=self.current_group,
                       hidden=self.current_hidden, history=history,
                       config=self.config.copy())

    def snapshot_current(self) -> Run | None:
        """The current run with its weights, as of now (None before its first step)."""
        with self.worker.paused() as exp:
            if exp.trainer.step_count == 0:
                return None
            run = Run.of(exp, self.current_name, self.current_colour, self.current_group)
        self.runningChanged.emit(False)
        run.hidden = self.current_hidden
        return run

    def visible_runs(self) -> list[Run]:
        """What the comparison shows: the book's visible runs, then the current one."""
        shown = [r for r in self.runs.runs if not r.hidden]
        if not self.current_hidden and self.has_current_run():
            shown.append(self.current_run())
        return shown

    def restore_run(self, run: Run) -> bool:
        """Make a kept run the current experiment (undoable; the current one is kept as a
        run).  It continues where it stopped, bit for bit."""
        if run not in self.runs.runs:
            return False
        if self.step > 0 and not self.ask(
            "Replace the trained model?",
            f"“{run.name}” becomes the current experiment; the model trained for "
            f"{self.step} steps is kept in the Runs panel (Undo brings it back).",
        ):
            return False
        try:
            experiment = run.experiment()
        except Exception as e:  # noqa: BLE001 (a run that cannot be rebuilt: say so)
            self.message.emit("Cannot restore the run", f"{run.name}:\n{reason(e)}",
                              "critical")
            return False
        self._kept[experiment] = run
        self.pause()
        self.undo_stack.push(RebuildCommand(self, self.experiment, experiment,
                                            f"Restore run “{run.name}”"))
        return True

    def rename_run(self, run: Run | None, name: str) -> bool:
        """Rename a run (``None``: the current one); False when the name is taken or
        empty."""
        name = name.strip()
        if not name:
            return False
        current = run.name if run is not None else self.current_name
        if name != current and (name in self.names() or name == self.current_name):
            return False
        if run is None:
            self.current_name = name
        else:
            try:
                self.runs.rename(run, name)
            except ValueError:
                return False
        self.runsChanged.emit()
        return True

    def set_run_hidden(self, run: Run | None, hidden: bool) -> None:
        """Hide a run from the comparison or show it again (``None``: the current one)."""
        if run is None:
            self.current_hidden = hidden
        else:
            run.hidden = hidden
        self.runsChanged.emit()

    def delete_runs(self, runs: Sequence[Run]) -> None:
        """Delete runs of the book (undoable)."""
        runs = [r for r in runs if r in self.runs.runs]
        if runs:
            text = (f"Delete run “{runs[0].name}”" if len(runs) == 1
                    else f"Delete {len(runs)} runs")
            self.undo_stack.push(DeleteRunsCommand(self, runs, text))

    def add_runs(self, runs: Sequence[Run]) -> list[Run]:
        """Runs from elsewhere (a file, worker processes) join the book: unique names,
        one free colour per group (and per run without one)."""
        colours: dict[str, int] = {r.group: r.colour for r in self.runs.runs if r.group}
        added = []
        for run in runs:
            run.name = self.runs.unique_name(run.name)
            if run.name == self.current_name:
                run.name = self.runs.unique_name(run.name + " (2)")
            if run.group is not None and run.group in colours:
                run.colour = colours[run.group]
            else:
                run.colour = self.free_colour()
                if run.group is not None:
                    colours[run.group] = run.colour
            added.append(self.runs.add(run) or run)
        if added:
            self.runsChanged.emit()
        return added

    def save_runs(self, path: str | Path) -> bool:
        """The book's runs, and the current one if it trained, in one runs file."""
        runs = list(self.runs.runs)
        try:
            current = self.snapshot_current()
            if current is not None:
                runs.append(current)
            if not runs:
                raise ValueError("there are no runs to save yet (train a little first)")
            from rnn_sandbox.io import runs_file

            runs_file.save_runs(path, runs)
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.message.emit("Cannot save the runs", f"{path}:\n{reason(e)}", "critical")
            return False
        self._saved_runs = [id(r) for r in self.runs.runs]
        self.status.emit(f"Saved {len(runs)} runs to {Path(path).name}.", 8_000)
        return True

    def open_runs(self, path: str | Path) -> bool:
        """Add the runs of a runs file (or an experiment file) to the book."""
        from rnn_sandbox.io import runs_file

        try:
            loaded = runs_file.load_comparison([path])
        except Exception as e:  # noqa: BLE001 (any failure: say so, change nothing)
            self.message.emit("Cannot open the runs", f"{path}:\n{reason(e)}", "critical")
            return False
        self.add_runs(loaded)
        self.status.emit(f"Added {len(loaded)} runs from {Path(path).name}.", 8_000)
        return True

    # -- runs trained in worker processes ------------------------------------------------
    def repeat_with_seeds(self, n: int) -> bool:
        """Train the current settings with ``n`` seeds in worker processes, as one group."""
        from rnn_sandbox.seeds import seed_items

        base = self.current_name or self.config.task.name
        groups = {r.group for r in self.runs.runs if r.group}
        group, k = f"{base} × {n} seeds", 2
        while group in groups:
            group, k = f"{base} × {n} seeds ({k})", k + 1
        return self.start_job(seed_items(self.config, n), group, "seeds")

    def compare_setups(self, items: Sequence[tuple[str, ExperimentConfig]]) -> bool:
        """Train several setups (a lesson's) in worker processes, as runs of their own."""
        return self.start_job(list(items), None, "lesson setups")

    def start_job(self, items: Sequence[tuple[str, ExperimentConfig]], group: str | None,
                  what: str) -> bool:
        if self.job is not None:
            self.message.emit("Runs are training",
                              f"The {self.job_what} of the last request are still training: "
                              "wait for them or cancel them first.", "information")
            return False
        from rnn_sandbox.seeds import RunJob

        try:
            job = RunJob(items, group=group)
            job.start()
        except Exception as e:  # noqa: BLE001 (worker processes that cannot start: say so)
            self.message.emit("Cannot start training the runs", reason(e), "critical")
            return False
        self.job, self.job_what = job, what
        self.job_timer.start()
        self.status.emit(self.job_text(), 0)
        self.jobChanged.emit()
        return True

    def job_text(self) -> str:
        job = self.job
        if job is None:
            return ""
        return f"{self.job_what}: {job.finished} of {job.total} done"

    @Slot()
    def poll_job(self) -> None:
        """Take the runs finished since the last look (never waits)."""
        job = self.job
        if job is None:
            self.job_timer.stop()
            return
        arrived = job.poll()
        if arrived:
            self.add_runs(arrived)
            self.status.emit(self.job_text(), 0 if not job.done else 10_000)
            self.jobChanged.emit()
        if job.done:
            self.job = None
            self.job_timer.stop()
            if job.error:
                self.message.emit("The runs could not all be trained", job.error, "warning")
            else:
                self.status.emit(f"{self.job_what}: {job.finished} of {job.total} done", 10_000)
            self.jobChanged.emit()

    def cancel_job(self) -> None:
        """Stop the runs training in worker processes (those finished stay)."""
        job, self.job = self.job, None
        self.job_timer.stop()
        if job is not None:
            job.cancel()
            self.status.emit(f"{self.job_what}: cancelled after {job.finished} of "
                             f"{job.total}.", 8_000)
            self.jobChanged.emit()

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
