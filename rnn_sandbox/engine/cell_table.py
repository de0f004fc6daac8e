"""Every recurrent cell the engine knows, registered in one table.

A cell is one module that computes one direction of one layer forward and backward through
time (:mod:`.cells`: simple RNN; :mod:`.gated`: LSTM, GRU; :mod:`.minimal`: minGRU, minLSTM).
Its entry here says what the rest of the program needs to know about it: its gates in the
row order of PyTorch's stacked weights (the anatomy, the diagram, the formula view), which
parameters each layer and direction has (PyTorch's names: ``weight_ih``, ``weight_hh``, …),
whether its gates read the previous state, whether it has a cell state, and how the network
calls its forward and backward passes.  :class:`~.network.RNNStack` runs any cell through its
entry, so adding a cell means adding a module and a row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnn_sandbox.engine import cells, gated, minimal


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
    # Gate biases (block of H rows → value) where the xavier and orthogonal initialisations
    # zero the biases: the minimal cells start out keeping about 95 % of the state per step
    # (1 − σ(−3)), so from the first step a gradient reaches tens of steps back.
    start_bias: dict[int, float] | None = None

    @property
    def rows(self) -> int:
        """Blocks of H rows in the weight matrices: one per gate, one for a simple RNN."""
        return len(self.gates) or 1


FULL_KINDS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
INPUT_KINDS = ("weight_ih", "bias_ih")


def _rnn_forward(x, p, h0, c0, mask, reverse, nonlinearity):
    h, cache = cells.rnn_dir_forward(x, p["weight_ih"], p["weight_hh"], p["bias_ih"],
                                     p["bias_hh"], h0, mask, reverse, nonlinearity)
    return h, cache, None


def _rnn_backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    dx, dh0, g, dh = cells.rnn_dir_backward(cache, dh_out, dh_last, p["weight_ih"],
                                            p["weight_hh"], nonlinearity, truncation, per_step)
    return dx, dh0, None, g, dh, None


def _gru_forward(x, p, h0, c0, mask, reverse, nonlinearity):
    h, cache = gated.gru_dir_forward(x, p["weight_ih"], p["weight_hh"], p["bias_ih"],
                                     p["bias_hh"], h0, mask, reverse)
    return h, cache, None


def _gru_backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    dx, dh0, g, dh = gated.gru_dir_backward(cache, dh_out, dh_last, p["weight_ih"],
                                            p["weight_hh"], truncation, per_step)
    return dx, dh0, None, g, dh, None


def _lstm_forward(x, p, h0, c0, mask, reverse, nonlinearity):
    h, cache = gated.lstm_dir_forward(x, p["weight_ih"], p["weight_hh"], p["bias_ih"],
                                      p["bias_hh"], h0, c0, mask, reverse)
    assert cache.c is not None  # an LSTM's cache holds its cell states
    return h, cache, cache.c[0] if reverse else cache.c[-1]


def _lstm_backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
    return gated.lstm_dir_backward(cache, dh_out, dh_last, dc_last, p["weight_ih"],
                                   p["weight_hh"], truncation, per_step)


def _minimal(name: str) -> tuple[Forward, Backward]:
    def forward(x, p, h0, c0, mask, reverse, nonlinearity):
        h, cache = minimal.min_dir_forward(name, x, p["weight_ih"], p["bias_ih"], h0, mask,
                                           reverse)
        return h, cache, None

    def backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
        dx, dh0, g, dh = minimal.min_dir_backward(cache, dh_out, dh_last, p["weight_ih"],
                                                  truncation, per_step)
        return dx, dh0, None, g, dh, None

    return forward, backward


_SIGMOID = "sigmoid"
CELL_TABLE: dict[str, Cell] = {
    "rnn": Cell("rnn", "simple RNN", (), FULL_KINDS, True, False, _rnn_forward, _rnn_backward),
    "lstm": Cell("lstm", "LSTM", (
        Gate("i", "input", "input gate", _SIGMOID),
        Gate("f", "forget", "forget gate", _SIGMOID),
        Gate("g", "cell", "candidate", "tanh"),
        Gate("o", "output", "output gate", _SIGMOID),
    ), FULL_KINDS, True, True, _lstm_forward, _lstm_backward),
    "gru": Cell("gru", "GRU", (
        Gate("r", "reset", "reset gate", _SIGMOID),
        Gate("z", "update", "update gate", _SIGMOID),
        Gate("n", "new", "candidate", "tanh"),
    ), FULL_KINDS, True, False, _gru_forward, _gru_backward),
    "mingru": Cell("mingru", "minGRU", (
        Gate("z", "update", "update gate", _SIGMOID),
        Gate("h̃", "candidate", "candidate", "none"),
    ), INPUT_KINDS, False, False, *_minimal("mingru"), {0: -3.0}),
    "minlstm": Cell("minlstm", "minLSTM", (
        Gate("f", "forget", "forget gate", _SIGMOID),
        Gate("i", "input", "input gate", _SIGMOID),
        Gate("h̃", "candidate", "candidate", "none"),
    ), INPUT_KINDS, False, False, *_minimal("minlstm"), {0: 3.0, 1: -3.0}),
}
