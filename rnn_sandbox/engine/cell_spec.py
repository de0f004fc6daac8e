"""What a recurrent cell tells the rest of the program: :class:`Cell` and its :class:`Gate`.

Each cell's module (:mod:`.rnn_cell`, :mod:`.lstm`, :mod:`.gru`, :mod:`.minimal`) describes
itself with one :class:`Cell`, and :mod:`.cell_table` registers them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Gate:
    """One gate of a gated cell; ``squash`` is "sigmoid" (open between 0 and 1), "tanh"
    (the candidate value) or "none" (a linear candidate, as in minGRU's h̃)."""

    letter: str  # "f"
    word: str  # PyTorch's word for it: "forget"; the LSTM's candidate is the "cell" gate
    title: str  # "forget gate"; the candidates: "candidate"
    squash: str

    @property
    def name(self) -> str:
        """``"forget f"``: the word and the letter of the equations."""
        return f"{self.word} {self.letter}"


SIGMOID = "sigmoid"

@dataclass
class StepNumbers:
    """One direction of one sample at every step, ``(T, ·)``, as the step-through takes it
    apart; ``w_hh`` and ``b_hh`` are zeros for a cell without them."""

    x: np.ndarray  # what the layer read
    h: np.ndarray  # the state after each step
    h_prev: np.ndarray  # the state each step started from
    grad_h: np.ndarray  # all of dL/dh_t
    w_ih: np.ndarray
    w_hh: np.ndarray
    b_ih: np.ndarray
    b_hh: np.ndarray
    nonlinearity: str  # a simple RNN's activation
    gates: np.ndarray | None = None  # gate activations (T, G*H)
    c: np.ndarray | None = None  # an LSTM's cell state, the one each step started from,
    c_prev: np.ndarray | None = None  # and all of dL/dc_t
    grad_c: np.ndarray | None = None

    def pre_activations(self) -> np.ndarray:
        """``W_ih x_t + b_ih + W_hh h_{t-1} + b_hh`` of every row, every step."""
        return self.x @ self.w_ih.T + self.b_ih + self.h_prev @ self.w_hh.T + self.b_hh


@dataclass
class Explained:
    """What a cell's module works out for the step-through from :class:`StepNumbers`."""

    dpre: np.ndarray  # dL/d(pre-activation) (T, G*H), the input side
    dpre_hh: np.ndarray | None = None  # the hidden side where it differs (the GRU's n)
    ih: np.ndarray | None = None  # a simple RNN's W_ih x_t, W_hh h_{t-1} and their sum
    hh: np.ndarray | None = None
    pre: np.ndarray | None = None
    gate_pre: np.ndarray | None = None  # each gate's pre-activation (T, G*H)
    hn: np.ndarray | None = None  # the GRU's W_hn h_{t-1} + b_hn


# forward(x, params by kind, h0, c0, mask, reverse, nonlinearity)
#     -> (states (T, B, H), cache, final cell state or None)
Forward = Callable[..., tuple[np.ndarray, Any, np.ndarray | None]]
# backward(cache, dh_out, dh_last, dc_last, params by kind, nonlinearity, truncation, per_step)
#     -> (dx, dh0, dc0 or None, grads by kind, dL/dh_t, dL/dc_t or None)
Backward = Callable[..., tuple[Any, ...]]


@dataclass(frozen=True)
class Cell:
    name: str  # the value of the ``cell`` setting
    title: str  # "minGRU"
    gates: tuple[Gate, ...]  # in the row order of the stacked weights
    kinds: tuple[str, ...]  # parameters of each layer and direction, in state_dict order
    gates_read_h: bool  # whether the gates read h_{t-1} (False: linear in h, a scan)
    cell_state: bool  # an LSTM's c beside h
    forward: Forward
    backward: Backward
    # The step-through's numbers of one sample (engine/inspect.py), from the module's own
    # readable derivatives.
    explain: Callable[[StepNumbers], Explained]
    # The PyTorch module the exported script builds for it ("nn.LSTM"; "MinRNN": the script's
    # own module, io/export.py).
    torch: str
    # Numbers a training step keeps per time step, sequence, layer and direction, in units of
    # the hidden size (engine/budget.py): the forward cache plus the backward pass's peak.
    cache_per_unit: int
    # Gate biases (block of H rows → value) where the xavier and orthogonal initialisations
    # zero the biases: the minimal cells start out keeping about 95 % of the state per step
    # (1 − σ(−3)), so from the first step a gradient reaches tens of steps back.
    start_bias: dict[int, float] | None = None
    # Source of the PyTorch module the exported script defines when ``torch`` is not one of
    # PyTorch's own.
    torch_source: str = ""

    @property
    def rows(self) -> int:
        """Blocks of H rows in the weight matrices: one per gate, one for a simple RNN."""
        return len(self.gates) or 1


FULL_KINDS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
INPUT_KINDS = ("weight_ih", "bias_ih")
