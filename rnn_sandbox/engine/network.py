"""Recurrent networks for every task type, with parameters named as PyTorch names them.

``RNNStack`` is the equivalent of ``torch.nn.RNN`` (stacked, optionally bidirectional);
``Network`` puts a read-out (``head``, an ``nn.Linear``) on top and wires the stack for the
task type:

* many-to-one: read the last state (bidirectional: forward's last and backward's first,
  PyTorch's ``h_n``) through the head;
* many-to-many: the head reads every step;
* one-to-many: the input vector enters at the first step, then the previous output (or a
  zero vector) is fed back; teacher forcing in training, free running at inference;
* seq2seq: the encoder's final state starts the decoder (bidirectional encoders add their
  two directions), the decoder is fed its previous output token, starting from a zero vector;
  with ``attention`` the head reads the decoder's state mixed with the encoder outputs it
  attends to (:mod:`.attention`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from rnn_sandbox.config import NetworkConfig, validate_network
from rnn_sandbox.engine.anatomy import (
    HEAD_BIAS,
    HEAD_WEIGHT,
    Anatomy,
    anatomy_of,
    gate_count,
    param_name,
    state_name,
)
from rnn_sandbox.engine.attention import (
    AttentionCache,
    attention_backward,
    attention_forward,
    attention_shapes,
    init_attention,
)
from rnn_sandbox.engine.budget import inference_rows
from rnn_sandbox.engine.cell_table import CELL_TABLE, Cell
from rnn_sandbox.engine.init import init_linear, init_recurrent
from rnn_sandbox.engine.losses import cross_entropy, mse, softmax
from rnn_sandbox.engine.params import checked_params


class RNNStack:
    """Stacked (bi)directional recurrent layers over time-major input ``(T, B, I)``.

    The equivalent of ``torch.nn.RNN`` / ``nn.GRU`` / ``nn.LSTM``.  The recurrent state is
    an array ``(L*D, B, H)``, or for the LSTM a pair ``(h, c)`` of such arrays, as in PyTorch.
    """

    def __init__(
        self,
        part: str,
        input_size: int,
        hidden_size: int,
        num_layers: int,
        bidirectional: bool,
        nonlinearity: str,
        cell: str = "rnn",
    ) -> None:
        self.part = part  # "", "encoder" or "decoder": the names' prefix
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.num_directions = 2 if bidirectional else 1
        self.nonlinearity = nonlinearity
        self.cell = cell

    def directions(self) -> tuple[bool, ...]:
        """``reverse`` of each direction: (False,) or (False, True)."""
        return (False, True)[: self.num_directions]

    @property
    def spec(self) -> Cell:
        """The cell's entry in :data:`.cell_table.CELL_TABLE`: its gates, parameters and
        the functions that run it."""
        return CELL_TABLE[self.cell]

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """Names and shapes in PyTorch's ``state_dict`` order."""
        H, shapes = self.hidden_size, {}
        G = gate_count(self.cell) * H
        for k in range(self.num_layers):
            in_size = self.input_size if k == 0 else H * self.num_directions
            for rev in self.directions():
                cols = {"weight_ih": (in_size,), "weight_hh": (H,)}
                for kind in self.spec.kinds:
                    shapes[param_name(kind, k, rev, self.part)] = (G, *cols.get(kind, ()))
        return shapes

    def state_names(self) -> list[str]:
        """Names of each layer/direction's states, e.g. ``l0``, ``encoder.l1_reverse``."""
        return [
            state_name(k, rev, self.part)
            for k in range(self.num_layers) for rev in self.directions()
        ]

    def _p(self, params: dict[str, np.ndarray], k: int, rev: bool) -> dict[str, np.ndarray]:
        """The parameters of layer ``k``, direction ``rev``, by kind (``weight_ih``, …)."""
        return {kind: params[param_name(kind, k, rev, self.part)] for kind in self.spec.kinds}

    def zero_state(self, batch: int, dtype) -> Any:
        shape = (self.num_layers * self.num_directions, batch, self.hidden_size)
        if self.spec.cell_state:
            return np.zeros(shape, dtype), np.zeros(shape, dtype)
        return np.zeros(shape, dtype)

    def forward(
        self,
        params: dict[str, np.ndarray],
        x: np.ndarray,
        mask: np.ndarray | None,
        state0: Any = None,
    ) -> tuple[np.ndarray, Any, list[Any]]:
        """Return ``(output (T, B, D*H), final state, caches)`` like PyTorch's modules."""
        T, B = x.shape[:2]
        D = self.num_directions
        if state0 is None:
            state0 = self.zero_state(B, x.dtype)
        lstm = self.spec.cell_state
        h0, c0 = state0 if lstm else (state0, None)
        h_n = np.empty_like(h0)
        c_n = np.empty_like(h0) if lstm else None
        caches = []
        layer_in = x
        for k in range(self.num_layers):
            outs = []
            for d, rev in enumerate(self.directions()):
                idx = k * D + d
                h_all, cache, c_last = self.spec.forward(
                    layer_in, self._p(params, k, rev), h0[idx],
                    None if c0 is None else c0[idx], mask, rev, self.nonlinearity,
                )
                if c_n is not None:
                    c_n[idx] = c_last
                h_n[idx] = h_all[0] if rev else h_all[-1]
                outs.append(h_all)
                caches.append(cache)
            layer_in = outs[0] if D == 1 else np.concatenate(outs, axis=-1)
        return layer_in, ((h_n, c_n) if lstm else h_n), caches

    def backward(
        self,
        params: dict[str, np.ndarray],
        caches: list[Any],
        d_out: np.ndarray,
        d_state: Any = None,
        truncation: int = 0,
        per_step: bool = False,
    ) -> tuple[np.ndarray, Any, dict[str, np.ndarray], dict[str, dict[str, np.ndarray]]]:
        """Backward through layers (top first) and time.

        ``d_state``: gradient on the final state (same form as the state) or ``None``.
        Returns ``(dx, d_state0, grads, steps)``; ``steps['h'][name]`` is dL/dh_t
        ``(T, B, H)`` per layer/direction name, and for the LSTM ``steps['c'][name]`` is
        dL/dc_t.  With ``per_step`` the gradients keep each step's contribution apart,
        ``(T, *shape)`` (see :func:`.rnn_cell.rnn_dir_backward`).
        """
        D, H = self.num_directions, self.hidden_size
        lstm = self.spec.cell_state
        B = d_out.shape[1]
        shape = (self.num_layers * D, B, H)
        d_hn, d_cn = (d_state if lstm else (d_state, None)) if d_state is not None else (None, None)
        dh0 = np.zeros(shape, dtype=d_out.dtype)
        dc0 = np.zeros(shape, dtype=d_out.dtype) if lstm else None
        grads: dict[str, np.ndarray] = {}
        steps: dict[str, dict[str, np.ndarray]] = {"h": {}, "c": {}}
        names = self.state_names()
        d_layer_out = d_out
        for k in reversed(range(self.num_layers)):
            d_in = None
            for d, rev in enumerate(self.directions()):
                idx = k * D + d
                dh_o = d_layer_out[..., d * H : (d + 1) * H]
                dh_l = None if d_hn is None else d_hn[idx]
                dc_l = None if d_cn is None else d_cn[idx]
                dx, dh0[idx], dc, g, dh_total, dc_total = self.spec.backward(
                    caches[idx], dh_o, dh_l, dc_l, self._p(params, k, rev), self.nonlinearity,
                    truncation, per_step,
                )
                if dc0 is not None:
                    dc0[idx] = dc
                    steps["c"][names[idx]] = dc_total
                for key, value in g.items():
                    grads[param_name(key, k, rev, self.part)] = value
                steps["h"][names[idx]] = dh_total
                d_in = dx if d_in is None else d_in + dx
            assert d_in is not None  # every layer has a direction
            d_layer_out = d_in
        return d_layer_out, ((dh0, dc0) if lstm else dh0), grads, steps


