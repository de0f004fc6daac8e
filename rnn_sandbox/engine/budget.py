"""What a configuration will cost before anything is built: memory and time per step.

Every entry point asks here first (the settings panel through ``session.propose``, the
command line's ``train``, ``resume`` and ``--seeds``): a setting whose memory estimate is
above :func:`available_memory` is refused with a message saying what it needs, what there
is and what to lower, instead of a machine swapping for minutes or a killed process.

The estimate counts what one training process holds at its peak: the weights, their
gradients, the optimizer's buffers, the forward and backward cache of one batch, the data
set, the copy a save makes of the weights, and the interpreter itself.  Its constants were
measured (``python -m benchmarks memory`` prints the estimate beside the measured peak of
each command); ``tests/engine/test_budget.py`` keeps training within :data:`FACTOR` of it.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass

import numpy as np

from rnn_sandbox.config import ExperimentConfig, NetworkConfig, data_bytes
from rnn_sandbox.engine.anatomy import gate_count
from rnn_sandbox.engine.attention import attention_shapes
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.translation import QT_TR_NOOP, number, tr

# The environment variable that lowers the memory the program believes it has (bytes, or
# a number with K, M, G, T): for a shared machine, and for tests of the refusal.
MEMORY_VARIABLE = "RNN_SANDBOX_MEMORY"
# A training step's measured peak stays within this factor of the estimate (tested).
FACTOR = 3.0
# What the interpreter, NumPy and the program's modules take before any experiment.
BASELINE_BYTES = 110_000_000
# Passes a training step makes over arrays the size of the weights (the optimizer's two,
# the weights prepared, the gradients made, clipped and measured) and over the batch's
# cache (fitted to measured steps: benchmarks/memory.py prints both).
WEIGHT_PASSES = 60
CACHE_PASSES = 6
# Optimizer buffers per parameter.
OPTIMIZER_BUFFERS = {"sgd": 0, "momentum": 1, "rmsprop": 1, "adam": 2}
# Inference (validation, predictions, scores) runs in chunks whose cache stays below this
# or below one training batch's, whichever is larger (Network.forward).
INFERENCE_CHUNK_BYTES = 32_000_000


def cache_per_unit(cell: str) -> int:
    """Numbers a step keeps per time step, sequence, layer and direction, in units of the
    hidden size: the forward cache (states, gates, cell states) plus what the backward pass
    holds at its peak (the gradients of the pre-activations and states, the per-step
    gradients).  Each cell's number lives in its module (``Cell.cache_per_unit``)."""
    return 2 if cell == "dense" else CELL_TABLE[cell].cache_per_unit


@dataclass(frozen=True)
class Estimate:
    """Bytes one training process needs at its peak, by part, and seconds per step."""

    parameters: int  # how many numbers the network learns
    weights: int  # bytes of the weights; gradients and a save's copy are as large
    optimizer: int  # bytes of the optimizer's buffers
    cache: int  # bytes of one batch's forward and backward pass
    data: int  # bytes of the data set as the trainer holds it
    baseline: int = BASELINE_BYTES
    seconds_per_step: float | None = None

    @property
    def total(self) -> int:
        """Weights, gradients, optimizer, one batch's cache, data, the copy a save makes,
        the interpreter."""
        return (3 * self.weights + self.optimizer + self.cache + self.data
                + self.baseline)

    @property
    def training(self) -> int:
        """What training itself holds beside the interpreter: parameters, gradients,
        optimizer state and one batch's cache (the quantity :data:`FACTOR` bounds)."""
        return 2 * self.weights + self.optimizer + self.cache

    def text(self) -> str:
        """``needs about 1.9 GB of memory, 0.4 s per step``."""
        if self.seconds_per_step is None:
            return tr("needs about {size} of memory").format(size=size_text(self.total))
        return tr("needs about {size} of memory, {duration} per step").format(
            size=size_text(self.total), duration=duration_text(self.seconds_per_step))


