"""The LSTM cell (``torch.nn.LSTM``): one direction of one layer, forward and backward in time.

Parameters per layer and direction, PyTorch's names, rows stacked in the gate order input,
forget, cell (the candidate g), output: ``weight_ih`` (4H, I), ``weight_hh`` (4H, H),
``bias_ih`` and ``bias_hh`` (4H,).  The export builds ``nn.LSTM`` from them.

Forward, one step::

    i = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)      input gate: how much of g to write
    f = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)      forget gate: how much of c_{t-1} to keep
    g = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)   candidate
    o = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)      output gate: how much of c_t to show
    c_t = f ⊙ c_{t-1} + i ⊙ g
    h_t = o ⊙ tanh(c_t)

Backward, one step, from dh = dL/dh_t (from above and from step t+1) and dc_next (what c_t
receives from step t+1)::

    dc = dc_next + dh ⊙ o ⊙ (1 − tanh²(c_t))    the cell state's own highway, plus what h_t passes
    do = dh ⊙ tanh(c_t)
    di = dc ⊙ g      df = dc ⊙ c_{t-1}      dg = dc ⊙ i
    d(pre) = [di ⊙ i(1−i), df ⊙ f(1−f), dg ⊙ (1−g²), do ⊙ o(1−o)]
    dh_{t-1} = d(pre) W_hh                      every gate read h_{t-1}
    dc_{t-1} = dc ⊙ f                           kept alive when f ≈ 1
    dW_ih += d(pre)^T x_t    dW_hh += d(pre)^T h_{t-1}    db += d(pre)    dx_t = d(pre) W_ih

Two forms, equal to 1e-12 (tests/engine/test_cell_forms.py):

* **readable** (:func:`forward_step`, :func:`backward_step`, :func:`gate_gradients` and the
  loops :func:`readable_forward`, :func:`readable_backward`): the equations above, one line
  each; the step-through (:mod:`.inspect`) takes its gate gradients from
  :func:`gate_gradients`;
* **fast** (:func:`lstm_dir_forward`, :func:`lstm_dir_backward`), which training uses: the
  same numbers with everything that does not depend on the previous step done for all steps
  at once outside the loops, σ(a) as (1 + tanh(a/2)) / 2 so that one tanh call gives all four
  gates, and the local derivatives precomputed into one array that the loop scales in place.

Padding (mask 0) and truncated BPTT as in every cell (:mod:`.timeloop`): a padded row keeps
h and c, passes dh and dc on unchanged and reports dL/dc_t = 0 (it computed no c_t).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.cell_spec import (
    FULL_KINDS,
    SIGMOID,
    Cell,
    Explained,
    Gate,
    StepNumbers,
)
from rnn_sandbox.engine.timeloop import (
    input_grads,
    input_grads_per_step,
    input_projection,
    padding,
    previous_states,
    previous_steps,
    recurrent_grad,
    recurrent_grad_per_step,
    sigmoid,
    steps_in_order,
    truncated_here,
)


@dataclass
class LSTMCache:
    """What the backward pass of one direction needs from its forward pass."""

    x: np.ndarray  # (T, B, I)
    h: np.ndarray  # (T, B, H) hidden state after each step
    h0: np.ndarray
    reverse: bool
    mask: np.ndarray | None
    gates: np.ndarray  # (T, B, 4H) gate activations [i, f, g, o]
    c: np.ndarray  # (T, B, H) cell state after each step
    c0: np.ndarray
    tanh_c: np.ndarray  # tanh of the freshly computed cell state (any value on padded rows)


def split(gates: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``i, f, g, o`` from the stacked gates ``(…, 4H)``."""
    H = gates.shape[-1] // 4
    return gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H : 3 * H], gates[..., 3 * H :]


