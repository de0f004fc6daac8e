"""The training loop: one mini-batch per step, a :class:`Snapshot` after each.

The heavy parts of a snapshot (hidden states of the watched sample, |dL/dh_t| per step)
are only gathered when asked for, so a loop that does not watch pays nothing for them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnn_sandbox.config import TrainingConfig
from rnn_sandbox.engine.anatomy import state_name
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.itemize import itemized_gradients
from rnn_sandbox.engine.network import Network
from rnn_sandbox.engine.optim import (
    NonFiniteUpdate,
    clip_grad_norm,
    make_optimizer,
    non_finite_kind,
)
from rnn_sandbox.translation import QT_TR_NOOP, tr

_ADVICE = QT_TR_NOOP("Try a lower learning rate, turn on gradient clipping, or a smaller "
                     "spectral radius.")


class TrainingDiverged(RuntimeError):
    """The loss, a gradient, a weight or an optimizer buffer became NaN/Inf; the weights,
    the optimizer state and the step count are those of the last good step.

    ``cause`` says which: ``"loss"``, ``"gradient"``, ``"weight"`` or ``"optimizer"``."""

    def __init__(self, message: str, cause: str = "loss") -> None:
        super().__init__(message)
        self.cause = cause


@dataclass
class Snapshot:
    step: int
    epoch: int
    train_loss: float
    learning_rate: float
    grad_norm: float  # global norm before clipping
    grad_norms: dict[str, float] = field(default_factory=dict)
    weight_norms: dict[str, float] = field(default_factory=dict)
    val_loss: float | None = None
    val_metric: float | None = None
    metric_name: str | None = None
    # Heavy parts (None unless collected): per layer/direction name.
    hidden: dict[str, np.ndarray] | None = None  # (time, hidden) of the watched sample
    grad_h: dict[str, np.ndarray] | None = None  # |dL/dh_t| (time,) mean over the batch
    sample_grad_h: dict[str, np.ndarray] | None = None  # dL/dh_t (time, hidden), watched
    # Gated cells: gate activations (time, gates*hidden) in PyTorch order, and for the LSTM
    # the cell state (time, hidden) and |dL/dc_t| (time,), the gradient's "highway".
    gates: dict[str, np.ndarray] | None = None
    cell: dict[str, np.ndarray] | None = None
    grad_c: dict[str, np.ndarray] | None = None
    sample_grad_c: dict[str, np.ndarray] | None = None
    outputs: np.ndarray | None = None  # inference outputs for the watched sample
    # seq2seq with attention: where the watched sample's decoder looked as it wrote
    # ``outputs``, α (output steps, source steps); None without attention.
    attention: np.ndarray | None = None
    inputs: np.ndarray | None = None  # the watched sample's input (time, features)
    weights: dict[str, np.ndarray] | None = None  # copies of the parameters after the step
    grads: dict[str, np.ndarray] | None = None  # the batch's parameter gradients (unclipped)
    # Itemized gradients of the watched sample (engine.itemize): per asked-for parameter,
    # the norms (output step, input step); only when Trainer.itemize_params names some.
    itemized: dict[str, np.ndarray] | None = None
    # What the hidden units show (tasks.units.Learned), filled by whoever runs the loop
    # while a view asks for it: the engine knows no task.
    learned: Any = None
    sample_index: int = 0
    # The task's further numbers (Task.extra_metrics) from the latest validation pass, and
    # the step they were taken at; filled by whoever runs the loop and validates.
    extra_metrics: list[Any] = field(default_factory=list)
    extra_step: int | None = None


def _norms(arrays: dict[str, np.ndarray]) -> dict[str, float]:
    """L2 norm of each array; finite but huge values may give ``inf`` (without a warning)."""
    with np.errstate(over="ignore"):
        return {k: float(np.linalg.norm(a)) for k, a in arrays.items()}


def _step_norms(per_name: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """|dL/ds_t| per time step, averaged over the batch, from ``(B, T, H)`` arrays."""
    return {k: np.linalg.norm(v, axis=2).mean(axis=0) for k, v in per_name.items()}


MetricFn = Callable[[np.ndarray, Batch], Any]

# Gradient summaries kept per run: past this many, every other one is dropped, so a long
# run keeps its whole span at a coarser spacing and memory stays bounded.
MAX_GRADIENT_ENTRIES = 256


def first_layer_gradient(net: Network | Any) -> np.ndarray | None:
    """|dL/dh_t| reaching the first recurrent layer at each time step ``(T,)``, mean over
    the batch of the last backward pass (see :func:`first_layer`).  ``None`` for a dense
    network."""
    if not isinstance(net, Network) or net.cache is None or "grad_h" not in net.cache:
        return None
    with np.errstate(over="ignore"):
        return first_layer(_step_norms(net.cache["grad_h"]), net.arch)


def first_layer(step_norms: Mapping[str, np.ndarray] | None,
                architecture: str) -> np.ndarray | None:
    """The first layer's share of per-state |dL/dh_t| ``(T,)`` arrays (a snapshot's
    ``grad_h``): a bidirectional layer's two directions combined as root-sum-of-squares,
    the encoder's for seq2seq; ``None`` when there is none."""
    if not step_norms:
        return None
    part = "encoder" if architecture == "seq2seq" else ""
    found = [np.asarray(step_norms[k], np.float64)
             for k in (state_name(0, False, part), state_name(0, True, part))
             if k in step_norms]
    if not found:
        return None
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.sqrt(sum(np.square(g) for g in found))
    # Finite gradients whose squares overflow: recorded as the largest float (a summary
    # that a file can store and a log plot can draw), not as inf.
    big = np.finfo(np.float64).max
    return np.nan_to_num(total, nan=big, posinf=big)


