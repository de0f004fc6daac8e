"""Training in a background thread.

The worker is a ``QObject`` moved to its own ``QThread``; its loop starts when the thread
starts and owns the experiment while it trains.  The GUI thread talks to it only through
thread-safe requests (flags and a condition variable) and collects its results from an
outbox, so the training thread never calls into Qt.  :class:`TrainingThread` polls the
outbox from the GUI thread and re-emits what it finds as ordinary signals there; polling
also merges several reports into one redraw when the GUI falls behind.

Snapshots are collected (hidden states, gradients of the watched sample) only for the
steps whose snapshot will be shown, at most about 30 a second; validation runs by time
too.  Anything that must read or change the experiment from the GUI thread does so inside
``with worker.paused():``, which waits until the current step has finished.

Both threads run Python, and Python runs one thread at a time (the GIL).  Drawing is many
short calls from Qt into Python, each of which would wait for a busy training loop to hand
the interpreter over, so the training thread steps aside while the GUI draws a snapshot
(:meth:`TrainingWorker._yield_to_gui`) and spaces snapshots so that drawing takes about
``GUI_SHARE`` of the time.

While a training thread exists, Python's cyclic garbage collector runs in the GUI thread
only (:mod:`rnn_sandbox.ui.collector`), so no Qt object is ever destroyed in this one.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal, Slot

from rnn_sandbox.engine import Snapshot, TrainingDiverged
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import Metric
from rnn_sandbox.ui import collector

EMIT_INTERVAL = 1.0 / 30.0  # at most ~30 refreshes a second
# While training at full speed the GUI may take at most this share of the time: when
# drawing a snapshot takes longer, the refreshes are spaced out instead (see _yield_to_gui).
GUI_SHARE = 0.5
POLL_MS = 15  # how often the GUI thread looks into the outbox
MAX_GUI_WAIT = 0.1  # seconds the training thread waits at most for the GUI to draw
MIN_VALIDATE_INTERVAL = 0.25  # seconds between validation passes (at least)
VALIDATE_SHARE = 0.1  # validation may take at most this share of the time


@dataclass
class Progress:
    """What the GUI draws: the latest snapshot and every loss point since the last one."""

    generation: int
    snapshot: Snapshot | None
    steps: np.ndarray
    losses: np.ndarray
    val_steps: np.ndarray = field(default_factory=lambda: np.zeros(0))
    val_losses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    val_metrics: np.ndarray = field(default_factory=lambda: np.zeros(0))
    metric_name: str | None = None
    steps_per_second: float = 0.0
    running: bool = False
    snapshots: list[Snapshot] = field(default_factory=list)  # all collected, oldest first
    # The task's further numbers (Task.extra_metrics) from the latest validation pass in
    # this report, and its step; empty when no validation ran since the last report.
    extra_metrics: list[Metric] = field(default_factory=list)
    extra_step: int | None = None


class TrainingWorker(QObject):
    """Runs ``Trainer.step`` in a loop in its own thread.

    Between steps it checks its requests, so a pause or a stop is honoured within one
    step and a new learning rate or watched sample takes effect at the next step.
    """

    def __init__(self, experiment: Experiment, generation: int = 0) -> None:
        super().__init__()
        self._cond = threading.Condition(threading.RLock())
        self._experiment = experiment
        self._generation = generation
        # Requests; plain attribute writes are atomic, the condition wakes a waiting loop.
        self._running = False
        self._pending_steps = 0
        self._pending_lr: float | None = None
        self._pending_sample: int | None = None
        self._speed_limit: float | None = None
        self._stopping = False
        # Back-pressure: the next snapshot is collected only once the GUI has taken the
        # last one, so a slow screen lowers the refresh rate instead of piling up work.
        # _gui_idle is cleared while the GUI draws; the training thread waits for it.
        self._gui_idle = threading.Event()
        self._gui_idle.set()
        self._undelivered = False  # a collected snapshot waits in the outbox
        self.outbox: collections.deque[tuple[str, Any]] = collections.deque()
        self._typical_step = 0.0
        self._last_emit = 0.0
        self._draw_cost = 0.0  # seconds the GUI needed for the last snapshots (smoothed)
        self._draw_start = 0.0
        self._last_validate = 0.0
        self._validate_cost = 0.0
        self._next_step_time = 0.0
        self._rate_window: collections.deque[tuple[float, int]] = collections.deque()
        # The latest Task.extra_metrics and their step; every collected snapshot carries
        # them as ``snapshot.extra_metrics`` (a list of Metric, empty for most tasks).
        self._extra_latest: tuple[int | None, list[Metric]] = (None, [])
        self._stop_at: int | None = None
        self._reset_buffers()

    # -- requests from the GUI thread (thread-safe) ------------------------------------
    def play(self) -> None:
        self._running = True
        self._notify()
        self.outbox.append(("running", True))

    def drawing(self) -> None:
        """The GUI takes the snapshots out of the outbox to draw them (GUI thread)."""
        self._undelivered = False
        self._gui_idle.clear()
        self._draw_start = time.monotonic()

    def drawn(self) -> None:
        """The GUI has drawn them (GUI thread)."""
        cost = time.monotonic() - self._draw_start
        self._draw_cost = 0.7 * self._draw_cost + 0.3 * cost
        self._gui_idle.set()

    def pause(self) -> None:
        was = self._running
        self._running = False
        self._pending_steps = 0
        if was:
            self.outbox.append(("running", False))

    def step_once(self, n: int = 1) -> None:
        """Train exactly ``n`` more batches (only while paused)."""
        if self._running:
            return
        with self._cond:
            self._pending_steps += n
            self._cond.notify_all()

    def set_learning_rate(self, lr: float) -> None:
        """Takes effect at the next step."""
        self._pending_lr = float(lr)

    def set_sample_index(self, index: int) -> None:
        self._pending_sample = int(index)
        self._notify()

    def set_speed(self, steps_per_second: float | None) -> None:
        """Limit the pace so a learner can watch; ``None`` runs as fast as possible."""
        self._speed_limit = steps_per_second
        self._notify()

    def is_running(self) -> bool:
        return self._running

    @contextmanager
    def paused(self) -> Iterator[Experiment]:
        """Pause, wait for the current step to end, and hand out the experiment.

        Loss points not yet reported are put in the outbox first, so the plots can be
        complete before the caller looks at the experiment.
        """
        self.pause()
        with self._cond:
            self._flush(None)
            yield self._experiment

    def set_stop_at(self, step: int | None) -> None:
        """Pause by itself once the trainer has made ``step`` steps (``None``: never)."""
        with self._cond:
            self._stop_at = step

    def set_experiment(self, experiment: Experiment, generation: int) -> None:
        """Switch to another experiment (pauses first)."""
        self.pause()
        self._gui_idle.set()
        with self._cond:
            self._experiment = experiment
            self._generation = generation
            self._pending_lr = None
            self._pending_sample = None
            self._extra_latest = (None, [])
            self._stop_at = None
            self._reset_buffers()
            self._rate_window.clear()
            self.outbox.clear()

    def stop(self) -> None:
        """Leave the loop for good; the thread can then quit."""
        self._stopping = True
        self._running = False
        self._pending_steps = 0
        self._gui_idle.set()
        self._notify()

    def _notify(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # -- the training loop ---------------------------------------------------------------------
    def _advance(self) -> float | None:
        """One unit of work: 0.0 if more is ready, a delay in seconds when pacing, ``None``
        when there is nothing to do."""
        with self._cond:
            if self._stopping:
                return None
            if not (self._running or self._pending_steps or self._pending_sample is not None):
                self._flush(None)
                return None
            if not self._running and not self._pending_steps:
                self._apply_sample_request()
                self._emit_watch_only()
                return 0.0
            now = time.monotonic()
            limit = self._speed_limit
            if self._running and limit and now < self._next_step_time:
                self._flush(None)
                return self._next_step_time - now
            trainer = self._experiment.trainer
            if self._running and self._stop_at is not None and (
                trainer.step_count >= self._stop_at
            ):
                self._running = False  # the planned run is complete
                self._flush(None)
                self.outbox.append(("running", False))
                return None
            self._one_step(now)
            if limit:
                self._next_step_time = max(now, self._next_step_time) + 1.0 / limit
            return 0.0

    @Slot()
    def run(self) -> None:
        """The loop of the training thread; returns when :meth:`stop` is called."""
        while True:
            with self._cond:
                delay = self._advance()
                if self._stopping:
                    return
                if delay is None:
                    self._cond.wait()
                elif delay > 0:
                    self._cond.wait(delay)
            # The lock is free here for a moment, so paused() never waits long.
            self._yield_to_gui()

    def _yield_to_gui(self) -> None:
        """While the GUI draws, leave the interpreter to it.

        Python runs one thread at a time (the GIL).  Drawing is many short calls from Qt
        into Python, and each waits for a busy training thread to give the interpreter
        up, so drawing next to a training loop takes many times as long and the window
        stutters.  Waiting on an event releases the interpreter; training loses what
        drawing costs, and spacing snapshots out by the measured drawing time keeps that
        at about ``GUI_SHARE`` of the time.
        """
        if not self._gui_idle.is_set() and self._running:
            self._gui_idle.wait(MAX_GUI_WAIT)  # blocks without holding the interpreter
            self._last_emit = time.monotonic()  # the next gap is training time only

    def _apply_sample_request(self) -> None:
        if self._pending_sample is None:
            return
        trainer = self._experiment.trainer
        n_val = len(trainer.data.val)
        trainer.sample_index = int(np.clip(self._pending_sample, 0, n_val - 1))
        self._pending_sample = None

    def _emit_watch_only(self) -> None:
        """A snapshot of the watched sample without training (after choosing a sample)."""
        trainer = self._experiment.trainer
        snap = Snapshot(
            step=trainer.step_count, epoch=trainer.epoch, train_loss=float("nan"),
            learning_rate=trainer.learning_rate, grad_norm=float("nan"),
        )
        trainer.watch(snap)
        self._attach_extra(snap)
        self.outbox.append(("progress", Progress(
            self._generation, snap, np.zeros(0), np.zeros(0), running=self._running,
            snapshots=[snap],
        )))

    def _one_step(self, now: float) -> None:
        trainer = self._experiment.trainer
        single = not self._running
        if self._pending_lr is not None:
            trainer.learning_rate = self._pending_lr
            self._pending_lr = None
        self._apply_sample_request()
        gap = max(EMIT_INTERVAL, self._draw_cost * (1 - GUI_SHARE) / GUI_SHARE)
        collect = single or (not self._undelivered and now - self._last_emit >= gap)
        interval = max(MIN_VALIDATE_INTERVAL, self._validate_cost / VALIDATE_SHARE)
        validate = single or trainer.step_count == 0 or now - self._last_validate >= interval
        extra: list[Metric] | None = None
        metric_fn = trainer.metric_fn
        if validate and metric_fn is not None:
            # The task's further numbers on the same validation outputs the metric gets,
            # so no second pass over the validation set is needed.
            task = self._experiment.task
            extra = []

            def with_extra(outputs: np.ndarray, batch: Any) -> Any:
                try:
                    extra.extend(task.extra_metrics(outputs, batch))
                except Exception:  # noqa: BLE001 (a task's extra numbers must not stop training)
                    pass
                return metric_fn(outputs, batch)

            trainer.metric_fn = with_extra
        try:
            snap = trainer.step(collect=collect, validate=validate)
        except TrainingDiverged as e:
            self._running = False
            self._pending_steps = 0
            self._flush(None)
            self.outbox.append(("running", False))
            self.outbox.append(("diverged", str(e)))
            return
        finally:
            trainer.metric_fn = metric_fn
        if extra is not None:
            self._extra_latest = (snap.step, extra)
            self._extra_new = True
        if single:
            self._pending_steps = max(0, self._pending_steps - 1)
        done = time.monotonic()
        if validate:
            self._last_validate = done
            # Rough cost of a validation pass: this step minus a typical step.
            self._validate_cost = max(0.0, done - now - self._typical_step)
            self._val_steps.append(snap.step)
            self._val_losses.append(np.nan if snap.val_loss is None else snap.val_loss)
            self._val_metrics.append(np.nan if snap.val_metric is None else snap.val_metric)
            self._metric_name = snap.metric_name
        elif not collect:
            self._typical_step = 0.9 * self._typical_step + 0.1 * (done - now)
        self._steps.append(snap.step)
        self._losses.append(snap.train_loss)
        self._rate_window.append((done, snap.step))
        while len(self._rate_window) > 2 and done - self._rate_window[0][0] > 1.0:
            self._rate_window.popleft()
        if collect:
            self._flush(snap)

    def _flush(self, snap: Snapshot | None) -> None:
        """Send what accumulated since the last emission (with ``snap`` if collected)."""
        if snap is None and not self._steps:
            return
        rate = 0.0
        if len(self._rate_window) >= 2:
            (t0, s0), (t1, s1) = self._rate_window[0], self._rate_window[-1]
            rate = (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0
        if snap is not None:
            self._undelivered = True
            self._attach_extra(snap)
        extra_step, extra = self._extra_latest if self._extra_new else (None, [])
        self.outbox.append(("progress", Progress(
            generation=self._generation,
            snapshot=snap,
            steps=np.asarray(self._steps, dtype=float),
            losses=np.asarray(self._losses, dtype=float),
            val_steps=np.asarray(self._val_steps, dtype=float),
            val_losses=np.asarray(self._val_losses, dtype=float),
            val_metrics=np.asarray(self._val_metrics, dtype=float),
            metric_name=self._metric_name,
            steps_per_second=rate,
            running=self._running,
            snapshots=[] if snap is None else [snap],
            extra_metrics=list(extra),
            extra_step=extra_step,
        )))
        self._reset_buffers()
        self._last_emit = time.monotonic()

    def _attach_extra(self, snap: Snapshot) -> None:
        """The latest extra metrics ride on the snapshot, so a view that draws snapshots
        can show them (``extra_metrics``, and ``extra_step``: the step they were taken)."""
        step, values = self._extra_latest
        snap.extra_metrics = list(values)
        snap.extra_step = step

    def _reset_buffers(self) -> None:
        self._steps: list[int] = []
        self._losses: list[float] = []
        self._val_steps: list[int] = []
        self._val_losses: list[float] = []
        self._val_metrics: list[float] = []
        self._metric_name: str | None = None
        self._extra_new = False


def merge(items: list[Progress]) -> Progress:
    """Several progress reports as one: all their points, the latest snapshot."""
    if len(items) == 1:
        return items[0]
    last = items[-1]
    snap = next((p.snapshot for p in reversed(items) if p.snapshot is not None), None)

    def cat(name: str) -> np.ndarray:
        return np.concatenate([getattr(p, name) for p in items])

    metric = next((p.metric_name for p in reversed(items) if p.metric_name), None)
    extra = next((p for p in reversed(items) if p.extra_step is not None), last)
    return Progress(
        generation=last.generation, snapshot=snap, steps=cat("steps"), losses=cat("losses"),
        val_steps=cat("val_steps"), val_losses=cat("val_losses"),
        val_metrics=cat("val_metrics"), metric_name=metric,
        steps_per_second=last.steps_per_second, running=last.running,
        snapshots=[s for p in items for s in p.snapshots],
        extra_metrics=extra.extra_metrics, extra_step=extra.extra_step,
    )


class TrainingThread(QObject):
    """A worker, its thread, and the GUI-side signals fed from the worker's outbox."""

    progress = Signal(object)  # Progress (merged since the last poll)
    diverged = Signal(str)  # what happened and what to try
    runningChanged = Signal(bool)

    def __init__(self, experiment: Experiment, generation: int = 0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Garbage must not be collected in the training thread (see collector).
        collector.acquire()
        self._holds_collector = True
        self.worker = TrainingWorker(experiment, generation)
        self.thread = QThread()
        self.thread.setObjectName("training")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.delivering = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.thread.start()
        self.poll_timer.start()

    @Slot()
    def poll(self) -> None:
        """Deliver what the worker produced (GUI thread).

        Runs from a timer, so by the time it runs again the event loop has painted what
        the last delivery changed: only then may the worker collect another snapshot.
        """
        if self.delivering:
            return  # re-entered from an event loop turned during a delivery
        box = self.worker.outbox
        progress: list[Progress] = []
        while box:
            kind, value = box.popleft()
            if kind == "progress":
                progress.append(value)
                continue
            if progress:  # keep the order of events
                self._deliver(progress)
                progress = []
            if kind == "running":
                self.runningChanged.emit(value)
            elif kind == "diverged":
                self.diverged.emit(value)
        if progress:
            self._deliver(progress)

    def _deliver(self, items: list[Progress]) -> None:
        merged = merge(items)
        drawing = bool(merged.snapshots)
        if not drawing:
            self.progress.emit(merged)
            return
        # The training thread waits (see TrainingWorker._yield_to_gui) while the receivers
        # update and paint; they may turn the event loop in between (``delivering``).
        self.worker.drawing()
        self.delivering = True
        try:
            self.progress.emit(merged)
            # The slots only scheduled the last repaints (scene updates are queued, then
            # posted to the window): paint them now, while the training thread waits.
            for _ in range(2):
                QCoreApplication.processEvents(
                    QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
                )
        finally:
            self.delivering = False
            self.worker.drawn()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop training, end the thread (quit + wait); True once nothing runs any more."""
        self.worker.stop()
        self.poll_timer.stop()
        ended = True
        if self.thread.isRunning():
            self.thread.quit()
            ended = self.thread.wait(timeout_ms)
        if ended and self._holds_collector:
            self._holds_collector = False
            collector.release()
        return ended
