"""The GRU cell (``torch.nn.GRU``): one direction of one layer, forward and backward in time.

Parameters per layer and direction, PyTorch's names, rows stacked in the gate order reset,
update, new (the candidate n): ``weight_ih`` (3H, I), ``weight_hh`` (3H, H), ``bias_ih`` and
``bias_hh`` (3H,).  The export builds ``nn.GRU`` from them.

Forward, one step::

    r = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)        reset gate: how much of h_{t-1} n sees
    z = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)        update gate: how much of h_{t-1} to keep
    n = tanh(W_in x_t + b_in + r ⊙ (W_hn h_{t-1} + b_hn))    candidate
    h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}

Backward, one step, from dh = dL/dh_t (from above and from step t+1)::

    dn = dh ⊙ (1 − z)         dz = dh ⊙ (h_{t-1} − n)
    da_n = dn ⊙ (1 − n²)      dr = da_n ⊙ (W_hn h_{t-1} + b_hn)
    da_r = dr ⊙ r(1−r)        da_z = dz ⊙ z(1−z)
    input side  [da_r, da_z, da_n]       (W_ih, b_ih)
    hidden side [da_r, da_z, da_n ⊙ r]   (W_hh, b_hh: n's hidden part is multiplied by r)
    dh_{t-1} = (hidden side) W_hh + dh ⊙ z
    dW_ih += (input side)^T x_t    dW_hh += (hidden side)^T h_{t-1}    dx_t = (input side) W_ih

Two forms, equal to 1e-12 (tests/engine/test_cell_forms.py):

* **readable** (:func:`forward_step`, :func:`backward_step`, :func:`gate_gradients` and the
  loops :func:`readable_forward`, :func:`readable_backward`): the equations above, one line
  each; the step-through (:mod:`.inspect`) takes its gate gradients from
  :func:`gate_gradients`;
* **fast** (:func:`gru_dir_forward`, :func:`gru_dir_backward`), which training uses: the same
  numbers with everything that does not depend on the previous step done for all steps at
  once outside the loops, σ(a) as (1 + tanh(a/2)) / 2 so that one tanh call gives r and z,
  and the local derivatives precomputed into one array that the loop scales by dh in place.

Padding (mask 0) and truncated BPTT as in every cell (:mod:`.timeloop`).
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
class GRUCache:
    """What the backward pass of one direction needs from its forward pass."""

    x: np.ndarray  # (T, B, I)
    h: np.ndarray  # (T, B, H) hidden state after each step
    h0: np.ndarray
    reverse: bool
    mask: np.ndarray | None
    gates: np.ndarray  # (T, B, 3H) gate activations [r, z, n]
    hn: np.ndarray  # (T, B, H) W_hn h_{t-1} + b_hn, which the reset gate multiplies


def split(gates: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``r, z, n`` from the stacked gates ``(…, 3H)``."""
    H = gates.shape[-1] // 3
    return gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]


