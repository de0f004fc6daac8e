"""Train-step time of the NumPy engine, and of the same step in PyTorch when it is installed.

One train step = forward + loss + backpropagation through time + global-norm clipping +
Adam update, on a many-to-one, single-layer, unidirectional simple RNN, LSTM or GRU in
float64 with a padding mask (sequences of different lengths).  Timed as the fastest of many
short blocks taken in turns after warm-up, so a busy machine inflates the numbers less.

Columns:

* ``ours``: ``Network.loss_and_grads`` + ``clip_grad_norm`` + ``Adam.step``.
* ``Trainer.step``: the app's full step with snapshots off (``collect=False``), which adds
  batch selection, finiteness checks, per-parameter norms and a weight backup.
* ``torch pad``: ``torch.nn.RNN`` (``nn.LSTM``, ``nn.GRU``) over the padded batch, reading
  each sequence's output at its last real step (the loss and gradients are those of packed
  sequences, checked below).
* ``torch packed``: the same through ``pack_padded_sequence`` (``enforce_sorted=False``)
  and ``h_n``.
* ``ratio``: ours / the faster of the two PyTorch variants.

A second table times the itemized gradients the "Gradient sources" panel draws
(``engine.itemize.itemized_gradients``, one sample, T=50, H=64, the panel's one weight
W_hh) next to ``ours`` (one training step of the batch): many-to-one has one loss term (one
backward pass), many-to-many one per output step (T backward passes).

A breakdown table takes each size above the goal (at most 0.5x PyTorch's time at H <= 128,
T <= 100) apart: the matrix products our step makes, timed alone with the same shapes
(``np.dot`` into preallocated arrays), against the whole step; the rest is element-wise
work and Python.  "floor" is the products' time over PyTorch's: no faster element-wise
code brings the ratio below it.

A scan table times a minGRU training step (ours, H=64 and H=16) computed by the scan over
all steps at once, against the same step by the step loop (:mod:`rnn_sandbox.engine.minimal`),
at T = 50, 200 and 1000, in wall time and in this thread's processor time.

A third table times a sequence-to-sequence training step (GRU, the translation task's
sizes at sentences of up to 15 words) without attention and with each score.

Before timing, each case loads our initial weights into PyTorch and checks that loss and
every gradient agree, so both sides compute the same thing.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as _dt
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rnn_sandbox.config import NetworkConfig, TrainingConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.itemize import itemized_gradients
from rnn_sandbox.engine.network import Network
from rnn_sandbox.engine.optim import Adam, clip_grad_norm
from rnn_sandbox.engine.train import Trainer

BATCH = 32
INPUT = 8
OUTPUT = 1
LEARNING_RATE = 0.01
CLIP = 5.0
LENGTHS = (20, 50, 100)
QUICK_LENGTHS = (50,)  # --quick: one length (the target's), every hidden size and cell
HIDDEN = (16, 64, 128)
CELLS = ("rnn", "lstm", "gru")
TARGET = (50, 64, 0.8)  # at T=50, H=64 ours should take at most 0.8x PyTorch's time (each cell)
# Every cell at H <= 128, T <= 100 should take at most this share of PyTorch's time; where a
# size does not, the breakdown table says how much of our step is matrix products (the
# floor no rewrite of the element-wise work can go below) and how much the rest.
GOAL = (100, 128, 0.5)


# -- environment -------------------------------------------------------------------------
def _openblas_function(name: str) -> Any:
    """A function of the OpenBLAS NumPy ships with (``get_num_threads`` ...), or ``None``.

    The library is already loaded by NumPy, so opening it again only looks it up.
    """
    libs = Path(np.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("*openblas*")):
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                fn = getattr(lib, f"{prefix}{name}{suffix}", None)
                if fn is not None:
                    return fn
    return None


def numpy_blas_info() -> tuple[int, str]:
    """How many threads NumPy's BLAS uses, and a short description of that BLAS."""
    get = _openblas_function("get_num_threads")
    if get is not None:
        desc = "OpenBLAS"
        core = _openblas_function("get_corename")
        if core is not None:
            core.restype = ctypes.c_char_p
            desc += f" ({core().decode()} kernels)"
        return int(get()), desc
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        threadpool_info = None
    if threadpool_info is not None:
        for info in threadpool_info():
            if info.get("user_api") == "blas":
                return int(info["num_threads"]), f"{info.get('internal_api')} {info.get('version')}"
    env = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")
    return (int(env) if env else os.cpu_count() or 1), "unknown BLAS"


