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

from rnn_sandbox.engine import gru, lstm, minimal, rnn_cell
from rnn_sandbox.engine.cell_spec import Cell, Gate

__all__ = ["CELL_TABLE", "Cell", "Gate"]

CELL_TABLE: dict[str, Cell] = {
    cell.name: cell
    for cell in (rnn_cell.CELL, lstm.CELL, gru.CELL, minimal.MINGRU, minimal.MINLSTM)
}
