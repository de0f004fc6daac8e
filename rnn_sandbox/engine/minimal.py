"""Minimal gated cells, minGRU and minLSTM (Feng et al. 2024, "Were RNNs all we needed?").

Their gates read only the input x_t, never h_{t-1}, so each step is *linear* in the state::

    h_t = a_t ⊙ h_{t-1} + b_t          (a_t: the kept fraction, b_t: what is written)

minGRU, rows of ``weight_ih`` stacked [z; h̃] (2H)::

    z  = σ(W_z x_t + b_z)      h̃ = W_h x_t + b_h
    h_t = (1 − z) ⊙ h_{t-1} + z ⊙ h̃          a = 1 − z,  b = z ⊙ h̃

minLSTM, rows [f; i; h̃] (3H)::

    f = σ(W_f x_t + b_f)   i = σ(W_i x_t + b_i)   h̃ = W_h x_t + b_h
    h_t = f/(f+i) ⊙ h_{t-1} + i/(f+i) ⊙ h̃      a = f/(f+i),  b = i/(f+i) ⊙ h̃

There are no hidden-to-hidden weights: ``weight_ih_l{k}`` and ``bias_ih_l{k}`` only, and h_0 = 0.
Since every a_t is known before the loop, ∂h_T/∂h_t = a_T ⊙ … ⊙ a_{t+1} is a product of gates,
and all steps can be computed at once by a scan (:func:`scan`) instead of a loop.

Two ways to compute each direction, equal to 1e-12 (tests/engine/test_minimal.py):

* the step loop (:func:`loop_forward`, :func:`loop_backward`), one line per equation, for
  reading and for the step-through;
* the scan (:func:`scan_forward`, :func:`scan_backward`), used for training: a few array
  operations per chunk of steps (running products of the a_t, running sums), restarted
  before a product underflows, so long sequences with small gates lose no precision.

Same conventions as every cell (:mod:`.timeloop`): time-major ``(T, B, ·)``, a mask
``(T, B, 1)`` whose padded rows keep their state (a = 1, b = 0) and pass their gradient on
unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.cell_spec import (
    INPUT_KINDS,
    SIGMOID,
    Cell,
    Explained,
    Forward,
    Gate,
    StepNumbers,
)
from rnn_sandbox.engine.timeloop import padding, previous_states, sigmoid, truncated_here

ROWS = {"mingru": 2, "minlstm": 3}  # blocks of H rows in weight_ih
# Whether the network trains by the scan (True) or the step loop; benchmarks/engine.py
# times both.
SCAN = True


@dataclass
class MinCache:
    """What the backward pass of one direction needs from its forward pass."""

    x: np.ndarray  # (T, B, I) input of this layer
    h: np.ndarray  # (T, B, H) state after each step (carried over padded steps)
    h0: np.ndarray  # (B, H)
    reverse: bool
    mask: np.ndarray | None  # (T, B, 1)
    gates: np.ndarray  # (T, B, G*H): minGRU [z, h̃], minLSTM [f, i, h̃]
    cell: str = "mingru"
    kept: np.ndarray | None = None  # (T, B, H) a_t, 1 on padded rows (the scan's)


def gates_of(cell: str, x: np.ndarray, w_ih: np.ndarray, b_ih: np.ndarray) -> np.ndarray:
    """Every step's gates at once, ``(T, B, G*H)`` (they do not depend on h): one matrix
    product for all steps, then σ on the gate rows; h̃ stays linear."""
    T, B, I = x.shape
    pre = (x.reshape(T * B, I) @ w_ih.T + b_ih).reshape(T, B, -1)
    H = w_ih.shape[0] // ROWS[cell]
    gated = ROWS[cell] - 1  # the last block is h̃
    pre[..., : gated * H] = sigmoid(pre[..., : gated * H])
    return pre


def _order(T: int, reverse: bool, backward: bool) -> range:
    return range(T) if reverse == backward else range(T - 1, -1, -1)


# -- the step loop ---------------------------------------------------------------------
def loop_forward(
    cell: str, x: np.ndarray, w_ih: np.ndarray, b_ih: np.ndarray, h0: np.ndarray,
    mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, MinCache]:
    """One direction step by step, as the equations read."""
    gates = gates_of(cell, x, w_ih, b_ih)
    T, B, _ = x.shape
    H = h0.shape[-1]
    h_all = np.empty((T, B, H), dtype=gates.dtype)
    pad, any_pad = padding(mask, T)
    h = np.asarray(h0, dtype=gates.dtype)
    for t in _order(T, reverse, backward=False):
        if cell == "mingru":
            z, h_tilde = gates[t, :, :H], gates[t, :, H:]
            h_new = (1 - z) * h + z * h_tilde  # h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃
        else:
            f, i, h_tilde = gates[t, :, :H], gates[t, :, H : 2 * H], gates[t, :, 2 * H :]
            h_new = f / (f + i) * h + i / (f + i) * h_tilde  # h_t = f' ⊙ h_{t−1} + i' ⊙ h̃
        if pad is not None and any_pad[t]:
            h_new = np.where(pad[t], h, h_new)  # a padded step keeps the previous state
        h_all[t] = h = h_new
    return h_all, MinCache(x, h_all, h0, reverse, mask, gates, cell)


def _previous(cache: MinCache) -> np.ndarray:
    """The state each step started from: h_{t−1} (forward direction) or h_{t+1}."""
    return previous_states(cache.h, cache.h0, cache.reverse)


def loop_backward(
    cache: MinCache, dh_out: np.ndarray, dh_last: np.ndarray | None, truncation: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Backward through time step by step: ``(d(pre-activations) (T, B, G*H), dh0,
    dh_total)``, where ``dh_total[t]`` is the full dL/dh_t."""
    gates, cell = cache.gates, cache.cell
    T, B, H = cache.h.shape
    prev = _previous(cache)
    pad, any_pad = padding(cache.mask, T)
    dpre = np.zeros_like(gates)
    dh_total = np.empty_like(cache.h)
    dh_next = np.zeros((B, H), dtype=cache.h.dtype)
    if dh_last is not None:
        dh_next = dh_next + dh_last
    for p, t in enumerate(_order(T, cache.reverse, backward=True)):
        dh = dh_total[t] = dh_out[t] + dh_next
        h_prev = prev[t]
        if cell == "mingru":
            z, h_tilde = gates[t, :, :H], gates[t, :, H:]
            dz = dh * (h_tilde - h_prev)  # h_t = h_{t−1} + z (h̃ − h_{t−1})
            dpre[t, :, :H] = dz * z * (1 - z)
            dpre[t, :, H:] = dh * z
            kept = 1 - z  # ∂h_t/∂h_{t−1}
        else:
            f, i, h_tilde = gates[t, :, :H], gates[t, :, H : 2 * H], gates[t, :, 2 * H :]
            s = f + i
            d_keep, d_write = dh * h_prev, dh * h_tilde  # dL/d(f/s), dL/d(i/s) (· h̃)
            df = (d_keep - d_write) * i / s**2  # ∂(f/s)/∂f = i/s², ∂(i/s)/∂f = −i/s²
            di = (d_write - d_keep) * f / s**2
            dpre[t, :, :H] = df * f * (1 - f)
            dpre[t, :, H : 2 * H] = di * i * (1 - i)
            dpre[t, :, 2 * H :] = dh * i / s
            kept = f / s
        if pad is not None and any_pad[t]:
            dpre[t] *= ~pad[t]  # a padded row used no gate
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next = np.zeros_like(dh_next)
            continue
        dh_next = dh * kept
        if pad is not None and any_pad[t]:
            dh_next = np.where(pad[t], dh, dh_next)  # a padded row passes dh on unchanged
    return dpre, dh_next, dh_total


