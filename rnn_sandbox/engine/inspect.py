"""Step-by-step numbers of one sample's forward and backward pass, for the step-through view.

``trace(network, sample)`` runs the engine's own ``loss_and_grads`` on a batch of one and
then spells out, per layer/direction and time step, what the cell computed::

    ih_t  = W_ih x_t           hh_t = W_hh h_{t-1}          bias = b_ih + b_hh
    pre_t = ih_t + hh_t + bias h_t  = act(pre_t)

and, going back, ``dL/dh_t`` (taken from the engine's cache), ``dpre_t = dL/dh_t * act'``
and the share of each weight gradient that step contributes (``dpre_t ⊗ h_{t-1}`` for
``W_hh``).  Summed over time those shares are the engine's gradients; the tests check it.
Nothing here is displayed: the diagram only reads these arrays.

For the gated cells (LSTM, GRU) the trace holds the states, dL/dh_t, the gate activations
(and the LSTM's cell state) from the engine's cache; the products and the per-step shares
are spelled out for the simple cell only (``ih``, ``pre``, ``dpre`` are ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.network import Network


@dataclass
class DirTrace:
    """One layer/direction of the watched sample; arrays are ``(time, ...)``."""

    name: str  # state name, e.g. "l0", "l1_reverse", "encoder.l0"
    params: dict[str, str]  # "weight_ih" -> "encoder.weight_ih_l0", ...
    reverse: bool
    x: np.ndarray  # (T, I) what this layer read at each step
    h_prev: np.ndarray  # (T, H) state the step started from
    ih: np.ndarray | None  # (T, H) W_ih x_t
    hh: np.ndarray | None  # (T, H) W_hh h_{t-1}
    b_ih: np.ndarray  # (H,) or (G*H,) for gated cells
    b_hh: np.ndarray
    pre: np.ndarray | None  # (T, H) pre-activation
    h: np.ndarray  # (T, H) state after the step (the engine's cache["hidden"])
    grad_h: np.ndarray  # (T, H) dL/dh_t (the engine's cache["grad_h"])
    dpre: np.ndarray | None  # (T, H) dL/dpre_t
    mask: np.ndarray | None  # (T,) 1 on real steps
    cell: str = "rnn"
    gates: np.ndarray | None = None  # (T, G*H) gate activations (LSTM i,f,g,o; GRU r,z,n)
    c: np.ndarray | None = None  # (T, H) LSTM cell state

    @property
    def order(self) -> list[int]:
        """Time steps in the order this direction computes them."""
        T = self.h.shape[0]
        return list(range(T - 1, -1, -1)) if self.reverse else list(range(T))

    def grad_step(self, param: str, t: int) -> np.ndarray | None:
        """What step ``t`` adds to the gradient of ``param`` ("weight_ih", "weight_hh",
        "bias_ih" or "bias_hh"); ``None`` for gated cells."""
        if self.dpre is None:
            return None
        if param == "weight_ih":
            return np.outer(self.dpre[t], self.x[t])
        if param == "weight_hh":
            return np.outer(self.dpre[t], self.h_prev[t])
        if param in ("bias_ih", "bias_hh"):
            return self.dpre[t].copy()
        raise KeyError(param)

    def grad_step_max(self, param: str) -> float:
        """Largest |entry| of any step's contribution (the colour scale of a sequence)."""
        if self.dpre is None:
            return 0.0
        d = np.abs(self.dpre).max(axis=1)
        other = {"weight_ih": self.x, "weight_hh": self.h_prev}.get(param)
        if other is None:
            return float(d.max(initial=0.0))
        return float((d * np.abs(other).max(axis=1, initial=0.0)).max(initial=0.0))


@dataclass
class Trace:
    """Everything the step-through shows for one sample."""

    architecture: str
    loss: float
    layers: dict[str, DirTrace]  # by state name, in the engine's order
    out_steps: np.ndarray  # time steps (of the output sequence) that have a read-out
    features: np.ndarray  # (n_out, head_in) what the head read at those steps
    outputs: np.ndarray  # (n_out, O) head outputs (logits or values)
    d_out: np.ndarray  # (n_out, O) dL/d output
    grads: dict[str, np.ndarray] = field(default_factory=dict)  # engine's gradients

    def head_grad_step(self, k: int) -> np.ndarray:
        """Contribution of read-out ``k`` to the gradient of ``head.weight``."""
        return np.outer(self.d_out[k], self.features[k])

    def head_grad_max(self) -> float:
        a = np.abs(self.d_out).max(axis=1) * np.abs(self.features).max(axis=1)
        return float(a.max(initial=0.0))


