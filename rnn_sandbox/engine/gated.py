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
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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


def _prev(states: np.ndarray, first: np.ndarray, reverse: bool) -> np.ndarray:
    """The state each step started from (h_{t-1}, or h_{t+1} for the backward direction)."""
    out = np.empty_like(states)
    if reverse:
        out[:-1], out[-1] = states[1:], first
    else:
        out[1:], out[0] = states[:-1], first
    return out


def _cut(truncation: int, T: int, p: int) -> bool:
    steps_from_start = T - 1 - p
    return bool(truncation) and steps_from_start > 0 and steps_from_start % truncation == 0


def _param_grads(dx_side, dh_side, x, h_prev):
    T, B, G = dx_side.shape
    fx, fh = dx_side.reshape(T * B, G), dh_side.reshape(T * B, G)
    return {
        "weight_ih": fx.T @ x.reshape(T * B, -1),
        "weight_hh": fh.T @ h_prev.reshape(T * B, -1),
        "bias_ih": fx.sum(axis=0),
        "bias_hh": fh.sum(axis=0),
    }


# -- LSTM ------------------------------------------------------------------------------
def lstm_dir_forward(x, w_ih, w_hh, b_ih, b_hh, h0, c0, mask, reverse):
    T = x.shape[0]
    H = w_hh.shape[1]
    # σ(a) = (1 + tanh(a/2)) / 2: pre-scaling the i, f, o rows by 1/2 lets one tanh call per
    # step produce all four gates, which keeps the per-step Python work small.
    half = np.full(4 * H, 0.5)
    half[2 * H : 3 * H] = 1.0
    offset = np.where(half == 0.5, 0.5, 0.0)
    gates = (x @ w_ih.T + (b_ih + b_hh)) * half
    w_hh_t = np.ascontiguousarray((w_hh * half[:, None]).T)
    h_all = np.empty(gates.shape[:2] + (H,), dtype=gates.dtype)
    c_all, tanh_c = np.empty_like(h_all), np.empty_like(h_all)
    h, c = h0, c0
    for t in _order(T, reverse, backward=False):
        a = gates[t]
        a += h @ w_hh_t
        np.tanh(a, out=a)
        a *= half
        a += offset  # a now holds [i, f, g, o]
        i, f, g, o = a[:, :H], a[:, H : 2 * H], a[:, 2 * H : 3 * H], a[:, 3 * H :]
        c_new = f * c
        c_new += i * g
        tc = np.tanh(c_new, out=tanh_c[t])
        h_new = np.multiply(o, tc, out=h_all[t])
        if mask is not None:
            m = mask[t]
            h_all[t] = m * h_new + (1.0 - m) * h
            c_new = m * c_new + (1.0 - m) * c
        c_all[t] = c_new
        h, c = h_all[t], c_all[t]
    return h_all, GatedCache(x, h_all, h0, reverse, mask, gates, c_all, c0, tanh_c)


def lstm_dir_backward(cache: GatedCache, dh_out, dh_last, dc_last, w_ih, w_hh, truncation=0):
    x, mask, gates = cache.x, cache.mask, cache.gates
    T, B, H = cache.h.shape
    c_prev = _prev(cache.c, cache.c0, cache.reverse)
    i, f = gates[..., :H], gates[..., H : 2 * H]
    g, o = gates[..., 2 * H : 3 * H], gates[..., 3 * H :]
    tc = cache.tanh_c
    # Everything that does not depend on the gradient flowing back is computed for all steps
    # at once: the local derivatives of each pre-activation, per gate, in PyTorch's order.
    #   d(pre_i) = dc' * g * i(1-i)     d(pre_f) = dc' * c * f(1-f)
    #   d(pre_g) = dc' * i * (1-g²)     d(pre_o) = dh * tanh(c') * o(1-o)
    dpre_all = np.concatenate(
        [g * i * (1 - i), c_prev * f * (1 - f), i * (1 - g * g), tc * o * (1 - o)], axis=-1
    )
    o_dtanh = o * (1 - tc * tc)  # how h' = o tanh(c') passes dh on to c'
    by_gate = dpre_all.reshape(T, B, 4, H)
    dh_total, dc_total = np.empty_like(cache.h), np.empty_like(cache.h)
    dh = np.zeros((B, H), dtype=x.dtype) if dh_last is None else dh_last.copy()
    dc = np.zeros((B, H), dtype=x.dtype) if dc_last is None else dc_last.copy()
    for p, t in enumerate(_order(T, cache.reverse, backward=True)):
        dh = np.add(dh, dh_out[t], out=dh_total[t])
        if mask is None:
            dh_new, dc_new = dh, dc
        else:
            m = mask[t]
            dh_new, dc_new = m * dh, m * dc
        dc_new = np.add(dc_new, dh_new * o_dtanh[t], out=dc_total[t])
        by_gate[t, :, :3] *= dc_new[:, None, :]
        by_gate[t, :, 3] *= dh_new
        dh_next = dpre_all[t] @ w_hh
        dc_next = dc_new * f[t]
        if mask is not None:
            dh_next += (1.0 - m) * dh
            dc_next += (1.0 - m) * dc
        dh, dc = dh_next, dc_next
        if _cut(truncation, T, p):
            dh, dc = np.zeros_like(dh), np.zeros_like(dc)
    h_prev = _prev(cache.h, cache.h0, cache.reverse)
    grads = _param_grads(dpre_all, dpre_all, x, h_prev)
    return dpre_all @ w_ih, dh, dc, grads, dh_total, dc_total


