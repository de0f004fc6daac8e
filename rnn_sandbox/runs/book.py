"""Runs kept side by side: what one training run was and how it went, to compare runs.

Experimenting means changing one thing and looking at the difference.  A :class:`Run`
keeps everything needed for that after the network that made it is gone: its settings,
its history (losses, validation metric, wall-clock seconds), the gradient reaching each
time step during training, its baseline, and the whole experiment as experiment-file
bytes (or, for a run read from a file, where those bytes lie: :class:`StoredState`), so
:meth:`Run.experiment` rebuilds it and training continues bit for bit as if it had never
left.  :class:`RunBook` holds the runs of one session in order; the functions
below turn runs into what a comparison shows (curves, a band over seeds, a settings table
with the differences, CSV).  Qt-free: the window, the command line and scripts share it.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import numpy as np

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.io.experiment_file import (
    Summary,
    experiment_from_bytes,
    experiment_from_file,
    experiment_to_bytes,
    needs_data,
    write_experiment,
)
from rnn_sandbox.io.safe_zip import ExperimentFileError, open_member
from rnn_sandbox.session import Experiment, changes
from rnn_sandbox.tasks import Metric
from rnn_sandbox.translation import tr

QUANTITIES = ("train_loss", "val_loss", "val_metric")
X_AXES = ("step", "seconds")
# How close to its final level a run must come to have "reached" it (see ``reached``).
REACHED_SHARE = 0.95
MAX_NAME = 200  # characters of a run's name or group: what a runs file keeps


class StoredState:
    """Where a run's experiment-file bytes lie: an entry of a runs file, or (``entry``
    ``None``) a whole experiment file (or a large run's own temporary file).  The file
    stays open, so a run can be restored or saved again even after its file was replaced
    or deleted, and it is read only then: a run read from a file costs what its history
    costs, not what its weights do."""

    def __init__(self, handle: IO[bytes], entry: str | None, size: int,
                 crc: int | None = None) -> None:
        self.handle, self.entry, self.size, self.crc = handle, entry, size, crc

    @contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        """The experiment file's bytes as a seekable stream (read as they are used)."""
        f = self.handle
        if self.entry is None:
            if os.fstat(f.fileno()).st_size != self.size:
                raise ExperimentFileError(tr("the file was changed since it was read"))
            f.seek(0)
            yield f
            return
        try:
            zf = zipfile.ZipFile(f)
            info = zf.getinfo(self.entry)
        except Exception:  # BadZipFile, KeyError, OSError, …
            raise ExperimentFileError(tr("the runs file was changed since it was read")) from None
        with zf:
            if (info.file_size, info.CRC) != (self.size, self.crc):
                raise ExperimentFileError(tr("the runs file was changed since it was read"))
            with open_member(zf, info) as member:
                yield member

    def read(self) -> bytes:
        """All the bytes (for a pipe; saving streams them instead)."""
        with self.open() as f:
            return f.read(self.size + 1)


@dataclass(eq=False)  # runs are compared by identity: two runs may hold equal numbers
class Run:
    """One training run, complete: settings, history, gradient summaries, final state."""

    name: str
    colour: int  # index into the window's palette; stable for the run
    config: ExperimentConfig
    history: list[dict[str, float]]  # Trainer.history rows (step, epoch, losses, seconds)
    gradients: list[tuple[int, np.ndarray]]  # Trainer.gradient_history
    metric_name: str | None
    higher_is_better: bool
    baseline: Metric | None  # task.baseline of the run's data
    # The experiment as .rnnx bytes (weights, optimizer, trainer state), or where they lie.
    state: bytes | StoredState
    seed: int
    group: str | None = None  # runs of one seed repeat / one comparison share a group
    hidden: bool = False

    @classmethod
    def of(
        cls, experiment: Experiment, name: str, colour: int, group: str | None = None
    ) -> Run:
        """The run as ``experiment`` stands now (call it between training steps)."""
        trainer = experiment.trainer
        baseline = _baseline(experiment)
        metric_name, higher_is_better = _metric_facts(experiment, baseline)
        return cls(
            name=name,
            colour=colour,
            config=experiment.config.copy(),
            history=[dict(row) for row in trainer.history],
            gradients=[(int(s), np.array(g, dtype=np.float64))
                       for s, g in trainer.gradient_history],
            metric_name=metric_name,
            higher_is_better=higher_is_better,
            baseline=baseline,
            state=_state_of(experiment),
            seed=experiment.config.training.seed,
            group=group,
        )

    @classmethod
    def from_summary(cls, summary: Summary, name: str, colour: int, state: StoredState,
                     group: str | None = None) -> Run:
        """The run an experiment file holds, from what it says (:class:`Summary`), its
        state left in the file until it is restored."""
        return cls(
            name=name, colour=colour, config=summary.config, history=summary.history,
            gradients=summary.gradients, metric_name=summary.metric_name,
            higher_is_better=summary.higher_is_better,
            baseline=summary.baselines[0] if summary.baselines else None,
            state=state, seed=summary.config.training.seed, group=group,
        )

    def experiment(self) -> Experiment:
        """A new experiment rebuilt from :attr:`state`: training it continues bit for bit
        where the run stopped.  Raises ``ExperimentFileError`` if the state is damaged."""
        if isinstance(self.state, bytes):
            return experiment_from_bytes(self.state)
        with self.state.open() as f:
            return experiment_from_file(f)

    def state_bytes(self) -> bytes:
        """The experiment-file bytes of :attr:`state` (read from the file if stored)."""
        return self.state if isinstance(self.state, bytes) else self.state.read()

    def final_metric(self) -> float | None:
        """The last validation metric measured (``None`` before any validation)."""
        return _last_finite(self.history, "val_metric")

    def final_loss(self) -> float | None:
        """The training loss of the last step (``None`` before the first step)."""
        return _last_finite(self.history, "train_loss")

    def steps(self) -> int:
        """Training steps taken."""
        return int(self.history[-1]["step"]) if self.history else 0

    def seconds(self) -> float | None:
        """Wall-clock seconds of training up to the last step (``None``: not recorded)."""
        return _last_finite(self.history, "seconds")

    def reached(self, share: float = REACHED_SHARE) -> tuple[int, float | None] | None:
        """(step, seconds) of the first validation at which the metric had covered
        ``share`` of its way from the baseline (without one: from the first validation) to
        its final value: how fast the run got where it ended, which tells two runs that
        end at the same level apart.  ``None`` before two validations."""
        rows = [r for r in self.history if math.isfinite(r.get("val_metric", math.nan))]
        if len(rows) < 2:
            return None
        final = float(rows[-1]["val_metric"])
        start = (float(self.baseline.value) if self.baseline is not None
                 and math.isfinite(self.baseline.value) else float(rows[0]["val_metric"]))
        level = start + share * (final - start)
        up = final >= start
        for row in rows:
            v = float(row["val_metric"])
            if (v >= level) if up else (v <= level):
                t = row.get("seconds", math.nan)
                return int(row["step"]), (float(t) if math.isfinite(t) else None)
        return int(rows[-1]["step"]), None  # not reached on the way: unreachable


# A run's state larger than this (by its arrays) waits on disk, in a temporary file of its
# own, instead of in memory: a kept run of a large network costs its history, not its
# weights.  Smaller ones stay as bytes (a file each would cost a descriptor each).
SPILL_BYTES = 16 << 20


def _state_of(experiment: Experiment) -> bytes | StoredState:
    """The experiment-file bytes of ``experiment``, in memory or (when large) in an
    anonymous temporary file, written there straight from the arrays."""
    arrays = sum(v.nbytes for v in experiment.network.params.values()) + sum(
        np.asarray(v).nbytes
        for v in experiment.trainer.optimizer.state_dict(copy=False).values())
    if needs_data(experiment):
        arrays += experiment.dataset.train.x.nbytes + experiment.dataset.val.x.nbytes
    if arrays <= SPILL_BYTES:
        return experiment_to_bytes(experiment)
    f = tempfile.TemporaryFile(prefix="rnnsandbox-run-")
    try:
        write_experiment(f, experiment)
        size = f.tell()
    except BaseException:
        f.close()
        raise
    return StoredState(f, None, size)


def _kept(state: memoryview) -> bytes | StoredState:
    """A state received whole: as bytes, or (past SPILL_BYTES) in a temporary file."""
    if len(state) <= SPILL_BYTES:
        return bytes(state)
    f = tempfile.TemporaryFile(prefix="rnnsandbox-run-")
    try:
        f.write(state)
        f.flush()
    except BaseException:
        f.close()
        raise
    return StoredState(f, None, len(state))


# -- a run between processes ----------------------------------------------------------------
_HEAD = 8  # bytes of the header's length at the start of a message


def run_to_message(run: Run) -> bytes:
    """The run as bytes for a pipe, without pickle: a JSON header holding everything the
    table and the plots read (settings, history, gradients, baseline, metric), then the
    experiment-file bytes of its state, which stay undecoded until the run is restored."""
    header = {
        "name": run.name, "colour": run.colour, "config": run.config.to_dict(),
        "history": run.history,
        "gradients": [[int(s), np.asarray(g, dtype=np.float64).tolist()]
                      for s, g in run.gradients],
        "metric_name": run.metric_name, "higher_is_better": run.higher_is_better,
        "baseline": None if run.baseline is None else [
            run.baseline.name, float(run.baseline.value), bool(run.baseline.higher_is_better)],
        "seed": run.seed, "group": run.group, "hidden": run.hidden,
    }
    head = json.dumps(header).encode("utf-8")  # NaN stays NaN: both ends are ours
    return len(head).to_bytes(_HEAD, "little") + head + run.state_bytes()


def run_from_message(data: bytes) -> Run:
    """The run :func:`run_to_message` made (its state kept as bytes, not decoded).
    Raises ``ValueError`` for bytes that are not such a message."""
    size = int.from_bytes(data[:_HEAD], "little")
    if len(data) < _HEAD or size > len(data) - _HEAD:
        raise ValueError("not a run message (truncated)")
    h = json.loads(data[_HEAD:_HEAD + size].decode("utf-8"))
    b = h["baseline"]
    return Run(
        name=str(h["name"]), colour=int(h["colour"]),
        config=ExperimentConfig.from_dict(h["config"]),
        history=[dict(row) for row in h["history"]],  # as the trainer wrote them
        gradients=[(int(s), np.array(g, dtype=np.float64)) for s, g in h["gradients"]],
        metric_name=h["metric_name"], higher_is_better=bool(h["higher_is_better"]),
        baseline=None if b is None else Metric(str(b[0]), float(b[1]), bool(b[2])),
        state=_kept(memoryview(data)[_HEAD + size:]), seed=int(h["seed"]), group=h["group"],
        hidden=bool(h["hidden"]),
    )


def _last_finite(history: list[dict[str, float]], key: str) -> float | None:
    for row in reversed(history):
        v = row.get(key)
        if v is not None and math.isfinite(v):
            return float(v)
    return None


def _baseline(experiment: Experiment) -> Metric | None:
    """The task's baseline of the run's own data; a task that fails to give one has none
    (the comparison still shows the run)."""
    try:
        with np.errstate(all="ignore"):
            return experiment.task.baseline(experiment.dataset)
    except Exception:
        return None


def _metric_facts(experiment: Experiment, baseline: Metric | None) -> tuple[str | None, bool]:
    """The task metric's name and direction.  A trainer that has validated knows the name
    and the baseline the direction; otherwise (a run rebuilt from a file, a task without a
    baseline) the metric of one validation sample tells both, the network's cache left as
    it was."""
    name = experiment.trainer.metric_name
    if name is not None and baseline is not None:
        return name, bool(baseline.higher_is_better)
    net = experiment.network
    cache = net.cache
    try:
        sample = experiment.trainer.data.val.subset(slice(0, 1))
        with np.errstate(all="ignore"):
            metric = experiment.task.metric(experiment.trainer.predict(sample), sample)
        higher = bool(getattr(metric, "higher_is_better", True))
        if baseline is not None:
            higher = bool(baseline.higher_is_better)
        return name or metric.name, higher
    except Exception:
        return name, True if baseline is None else bool(baseline.higher_is_better)
    finally:
        net.cache = cache


# -- comparing settings ---------------------------------------------------------------------
def differences(
    before: ExperimentConfig, after: ExperimentConfig
) -> dict[str, tuple[Any, Any]]:
    """``{"network.cell": ("rnn", "lstm")}`` for every setting that differs, by the same
    rule that decides what a change of settings means (:func:`session.changes`)."""
    old = before.to_dict()
    out = {}
    for key, value in changes(before, after).items():
        section, name = key.split(".", 1)
        out[key] = (old[section].get(name), value)
    return out


def _flat(config: ExperimentConfig) -> dict[str, Any]:
    """``{"section.name": value}``, the task's options each as ``task.options.<name>``."""
    d = config.to_dict()
    out: dict[str, Any] = {}
    for section in ("task", "network", "training"):
        for name, value in d[section].items():
            if section == "task" and name == "options" and isinstance(value, dict):
                for opt, v in sorted(value.items()):
                    out[f"task.options.{opt}"] = v
            else:
                out[f"{section}.{name}"] = value
    return out


def setting_text(value: Any) -> str:
    """A setting's value as a table shows it (``0.005``, ``lstm``, ``yes``; empty: unset)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str | int):
        return str(value)
    return json.dumps(value, sort_keys=True)


def settings_table(runs: Sequence[Run]) -> tuple[list[str], list[list[str]], set[str]]:
    """(setting keys, one row of values per run, keys whose values differ between runs).

    Keys follow the settings' order; a task option only some runs have is empty in the
    others (and so differs)."""
    flats = [_flat(r.config) for r in runs]
    keys: list[str] = []
    for flat in flats:
        keys.extend(k for k in flat if k not in keys)
    rows = [[setting_text(flat.get(k)) for k in keys] for flat in flats]
    differ = {k for i, k in enumerate(keys) if len({row[i] for row in rows}) > 1}
    return keys, rows, differ


# -- curves ---------------------------------------------------------------------------------
def _check(quantity: str, x: str) -> None:
    if quantity not in QUANTITIES:
        raise ValueError(f"quantity must be one of {', '.join(QUANTITIES)}, not {quantity!r}")
    if x not in X_AXES:
        raise ValueError(f"x must be one of {', '.join(X_AXES)}, not {x!r}")


def curve(run: Run, quantity: str, x: str = "step") -> tuple[np.ndarray, np.ndarray]:
    """The run's own ``quantity`` ("train_loss", "val_loss", "val_metric") against the
    training step or its wall-clock seconds; rows without a value (no validation at that
    step, no time recorded) are left out."""
    _check(quantity, x)
    xs = np.array([row.get(x, np.nan) for row in run.history], dtype=np.float64)
    ys = np.array([row.get(quantity, np.nan) for row in run.history], dtype=np.float64)
    keep = np.isfinite(xs) & np.isfinite(ys)
    return xs[keep], ys[keep]


def gradient_at(run: Run, step: int) -> tuple[int, np.ndarray] | None:
    """The gradient reaching each time step at the recorded step nearest at or before
    ``step`` (the first recorded one when ``step`` precedes them all); ``None`` when the
    run recorded none (a dense network, or no validation yet)."""
    if not run.gradients:
        return None
    best = run.gradients[0]
    for entry in run.gradients:
        if entry[0] <= step:
            best = entry
        else:
            break
    return best


# Metrics that are shares of something (a fraction correct): they live in [0, 1].
_SHARE_WORDS = ("accuracy", "match", "share", "fraction")
# Metrics and losses that measure an error or a distance: never below zero.
_ERROR_WORDS = ("error", "mae", "mse", "rmse", "loss", "distance")


def metric_bounds(name: str | None) -> tuple[float, float]:
    """The range a metric's values can take, from the kind of metric its name says:
    ``(0, 1)`` for an accuracy or a match rate, ``(0, inf)`` for an error (MAE, an error
    rate, a loss), unbounded for a metric of unknown kind."""
    words = (name or "").lower()
    if any(w in words for w in _SHARE_WORDS):
        return 0.0, 1.0
    if any(w in words for w in _ERROR_WORDS):
        return 0.0, math.inf
    return -math.inf, math.inf


def bounds_of(runs: Sequence[Run], quantity: str) -> tuple[float, float]:
    """The range of ``quantity`` for ``runs``: a loss is never negative; the validation
    metric is bounded as its kind is (:func:`metric_bounds`)."""
    if quantity != "val_metric":
        return 0.0, math.inf
    names = {r.metric_name for r in runs}
    return metric_bounds(names.pop()) if len(names) == 1 else (-math.inf, math.inf)


def band(
    runs: Sequence[Run], quantity: str, x: str = "step"
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x, mean, low, high) of ``quantity`` over ``runs`` (usually one group of seeds) at
    the steps where every run has a value: low/high are the mean ∓ the sample standard
    deviation (ddof 1; zero for a single run), the spread a learner weighs a difference
    against, kept inside the range the quantity can take (:func:`bounds_of`: an accuracy's
    band never passes 1, a loss's never 0).  With ``x="seconds"`` the x of each step is the
    runs' mean time to reach it."""
    _check(quantity, x)
    empty = np.zeros(0)
    if not runs:
        return empty, empty, empty, empty
    tables = []
    for run in runs:
        table: dict[int, tuple[float, float]] = {}
        for row in run.history:
            y, t = row.get(quantity, np.nan), row.get("seconds", np.nan)
            if math.isfinite(y) and (x == "step" or math.isfinite(t)):
                table[int(row["step"])] = (float(y), float(t))
        tables.append(table)
    steps = sorted(set.intersection(*(set(t) for t in tables)))
    if not steps:
        return empty, empty, empty, empty
    ys = np.array([[t[s][0] for s in steps] for t in tables])
    mean = ys.mean(axis=0)
    std = ys.std(axis=0, ddof=1) if len(runs) > 1 else np.zeros_like(mean)
    if x == "step":
        xs = np.array(steps, dtype=np.float64)
    else:
        xs = np.array([[t[s][1] for s in steps] for t in tables]).mean(axis=0)
    lowest, highest = bounds_of(runs, quantity)
    return xs, mean, np.clip(mean - std, lowest, highest), np.clip(mean + std, lowest, highest)


def comparison_csv(runs: Sequence[Run]) -> str:
    """The runs' histories side by side: one row per step, columns ``step`` then
    ``"<run> train_loss"``, ``"<run> val_loss"``, ``"<run> val_metric"`` and
    ``"<run> seconds"`` for every run; a run without a value at a step leaves it empty.
    Numbers are written exactly (``repr``), so the file holds the histories' own values."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    columns = ("train_loss", "val_loss", "val_metric", "seconds")
    w.writerow(["step", *(f"{r.name} {c}" for r in runs for c in columns)])
    by_step = [{int(row["step"]): row for row in r.history} for r in runs]
    steps = sorted(set().union(*by_step)) if by_step else []
    for step in steps:
        cells: list[str] = [str(step)]
        for rows in by_step:
            row = rows.get(step, {})
            for c in columns:
                v = row.get(c)
                cells.append(repr(float(v)) if v is not None and math.isfinite(v) else "")
        w.writerow(cells)
    return buf.getvalue()


# -- the runs of a session ------------------------------------------------------------------
def give_colours(runs: Sequence[Run], used: Iterable[int] = (),
                 groups: Mapping[str, int] | None = None) -> None:
    """One palette colour per group (its runs are drawn as one) and per run without a
    group, the lowest not in ``used``; ``groups`` maps groups that have a colour already."""
    taken = set(used)
    colours = dict(groups or {})
    for run in runs:
        if run.group is not None and run.group in colours:
            run.colour = colours[run.group]
            continue
        colour = next(i for i in range(len(taken) + 1) if i not in taken)
        taken.add(colour)
        run.colour = colour
        if run.group is not None:
            colours[run.group] = colour


class RunBook:
    """The runs of one window session, in the order they were made."""

    def __init__(self, runs: Sequence[Run] = ()) -> None:
        self.runs: list[Run] = []
        for run in runs:
            self.add(run)

    def __len__(self) -> int:
        return len(self.runs)

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def add(self, run: Run) -> Run:
        """Append ``run``, renamed (``name (2)``) if another run has its name."""
        run.name = self.unique_name(run.name)
        self.runs.append(run)
        return run

    def remove(self, run: Run) -> None:
        self.runs = [r for r in self.runs if r is not run]

    def rename(self, run: Run, name: str) -> None:
        """Give ``run`` a new name; refused (``ValueError``) when empty or another run's."""
        name = name.strip()
        if not name:
            raise ValueError("a run needs a name")
        if len(name) > MAX_NAME:
            raise ValueError(f"a run's name has at most {MAX_NAME} characters")
        if any(r.name == name for r in self.runs if r is not run):
            raise ValueError(f"another run is already called {name!r}")
        run.name = name

    def next_colour(self) -> int:
        """The lowest palette index no run in the book uses."""
        used = {r.colour for r in self.runs}
        return next(i for i in range(len(used) + 1) if i not in used)

    def unique_name(self, base: str) -> str:
        """``base``, or ``base (2)``, ``base (3)``… whichever no run has yet, never longer
        than ``MAX_NAME`` (``base`` is shortened to make room for the number, so a run
        opened twice can still be saved)."""
        base = base.strip()[:MAX_NAME].strip() or "run"
        names = {r.name for r in self.runs}
        if base not in names:
            return base
        k = 2
        while True:
            number = f" ({k})"
            name = base[:MAX_NAME - len(number)].rstrip() + number
            if name not in names:
                return name
            k += 1

    def before(self, run: Run) -> Run | None:
        """The run made just before ``run`` (what "what changed" compares against)."""
        for i, r in enumerate(self.runs):
            if r is run:
                return self.runs[i - 1] if i > 0 else None
        return None
