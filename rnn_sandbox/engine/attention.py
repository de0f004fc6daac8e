"""Attention: a sequence-to-sequence decoder looks back at every encoder step, written out.

Global attention as Luong et al. define it ("Effective Approaches to Attention-based
Neural Machine Translation", 2015) with their dot and general scores, and Bahdanau et
al.'s additive score.  The decoder runs as without attention (teacher forcing, started
from the encoder's final states); attention changes what the read-out sees: instead of
the decoder's state s_t, a mix of s_t and the encoder outputs it attends to.

Names: h_j the encoder's outputs, the top layer's directions concatenated [forward;
backward] as ``torch.nn.GRU``'s ``output`` (width E = D·H); s_t the decoder's top layer
(width H); m_j the source mask (1 real, 0 padding).  Nothing here is recurrent, so all
decoder steps are done at once, and generation calls the same code with one step.

Forward, for every decoder step t and source step j::

    dot       e_tj = s_t · h_j                         (only when E = H)
    general   e_tj = s_t · k_j,     k_j = W_a h_j       attention.weight (H, E)
    additive  e_tj = v · u_tj,      u_tj = tanh(q_t + k_j),  q_t = W_q s_t,  k_j = W_k h_j
              attention.query.weight (H, H), attention.key.weight (H, E), attention.v.weight (1, H)
    α_tj = m_j exp(e_tj) / Σ_k m_k exp(e_tk)           (a padded step weighs exactly 0)
    c_t  = Σ_j α_tj h_j                                  (the context)
    h̃_t  = tanh(W_c [c_t; s_t] + b_c)    attention.combine.weight (H, E + H), .bias (H)

and the head reads h̃_t.  Backward, from g_t = dL/dh̃_t::

    dz_t  = g_t (1 - h̃_t²)
    dW_c  = Σ_t dz_tᵀ [c_t; s_t]        db_c = Σ_t dz_t        [dc_t; ds_t] = dz_t W_c
    dα_tj = dc_t · h_j                  dh_j = Σ_t α_tj dc_t
    de_tj = α_tj (dα_tj - Σ_k α_tk dα_tk)                    (softmax; 0 where α is)
    dot       ds_t += Σ_j de_tj h_j     dh_j += Σ_t de_tj s_t
    general   ds_t += Σ_j de_tj k_j     dk_j  = Σ_t de_tj s_t
              dW_a  = Σ_j dk_jᵀ h_j     dh_j += dk_j W_a
    additive  dv    = Σ_tj de_tj u_tj   da_tj = de_tj v (1 - u_tj²)
              dq_t  = Σ_j da_tj         dW_q  = Σ_t dq_tᵀ s_t    ds_t += dq_t W_q
              dk_j  = Σ_t da_tj         dW_k  = Σ_j dk_jᵀ h_j    dh_j += dk_j W_k

ds_t joins what the decoder's top layer receives; dh_j is what every encoder output
receives directly from every decoder step, beside the path through the final state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.anatomy import (
    ATTENTION_PARAMS,
    COMBINE_BIAS,
    COMBINE_WEIGHT,
    attention_params,
)
from rnn_sandbox.engine.init import uniform

SCORES = ("dot", "general", "additive")
W_A = ATTENTION_PARAMS["general"][0][0]
W_Q, W_K, V = (name for name, _ in ATTENTION_PARAMS["additive"])


def attention_shapes(score: str, hidden: int, enc_width: int) -> dict[str, tuple[int, ...]]:
    """Names and shapes of the parameters of attention with ``score`` ("none": none), for
    decoder states of width ``hidden`` and encoder outputs of width ``enc_width``."""
    H, E = hidden, enc_width
    shapes = {W_A: (H, E), W_Q: (H, H), W_K: (H, E), V: (1, H),
              COMBINE_WEIGHT: (H, E + H), COMBINE_BIAS: (H,)}
    return {name: shapes[name] for name, _ in attention_params(score)}


def init_attention(
    rng: np.random.Generator, score: str, hidden: int, enc_width: int
) -> dict[str, np.ndarray]:
    """Initial weights as ``nn.Linear`` draws them: uniform ±1/√(inputs), the bias too."""
    out = {}
    for name, shape in attention_shapes(score, hidden, enc_width).items():
        fan_in = shape[1] if len(shape) == 2 else enc_width + hidden  # the bias: its layer's
        out[name] = uniform(rng, shape, 1.0 / np.sqrt(fan_in))
    return out


def _times(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``a @ w`` over the last axis of ``a`` as one 2-D matrix product (a batched product
    of a 3-D array with a matrix is many small ones)."""
    return (a.reshape(-1, a.shape[-1]) @ w).reshape(*a.shape[:-1], w.shape[-1])


