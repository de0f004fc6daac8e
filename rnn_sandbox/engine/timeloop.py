"""Helpers the time loops of every cell share (simple RNN in ``cells``, LSTM and GRU in
``gated``): which rows are padding, and where truncated BPTT cuts."""

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