# History rows kept per run (about half a kilobyte each): past this many, every other row
# without a validation is dropped (every other validation too when they are many), so a
# run of any length keeps its whole span at a coarser spacing in bounded memory.
MAX_HISTORY_KEPT = 100_000


def thin_history(rows: list[dict[str, float]], limit: int = MAX_HISTORY_KEPT) -> bool:
    """Thin ``rows`` in place once there are more than ``limit`` (see
    :data:`MAX_HISTORY_KEPT`), keeping the first and the last; True if it thinned."""
    if len(rows) <= limit:
        return False
    validated = [math.isfinite(r.get("val_loss", math.nan)) for r in rows]
    halve_validated = sum(validated) > limit // 4
    kept, seen = [], [0, 0]  # rows seen without and with a validation
    last = len(rows) - 1
    for i, (row, v) in enumerate(zip(rows, validated, strict=True)):
        keep = seen[v] % 2 == 0 or (v and not halve_validated) or i == last
        seen[v] += 1
        if keep:
            kept.append(row)
    rows[:] = kept
    return True


def record_gradient(entries: list[tuple[int, np.ndarray]], step: int, g: np.ndarray) -> None:
    """Append ``(step, g)``, keeping every other entry once there are more than
    :data:`MAX_GRADIENT_ENTRIES`, so a long run's record stays bounded and spans it all."""
    entries.append((int(step), g))
    if len(entries) > MAX_GRADIENT_ENTRIES:
        del entries[1::2]