def _outer_sum(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Σ over every leading index of the outer products a_i b_iᵀ: ``(A, B)``."""
    return a.reshape(-1, a.shape[-1]).T @ b.reshape(-1, b.shape[-1])


@dataclass
class AttentionCache:
    """What the backward pass needs from the forward pass (batch-major arrays)."""

    score: str
    h: np.ndarray  # (B, S, E) encoder outputs
    s: np.ndarray  # (B, T, H) decoder states
    keys: np.ndarray | None  # (B, S, H): W_a h_j (general) or W_k h_j (additive)
    u: np.ndarray | None  # (B, T, S, H) additive: tanh(q_t + k_j)
    alpha: np.ndarray  # (B, T, S) attention weights
    context: np.ndarray  # (B, T, E) c_t
    out: np.ndarray  # (B, T, H) h̃_t, what the head reads


def attention_forward(
    params: dict[str, np.ndarray],
    score: str,
    h_tm: np.ndarray,
    s_tm: np.ndarray,
    mask: np.ndarray | None,
) -> tuple[np.ndarray, AttentionCache]:
    """h̃ ``(T, B, H)`` for decoder states ``s_tm`` ``(T, B, H)`` attending to encoder
    outputs ``h_tm`` ``(S, B, E)``; ``mask`` ``(B, S)`` marks real source steps (``None``:
    all are)."""
    if score not in SCORES:
        raise ValueError(f"unknown attention score '{score}'")
    h = np.swapaxes(h_tm, 0, 1)  # (B, S, E)
    s = np.swapaxes(s_tm, 0, 1)  # (B, T, H)
    keys = u = None
    if score == "dot":
        if h.shape[-1] != s.shape[-1]:
            raise ValueError("dot scores need encoder outputs as wide as the decoder's state")
        e = s @ np.swapaxes(h, 1, 2)  # e_tj = s_t · h_j
    elif score == "general":
        keys = _times(h, params[W_A].T)  # k_j = W_a h_j
        e = s @ np.swapaxes(keys, 1, 2)  # e_tj = s_t · k_j
    else:
        keys = _times(h, params[W_K].T)  # k_j = W_k h_j
        q = _times(s, params[W_Q].T)  # q_t = W_q s_t
        u = q[:, :, None, :] + keys[:, None, :, :]
        np.tanh(u, out=u)  # u_tj = tanh(q_t + k_j), in place: u is the largest array here
        e = _times(u, params[V].T)[..., 0]  # e_tj = v · u_tj
    alpha = masked_softmax(e, mask)  # α_tj
    context = alpha @ h  # c_t = Σ_j α_tj h_j
    both = np.concatenate([context, s], axis=-1)  # [c_t; s_t]
    out = np.tanh(_times(both, params[COMBINE_WEIGHT].T) + params[COMBINE_BIAS])  # h̃_t
    cache = AttentionCache(score, h, s, keys, u, alpha, context, out)
    return np.ascontiguousarray(np.swapaxes(out, 0, 1)), cache


def masked_softmax(e: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """Softmax over the last axis (source steps) where ``mask`` ``(B, S)`` is non-zero;
    exactly 0 elsewhere (a sample without a real step attends to nothing)."""
    if mask is not None:
        real = (np.asarray(mask) != 0)[:, None, :]
        e = np.where(real, e, -np.inf)
    top = e.max(axis=-1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    w = np.exp(e - top)  # exp(-inf) = 0 on padding
    total = w.sum(axis=-1, keepdims=True)
    return w / np.where(total > 0, total, 1.0)


def attention_backward(
    params: dict[str, np.ndarray],
    cache: AttentionCache,
    d_out_tm: np.ndarray,
    per_step: bool = False,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """From dL/dh̃ ``(T, B, H)``: ``(ds (T, B, H), dh (S, B, E), grads)``.  With
    ``per_step`` each gradient is ``(T, *shape)``: the part of each decoder step t."""
    c = cache
    h, s, alpha = c.h, c.s, c.alpha
    E = h.shape[-1]
    g = np.swapaxes(d_out_tm, 0, 1)  # (B, T, H)
    dz = g * (1.0 - c.out * c.out)  # dz_t = g_t (1 - h̃_t²)
    both = np.concatenate([c.context, s], axis=-1)
    grads: dict[str, np.ndarray] = {}
    if per_step:
        grads[COMBINE_WEIGHT] = np.einsum("bth,btk->thk", dz, both)
        grads[COMBINE_BIAS] = dz.sum(axis=0)
    else:
        grads[COMBINE_WEIGHT] = _outer_sum(dz, both)
        grads[COMBINE_BIAS] = dz.reshape(-1, dz.shape[-1]).sum(axis=0)
    d_both = _times(dz, params[COMBINE_WEIGHT])  # [dc_t; ds_t] = dz_t W_c
    dc, ds = d_both[..., :E], d_both[..., E:].copy()
    d_alpha = dc @ np.swapaxes(h, 1, 2)  # dα_tj = dc_t · h_j
    dh = np.swapaxes(alpha, 1, 2) @ dc  # dh_j = Σ_t α_tj dc_t
    # de_tj = α_tj (dα_tj - Σ_k α_tk dα_tk)
    de = alpha * (d_alpha - (alpha * d_alpha).sum(axis=-1, keepdims=True))
    if c.score == "dot":
        ds += de @ h  # ds_t += Σ_j de_tj h_j
        dh += np.swapaxes(de, 1, 2) @ s  # dh_j += Σ_t de_tj s_t
    elif c.score == "general":
        assert c.keys is not None  # general scores keep W_a h_j
        ds += de @ c.keys  # ds_t += Σ_j de_tj k_j
        dk = np.swapaxes(de, 1, 2) @ s  # dk_j = Σ_t de_tj s_t
        dh += _times(dk, params[W_A])  # dh_j += dk_j W_a
        grads[W_A] = (
            np.einsum("bts,bth,bse->the", de, s, h, optimize=True) if per_step
            else _outer_sum(dk, h)  # dW_a = Σ_j dk_jᵀ h_j
        )
    else:
        assert c.u is not None  # additive scores keep u_tj
        u = c.u
        v = params[V][0]
        da = np.multiply(u, u)  # da_tj = de_tj v (1 - u_tj²), in place
        np.subtract(1.0, da, out=da)
        da *= v
        da *= de[..., None]
        dq = da.sum(axis=2)  # dq_t = Σ_j da_tj
        dk = da.sum(axis=1)  # dk_j = Σ_t da_tj
        ds += _times(dq, params[W_Q])  # ds_t += dq_t W_q
        dh += _times(dk, params[W_K])  # dh_j += dk_j W_k
        if per_step:
            grads[W_Q] = np.einsum("bth,btk->thk", dq, s)
            grads[W_K] = np.einsum("btsh,bse->the", da, h)
            grads[V] = np.einsum("bts,btsh->th", de, u)[:, None, :]
        else:
            grads[W_Q] = _outer_sum(dq, s)
            grads[W_K] = _outer_sum(dk, h)
            grads[V] = _outer_sum(de[..., None], u)  # dv = Σ_tj de_tj u_tj
    return np.swapaxes(ds, 0, 1), np.swapaxes(dh, 0, 1), grads
