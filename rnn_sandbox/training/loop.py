"""The window's training loop, run in a process of its own (no Qt here).

Python runs one thread of a process at a time (the GIL).  Training and drawing are both
Python, so in one process every redraw stops training and every training step delays a
redraw.  In a process of its own the loop trains on one core while the window draws on
the other.  :mod:`rnn_sandbox.training.proxy` starts the process and talks to it through
a pipe, with the messages of :mod:`rnn_sandbox.training.messages`.

The state exchanged by ``sync`` and ``load`` is the network, the trainer and the config,
pickled with the shared parts (task, data) left out and only the new part of the history
sent: see :class:`StateLink`.  Pickle never leaves the pipe between these two processes;
files are read with :mod:`rnn_sandbox.io` only.
"""

from __future__ import annotations

import copy
import io
import pickle
import signal
import threading
import time
import traceback
import zlib
from collections import deque
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnn_sandbox import language
from rnn_sandbox.engine import Network, Snapshot, TrainingDiverged
from rnn_sandbox.engine.anatomy import HEAD_WEIGHT
from rnn_sandbox.io import experiment_from_bytes
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import Metric
from rnn_sandbox.tasks.units import look_inside, watched_connectivity_pieces
from rnn_sandbox.training import messages

EMIT_INTERVAL = 1.0 / 32.0  # about 30 refreshes a second (at most 32)
# Snapshots sent but not drawn yet: with two, the window finds the next one waiting when
# it has drawn one, and a window slower than EMIT_INTERVAL still never falls far behind.
MAX_UNDRAWN = 2
MIN_VALIDATE_INTERVAL = 0.25  # seconds between validation passes (at least)
VALIDATE_SHARE = 0.1  # validation may take at most this share of the time
LEARNED_INTERVAL = 1.0  # seconds between two looks at what the units learned (at least)
LEARNED_SHARE = 0.1  # and those looks take at most this share of the time
# How far back a network looks is worked out a piece at a time between steps (a long text's
# takes seconds): pieces of about this many numbers (a few ms each), in at most this share
# of the time while training.
LOOK_BACK_PIECE = 60_000
LOOK_BACK_SHARE = 0.2


@dataclass
class Progress:
    """What the GUI draws: the latest snapshot and every loss point since the last one."""

    generation: int
    snapshot: Snapshot | None
    steps: np.ndarray
    losses: np.ndarray
    val_steps: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # Seconds of training after each of ``steps`` (the run's wall time, for comparisons).
    seconds: np.ndarray = field(default_factory=lambda: np.zeros(0))
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
    # The norm of each weight's gradient (unclipped) at each of ``steps``: cheap, so every
    # step's is sent, not only the collected snapshots' (the gradient norm plot).
    grad_norms: dict[str, np.ndarray] = field(default_factory=dict)


def _columns(rows: list[dict[str, float]]) -> dict[str, np.ndarray]:
    """``{name: values}`` from one ``{name: value}`` per step; a name missing at a step
    (none should be) is NaN there, so every column has one value per step."""
    names = list(dict.fromkeys(k for r in rows for k in r))
    return {k: np.array([r.get(k, np.nan) for r in rows], dtype=float) for k in names}


def _cat_norms(items: list[Progress]) -> dict[str, np.ndarray]:
    names = list(dict.fromkeys(k for p in items for k in p.grad_norms))
    return {k: np.concatenate([p.grad_norms.get(k, np.full(len(p.steps), np.nan))
                               for p in items]) for k in names}


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
        seconds=cat("seconds"), val_steps=cat("val_steps"), val_losses=cat("val_losses"),
        val_metrics=cat("val_metrics"), metric_name=metric,
        steps_per_second=last.steps_per_second, running=last.running,
        snapshots=[s for p in items for s in p.snapshots],
        extra_metrics=extra.extra_metrics, extra_step=extra.extra_step,
        grad_norms=_cat_norms(items),
    )


