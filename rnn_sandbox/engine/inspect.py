"""Step-by-step numbers of one sample's forward and backward pass, for the step-through view.

``trace(network, sample)`` runs the engine's own ``loss_and_grads`` on a batch of one and
then spells out, per layer/direction and time step, what the cell computed::

    ih_t  = W_ih x_t           hh_t = W_hh h_{t-1}          bias = b_ih + b_hh
    pre_t = ih_t + hh_t + bias h_t  = act(pre_t)

and, going back, ``dL/dh_t`` (taken from the engine's cache), ``dpre_t = dL/dh_t * act'``
and the share of each weight gradient that step contributes (``dpre_t ⊗ h_{t-1}`` for
``W_hh``).  Summed over time those shares are the engine's gradients; the tests check it.
Nothing here is displayed: the diagram only reads these arrays.

For the gated cells the trace takes the states, dL/dh_t, the gate activations and the
LSTM's cell state c_t and dL/dc_t from the engine's cache.  The per-step shares of the
weight gradients follow from them with the derivatives the cell's module writes once for
its readable backward step (``explain`` in the cell's entry of the cell table:
:func:`.lstm.gate_gradients`, :func:`.gru.gate_gradients`, :func:`.minimal.gate_gradients`),
per gate block in PyTorch's order.  ``ih``, ``hh`` and ``pre`` stay ``None`` for gated
cells: a gate's pre-activation is not one number per neuron.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.anatomy import gate_count, param_name, state_name
from rnn_sandbox.engine.cell_spec import StepNumbers
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.network import Network, RNNStack
from rnn_sandbox.engine.timeloop import previous_states, truncated_here

# One stack to take apart: its input (T, I), mask, and the start states by name (zero if None).
_Run = tuple[
    RNNStack, np.ndarray, np.ndarray | None, dict[str, np.ndarray] | None,
    dict[str, np.ndarray] | None,
]


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
    dpre: np.ndarray | None  # (T, H) dL/dpre_t; (T, G*H) per gate for gated cells
    mask: np.ndarray | None  # (T,) 1 on real steps
    cell: str = "rnn"
    gates: np.ndarray | None = None  # (T, G*H) gate activations (LSTM i,f,g,o; GRU r,z,n)
    c: np.ndarray | None = None  # (T, H) LSTM cell state (the engine's cache["cell"])
    grad_c: np.ndarray | None = None  # (T, H) LSTM dL/dc_t (the engine's cache["grad_c"])
    # dL/d(pre-activation) on the hidden side, when it differs from ``dpre`` (the GRU's new
    # gate, where W_hn h_{t-1} + b_hn is multiplied by r); W_hh and b_hh take it.
    dpre_hh: np.ndarray | None = None
    # Gated cells, for the formula view: each gate's pre-activation (T, G*H) (the GRU's new
    # gate with r * (W_hn h_{t-1} + b_hn) in it), the GRU's W_hn h_{t-1} + b_hn (T, H) and
    # the LSTM's c_{t-1} (T, H).
    gate_pre: np.ndarray | None = None
    hn: np.ndarray | None = None
    c_prev: np.ndarray | None = None
    nonlinearity: str = "tanh"  # a simple RNN's activation: "tanh" or "relu"
    truncation: int = 0  # truncated BPTT's k (0: full), as the gradients were taken

    def sends_back(self, t: int) -> bool:
        """Whether step ``t`` passes its gradient on to the step computed before it; not
        where truncated BPTT cuts (the same rule as the engine's time loops)."""
        T = self.h.shape[0]
        return not truncated_here(self.truncation, T, t if self.reverse else T - 1 - t)

    @property
    def gate_count(self) -> int:
        return gate_count(self.cell)

    @property
    def order(self) -> list[int]:
        """Time steps in the order this direction computes them."""
        T = self.h.shape[0]
        return list(range(T - 1, -1, -1)) if self.reverse else list(range(T))

    def _dpre_of(self, param: str) -> np.ndarray | None:
        hidden_side = param in ("weight_hh", "bias_hh") and self.dpre_hh is not None
        return self.dpre_hh if hidden_side else self.dpre

    def grad_step(self, param: str, t: int) -> np.ndarray | None:
        """What step ``t`` adds to the gradient of ``param`` ("weight_ih", "weight_hh",
        "bias_ih" or "bias_hh"); rows in the parameter's (gate-stacked) order."""
        if param not in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            raise KeyError(param)
        dpre = self._dpre_of(param)
        if dpre is None:
            return None
        if param == "weight_ih":
            return np.outer(dpre[t], self.x[t])
        if param == "weight_hh":
            return np.outer(dpre[t], self.h_prev[t])
        return dpre[t].copy()

    def grad_step_max(self, param: str) -> float:
        """Largest |entry| of any step's contribution (the colour scale of a sequence)."""
        dpre = self._dpre_of(param)
        if dpre is None:
            return 0.0
        d = np.abs(dpre).max(axis=1)
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
    features: np.ndarray  # (n_out, head_in) what the head read there (attention: h̃_t)
    outputs: np.ndarray  # (n_out, O) head outputs (logits or values)
    d_out: np.ndarray  # (n_out, O) dL/d output
    grads: dict[str, np.ndarray] = field(default_factory=dict)  # engine's gradients
    # The parameters the sample ran through (the formula view writes them out), the loss's
    # name ("mse", "ce", "ctc"), its targets at the read-outs ((n_out, O) values for "mse",
    # (n_out,) class indices for "ce"; None for "ctc") and N, the count the mean divides by.
    weights: dict[str, np.ndarray] = field(default_factory=dict)
    loss_name: str = ""
    targets: np.ndarray | None = None
    loss_n: float = 1.0
    truncation: int = 0  # truncated BPTT's k (0: full)
    # seq2seq with attention: α (output steps, source steps), the weight each output step
    # gave each source step (rows sum to 1, padding 0); None without attention.
    attention: np.ndarray | None = None

    def head_grad_step(self, k: int) -> np.ndarray:
        """Contribution of read-out ``k`` to the gradient of ``head.weight``."""
        return np.outer(self.d_out[k], self.features[k])

    def head_grad_max(self) -> float:
        a = np.abs(self.d_out).max(axis=1) * np.abs(self.features).max(axis=1)
        return float(a.max(initial=0.0))


def _copy(a: np.ndarray | None) -> np.ndarray | None:
    return None if a is None else a.copy()


def network_from(
    config: NetworkConfig, seed: int = 0, weights: dict[str, np.ndarray] | None = None
) -> Network:
    """A network of ``config`` holding ``weights`` (or the seed's initial weights)."""
    net = Network(config, seed=seed)
    if weights is not None:
        net.load_state_dict(weights)
    return net


def trace(network: Network, sample: Batch, truncation: int = 0) -> Trace:
    """Run forward and backward on ``sample`` (a batch of one) and take the steps apart;
    ``truncation`` k > 0 takes the gradients as truncated BPTT does in training
    (``TrainingConfig.bptt_truncation``): nothing flows back across a cut."""
    if len(sample) != 1:
        raise ValueError("the step-through traces a single sample (a batch of one)")
    net = network
    c = net.config
    dt = net.dtype
    x = np.asarray(sample.x, dt)
    y = sample.y.astype(dt) if np.issubdtype(sample.y.dtype, np.floating) else sample.y
    loss, grads = net.loss_and_grads(x, y, sample.mask, sample.y_mask, truncation)
    cache = net.cache
    assert cache is not None  # loss_and_grads has just filled it
    hidden = {k: v[0] for k, v in cache["hidden"].items()}
    grad_h = {k: v[0] for k, v in cache["grad_h"].items()}
    gates = {k: v[0] for k, v in cache.get("gates", {}).items()}
    cells = {k: v[0] for k, v in cache.get("cell", {}).items()}
    grad_c = {k: v[0] for k, v in cache.get("grad_c", {}).items()}
    out = cache["outputs"]
    _, d_out = net.loss(out, y, sample.mask, sample.y_mask)
    P = net.params

    def seq_mask(m):
        return None if m is None else np.asarray(m[0], dt)

    layers: dict[str, DirTrace] = {}
    runs: list[_Run]
    if net.arch == "seq2seq":
        enc_in = x[0]
        dec_in = net._decoder_inputs(x, y)[:, 0]
        runs = [(net.encoder, enc_in, seq_mask(sample.mask), None, None)]
        dec_h0: dict[str, np.ndarray] = {}
        dec_c0: dict[str, np.ndarray] = {}
        for k in range(c.num_layers):
            fwd, bwd = state_name(k, False, "encoder"), state_name(k, True, "encoder")
            dec = state_name(k, False, "decoder")
            s = hidden[fwd][-1].copy()
            if c.bidirectional:
                s = s + hidden[bwd][0]
            dec_h0[dec] = s
            if net.encoder.spec.cell_state:  # the decoder's cell state starts the same way
                cs = cells[fwd][-1].copy()
                if c.bidirectional:
                    cs = cs + cells[bwd][0]
                dec_c0[dec] = cs
        runs.append((net.decoder, dec_in, seq_mask(sample.y_mask), dec_h0, dec_c0))
    elif net.arch == "one_to_many":
        runs = [(net.rnn, net._decoder_inputs(x, y)[:, 0], seq_mask(sample.y_mask), None,
                 None)]
    else:
        runs = [(net.rnn, x[0], seq_mask(sample.mask), None, None)]

    for stack, seq, mask, h0, c0 in runs:
        layer_in = seq
        for k in range(stack.num_layers):
            outs = []
            for rev in stack.directions():
                name = state_name(k, rev, stack.part)
                keys = {p: param_name(p, k, rev, stack.part) for p in stack.spec.kinds}
                h = hidden[name]
                w_ih, b_ih = P[keys["weight_ih"]], P[keys["bias_ih"]]
                # minGRU, minLSTM: no hidden-to-hidden weights, as if they were zero
                w_hh = P.get(keys.get("weight_hh", ""), np.zeros((len(w_ih), h.shape[1]), dt))
                b_hh = P.get(keys.get("bias_hh", ""), np.zeros_like(b_ih))
                start = np.zeros(h.shape[1], dt) if h0 is None else h0[name]
                h_prev = previous_states(h, start, rev)
                g = grad_h[name]
                c_prev = None
                if stack.spec.cell_state:
                    c_start = np.zeros(h.shape[1], dt) if not c0 else c0[name]
                    c_prev = previous_states(cells[name], c_start, rev)
                ex = stack.spec.explain(StepNumbers(
                    layer_in, h, h_prev, g, w_ih, w_hh, b_ih, b_hh, c.nonlinearity,
                    gates.get(name), cells.get(name), c_prev, grad_c.get(name),
                ))
                dpre, dpre_hh = ex.dpre, ex.dpre_hh
                if mask is not None:  # a padded step passes nothing to its pre-activations
                    keep = (mask != 0)[:, None]
                    dpre = dpre * keep
                    dpre_hh = None if dpre_hh is None else dpre_hh * keep
                layers[name] = DirTrace(
                    name, keys, rev, layer_in.copy(), h_prev, ex.ih, ex.hh, b_ih.copy(),
                    b_hh.copy(), ex.pre, h.copy(), g.copy(), dpre, mask, c.cell,
                    _copy(gates.get(name)), _copy(cells.get(name)), _copy(grad_c.get(name)),
                    dpre_hh, ex.gate_pre, ex.hn, c_prev, c.nonlinearity, truncation,
                )
                outs.append(h)
            layer_in = np.concatenate(outs, axis=-1)

    if net.arch == "many_to_one":
        T = x.shape[1]
        H = c.hidden_size
        last = c.num_layers - 1
        feat = hidden[state_name(last)][-1]
        if c.bidirectional:
            feat = np.concatenate([feat, hidden[state_name(last, True)][0]])
        features = feat[None, :H * (2 if c.bidirectional else 1)]
        out_steps = np.array([T - 1])
        outputs, d = out[:1], d_out[:1]
    else:
        top = layer_in  # the top layer of the last stack run
        if "attended" in cache:  # with attention the head reads h̃_t, not the decoder's s_t
            top = cache["attended"][0]
        out_steps = np.arange(top.shape[0])
        features, outputs, d = top, out[0], d_out[0]
    targets, loss_n = _targets(net, y, sample, outputs.shape[-1])
    return Trace(
        net.arch, float(loss), layers, out_steps, np.asarray(features), np.asarray(outputs),
        np.asarray(d), grads, {k: v.copy() for k, v in P.items()}, c.loss, targets, loss_n,
        truncation, _copy(cache["attention"][0]) if "attention" in cache else None,
    )


def _targets(net: Network, y, sample: Batch, n_out: int) -> tuple[np.ndarray | None, float]:
    """The targets at the read-outs and the N of the loss's mean, as engine.losses takes
    them: the mean squared error divides by the real entries (steps × outputs), the
    cross-entropy by the real steps."""
    if net.config.loss == "ctc":
        return None, 1.0
    step_mask = sample.y_mask if net.generative else sample.mask
    if net.arch == "many_to_one":
        step_mask = None
    t = np.asarray(y[0])
    if net.arch == "many_to_one":
        t = t[None]
    if net.config.loss == "ce":
        n = t.size if step_mask is None else max(float(np.sum(step_mask)), 1.0)
        return t.astype(np.intp).reshape(-1), float(n)
    t = t.reshape(-1, n_out)
    n = t.size if step_mask is None else max(float(np.sum(step_mask)) * n_out, 1.0)
    return t.astype(float), float(n)