def size_text(n: float) -> str:
    """Bytes as people read them: ``95 MB``, ``1.9 GB`` (``1,9 GB`` in German)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            value = n / scale
            return f"{number(value, '.2g' if value < 10 else ',.0f')} {unit}"
    return tr("%n byte(s)", n=int(n))


def duration_text(seconds: float) -> str:
    """``3 ms``, ``0.4 s``, ``12 s``, ``4 min``."""
    if seconds < 0.1:
        return f"{max(seconds * 1000, 0.1):.2g} ms"
    if seconds < 60:
        return f"{seconds:.2g} s" if seconds < 10 else f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.2g} min"
    return f"{seconds / 3600:.2g} h"


# -- parameters and data -------------------------------------------------------------------
def _stack_parameters(cell: str, inputs: int, H: int, layers: int, directions: int) -> int:
    G = gate_count(cell) * H
    hh = "weight_hh" in CELL_TABLE[cell].kinds  # minGRU, minLSTM: no W_hh, no b_hh
    total = 0
    for k in range(layers):
        width = inputs if k == 0 else H * directions
        total += directions * (G * (width + H * hh) + G * (1 + hh))
    return total


def parameter_count(cfg: ExperimentConfig) -> int:
    """The parameters the network of ``cfg`` has (as ``Network.num_parameters``), from the
    settings alone."""
    n, T = cfg.network, cfg.task.seq_len
    H, O, L = n.hidden_size, n.output_size, n.num_layers
    D = 2 if n.bidirectional else 1
    if n.cell == "dense":
        width = n.input_size * (T if n.pooling == "flatten" else 1)
        return H * width + H + O * H + O
    if n.architecture == "seq2seq":
        attention = sum(math.prod(shape) for shape in
                        attention_shapes(n.attention, H, D * H).values())
        return (_stack_parameters(n.cell, n.input_size, H, L, D)
                + _stack_parameters(n.cell, O, H, L, 1) + O * H + O + attention)
    return _stack_parameters(n.cell, n.input_size, H, L, D) + O * D * H + O


def _data_estimate(cfg: ExperimentConfig) -> int:
    """The data set's bytes: inputs, targets and masks as the tasks make them (8 bytes a
    number), plus the trainer's copy in float32 when the network computes in it."""
    t, n = cfg.task, cfg.network
    N, T = t.n_samples, t.seq_len
    steps_in = 1 if n.architecture == "one_to_many" else T
    steps_out = 1 if n.architecture == "many_to_one" else T
    x = N * steps_in * n.input_size * 8
    y = N * steps_out * (n.output_size if n.loss == "mse" else 1) * 8
    masks = N * T * 8 * (1 if n.architecture == "many_to_one" else 2)
    total = min(x + y + masks, data_bytes(cfg))
    if n.dtype != "float64":  # the trainer converts the inputs (and float targets)
        total += x // 2 + (y // 2 if n.loss == "mse" else 0)
    return total


def cache_bytes(cfg: ExperimentConfig, batch: int) -> int:
    """Bytes the forward and backward pass of ``batch`` sequences hold at their peak."""
    return batch * row_bytes(cfg.network, cfg.task.seq_len)


def row_bytes(n: NetworkConfig, steps: int) -> int:
    """Bytes one sequence of ``steps`` steps holds in a forward and backward pass."""
    itemsize = np.dtype(n.dtype).itemsize
    if n.cell == "dense":
        return (steps * n.input_size + cache_per_unit("dense") * n.hidden_size) * itemsize
    D = 2 if n.bidirectional else 1
    stacks = n.num_layers * D + (n.num_layers if n.architecture == "seq2seq" else 0)
    per_step = cache_per_unit(n.cell) * n.hidden_size * stacks + 2 * n.output_size
    if n.architecture == "seq2seq" and n.attention != "none":
        # each output step's weights over the source steps, its context and mixed state
        per_step += 2 * steps + 4 * D * n.hidden_size
    return steps * per_step * itemsize


