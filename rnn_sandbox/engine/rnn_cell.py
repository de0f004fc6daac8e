"""The simple (Elman) RNN cell: one direction of one layer, forward and backward through time.

Everything is time-major inside the engine: ``(time, batch, features)``, so that ``x[t]`` is
one contiguous time step.  A mask ``m`` of shape ``(time, batch, 1)`` marks real steps (1;
any non-zero value counts as real) and padding (0); on a padded step the state is carried
over unchanged, so padding changes neither the final state nor any gradient (the same result
as PyTorch's packed sequences).

The cell, as ``torch.nn.RNN`` computes it::

    h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)

Backward, for each step from the last to the first (min-char-rnn style, batched)::

    dh      = dL/dh_t  (from the layer above / the read-out)  +  dh_next
    dpre    = dh * act'(pre_t)
    dh_next = dpre W_hh            (what h_{t-1} receives through the recurrence)

and the weight gradients are sums over time of outer products, done in one matrix product
after the loop: ``dW_ih = sum_t dpre_t^T x_t``, ``dW_hh = sum_t dpre_t^T h_{t-1}``.

Speed: the loops run once per time step on small matrices, so each step is kept to one
matrix product and two or three in-place array operations.  Everything that does not depend
on the previous step (input projection, act', the mask) is done for all steps at once
before or after the loop, results are written straight into preallocated arrays (``out=``),
and steps without padding skip the mask entirely.  The loops are still the equations, one
line each, so this one form serves reading and training alike (the gated cells keep a
readable form beside a faster one: :mod:`.lstm`, :mod:`.gru`).

Parameters per layer and direction, PyTorch's names: ``weight_ih`` (H, I), ``weight_hh``
(H, H), ``bias_ih`` and ``bias_hh`` (H,); the export builds ``nn.RNN``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.cell_spec import FULL_KINDS, Cell, Explained, StepNumbers
from rnn_sandbox.engine.timeloop import (
    padding,
    previous_states,
    previous_steps,
    steps_in_order,
    truncated_here,
)


@dataclass
class DirCache:
    """What the backward pass of one direction needs from its forward pass."""

    x: np.ndarray  # (T, B, I) input of this layer
    h: np.ndarray  # (T, B, H) state after each step (carried over padded steps)
    h0: np.ndarray  # (B, H) initial state
    reverse: bool
    mask: np.ndarray | None  # (T, B, 1)


def act_grad(name: str, a: np.ndarray) -> np.ndarray:
    """Derivative of the activation, written in terms of its output ``a`` (a new array)."""
    if name == "tanh":
        g = np.multiply(a, a)
        return np.subtract(1.0, g, out=g)  # 1 - tanh^2
    return (a > 0).astype(a.dtype)


def pre_gradient(dh: np.ndarray, h: np.ndarray, nonlinearity: str) -> np.ndarray:
    """dL/dpre_t = dL/dh_t * act'(pre_t), for one step or all at once (the step-through's
    numbers; the loop below computes the same in place)."""
    return dh * act_grad(nonlinearity, h)


def rnn_dir_forward(
    x: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
    h0: np.ndarray,
    mask: np.ndarray | None,
    reverse: bool,
    nonlinearity: str,
) -> tuple[np.ndarray, DirCache]:
    """Run one direction over ``x`` ``(T, B, I)``; return states ``(T, B, H)`` and a cache."""
    T, B, I = x.shape
    H = w_hh.shape[0]
    dtype = np.result_type(x, w_ih, w_hh)
    # The input projection of every step at once (one large matrix product, not T small
    # ones), written straight into the state array: step t then adds its recurrent part.
    h_all = np.empty((T, B, H), dtype=dtype)
    np.matmul(x.reshape(T * B, I), w_ih.T, out=h_all.reshape(T * B, H))
    h_all += b_ih + b_hh
    w_hh_t = np.ascontiguousarray(w_hh.T)
    pad, any_pad = padding(mask, T)
    rec = np.empty((B, H), dtype=dtype)  # h_{t-1} W_hh^T, reused every step
    tanh = nonlinearity == "tanh"
    h = np.asarray(h0, dtype=dtype)  # np.dot(out=) needs matching dtypes
    for t in steps_in_order(T, reverse):
        a = h_all[t]  # holds x_t W_ih^T + b_ih + b_hh
        np.dot(h, w_hh_t, out=rec)  # np.dot: less call overhead than matmul on small arrays
        a += rec  # pre_t = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh
        if tanh:  # h_t = act(pre_t)
            np.tanh(a, out=a)
        else:
            np.maximum(a, 0.0, out=a)
        if pad is not None and any_pad[t]:
            np.copyto(a, h, where=pad[t])  # padded step: keep the previous state
        h = a
    return h_all, DirCache(x, h_all, h0, reverse, mask)


def rnn_dir_backward(
    cache: DirCache,
    dh_out: np.ndarray,
    dh_last: np.ndarray | None,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    nonlinearity: str,
    truncation: int = 0,
    per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Backpropagate through time for one direction.

    ``dh_out`` ``(T, B, H)``: gradient reaching each state from above (read-out or next
    layer); ``dh_last``: gradient on the final state (``h_n``).  ``truncation`` k > 0 cuts the
    recurrent path every k steps (truncated BPTT).

    Returns ``(dx, dh0, grads, dh_total)`` where ``dh_total[t]`` is the full dL/dh_t,
    including what flows back through time.  With ``per_step`` each gradient keeps the
    contribution of every step apart, ``(T, *shape)``: ``grads[k][t]`` is the part that
    arises where step ``t`` uses the weight (summed over the batch); their sum over ``t`` is
    the usual gradient.
    """
    x, h_all, h0, mask = cache.x, cache.h, cache.h0, cache.mask
    T, B, H = h_all.shape
    # act'(pre_t) for every step at once; a padded step passes nothing to its pre-activation,
    # so the mask is folded in here.  The loop turns this array into dpre in place.
    dpre_all = act_grad(nonlinearity, h_all)
    pad, any_pad = padding(mask, T)
    if pad is not None:
        dpre_all *= ~pad
    dh_total = np.empty_like(h_all)
    dh_next = np.zeros((B, H), dtype=h_all.dtype)  # what h_t receives from step t+1
    if dh_last is not None:
        dh_next += dh_last
    for p, t in enumerate(steps_in_order(T, cache.reverse, backward=True)):
        dh = np.add(dh_out[t], dh_next, out=dh_total[t])  # dL/dh_t: from above and from t+1
        dpre = dpre_all[t]
        dpre *= dh  # dpre = dh * act'(pre_t), zero on padded rows
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next.fill(0.0)
            continue
        np.dot(dpre, w_hh, out=dh_next)  # dh_{t-1} = dpre W_hh
        if pad is not None and any_pad[t]:
            np.copyto(dh_next, dh, where=pad[t])  # padded step: dh passes on unchanged
    dh0 = dh_next
    dx = (dpre_all.reshape(T * B, H) @ w_ih).reshape(x.shape)
    if per_step:
        return dx, dh0, _per_step_grads(dpre_all, x, h_all, h0, cache.reverse), dh_total
    flat = dpre_all.reshape(T * B, H)
    # dW_hh pairs dpre_t with the state the step started from: h_{t-1} (forward direction)
    # or h_{t+1} (backward direction), and h0 for the first step; no shifted copy of h.
    rest, prev, first = previous_steps(T, cache.reverse)
    w_hh_grad = dpre_all[first].T @ h0
    if T > 1:
        w_hh_grad += dpre_all[rest].reshape(-1, H).T @ h_all[prev].reshape(-1, H)
    db = flat.sum(axis=0)
    grads = {
        "weight_ih": flat.T @ x.reshape(T * B, -1),
        "weight_hh": w_hh_grad,
        "bias_ih": db,
        "bias_hh": db.copy(),
    }
    return dx, dh0, grads, dh_total


