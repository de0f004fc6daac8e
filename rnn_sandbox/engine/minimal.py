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
* the scan (:func:`scan_forward`, :func:`scan_backward`), used for training: the products of
  the a_t are sums of log a_t, so long sequences with small gates neither underflow nor lose
  precision.

Same conventions as every cell (:mod:`.timeloop`): time-major ``(T, B, ·)``, a mask
``(T, B, 1)`` whose padded rows keep their state (a = 1, b = 0) and pass their gradient on
unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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
LOG_FLOOR = -300.0  # a step keeping less than e^-300 of the state keeps e^-300 (< 1e-130)
BUDGET = 600.0  # the most a chunk's log-product may fall: e^600 does not overflow


def scan(log_a: np.ndarray, b: np.ndarray, h0: np.ndarray) -> np.ndarray:
    """h_t = a_t h_{t−1} + b_t for every t at once (forward in time), from log a_t.

    With ℓ_t = Σ_{s≤t} log a_s:  h_t = e^{ℓ_t} (h_0 + Σ_{s≤t} e^{−ℓ_s} b_s), two cumulative
    sums instead of a loop.  Each term e^{ℓ_t−ℓ_s} b_s is at most |b_s|, so rounding stays at
    the loop's level; the sum restarts from the last state wherever ℓ would fall by more
    than :data:`BUDGET` (so e^{−ℓ} never overflows), usually never below a thousand steps.
    """
    T = len(b)
    # float32 overflows past e^88: the same rules with smaller numbers.
    floor, budget = (LOG_FLOOR, BUDGET) if b.dtype == np.float64 else (-40.0, 80.0)
    log_a = np.maximum(log_a, floor)
    h = np.empty_like(b)
    prev = h0
    start, window = 0, 64
    while start < T:
        ell = np.cumsum(log_a[start : start + window], axis=0)
        fall = -ell.reshape(len(ell), -1).min(axis=1)  # grows with the steps
        n = max(1, int(np.searchsorted(fall, budget, side="right")))
        if n == len(ell) and start + n < T:  # the window was too short: look further
            window *= 2
            continue
        ell = ell[:n]
        grow = np.exp(-ell)  # 1 / (a_start ⋯ a_t), at most e^budget
        w = np.multiply(grow, b[start : start + n])
        np.cumsum(w, axis=0, out=w)
        w += prev
        w /= grow
        h[start : start + n] = w
        prev, start = w[-1], start + n
    return h


def coefficients(cell: str, gates: np.ndarray, pre_gates: np.ndarray | None = None):
    """``(log a, b)`` of h_t = a_t h_{t−1} + b_t for every step, from the gates."""
    H = gates.shape[-1] // ROWS[cell]
    if cell == "mingru":
        z, h_tilde = gates[..., :H], gates[..., H:]
        return np.log1p(-z), z * h_tilde  # log(1 − z)
    f, i, h_tilde = gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]
    log_f, log_s = np.log(f), np.log(f + i)
    return log_f - log_s, np.exp(np.log(i) - log_s) * h_tilde


def scan_forward(
    cell: str, x: np.ndarray, w_ih: np.ndarray, b_ih: np.ndarray, h0: np.ndarray,
    mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, MinCache]:
    """One direction for all steps at once (see :func:`scan`)."""
    gates = gates_of(cell, x, w_ih, b_ih)
    log_a, b = coefficients(cell, gates)
    pad, _ = padding(mask, len(x))
    if pad is not None:  # a padded step keeps its state: a = 1, b = 0
        log_a = np.where(pad, 0.0, log_a)
        b = np.where(pad, 0.0, b)
    h0 = np.asarray(h0, dtype=gates.dtype)
    if reverse:
        h_all = np.ascontiguousarray(scan(log_a[::-1], b[::-1], h0)[::-1])
    else:
        h_all = scan(log_a, b, h0)
    return h_all, MinCache(x, h_all, h0, reverse, mask, gates, cell)


def scan_backward(
    cache: MinCache, dh_out: np.ndarray, dh_last: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """As :func:`loop_backward` (without truncation), by a scan backward in time:
    g_t = dh_out_t + a_{t+1} g_{t+1} is again h = a h + b, with time reversed."""
    gates, cell = cache.gates, cache.cell
    T, B, H = cache.h.shape
    log_a, _ = coefficients(cell, gates)
    pad, _ = padding(cache.mask, T)
    if pad is not None:
        log_a = np.where(pad, 0.0, log_a)
    g0 = np.zeros((B, H), dtype=cache.h.dtype) if dh_last is None else dh_last
    # In the order the backward pass visits the steps, step k receives through the a of
    # the step visited before it (none for the first).
    visit = slice(None) if cache.reverse else slice(None, None, -1)
    la = log_a[visit]
    shifted = np.concatenate([np.zeros_like(la[:1]), la[:-1]])
    dh_total = scan(shifted, dh_out[visit], g0)[visit]
    dh0 = np.exp(la[-1]) * dh_total[visit][-1]
    dpre = gate_gradients(cell, gates, _previous(cache), dh_total,
                          None if pad is None else ~pad)
    return dpre, dh0, dh_total


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
