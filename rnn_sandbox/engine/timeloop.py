"""Helpers the time loops of every cell share (:mod:`.rnn_cell`, :mod:`.lstm`, :mod:`.gru`,
:mod:`.minimal`): which rows are padding, where truncated BPTT cuts, the order of the steps,
the state each step started from, σ, and the weight gradients as sums over time.

Conventions of every cell: time-major ``(T, B, ·)``, so ``x[t]`` is one contiguous time step;
a mask ``(T, B, 1)`` marks real steps (any non-zero value) and padding (0); a padded row keeps
its state going forward and passes its gradient on unchanged going back, so padding changes
neither the final state nor any gradient (PyTorch's packed sequences give the same).
"""

from __future__ import annotations

import numpy as np


def padding(mask: np.ndarray | None, T: int) -> tuple[np.ndarray | None, list[bool]]:
    """Padded rows ``(T, B, 1)`` (mask 0; any other value is a real step) and, per step,
    whether it has any; ``None`` when nothing is padded."""
    if mask is None:
        return None, [False] * T
    pad = mask == 0
    any_pad = pad.any(axis=(1, 2)).tolist()
    return (pad if any(any_pad) else None), any_pad


def truncated_here(truncation: int, T: int, p: int) -> bool:
    """Whether truncated BPTT stops the gradient after the ``p``-th step of a backward
    pass over ``T`` steps: chunks of ``truncation`` steps counted from the start."""
    steps_from_start = T - 1 - p
    return bool(truncation) and steps_from_start > 0 and steps_from_start % truncation == 0


def steps_in_order(T: int, reverse: bool, backward: bool = False) -> range:
    """The time steps in the order a pass visits them: the forward pass of the forward
    direction (and the backward pass of the reverse one) goes 0, 1, …, T−1."""
    return range(T) if reverse == backward else range(T - 1, -1, -1)


def sigmoid(a: np.ndarray) -> np.ndarray:
    """σ(a) = 1 / (1 + e^(−a)); where e^(−a) overflows to ∞ the result is 0, as it should."""
    with np.errstate(over="ignore"):
        e = np.exp(-a)
    e += 1.0
    return np.divide(1.0, e, out=e)


def previous_states(states: np.ndarray, first: np.ndarray, reverse: bool) -> np.ndarray:
    """The state each step started from, ``(T, ·)``: h_{t-1} (forward direction) or
    h_{t+1} (backward direction), and ``first`` (the initial state) for the first step."""
    prev = np.empty_like(states)
    if reverse:
        prev[:-1], prev[-1] = states[1:], first
    else:
        prev[1:], prev[0] = states[:-1], first
    return prev


def previous_steps(T: int, reverse: bool) -> tuple[slice, slice, int]:
    """:func:`previous_states` without building the copy: steps ``rest`` started from
    ``states[prev]``, step ``first`` from the initial state."""
    if reverse:  # h_{t+1}
        return slice(0, T - 1), slice(1, T), T - 1
    return slice(1, T), slice(0, T - 1), 0  # h_{t-1}


def input_projection(x: np.ndarray, w_ih: np.ndarray, bias: np.ndarray, dtype) -> np.ndarray:
    """``x W_ih^T + bias`` for every step at once, ``(T, B, G*H)``: one large matrix product
    instead of T small ones, since no step's input depends on the state."""
    T, B, I = x.shape
    out = np.empty((T, B, w_ih.shape[0]), dtype=dtype)
    np.matmul(x.reshape(T * B, I), w_ih.T, out=out.reshape(T * B, -1))
    out += bias
    return out


# The weight gradients are sums over time of outer products, one matrix product each after
# the loop.  They are computed as (x^T dpre)^T: with the long T*B axis inside, this
# orientation suits BLAS better for these shapes.
def input_grads(dpre: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``dW_ih = sum_t dpre_t^T x_t`` and ``db = sum_t dpre_t``."""
    T, B, G = dpre.shape
    flat = dpre.reshape(T * B, G)
    return np.ascontiguousarray((x.reshape(T * B, -1).T @ flat).T), flat.sum(axis=0)


def recurrent_grad(
    dpre: np.ndarray, states: np.ndarray, first_state: np.ndarray, reverse: bool,
) -> np.ndarray:
    """``dW_hh = sum_t dpre_t^T h_prev_t``, from the state array itself (no shifted copy)."""
    T, B, G = dpre.shape
    rest, prev, first = previous_steps(T, reverse)
    w_hh = first_state.T @ dpre[first]
    if T > 1:
        w_hh += states[prev].reshape(-1, states.shape[-1]).T @ dpre[rest].reshape(-1, G)
    return np.ascontiguousarray(w_hh.T)


# With ``per_step=True`` the backward passes return every gradient step by step,
# ``(T, *shape)``, summed over the batch but not over time: ``grads[k][t]`` is the part that
# arises where step t uses the weight.  The sums over t are the usual gradients.
def input_grads_per_step(dpre: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.einsum("tbg,tbi->tgi", dpre, x), dpre.sum(axis=1)


def recurrent_grad_per_step(
    dpre: np.ndarray, states: np.ndarray, first_state: np.ndarray, reverse: bool,
) -> np.ndarray:
    return np.einsum("tbg,tbh->tgh", dpre, previous_states(states, first_state, reverse))