# -- GRU -------------------------------------------------------------------------------
def gru_dir_forward(x, w_ih, w_hh, b_ih, b_hh, h0, mask, reverse):
    T = x.shape[0]
    H = w_hh.shape[1]
    xp = x @ w_ih.T + b_ih
    gates = np.empty_like(xp)
    h_all = np.empty(xp.shape[:2] + (H,), dtype=xp.dtype)
    hn_lin = np.empty_like(h_all)
    h = h0
    for t in _order(T, reverse, backward=False):
        hp = h @ w_hh.T + b_hh
        r = sigmoid(xp[t, :, :H] + hp[:, :H])
        z = sigmoid(xp[t, :, H : 2 * H] + hp[:, H : 2 * H])
        n = np.tanh(xp[t, :, 2 * H :] + r * hp[:, 2 * H :])
        h_new = (1.0 - z) * n + z * h
        if mask is not None:
            m = mask[t]
            h_new = m * h_new + (1.0 - m) * h
        gates[t, :, :H], gates[t, :, H : 2 * H], gates[t, :, 2 * H :] = r, z, n
        hn_lin[t] = hp[:, 2 * H :]
        h_all[t] = h_new
        h = h_all[t]
    return h_all, GatedCache(x, h_all, h0, reverse, mask, gates, hn_lin=hn_lin)


def gru_dir_backward(cache: GatedCache, dh_out, dh_last, w_ih, w_hh, truncation=0):
    x, mask, gates = cache.x, cache.mask, cache.gates
    T, B, H = cache.h.shape
    h_prev = _prev(cache.h, cache.h0, cache.reverse)
    r, z, n = gates[..., :H], gates[..., H : 2 * H], gates[..., 2 * H :]
    # Local derivatives for all steps at once; the loop only multiplies them by dh.
    #   da_n = dh (1-z)(1-n²)      da_r = da_n (h W_hn^T + b_hn) r(1-r)
    #   da_z = dh (h - n) z(1-z)
    k_n = (1 - z) * (1 - n * n)
    k_r = k_n * cache.hn_lin * r * (1 - r)
    k_z = (h_prev - n) * z * (1 - z)
    dx_side = np.concatenate([k_r, k_z, k_n], axis=-1)  # input side: [da_r, da_z, da_n]
    dh_side = np.concatenate([k_r, k_z, k_n * r], axis=-1)  # hidden side: da_n scaled by r
    x_by_gate, h_by_gate = dx_side.reshape(T, B, 3, H), dh_side.reshape(T, B, 3, H)
    dh_total = np.empty_like(cache.h)
    dh = np.zeros((B, H), dtype=x.dtype) if dh_last is None else dh_last.copy()
    for p, t in enumerate(_order(T, cache.reverse, backward=True)):
        dh = np.add(dh, dh_out[t], out=dh_total[t])
        dh_new = dh if mask is None else mask[t] * dh
        x_by_gate[t] *= dh_new[:, None, :]
        h_by_gate[t] *= dh_new[:, None, :]
        dh_next = dh_side[t] @ w_hh
        dh_next += dh_new * z[t]
        if mask is not None:
            dh_next += (1.0 - mask[t]) * dh
        dh = dh_next
        if _cut(truncation, T, p):
            dh = np.zeros_like(dh)
    grads = _param_grads(dx_side, dh_side, x, h_prev)
    return dx_side @ w_ih, dh, grads, dh_total