# -- readable ------------------------------------------------------------------------------
def forward_step(
    x_t: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray, w_ih: np.ndarray,
    w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One step as ``torch.nn.LSTM`` computes it: ``(h_t, c_t, gates [i, f, g, o])``."""
    H = h_prev.shape[-1]
    pre = x_t @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh  # every gate's pre-activation
    i = sigmoid(pre[..., :H])  # input gate
    f = sigmoid(pre[..., H : 2 * H])  # forget gate
    g = np.tanh(pre[..., 2 * H : 3 * H])  # candidate
    o = sigmoid(pre[..., 3 * H :])  # output gate
    c = f * c_prev + i * g  # c_t = f ⊙ c_{t-1} + i ⊙ g
    h = o * np.tanh(c)  # h_t = o ⊙ tanh(c_t)
    return h, c, np.concatenate([i, f, g, o], axis=-1)


def gate_gradients(
    dh: np.ndarray, dc: np.ndarray, gates: np.ndarray, tanh_c: np.ndarray, c_prev: np.ndarray,
) -> np.ndarray:
    """dL/d(pre-activation) of each gate, ``[i, f, g, o]`` as the weights' rows, from the
    whole dL/dh_t and dL/dc_t; for one step or for every step at once."""
    i, f, g, o = split(gates)
    do = dh * tanh_c  # h_t = o ⊙ tanh(c_t)
    di = dc * g  # c_t = f ⊙ c_{t-1} + i ⊙ g
    df = dc * c_prev
    dg = dc * i
    return np.concatenate([
        di * i * (1 - i),  # σ'(a) = σ(a) (1 − σ(a))
        df * f * (1 - f),
        dg * (1 - g * g),  # tanh'(a) = 1 − tanh²(a)
        do * o * (1 - o),
    ], axis=-1)


def backward_step(
    dh: np.ndarray, dc_next: np.ndarray, gates: np.ndarray, c: np.ndarray, c_prev: np.ndarray,
    w_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One step back: ``(d(pre), dh_{t-1}, dc_{t-1}, dc)`` from ``dh`` (all of dL/dh_t) and
    ``dc_next`` (what c_t receives from step t+1); ``dc`` is all of dL/dc_t."""
    _, f, _, o = split(gates)
    tanh_c = np.tanh(c)
    dc = dc_next + dh * o * (1 - tanh_c * tanh_c)  # the highway plus what h_t passes down
    dpre = gate_gradients(dh, dc, gates, tanh_c, c_prev)
    dh_prev = dpre @ w_hh  # every gate read h_{t-1} through W_hh
    dc_prev = dc * f  # c_t = f ⊙ c_{t-1} + …
    return dpre, dh_prev, dc_prev, dc


def readable_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
    h0: np.ndarray, c0: np.ndarray, mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, LSTMCache]:
    """One direction over ``x`` ``(T, B, I)``, a step at a time."""
    T, B, _ = x.shape
    H = w_hh.shape[1]
    dtype = np.result_type(x, w_ih, w_hh)
    h_all, c_all = np.empty((T, B, H), dtype), np.empty((T, B, H), dtype)
    gates = np.empty((T, B, 4 * H), dtype)
    pad, any_pad = padding(mask, T)
    h, c = h0, c0
    for t in steps_in_order(T, reverse):
        h_new, c_new, gates[t] = forward_step(x[t], h, c, w_ih, w_hh, b_ih, b_hh)
        if pad is not None and any_pad[t]:  # a padded row keeps its state
            h_new, c_new = np.where(pad[t], h, h_new), np.where(pad[t], c, c_new)
        h_all[t], c_all[t] = h, c = h_new, c_new
    return h_all, LSTMCache(x, h_all, h0, reverse, mask, gates, c_all, c0, np.tanh(c_all))


