"""Parameters as the networks hold them: a checked copy of a state dict.

Used by the recurrent :class:`~rnn_sandbox.engine.network.Network` and the dense baseline
alike, so neither imports the other.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def checked_params(
    shapes: dict[str, tuple[int, ...]], state: dict[str, Any], dtype: Any
) -> dict[str, np.ndarray]:
    """Copies of ``state`` in ``dtype`` if its names and shapes are exactly ``shapes``;
    otherwise a ValueError that names the difference (and nothing is copied)."""
    missing = [k for k in shapes if k not in state]
    extra = [k for k in state if k not in shapes]
    if missing or extra:
        raise ValueError(
            f"parameters do not match this network: missing {missing}, unexpected {extra}"
        )
    new = {}
    for k, shape in shapes.items():
        arr = np.asarray(state[k])
        if arr.shape != shape:
            raise ValueError(f"parameter {k} has shape {arr.shape}, expected {shape}")
        if not np.issubdtype(arr.dtype, np.number):
            raise ValueError(f"parameter {k} is not numeric")
        new[k] = np.array(arr, dtype=dtype)
    return new