# -- readable ------------------------------------------------------------------------------
def forward_step(
    x_t: np.ndarray, h_prev: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray,
    b_ih: np.ndarray, b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One step as ``torch.nn.GRU`` computes it: ``(h_t, gates [r, z, n], W_hn h_{t-1} +
    b_hn)``."""
    H = h_prev.shape[-1]
    gi = x_t @ w_ih.T + b_ih  # the input's part of r, z and n
    gh = h_prev @ w_hh.T + b_hh  # the state's part
    r = sigmoid(gi[..., :H] + gh[..., :H])  # reset gate
    z = sigmoid(gi[..., H : 2 * H] + gh[..., H : 2 * H])  # update gate
    hn = gh[..., 2 * H :]  # W_hn h_{t-1} + b_hn
    n = np.tanh(gi[..., 2 * H :] + r * hn)  # candidate
    h = (1 - z) * n + z * h_prev  # h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}
    return h, np.concatenate([r, z, n], axis=-1), hn


def gate_gradients(
    dh: np.ndarray, gates: np.ndarray, h_prev: np.ndarray, hn: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """dL/d(pre-activation) of each gate from the whole dL/dh_t: ``(input side [da_r, da_z,
    da_n], hidden side [da_r, da_z, da_n ⊙ r])``; for one step or for every step at once."""
    r, z, n = split(gates)
    dn = dh * (1 - z)  # h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}
    dz = dh * (h_prev - n)
    da_n = dn * (1 - n * n)  # n = tanh(a_n): tanh' = 1 − n²
    dr = da_n * hn  # a_n = … + r ⊙ (W_hn h_{t-1} + b_hn)
    da_r = dr * r * (1 - r)  # σ' = σ (1 − σ)
    da_z = dz * z * (1 - z)
    d_in = np.concatenate([da_r, da_z, da_n], axis=-1)
    d_hh = np.concatenate([da_r, da_z, da_n * r], axis=-1)
    return d_in, d_hh


def backward_step(
    dh: np.ndarray, gates: np.ndarray, h_prev: np.ndarray, hn: np.ndarray, w_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One step back: ``(input side, hidden side, dh_{t-1})`` from ``dh``, all of dL/dh_t."""
    z = split(gates)[1]
    d_in, d_hh = gate_gradients(dh, gates, h_prev, hn)
    dh_prev = d_hh @ w_hh + dh * z  # through the gates' W_hh, and straight through z ⊙ h_{t-1}
    return d_in, d_hh, dh_prev


def readable_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
    h0: np.ndarray, mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, GRUCache]:
    """One direction over ``x`` ``(T, B, I)``, a step at a time."""
    T, B, _ = x.shape
    H = w_hh.shape[1]
    dtype = np.result_type(x, w_ih, w_hh)
    h_all, hn_all = np.empty((T, B, H), dtype), np.empty((T, B, H), dtype)
    gates = np.empty((T, B, 3 * H), dtype)
    pad, any_pad = padding(mask, T)
    h = h0
    for t in steps_in_order(T, reverse):
        h_new, gates[t], hn_all[t] = forward_step(x[t], h, w_ih, w_hh, b_ih, b_hh)
        if pad is not None and any_pad[t]:  # a padded row keeps its state
            h_new = np.where(pad[t], h, h_new)
        h_all[t] = h = h_new
    return h_all, GRUCache(x, h_all, h0, reverse, mask, gates, hn_all)


