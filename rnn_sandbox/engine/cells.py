"""One direction of one recurrent layer, forward and backward through time, written out.

Everything is time-major inside the engine: ``(time, batch, features)``, so that ``x[t]`` is
one contiguous time step.  A mask ``m`` of shape ``(time, batch, 1)`` marks real steps; on a
padded step the state is carried over unchanged, so padding changes neither the final state
nor any gradient (the same result as PyTorch's packed sequences).

The simple (Elman) cell, as ``torch.nn.RNN`` computes it::

    h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)

Backward, for each step from the last to the first (min-char-rnn style, batched)::

    dh      = dL/dh_t  (from the layer above / the read-out)  +  dh_next
    dpre    = dh * act'(pre_t)
    dh_next = dpre W_hh            (what h_{t-1} receives through the recurrence)

and the weight gradients are sums over time of outer products, done in one matrix product
after the loop: ``dW_ih = sum_t dpre_t^T x_t``, ``dW_hh = sum_t dpre_t^T h_{t-1}``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class DirCache:
    """What the backward pass of one direction needs from its forward pass."""

    x: np.ndarray  # (T, B, I) input of this layer
    h: np.ndarray  # (T, B, H) state after each step (carried over padded steps)
    h0: np.ndarray  # (B, H) initial state
    reverse: bool
    mask: np.ndarray | None  # (T, B, 1)


def _act(name: str, pre: np.ndarray) -> np.ndarray:
    if name == "tanh":
        return np.tanh(pre, out=pre)
    return np.maximum(pre, 0.0, out=pre)


def _act_grad(name: str, a: np.ndarray) -> np.ndarray:
    """Derivative of the activation, written in terms of its output ``a``."""
    if name == "tanh":
        return 1.0 - a * a
    return (a > 0).astype(a.dtype)


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
    T = x.shape[0]
    # The input projection of every step at once: one large matrix product, not T small ones.
    xp = x @ w_ih.T
    xp += b_ih + b_hh
    h_all = np.empty(xp.shape, dtype=xp.dtype)
    w_hh_t = np.ascontiguousarray(w_hh.T)
    h = h0
    for t in range(T - 1, -1, -1) if reverse else range(T):
        a = xp[t]
        a += h @ w_hh_t
        _act(nonlinearity, a)
        if mask is not None:
            m = mask[t]
            a = m * a + (1.0 - m) * h  # padded step: keep the previous state
        h_all[t] = a
        h = h_all[t]
    return h_all, DirCache(x, h_all, h0, reverse, mask)


def rnn_dir_backward(
    cache: DirCache,
    dh_out: np.ndarray,
    dh_last: np.ndarray | None,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    nonlinearity: str,
    truncation: int = 0,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Backpropagate through time for one direction.

    ``dh_out`` ``(T, B, H)``: gradient reaching each state from above (read-out or next
    layer); ``dh_last``: gradient on the final state (``h_n``).  ``truncation`` k > 0 cuts the
    recurrent path every k steps (truncated BPTT).

    Returns ``(dx, dh0, grads, dh_total)`` where ``dh_total[t]`` is the full dL/dh_t,
    including what flows back through time.
    """
    x, h_all, h0, mask = cache.x, cache.h, cache.h0, cache.mask
    T, B, H = h_all.shape
    dpre_all = np.empty_like(h_all)
    dh_total = np.empty_like(h_all)
    dh = np.zeros((B, H), dtype=h_all.dtype) if dh_last is None else dh_last.copy()
    order = range(T) if cache.reverse else range(T - 1, -1, -1)
    for p, t in enumerate(order):
        dh += dh_out[t]
        dh_total[t] = dh
        if mask is None:
            dpre = dh * _act_grad(nonlinearity, h_all[t])
            dh = dpre @ w_hh
        else:
            m = mask[t]
            dpre = (m * dh) * _act_grad(nonlinearity, h_all[t])
            dh = dpre @ w_hh + (1.0 - m) * dh
        dpre_all[t] = dpre
        # Truncated BPTT: chunks of k steps counted from the start of this direction.
        steps_from_start = T - 1 - p
        if truncation and steps_from_start > 0 and steps_from_start % truncation == 0:
            dh = np.zeros_like(dh)
    dh0 = dh
    # The state each step started from: h_{t-1} (forward) or h_{t+1} (backward direction).
    h_prev = np.empty_like(h_all)
    if cache.reverse:
        h_prev[:-1] = h_all[1:]
        h_prev[-1] = h0
    else:
        h_prev[1:] = h_all[:-1]
        h_prev[0] = h0
    flat = dpre_all.reshape(T * B, H)
    db = flat.sum(axis=0)
    grads = {
        "weight_ih": flat.T @ x.reshape(T * B, -1),
        "weight_hh": flat.T @ h_prev.reshape(T * B, H),
        "bias_ih": db,
        "bias_hh": db.copy(),
    }
    dx = dpre_all @ w_ih
    return dx, dh0, grads, dh_total
