"""What a trained network looks at: hidden states without training, and how strongly each
output step depends on each input step (``input_connectivity``, the "how far back it
looks" of Distill's *Visualizing memorization in RNNs*, 2019).

Both run the network's own forward and backward passes; nothing here trains or changes
the weights.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import fields, replace
from typing import Any

import numpy as np

from rnn_sandbox.engine.anatomy import HEAD_WEIGHT
from rnn_sandbox.engine.attention import attention_backward
from rnn_sandbox.engine.network import Network, _mask_tm

# The copies of a sample that one backward pass carries at most, counted in numbers held
# per step (copies × widths): bounds memory for long texts and wide read-outs.
_CHUNK_NUMBERS = 3_000_000


def input_connectivity(
    network: Network,
    x: np.ndarray,
    mask: np.ndarray | None = None,
    *,
    y: np.ndarray | None = None,
    y_mask: np.ndarray | None = None,
) -> np.ndarray:
    """``(batch, output steps, input steps)``: entry ``[b, s, t]`` is the Frobenius norm of
    ∂out[b, s, :]/∂(input at step t of sample b), where ``out`` is what the network
    outputs (``network.forward``).  What an input step is depends on the task type:

    * many-to-one, many-to-many: ``x[b, t, :]``, ``out = network.forward(x, mask)`` (a
      many-to-one network has one output step);
    * one-to-many (a generating network, teacher forced with the targets ``y``, as it
      trains): ``out = network.forward(x, y=y, y_mask=y_mask)``; step t reads the input
      vector ``x[b, 0]`` at t = 0 and the fed-back previous target ``y[b, t - 1]`` (one-hot
      for classes) after it, so there are as many input steps as output steps.  With
      ``feedback = "zero"`` the later steps read a constant zero vector, not an input:
      their entries are 0, every output depends on the input vector only;
    * seq2seq (encoder–decoder, teacher forced): ``out = network.forward(x, mask, y=y,
      y_mask=y_mask)``; input step t is source step ``x[b, t]``, the decoder's fed targets
      held fixed: how strongly output word s depends on source word t (through the
      encoder's final state and, with attention, the encoder's outputs).

    The head is linear, so ∂out_s/∂x_t = W ∂h_s/∂x_t and ‖W J‖_F = ‖R J‖_F for any R with
    RᵀR = WᵀW; R is W itself, or Σ Vᵀ from W's SVD when W has more rows than columns.  Each
    row of R at each output step is one backward pass; those passes run side by side as
    copies of the sample in one batch.
    """
    last = deque(connectivity_pieces(network, x, mask, y=y, y_mask=y_mask), maxlen=1)
    result = last[0]  # the pieces yield None, the last one the result
    assert result is not None
    return result


def connectivity_pieces(
    network: Network,
    x: np.ndarray,
    mask: np.ndarray | None = None,
    *,
    y: np.ndarray | None = None,
    y_mask: np.ndarray | None = None,
    numbers: int = _CHUNK_NUMBERS,
) -> Iterator[np.ndarray | None]:
    """:func:`input_connectivity` a piece at a time: yields ``None`` after each backward
    pass of copies holding about ``numbers`` numbers, then the result.  The training
    process works on it between steps, so a long text's look back never holds up
    training for seconds; the network must not change meanwhile."""
    if not isinstance(network, Network):
        raise ValueError("how far back a network looks is defined for recurrent networks")
    if network.generative and y is None:
        raise ValueError("a generating network's outputs need the targets it is fed")
    x = np.asarray(x, network.dtype)
    w = network.params[HEAD_WEIGHT]
    if w.shape[0] <= w.shape[1]:
        rows = w
    else:
        _, sv, vt = np.linalg.svd(w, full_matrices=False)
        rows = sv[:, None] * vt
    B, T = x.shape[:2]
    arch = network.arch
    if arch == "many_to_one":
        S = 1
    elif arch == "many_to_many":
        S = T
    else:  # generating: an output step per target; one-to-many reads one input per step
        S = np.asarray(y).shape[1]
        T = S if arch == "one_to_many" else T
    squares = np.zeros((B, S, T), dtype=np.float64)
    pieces = _seq2seq_squares if arch == "seq2seq" else _stack_squares
    for _ in pieces(network, x, mask, y, y_mask, rows, squares, numbers):
        yield None
    if arch == "one_to_many" and network.config.feedback != "output":
        squares[:, :, 1:] = 0.0  # constant zero vectors, not inputs
    yield np.sqrt(squares)


def _pieces(n: int, steps: int, width: int, numbers: int) -> list[slice]:
    """The pieces of ``n`` copies of ``steps`` steps that one backward pass carries."""
    size = max(1, numbers // max(1, steps * width))
    return [slice(lo, lo + size) for lo in range(0, n, size)]


def _copies(caches: list[Any], b: np.ndarray, steps: int) -> list[Any]:
    """The caches of a stack's forward pass for the samples ``b`` (repeated as often as
    they occur), cut to the first ``steps`` steps.  Every cell keeps time-major arrays
    ``(T, B, …)`` and start states ``(B, H)`` in a dataclass."""
    out = []
    for cache in caches:
        parts: dict[str, Any] = {}
        for f in fields(cache):
            v = getattr(cache, f.name)
            if isinstance(v, np.ndarray):
                if v.ndim not in (2, 3):
                    raise TypeError(f"unexpected {f.name} of shape {v.shape} in a cache")
                # take: C-ordered copies, which the cells may view in other shapes
                parts[f.name] = v[:steps].take(b, axis=1) if v.ndim == 3 else v.take(b, axis=0)
        out.append(replace(cache, **parts))
    return out


def _stack_squares(network: Network, x: np.ndarray, mask: np.ndarray | None,
                   y: np.ndarray | None, y_mask: np.ndarray | None, rows: np.ndarray,
                   squares: np.ndarray, numbers: int) -> Iterator[None]:
    """Adds ‖∂(r · out_s)/∂ input_t‖² over the rows r of R to ``squares[b, s, t]``, for a
    network of one stack.  The forward pass runs once; every (sample, output step, row)
    is a copy of its sample's caches in a batched backward pass.  A one-directional
    stack's output s reads steps 0…s only: its copies go back from step s."""
    stack = network.rnn
    if network.arch == "one_to_many":
        x_tm = network._decoder_inputs(x, np.asarray(y))
        m_tm = _mask_tm(y_mask, network.dtype)
    else:
        x_tm = np.ascontiguousarray(np.swapaxes(x, 0, 1))
        m_tm = _mask_tm(mask, network.dtype)
    top, _, caches = stack.forward(network.params, x_tm, m_tm)
    T, B = x_tm.shape[:2]
    K, H, D = len(rows), network.config.hidden_size, stack.num_directions
    width = max(top.shape[-1], x_tm.shape[-1], 4 * H) * stack.num_layers * D
    m2o = network.arch == "many_to_one"
    if m2o or D == 2:  # one pass over every step (both directions read all of them)
        groups = [(np.arange(1 if m2o else T), T)]
    else:
        groups = [(np.array([s]), s + 1) for s in range(T)]
    for outputs, steps in groups:
        bb, ss, kk = (a.ravel() for a in np.meshgrid(
            np.arange(B), outputs, np.arange(K), indexing="ij"))
        for piece in _pieces(len(bb), steps, width, numbers):
            b, s, k = bb[piece], ss[piece], kk[piece]
            n = len(b)
            d_top = np.zeros((steps, n, top.shape[-1]), dtype=top.dtype)
            r = rows[k].astype(top.dtype)
            if m2o:  # the head reads forward's last state and backward's first (h_n)
                d_top[-1, :, :H] = r[:, :H]
                if D == 2:
                    d_top[0, :, H:] = r[:, H:]
            else:
                d_top[s, np.arange(n)] = r
            dx = stack.backward(network.params, _copies(caches, b, steps), d_top)[0]
            np.add.at(squares[:, :, :steps], (b, s),
                      np.square(dx, dtype=np.float64).sum(axis=-1).T)
            yield None


