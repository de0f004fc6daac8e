"""Itemized gradients: where in time a weight's gradient comes from (after RNNbow,
Cashman et al., "RNNbow: Visualizing Learning via Backpropagation Gradients in RNNs").

The gradient of a weight θ is a double sum: over the output steps s whose loss term L_s
it serves, and over the input steps t where the network uses θ::

    dL/dθ = Σ_s Σ_t  (∂L_s/∂θ)|_t

Entry ``[s, t]`` of :func:`itemized_gradients` is one term: the part of dL_s/dθ that arises
where step t uses θ.  Far from the diagonal the terms of a simple RNN fade (vanishing
gradients); an LSTM's cell state carries them further.

How it is computed, plainly: the backward pass is linear in dL/d(outputs), so for each
output step s we backpropagate only L_s's gradient at the outputs, through the same BPTT
code as training, asking it to keep each step's contribution to the weight gradients apart
(``per_step=True``) instead of summing them.  This costs T_out backward passes: quadratic in
the length, which is why the window computes it for one sample and only when asked.

Conventions:

* The loss terms: a loss made of one term per output step (MSE, cross-entropy in
  many-to-many, one-to-many and seq2seq) gives ``T_out`` = the number of output steps.  A
  sequence-level loss (many-to-one, CTC) is one term: ``T_out = 1``.
* The input steps: the steps of the recurrent stack, ``T_in = T``; for seq2seq the
  encoder's steps first, then the decoder's (``T_in = T_src + T_dec``): encoder weights
  fill the first columns, decoder weights and the head the others.  Attention's weights
  are used where the decoder attends, at its steps: the decoder's columns.
* The head (``head.weight``, ``head.bias``) is used where it reads a state: at every step for
  an aligned read-out (so for a per-step loss only ``[s, s]`` is non-zero); for many-to-one
  at the step whose state it reads, the sample's last real step, and for a bidirectional
  network the backward direction's columns at step 0, where that direction ends.
* Padded steps use no weight: their columns are zero.  Contributions are summed over the
  batch, like the gradient itself.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.engine.network import Network


def itemized_gradients(
    network: Network,
    x: np.ndarray,
    y: np.ndarray,
    mask: np.ndarray | None = None,
    y_mask: np.ndarray | None = None,
    params: list[str] | set[str] | tuple[str, ...] | None = None,
    reduce: str | None = "norm",
    truncation: int = 0,
) -> dict[str, np.ndarray]:
    """The gradient of each parameter split by output step s and input step t.

    Arguments as :meth:`Network.loss_and_grads` (batch-major ``x``, ``y`` and masks);
    ``params``: the names to itemize (all when ``None``).  Returns, per name, an array
    ``(T_out, T_in)`` of the norms of the contributions (``reduce="norm"``), or with
    ``reduce=None`` the contributions themselves, ``(T_out, T_in, *parameter shape)``.
    Summed over s and t, the contributions are :meth:`Network.loss_and_grads`'s gradient
    with the same ``truncation`` (truncated BPTT: what training cuts, no step sends).
    The network's weights and its ``cache`` are left as they are.
    """
    if not isinstance(network, Network):
        raise TypeError("itemized gradients need a recurrent network")
    if reduce not in ("norm", None):
        raise ValueError(f"reduce must be 'norm' or None, not {reduce!r}")
    names = list(network.params) if params is None else list(params)
    unknown = [n for n in names if n not in network.params]
    if unknown:
        raise KeyError(f"no parameter named {', '.join(unknown)}")

    outputs, cache = network._run(x, mask, y, y_mask)
    _, d_out = network.loss(outputs, y, mask, y_mask)
    per_step_loss = network.arch != "many_to_one" and network.config.loss != "ctc"
    T_out = d_out.shape[1] if per_step_loss else 1
    T_src = cache.get("T_src", 0)  # seq2seq: the encoder's steps come first
    T_in = T_src + cache["top"].shape[0]
    anatomy = network.anatomy()
    first_column = {
        n: 0 if anatomy.param(n).part == "encoder" else T_src for n in names
    }

    result = {}
    for n in names:
        shape = network.params[n].shape
        result[n] = np.zeros((T_out, T_in) if reduce else (T_out, T_in, *shape), d_out.dtype)
    for s in range(T_out):
        if per_step_loss:  # dL_s/d(outputs): L_s only depends on output step s
            d_s = np.zeros_like(d_out)
            d_s[:, s] = d_out[:, s]
        else:
            d_s = d_out
        grads, _ = network._backward(cache, d_s, truncation=truncation, per_step=True)
        for n in names:
            g = grads[n]  # (steps of the part that uses it, *shape)
            columns = slice(first_column[n], first_column[n] + g.shape[0])
            if reduce == "norm":
                result[n][s, columns] = np.linalg.norm(g.reshape(g.shape[0], -1), axis=1)
            else:
                result[n][s, columns] = g
    return result