def network_from(
    config: NetworkConfig, seed: int = 0, weights: dict[str, np.ndarray] | None = None
) -> Network:
    """A network of ``config`` holding ``weights`` (or the seed's initial weights)."""
    net = Network(config, seed=seed)
    if weights is not None:
        net.load_state_dict(weights)
    return net


def _act_grad(nonlinearity: str, h: np.ndarray) -> np.ndarray:
    return 1.0 - h * h if nonlinearity == "tanh" else (h > 0).astype(h.dtype)


def trace(network: Network, sample: Batch) -> Trace:
    """Run forward and backward on ``sample`` (a batch of one) and take the steps apart."""
    if len(sample) != 1:
        raise ValueError("the step-through traces a single sample (a batch of one)")
    net = network
    c = net.config
    dt = net.dtype
    x = np.asarray(sample.x, dt)
    y = sample.y.astype(dt) if np.issubdtype(sample.y.dtype, np.floating) else sample.y
    loss, grads = net.loss_and_grads(x, y, sample.mask, sample.y_mask)
    cache = net.cache
    hidden = {k: v[0] for k, v in cache["hidden"].items()}
    grad_h = {k: v[0] for k, v in cache["grad_h"].items()}
    gates = {k: v[0] for k, v in cache.get("gates", {}).items()}
    cells = {k: v[0] for k, v in cache.get("cell", {}).items()}
    out = cache["outputs"]
    _, d_out = net.loss(out, y, sample.mask, sample.y_mask)
    P = net.params

    def seq_mask(m):
        return None if m is None else np.asarray(m[0], dt)

    layers: dict[str, DirTrace] = {}
    if net.arch == "seq2seq":
        enc_in = x[0]
        dec_in = net._decoder_inputs(x, y)[:, 0]
        runs = [(net.encoder, enc_in, seq_mask(sample.mask), None)]
        h0 = {}
        for k in range(c.num_layers):
            s = hidden[f"encoder.l{k}"][-1].copy()
            if c.bidirectional:
                s = s + hidden[f"encoder.l{k}_reverse"][0]
            h0[f"decoder.l{k}"] = s
        runs.append((net.decoder, dec_in, seq_mask(sample.y_mask), h0))
    elif net.arch == "one_to_many":
        runs = [(net.rnn, net._decoder_inputs(x, y)[:, 0], seq_mask(sample.y_mask), None)]
    else:
        runs = [(net.rnn, x[0], seq_mask(sample.mask), None)]

    for stack, seq, mask, h0 in runs:
        layer_in = seq
        for k in range(stack.num_layers):
            outs = []
            for sfx in stack.suffixes():
                name = f"{stack.prefix}l{k}{sfx}"
                keys = {p: f"{stack.prefix}{p}_l{k}{sfx}" for p in
                        ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
                w_ih, w_hh = P[keys["weight_ih"]], P[keys["weight_hh"]]
                b_ih, b_hh = P[keys["bias_ih"]], P[keys["bias_hh"]]
                h = hidden[name]
                start = np.zeros(h.shape[1], dt) if h0 is None else h0[name]
                h_prev = np.empty_like(h)
                if sfx:
                    h_prev[:-1], h_prev[-1] = h[1:], start
                else:
                    h_prev[1:], h_prev[0] = h[:-1], start
                g = grad_h[name]
                if c.cell == "rnn":
                    ih = layer_in @ w_ih.T
                    hh = h_prev @ w_hh.T
                    pre = ih + hh + b_ih + b_hh
                    dpre = g * _act_grad(c.nonlinearity, h)
                    if mask is not None:
                        dpre = dpre * mask[:, None]
                else:
                    ih = hh = pre = dpre = None
                layers[name] = DirTrace(
                    name, keys, bool(sfx), layer_in.copy(), h_prev, ih, hh, b_ih.copy(),
                    b_hh.copy(), pre, h.copy(), g.copy(), dpre, mask, c.cell,
                    gates.get(name), cells.get(name),
                )
                outs.append(h)
            layer_in = np.concatenate(outs, axis=-1)

    if net.arch == "many_to_one":
        T = x.shape[1]
        H = c.hidden_size
        last = f"l{c.num_layers - 1}"
        feat = hidden[last][-1]
        if c.bidirectional:
            feat = np.concatenate([feat, hidden[last + "_reverse"][0]])
        features = feat[None, :H * (2 if c.bidirectional else 1)]
        out_steps = np.array([T - 1])
        outputs, d = out[:1], d_out[:1]
    else:
        top = layer_in  # the top layer of the last stack run
        out_steps = np.arange(top.shape[0])
        features, outputs, d = top, out[0], d_out[0]
    return Trace(
        net.arch, float(loss), layers, out_steps, np.asarray(features), np.asarray(outputs),
        np.asarray(d), grads,
    )