class TrainingLoop:
    """Runs ``Trainer.step`` on request and puts what the window draws in ``outbox``.

    Requests are plain method calls between steps (the process serving it reads them from
    the pipe), so a pause is honoured within one step and a new learning rate or watched
    sample takes effect at the next step.  Snapshots are collected (hidden states,
    gradients of the watched sample) only for the steps whose snapshot will be shown, at
    most about 30 a second; validation runs by time too.
    """

    _metric_name: str | None  # of the metric validated since the last emission

    def __init__(self, experiment: Experiment, generation: int = 0) -> None:
        self.speed_limit: float | None = None
        # Whether snapshots bring what the units learned (tasks.units.Learned): only while
        # the window shows it; the window's wish stays across experiments.
        self.learned_on = False
        self._next_learned = 0.0
        # Whether the looks bring how far back the networks look too (its page is in view).
        self.look_back_on = False
        # Networks of other runs whose look back the snapshots bring too (run name, network).
        self._look_back_runs: list[tuple[str, Any]] = []
        self._look_back_blobs: dict[str, tuple[bytes, Any]] = {}
        self._start(experiment, generation)

    def _start(self, experiment: Experiment, generation: int) -> None:
        """Everything that belongs to one experiment, from its beginning (the pace setting
        is the learner's and stays)."""
        self.experiment = experiment
        self.generation = generation
        # How far back the networks look, by (run name, or "" for this network; watched
        # sample): the result (an error's text if it has none) with the step it is of and
        # a mark of the weights; a kept run's weights never change, so its look back is
        # worked out once per sample.
        self._look_back_kept: dict[tuple[str, int], tuple[int, np.ndarray | str, Any]] = {}
        # Those being worked out, a piece at a time (advance), with the step and the mark.
        self._look_back_jobs: dict[tuple[str, int], tuple[int, Iterator[Any], Any]] = {}
        self._look_back_time = self._look_back_since = 0.0
        self.running = False
        self.pending_steps = 0
        self.pending_lr: float | None = None
        self.pending_sample: int | None = None
        self.stop_at: int | None = None
        # Back-pressure: a snapshot is collected only while fewer than MAX_UNDRAWN wait
        # to be drawn, so a slow screen lowers the refresh rate instead of piling up work.
        self.undrawn = 0
        self.outbox: list[tuple[str, Any]] = []
        self._typical_step = 0.0
        self._next_emit = 0.0  # when the next snapshot is due (on a 30-a-second grid)
        self._last_validate = 0.0
        self._validate_cost = 0.0
        self._validated_epochs = 0
        self._next_step_time = 0.0
        self._rate_window: deque[tuple[float, int]] = deque()
        # The latest Task.extra_metrics and their step; every collected snapshot carries
        # them as ``snapshot.extra_metrics`` (a list of Metric, empty for most tasks).
        self._extra_latest: tuple[int | None, list[Metric]] = (None, [])
        self._reset_buffers()

    # -- requests ----------------------------------------------------------------------------
    def play(self) -> None:
        self.running = True

    def pause(self) -> None:
        """Stop after the current step.  A run paused by the learner ends with a look at
        the watched sample as the weights are now, so the views show the paused model,
        not the last snapshot taken up to a thirtieth of a second before."""
        was = self.running
        self._halt()
        if was:
            self._flush(None)
            self._emit_watch_only()

    def _halt(self) -> None:
        self.running = False
        self.pending_steps = 0

    def step_once(self, n: int = 1) -> None:
        """Train exactly ``n`` more batches (only while paused)."""
        if not self.running:
            self.pending_steps += n

    def set_learning_rate(self, lr: float) -> None:
        self.pending_lr = float(lr)

    def set_sample_index(self, index: int) -> None:
        self.pending_sample = int(index)

    def set_speed(self, steps_per_second: float | None) -> None:
        """Limit the pace so a learner can watch; ``None`` runs as fast as possible."""
        self.speed_limit = steps_per_second

    def set_stop_at(self, step: int | None) -> None:
        """Pause by itself once the trainer has made ``step`` steps (``None``: never)."""
        self.stop_at = step

    def set_itemize(self, params: Collection[str] | None) -> None:
        """Add the itemized gradients of ``params`` (names) to the watched sample's
        snapshots; an empty collection turns them off (they cost T backward passes)."""
        self.experiment.trainer.itemize_params = set(params or ())

    def set_learned(self, on: bool) -> None:
        """Add what the hidden units learned to the snapshots (at most about once a
        second while training, and every look while paused), or stop adding it."""
        self.learned_on = bool(on)
        self._next_learned = 0.0

    def set_look_back(self, on: bool) -> None:
        """Work out how far back the networks look (for the looks inside), or stop: it
        costs more than the rest of a look, and only its page shows it."""
        self.look_back_on = bool(on)
        self._next_learned = 0.0

    def set_look_back_runs(self, runs: list[tuple[str, bytes]]) -> None:
        """Also show how far back the networks of these runs (name, experiment-file bytes)
        look, on the watched sample: those of a run that cannot be read, or whose network
        reads other inputs or has no recurrent states, are left out."""
        kept, blobs = [], {}
        for name, blob in runs:
            name = str(name)
            known = self._look_back_blobs.get(name)
            if known is not None and known[0] == blob:
                net = known[1]  # offered again (the Runs panel changed): nothing to redo
            else:
                try:
                    net = experiment_from_bytes(blob).network
                except Exception:  # noqa: BLE001 (a run offered must not stop training)
                    continue
                self._forget_look_back({name}.__contains__)
            blobs[name] = (blob, net)
            if isinstance(net, Network):
                kept.append((name, net))
        self._look_back_runs, self._look_back_blobs = kept, blobs
        self._forget_look_back(lambda run: run != "" and run not in blobs)
        self._next_learned = 0.0

    def _forget_look_back(self, which: Callable[[str], bool]) -> None:
        for table in (self._look_back_kept, self._look_back_jobs):
            for key in [k for k in table if which(k[0])]:
                del table[key]

    def _look_inside(self, snap: Snapshot, now: bool = False) -> None:
        if not self.learned_on or (not now and time.monotonic() < self._next_learned):
            return
        exp, started = self.experiment, time.perf_counter()
        try:
            with np.errstate(all="ignore"):  # a diverging network's states: shown as they are
                snap.learned = look_inside(exp.task, exp.network, exp.trainer.data,
                                           exp.trainer.sample_index, exp.trainer.step_count,
                                           connectivity=False)
        except (ValueError, np.linalg.LinAlgError):
            snap.learned = None  # no recurrent states (the dense baseline), or no numbers
        if snap.learned is not None and self.look_back_on:
            self._look_back(snap.learned)
        cost = time.perf_counter() - started
        self._next_learned = time.monotonic() + max(LEARNED_INTERVAL, cost / LEARNED_SHARE)

    def _look_back(self, learned: Any) -> None:
        """Put the latest look back worked out for the watched sample on ``learned`` (this
        network's as of its step ``learned.connectivity_step``, and the other runs'), and
        start working out what is missing or older than the weights."""
        exp = self.experiment
        i, step = learned.indices[0], exp.trainer.step_count
        sample = exp.trainer.data.val.subset(slice(i, i + 1))
        done = self._look_back_kept.get(("", i))
        # The step and the read-out's weights tell new weights (also ones loaded or undone).
        mark = (step, zlib.crc32(exp.network.params[HEAD_WEIGHT].tobytes()))
        if ("", i) not in self._look_back_jobs and (done is None or done[2] != mark):
            # A copy of the weights: training goes on while the pieces are worked out.
            net = copy.copy(exp.network)
            net.params = {k: v.copy() for k, v in exp.network.params.items()}
            net.cache = None
            self._start_look_back(("", i), step, net, sample, mark)
        if done is not None:
            if isinstance(done[1], str):
                learned.no_connectivity = done[1]
            else:
                learned.connectivity, learned.connectivity_step = done[1], done[0]
        for name, net in self._look_back_runs:
            done = self._look_back_kept.get((name, i))
            if done is None and (name, i) not in self._look_back_jobs:
                self._start_look_back((name, i), 0, net, sample, None)
            elif done is not None and not isinstance(done[1], str):
                learned.others[name] = done[1]

    def _start_look_back(self, key: tuple[str, int], step: int, net: Any, sample: Any,
                         mark: Any) -> None:
        if not self._look_back_jobs:
            self._look_back_time, self._look_back_since = 0.0, time.perf_counter()
        self._look_back_jobs[key] = (step, watched_connectivity_pieces(
            net, sample, LOOK_BACK_PIECE), mark)

    def _work_on_look_back(self, share: float | None) -> bool:
        """Work out a piece of a look back, if one is waiting and (with ``share``) the
        pieces took less than that share of the time since they began; returns whether
        one was finished."""
        if not self._look_back_jobs:
            return False
        started = time.perf_counter()
        if share is not None and self._look_back_time > share * (
                started - self._look_back_since):
            return False
        key, (step, pieces, mark) = next(iter(self._look_back_jobs.items()))
        try:
            with np.errstate(all="ignore"):
                result = next(pieces)
        except Exception as e:  # noqa: BLE001 (another input size: other task settings)
            result = str(e) or "no look back"
        self._look_back_time += time.perf_counter() - started
        if result is None:
            return False
        del self._look_back_jobs[key]
        self._look_back_kept[key] = (step, result, mark)
        return True

    def drawn(self, n: int = 1) -> None:
        """The window has drawn ``n`` snapshots: as many more may be collected."""
        self.undrawn = max(0, self.undrawn - n)

    def set_experiment(self, experiment: Experiment, generation: int) -> None:
        """Switch to another experiment (paused; the pace setting stays)."""
        self._start(experiment, generation)

    def flush(self) -> None:
        """Put the loss points not yet reported in the outbox."""
        self._flush(None)

    def stopped_itself(self, look: bool = False) -> None:
        """Pause after a failure or a planned stop and tell the window; with ``look``, a
        look at the watched sample and the gradients as the weights are now comes first."""
        self._halt()
        self._flush(None)
        if look:
            self._emit_watch_only()
        self.outbox.append(("running", False))

    # -- the loop ----------------------------------------------------------------------------
    def advance(self) -> float | None:
        """One unit of work: 0.0 if more is ready, a delay in seconds when pacing, ``None``
        when there is nothing to do."""
        if not (self.running or self.pending_steps or self.pending_sample is not None):
            self._flush(None)
            if self.learned_on and self.look_back_on and self._look_back_jobs:
                # Paused: worked out at once (a request comes in between pieces), then shown.
                if self._work_on_look_back(None) and not self._look_back_jobs:
                    self._emit_watch_only()
                return 0.0
            return None
        if not self.running and not self.pending_steps:
            self._apply_sample_request()
            self._emit_watch_only()
            return 0.0
        now = time.monotonic()
        limit = self.speed_limit
        if self.running and limit and now < self._next_step_time:
            self._flush(None)
            return self._next_step_time - now
        trainer = self.experiment.trainer
        if self.running and self.stop_at is not None and trainer.step_count >= self.stop_at:
            # The planned run is complete: the views get the model as it ended, as after
            # a pause.
            self.stopped_itself(look=True)
            return None
        self._one_step(now)
        if self.learned_on and self.look_back_on:
            self._work_on_look_back(LOOK_BACK_SHARE)
        if limit:
            self._next_step_time = max(now, self._next_step_time) + 1.0 / limit
        return 0.0

    def _apply_sample_request(self) -> None:
        if self.pending_sample is None:
            return
        trainer = self.experiment.trainer
        n_val = len(trainer.data.val)
        trainer.sample_index = int(np.clip(self.pending_sample, 0, n_val - 1))
        self.pending_sample = None

    def _emit_watch_only(self) -> None:
        """A snapshot of the watched sample without training (after choosing a sample)."""
        trainer = self.experiment.trainer
        snap = Snapshot(
            step=trainer.step_count, epoch=trainer.epoch, train_loss=float("nan"),
            learning_rate=trainer.learning_rate, grad_norm=float("nan"),
        )
        trainer.look(snap)  # the gradients of the weights as they are now
        trainer.watch(snap)
        self._look_inside(snap, now=True)
        self._attach_extra(snap)
        self.outbox.append(("progress", Progress(
            self.generation, snap, np.zeros(0), np.zeros(0), running=self.running,
            snapshots=[snap],
        )))

    def _one_step(self, now: float) -> None:
        trainer = self.experiment.trainer
        single = not self.running
        if self.pending_lr is not None:
            trainer.learning_rate = self.pending_lr
            self.pending_lr = None
        self._apply_sample_request()
        # The last step of a planned run is validated and shown: the plots end where the
        # run ends, however short it was.
        last = self.stop_at is not None and trainer.step_count + 1 >= self.stop_at
        collect = single or last or (self.undrawn < MAX_UNDRAWN and now >= self._next_emit)
        if collect and self.running:
            # Keep to the grid when late by up to two slots, so a snapshot that had to wait
            # for the window is made up for; start a new grid after a pause.
            late = now - self._next_emit
            grid = self._next_emit if late < 2 * EMIT_INTERVAL else now
            self._next_emit = grid + EMIT_INTERVAL
        # Validation by time, and after every epoch while that stays cheap, so a short run
        # of a small network has a validation curve too.
        since = now - self._last_validate
        cheap = since >= self._validate_cost / VALIDATE_SHARE
        epoch_done = cheap and trainer.completed_epochs > self._validated_epochs
        validate = (single or last or epoch_done or trainer.step_count == 0
                    or (cheap and since >= MIN_VALIDATE_INTERVAL))
        extra: list[Metric] | None = None
        metric_fn = trainer.metric_fn
        if validate and metric_fn is not None:
            # The task's further numbers on the same validation outputs the metric gets,
            # so no second pass over the validation set is needed.
            task = self.experiment.task
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
            self.stopped_itself()
            self.outbox.append(("diverged", str(e)))
            return
        finally:
            trainer.metric_fn = metric_fn
        if extra is not None:
            self._extra_latest = (snap.step, extra)
            self._extra_new = True
        if single:
            self.pending_steps = max(0, self.pending_steps - 1)
        done = time.monotonic()
        if validate:
            self._last_validate = done
            self._validated_epochs = trainer.completed_epochs
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
        self._grad_norms.append(snap.grad_norms)
        self._seconds.append(trainer.history[-1].get("seconds", np.nan))
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
            self.undrawn += 1
            self._attach_extra(snap)
            self._look_inside(snap)
        extra_step, extra = self._extra_latest if self._extra_new else (None, [])
        self.outbox.append(("progress", Progress(
            generation=self.generation,
            snapshot=snap,
            steps=np.asarray(self._steps, dtype=float),
            losses=np.asarray(self._losses, dtype=float),
            seconds=np.asarray(self._seconds, dtype=float),
            val_steps=np.asarray(self._val_steps, dtype=float),
            val_losses=np.asarray(self._val_losses, dtype=float),
            val_metrics=np.asarray(self._val_metrics, dtype=float),
            metric_name=self._metric_name,
            steps_per_second=rate,
            running=self.running,
            snapshots=[] if snap is None else [snap],
            extra_metrics=list(extra),
            extra_step=extra_step,
            grad_norms=_columns(self._grad_norms),
        )))
        self._reset_buffers()

    def _attach_extra(self, snap: Snapshot) -> None:
        """The latest extra metrics ride on the snapshot, so a view that draws snapshots
        can show them (``extra_metrics``, and ``extra_step``: the step they were taken)."""
        step, values = self._extra_latest
        snap.extra_metrics = list(values)
        snap.extra_step = step

    def _reset_buffers(self) -> None:
        self._steps: list[int] = []
        self._losses: list[float] = []
        self._grad_norms: list[dict[str, float]] = []
        self._seconds: list[float] = []
        self._val_steps: list[int] = []
        self._val_losses: list[float] = []
        self._val_metrics: list[float] = []
        self._metric_name = None
        self._extra_new = False


