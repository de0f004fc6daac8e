"""The runs of a window session, kept by :class:`RunKeeper`.

The current experiment is the *current run*.  When it is replaced after training (a
rebuild, a file, a task, a lesson setup, a restore) it is kept in the book under its name
and colour; an experiment that comes back (undo, restore) leaves the book and is the
current run again.  Seed repeats and a lesson's setups train in worker processes
(:class:`rnn_sandbox.runs.seeds.RunJob`) and join the book as they finish.  The Runs panel
and the comparison only show what this keeps.

The keeper knows the experiment it keeps runs of only through :class:`Host` (in the window:
the :class:`~rnn_sandbox.ui.controller.ExperimentController`), and the host tells it when
the current experiment is replaced (:meth:`RunKeeper.replacing`, :meth:`RunKeeper.follow`)
and what training reported (:meth:`RunKeeper.record`).
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from rnn_sandbox import io as files
from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.train import first_layer, record_gradient, thin_history
from rnn_sandbox.fields import SETTING
from rnn_sandbox.runs.book import Run, RunBook, differences, give_colours
from rnn_sandbox.session import Experiment
from rnn_sandbox.ui.errors import reason
from rnn_sandbox.ui.i18n import choice_text, setting_label, tr
from rnn_sandbox.ui.i18n import current as current_language
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.worker import Progress
from rnn_sandbox.wording import printable

if TYPE_CHECKING:
    from rnn_sandbox.runs.seeds import RunJob

# The seed and setup workers run this many nice levels below the window: on a laptop with
# two cores, five workers would otherwise leave the window half a core, and its repaints
# stretch into pauses a class sees.  They still take every cycle the window does not use.
# RNN_SANDBOX_WORKER_NICE sets another value (0: the window's own priority), for a machine
# whose other busy programs would otherwise leave the workers next to nothing.
def _worker_nice() -> int:
    try:
        return max(0, int(os.environ.get("RNN_SANDBOX_WORKER_NICE", "10")))
    except ValueError:  # not a number: the default
        return 10


WORKER_NICE = _worker_nice()

JOB_POLL_MS = 250  # how often the window looks for runs finished in worker processes


def _short(key: str) -> str:
    """A setting as a column of the runs table names it: "cell", "hidden size"."""
    setting = SETTING.get(key)
    if setting is None:
        return key.split(".")[-1]
    label = setting_label(setting)
    # English writes a setting in a name in lower case; German keeps its nouns capital.
    return label.lower() if current_language() == "en" else label


def _choice(value: str) -> str:
    """A choice as a name reads it: "minGRU", "simple RNN" (the label without its
    explanation in brackets)."""
    return choice_text(value).split(" (")[0].split("（")[0]


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value(v)}" for k, v in value.items()) or "—"
    return _choice(value) if isinstance(value, str) else str(value)


def change_text(before: ExperimentConfig | None, after: ExperimentConfig,
                limit: int = 3) -> str:
    """What differs from the run before, short: "cell rnn→lstm, hidden size 8→16"."""
    if before is None:
        return ""
    if before.task.name != after.task.name:
        return tr("task {name}→{name2}").format(name=before.task.name, name2=after.task.name)
    diff = differences(before, after)
    parts = [f"{_short(k)} {_value(a)}→{_value(b)}" for k, (a, b) in diff.items()]
    if len(parts) > limit:
        parts = parts[:limit] + [tr("{value} more").format(value=len(diff) - limit)]
    return ", ".join(parts)


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
            parts.append(_short(key) if value else tr("no {setting}").format(
                setting=_short(key)))
        elif key == "network.cell":
            parts.append(_choice(value))  # "LSTM": the cell is the network's name
        elif isinstance(value, str):
            parts.append(f"{_short(key)} {_choice(value)}")
        else:
            parts.append(f"{_short(key)} {_value(value)}")
    return ", ".join(parts) + (" …" if len(diff) > 2 else "")


class Host(Protocol):
    """What the keeper needs of the experiment whose runs it keeps."""

    @property
    def step(self) -> int:
        """Steps the current experiment has trained."""

    @property
    def config(self) -> ExperimentConfig:
        """The current settings (live changes included)."""

    @property
    def undo_stack(self) -> QUndoStack:
        """Where deleting runs goes, to be undone."""

    def paused(self) -> AbstractContextManager[Experiment]:
        """The current experiment, brought up to date, with training paused."""

    def pause(self) -> None:
        """Pause training."""

    def ask(self, title: str, text: str) -> bool:
        """Ask the learner a yes/no question."""

    def replace_with(self, experiment: Experiment, text: str) -> None:
        """Make ``experiment`` current, undoably (the keeper is told: :meth:`replacing`)."""


class DeleteRunsCommand(QUndoCommand):
    """Delete kept runs; undo puts them back where they stood."""

    def __init__(self, keeper: RunKeeper, runs: list[Run], text: str) -> None:
        super().__init__(text)
        self.keeper, self.runs = keeper, runs
        self.places: list[int] = []

    def redo(self) -> None:
        book = self.keeper.book
        self.places = [book.runs.index(r) for r in self.runs]
        for r in self.runs:
            book.remove(r)
        self.keeper.changed.emit()

    def undo(self) -> None:
        book = self.keeper.book
        for place, r in sorted(zip(self.places, self.runs, strict=True),
                               key=lambda pr: pr[0]):
            book.runs.insert(min(place, len(book.runs)), r)
        self.keeper.changed.emit()


class RunKeeper(QObject):
    """The runs of a session: the book of kept runs, the current run (name, colour, curves
    as reported) and the runs training in worker processes."""

    changed = Signal()  # the book of runs, or which run is the current one
    jobChanged = Signal()  # runs training in worker processes: started, one done, ended
    status = Signal(str, int)  # a passing note for the status bar, and for how long (ms)
    message = Signal(str, str, str)  # title, text, "information" | "warning" | "critical"

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        # The current experiment is the current run, kept in the book when it is replaced
        # after training; an experiment that comes back (undo, restore) leaves the book
        # again and is the current run, under its name.
        self.book = RunBook()
        self._kept: weakref.WeakKeyDictionary[Experiment, Run] = weakref.WeakKeyDictionary()
        self._slot: int | None = None  # where the current run stood in the book
        self.current_name = ""
        self.next_name: str | None = None  # for the next current run (a file's name)
        self.current_colour = 0
        self.current_group: str | None = None
        self.current_hidden = False
        self._template: Run | None = None  # the current run without its history
        self._live: list[dict[str, float]] | None = None  # the current run's history rows
        self.history_version = 0  # counts the current run's reported points
        self._saved: list[int] = []  # the book when runs were last saved (ids)
        self.job: RunJob | None = None  # while runs train in worker processes
        self.job_what = ""  # "seeds" or "lesson setups", for the status bar
        self.job_timer = QTimer(self)
        self.job_timer.setInterval(JOB_POLL_MS)
        self.job_timer.timeout.connect(self.poll_job)

    @property
    def runs(self) -> list[Run]:
        """The kept runs, in the book's order (the current run is not among them)."""
        return self.book.runs

    # -- the current run -----------------------------------------------------------------
    def replacing(self, current: Experiment) -> None:
        """``current`` is being replaced: if it trained, it becomes a run of the book
        (under its name and colour; where it stood if it had stood there)."""
        with self.host.paused() as exp:
            if exp.trainer.step_count == 0:
                return
            run = Run.of(exp, self.current_name, self.current_colour, self.current_group)
        run.hidden = self.current_hidden
        self.book.add(run)
        if self._slot is not None and self._slot < len(self.book.runs) - 1:
            self.book.runs.remove(run)
            self.book.runs.insert(self._slot, run)
        self._kept[current] = run

    def follow(self, view: ViewData, before: ExperimentConfig | None, new: bool) -> None:
        """The host shows ``view`` (``new``: another experiment than before, whose
        settings were ``before``): the current run is it, its curves as it trained."""
        if new or self._template is None:
            self._become_current(view, before)
        assert self._template is not None
        self._template.gradients = [
            (int(s), np.asarray(g, np.float64))
            for s, g in getattr(view.experiment.trainer, "gradient_history", [])]
        self._live = view.history_rows()
        self.history_version += 1
        self.changed.emit()

    def _become_current(self, view: ViewData, before: ExperimentConfig | None) -> None:
        """Name and colour of the run the experiment is: its own if it was kept before
        (an undo, a restore), else a new one named after what changed."""
        kept = self._kept.get(view.experiment)
        self._slot = None
        if kept is not None:
            if kept in self.book.runs:
                self._slot = self.book.runs.index(kept)
                self.book.remove(kept)
            name = kept.name if kept.name not in self.names() else self.book.unique_name(
                kept.name)
            colour, group, hidden = kept.colour, kept.group, kept.hidden
        else:
            name = self.book.unique_name(self.next_name or run_name(before, view.config))
            colour, group, hidden = self.free_colour(current=False), None, False
        self.next_name = None
        self.current_name, self.current_colour = name, colour
        self.current_group, self.current_hidden = group, hidden
        baseline = view.baseline
        self._template = Run(
            name=name, colour=colour, config=view.config, history=[], gradients=[],
            metric_name=view.metric_name,
            higher_is_better=baseline.higher_is_better if baseline is not None else True,
            baseline=baseline, state=b"", seed=view.config.training.seed, group=group,
            hidden=hidden)

    def names(self) -> set[str]:
        return {r.name for r in self.book.runs}

    def free_colour(self, current: bool = True) -> int:
        """A colour no run of the book has (nor the current run, unless ``current`` is
        False: the colour is for the next current run)."""
        used = {r.colour for r in self.book.runs} | ({self.current_colour} if current else set())
        colour = self.book.next_colour()
        while colour in used:
            colour += 1
        return colour

    def record(self, p: Progress) -> None:
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
        thin_history(live)  # as the trainer thins its own: bounded however long it runs
        template = self._template
        if template is not None:
            if p.metric_name:
                template.metric_name = p.metric_name
            for snap in p.snapshots:
                g = first_layer(snap.grad_h, self.host.config.network.architecture)
                if g is not None:
                    record_gradient(template.gradients, snap.step, g)
        self.history_version += 1

    def has_current_run(self) -> bool:
        return self._template is not None

    def current_run(self) -> Run:
        """The current experiment as a run, its curves from the reported history (its
        ``state`` is empty: :meth:`snapshot_current` makes one that can be saved)."""
        assert self._template is not None
        history = list(self._live or [])  # the rows are shared: the comparison only reads
        return replace(self._template, name=self.current_name,
                       colour=self.current_colour, group=self.current_group,
                       hidden=self.current_hidden, history=history,
                       config=self.host.config.copy())

    def snapshot_current(self) -> Run | None:
        """The current run with its weights, as of now (None before its first step)."""
        with self.host.paused() as exp:
            if exp.trainer.step_count == 0:
                return None
            run = Run.of(exp, self.current_name, self.current_colour, self.current_group)
        run.hidden = self.current_hidden
        return run

    def visible_runs(self) -> list[Run]:
        """What the comparison shows: the book's visible runs, then the current one."""
        shown = [r for r in self.book.runs if not r.hidden]
        if not self.current_hidden and self.has_current_run():
            shown.append(self.current_run())
        return shown

    # -- commands on runs ----------------------------------------------------------------
    def restore_run(self, run: Run) -> bool:
        """Make a kept run the current experiment (undoable; the current one is kept as a
        run).  It continues where it stopped, bit for bit."""
        if run not in self.book.runs:
            return False
        step = self.host.step
        if step > 0 and not self.host.ask(
            tr("Replace the trained model?"),
            tr("“{name}” becomes the current experiment; the model trained for %n step(s) is "
               "kept in the Runs panel (Undo brings it back).", n=step).format(
                   name=printable(run.name)),
        ):
            return False
        try:
            experiment = run.experiment()
        except Exception as e:  # noqa: BLE001 (a run that cannot be rebuilt: say so)
            self.message.emit(tr("Cannot restore the run"), f"{printable(run.name)}:\n{reason(e)}",
                              "critical")
            return False
        self._kept[experiment] = run
        self.host.pause()
        self.host.replace_with(experiment, tr("Restore run “{name}”").format(
            name=printable(run.name)))
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
                self.book.rename(run, name)
            except ValueError:
                return False
        self.changed.emit()
        return True

    def set_run_hidden(self, run: Run | None, hidden: bool) -> None:
        """Hide a run from the comparison or show it again (``None``: the current one)."""
        if run is None:
            self.current_hidden = hidden
        else:
            run.hidden = hidden
        self.changed.emit()

    def delete_runs(self, runs: Sequence[Run]) -> None:
        """Delete runs of the book (undoable)."""
        runs = [r for r in runs if r in self.book.runs]
        if runs:
            text = (tr("Delete run “{name}”").format(name=runs[0].name) if len(runs) == 1
                    else tr("Delete {len} runs").format(len=len(runs)))
            self.host.undo_stack.push(DeleteRunsCommand(self, runs, text))

    def add_runs(self, runs: Sequence[Run]) -> list[Run]:
        """Runs from elsewhere (a file, worker processes) join the book: unique names,
        one free colour per group (and per run without one)."""
        give_colours(runs, used={r.colour for r in self.book.runs} | {self.current_colour},
                     groups={r.group: r.colour for r in self.book.runs if r.group})
        added = []
        for run in runs:
            run.name = self.book.unique_name(run.name)
            if run.name == self.current_name:
                run.name = self.book.unique_name(run.name + " (2)")
            added.append(self.book.add(run) or run)
        if added:
            self.changed.emit()
        return added

    # -- runs files ----------------------------------------------------------------------
    def save_runs(self, path: str | Path) -> bool:
        """The book's runs, and the current one if it trained, in one runs file."""
        runs = list(self.book.runs)
        try:
            current = self.snapshot_current()
            if current is not None:
                runs.append(current)
            if not runs:
                raise ValueError("there are no runs to save yet (train a little first)")
            from rnn_sandbox.runs import file as runs_file

            runs_file.save_runs(path, runs)
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.message.emit(tr("Cannot save the runs"), f"{path}:\n{reason(e)}", "critical")
            return False
        self._saved = [id(r) for r in self.book.runs]
        self.status.emit(tr("Saved %n run(s) to {file}.", n=len(runs)).format(
            file=Path(path).name), 8_000)
        return True

    def open_runs(self, path: str | Path) -> bool:
        """Add the runs of a runs file (or an experiment file) to the book."""
        from rnn_sandbox.runs import file as runs_file

        try:
            loaded = runs_file.load_comparison([path])
        except Exception as e:  # noqa: BLE001 (any failure: say so, change nothing)
            self.message.emit(tr("Cannot open the runs"), f"{path}:\n{reason(e)}", "critical")
            return False
        self.add_runs(loaded)
        self.status.emit(tr("Added %n run(s) from {file}.", n=len(loaded)).format(
            file=Path(path).name), 8_000)
        return True

    def check_unsaved(self) -> bool:
        """Before the window closes: the kept runs go with it unless saved (or the
        learner agrees)."""
        runs = self.book.runs
        if not runs or [id(r) for r in runs] == self._saved:
            return True
        return self.host.ask(
            tr("Discard the runs?"),
            tr("The Runs panel holds 1 run that was not saved (File → Save Runs… keeps it).")
            if len(runs) == 1 else
            tr("The Runs panel holds %n runs that were not saved (File → Save Runs… keeps "
               "them).", n=len(runs)))

    # -- runs trained in worker processes ------------------------------------------------
    def repeat_with_seeds(self, n: int) -> bool:
        """Train the current settings with ``n`` seeds in worker processes, as one group."""
        from rnn_sandbox.runs.seeds import seed_items

        config = self.host.config
        base = self.current_name or config.task.name
        groups = {r.group for r in self.book.runs if r.group}
        group, k = tr("{base} × %n seed(s)", n=n).format(base=base), 2
        while group in groups:
            group, k = tr("{base} × %n seed(s) ({k})", n=n).format(base=base, k=k), k + 1
        return self.start_job(seed_items(config, n), group, tr("seeds"))

    def compare_setups(self, items: Sequence[tuple[str, ExperimentConfig]]) -> bool:
        """Train several setups (a lesson's) in worker processes, as runs of their own."""
        return self.start_job(list(items), None, tr("lesson setups"))

    def start_job(self, items: Sequence[tuple[str, ExperimentConfig]], group: str | None,
                  what: str) -> bool:
        if self.job is not None:
            self.message.emit(tr("Runs are training"),
                              tr("The {job_what} of the last request are still training: wait "
                                 "for them or cancel them first.").format(
                                     job_what=self.job_what), "information")
            return False
        from rnn_sandbox.engine.budget import estimate, seeds_plan
        from rnn_sandbox.runs.seeds import RunJob

        largest = max((config for _, config in items), key=lambda c: estimate(c).total)
        processes, refused = seeds_plan(largest, len(items), os.cpu_count() or 1)
        if refused is not None:  # before any worker starts: no swap storm, no killed run
            self.message.emit(tr("Not enough memory"),
                              tr("The {job_what} were not started: {reason}.").format(
                                  job_what=what, reason=refused), "warning")
            return False
        try:
            job = RunJob(items, processes, group=group, nice=WORKER_NICE)
            job.start()
        except Exception as e:  # noqa: BLE001 (worker processes that cannot start: say so)
            self.message.emit(tr("Cannot start training the runs"), reason(e), "critical")
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
        return tr("{job_what}: {finished} of {total} done").format(
            job_what=self.job_what, finished=job.finished, total=job.total)

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
                self.message.emit(tr("The runs could not all be trained"), job.error, "warning")
            else:
                self.status.emit(tr("{job_what}: {finished} of {total} done").format(
                    job_what=self.job_what, finished=job.finished, total=job.total), 10_000)
            self.jobChanged.emit()

    def cancel_job(self) -> None:
        """Stop the runs training in worker processes (those finished stay)."""
        job, self.job = self.job, None
        self.job_timer.stop()
        if job is not None:
            job.cancel()
            finished = job.poll()  # those that finished while earlier ones still trained
            if finished:
                self.add_runs(finished)
            self.status.emit(tr("{job_what}: cancelled after {finished} of {total}.").format(
                job_what=self.job_what, finished=job.finished, total=job.total), 8_000)
            self.jobChanged.emit()
