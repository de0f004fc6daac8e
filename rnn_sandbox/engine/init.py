"""Weight initialisations.

``uniform`` is PyTorch's default (every recurrent parameter from U(-1/sqrt(H), 1/sqrt(H));
``nn.Linear`` from U(-1/sqrt(fan_in), 1/sqrt(fan_in))).  ``xavier`` and ``orthogonal`` zero
the biases, except the LSTM's forget gate bias, which starts at 1 as in Keras.
``spectral`` starts from the uniform draw and rescales each ``W_hh`` (each gate's block) so
its largest absolute eigenvalue is ``r``: below 1 the gradient through time shrinks
(vanishes), well above 1 it can explode.
"""

from __future__ import annotations

import numpy as np


def uniform(rng: np.random.Generator, shape: tuple[int, ...], bound: float) -> np.ndarray:
    return rng.uniform(-bound, bound, size=shape)


def xavier(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    fan_out, fan_in = shape
    bound = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=shape)


def orthogonal(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """A (semi-)orthogonal matrix, as ``torch.nn.init.orthogonal_`` builds it."""
    rows, cols = shape
    a = rng.standard_normal((max(rows, cols), min(rows, cols)))
    q, r = np.linalg.qr(a)
    q *= np.sign(np.diag(r))  # make the decomposition unique
    return q if rows >= cols else q.T


def spectral_radius(w: np.ndarray) -> float:
    return float(np.max(np.abs(np.linalg.eigvals(w)))) if w.size else 0.0


def scale_to_spectral_radius(w: np.ndarray, r: float) -> np.ndarray:
    rho = spectral_radius(w)
    return w * (r / rho) if rho > 0 else w


def init_recurrent(
    rng: np.random.Generator,
    shapes: dict[str, tuple[int, ...]],
    hidden_size: int,
    scheme: str,
    radius: float,
    start_bias: dict[int, float] | None = None,
) -> dict[str, np.ndarray]:
    """Initial values for a recurrent stack's parameters (names as in ``shapes``).

    ``start_bias`` (block of H rows → value) sets gate biases where ``xavier`` and
    ``orthogonal`` zero them: minGRU's and minLSTM's gates start keeping about 95 % of the
    state per step, as the LSTM's forget bias of 1 starts it remembering."""
    bound = 1.0 / np.sqrt(hidden_size)
    out: dict[str, np.ndarray] = {}
    for name, shape in shapes.items():
        base = name.rsplit(".", 1)[-1]
        if scheme in ("uniform", "spectral"):
            w = uniform(rng, shape, bound)
            if scheme == "spectral" and base.startswith("weight_hh"):
                # Gated cells stack one square block per gate: scale each block.
                H = shape[1]
                w = np.concatenate(
                    [scale_to_spectral_radius(w[i : i + H], radius) for i in range(0, len(w), H)]
                )
        elif base.startswith("bias"):
            w = np.zeros(shape)
            if base.startswith("bias_ih") and shape[0] == 4 * hidden_size:
                # LSTM forget gate bias 1 (as Keras does): the cell starts out remembering.
                w[hidden_size : 2 * hidden_size] = 1.0
            if base.startswith("bias_ih") and start_bias:
                for block, value in start_bias.items():
                    w[block * hidden_size : (block + 1) * hidden_size] = value
        elif base.startswith("weight_hh") and scheme == "orthogonal":
            # Gated cells stack one square block per gate; each block is orthogonal.
            blocks = shape[0] // shape[1]
            w = np.concatenate([orthogonal(rng, (shape[1], shape[1])) for _ in range(blocks)])
        else:
            w = xavier(rng, shape)
        out[name] = w
    return out


def init_linear(rng: np.random.Generator, out_features: int, in_features: int):
    bound = 1.0 / np.sqrt(in_features)
    return (
        uniform(rng, (out_features, in_features), bound),
        uniform(rng, (out_features,), bound),
    )
