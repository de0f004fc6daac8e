"""Batches of sequences as the engine reads them: inputs, targets and masks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class Batch:
    """A batch of sequences.

    ``x``: inputs ``(batch, time, features)``; for one-to-many the single input vector is
    ``(batch, 1, features)``.
    ``y``: targets; floats ``(batch, out)`` / ``(batch, time, out)`` for mean squared error,
    integer class indices ``(batch,)`` / ``(batch, time)`` for cross-entropy, padded label
    sequences ``(batch, labels)`` for CTC.
    ``mask``: ``(batch, time)`` 1 where an input step is real, 0 where it is padding.
    ``y_mask``: ``(batch, out_time)`` the same for target sequences (one-to-many, seq2seq,
    CTC labels); ``None`` when targets are aligned with inputs or not sequences.
    """

    x: np.ndarray
    y: np.ndarray
    mask: np.ndarray | None = None
    y_mask: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.x.shape[0])

    def real_steps(self) -> np.ndarray:
        """Boolean ``(batch, time)``: where an input step is real (all of them when the
        batch has no mask)."""
        if self.mask is None:
            return np.ones(self.x.shape[:2], dtype=bool)
        return self.mask > 0

    def subset(self, idx: Any) -> Batch:
        """Rows ``idx`` (an index array or slice) as a new batch."""
        return Batch(
            self.x[idx],
            self.y[idx],
            None if self.mask is None else self.mask[idx],
            None if self.y_mask is None else self.y_mask[idx],
        )

    def as_dtype(self, dtype: Any) -> Batch:
        """Float inputs (and float targets) in ``dtype``; integer targets stay integers.
        Arrays already in ``dtype`` are shared, not copied (the data set can be large)."""
        floating = np.issubdtype(self.y.dtype, np.floating)
        y = self.y.astype(dtype, copy=False) if floating else self.y
        return Batch(self.x.astype(dtype, copy=False), y, self.mask, self.y_mask)


@dataclass
class Dataset:
    """Train and validation batches plus whatever the task needs to render them."""

    train: Batch
    val: Batch
    meta: dict[str, Any] = field(default_factory=dict)