def readable_backward(
    cache: LSTMCache, dh_out: np.ndarray, dh_last: np.ndarray | None,
    dc_last: np.ndarray | None, w_ih: np.ndarray, w_hh: np.ndarray, truncation: int = 0,
    per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Backpropagation through time, a step at a time: ``(dx, dh0, dc0, grads, dL/dh_t,
    dL/dc_t)`` as :func:`lstm_dir_backward` returns them."""
    x, gates, c_all = cache.x, cache.gates, cache.c
    T, B, H = cache.h.shape
    h_prev_all = previous_states(cache.h, cache.h0, cache.reverse)
    c_prev_all = previous_states(c_all, cache.c0, cache.reverse)
    pad, any_pad = padding(cache.mask, T)
    dpre = np.zeros_like(gates)
    d_w_ih = np.zeros((T, 4 * H, x.shape[-1]), gates.dtype)  # what each step adds to dW_ih
    d_w_hh = np.zeros((T, 4 * H, H), gates.dtype)
    dh_total, dc_total = np.empty_like(cache.h), np.empty_like(cache.h)
    dh_next = np.zeros((B, H), gates.dtype) + (0 if dh_last is None else dh_last)
    dc_next = np.zeros((B, H), gates.dtype) + (0 if dc_last is None else dc_last)
    for p, t in enumerate(steps_in_order(T, cache.reverse, backward=True)):
        dh = dh_total[t] = dh_out[t] + dh_next  # dL/dh_t: from above and from step t+1
        dc_carried = dc_next
        dpre[t], dh_next, dc_next, dc_total[t] = backward_step(
            dh, dc_next, gates[t], c_all[t], c_prev_all[t], w_hh)
        if pad is not None and any_pad[t]:  # a padded row computed nothing:
            dpre[t] *= ~pad[t]  # no gate gradient, no dL/dc_t,
            dc_total[t] *= ~pad[t]
            dh_next = np.where(pad[t], dh, dh_next)  # dh and dc pass on unchanged
            dc_next = np.where(pad[t], dc_carried, dc_next)
        d_w_ih[t] = dpre[t].T @ x[t]  # dW_ih += d(pre)^T x_t
        d_w_hh[t] = dpre[t].T @ h_prev_all[t]  # dW_hh += d(pre)^T h_{t-1}
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next, dc_next = np.zeros_like(dh_next), np.zeros_like(dc_next)
    db = dpre.sum(axis=1)  # both biases add to the same pre-activation
    grads = {"weight_ih": d_w_ih, "weight_hh": d_w_hh, "bias_ih": db, "bias_hh": db.copy()}
    if not per_step:
        grads = {k: v.sum(axis=0) for k, v in grads.items()}
    dx = dpre @ w_ih  # x_t reached every gate through W_ih
    return dx, dh_next, dc_next, grads, dh_total, dc_total


# -- fast ----------------------------------------------------------------------------------
def lstm_dir_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
    h0: np.ndarray, c0: np.ndarray, mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, LSTMCache]:
    """:func:`readable_forward`, fast."""
    T, B, _ = x.shape
    H = w_hh.shape[1]
    dtype = np.result_type(x, w_ih, w_hh)
    # σ(a) = (1 + tanh(a/2)) / 2: pre-scaling the i, f, o rows by 1/2 lets one tanh call per
    # step produce all four gates, which keeps the per-step Python work small.
    half = np.full(4 * H, 0.5, dtype=dtype)
    half[2 * H : 3 * H] = 1.0
    offset = np.where(half == 0.5, 0.5, 0.0).astype(dtype)
    # Halving the (small) weight matrices and biases is exact and spares a pass over the gates.
    gates = input_projection(x, w_ih * half[:, None], (b_ih + b_hh) * half, dtype)
    w_hh_t = np.ascontiguousarray((w_hh * half[:, None]).T)
    h_all = np.empty((T, B, H), dtype=dtype)
    c_all, tanh_c = np.empty_like(h_all), np.empty_like(h_all)
    rec = np.empty((B, 4 * H), dtype=dtype)  # h W_hh^T, reused every step
    ig = np.empty((B, H), dtype=dtype)  # i * g, reused every step
    pad, any_pad = padding(mask, T)
    h, c = np.asarray(h0, dtype=dtype), np.asarray(c0, dtype=dtype)
    for t in steps_in_order(T, reverse):
        a = gates[t]  # holds the input part of the pre-activations, halved for i, f, o
        np.dot(h, w_hh_t, out=rec)
        a += rec
        np.tanh(a, out=a)
        a *= half
        a += offset  # a now holds [i, f, g, o]
        i, f, g, o = a[:, :H], a[:, H : 2 * H], a[:, 2 * H : 3 * H], a[:, 3 * H :]
        c_new = np.multiply(f, c, out=c_all[t])  # c' = f * c + i * g
        c_new += np.multiply(i, g, out=ig)
        np.tanh(c_new, out=tanh_c[t])
        h_new = np.multiply(o, tanh_c[t], out=h_all[t])  # h' = o * tanh(c')
        if pad is not None and any_pad[t]:  # padded rows keep the previous state
            np.copyto(h_new, h, where=pad[t])
            np.copyto(c_new, c, where=pad[t])
        h, c = h_new, c_new
    return h_all, LSTMCache(x, h_all, h0, reverse, mask, gates, c_all, c0, tanh_c)


def lstm_dir_backward(
    cache: LSTMCache, dh_out: np.ndarray, dh_last: np.ndarray | None,
    dc_last: np.ndarray | None, w_ih: np.ndarray, w_hh: np.ndarray, truncation: int = 0,
    per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """:func:`readable_backward`, fast."""
    x, gates = cache.x, cache.gates
    T, B, H = cache.h.shape
    dtype = cache.h.dtype
    i, f = gates[..., :H], gates[..., H : 2 * H]
    g, o = gates[..., 2 * H : 3 * H], gates[..., 3 * H :]
    tc, c, c0 = cache.tanh_c, cache.c, cache.c0
    pad, any_pad = padding(cache.mask, T)
    keep = None if pad is None else (~pad).astype(dtype)
    # Everything that does not depend on the gradient flowing back is computed for all steps
    # at once: the local derivatives of each pre-activation, per gate, in PyTorch's order.
    #   d(pre_i) = dc' * g * i(1-i)     d(pre_f) = dc' * c * f(1-f)
    #   d(pre_g) = dc' * i * (1-g²)     d(pre_o) = dh * tanh(c') * o(1-o)
    # The loop then multiplies them, in place, by dc' (i, f, g) and dh (o).
    dpre_all = np.subtract(1.0, gates)
    dpre_all *= gates  # a (1 - a): σ' for i, f and o (the g block is replaced next)
    by_gate = dpre_all.reshape(T, B, 4, H)
    k_i, k_f, k_g, k_o = (by_gate[:, :, n] for n in range(4))
    np.multiply(g, g, out=k_g)
    np.subtract(1.0, k_g, out=k_g)  # tanh' = 1 - g²
    k_i *= g
    rest, prev, first = previous_steps(T, cache.reverse)
    k_f[rest] *= c[prev]  # c of the step before
    k_f[first] *= c0
    k_g *= i
    k_o *= tc
    o_dtanh = tc * tc  # how h' = o tanh(c') passes dh on to c': o (1 - tanh²(c'))
    np.subtract(1.0, o_dtanh, out=o_dtanh)
    o_dtanh *= o
    if keep is not None:
        o_dtanh *= keep  # a padded row computed no h' from c': dc' is the carried dc
    dh_total, dc_total = np.empty_like(cache.h), np.empty_like(cache.h)
    dh_next = np.zeros((B, H), dtype=dtype)  # what h_t receives from step t+1
    dc_next = np.zeros((B, H), dtype=dtype)  # what c_t receives from step t+1
    if dh_last is not None:
        dh_next += dh_last
    if dc_last is not None:
        dc_next += dc_last
    for p, t in enumerate(steps_in_order(T, cache.reverse, backward=True)):
        dh = np.add(dh_out[t], dh_next, out=dh_total[t])
        dc = np.multiply(dh, o_dtanh[t], out=dc_total[t])  # dc' = dc_next + dh o (1-tanh²c')
        dc += dc_next
        by_gate[t, :, :3] *= dc[:, None, :]  # di, df, dg: scaled by dc'
        by_gate[t, :, 3] *= dh  # do: scaled by dh
        if keep is not None and any_pad[t]:
            dpre_all[t] *= keep[t]  # a padded row passes nothing to its gates
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next.fill(0.0)
            dc_next.fill(0.0)
            continue
        np.dot(dpre_all[t], w_hh, out=dh_next)  # dh_next = d(pre) W_hh
        np.multiply(dc, f[t], out=dc_next)  # the cell state's highway
        if pad is not None and any_pad[t]:  # a padded row carries dh and dc over unchanged
            np.copyto(dh_next, dh, where=pad[t])
            np.copyto(dc_next, dc, where=pad[t])
    if pad is not None:
        dc_total *= keep  # dL/dc' of a padded step is zero: it computed no c'
    in_grads, rec_grad = (
        (input_grads_per_step, recurrent_grad_per_step) if per_step
        else (input_grads, recurrent_grad)
    )
    w_ih_grad, db = in_grads(dpre_all, x)
    grads = {
        "weight_ih": w_ih_grad,
        "weight_hh": rec_grad(dpre_all, cache.h, cache.h0, cache.reverse),
        "bias_ih": db,
        "bias_hh": db.copy(),  # both biases add to the same pre-activation
    }
    dx = np.dot(dpre_all.reshape(T * B, 4 * H), w_ih).reshape(T, B, -1)
    return dx, dh_next, dc_next, grads, dh_total, dc_total


# -- the cell as the network calls it ----------------------------------------------------
def _forward(x, p, h0, c0, mask, reverse, nonlinearity):
    h, cache = lstm_dir_forward(x, p["weight_ih"], p["weight_hh"], p["bias_ih"], p["bias_hh"],
                                h0, c0, mask, reverse)
    return h, cache, cache.c[0] if reverse else cache.c[-1]


def _backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    return lstm_dir_backward(cache, dh_out, dh_last, dc_last, p["weight_ih"], p["weight_hh"],
                             truncation, per_step)


def explain(s: StepNumbers) -> Explained:
    """The step-through's numbers: each gate's pre-activation and dL/d(pre-activation)."""
    assert s.gates is not None and s.c is not None and s.c_prev is not None
    assert s.grad_c is not None  # an LSTM's trace holds its cell states
    dpre = gate_gradients(s.grad_h, s.grad_c, s.gates, np.tanh(s.c), s.c_prev)
    return Explained(dpre, gate_pre=s.pre_activations())


CELL = Cell("lstm", "LSTM", (
    Gate("i", "input", "input gate", SIGMOID),
    Gate("f", "forget", "forget gate", SIGMOID),
    Gate("g", "cell", "candidate", "tanh"),
    Gate("o", "output", "output gate", SIGMOID),
), FULL_KINDS, gates_read_h=True, cell_state=True, forward=_forward, backward=_backward,
    explain=explain, torch="nn.LSTM", cache_per_unit=14)
