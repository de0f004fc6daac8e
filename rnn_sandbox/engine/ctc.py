"""Connectionist temporal classification (CTC): a loss for frames that carry unaligned labels.

The network emits, at each frame, scores for every label plus a *blank*.  A label sequence
such as ``c a t`` is reached by any frame path that collapses to it: merge repeated symbols,
then drop blanks (``c c - a - t t`` → ``cat``).  The loss is minus the log of the summed
probability of all those paths, found with the forward–backward recursion over the
"extended" labels ``- c - a - t -`` (a blank before, between and after the labels).  A blank
is obligatory between two equal labels, otherwise ``l l`` would merge into one ``l``.

Everything is in log space and batched over samples; only time is a Python loop.
Conventions follow ``torch.nn.CTCLoss(reduction="mean", zero_infinity=True)``: each sample's
negative log-likelihood is divided by its label length (at least 1) and the batch mean is
taken; a sample whose labels cannot fit its frames (too few frames for the labels and the
blanks that repeats need) contributes zero loss and zero gradient instead of infinity.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.engine.losses import log_softmax

NEG_INF = -np.inf


def _extended(labels: np.ndarray, lengths: np.ndarray, blank: int):
    """Extended label indices ``(B, S)`` (S = 2L+1) and where skipping a blank is allowed."""
    B, L = labels.shape
    S = 2 * L + 1
    ext = np.full((B, S), blank, dtype=np.intp)
    ext[:, 1::2] = labels
    # A skip from s-2 to s is allowed onto a label that differs from the label before it.
    skip = np.zeros((B, S), dtype=bool)
    if L > 1:
        skip[:, 3::2] = labels[:, 1:] != labels[:, :-1]
    # Positions beyond each sample's labels are unreachable from its final states anyway;
    # forbidding skips into them keeps the recursion tidy.
    skip &= np.arange(S)[None, :] <= 2 * lengths[:, None]
    return ext, skip


def _shift(a: np.ndarray, k: int) -> np.ndarray:
    """``a`` moved ``k`` places to the right along the last axis, filled with -inf."""
    out = np.full_like(a, NEG_INF)
    out[:, k:] = a[:, :-k]
    return out


def _shift_left(a: np.ndarray, k: int) -> np.ndarray:
    out = np.full_like(a, NEG_INF)
    out[:, :-k] = a[:, k:]
    return out


def ctc_loss(
    logits: np.ndarray,
    labels: np.ndarray,
    frame_mask: np.ndarray | None = None,
    label_mask: np.ndarray | None = None,
    blank: int = 0,
) -> tuple[float, np.ndarray]:
    """CTC loss of per-frame ``logits`` ``(B, T, C)`` against padded ``labels`` ``(B, L)``.

    ``frame_mask`` ``(B, T)`` marks real frames (a padded frame is skipped, as if absent);
    ``label_mask`` ``(B, L)`` marks real labels.  Returns ``(loss, d_logits)`` with the
    gradient of the loss with respect to the logits (zero on padded frames).
    """
    logits = np.asarray(logits)
    B, T, C = logits.shape
    labels = np.asarray(labels).astype(np.intp).reshape(B, -1)
    L = labels.shape[1]
    lmask = (
        np.ones((B, L), dtype=bool) if label_mask is None else np.asarray(label_mask) > 0
    )
    fmask = np.ones((B, T), dtype=bool) if frame_mask is None else np.asarray(frame_mask) > 0
    lengths = lmask.sum(axis=1)
    # Padded labels may hold any value; give them a valid index (they are never reached).
    labels = np.where(lmask, labels, blank)
    if labels.size and (labels.min() < 0 or labels.max() >= C):
        raise ValueError(f"CTC labels must lie in [0, {C}); got {labels.min()}..{labels.max()}")
    if np.any(lmask & (labels == blank)):
        raise ValueError(f"CTC labels must not contain the blank ({blank})")

    logp = log_softmax(logits)
    ext, skip = _extended(labels, lengths, blank)
    S = ext.shape[1]
    # Log-probability of each extended label at each frame: (B, T, S).
    emit = np.take_along_axis(logp, np.broadcast_to(ext[:, None, :], (B, T, S)), axis=2)
    skip_in = skip  # transitions s-2 → s allowed
    skip_out = np.zeros_like(skip)  # transitions s → s+2 allowed
    skip_out[:, :-2] = skip[:, 2:]

    # Forward: alpha[t, b, s] = log P(prefix paths ending in s after frame t).
    alpha = np.empty((T, B, S), dtype=logp.dtype)
    a = np.full((B, S), NEG_INF, dtype=logp.dtype)
    a[:, 0] = 0.0  # before the first frame: "just left the blank at position 0"
    with np.errstate(invalid="ignore"):
        for t in range(T):
            prev = np.logaddexp(a, _shift(a, 1))
            prev = np.logaddexp(prev, np.where(skip_in, _shift(a, 2), NEG_INF))
            new = prev + emit[:, t]
            m = fmask[:, t : t + 1]
            a = np.where(m, new, a)
            alpha[t] = a

        # The path must end on the last label or the blank after it.
        final = np.full((B, S), NEG_INF, dtype=logp.dtype)
        rows = np.arange(B)
        final[rows, 2 * lengths] = 0.0
        has_label = lengths > 0
        final[rows[has_label], 2 * lengths[has_label] - 1] = 0.0
        ll = np.logaddexp.reduce(a + final, axis=1) if T > 0 else final[:, 0]

        # Backward: beta[t, b, s] = log P(frames after t | in s after frame t).
        beta = np.empty((T, B, S), dtype=logp.dtype)
        b_ = final
        for t in range(T - 1, -1, -1):
            beta[t] = b_
            e = emit[:, t] + b_
            nxt = np.logaddexp(e, _shift_left(e, 1))
            nxt = np.logaddexp(nxt, np.where(skip_out, _shift_left(e, 2), NEG_INF))
            b_ = np.where(fmask[:, t : t + 1], nxt, b_)

    feasible = np.isfinite(ll)
    norm = np.maximum(lengths, 1).astype(logp.dtype)
    nll = np.where(feasible, -ll, 0.0)
    loss = float(np.sum(nll / norm) / B)

    # d(-ll)/d logits = softmax - (posterior occupancy of each class at each frame).
    grad = np.zeros_like(logp)
    if T > 0 and feasible.any():
        ll_safe = np.where(feasible, ll, 0.0)
        log_gamma = np.swapaxes(alpha + beta, 0, 1) - ll_safe[:, None, None]  # (B, T, S)
        gamma = np.exp(log_gamma)
        occ = np.zeros_like(logp)
        bi = np.broadcast_to(np.arange(B)[:, None, None], gamma.shape)
        ti = np.broadcast_to(np.arange(T)[None, :, None], gamma.shape)
        si = np.broadcast_to(ext[:, None, :], gamma.shape)
        np.add.at(occ, (bi, ti, si), gamma)
        grad = np.exp(logp) - occ
        scale = np.where(feasible, 1.0 / (norm * B), 0.0)
        grad *= scale[:, None, None] * fmask[:, :, None]
    return loss, grad


def collapse(path: list[int] | np.ndarray, blank: int = 0) -> list[int]:
    """Merge repeated symbols, then drop blanks: ``[1, 1, 0, 1, 2, 2]`` → ``[1, 1, 2]``."""
    out: list[int] = []
    prev = None
    for p in (int(v) for v in path):
        if p != prev and p != blank:
            out.append(p)
        prev = p
    return out


def ctc_greedy_decode(
    logits: np.ndarray, frame_mask: np.ndarray | None = None, blank: int = 0
) -> list[list[int]]:
    """Best path decoding: the most likely symbol per real frame, collapsed, per sample."""
    logits = np.asarray(logits)
    best = logits.argmax(axis=-1)
    result = []
    for b in range(logits.shape[0]):
        path = best[b] if frame_mask is None else best[b][np.asarray(frame_mask[b]) > 0]
        result.append(collapse(path, blank))
    return result
