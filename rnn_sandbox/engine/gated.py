"""Gated cells, LSTM and GRU, one direction forward and backward through time.

Same conventions as :mod:`rnn_sandbox.engine.cells`: time-major ``(T, B, ·)``, a mask
``(T, B, 1)`` that carries the state over padded steps, PyTorch's equations and gate order.

LSTM (``torch.nn.LSTM``; weights stacked as input, forget, cell, output gates)::

    i = σ(x W_ii^T + b_ii + h W_hi^T + b_hi)      f = σ(… W_if …)
    g = tanh(x W_ig^T + b_ig + h W_hg^T + b_hg)   o = σ(… W_io …)
    c' = f * c + i * g
    h' = o * tanh(c')

Backward, for each step from the last (the "monster of chain rules", one line at a time)::

    do  = dh * tanh(c')
    dc' = dc_next + dh * o * (1 - tanh(c')²)      # the cell state's own highway
    di  = dc' * g     dg = dc' * i     df = dc' * c
    dc_next = dc' * f                              # gradient kept alive when f ≈ 1
    d(pre-activations) = [di·i(1-i), df·f(1-f), dg·(1-g²), do·o(1-o)]
    dh_next = d(pre) W_hh

GRU (``torch.nn.GRU``; reset, update, new)::

    r = σ(x W_ir^T + b_ir + h W_hr^T + b_hr)      z = σ(… W_iz … W_hz …)
    n = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))
    h' = (1 - z) * n + z * h

Backward::

    dn = dh (1 - z)      dz = dh (h - n)      dh_next = dh z (+ the paths below)
    da_n = dn (1 - n²)   dr = da_n * (h W_hn^T + b_hn)
    da_r = dr r(1-r)     da_z = dz z(1-z)
    input side: [da_r, da_z, da_n];  hidden side: [da_r, da_z, da_n * r]
    dh_next += (hidden side) W_hh

Speed: as in :mod:`~rnn_sandbox.engine.cells`, everything that does not depend on the
previous step (input projections, the local derivatives of every gate) is done for all steps
at once outside the time loops, and each step is one matrix product plus a handful of
in-place operations on preallocated arrays (``out=``), without temporaries.  In the loops,
padding costs only on steps that have padded rows: a padded row keeps its state (forward) and
passes its gradient on unchanged (backward); its gate derivatives are zeroed (LSTM: on those
steps; GRU: in the precomputed arrays).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.cells import previous_states
from rnn_sandbox.engine.timeloop import padding, truncated_here


def sigmoid(a: np.ndarray) -> np.ndarray:
    # Written via tanh: numerically stable for large |a| and exact at a = 0.
    return 0.5 * (1.0 + np.tanh(0.5 * a))


@dataclass
class GatedCache:
    x: np.ndarray  # (T, B, I)
    h: np.ndarray  # (T, B, H) hidden state after each step
    h0: np.ndarray
    reverse: bool
    mask: np.ndarray | None
    gates: np.ndarray  # (T, B, G*H) gate activations in PyTorch order
    c: np.ndarray | None = None  # LSTM: cell state after each step (T, B, H)
    c0: np.ndarray | None = None
    tanh_c: np.ndarray | None = None  # LSTM: tanh of the freshly computed cell state
    hn_lin: np.ndarray | None = None  # GRU: h W_hn^T + b_hn, needed by the reset gate


def _order(T: int, reverse: bool, backward: bool) -> range:
    forward_in_time = reverse == backward
    return range(T) if forward_in_time else range(T - 1, -1, -1)


def _prev_steps(T: int, reverse: bool) -> tuple[slice, slice, int]:
    """Index the state each step started from without building a shifted copy of the states:
    steps ``rest`` started from ``states[prev]``, step ``first`` from the initial state."""
    if reverse:  # h_{t+1}
        return slice(0, T - 1), slice(1, T), T - 1
    return slice(1, T), slice(0, T - 1), 0  # h_{t-1}


# The weight gradients are sums over time of outer products, one matrix product each after
# the loop.  They are computed as (x^T dpre)^T: with the long T*B axis inside, this
# orientation suits BLAS better for these shapes.
def _input_grads(dpre, x):
    """``dW_ih = sum_t dpre_t^T x_t`` and ``db = sum_t dpre_t``."""
    T, B, G = dpre.shape
    flat = dpre.reshape(T * B, G)
    return np.ascontiguousarray((x.reshape(T * B, -1).T @ flat).T), flat.sum(axis=0)


def _recurrent_grad(dpre, states, first_state, reverse):
    """``dW_hh = sum_t dpre_t^T h_prev_t``, from the state array itself (no shifted copy)."""
    T, B, G = dpre.shape
    rest, prev, first = _prev_steps(T, reverse)
    w_hh = first_state.T @ dpre[first]
    if T > 1:
        w_hh += states[prev].reshape(-1, states.shape[-1]).T @ dpre[rest].reshape(-1, G)
    return np.ascontiguousarray(w_hh.T)


# With ``per_step=True`` the backward functions return every gradient step by step,
# ``(T, *shape)``, summed over the batch but not over time: ``grads[k][t]`` is the part that
# arises where step t uses the weight.  The sums over t are the usual gradients.
def _input_grads_per_step(dpre, x):
    return np.einsum("tbg,tbi->tgi", dpre, x), dpre.sum(axis=1)


def _recurrent_grad_per_step(dpre, states, first_state, reverse):
    return np.einsum("tbg,tbh->tgh", dpre, previous_states(states, first_state, reverse))


def _input_projection(x: np.ndarray, w_ih: np.ndarray, bias: np.ndarray, dtype) -> np.ndarray:
    """``x W_ih^T + bias`` for every step at once, ``(T, B, G*H)``: one large matrix product."""
    T, B, I = x.shape
    out = np.empty((T, B, w_ih.shape[0]), dtype=dtype)
    np.matmul(x.reshape(T * B, I), w_ih.T, out=out.reshape(T * B, -1))
    out += bias
    return out


# -- LSTM ------------------------------------------------------------------------------
def lstm_dir_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
    h0: np.ndarray, c0: np.ndarray, mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, GatedCache]:
    T, B, _ = x.shape
    H = w_hh.shape[1]
    dtype = np.result_type(x, w_ih, w_hh)
    # σ(a) = (1 + tanh(a/2)) / 2: pre-scaling the i, f, o rows by 1/2 lets one tanh call per
    # step produce all four gates, which keeps the per-step Python work small.
    half = np.full(4 * H, 0.5, dtype=dtype)
    half[2 * H : 3 * H] = 1.0
    offset = np.where(half == 0.5, 0.5, 0.0).astype(dtype)
    # Halving the (small) weight matrices and biases is exact and spares a pass over the gates.
    gates = _input_projection(x, w_ih * half[:, None], (b_ih + b_hh) * half, dtype)
    w_hh_t = np.ascontiguousarray((w_hh * half[:, None]).T)
    h_all = np.empty((T, B, H), dtype=dtype)
    c_all, tanh_c = np.empty_like(h_all), np.empty_like(h_all)
    rec = np.empty((B, 4 * H), dtype=dtype)  # h W_hh^T, reused every step
    ig = np.empty((B, H), dtype=dtype)  # i * g, reused every step
    pad, any_pad = padding(mask, T)
    h, c = np.asarray(h0, dtype=dtype), np.asarray(c0, dtype=dtype)
    for t in _order(T, reverse, backward=False):
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
    return h_all, GatedCache(x, h_all, h0, reverse, mask, gates, c_all, c0, tanh_c)


def lstm_dir_backward(
    cache: GatedCache, dh_out: np.ndarray, dh_last: np.ndarray | None,
    dc_last: np.ndarray | None, w_ih: np.ndarray, w_hh: np.ndarray, truncation: int = 0,
    per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray, np.ndarray]:
    x, gates = cache.x, cache.gates
    T, B, H = cache.h.shape
    dtype = cache.h.dtype
    i, f = gates[..., :H], gates[..., H : 2 * H]
    g, o = gates[..., 2 * H : 3 * H], gates[..., 3 * H :]
    tc, c, c0 = cache.tanh_c, cache.c, cache.c0
    assert tc is not None and c is not None and c0 is not None  # an LSTM's cache holds them
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
    rest, prev, first = _prev_steps(T, cache.reverse)
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
    for p, t in enumerate(_order(T, cache.reverse, backward=True)):
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
    input_grads, recurrent_grad = (
        (_input_grads_per_step, _recurrent_grad_per_step) if per_step
        else (_input_grads, _recurrent_grad)
    )
    w_ih_grad, db = input_grads(dpre_all, x)
    grads = {
        "weight_ih": w_ih_grad,
        "weight_hh": recurrent_grad(dpre_all, cache.h, cache.h0, cache.reverse),
        "bias_ih": db,
        "bias_hh": db.copy(),  # both biases add to the same pre-activation
    }
    dx = np.dot(dpre_all.reshape(T * B, 4 * H), w_ih).reshape(T, B, -1)
    return dx, dh_next, dc_next, grads, dh_total, dc_total


# -- GRU -------------------------------------------------------------------------------
def gru_dir_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
    h0: np.ndarray, mask: np.ndarray | None, reverse: bool,
) -> tuple[np.ndarray, GatedCache]:
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
    gates = _input_projection(x, w_ih * half[:, None], bias * half, dtype)
    w_hh_t = np.ascontiguousarray((w_hh * half[:, None]).T)
    b_hn = b_hh[2 * H :]
    h_all = np.empty((T, B, H), dtype=dtype)
    hn_lin = np.empty_like(h_all)
    rec = np.empty((B, 3 * H), dtype=dtype)  # h W_hh^T (r, z rows halved), reused every step
    rh = np.empty((B, H), dtype=dtype)  # r * (h W_hn^T + b_hn), reused every step
    pad, any_pad = padding(mask, T)
    h = np.asarray(h0, dtype=dtype)
    for t in _order(T, reverse, backward=False):
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
    return h_all, GatedCache(x, h_all, h0, reverse, mask, gates, hn_lin=hn_lin)


def gru_dir_backward(
    cache: GatedCache, dh_out: np.ndarray, dh_last: np.ndarray | None, w_ih: np.ndarray,
    w_hh: np.ndarray, truncation: int = 0, per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    x, gates = cache.x, cache.gates
    T, B, H = cache.h.shape
    dtype = cache.h.dtype
    r, z, n = gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]
    pad, any_pad = padding(cache.mask, T)
    # Local derivatives for all steps at once; the loop only multiplies them by dh.
    #   da_n = dh (1-z)(1-n²)      da_r = da_n (h W_hn^T + b_hn) r(1-r)
    #   da_z = dh (h - n) z(1-z)
    # dpre holds the hidden side [da_r, da_z, da_n * r] first (for dh_next and W_hh); its last
    # block becomes the input side's da_n after the loop.
    dpre = np.subtract(1.0, gates)  # [1 - r, 1 - z, 1 - n]
    by_gate = dpre.reshape(T, B, 3, H)
    k_r, k_z, k_nr = (by_gate[:, :, j] for j in range(3))
    k_n = n * n
    np.subtract(1.0, k_n, out=k_n)
    k_n *= k_z  # (1 - z)(1 - n²)
    dpre[..., : 2 * H] *= gates[..., : 2 * H]  # a (1 - a): σ' for r and z
    if pad is not None:  # a padded row passes nothing to its gates
        keep = (~pad).astype(dtype)
        k_n *= keep  # and so to da_r and da_n, which carry this factor
        k_z *= keep
    k_r *= k_n
    k_r *= cache.hn_lin
    rest, prev, first = _prev_steps(T, cache.reverse)
    np.subtract(cache.h[prev], n[rest], out=k_nr[rest])  # h - n, with h the state before
    np.subtract(cache.h0, n[first], out=k_nr[first])
    k_z *= k_nr
    np.multiply(k_n, r, out=k_nr)
    dh_total = np.empty_like(cache.h)
    dh_next = np.zeros((B, H), dtype=dtype)
    if dh_last is not None:
        dh_next += dh_last
    dhz = np.empty((B, H), dtype=dtype)  # dh * z, reused every step
    for p, t in enumerate(_order(T, cache.reverse, backward=True)):
        dh = np.add(dh_out[t], dh_next, out=dh_total[t])
        by_gate[t] *= dh[:, None, :]
        if truncated_here(truncation, T, p):  # truncated BPTT: nothing flows further back
            dh_next.fill(0.0)
            continue
        np.dot(dpre[t], w_hh, out=dh_next)  # dh_next = (hidden side) W_hh + dh z
        dh_next += np.multiply(dh, z[t], out=dhz)
        if pad is not None and any_pad[t]:  # a padded row carries dh over unchanged
            np.copyto(dh_next, dh, where=pad[t])
    input_grads, recurrent_grad = (
        (_input_grads_per_step, _recurrent_grad_per_step) if per_step
        else (_input_grads, _recurrent_grad)
    )
    w_hh_grad = recurrent_grad(dpre, cache.h, cache.h0, cache.reverse)
    b_hh_grad = dpre.sum(axis=1) if per_step else dpre.reshape(T * B, 3 * H).sum(axis=0)
    # The input side differs only in the new gate's block: da_n instead of da_n * r.
    np.multiply(k_n, dh_total, out=k_nr)
    w_ih_grad, b_ih_grad = input_grads(dpre, x)
    grads = {
        "weight_ih": w_ih_grad,
        "weight_hh": w_hh_grad,
        "bias_ih": b_ih_grad,
        "bias_hh": b_hh_grad,
    }
    dx = np.dot(dpre.reshape(T * B, 3 * H), w_ih).reshape(T, B, -1)
    return dx, dh_next, grads, dh_total