# -- the state that goes back and forth -----------------------------------------------------
class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, shared: dict[int, str]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = shared

    def persistent_id(self, obj: Any) -> str | None:
        return self.shared.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: dict[str, Any]) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid: Any) -> Any:
        return self.shared[pid]


class StateLink:
    """One side's view of the experiment state both processes hold.

    :meth:`dump` pickles the config, the network and the trainer.  What both sides have
    anyway travels as a name: the task, the datasets and the history list; the network's
    cache of the last forward pass is left out.  The history grows by one entry a step,
    so only the part the other side has not seen is sent (all of it once it was thinned).
    """

    def __init__(self) -> None:
        self._history: list | None = None  # the list last exchanged, and its length then
        self._known = 0
        self._thinned = 0  # how often it had been thinned then (thinning rewrites it)

    def dump(self, exp: Experiment) -> bytes:
        trainer, net = exp.trainer, exp.network
        shared = {id(exp.task): "task", id(exp.dataset): "dataset", id(trainer.data): "data",
                  id(trainer.history): "history"}
        if net.cache is not None:
            shared[id(net.cache)] = "cache"
        buf = io.BytesIO()
        _Pickler(buf, shared).dump((exp.config, net, trainer))
        history, thinned = trainer.history, trainer.history_thinned
        same = history is self._history and thinned == self._thinned  # not thinned since
        keep = self._known if same and len(history) >= self._known else 0
        tail = history[keep:]
        self._history, self._known, self._thinned = history, len(history), thinned
        return pickle.dumps((buf.getvalue(), keep, tail), protocol=pickle.HIGHEST_PROTOCOL)

    def load(self, exp: Experiment, blob: bytes) -> None:
        """Make ``exp`` hold the state in ``blob`` (the same Experiment object stays)."""
        state, keep, tail = pickle.loads(blob)
        history = exp.trainer.history
        del history[keep:]
        history.extend(tail)
        shared = {"task": exp.task, "dataset": exp.dataset, "data": exp.trainer.data,
                  "history": history, "cache": None}
        exp.config, exp.network, exp.trainer = _Unpickler(io.BytesIO(state), shared).load()
        self._history, self._known = history, len(history)
        self._thinned = exp.trainer.history_thinned


