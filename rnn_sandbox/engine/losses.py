"""Losses and their gradients with respect to the network's outputs, masked where needed.

Each returns ``(loss, d_outputs)``; the loss is a mean over the real (unmasked) entries,
so padding changes neither the loss nor the gradient.
"""

from __future__ import annotations

import numpy as np


def mse(pred: np.ndarray, target: np.ndarray, mask: np.ndarray | None = None):
    """Mean squared error over every output of every real step.

    ``pred``/``target``: ``(B, O)`` or ``(B, T, O)``; ``mask``: ``(B, T)`` or ``None``.
    """
    diff = pred - target
    if mask is None:
        n = diff.size
        return float(np.sum(diff * diff) / n), (2.0 / n) * diff
    w = mask[..., None].astype(pred.dtype)
    n = max(float(mask.sum()) * pred.shape[-1], 1.0)
    wd = w * diff
    return float(np.sum(wd * diff) / n), (2.0 / n) * wd


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


def cross_entropy(logits: np.ndarray, labels: np.ndarray, mask: np.ndarray | None = None):
    """Softmax cross-entropy; ``logits`` ``(B, C)`` or ``(B, T, C)``, integer ``labels``."""
    logp = log_softmax(logits)
    labels = labels.astype(np.intp)
    picked = np.take_along_axis(logp, labels[..., None], axis=-1)[..., 0]
    grad = np.exp(logp)
    np.put_along_axis(
        grad, labels[..., None], np.take_along_axis(grad, labels[..., None], -1) - 1.0, -1
    )
    if mask is None:
        count = picked.size
        return float(-picked.sum() / count), grad / count
    w = mask.astype(logits.dtype)
    n = max(float(w.sum()), 1.0)
    return float(-(picked * w).sum() / n), grad * (w[..., None] / n)