# -- the scan --------------------------------------------------------------------------
# A run of the scan ends before the running product of the a_t of any unit falls below
# this, so that b_s / P_s stays finite (float64 reaches 1.8e308, float32 3.4e38).
LOW = {np.dtype(np.float64): 1e-150, np.dtype(np.float32): 1e-18}
# Steps per chunk: the forward and backward passes do all their work (gates, scan, gate
# gradients) a chunk at a time, so its arrays of CHUNK × B·H numbers stay in the processor's
# cache instead of going through memory once per operation.
CHUNK = 16


def _rows(x: np.ndarray) -> np.ndarray:
    """``x`` ``(n, …)`` as a view ``(n, N)`` (raises rather than copy: results written into
    it must land in ``x``)."""
    v = x.view()
    v.shape = (len(x), int(np.prod(x.shape[1:])))  # (not -1: a chunk may have no steps)
    return v


def _scan_rows(a: np.ndarray, b: np.ndarray, out: np.ndarray, prev: np.ndarray,
               scratch: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """h_t = a_t h_{t−1} + b_t for the rows of ``a``, ``b`` ``(n, N)``, n ≤ :data:`CHUNK`,
    into ``out`` (which may be ``b``), from h = ``prev`` before the first; returns the last h.

    With the running product P_t = a_1 ⋯ a_t:  h_t = P_t (h_0 + Σ_{s≤t} b_s / P_s).  The
    sums over s ≤ t of all rows are one matrix product with a triangle of ones (NumPy's
    ``cumsum`` along the first axis takes about six times as long); the products P_t are
    one multiplication per row.  Each term P_t (b_s / P_s) is |b_s| times at most 1, rounded
    a few times, so the sum's rounding stays at the loop's level (a few ε · Σ|b_s|).
    Logarithms (ℓ_t = Σ log a_s, e^{ℓ_t − ℓ_s}) would give the same products less precisely
    (an error of ε|ℓ|, and |ℓ| grows with the steps) and cost a log and an exp per number;
    all they are needed for is to keep 1/P from overflowing, and restarting does that: a
    run ends before P falls below :data:`LOW`, and a step whose a alone is below it is taken
    as the loop takes it.  ``scratch``: two arrays of at least ``(n, N)``.
    """
    low = LOW.get(b.dtype, 1e-150)
    n, start = len(b), 0
    while start < n:
        m = n - start
        p, w = scratch[0][:m], scratch[1][:m]
        np.copyto(p[0], a[start])
        for k in range(1, m):
            np.multiply(p[k - 1], a[start + k], out=p[k])
        if not p[-1].min() >= low:  # (NaN goes on, as it would in the loop)
            small = p.min(axis=1) < low
            if small.any():
                m = int(np.argmax(small))
                if m == 0:  # a shut gate: this one step as the loop takes it
                    kept = a[start] * prev
                    np.add(b[start], kept, out=out[start])
                    prev, start = out[start], start + 1
                    continue
                p, w = p[:m], w[:m]
        np.divide(b[start : start + m], p, out=w)
        w[0] += prev
        h = out[start : start + m]
        np.matmul(_TRIANGLE[:m, :m].astype(w.dtype, copy=False), w, out=h)  # running sums
        h *= p
        prev, start = h[-1], start + m
    return prev


_TRIANGLE = np.tril(np.ones((CHUNK, CHUNK)))  # row t: ones up to column t


def _scratch(n: int, N: int, dtype: np.dtype) -> tuple[np.ndarray, np.ndarray]:
    return np.empty((n, N), dtype), np.empty((n, N), dtype)


def scan(a: np.ndarray, b: np.ndarray, h0: np.ndarray,
         out: np.ndarray | None = None) -> np.ndarray:
    """h_t = a_t h_{t−1} + b_t for every t (along axis 0, forward), for 0 ≤ a_t ≤ 1, a chunk
    of :data:`CHUNK` steps at a time (see :func:`_scan_rows`); ``out``: where to write h (a
    view, e.g. reversed in time)."""
    T = len(b)
    h = np.empty(b.shape, b.dtype) if out is None else out
    a2, b2, h2 = a.reshape(T, -1), b.reshape(T, -1), _rows(h)
    prev = np.asarray(h0, b.dtype).reshape(-1)
    scratch = _scratch(min(CHUNK, T), h2.shape[1], b.dtype)
    for s in range(0, T, CHUNK):
        prev = _scan_rows(a2[s : s + CHUNK], b2[s : s + CHUNK], h2[s : s + CHUNK], prev,
                          scratch)
    return h


def kept_fractions(cell: str, gates: np.ndarray, pad: np.ndarray | None = None,
                   out: np.ndarray | None = None) -> np.ndarray:
    """a_t = ∂h_t/∂h_{t−1} of every step (``gates[..., :H]``-shaped): minGRU 1 − z, minLSTM
    f/(f+i), as the loop computes them; 1 on ``pad``'s rows (a padded step keeps its
    state)."""
    H = gates.shape[-1] // ROWS[cell]
    if cell == "mingru":
        a = np.subtract(1, gates[..., :H], out=out)
    else:
        f, i = gates[..., :H], gates[..., H : 2 * H]
        a = np.add(f, i, out=out)
        np.divide(f, a, out=a)
    if pad is not None:
        np.copyto(a, 1.0, where=pad)
    return a


def _written(cell: str, gates: np.ndarray, out: np.ndarray) -> np.ndarray:
    """b_t of h_t = a_t h_{t−1} + b_t into ``out``: minGRU z ⊙ h̃, minLSTM i/(f+i) ⊙ h̃."""
    H = gates.shape[-1] // ROWS[cell]
    if cell == "mingru":
        return np.multiply(gates[..., :H], gates[..., H:], out=out)
    f, i = gates[..., :H], gates[..., H : 2 * H]
    np.add(f, i, out=out)
    np.divide(i, out, out=out)
    out *= gates[..., 2 * H :]
    return out


def state_jacobian(cell: str, gates: np.ndarray, length: int | None = None,
                   reverse: bool = False) -> np.ndarray:
    """∂h_last/∂h_t of one sequence's direction, ``(T, H)``: the Jacobian is diagonal (the
    gates do not read h), and its diagonal is the product of the kept fractions of the
    steps in between, a_last ⊙ … ⊙ a_{t+1} (minGRU: (1 − z)).

    ``gates``: ``(T, G*H)`` of one sequence (``Snapshot.gates``); ``length``: its real
    steps (the rest is padding, NaN in the result); the last state is that of step
    ``length − 1``, or of step 0 for the ``reverse`` direction.
    """
    T = len(gates)
    L = T if length is None else max(0, min(int(length), T))
    a = kept_fractions(cell, gates[:L])
    jac = np.full((T, a.shape[-1]), np.nan, dtype=a.dtype)
    if not L:
        return jac
    if reverse:  # h_0 = a_0 h_1 + …: ∂h_0/∂h_t = a_0 ⋯ a_{t−1}
        jac[0] = 1.0
        np.cumprod(a[: L - 1], axis=0, out=jac[1:L])
    else:  # ∂h_{L−1}/∂h_t = a_{L−1} ⋯ a_{t+1}
        jac[L - 1] = 1.0
        if L > 1:
            np.cumprod(a[L - 1 : 0 : -1], axis=0, out=jac[L - 2 :: -1])
    return jac


def _visit(x: np.ndarray, reverse: bool) -> np.ndarray:
    """``x`` in the order the forward pass visits the steps (a view)."""
    return x[::-1] if reverse else x


def scan_forward(
    cell: str, x: np.ndarray, w_ih: np.ndarray, b_ih: np.ndarray, h0: np.ndarray,
    mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, MinCache]:
    """One direction by the scan (:func:`_scan_rows`), a chunk of steps at a time: the
    chunk's kept fractions a_t and writes b_t, then its states."""
    gates = gates_of(cell, x, w_ih, b_ih)
    T, B, _ = gates.shape
    H = gates.shape[-1] // ROWS[cell]
    pad, any_pad = padding(mask, T)
    kept, h_all = np.empty((T, B, H), gates.dtype), np.empty((T, B, H), gates.dtype)
    g, a, h = (_visit(v, reverse) for v in (gates, kept, h_all))
    padded = None if pad is None else _visit(pad, reverse)
    busy = _visit(np.array(any_pad), reverse)
    prev = np.asarray(h0, dtype=gates.dtype).reshape(-1)
    scratch = _scratch(min(CHUNK, T), B * H, gates.dtype)
    for s in range(0, T, CHUNK):
        e = min(s + CHUNK, T)
        a_c, h_c = a[s:e], h[s:e]
        kept_fractions(cell, g[s:e], out=a_c)
        _written(cell, g[s:e], out=h_c)
        if padded is not None and busy[s:e].any():  # a padded step: a = 1, b = 0
            np.copyto(a_c, 1.0, where=padded[s:e])
            np.copyto(h_c, 0.0, where=padded[s:e])
        rows = _rows(h_c)
        prev = _scan_rows(_rows(a_c), rows, rows, prev, scratch)
    return h_all, MinCache(x, h_all, np.asarray(h0, dtype=gates.dtype), reverse, mask, gates,
                           cell, kept=kept)


def scan_backward(
    cache: MinCache, dh_out: np.ndarray, dh_last: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """As :func:`loop_backward` (without truncation), by a scan backward in time,
    g_t = dh_out_t + a_{t+1} g_{t+1} (again h = a h + b, with time reversed), and the
    gate gradients of :func:`gate_gradients`, a chunk of steps at a time."""
    gates, cell = cache.gates, cache.cell
    T, B, H = cache.h.shape
    pad, any_pad = padding(cache.mask, T)
    kept = cache.kept if cache.kept is not None else kept_fractions(cell, gates, pad)
    # In the order the backward pass visits the steps (k = 0 first): step k receives
    # through the a of step k − 1, the first gets dh_last as it is; the state it started
    # from is that of step k + 1, and h0 for the last.
    back = not cache.reverse
    a, g, dout, h = (_visit(v, back) for v in (kept, gates, dh_out, cache.h))
    padded = None if pad is None else _visit(pad, back)
    busy = _visit(np.array(any_pad), back)
    dh_total, dpre = np.empty_like(cache.h), np.empty_like(gates)
    dh, dp = _visit(dh_total, back), _visit(dpre, back)
    prev = np.zeros(B * H, dh_total.dtype) if dh_last is None else dh_last.reshape(-1)
    scratch = _scratch(min(CHUNK, T), B * H, dh_total.dtype)
    ones = np.ones((1, B * H), dh_total.dtype)
    for s in range(0, T, CHUNK):
        e = min(s + CHUNK, T)
        # a of the step before each: a[s−1 … e−2], and 1 for the very first step.
        a_before = _rows(a[s - 1 : e - 1]) if s else np.concatenate([ones, _rows(a[: e - 1])])
        rows = _rows(dh[s:e])
        prev = _scan_rows(a_before, dout[s:e].reshape(e - s, -1), rows, prev, scratch)
        _gate_gradients_into(cell, g[s:e], h[s + 1 : e + 1], cache.h0 if e == T else None,
                             dh[s:e], a[s:e], dp[s:e])
        if padded is not None and busy[s:e].any():
            np.copyto(dp[s:e], 0.0, where=padded[s:e])  # a padded row used no gate
    dh0 = (a[-1] * dh[-1]).reshape(B, H)
    return dpre, dh0, dh_total


def _gate_gradients_into(cell: str, gates: np.ndarray, h_next: np.ndarray,
                         h0: np.ndarray | None, dh: np.ndarray, kept: np.ndarray,
                         out: np.ndarray) -> None:
    """:func:`gate_gradients` of a chunk of steps into ``out``, in the backward pass's
    order: the state each step started from is ``h_next`` (the next step's), or ``h0`` for
    the last one when ``h_next`` is a step short; ``kept`` the steps' a (used where it is
    1 − z: padded rows are zeroed afterwards)."""
    H = dh.shape[-1]
    n = len(h_next)
    if cell == "mingru":
        z, h_tilde = gates[..., :H], gates[..., H:]
        dz, dw = out[..., :H], out[..., H:]
        np.multiply(dh, z, out=dw)  # dL/dh̃ = dh ⊙ z
        np.subtract(h_tilde[:n], h_next, out=dz[:n])  # dL/dz = dh ⊙ (h̃ − h_{t−1})
        if h0 is not None:
            np.subtract(h_tilde[n], h0, out=dz[n])
        dz *= dh
        dz *= z  # σ' = z (1 − z)
        dz *= kept
        return
    f, i, h_tilde = gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]
    df, di, dw = out[..., :H], out[..., H : 2 * H], out[..., 2 * H :]
    s = f + i
    np.divide(i, s, out=dw)
    dw *= dh  # dL/dh̃ = dh ⊙ i/s
    # q = dh ⊙ (h_{t−1} − h̃) / s²: df = q ⊙ i ⊙ f(1 − f), di = −q ⊙ f ⊙ i(1 − i)
    np.subtract(h_next, h_tilde[:n], out=df[:n])
    if h0 is not None:
        np.subtract(h0, h_tilde[n], out=df[n])
    df *= dh
    s *= s
    df /= s
    df *= f
    df *= i
    np.multiply(df, i, out=di)
    np.subtract(di, df, out=di)  # −q f i (1 − i) = q f i · i − q f i
    np.subtract(1, f, out=s)
    df *= s


def gate_gradients(
    cell: str, gates: np.ndarray, h_prev: np.ndarray, dh: np.ndarray, keep: np.ndarray | None,
) -> np.ndarray:
    """dL/d(pre-activations) of every step at once, ``(…, G*H)``, from the full dL/dh_t
    ``dh`` and the state each step started from (the loop's lines, for all steps at once);
    ``keep``: 0 on padded rows, which used no gate."""
    H = gates.shape[-1] // ROWS[cell]
    d_keep = dh * h_prev  # dL/da_t
    if cell == "mingru":
        z, h_tilde = gates[..., :H], gates[..., H:]
        dpre = np.concatenate([(dh * h_tilde - d_keep) * z * (1 - z), dh * z], -1)
    else:
        f, i, h_tilde = gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]
        s = f + i
        d_write = dh * h_tilde
        dpre = np.concatenate([
            (d_keep - d_write) * i / s**2 * f * (1 - f),
            (d_write - d_keep) * f / s**2 * i * (1 - i),
            dh * i / s,
        ], -1)
    if keep is not None:
        dpre *= keep
    return dpre