# -- the process ----------------------------------------------------------------------------
def serve(requests: Any, reports: Any, blob: bytes, generation: int,
          speaking: str = language.SOURCE) -> None:
    """The training process: answer ``requests`` and train in between; tell ``reports``.

    ``blob`` is the pickled experiment.  Returns on ``stop`` or when the window's end of
    the pipe is gone (the window closed or died), so no training process outlives it.
    ``speaking``: the window's language, in which a divergence is explained.
    """
    language.use(speaking)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the window to handle
    loop = TrainingLoop(pickle.loads(blob), generation)
    link = StateLink()
    seen = 0
    delay: float | None = 0.0
    try:
        while True:
            # Block while idle, wait out a pace, or just look when there is work.
            timeout = delay
            while requests.poll(timeout):
                timeout = 0.0
                req: messages.Request = requests.recv()
                seen = req.id
                if req.name == "stop":
                    return
                try:
                    link = _answer(req, loop, link, reports)
                except Exception as e:  # noqa: BLE001 (reported; the loop serves on)
                    _report(reports, loop, seen, e)
            try:
                delay = loop.advance()
            except Exception as e:  # noqa: BLE001 (reported; the loop serves on)
                _report(reports, loop, seen, e)
                delay = None
            _ship(reports, loop, seen)
    except (EOFError, OSError):
        return  # the window is gone