def _per_step_grads(dpre, x, h_all, h0, reverse) -> dict[str, np.ndarray]:
    """The weight gradients step by step, ``(T, *shape)``: the outer products
    ``dpre_t^T x_t`` and ``dpre_t^T h_prev_t`` before they are summed over time."""
    db = dpre.sum(axis=1)
    return {
        "weight_ih": np.einsum("tbh,tbi->thi", dpre, x),
        "weight_hh": np.einsum("tbh,tbk->thk", dpre, previous_states(h_all, h0, reverse)),
        "bias_ih": db,
        "bias_hh": db.copy(),
    }


# -- the cell as the network calls it ----------------------------------------------------
def _forward(x, p, h0, c0, mask, reverse, nonlinearity):
    h, cache = rnn_dir_forward(x, p["weight_ih"], p["weight_hh"], p["bias_ih"], p["bias_hh"],
                               h0, mask, reverse, nonlinearity)
    return h, cache, None


def _backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    dx, dh0, g, dh = rnn_dir_backward(cache, dh_out, dh_last, p["weight_ih"], p["weight_hh"],
                                      nonlinearity, truncation, per_step)
    return dx, dh0, None, g, dh, None


def explain(s: StepNumbers) -> Explained:
    """The step-through's numbers: ``ih = W_ih x_t``, ``hh = W_hh h_{t-1}``, their sum with
    the biases and dL/dpre_t."""
    ih, hh = s.x @ s.w_ih.T, s.h_prev @ s.w_hh.T
    return Explained(pre_gradient(s.grad_h, s.h, s.nonlinearity), ih=ih, hh=hh,
                     pre=ih + hh + s.b_ih + s.b_hh)


CELL = Cell("rnn", "simple RNN", (), FULL_KINDS, gates_read_h=True, cell_state=False,
            forward=_forward, backward=_backward, explain=explain, torch="nn.RNN",
            cache_per_unit=5)