@dataclass
class Decoding:
    """A free-running decoder between steps (:meth:`Network.decoding`): its stack, state,
    next input ``(1, B, I)``, and for attention the encoder's outputs ``(S, B, E)`` and the
    source mask ``(B, S)``."""

    stack: RNNStack
    state: Any
    input: np.ndarray
    memory: np.ndarray | None
    mask: np.ndarray | None

    def feed(self, tokens: np.ndarray) -> None:
        """The next input: ``tokens`` ``(B,)`` as one-hot vectors."""
        self.input = np.zeros_like(self.input)
        self.input[0, np.arange(len(tokens)), tokens] = 1.0


class Network:
    """A recurrent network with a linear read-out, wired for one task type.

    >>> net = Network(NetworkConfig(input_size=2, output_size=1, hidden_size=3), seed=0)
    >>> net.forward(np.zeros((4, 5, 2))).shape
    (4, 1)
    """

    def __init__(self, config: NetworkConfig, seed: int = 0) -> None:
        validate_network(config)
        if config.cell not in CELL_TABLE:
            raise ValueError(f"'{config.cell}' is not a recurrent cell; use build_network")
        c = self.config = NetworkConfig(**vars(config))
        self.dtype = np.dtype(c.dtype)
        self.arch = c.architecture
        if self.arch == "seq2seq":
            self.encoder = RNNStack(
                "encoder", c.input_size, c.hidden_size, c.num_layers, c.bidirectional,
                c.nonlinearity, c.cell,
            )
            self.decoder = RNNStack(
                "decoder", c.output_size, c.hidden_size, c.num_layers, False, c.nonlinearity,
                c.cell,
            )
            self.stacks = [self.encoder, self.decoder]
            head_in = c.hidden_size
            self.attention = c.attention
        else:
            self.rnn = RNNStack(
                "", c.input_size, c.hidden_size, c.num_layers, c.bidirectional, c.nonlinearity,
                c.cell,
            )
            self.stacks = [self.rnn]
            head_in = c.hidden_size * self.rnn.num_directions
            self.attention = "none"
        self.head_in = head_in
        self.cache: dict[str, Any] | None = None
        self.reset(seed)

    # -- parameters ----------------------------------------------------------------------
    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        shapes: dict[str, tuple[int, ...]] = {}
        for s in self.stacks:
            shapes.update(s.param_shapes())
        shapes.update(attention_shapes(self.attention, self.config.hidden_size,
                                       self._enc_width()))
        shapes[HEAD_WEIGHT] = (self.config.output_size, self.head_in)
        shapes[HEAD_BIAS] = (self.config.output_size,)
        return shapes

    def reset(self, seed: int) -> None:
        """Fresh weights for ``seed`` (the same seed always gives the same weights)."""
        rng = np.random.default_rng(seed)
        c = self.config
        params: dict[str, np.ndarray] = {}
        for s in self.stacks:
            params.update(
                init_recurrent(rng, s.param_shapes(), c.hidden_size, c.init, c.spectral_radius,
                               s.spec.start_bias)
            )
        params[HEAD_WEIGHT], params[HEAD_BIAS] = init_linear(
            rng, c.output_size, self.head_in
        )
        # Drawn last, so that the recurrent layers and the head start as without attention.
        params.update(init_attention(rng, self.attention, c.hidden_size, self._enc_width()))
        self.params = {
            k: np.ascontiguousarray(params[k], dtype=self.dtype) for k in self.param_shapes()
        }
        self.cache = None

    def _enc_width(self) -> int:
        """Width of the encoder's outputs h_j (its directions side by side)."""
        return self.config.hidden_size * (2 if self.config.bidirectional else 1)

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of the parameters under PyTorch's names, in PyTorch's order."""
        return {k: v.copy() for k, v in self.params.items()}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Replace all parameters; names and shapes must match exactly (nothing changes
        if they do not)."""
        self.params = checked_params(self.param_shapes(), state, self.dtype)
        self.cache = None

    def num_parameters(self) -> int:
        return int(sum(v.size for v in self.params.values()))

    def state_names(self) -> list[str]:
        return [n for s in self.stacks for n in s.state_names()]

    def anatomy(self) -> Anatomy:
        """Names, roles and titles of the states and parameters (see :mod:`.anatomy`)."""
        return anatomy_of(self.config)

    # -- forward -------------------------------------------------------------------------
    @property
    def generative(self) -> bool:
        return self.arch in ("one_to_many", "seq2seq")

    def _feedback(self, y: np.ndarray, batch: int, steps: int) -> np.ndarray:
        """Teacher forcing: step t gets the target of step t-1 (time-major, step 0 zero)."""
        O = self.config.output_size
        fed = np.zeros((steps, batch, O), dtype=self.dtype)
        if steps > 1:
            prev = np.swapaxes(y[:, : steps - 1], 0, 1)
            if self.config.loss == "ce":
                np.put_along_axis(fed[1:], prev[..., None].astype(np.intp), 1.0, axis=-1)
            else:
                fed[1:] = prev
        return fed

    def _decoder_inputs(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Time-major input sequence for one-to-many/seq2seq decoders under teacher forcing."""
        B, steps = y.shape[:2]
        if self.arch == "seq2seq":
            return self._feedback(y, B, steps)
        x0 = x.reshape(B, -1).astype(self.dtype)
        if self.config.feedback == "output":
            seq = self._feedback(y, B, steps)
        else:
            seq = np.zeros((steps, B, self.config.input_size), dtype=self.dtype)
        seq[0] = x0
        return seq

    def _encode(self, x: np.ndarray, mask: np.ndarray | None):
        """Encoder pass; returns its caches, the decoder's initial state, the source length
        and the encoder's outputs ``(T_src, B, D*H)``."""
        x_tm = np.ascontiguousarray(np.swapaxes(np.asarray(x, self.dtype), 0, 1))
        m_tm = _mask_tm(mask, self.dtype)
        enc_out, state_n, caches = self.encoder.forward(self.params, x_tm, m_tm)
        D, L = self.encoder.num_directions, self.config.num_layers

        def merge(s: np.ndarray) -> np.ndarray:  # add the two directions of each layer
            return s.reshape(L, D, *s.shape[1:]).sum(axis=1)

        state0 = tuple(map(merge, state_n)) if isinstance(state_n, tuple) else merge(state_n)
        return caches, state0, x_tm.shape[0], enc_out

    def _run(self, x, mask, y, y_mask):
        """Forward in training mode; returns outputs (batch-major) and a backward cache."""
        P, head_w, head_b = self.params, self.params[HEAD_WEIGHT], self.params[HEAD_BIAS]
        if self.arch == "seq2seq":
            enc_caches, h0, T_src, enc_out = self._encode(x, mask)
            seq = self._decoder_inputs(x, y)
            m_tm = _mask_tm(y_mask, self.dtype)
            top, _, dec_caches = self.decoder.forward(P, seq, m_tm, h0)
            cache = {"enc": enc_caches, "dec": dec_caches, "T_src": T_src}
            if self.attention != "none":  # the head reads h̃_t instead of s_t
                cache["att"] = att = attention_forward(P, self.attention, enc_out, top, mask)[1]
                top = np.swapaxes(att.out, 0, 1)
            cache["top"] = top  # what the head reads
            out = top @ head_w.T + head_b
            return np.swapaxes(out, 0, 1), cache
        if self.arch == "one_to_many":
            x_tm = self._decoder_inputs(x, y)
            m_tm = _mask_tm(y_mask, self.dtype)
        else:
            x_tm = np.ascontiguousarray(np.swapaxes(np.asarray(x, self.dtype), 0, 1))
            m_tm = _mask_tm(mask, self.dtype)
        top, _, caches = self.rnn.forward(P, x_tm, m_tm)
        cache = {"rnn": caches, "top": top}
        if self.arch == "many_to_one":
            H = self.config.hidden_size
            feat = top[-1] if self.rnn.num_directions == 1 else np.concatenate(
                [top[-1, :, :H], top[0, :, H:]], axis=-1
            )
            cache["feat"] = feat
            return feat @ head_w.T + head_b, cache
        return np.swapaxes(top @ head_w.T + head_b, 0, 1), cache

    def forward(
        self,
        x: np.ndarray,
        mask: np.ndarray | None = None,
        *,
        y: np.ndarray | None = None,
        y_mask: np.ndarray | None = None,
        steps: int | None = None,
    ) -> np.ndarray:
        """Outputs (regression values or class logits) for ``x`` ``(batch, time, features)``.

        Generative networks (one-to-many, seq2seq) use teacher forcing when ``y`` is given,
        otherwise they run free for ``steps`` steps, feeding back their greedy choice.
        """
        if self.generative and y is None:
            return self.generate(x, mask, steps=steps)
        # In chunks of sequences: a training pass's cache for a whole validation set would
        # dwarf the network (budget.inference_rows); each sequence's outputs are its own.
        longest = max(x.shape[1], 0 if y is None or y.ndim < 2 else y.shape[1])
        rows = inference_rows(self.config, longest, self.num_parameters())
        if len(x) <= rows:
            return self._run(x, mask, y, y_mask)[0]

        def part(a: np.ndarray | None, i: int) -> np.ndarray | None:
            return None if a is None else a[i : i + rows]

        return np.concatenate([
            self._run(x[i : i + rows], part(mask, i), part(y, i), part(y_mask, i))[0]
            for i in range(0, len(x), rows)
        ])

    def predict(self, x: np.ndarray, mask: np.ndarray | None = None, steps: int | None = None):
        """Inference outputs: aligned read-outs, or free-running generation for ``steps``."""
        return self.forward(x, mask, steps=steps)

    def generate(
        self,
        x: np.ndarray,
        mask: np.ndarray | None = None,
        steps: int | None = None,
        temperature: float = 0.0,
        rng: np.random.Generator | None = None,
    ) -> np.ndarray:
        """Free-running outputs ``(batch, steps, out)`` of a one-to-many or seq2seq network.

        Each step's output is fed back: for classification the chosen token (argmax when
        ``temperature`` is 0, else sampled from softmax(logits / temperature)) as one-hot.
        """
        return self.generate_with_attention(x, mask, steps, temperature, rng)[0]

    def generate_with_attention(
        self,
        x: np.ndarray,
        mask: np.ndarray | None = None,
        steps: int | None = None,
        temperature: float = 0.0,
        rng: np.random.Generator | None = None,
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """As :meth:`generate`, with the attention weights of each generated step,
        ``(batch, steps, source steps)`` (``None`` for a network without attention)."""
        if not self.generative:
            raise ValueError("only one-to-many and seq2seq networks generate")
        if steps is None or steps < 1:
            raise ValueError("generation needs a number of steps")
        c = self.config
        run = self.decoding(x, mask)
        B = run.input.shape[1]
        rng = rng if rng is not None else np.random.default_rng(0)
        outs = np.empty((B, steps, c.output_size), dtype=self.dtype)
        alphas = None if run.memory is None else np.zeros(
            (B, steps, run.memory.shape[0]), dtype=self.dtype)
        for t in range(steps):
            out, alpha = self.decode_step(run)
            outs[:, t] = out
            if alphas is not None and alpha is not None:
                alphas[:, t] = alpha
            if self.arch == "one_to_many" and c.feedback == "zero":
                run.input = np.zeros((1, B, c.input_size), dtype=self.dtype)
            elif c.loss == "ce":
                if temperature > 0:
                    probs = softmax(out / temperature)
                    u = rng.random((B, 1))
                    tok = np.minimum((probs.cumsum(axis=1) < u).sum(axis=1), c.output_size - 1)
                else:
                    tok = out.argmax(axis=1)
                run.feed(tok)
            else:
                run.input = out[None].copy()
        return outs, alphas

    def decoding(self, x: np.ndarray, mask: np.ndarray | None = None) -> Decoding:
        """Where free generation starts for ``x`` (batch-major): the first input, the
        state and what attention reads (see :meth:`decode_step`)."""
        if not self.generative:
            raise ValueError("only one-to-many and seq2seq networks generate")
        B = x.shape[0]
        if self.arch == "one_to_many":
            inp = np.asarray(x, self.dtype).reshape(1, B, -1)
            return Decoding(self.rnn, None, inp, None, None)
        _, h, _, enc_out = self._encode(x, mask)
        inp = np.zeros((1, B, self.config.output_size), dtype=self.dtype)
        memory = enc_out if self.attention != "none" else None
        m = None if mask is None else np.asarray(mask)
        return Decoding(self.decoder, h, inp, memory, m)

    def decode_step(self, run: Decoding) -> tuple[np.ndarray, np.ndarray | None]:
        """One step of free generation from ``run.input``: the outputs ``(B, O)`` and the
        attention weights ``(B, source steps)`` (``None`` without attention); ``run``'s
        state moves on, its input is for the caller to set (:meth:`Decoding.feed`)."""
        P = self.params
        top, run.state, _ = run.stack.forward(P, run.input, None, run.state)
        alpha = None
        if run.memory is not None:
            top, att = attention_forward(P, self.attention, run.memory, top, run.mask)
            alpha = att.alpha[:, 0]
        return top[0] @ P[HEAD_WEIGHT].T + P[HEAD_BIAS], alpha

    # -- loss and backward ---------------------------------------------------------------
    def loss(self, outputs: np.ndarray, y: np.ndarray, mask=None, y_mask=None):
        """Loss of ``outputs`` against ``y`` and its gradient with respect to the outputs."""
        c = self.config
        step_mask = y_mask if self.generative else mask
        if c.loss == "ctc":
            from rnn_sandbox.engine.ctc import ctc_loss

            return ctc_loss(outputs, y, mask, y_mask)
        if self.arch == "many_to_one":
            step_mask = None
        if c.loss == "ce":
            return cross_entropy(outputs, y, step_mask)
        return mse(outputs, np.asarray(y, self.dtype), step_mask)

    def loss_and_grads(
        self,
        x: np.ndarray,
        y: np.ndarray,
        mask: np.ndarray | None = None,
        y_mask: np.ndarray | None = None,
        truncation: int = 0,
    ) -> tuple[float, dict[str, np.ndarray]]:
        """Forward, loss and backpropagation through time.

        Returns the loss and a gradient for every parameter (same names).  Afterwards
        ``self.cache`` holds, per layer/direction name, the hidden states ``(B, T, H)``
        (``cache['hidden']``) and dL/dh_t ``(B, T, H)`` (``cache['grad_h']``).
        """
        out, cache = self._run(x, mask, y, y_mask)
        loss, d_out = self.loss(out, y, mask, y_mask)
        grads, steps = self._backward(cache, d_out, truncation)
        self.cache = self._public_cache(cache, steps, out, loss)
        return loss, grads

    def _backward(
        self, cache: dict[str, Any], d_out: np.ndarray, truncation: int, per_step: bool = False
    ) -> tuple[dict[str, np.ndarray], dict[str, dict[str, np.ndarray]]]:
        """Backpropagation from ``d_out`` (dL/d outputs): the gradients and dL/dh_t (and
        dL/dc_t) per layer/direction name (``steps``).  With ``per_step`` every gradient
        keeps the contribution of each step where the parameter is used apart, ``(T, *shape)``
        over the steps of its own stack (seq2seq: the encoder's or the decoder's; the head:
        the steps it reads, see :func:`_head_grads_per_step`)."""
        P = self.params
        head_w = P[HEAD_WEIGHT]
        grads: dict[str, np.ndarray] = {}
        if per_step:
            grads[HEAD_WEIGHT], grads[HEAD_BIAS] = self._head_grads_per_step(cache, d_out)
        if self.arch == "many_to_one":
            feat = cache["feat"]
            if not per_step:
                grads[HEAD_WEIGHT] = d_out.T @ feat
                grads[HEAD_BIAS] = d_out.sum(axis=0)
            d_feat = d_out @ head_w
            top = cache["top"]
            d_top = np.zeros_like(top)
            H = self.config.hidden_size
            d_top[-1, :, :H] = d_feat[:, :H]
            if self.rnn.num_directions == 2:
                d_top[0, :, H:] = d_feat[:, H:]
        else:
            top = cache["top"]
            d_out_tm = np.swapaxes(d_out, 0, 1)
            if not per_step:
                flat_d = d_out_tm.reshape(-1, d_out.shape[-1])
                grads[HEAD_WEIGHT] = flat_d.T @ top.reshape(-1, top.shape[-1])
                grads[HEAD_BIAS] = flat_d.sum(axis=0)
            d_top = d_out_tm @ head_w
        if self.arch == "seq2seq":
            d_enc_out = None
            if "att" in cache:  # d_top is dL/dh̃: through attention to s_t and every h_j
                d_top, d_enc_out, g = attention_backward(P, cache["att"], d_top, per_step)
                grads.update(g)
            _, d_state0, g, dec_steps = self.decoder.backward(
                P, cache["dec"], d_top, None, truncation, per_step
            )
            grads.update(g)
            D = self.encoder.num_directions

            # The decoder started from the sum of the encoder's directions: both get it.
            def split(d: np.ndarray) -> np.ndarray:
                return np.repeat(d, D, axis=0)

            d_state_n = (
                tuple(map(split, d_state0)) if isinstance(d_state0, tuple) else split(d_state0)
            )
            dh0 = d_state0[0] if isinstance(d_state0, tuple) else d_state0
            T_src, B, H = cache["T_src"], dh0.shape[1], self.config.hidden_size
            if d_enc_out is None:
                d_enc_out = np.zeros((T_src, B, D * H), dtype=dh0.dtype)
            _, _, g, enc_steps = self.encoder.backward(
                P, cache["enc"], d_enc_out, d_state_n, truncation, per_step
            )
            grads.update(g)
            steps = {k: {**enc_steps[k], **dec_steps[k]} for k in ("h", "c")}
        else:
            _, _, g, steps = self.rnn.backward(
                P, cache["rnn"], d_top, None, truncation, per_step
            )
            grads.update(g)
        return {k: grads[k] for k in self.params}, steps

    def _head_grads_per_step(self, cache, d_out):
        """The head's gradients step by step, ``(T, *shape)``, over the steps it reads.

        An aligned head (many-to-many, one-to-many, the seq2seq decoder, CTC) reads every
        step: step t's part is ``d_out_t^T top_t``.  A many-to-one head reads one state per
        direction: the forward direction's columns (and the bias) count at the step whose
        state it reads, the sample's last real step; a backward direction's columns at step
        0, where that direction ends.
        """
        head_w = self.params[HEAD_WEIGHT]
        top = cache["top"]
        T = top.shape[0]
        if self.arch != "many_to_one":
            d_tm = np.swapaxes(d_out, 0, 1)
            return np.einsum("tbo,tbh->toh", d_tm, top), d_tm.sum(axis=1)
        feat, B, H = cache["feat"], d_out.shape[0], self.config.hidden_size
        mask = cache["rnn"][0].mask  # (T, B, 1) or None
        last = np.full(B, T - 1) if mask is None else T - 1 - np.argmax(mask[::-1, :, 0] != 0, 0)
        at_last = np.zeros((T, B), dtype=d_out.dtype)
        at_last[last, np.arange(B)] = 1.0
        w = np.zeros((T, *head_w.shape), dtype=d_out.dtype)
        w[..., :H] = np.einsum("tb,bo,bh->toh", at_last, d_out, feat[:, :H])
        if self.rnn.num_directions == 2:
            w[0, :, H:] = d_out.T @ feat[:, H:]
        return w, at_last @ d_out

    def _public_cache(self, cache, per_step, out, loss) -> dict[str, Any]:
        """Batch-major views for plots: ``hidden``/``grad_h`` ``(B, T, H)`` per state name;
        gated cells add ``gates`` ``(B, T, G*H)`` and, for the LSTM, ``cell``/``grad_c``;
        attention adds its weights α ``attention`` ``(B, T_out, T_src)``, the contexts c_t
        ``context`` ``(B, T_out, D*H)`` and what the head read, h̃_t, ``attended``
        ``(B, T_out, H)``."""

        def bm(a: np.ndarray) -> np.ndarray:
            return np.swapaxes(a, 0, 1)

        pub: dict[str, Any] = {"hidden": {}, "outputs": out, "loss": loss}
        for stack, key in self._stack_cache_keys():
            for i, name in enumerate(stack.state_names()):
                c = cache[key][i]
                pub["hidden"][name] = bm(c.h)
                if stack.spec.gates:
                    pub.setdefault("gates", {})[name] = bm(c.gates)
                if stack.spec.cell_state:
                    pub.setdefault("cell", {})[name] = bm(c.c)
        att: AttentionCache | None = cache.get("att")
        if att is not None:  # batch-major already: (B, T_out, T_src), (B, T_out, ...)
            pub["attention"] = att.alpha
            pub["context"] = att.context
            pub["attended"] = att.out
        pub["grad_h"] = {k: bm(v) for k, v in per_step["h"].items()}
        if per_step["c"]:
            pub["grad_c"] = {k: bm(v) for k, v in per_step["c"].items()}
        return pub

    def _stack_cache_keys(self):
        if self.arch == "seq2seq":
            return [(self.encoder, "enc"), (self.decoder, "dec")]
        return [(self.rnn, "rnn")]


def _mask_tm(mask: np.ndarray | None, dtype) -> np.ndarray | None:
    """``(B, T)`` mask to time-major ``(T, B, 1)``; ``None`` stays ``None``."""
    if mask is None:
        return None
    return np.ascontiguousarray(np.swapaxes(np.asarray(mask, dtype), 0, 1))[..., None]