# -- one direction, as the network calls it ----------------------------------------------
def min_dir_forward(
    cell: str, x: np.ndarray, w_ih: np.ndarray, b_ih: np.ndarray, h0: np.ndarray,
    mask: np.ndarray | None, reverse: bool, use_scan: bool | None = None,
) -> tuple[np.ndarray, MinCache]:
    run = scan_forward if (SCAN if use_scan is None else use_scan) else loop_forward
    return run(cell, x, w_ih, b_ih, h0, mask, reverse)


def min_dir_backward(
    cache: MinCache, dh_out: np.ndarray, dh_last: np.ndarray | None, w_ih: np.ndarray,
    truncation: int = 0, per_step: bool = False, use_scan: bool | None = None,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """``(dx, dh0, grads, dh_total)`` as :func:`.rnn_cell.rnn_dir_backward` returns them; the
    scan cannot cut the recurrent path, so truncated BPTT runs the loop."""
    if (SCAN if use_scan is None else use_scan) and not truncation:
        dpre, dh0, dh_total = scan_backward(cache, dh_out, dh_last)
    else:
        dpre, dh0, dh_total = loop_backward(cache, dh_out, dh_last, truncation)
    T, B, G = dpre.shape
    x = cache.x
    if per_step:
        grads = {"weight_ih": np.einsum("tbg,tbi->tgi", dpre, x), "bias_ih": dpre.sum(axis=1)}
    else:
        flat = dpre.reshape(T * B, G)
        grads = {"weight_ih": flat.T @ x.reshape(T * B, -1), "bias_ih": flat.sum(axis=0)}
    dx = (dpre.reshape(T * B, G) @ w_ih).reshape(x.shape)
    return dx, dh0, grads, dh_total


# -- what the rest of the program knows of them (engine/cell_table.py) ---------------------
def _forward(name: str) -> Forward:
    def forward(x, p, h0, c0, mask, reverse, nonlinearity):
        h, cache = min_dir_forward(name, x, p["weight_ih"], p["bias_ih"], h0, mask, reverse)
        return h, cache, None
    return forward


def _backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    dx, dh0, g, dh = min_dir_backward(cache, dh_out, dh_last, p["weight_ih"], truncation,
                                      per_step)
    return dx, dh0, None, g, dh, None


def _explain(name: str) -> Callable[[StepNumbers], Explained]:
    """The step-through's numbers of one sample, from the loop's readable derivatives."""

    def explain(s: StepNumbers) -> Explained:
        assert s.gates is not None  # a minimal cell's trace holds its gates
        dpre = gate_gradients(name, s.gates, s.h_prev, s.grad_h, None)
        return Explained(dpre, gate_pre=s.pre_activations())
    return explain


# PyTorch has no module for them: the exported script carries this one, written from the
# equations above (io/export.py fills in CELL, ROWS, HIDDEN and LAYERS).
TORCH_MODULE = '''
class MinRNN(nn.Module):
    """minGRU or minLSTM (Feng et al. 2024), stacked like nn.GRU: the gates read only x_t,
    so each step is h_t = a_t * h_(t-1) + b_t, and there are no hidden-to-hidden weights.
    minGRU, rows [z; h~]: z = sigmoid(.), h~ = W_h x_t + b_h, h_t = (1 - z) h_(t-1) + z h~.
    minLSTM, rows [f; i; h~]: f, i = sigmoid(.), h_t = f/(f+i) h_(t-1) + i/(f+i) h~.
    A padded step (mask 0) keeps the state; h_0 = 0 unless given."""

    def __init__(self, input_size, bidirectional):
        super().__init__()
        self.dirs = 2 if bidirectional else 1
        rows = ROWS * HIDDEN
        for k in range(LAYERS):
            width = input_size if k == 0 else HIDDEN * self.dirs
            for d in range(self.dirs):
                name = f"l{k}" + ("_reverse" if d else "")
                setattr(self, f"weight_ih_{name}", nn.Parameter(torch.zeros(rows, width)))
                setattr(self, f"bias_ih_{name}", nn.Parameter(torch.zeros(rows)))

    def forward(self, x, h0=None, mask=None):
        batch, steps = x.shape[:2]
        H = HIDDEN
        layer_in, h_n = x, []
        for k in range(LAYERS):
            outs = []
            for d in range(self.dirs):
                name = f"l{k}" + ("_reverse" if d else "")
                w, b = getattr(self, f"weight_ih_{name}"), getattr(self, f"bias_ih_{name}")
                pre = layer_in @ w.T + b
                h = x.new_zeros(batch, H) if h0 is None else h0[k * self.dirs + d]
                hs = [None] * steps
                for t in (range(steps - 1, -1, -1) if d else range(steps)):
                    if CELL == "mingru":
                        z = torch.sigmoid(pre[:, t, :H])
                        new = (1 - z) * h + z * pre[:, t, H:]
                    else:
                        f, i = torch.sigmoid(pre[:, t, :H]), torch.sigmoid(pre[:, t, H:2 * H])
                        new = f / (f + i) * h + i / (f + i) * pre[:, t, 2 * H:]
                    if mask is not None:
                        m = (mask[:, t, None] != 0).to(x.dtype)
                        new = m * new + (1 - m) * h
                    h = hs[t] = new
                outs.append(torch.stack(hs, dim=1))
                h_n.append(h)
            layer_in = torch.cat(outs, dim=-1)
        return layer_in, torch.stack(h_n)


'''

# The gate biases start so that a step keeps about 95 % of the state (cell_spec.Cell).
MINGRU = Cell("mingru", "minGRU", (
    Gate("z", "update", "update gate", SIGMOID),
    Gate("h̃", "candidate", "candidate", "none"),
), INPUT_KINDS, False, False, _forward("mingru"), _backward, _explain("mingru"),
    torch="MinRNN", cache_per_unit=9, start_bias={0: -3.0}, torch_source=TORCH_MODULE)
MINLSTM = Cell("minlstm", "minLSTM", (
    Gate("f", "forget", "forget gate", SIGMOID),
    Gate("i", "input", "input gate", SIGMOID),
    Gate("h̃", "candidate", "candidate", "none"),
), INPUT_KINDS, False, False, _forward("minlstm"), _backward, _explain("minlstm"),
    torch="MinRNN", cache_per_unit=12, start_bias={0: 3.0, 1: -3.0},
    torch_source=TORCH_MODULE)