def set_numpy_blas_threads(n: int) -> bool:
    """Set NumPy's OpenBLAS thread count; False if that BLAS cannot be reached."""
    fn = _openblas_function("set_num_threads")
    if fn is None:
        return False
    fn(ctypes.c_int(n))
    return numpy_blas_info()[0] == n


def _import_torch() -> Any:
    try:
        import torch
    except ImportError:
        return None
    return torch


# -- workload ----------------------------------------------------------------------------
def make_batch(T: int, seed: int = 0) -> tuple[Batch, np.ndarray]:
    """Random inputs and targets; lengths uniform in [T/2, T] (one full-length sequence)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((BATCH, T, INPUT))
    y = rng.standard_normal((BATCH, OUTPUT))
    lengths = rng.integers(T // 2, T + 1, size=BATCH)
    lengths[0] = T
    mask = (np.arange(T)[None, :] < lengths[:, None]).astype(np.float64)
    return Batch(x, y, mask), lengths


def make_network(
    H: int, cell: str = "rnn", seed: int = 0, architecture: str = "many_to_one"
) -> Network:
    cfg = NetworkConfig(
        input_size=INPUT, output_size=OUTPUT, hidden_size=H, architecture=architecture,
        loss="mse", dtype="float64", cell=cell,
    )
    return Network(cfg, seed=seed)


def ours_step(net: Network, batch: Batch) -> Callable[[], float]:
    """Forward + loss + BPTT + clipping + Adam, the engine's pieces called directly."""
    opt = Adam(LEARNING_RATE)

    def step() -> float:
        loss, grads = net.loss_and_grads(batch.x, batch.y, batch.mask)
        clip_grad_norm(grads, CLIP)
        opt.step(net.params, grads)
        return loss

    return step


def trainer_step(net: Network, batch: Batch) -> Callable[[], Any]:
    """The app's ``Trainer.step(collect=False)`` on a data set that is exactly one batch."""
    cfg = TrainingConfig(
        optimizer="adam", learning_rate=LEARNING_RATE, batch_size=BATCH, clip_norm=CLIP
    )
    trainer = Trainer(net, Dataset(batch, batch), cfg)

    def step() -> Any:
        if len(trainer.history) > 1000:  # keep the history list from growing without end
            trainer.history.clear()
        return trainer.step(collect=False)

    return step


@dataclass
class TorchModel:
    torch: Any
    rnn: Any
    head: Any
    params: list[Any] = field(default_factory=list)

    @classmethod
    def like(cls, torch: Any, net: Network) -> TorchModel:
        """``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` + ``nn.Linear`` in float64 holding ``net``'s
        current weights (same names, shapes and gate order, so they copy one to one)."""
        H = net.config.hidden_size
        module = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}
        rnn = module[net.config.cell](INPUT, H, batch_first=True, dtype=torch.float64)
        head = torch.nn.Linear(H, OUTPUT, dtype=torch.float64)
        with torch.no_grad():
            for name, p in rnn.named_parameters():
                p.copy_(torch.from_numpy(net.params[name]))
            head.weight.copy_(torch.from_numpy(net.params["head.weight"]))
            head.bias.copy_(torch.from_numpy(net.params["head.bias"]))
        return cls(torch, rnn, head, list(rnn.parameters()) + list(head.parameters()))

    def named_grads(self) -> dict[str, np.ndarray]:
        g = {n: p.grad.numpy() for n, p in self.rnn.named_parameters()}
        g.update({f"head.{n}": p.grad.numpy() for n, p in self.head.named_parameters()})
        return g


