"""Every recurrent cell is one row of the cell table, and where a cell's name is written."""

from __future__ import annotations

import re
from pathlib import Path

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.budget import CACHE_PER_UNIT
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.fields import CELLS, CHOICE_LABELS
from rnn_sandbox.io.export import torch_script

PACKAGE = Path(__file__).resolve().parents[2] / "rnn_sandbox"

# Where each cell's name is written in the program, as a string.  A cell's module holds its
# equations, both forms of its passes, its gates and parameters, its numbers in the memory
# estimate and the PyTorch module the export builds (its ``Cell``); the table registers it,
# and the setting's choices and labels are declared in fields.py (which imports nothing of the
# engine).  The views learn the rest from the table (gates, cell state, W_hh or not); beyond
# that, a name is written only where a task picks a cell by default, in examples in
# docstrings, and where the formula view walks a cell's own equations term by term
# (formula.py: the simple RNN, LSTM and GRU; formula_min.py: the minimal cells; any other
# cell gets formula_generic.py's lines, from its table entry and the engine's numbers).
WHERE = {
    "mingru": {"engine/minimal.py", "fields.py", "ui/diagram/formula_min.py"},
    "minlstm": {"engine/minimal.py", "fields.py", "ui/diagram/formula_min.py"},
    "gru": {"engine/gru.py", "fields.py", "tasks/text_generation.py", "tasks/translation.py",
            "ui/diagram/formula.py"},
    "lstm": {"engine/lstm.py", "fields.py", "engine/anatomy.py", "runs/book.py",
             "tasks/long_memory.py", "ui/diagram/formula.py", "ui/runs/keeping.py"},
}


def written_in(name: str) -> set[str]:
    pattern = re.compile(rf"[\"']{name}[\"']")
    return {
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    }


def test_cell_names_are_written_only_where_listed():
    for name, files in WHERE.items():
        assert written_in(name) == files, name


def test_every_cell_of_the_table_is_a_choice_with_a_label_and_a_size():
    assert set(CELL_TABLE) | {"dense"} == set(CELLS)
    for name, cell in CELL_TABLE.items():
        assert name in CHOICE_LABELS and name in CACHE_PER_UNIT
        net = Network(NetworkConfig(input_size=2, output_size=1, hidden_size=3, cell=name))
        kinds = {k.rsplit("_l", 1)[0] for k in net.params if not k.startswith("head")}
        assert kinds == set(cell.kinds), name
        assert net.params["weight_ih_l0"].shape[0] == 3 * cell.rows
        # The exported script builds the module the cell names: PyTorch's, or its own.
        script = torch_script(net.config)
        assert f"\nMODULE = {cell.torch}\n" in script, name
        assert cell.torch.startswith("nn.") or f"\nclass {cell.torch}(nn.Module)" in script