class Trainer:
    """Trains ``network`` on ``dataset`` with the settings of ``cfg``.

    ``metric_fn(outputs, batch)`` (usually ``task.metric``) returns an object with ``name``
    and ``value``; it is evaluated on the validation set with inference outputs.
    """

    def __init__(
        self,
        network: Network,
        dataset: Dataset,
        cfg: TrainingConfig,
        metric_fn: MetricFn | None = None,
        sample_index: int = 0,
    ) -> None:
        self.net = network
        with np.errstate(over="ignore"):  # too large for float32: refused by the caller
            self.data = Dataset(
                dataset.train.as_dtype(network.dtype), dataset.val.as_dtype(network.dtype),
                dataset.meta,
            )
        self.cfg = cfg
        self.metric_fn = metric_fn
        self.sample_index = sample_index
        self.optimizer = make_optimizer(cfg)
        self.rng = np.random.default_rng(cfg.seed + 1)
        self.step_count = 0
        self.epoch = 0
        self._order: np.ndarray | None = None
        self._pos = 0
        self.history: list[dict[str, float]] = []
        self.history_limit = MAX_HISTORY_KEPT  # rows kept (see thin_history)
        self.history_thinned = 0  # times the history was thinned (for who copies it)
        # (step, |dL/dh_t| of the first layer) at every validated step: how the gradient
        # reaching each time step changes during training (first_layer_gradient).
        self.gradient_history: list[tuple[int, np.ndarray]] = []
        self.elapsed = 0.0  # seconds spent in step(), over the whole run
        self._started = 0.0
        self.metric_name: str | None = None  # the task's metric, once validated
        # Parameters whose itemized gradients watch() adds to a snapshot (quadratic in the
        # length: only what a view shows).
        self.itemize_params: set[str] = set()

    # -- settings that may change while training -------------------------------------
    @property
    def learning_rate(self) -> float:
        return self.optimizer.lr

    @learning_rate.setter
    def learning_rate(self, lr: float) -> None:
        if not lr > 0:
            raise ValueError("learning rate must be positive")
        self.optimizer.lr = float(lr)
        self.cfg.learning_rate = float(lr)

    @property
    def completed_epochs(self) -> int:
        """Whole passes over the training set so far."""
        done = self._order is not None and self._pos >= len(self.data.train)
        return self.epoch + int(done)

    # -- one step --------------------------------------------------------------------
    def next_batch(self) -> Batch:
        """The next mini-batch; a new shuffled epoch begins when the last one is used up.

        The trainer keeps the epoch's order and position itself (not a generator), so a
        saved run can resume bit for bit.
        """
        n = len(self.data.train)
        if self._order is None or self._pos >= n:
            if self._order is not None:
                self.epoch += 1
            self._order = self.rng.permutation(n)
            self._pos = 0
        idx = self._order[self._pos : self._pos + self.cfg.batch_size]
        self._pos += len(idx)
        return self.data.train.subset(idx)

    def step(self, collect: bool = False, validate: bool = False) -> Snapshot:
        """Train on one mini-batch.  Raises :class:`TrainingDiverged` (weights unchanged)
        if the loss or a gradient is not finite."""
        self._started = time.perf_counter()
        try:
            return self._step(collect, validate)
        finally:
            self.elapsed += time.perf_counter() - self._started

    def _step(self, collect: bool, validate: bool) -> Snapshot:
        batch = self.next_batch()
        net = self.net
        # Overflow is expected when a learner provokes exploding gradients; it is detected
        # just below and reported, so NumPy's own warnings would only be noise.
        with np.errstate(over="ignore", invalid="ignore"):
            loss, grads = net.loss_and_grads(
                batch.x, batch.y, batch.mask, batch.y_mask, self.cfg.bptt_truncation
            )
        k = self.step_count + 1
        if not np.isfinite(loss):
            raise TrainingDiverged(tr("the loss became {loss} at step {step}: the weights grew too "
                                      "large.").format(loss=loss, step=k) + " " + tr(_ADVICE))
        for name, g in grads.items():
            kind = non_finite_kind(g)
            if kind:
                raise TrainingDiverged(
                    tr("the gradient of {name} became {kind} at step {step} (the loss was "
                       "{loss}): the gradients exploded.").format(
                        name=name, kind=kind, step=k, loss=f"{loss:.4g}") + " " + tr(_ADVICE),
                    "gradient",
                )
        grad_norms = _norms(grads)
        first = first_layer_gradient(net) if validate else None
        grad_h = grad_c = raw_grads = None
        if collect:
            assert net.cache is not None  # loss_and_grads has just filled it
            grad_h = _step_norms(net.cache["grad_h"])
            if "grad_c" in net.cache:
                grad_c = _step_norms(net.cache["grad_c"])
            raw_grads = {k: g.copy() for k, g in grads.items()}
        total = clip_grad_norm(grads, self.cfg.clip_norm)
        try:  # all or nothing: a step that fails leaves weights and optimizer state as they were
            self.optimizer.step(net.params, grads)
        except NonFiniteUpdate as e:
            name, _, buf = e.what.partition("/")
            text = (tr("the update at step {step} would make the optimizer's {buffer} buffer of "
                       "{name} {kind} (the loss was {loss}); the weights are those of step "
                       "{previous}.") if buf else
                    tr("the update at step {step} would make the weight {name} {kind} (the loss "
                       "was {loss}); the weights are those of step {previous}."))
            raise TrainingDiverged(
                text.format(step=k, buffer=buf, name=name, kind=e.kind, loss=f"{loss:.4g}",
                            previous=k - 1) + " " + tr(_ADVICE),
                "optimizer" if buf else "weight",
            ) from None
        self.step_count += 1
        snap = Snapshot(
            step=self.step_count,
            epoch=self.epoch,
            train_loss=loss,
            learning_rate=self.optimizer.lr,
            grad_norm=total,
            grad_norms=grad_norms,
            weight_norms=_norms(net.params),
            grad_h=grad_h,
            grad_c=grad_c,
            grads=raw_grads,
        )
        if validate:
            snap.val_loss, metric = self.evaluate()
            if metric is not None:
                snap.metric_name, snap.val_metric = metric.name, float(metric.value)
                self.metric_name = metric.name
        if first is not None:
            record_gradient(self.gradient_history, snap.step, first)
        if collect:
            self.watch(snap)
        self.history.append(
            {
                "step": snap.step,
                "epoch": snap.epoch,
                "train_loss": loss,
                "val_loss": np.nan if snap.val_loss is None else snap.val_loss,
                "val_metric": np.nan if snap.val_metric is None else snap.val_metric,
                "seconds": self.elapsed + time.perf_counter() - self._started,
            }
        )
        if thin_history(self.history, self.history_limit):
            self.history_thinned += 1
        return snap

    def watch(self, snap: Snapshot) -> None:
        """Fill the snapshot with the watched validation sample's states and gradients."""
        i = min(self.sample_index, len(self.data.val) - 1)
        sample = self.data.val.subset(slice(i, i + 1))
        with np.errstate(over="ignore", invalid="ignore"):  # as in step(): a learner may
            # provoke exploding weights; step() detects and reports what is not finite
            self.net.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
        cache = self.net.cache
        assert cache is not None  # loss_and_grads has just filled it
        snap.hidden = {k: v[0].copy() for k, v in cache["hidden"].items()}
        snap.sample_grad_h = {k: v[0].copy() for k, v in cache["grad_h"].items()}
        if "gates" in cache:
            snap.gates = {k: v[0].copy() for k, v in cache["gates"].items()}
        if "cell" in cache:
            snap.cell = {k: v[0].copy() for k, v in cache["cell"].items()}
            snap.sample_grad_c = {k: v[0].copy() for k, v in cache["grad_c"].items()}
        if getattr(self.net, "attention", "none") != "none":  # written free, as predict does
            outputs, alpha = self.net.generate_with_attention(
                sample.x, sample.mask, steps=sample.y.shape[1])
            assert alpha is not None  # an attending network returns its weights
            snap.outputs, snap.attention = outputs[0], alpha[0]
        else:
            snap.outputs = self.predict(sample)[0]
        snap.inputs = sample.x[0].copy()
        snap.weights = self.net.state_dict()
        snap.sample_index = i
        wanted = [n for n in self.net.params if n in getattr(self, "itemize_params", ())]
        if wanted and isinstance(self.net, Network):
            snap.itemized = itemized_gradients(
                self.net, sample.x, sample.y, sample.mask, sample.y_mask, params=wanted,
                truncation=self.cfg.bptt_truncation,
            )

    def look(self, snap: Snapshot) -> None:
        """Fill ``snap``'s gradients (``grad_norms``, ``grad_h``, ``grad_c``) with those the
        weights get *now*, without training: on the first ``batch_size`` training
        sequences (always the same ones, so two looks at the same weights agree, and no
        random state moves), with the set truncation.  A paused, opened or rebuilt
        experiment is shown as it is, not as of the last step that was collected.
        Non-finite gradients (exploding weights) leave the snapshot as it was."""
        n = max(1, min(self.cfg.batch_size, len(self.data.train)))
        batch = self.data.train.subset(slice(0, n))
        with np.errstate(over="ignore", invalid="ignore"):  # as in step()
            loss, grads = self.net.loss_and_grads(
                batch.x, batch.y, batch.mask, batch.y_mask, self.cfg.bptt_truncation)
            if not np.isfinite(loss) or any(non_finite_kind(g) for g in grads.values()):
                return
            snap.grad_norms = _norms(grads)
            cache = self.net.cache or {}
            if "grad_h" in cache:
                snap.grad_h = _step_norms(cache["grad_h"])
            if "grad_c" in cache:
                snap.grad_c = _step_norms(cache["grad_c"])

    def predict(self, batch: Batch) -> np.ndarray:
        """Inference outputs on ``batch`` (what the metric scores and the prediction view
        shows).  A generative network writes freely for the targets' length, unless the
        data ask to be read with the true previous outputs fed (``meta["predict"] ==
        "teacher_forced"``: a guess of the next character at every step of a text)."""
        if self.net.generative and self.data.meta.get("predict") == "teacher_forced":
            return self.net.forward(batch.x, batch.mask, y=batch.y, y_mask=batch.y_mask)
        steps = batch.y.shape[1] if self.net.generative else None
        return self.net.predict(batch.x, batch.mask, steps=steps)

    def evaluate(self, max_samples: int = 2000) -> tuple[float, Any]:
        """Validation loss (teacher-forced where generative) and the task metric."""
        val = self.data.val
        if len(val) > max_samples:
            val = val.subset(slice(0, max_samples))
        out = self.net.forward(val.x, val.mask, y=val.y, y_mask=val.y_mask)
        loss, _ = self.net.loss(out, val.y, val.mask, val.y_mask)
        metric = None
        if self.metric_fn is not None:
            metric = self.metric_fn(self.predict(val), val)
        return loss, metric

    def run(
        self,
        steps: int | None = None,
        collect_every: int = 0,
        validate_every: int = 0,
    ) -> Iterator[Snapshot]:
        """Yield a snapshot after each step, for ``steps`` steps or ``cfg.epochs`` epochs."""
        n = 0
        while True:
            if steps is not None and n >= steps:
                return
            if steps is None and self.completed_epochs >= self.cfg.epochs:
                return
            n += 1
            k = self.step_count + 1
            yield self.step(
                collect=bool(collect_every) and k % collect_every == 0,
                validate=bool(validate_every) and k % validate_every == 0,
            )

    # -- saving and resuming ---------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """Everything besides the weights needed to continue bit for bit."""
        return {
            "step": self.step_count,
            "epoch": self.epoch,
            "rng": self.rng.bit_generator.state,
            "order": None if self._order is None else self._order.tolist(),
            "pos": self._pos,
            "optimizer": self.optimizer.state_dict(),
            "elapsed": self.elapsed,
        }

    def load_state(self, state: dict[str, Any]) -> None:
        """Continue from :meth:`state`; the optimizer's arrays in it become this trainer's
        (not copied: a loaded file's buffers are held once)."""
        self.step_count = int(state["step"])
        self.epoch = int(state["epoch"])
        self.rng.bit_generator.state = state["rng"]
        order = state["order"]
        self._order = None if order is None else np.asarray(order, dtype=np.intp)
        self._pos = int(state["pos"])
        self.optimizer.load_state_dict(state["optimizer"], take=True)
        self.elapsed = float(state.get("elapsed", 0.0))