def _seq2seq_squares(network: Network, x: np.ndarray, mask: np.ndarray | None,
                     y: np.ndarray | None, y_mask: np.ndarray | None, rows: np.ndarray,
                     squares: np.ndarray, numbers: int) -> Iterator[None]:
    """Adds ‖∂(r · out_s)/∂ source_t‖² over the rows r of R to ``squares[b, s, t]`` for
    an encoder–decoder fed the targets ``y``: back through the head, attention (if any),
    the decoder, its start state and the encoder, as :meth:`Network._backward` goes (each
    copy runs its own forward pass: the attention's cache is not split here)."""
    P = network.params
    B, S, T = squares.shape
    K, H = len(rows), network.config.hidden_size
    D = network.encoder.num_directions
    width = max(rows.shape[1], x.shape[-1], 4 * H) * network.config.num_layers * (D + 1)
    bb, ss, kk = (a.ravel() for a in np.meshgrid(
        np.arange(B), np.arange(S), np.arange(K), indexing="ij"))

    def part(a: np.ndarray | None, b: np.ndarray) -> np.ndarray | None:
        return None if a is None else np.asarray(a)[b]

    def split(d: np.ndarray) -> np.ndarray:  # the decoder started from the directions' sum
        return np.repeat(d, D, axis=0)

    for piece in _pieces(len(bb), max(S, T), width, numbers):
        b, s, k = bb[piece], ss[piece], kk[piece]
        _, cache = network._run(x[b], part(mask, b), part(y, b), part(y_mask, b))
        top = cache["top"]  # (output steps, copies, what the head reads)
        d_top = np.zeros_like(top)
        d_top[s, np.arange(len(b))] = rows[k].astype(top.dtype)
        d_enc_out = None
        if "att" in cache:
            d_top, d_enc_out, _ = attention_backward(P, cache["att"], d_top)
        _, d_state0, _, _ = network.decoder.backward(P, cache["dec"], d_top)
        d_state_n = (tuple(map(split, d_state0)) if isinstance(d_state0, tuple)
                     else split(d_state0))
        if d_enc_out is None:
            d_enc_out = np.zeros((T, len(b), D * H), dtype=top.dtype)
        dx = network.encoder.backward(P, cache["enc"], d_enc_out, d_state_n)[0]
        np.add.at(squares, (b, s), np.square(dx, dtype=np.float64).sum(axis=-1).T)
        yield None


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