def torch_loss_fn(model: TorchModel, batch: Batch, lengths: np.ndarray, packed: bool):
    """The loss as a function of the model: padded run + gather, or packed sequences."""
    torch = model.torch
    x = torch.from_numpy(batch.x)
    y = torch.from_numpy(batch.y)
    last = torch.from_numpy(lengths - 1)
    rows = torch.arange(BATCH)
    lengths_t = torch.from_numpy(lengths)
    pack = torch.nn.utils.rnn.pack_padded_sequence
    mse = torch.nn.functional.mse_loss

    lstm = isinstance(model.rnn, torch.nn.LSTM)

    def loss_fn() -> Any:
        if packed:
            _, state = model.rnn(pack(x, lengths_t, batch_first=True, enforce_sorted=False))
            feat = (state[0] if lstm else state)[-1]  # the LSTM's state is (h_n, c_n)
        else:
            out, _ = model.rnn(x)
            feat = out[rows, last]
        return mse(model.head(feat), y)

    return loss_fn


def torch_step(model: TorchModel, loss_fn: Callable[[], Any]) -> Callable[[], float]:
    torch = model.torch
    opt = torch.optim.Adam(model.params, lr=LEARNING_RATE)
    clip = torch.nn.utils.clip_grad_norm_

    def step() -> float:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn()
        loss.backward()
        clip(model.params, CLIP)
        opt.step()
        return loss.detach().item()

    return step


def check_same_computation(torch: Any, H: int, T: int, cell: str = "rnn") -> float:
    """Largest relative difference of loss and gradients, ours vs. both PyTorch variants."""
    batch, lengths = make_batch(T)
    net = make_network(H, cell)
    loss, grads = net.loss_and_grads(batch.x, batch.y, batch.mask)
    worst = 0.0
    for packed in (False, True):
        model = TorchModel.like(torch, net)
        t_loss = torch_loss_fn(model, batch, lengths, packed)()
        t_loss.backward()
        worst = max(worst, abs(float(t_loss.detach()) - loss) / max(abs(loss), 1e-30))
        for name, g in model.named_grads().items():
            scale = max(np.abs(g).max(), 1e-30)
            worst = max(worst, float(np.abs(grads[name] - g).max() / scale))
    return worst