def _answer(req: messages.Request, loop: TrainingLoop, link: StateLink,
            reports: Any) -> StateLink:
    """Carry out one request; returns the state link to use from now on."""
    # The message classes are made at import (messages.REQUESTS), so a request is told by
    # its name and its fields are read in their order (``args``).
    if req.name == "sync":
        loop.pause()
        loop.flush()
        _ship(reports, loop, req.id)
        reports.send(messages.State(loop.generation, req.id, link.dump(loop.experiment)))
    elif req.name == "load":
        (blob,) = req.args
        link.load(loop.experiment, blob)
    elif req.name == "renew":  # the same experiment, views rebuilt
        (generation,) = req.args
        loop.set_experiment(loop.experiment, generation)
    elif req.name == "experiment":
        blob, generation = req.args
        loop.set_experiment(pickle.loads(blob), generation)
        return StateLink()
    else:  # a request the loop carries out by the method of its name
        getattr(loop, req.name)(*req.args)
    return link


def _ship(reports: Any, loop: TrainingLoop, seen: int) -> None:
    if loop.outbox:
        reports.send(messages.Out(loop.generation, seen, loop.running, loop.outbox))
        loop.outbox = []


def _report(reports: Any, loop: TrainingLoop, seen: int, e: BaseException) -> None:
    """An unexpected error: training pauses, the window shows what happened."""
    loop.stopped_itself()
    _ship(reports, loop, seen)
    details = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    reports.send(messages.Failure(loop.generation, type(e).__name__,
                                  str(e) or type(e).__name__, details))
