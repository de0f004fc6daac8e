"""Every recurrent cell the engine knows, registered in one table.

A cell is one module that computes one direction of one layer forward and backward through
time and describes itself with a :class:`~.cell_spec.Cell`: :mod:`.rnn_cell` (simple RNN),
:mod:`.lstm`, :mod:`.gru`, :mod:`.minimal` (minGRU, minLSTM).  Its entry says what the rest of
the program needs to know about it: its gates in the row order of PyTorch's stacked weights
(the anatomy, the diagram, the formula view), which parameters each layer and direction has
(PyTorch's names: ``weight_ih``, ``weight_hh``, …), whether its gates read the previous state,
whether it has a cell state, how the network calls its forward and backward passes, the
PyTorch module the export builds and its numbers in the memory estimate.
:class:`~.network.RNNStack` runs any cell through its entry, so adding a cell means adding a
module and a row here (and its choice in ``fields.py``; ``tests/engine/test_cell_table.py``
lists where cell names are written).
"""

from __future__ import annotations

from collections.abc import Callable

from rnn_sandbox.engine import gru, lstm, minimal, rnn_cell
from rnn_sandbox.engine.cell_spec import (
    INPUT_KINDS,
    SIGMOID,
    Backward,
    Cell,
    Explained,
    Forward,
    Gate,
    StepNumbers,
)

__all__ = ["CELL_TABLE", "Cell", "Gate"]


# minGRU and minLSTM share one module, minimal.py (its step loop and its scan); their
# entries are written here.
def _minimal(name: str) -> tuple[Forward, Backward, Callable[[StepNumbers], Explained]]:
    def forward(x, p, h0, c0, mask, reverse, nonlinearity):
        h, cache = minimal.min_dir_forward(name, x, p["weight_ih"], p["bias_ih"], h0, mask,
                                           reverse)
        return h, cache, None

    def backward(cache, dh_out, dh_last, dc_last, p, nonlinearity, truncation, per_step):
        dx, dh0, g, dh = minimal.min_dir_backward(cache, dh_out, dh_last, p["weight_ih"],
                                                  truncation, per_step)
        return dx, dh0, None, g, dh, None

    def explain(s: StepNumbers) -> Explained:
        assert s.gates is not None  # a minimal cell's trace holds its gates
        dpre = minimal.gate_gradients(name, s.gates, s.h_prev, s.grad_h, None)
        return Explained(dpre, gate_pre=s.pre_activations())

    return forward, backward, explain


MINGRU = Cell("mingru", "minGRU", (
    Gate("z", "update", "update gate", SIGMOID),
    Gate("h̃", "candidate", "candidate", "none"),
), INPUT_KINDS, False, False, *_minimal("mingru"), torch="MinRNN", cache_per_unit=9,
    start_bias={0: -3.0})
MINLSTM = Cell("minlstm", "minLSTM", (
    Gate("f", "forget", "forget gate", SIGMOID),
    Gate("i", "input", "input gate", SIGMOID),
    Gate("h̃", "candidate", "candidate", "none"),
), INPUT_KINDS, False, False, *_minimal("minlstm"), torch="MinRNN", cache_per_unit=12,
    start_bias={0: 3.0, 1: -3.0})

CELL_TABLE: dict[str, Cell] = {
    cell.name: cell for cell in (rnn_cell.CELL, lstm.CELL, gru.CELL, MINGRU, MINLSTM)
}