# -- timing ------------------------------------------------------------------------------
def time_interleaved(
    fns: dict[str, Callable[[], Any]],
    rounds: int,
    block_seconds: float,
    blocks_per_turn: int = 5,
    warmup: int = 3,
    min_calls: int = 2,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    """Seconds per call of each function: the fastest of its timed blocks (by ``clock``:
    wall time, or ``time.thread_time`` for the processor time of this thread).

    The functions take turns (``rounds`` turns each) so that a change in the machine's load
    hits all of them alike; each turn runs ``blocks_per_turn`` blocks of about
    ``block_seconds``, because the first block after a switch can still share the cores with
    the previous library's thread pool spinning down.
    """
    per_block = {}
    for name, fn in fns.items():
        for _ in range(warmup):
            fn()
        t0 = time.perf_counter()
        fn()
        per_block[name] = max(
            min_calls, round(block_seconds / max(time.perf_counter() - t0, 1e-6))
        )
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            n = per_block[name]
            for _ in range(blocks_per_turn):
                t0 = clock()
                for _ in range(n):
                    fn()
                best[name] = min(best[name], (clock() - t0) / n)
    return best


@dataclass
class Row:
    cell: str
    T: int
    H: int
    times: dict[str, float]  # seconds per step
    check: float | None = None  # worst relative difference to PyTorch

    @property
    def ratio(self) -> float | None:
        torch_times = [v for k, v in self.times.items() if k.startswith("torch")]
        return self.times["ours"] / min(torch_times) if torch_times else None


def bench_case(
    T: int, H: int, torch: Any, rounds: int, block_seconds: float, cell: str = "rnn",
    quick: bool = False,
) -> Row:
    """Time every step kind for one cell, length and hidden size (PyTorch's if ``torch``)."""
    batch, lengths = make_batch(T)
    fns: dict[str, Callable[[], Any]] = {
        "ours": ours_step(make_network(H, cell), batch),
        "Trainer.step": trainer_step(make_network(H, cell), batch),
    }
    check = None
    if torch is not None:
        check = check_same_computation(torch, H, T, cell)
        for packed, name in ((False, "torch pad"), (True, "torch packed")):
            model = TorchModel.like(torch, make_network(H, cell))
            fns[name] = torch_step(model, torch_loss_fn(model, batch, lengths, packed))
    # --quick: fewer and shorter turns, so the whole table takes well under a minute.
    timing = {"blocks_per_turn": 2, "warmup": 1, "min_calls": 1} if quick else {}
    return Row(cell, T, H, time_interleaved(fns, rounds, block_seconds, **timing), check)


ITEMIZED = (50, 64, ("rnn", "lstm"))  # T, H and the cells of the itemized-gradients table


def bench_itemized(cell: str, architecture: str, rounds: int, block_seconds: float) -> dict:
    """Milliseconds of one training step (the batch) and of the panel's itemized gradients
    (one sample, W_hh of layer 1) at T, H = ITEMIZED."""
    T, H, _ = ITEMIZED
    batch, _ = make_batch(T)
    rng = np.random.default_rng(1)
    x = batch.x[:1]
    y = rng.standard_normal((1, T, OUTPUT)) if architecture == "many_to_many" else batch.y[:1]
    net = make_network(H, cell, architecture=architecture)
    train = make_network(H, cell)
    w_hh = net.anatomy().weights[1].name  # weight_hh_l0
    fns = {
        "train step": ours_step(train, batch),
        "itemized": lambda: itemized_gradients(net, x, y, params=[w_hh]),
    }
    times = time_interleaved(fns, rounds, block_seconds, blocks_per_turn=2, warmup=1,
                             min_calls=1)
    return {k: v * 1e3 for k, v in times.items()}


def itemized_table(cells: list[str], rounds: int, block_seconds: float,
                   markdown: bool = False) -> None:
    T, H, wanted = ITEMIZED
    print()
    title = f"itemized gradients, one sample, T={T}, H={H}, one weight (W_hh)"
    print(title if markdown else "# " + title)
    names = ["cell", "architecture", f"train step ms (B={BATCH})", "itemized ms", "ratio"]
    print("| " + " | ".join(names) + " |\n|---|---|---:|---:|---:|" if markdown
          else f"{names[0]:<4} {names[1]:<13} " + " ".join(f"{n:>20}" for n in names[2:]))
    for cell in (c for c in cells if c in wanted):
        for arch in ("many_to_one", "many_to_many"):
            t = bench_itemized(cell, arch, rounds, block_seconds)
            cols = [f"{t['train step']:.3f}", f"{t['itemized']:.3f}",
                    f"{t['itemized'] / t['train step']:.2f}"]
            if markdown:
                print("| " + " | ".join([cell, arch, *cols]) + " |", flush=True)
            else:
                print(f"{cell:<4} {arch:<13} " + " ".join(f"{c:>20}" for c in cols), flush=True)


# A seq2seq training step with and without attention: the translation task's sizes at its
# longest sentences (source, output steps, hidden size, vocabulary) and its GRU cells.
ATTENTION_SIZES = (15, 16, 48, 19)


def attention_step(score: str) -> Callable[[], float]:
    """One training step (``ours``) of a seq2seq GRU network attending with ``score``, on
    padded one-hot sources (lengths 8-15) and padded targets (one word longer)."""
    S, T, H, V = ATTENTION_SIZES
    rng = np.random.default_rng(0)
    lengths = rng.integers(S // 2, S + 1, size=BATCH)
    mask = (np.arange(S)[None, :] < lengths[:, None]).astype(np.float64)
    x = np.eye(V)[rng.integers(1, V, (BATCH, S))] * mask[..., None]
    y = rng.integers(0, V, (BATCH, T))
    y_mask = (np.arange(T)[None, :] <= lengths[:, None]).astype(np.float64)
    cfg = NetworkConfig(input_size=V, output_size=V, hidden_size=H, architecture="seq2seq",
                        loss="ce", cell="gru", attention=score)
    net, opt = Network(cfg, seed=0), Adam(LEARNING_RATE)
    start = net.state_dict()

    def step() -> float:
        # From the same weights every time: thousands of updates on one batch would drift
        # into saturated units and tiny numbers, whose arithmetic is slower.
        net.params = {k: v.copy() for k, v in start.items()}
        loss, grads = net.loss_and_grads(x, y, mask, y_mask)
        clip_grad_norm(grads, CLIP)
        opt.step(net.params, grads)
        return loss

    return step


def attention_table(rounds: int, block_seconds: float, markdown: bool = False) -> None:
    """Milliseconds of a seq2seq training step without attention and with each score."""
    S, T, H, V = ATTENTION_SIZES
    print()
    title = (f"seq2seq training step, GRU, B={BATCH}, {S} source steps, {T} output steps, "
             f"H={H}, {V} words")
    print(title if markdown else "# " + title)
    scores = ("none", "dot", "general", "additive")
    times = time_interleaved({a: attention_step(a) for a in scores}, rounds, block_seconds,
                             blocks_per_turn=2, warmup=1, min_calls=1)
    names = ["attention", "train step ms", "vs none"]
    print("| " + " | ".join(names) + " |\n|---|---:|---:|" if markdown
          else f"{names[0]:<10} " + " ".join(f"{n:>14}" for n in names[1:]))
    for a in scores:
        cols = [f"{times[a] * 1e3:.3f}", f"{times[a] / times['none']:.2f}"]
        print("| " + " | ".join([a, *cols]) + " |" if markdown
              else f"{a:<10} " + " ".join(f"{c:>14}" for c in cols), flush=True)


def matmul_seconds(cell: str, T: int, H: int, rounds: int, block_seconds: float) -> float:
    """Seconds per step of the matrix products a training step of ``cell`` makes (forward
    and backward, one direction, many-to-one), with the same shapes, and nothing else."""
    from rnn_sandbox.engine.cell_table import CELL_TABLE

    spec = CELL_TABLE[cell]
    G = spec.rows * H
    rng = np.random.default_rng(0)
    x = rng.standard_normal((T * BATCH, INPUT))
    w_ih, w_hh = rng.standard_normal((G, INPUT)), rng.standard_normal((H, G))
    w_hh_back = rng.standard_normal((G, H))
    # Fixed random operands (a chain of products would shrink to subnormal numbers, which
    # are slow), results into preallocated arrays as the engine's loops write them.
    h, pre = rng.standard_normal((BATCH, H)), rng.standard_normal((BATCH, G))
    h_out, pre_out, big = np.empty((BATCH, H)), np.empty((BATCH, G)), np.empty((T * BATCH, G))
    states = rng.standard_normal((T * BATCH, H))
    recurrent = spec.gates_read_h

    def products() -> None:
        np.dot(x, w_ih.T, out=big)  # the input projection of every step
        if recurrent:
            for _ in range(T):  # forward: h_{t-1} W_hh^T; backward: d(pre) W_hh
                np.dot(h, w_hh, out=pre_out)
                np.dot(pre, w_hh_back, out=h_out)
            big.T @ states  # dW_hh
        big.T @ x  # dW_ih
        big @ w_ih  # dx

    return time_interleaved({"mm": products}, rounds, block_seconds, blocks_per_turn=2,
                            warmup=1, min_calls=1)["mm"]


def breakdown_table(rows: list[Row], rounds: int, block_seconds: float,
                    markdown: bool = False) -> None:
    """Where the time of each size above the goal goes (see the module's docstring)."""
    T_max, H_max, goal = GOAL
    over = [r for r in rows if r.ratio is not None and r.T <= T_max and r.H <= H_max
            and r.ratio > goal]
    print()
    title = f"sizes above {goal}x PyTorch's time (H <= {H_max}, T <= {T_max}): where it goes"
    print(title if markdown else "# " + title)
    if not over:
        print("none")
        return
    names = ["cell", "T", "H", "ours ms", "products ms", "share", "rest ms", "ratio", "floor"]
    print("| " + " | ".join(names) + " |\n|---|" + "---:|" * (len(names) - 1) if markdown
          else " ".join(f"{n:>11}" for n in names))
    for r in over:
        mm = matmul_seconds(r.cell, r.T, r.H, rounds, block_seconds)
        ours = r.times["ours"]
        torch_time = ours / (r.ratio or 1.0)
        cols = [r.cell, str(r.T), str(r.H), f"{ours * 1e3:.2f}", f"{mm * 1e3:.2f}",
                f"{mm / ours:.0%}", f"{(ours - mm) * 1e3:.2f}", f"{r.ratio:.2f}",
                f"{mm / torch_time:.2f}"]
        print("| " + " | ".join(cols) + " |" if markdown
              else " ".join(f"{c:>11}" for c in cols), flush=True)


SCAN_LENGTHS = (50, 200, 1000)
SCAN_HIDDEN = (64, 16)  # the engine table's middle size, and a small one


def scan_table(rounds: int, block_seconds: float, markdown: bool = False,
               hidden: tuple[int, ...] = SCAN_HIDDEN) -> None:
    """Milliseconds of a minGRU training step by the scan and by the step loop: wall time,
    and the processor time of this thread (with one BLAS thread, all of the step's work;
    on a busy machine far less disturbed by other programs than the wall time)."""
    from rnn_sandbox.engine import minimal

    print()
    title = (f"minGRU training step, B={BATCH}: the scan against the step loop (wall time; "
             "CPU: this thread's processor time)")
    print(title if markdown else "# " + title)
    names = ["T", "H", "scan ms", "loop ms", "scan/loop", "scan CPU ms", "loop CPU ms",
             "CPU scan/loop"]
    print("| " + " | ".join(names) + " |\n|" + "---:|" * len(names) if markdown
          else " ".join(f"{n:>13}" for n in names))
    for H in hidden:
        for T in SCAN_LENGTHS:
            batch, _ = make_batch(T)
            steps = {}
            for way in (True, False):
                step = ours_step(make_network(H, "mingru"), batch)

                def timed(step: Callable[[], float] = step, way: bool = way) -> float:
                    minimal.SCAN = way
                    try:
                        return step()
                    finally:
                        minimal.SCAN = True

                steps["scan" if way else "loop"] = timed
            wall = time_interleaved(steps, rounds, block_seconds, blocks_per_turn=2,
                                    warmup=1, min_calls=1)
            cpu = time_interleaved(steps, rounds, block_seconds, blocks_per_turn=2,
                                   warmup=0, min_calls=1, clock=time.thread_time)
            cols = [str(T), str(H)]
            for t in (wall, cpu):
                cols += [f"{t['scan'] * 1e3:.2f}", f"{t['loop'] * 1e3:.2f}",
                         f"{t['scan'] / t['loop']:.2f}"]
            print("| " + " | ".join(cols) + " |" if markdown
                  else " ".join(f"{c:>13}" for c in cols), flush=True)


# -- report ------------------------------------------------------------------------------
COLUMNS = ("ours", "Trainer.step", "torch pad", "torch packed")


def header(markdown: bool = False) -> str:
    names = ["cell", "T", "H", *(f"{c} ms" for c in COLUMNS), "ours/torch", "check"]
    if markdown:
        return "| " + " | ".join(names) + " |\n|---|" + "---:|" * (len(names) - 1)
    return f"{'cell':<4} {'T':>4} {'H':>4} " + " ".join(f"{n:>15}" for n in names[3:])


def format_row(row: Row, markdown: bool = False) -> str:
    cells = [row.cell, str(row.T), str(row.H)]
    for c in COLUMNS:
        cells.append(f"{row.times[c] * 1e3:.3f}" if c in row.times else "-")
    cells.append("-" if row.ratio is None else f"{row.ratio:.2f}")
    cells.append("-" if row.check is None else f"{row.check:.0e}")
    if markdown:
        return "| " + " | ".join(cells) + " |"
    return f"{cells[0]:<4} {cells[1]:>4} {cells[2]:>4} " + " ".join(f"{c:>15}" for c in cells[3:])


def environment(torch: Any, torch_wanted: bool = True) -> list[str]:
    threads, blas = numpy_blas_info()
    lines = [
        f"date: {_dt.datetime.now(_dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"machine: {platform.machine()}, {os.cpu_count()} logical CPUs, "
        f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "",
        f"python {platform.python_version()}, numpy {np.__version__} with {blas}, "
        f"{threads} BLAS thread(s)",
    ]
    if torch is not None:
        lines.append(
            f"torch {torch.__version__}, torch.set_num_threads({torch.get_num_threads()})"
        )
    elif torch_wanted:
        lines.append("torch not installed: `pip install -e '.[torch]'` adds the comparison")
    lines.append(
        f"workload: B={BATCH}, input {INPUT}, output {OUTPUT}, many-to-one, float64, 1 layer, "
        f"tanh RNN / LSTM / GRU, MSE, Adam lr {LEARNING_RATE}, clip {CLIP}, "
        f"lengths uniform in [T/2, T]"
    )
    return [line for line in lines if line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks engine", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--quick", action="store_true",
        help="fewer, shorter rounds and, unless -T is given, only T="
        + ", ".join(map(str, QUICK_LENGTHS)) + " (a rough look)",
    )
    parser.add_argument("--rounds", type=int, default=None, help="turns per step kind")
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch comparison")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--threads", type=int, default=None,
        help="BLAS threads for NumPy (and PyTorch); default: leave NumPy's as they are",
    )
    parser.add_argument("-T", type=int, nargs="*", default=None, help="lengths")
    parser.add_argument("-H", type=int, nargs="*", default=list(HIDDEN), help="hidden sizes")
    parser.add_argument(
        "--cell", nargs="*", choices=CELLS, default=list(CELLS), help="cells (default: all)"
    )
    args = parser.parse_args(argv)

    if args.threads is not None and not set_numpy_blas_threads(args.threads):
        print(f"# could not set NumPy's BLAS to {args.threads} thread(s)")
    torch = None if args.no_torch else _import_torch()
    if torch is not None:
        # The same number of threads as NumPy's BLAS, so both sides get the same cores.
        torch.set_num_threads(numpy_blas_info()[0])
    for line in environment(torch, not args.no_torch):
        print(("" if args.markdown else "# ") + line + ("  " if args.markdown else ""))
    print()
    print(header(args.markdown))
    # Many short blocks: on a shared machine some of them run undisturbed.
    rounds = args.rounds or (2 if args.quick else 6)
    block = 0.01
    lengths = args.T or list(QUICK_LENGTHS if args.quick else LENGTHS)
    rows = []
    for cell in args.cell:
        for T in lengths:
            for H in args.H:
                rows.append(bench_case(T, H, torch, rounds, block, cell, args.quick))
                print(format_row(rows[-1], args.markdown), flush=True)
    status = summarize(rows)
    breakdown_table(rows, rounds, block, args.markdown)
    itemized_table(args.cell, rounds, block, args.markdown)
    scan_table(rounds, block, args.markdown)
    attention_table(rounds, block, args.markdown)
    return status


def summarize(rows: list[Row]) -> int:
    """Print the targets' verdicts; non-zero exit only if the two sides disagree."""
    worst = max((r.check for r in rows if r.check is not None), default=None)
    ratios = [r for r in rows if r.ratio is not None]
    print()
    if worst is not None:
        print(f"largest relative difference to PyTorch (loss and gradients): {worst:.1e}")
    for cell in dict.fromkeys(r.cell for r in ratios):
        mine = [r for r in ratios if r.cell == cell]
        slowest = max(mine, key=lambda r: r.ratio)
        print(
            f"{cell}: slowest relative to PyTorch: T={slowest.T} H={slowest.H} "
            f"ratio {slowest.ratio:.2f}"
        )
        slower = [f"T={r.T} H={r.H}" for r in mine if r.ratio > 1.0]
        slower_text = ", ".join(slower) or "none"
        print(f"{cell}: sizes where the engine is slower than PyTorch: {slower_text}")
        T, H, bound = TARGET
        at = [r for r in mine if (r.T, r.H) == (T, H)]
        if at:
            verdict = "met" if at[0].ratio <= bound else "NOT met"
            print(f"{cell}: target ratio <= {bound} at T={T} H={H}: {at[0].ratio:.2f} ({verdict})")
    if worst is not None and worst > 1e-8:
        print("the engine and PyTorch disagree: the timings compare different computations")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
