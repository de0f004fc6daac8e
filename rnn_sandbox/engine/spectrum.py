"""What the views show of the recurrence itself, computed without Qt.

* A simple RNN's state is multiplied by W_hh at every step (h_t = tanh(W_ih x_t + W_hh h_{t−1}
  + b)), and so is the error on its way back: the eigenvalues of W_hh against the unit
  circle say whether both shrink (all inside: vanishing) or can grow (some outside).  Their
  largest size, the spectral radius, is what the spectral initialisation sets
  (:func:`rnn_sandbox.engine.init.scale_to_spectral_radius`).
* The minimal gated cells' ∂h_T/∂h_t is a product of their kept fractions
  (:func:`rnn_sandbox.engine.minimal.state_jacobian`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.anatomy import Anatomy


@dataclass(frozen=True)
class Spectrum:
    """The eigenvalues of one recurrent weight matrix."""

    name: str  # the parameter's name, "weight_hh_l0_reverse"
    label: str  # its short title, "W_hh 1←"
    eigenvalues: np.ndarray  # complex, (H,)

    @property
    def radius(self) -> float:
        """The spectral radius, max |λ|."""
        return float(np.abs(self.eigenvalues).max()) if self.eigenvalues.size else 0.0


def has_spectra(anatomy: Anatomy) -> bool:
    """Whether the network has square recurrent weights to show: a simple RNN's W_hh (a
    gated cell stacks one block per gate, and the minimal cells have none)."""
    return anatomy.cell == "rnn"


def recurrent_spectra(anatomy: Anatomy, weights: Mapping[str, np.ndarray]) -> list[Spectrum]:
    """The eigenvalues of each layer's and direction's W_hh, in the network's order (a
    seq2seq network's encoder, then decoder); none unless :func:`has_spectra`."""
    if not has_spectra(anatomy):
        return []
    out = []
    for p in anatomy.params:
        w = weights.get(p.name)
        if p.kind == "weight_hh" and w is not None:
            w = np.asarray(w, dtype=float)
            eig = np.linalg.eigvals(w) if np.isfinite(w).all() else np.full(len(w), np.nan)
            out.append(Spectrum(p.name, p.label or p.name, eig))
    return out