def inference_rows(n: NetworkConfig, steps: int, parameters: int) -> int:
    """How many sequences of ``steps`` steps inference runs at once (``Network.forward``),
    so that validating or scoring a large set never holds more cache than
    :data:`INFERENCE_CHUNK_BYTES` or the weights (``parameters`` of them), whichever is
    larger: each chunk prepares the weights anew, so chunks are no smaller than that."""
    room = max(INFERENCE_CHUNK_BYTES, parameters * np.dtype(n.dtype).itemsize)
    return max(1, room // max(1, row_bytes(n, steps)))


def estimate(cfg: ExperimentConfig, timed: bool = False) -> Estimate:
    """The memory one training process of ``cfg`` needs (and with ``timed``, the seconds
    per step from a short measured probe of this machine, see :func:`seconds_per_step`)."""
    P = parameter_count(cfg)
    itemsize = np.dtype(cfg.network.dtype).itemsize
    buffers = OPTIMIZER_BUFFERS.get(cfg.training.optimizer, 2)
    n_val = max(1, round(cfg.task.n_samples * cfg.task.val_fraction))
    batch = min(cfg.training.batch_size, max(1, cfg.task.n_samples - n_val))
    # Validation and scores run in chunks of inference_rows sequences.
    chunk = min(n_val, inference_rows(cfg.network, cfg.task.seq_len, P))
    return Estimate(
        parameters=P,
        weights=P * itemsize,
        optimizer=buffers * P * itemsize,
        cache=max(cache_bytes(cfg, batch), cache_bytes(cfg, chunk)),
        data=_data_estimate(cfg),
        seconds_per_step=seconds_per_step(cfg) if timed else None,
    )


# -- time --------------------------------------------------------------------------------------
_PROBE: dict[str, float] = {}


def _probe() -> dict[str, float]:
    """This machine's speed, measured once per process (about 20 ms): floating-point
    operations per second of a matrix product, and the Python cost of one time step."""
    if not _PROBE:
        rng = np.random.default_rng(0)
        a, b = rng.standard_normal((256, 256)), rng.standard_normal((256, 256))
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            a @ b
            best = min(best, time.perf_counter() - start)
        _PROBE["flops"] = 2 * 256**3 / max(best, 1e-9)
        big, out = np.ones(1 << 21), np.empty(1 << 21)  # 16 MB: past the caches
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            np.multiply(big, 0.5, out=out)
            best = min(best, time.perf_counter() - start)
        _PROBE["bandwidth"] = 2 * big.nbytes / max(best, 1e-9)  # read and written
        h, w = np.zeros((4, 8)), np.zeros((8, 8))
        out = np.empty((4, 8))
        start = time.perf_counter()
        for _ in range(200):  # about what one step of one direction does in Python
            np.dot(h, w, out=out)
            out += h
            np.tanh(out, out=out)
            out *= 0.5
        _PROBE["step"] = (time.perf_counter() - start) / 200 * 6  # forward and backward
    return _PROBE


def seconds_per_step(cfg: ExperimentConfig) -> float:
    """A training step's seconds on this machine, as it is loaded now: the step's matrix
    products at the measured speed, its passes over arrays the size of the weights and of
    the batch's cache at the measured memory speed, and the Python work of each time step
    of every layer and direction (constants fitted to measured steps)."""
    n, T = cfg.network, cfg.task.seq_len
    probe = _probe()
    B = cfg.training.batch_size
    P = parameter_count(cfg)
    D = 2 if n.bidirectional else 1
    # Forward 2 operations per weight use, backward twice that; every weight is used at
    # every step of every sequence (the dense network once per sequence).
    flops = 6 * P * B * (1 if n.cell == "dense" else T)
    one_pass = 2 / probe["bandwidth"]  # seconds per byte read and written once
    weights = WEIGHT_PASSES * P * np.dtype(n.dtype).itemsize * one_pass
    cache = CACHE_PASSES * cache_bytes(cfg, B) * one_pass
    loops = 10 * probe["step"]  # batch, checks and norms of every step
    if n.cell != "dense":
        stacks = n.num_layers * D * (2 if n.architecture == "seq2seq" else 1)
        loops += T * stacks * probe["step"] * (6 if CELL_TABLE[n.cell].gates else 3)
    return 3 * flops / probe["flops"] + weights + cache + loops


# -- memory there is ---------------------------------------------------------------------------
def parse_size(text: str) -> int:
    """``"2G"``, ``"512M"``, ``"1.5GB"``, ``"1000000"`` → bytes (powers of 1000)."""
    s = text.strip().upper().removesuffix("B")
    scale = 1
    for suffix, factor in (("K", 10**3), ("M", 10**6), ("G", 10**9), ("T", 10**12)):
        if s.endswith(suffix):
            s, scale = s[:-1], factor
            break
    value = float(s)
    if not value > 0:
        raise ValueError(f"{text!r} is not a positive size")
    return int(value * scale)


def _meminfo_available() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _cgroup_room() -> int | None:
    """What a container's memory limit leaves (cgroup v2, then v1), if there is one."""
    for limit_file, usage_file in (
        ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
        ("/sys/fs/cgroup/memory/memory.limit_in_bytes",
         "/sys/fs/cgroup/memory/memory.usage_in_bytes"),
    ):
        try:
            with open(limit_file, encoding="ascii") as f:
                raw = f.read().strip()
            if raw == "max":
                return None
            limit = int(raw)
            if limit >= 1 << 60:  # "no limit" in cgroup v1
                return None
            with open(usage_file, encoding="ascii") as f:
                usage = int(f.read().strip())
            return max(0, limit - usage)
        except (OSError, ValueError):
            continue
    return None


def available_memory() -> int:
    """Bytes a new experiment may use: the smallest of the memory the system has free
    (``MemAvailable``), what a container's limit leaves, and :data:`MEMORY_VARIABLE` when
    set.  The one place that says how much there is."""
    found = [m for m in (_meminfo_available(), _cgroup_room()) if m is not None]
    limit = os.environ.get(MEMORY_VARIABLE, "").strip()
    if limit:
        try:
            found.append(parse_size(limit))
        except ValueError:
            pass  # a mistyped limit is ignored rather than refusing everything
    if not found:
        try:
            found.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES"))
        except (ValueError, OSError, AttributeError):
            return 1 << 62  # nothing to go by: no refusal
    return min(found)


def too_large(cfg: ExperimentConfig, copies: int = 1,
              available: int | None = None) -> str | None:
    """Why ``cfg`` (trained in ``copies`` processes at once) cannot fit in the memory
    there is, in words a learner can act on; ``None`` when it fits."""
    est = estimate(cfg)
    need = est.total * copies
    have = available_memory() if available is None else available
    if need <= have:
        return None
    return refusal(cfg, est, need, have, copies)


def refusal(cfg: ExperimentConfig, est: Estimate, need: int, have: int,
            copies: int = 1) -> str:
    """The message of :func:`too_large`: what it needs, what there is, what to lower."""
    parts = {
        QT_TR_NOOP("the weights, their gradients and the optimizer"):
            2 * est.weights + est.optimizer,
        QT_TR_NOOP("one batch's forward and backward pass"): est.cache,
        QT_TR_NOOP("the data set"): est.data,
    }
    biggest = max(parts, key=lambda k: parts[k])
    if parts[biggest] < est.baseline:  # the program alone hardly fits
        text = (tr("these settings need about {need} of memory for %n run(s), and {have} is "
                   "available: the program itself needs about {base}; close other programs "
                   "to free memory", n=copies) if copies > 1 else
                tr("these settings need about {need} of memory, and {have} is available: the "
                   "program itself needs about {base}; close other programs to free memory"))
        return text.format(need=size_text(need), have=size_text(have),
                           base=size_text(est.baseline))
    lower = {
        "the weights, their gradients and the optimizer":
            tr("lower the hidden size or the layers, or turn off bidirectional"),
        "one batch's forward and backward pass":
            tr("lower the batch size, the sequence length or the hidden size"),
        "the data set": tr("lower the samples or the sequence length"),
    }[biggest]
    text = (tr("these settings need about {need} of memory for %n run(s) (most of it for "
               "{part}: {size}), and {have} is available; {advice}", n=copies) if copies > 1
            else tr("these settings need about {need} of memory (most of it for {part}: "
                    "{size}), and {have} is available; {advice}"))
    return text.format(need=size_text(need), part=tr(biggest), size=size_text(parts[biggest]),
                       have=size_text(have), advice=lower)


def parent_bytes(est: Estimate, runs: int) -> int:
    """What the process that gathers ``runs`` finished runs holds: each run's state (its
    weights and optimizer buffers, as a file's bytes) and one more while a file of them is
    checked."""
    return est.baseline + (runs + 1) * (est.weights + est.optimizer)


def seeds_plan(cfg: ExperimentConfig, runs: int, wanted: int,
               available: int | None = None) -> tuple[int, str | None]:
    """``(processes, refusal)`` for ``runs`` runs of ``cfg`` in worker processes: at most
    ``wanted`` processes, as many as fit beside the parent, which keeps every finished
    run's state (and a runs file's copy of them while saving); ``refusal`` says why not
    even one fits (``None`` when it does)."""
    est = estimate(cfg)
    have = available_memory() if available is None else available
    parent = parent_bytes(est, runs)
    fit = int((have - parent) // max(1, est.total))
    if fit < 1:
        return 1, refusal(cfg, est, parent + est.total, have, runs)
    return min(wanted, fit), None