def readable_backward(
    cache: GRUCache, dh_out: np.ndarray, dh_last: np.ndarray | None, w_ih: np.ndarray,
    w_hh: np.ndarray, truncation: int = 0, per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Backpropagation through time, a step at a time: ``(dx, dh0, grads, dL/dh_t)`` as
    :func:`gru_dir_backward` returns them."""
    x, gates = cache.x, cache.gates
    T, B, H = cache.h.shape
    h_prev_all = previous_states(cache.h, cache.h0, cache.reverse)
    pad, any_pad = padding(cache.mask, T)
    d_in, d_hh = np.zeros_like(gates), np.zeros_like(gates)
    d_w_ih = np.zeros((T, 3 * H, x.shape[-1]), gates.dtype)  # what each step adds to dW_ih
    d_w_hh = np.zeros((T, 3 * H, H), gates.dtype)
    dh_total = np.empty_like(cache.h)
    dh_next = np.zeros((B, H), gates.dtype) + (0 if dh_last is None else dh_last)
    for p, t in enumerate(steps_in_order(T, cache.reverse, backward=True)):
        dh = dh_total[t] = dh_out[t] + dh_next  # dL/dh_t: from above and from step t+1
        d_in[t], d_hh[t], dh_next = backward_step(dh, gates[t], h_prev_all[t], cache.hn[t],
                                                  w_hh)
        if pad is not None and any_pad[t]:  # a padded row computed nothing:
            d_in[t] *= ~pad[t]  # no gate gradient,
            d_hh[t] *= ~pad[t]
            dh_next = np.where(pad[t], dh, dh_next)  # and dh passes on unchanged
        d_w_ih[t] = d_in[t].T @ x[t]  # dW_ih += (input side)^T x_t
        d_w_hh[t] = d_hh[t].T @ h_prev_all[t]  # dW_hh += (hidden side)^T h_{t-1}
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next = np.zeros_like(dh_next)
    grads = {"weight_ih": d_w_ih, "weight_hh": d_w_hh, "bias_ih": d_in.sum(axis=1),
             "bias_hh": d_hh.sum(axis=1)}
    if not per_step:
        grads = {k: v.sum(axis=0) for k, v in grads.items()}
    dx = d_in @ w_ih  # x_t reached every gate through W_ih
    return dx, dh_next, grads, dh_total


# -- fast ----------------------------------------------------------------------------------
def gru_dir_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
    h0: np.ndarray, mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, GRUCache]:
    """:func:`readable_forward`, fast."""
    T, B, _ = x.shape
    H = w_hh.shape[1]
    dtype = np.result_type(x, w_ih, w_hh)
    # As for the LSTM, σ(a) = (1 + tanh(a/2)) / 2 with the r and z rows halved beforehand,
    # so one tanh call per step gives both.  b_hr and b_hz add outside the gates like b_ih;
    # b_hn stays inside the product with r.
    half = np.ones(3 * H, dtype=dtype)
    half[: 2 * H] = 0.5
    bias = b_ih.copy()
    bias[: 2 * H] += b_hh[: 2 * H]
    gates = input_projection(x, w_ih * half[:, None], bias * half, dtype)
    w_hh_t = np.ascontiguousarray((w_hh * half[:, None]).T)
    b_hn = b_hh[2 * H :]
    h_all = np.empty((T, B, H), dtype=dtype)
    hn_lin = np.empty_like(h_all)
    rec = np.empty((B, 3 * H), dtype=dtype)  # h W_hh^T (r, z rows halved), reused every step
    rh = np.empty((B, H), dtype=dtype)  # r * (h W_hn^T + b_hn), reused every step
    pad, any_pad = padding(mask, T)
    h = np.asarray(h0, dtype=dtype)
    for t in steps_in_order(T, reverse):
        a = gates[t]  # holds the input part of the pre-activations, halved for r and z
        np.dot(h, w_hh_t, out=rec)
        rz = a[:, : 2 * H]
        rz += rec[:, : 2 * H]
        np.tanh(rz, out=rz)
        rz *= 0.5
        rz += 0.5
        r, z, n = a[:, :H], a[:, H : 2 * H], a[:, 2 * H :]
        hn = np.add(rec[:, 2 * H :], b_hn, out=hn_lin[t])  # h W_hn^T + b_hn
        n += np.multiply(r, hn, out=rh)
        np.tanh(n, out=n)
        h_new = np.subtract(h, n, out=h_all[t])  # h' = (1 - z) n + z h = n + z (h - n)
        h_new *= z
        h_new += n
        if pad is not None and any_pad[t]:  # padded rows keep the previous state
            np.copyto(h_new, h, where=pad[t])
        h = h_new
    return h_all, GRUCache(x, h_all, h0, reverse, mask, gates, hn_lin)


def gru_dir_backward(
    cache: GRUCache, dh_out: np.ndarray, dh_last: np.ndarray | None, w_ih: np.ndarray,
    w_hh: np.ndarray, truncation: int = 0, per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """:func:`readable_backward`, fast."""
    x, gates = cache.x, cache.gates
    T, B, H = cache.h.shape
    dtype = cache.h.dtype
    r, z, n = gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]
    pad, any_pad = padding(cache.mask, T)
    # The local derivatives of every step at once, per unit of dh (the loop multiplies them
    # by dh in place), in dpre's three blocks of H columns:
    #   k_r = (1-z)(1-n²) (W_hn h + b_hn) r(1-r)     (da_r = dh k_r)
    #   k_z = (h - n) z(1-z)                          (da_z = dh k_z)
    #   n_block = (1-z)(1-n²) r                       (the hidden side's da_n r = dh n_block)
    # with h the state the step started from.  n_block is scratch for h - n first; after
    # the loop it is rewritten to the input side's da_n = dh (1-z)(1-n²) = dh k_n.
    dpre = np.subtract(1.0, gates)  # [1 - r, 1 - z, 1 - n]
    by_gate = dpre.reshape(T, B, 3, H)
    k_r, k_z, n_block = (by_gate[:, :, j] for j in range(3))
    k_n = n * n
    np.subtract(1.0, k_n, out=k_n)
    k_n *= k_z  # (1 - z)(1 - n²): how dh reaches n's pre-activation
    dpre[..., : 2 * H] *= gates[..., : 2 * H]  # a (1 - a): σ' for r and z
    if pad is not None:  # a padded row passes nothing to its gates
        keep = (~pad).astype(dtype)
        k_n *= keep  # and so to da_r and da_n, which carry this factor
        k_z *= keep
    k_r *= k_n
    k_r *= cache.hn
    rest, prev, first = previous_steps(T, cache.reverse)
    np.subtract(cache.h[prev], n[rest], out=n_block[rest])  # h - n, with h the state before
    np.subtract(cache.h0, n[first], out=n_block[first])
    k_z *= n_block
    np.multiply(k_n, r, out=n_block)  # now the hidden side's da_n r per unit of dh
    dh_total = np.empty_like(cache.h)
    dh_next = np.zeros((B, H), dtype=dtype)
    if dh_last is not None:
        dh_next += dh_last
    dhz = np.empty((B, H), dtype=dtype)  # dh * z, reused every step
    for p, t in enumerate(steps_in_order(T, cache.reverse, backward=True)):
        dh = np.add(dh_out[t], dh_next, out=dh_total[t])
        by_gate[t] *= dh[:, None, :]
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next.fill(0.0)
            continue
        np.dot(dpre[t], w_hh, out=dh_next)  # dh_next = (hidden side) W_hh + dh z
        dh_next += np.multiply(dh, z[t], out=dhz)
        if pad is not None and any_pad[t]:  # a padded row carries dh over unchanged
            np.copyto(dh_next, dh, where=pad[t])
    in_grads, rec_grad = (
        (input_grads_per_step, recurrent_grad_per_step) if per_step
        else (input_grads, recurrent_grad)
    )
    w_hh_grad = rec_grad(dpre, cache.h, cache.h0, cache.reverse)
    b_hh_grad = dpre.sum(axis=1) if per_step else dpre.reshape(T * B, 3 * H).sum(axis=0)
    # The input side differs only in the new gate's block: da_n instead of da_n * r.
    np.multiply(k_n, dh_total, out=n_block)
    w_ih_grad, b_ih_grad = in_grads(dpre, x)
    grads = {
        "weight_ih": w_ih_grad,
        "weight_hh": w_hh_grad,
        "bias_ih": b_ih_grad,
        "bias_hh": b_hh_grad,
    }
    dx = np.dot(dpre.reshape(T * B, 3 * H), w_ih).reshape(T, B, -1)
    return dx, dh_next, grads, dh_total


# -- the cell as the network calls it ----------------------------------------------------
def _forward(x, p, h0, c0, mask, reverse, nonlinearity):
    h, cache = gru_dir_forward(x, p["weight_ih"], p["weight_hh"], p["bias_ih"], p["bias_hh"],
                               h0, mask, reverse)
    return h, cache, None


def _backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    dx, dh0, g, dh = gru_dir_backward(cache, dh_out, dh_last, p["weight_ih"], p["weight_hh"],
                                      truncation, per_step)
    return dx, dh0, None, g, dh, None


def explain(s: StepNumbers) -> Explained:
    """The step-through's numbers: each gate's pre-activation (n's with r ⊙ (W_hn h_{t-1} +
    b_hn) in it), W_hn h_{t-1} + b_hn, and both sides' dL/d(pre-activation)."""
    assert s.gates is not None  # a GRU's trace holds its gates
    H = s.h.shape[-1]
    hn = s.h_prev @ s.w_hh[2 * H :].T + s.b_hh[2 * H :]
    gate_pre = s.pre_activations()
    r = split(s.gates)[0]
    gate_pre[:, 2 * H :] = s.x @ s.w_ih[2 * H :].T + s.b_ih[2 * H :] + r * hn
    d_in, d_hh = gate_gradients(s.grad_h, s.gates, s.h_prev, hn)
    return Explained(d_in, d_hh, gate_pre=gate_pre, hn=hn)


CELL = Cell("gru", "GRU", (
    Gate("r", "reset", "reset gate", SIGMOID),
    Gate("z", "update", "update gate", SIGMOID),
    Gate("n", "new", "candidate", "tanh"),
), FULL_KINDS, gates_read_h=True, cell_state=False, forward=_forward, backward=_backward,
    explain=explain, torch="nn.GRU", cache_per_unit=11)
