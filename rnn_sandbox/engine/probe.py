"""What a trained network looks at: hidden states without training, and how strongly each
output step depends on each input step (``input_connectivity``, the "how far back it
looks" of Distill's *Visualizing memorization in RNNs*, 2019).

Both run the network's own forward and backward passes; nothing here trains or changes
the weights.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.engine.anatomy import HEAD_WEIGHT
from rnn_sandbox.engine.network import Network, _mask_tm

# The copies of a sample that one backward pass carries at most, counted in numbers held
# per step (copies × widths): bounds memory for long texts and wide read-outs.
_CHUNK_NUMBERS = 3_000_000


def input_connectivity(
    network: Network, x: np.ndarray, mask: np.ndarray | None = None
) -> np.ndarray:
    """``(batch, output steps, input steps)``: entry ``[b, s, t]`` is the Frobenius norm of
    ∂out[b, s, :]/∂x[b, t, :], where ``out = network.forward(x, mask)``.

    A many-to-one network has one output step.  The head is linear, so
    ∂out_s/∂x_t = W ∂h_s/∂x_t and ‖W J‖_F = ‖R J‖_F for any R with RᵀR = WᵀW; R is W
    itself, or Σ Vᵀ from W's SVD when W has more rows than columns.  Each row of R at each
    output step is one backward pass; those passes run side by side as copies of the
    sample in one batch.  Only many-to-one and many-to-many networks read their input
    this way (a generating network's outputs also depend on what it fed back).
    """
    if not isinstance(network, Network) or network.arch not in ("many_to_one", "many_to_many"):
        raise ValueError("how far back a network looks is defined for many-to-one and "
                         "many-to-many recurrent networks")
    x = np.asarray(x, network.dtype)
    B, T, n_in = x.shape
    w = network.params[HEAD_WEIGHT]
    if w.shape[0] <= w.shape[1]:
        rows = w
    else:
        _, sv, vt = np.linalg.svd(w, full_matrices=False)
        rows = sv[:, None] * vt
    K, F = rows.shape
    m2o = network.arch == "many_to_one"
    S = 1 if m2o else T
    H = network.config.hidden_size
    stack = network.rnn
    # Every (sample, output step, row of R) is one copy of its sample.
    bb, ss, kk = (a.ravel() for a in np.meshgrid(
        np.arange(B), np.arange(S), np.arange(K), indexing="ij"))
    width = max(F, n_in, 4 * H) * stack.num_layers * stack.num_directions
    chunk = max(1, _CHUNK_NUMBERS // max(1, T * width))
    squares = np.zeros((B, S, T), dtype=np.float64)
    for lo in range(0, len(bb), chunk):
        b, s, k = bb[lo:lo + chunk], ss[lo:lo + chunk], kk[lo:lo + chunk]
        n = len(b)
        x_tm = np.ascontiguousarray(np.swapaxes(x[b], 0, 1))
        m_tm = None if mask is None else _mask_tm(np.asarray(mask)[b], network.dtype)
        top, _, caches = stack.forward(network.params, x_tm, m_tm)
        d_top = np.zeros_like(top)
        r = rows[k].astype(top.dtype)
        if m2o:  # the head reads forward's last state and backward's first (PyTorch h_n)
            d_top[-1, :, :H] = r[:, :H]
            if stack.num_directions == 2:
                d_top[0, :, H:] = r[:, H:]
        else:
            d_top[s, np.arange(n)] = r
        dx = stack.backward(network.params, caches, d_top)[0]  # (T, n, inputs)
        np.add.at(squares, (b, s), np.square(dx, dtype=np.float64).sum(axis=-1).T)
    return np.sqrt(squares)


def hidden_states(
    network: Network,
    x: np.ndarray,
    mask: np.ndarray | None = None,
    y: np.ndarray | None = None,
    y_mask: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Every layer/direction's states ``(batch, time, hidden)`` by state name, from one
    forward pass as training runs it (a generating network is fed the targets ``y``)."""
    if not isinstance(network, Network):
        return {}
    generative = network.generative
    if generative and y is None:
        raise ValueError("a generating network's states need the targets it is fed")
    _, cache = network._run(x, mask, y, y_mask)
    out: dict[str, np.ndarray] = {}
    for stack, key in network._stack_cache_keys():
        for name, c in zip(stack.state_names(), cache[key], strict=True):
            out[name] = np.swapaxes(c.h, 0, 1)
    return out
