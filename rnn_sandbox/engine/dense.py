"""A fully connected baseline without recurrence, to show what a feed-forward net cannot do.

``DenseNetwork`` is ``nn.Sequential(Linear, Tanh, Linear)`` on a whole sequence squeezed into
one vector, in one of two ways:

* ``"flatten"``: the padded steps laid side by side, ``(B, T*I)``.  It sees positions, but
  its input size is fixed: a longer sequence than it was built for does not fit.
* ``"mean"``: the average input over the real (unmasked) steps, ``(B, I)``.  Any length fits,
  but every reordering of the same steps gives the same vector, so the order is lost.

It offers the pieces of :class:`~rnn_sandbox.engine.network.Network` that the trainer and the
gradient check use (``params``, ``forward``, ``loss``, ``loss_and_grads``, ``predict``,
``state_dict``), with parameters named as PyTorch names them: ``fc1.weight``, ``fc1.bias``,
``head.weight``, ``head.bias``.  Forward and backward::

    a = tanh(v W1^T + b1)          dpre = (dout W2) * (1 - a^2)
    out = a W2^T + b2              dW2 = dout^T a,  dW1 = dpre^T v
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rnn_sandbox.config import NetworkConfig, validate_network
from rnn_sandbox.engine.anatomy import (
    DENSE,
    DENSE_BIAS,
    DENSE_WEIGHT,
    HEAD_BIAS,
    HEAD_WEIGHT,
    Anatomy,
    anatomy_of,
)
from rnn_sandbox.engine.init import init_linear
from rnn_sandbox.engine.losses import cross_entropy, mse
from rnn_sandbox.engine.params import checked_params

POOLINGS = ("flatten", "mean")


class DenseNetwork:
    """One hidden tanh layer on a pooled sequence; many-to-one only.

    ``config`` gives ``input_size`` (features per step), ``hidden_size``, ``output_size``,
    ``loss`` and ``dtype``; ``seq_len`` is the fixed number of steps for ``"flatten"``.

    >>> net = DenseNetwork(NetworkConfig(input_size=3, output_size=2, loss="ce"), pooling="mean")
    >>> net.forward(np.zeros((4, 7, 3))).shape
    (4, 2)
    """

    generative = False
    arch = "many_to_one"

    def __init__(
        self,
        config: NetworkConfig,
        seed: int = 0,
        pooling: str = "mean",
        seq_len: int | None = None,
    ) -> None:
        validate_network(config)
        if pooling not in POOLINGS:
            raise ValueError(f"pooling must be one of {POOLINGS}, not '{pooling}'")
        if config.architecture != "many_to_one":
            raise ValueError("a dense network reads a whole sequence and gives one output")
        if config.loss not in ("mse", "ce"):
            raise ValueError("a dense network is trained with 'mse' or 'ce'")
        if pooling == "flatten" and (seq_len is None or seq_len < 1):
            raise ValueError("a flattening dense network needs a fixed number of steps")
        self.config = NetworkConfig(**vars(config))
        self.dtype = np.dtype(config.dtype)
        self.pooling = pooling
        # The fixed number of steps a flattening network reads; None when it averages.
        self.seq_len = int(seq_len) if pooling == "flatten" and seq_len is not None else None
        self.cache: dict[str, Any] | None = None
        self.reset(seed)

    # -- parameters ----------------------------------------------------------------------
    @property
    def in_features(self) -> int:
        """Width of the pooled vector the first layer reads."""
        I = self.config.input_size
        return I if self.seq_len is None else I * self.seq_len

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        H, O = self.config.hidden_size, self.config.output_size
        return {
            DENSE_WEIGHT: (H, self.in_features),
            DENSE_BIAS: (H,),
            HEAD_WEIGHT: (O, H),
            HEAD_BIAS: (O,),
        }

    def reset(self, seed: int) -> None:
        """Fresh weights (PyTorch's ``nn.Linear`` default) for ``seed``."""
        rng = np.random.default_rng(seed)
        c = self.config
        w1, b1 = init_linear(rng, c.hidden_size, self.in_features)
        w2, b2 = init_linear(rng, c.output_size, c.hidden_size)
        raw = {DENSE_WEIGHT: w1, DENSE_BIAS: b1, HEAD_WEIGHT: w2, HEAD_BIAS: b2}
        self.params = {k: np.ascontiguousarray(v, dtype=self.dtype) for k, v in raw.items()}
        self.cache = None

    def state_dict(self) -> dict[str, np.ndarray]:
        return {k: v.copy() for k, v in self.params.items()}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Replace all parameters; names and shapes must match (nothing changes if not)."""
        self.params = checked_params(self.param_shapes(), state, self.dtype)
        self.cache = None

    def num_parameters(self) -> int:
        return int(sum(v.size for v in self.params.values()))

    def state_names(self) -> list[str]:
        return [DENSE]

    def anatomy(self) -> Anatomy:
        """Names, roles and titles of the state and parameters (see :mod:`.anatomy`)."""
        return anatomy_of(self.config)

    # -- forward -------------------------------------------------------------------------
    def pool(self, x: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """The one vector per sequence that the first layer reads, ``(B, in_features)``."""
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim != 3 or x.shape[2] != self.config.input_size:
            raise ValueError(
                f"expected inputs (batch, time, {self.config.input_size}), got {x.shape}"
            )
        B, T, _ = x.shape
        m = np.ones((B, T), dtype=self.dtype) if mask is None else np.asarray(mask, self.dtype)
        xm = x * m[..., None]
        if self.seq_len is None:  # "mean"
            return xm.sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)[:, None]
        if T > self.seq_len:
            raise ValueError(
                f"this dense network was built for at most {self.seq_len} steps and cannot "
                f"read {T}: its input layer has a fixed size"
            )
        flat = np.zeros((B, self.seq_len, x.shape[2]), dtype=self.dtype)
        flat[:, :T] = xm  # shorter sequences are padded with zeros, like padded batches
        return flat.reshape(B, -1)

    def _run(self, x, mask):
        P = self.params
        v = self.pool(x, mask)
        a = np.tanh(v @ P[DENSE_WEIGHT].T + P[DENSE_BIAS])
        return a @ P[HEAD_WEIGHT].T + P[HEAD_BIAS], {"v": v, "a": a}

    def forward(
        self,
        x: np.ndarray,
        mask: np.ndarray | None = None,
        *,
        y: np.ndarray | None = None,
        y_mask: np.ndarray | None = None,
        steps: int | None = None,
    ) -> np.ndarray:
        """Outputs ``(batch, output_size)``: regression values or class logits."""
        return self._run(x, mask)[0]

    def predict(self, x: np.ndarray, mask: np.ndarray | None = None, steps: int | None = None):
        return self.forward(x, mask)

    # -- loss and backward ---------------------------------------------------------------
    def loss(self, outputs: np.ndarray, y: np.ndarray, mask=None, y_mask=None):
        """Loss of ``outputs`` against ``y`` and its gradient with respect to the outputs."""
        if self.config.loss == "ce":
            return cross_entropy(outputs, y)
        return mse(outputs, np.asarray(y, self.dtype))

    def loss_and_grads(
        self,
        x: np.ndarray,
        y: np.ndarray,
        mask: np.ndarray | None = None,
        y_mask: np.ndarray | None = None,
        truncation: int = 0,
    ) -> tuple[float, dict[str, np.ndarray]]:
        """Forward, loss and backward.  ``self.cache`` afterwards holds the hidden layer as
        one "time step", ``(B, 1, H)``, under ``hidden['fc1']`` and its gradient under
        ``grad_h['fc1']``, so plots written for recurrent states also show it."""
        P = self.params
        out, c = self._run(x, mask)
        loss, d_out = self.loss(out, y, mask, y_mask)
        a, v = c["a"], c["v"]
        d_a = d_out @ P[HEAD_WEIGHT]
        d_pre = d_a * (1.0 - a * a)
        grads = {
            DENSE_WEIGHT: d_pre.T @ v,
            DENSE_BIAS: d_pre.sum(axis=0),
            HEAD_WEIGHT: d_out.T @ a,
            HEAD_BIAS: d_out.sum(axis=0),
        }
        self.cache = {
            "hidden": {DENSE: a[:, None, :]},
            "grad_h": {DENSE: d_a[:, None, :]},
            "outputs": out,
            "loss": loss,
        }
        return loss, grads
