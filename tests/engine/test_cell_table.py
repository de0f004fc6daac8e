"""Every recurrent cell is one row of the cell table, and where a cell's name is written."""

from __future__ import annotations

import re
from pathlib import Path

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.budget import CACHE_PER_UNIT
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.fields import CELLS, CHOICE_LABELS

PACKAGE = Path(__file__).resolve().parents[2] / "rnn_sandbox"

# Where each cell's name is written in the program, as a string.  The minimal cells show
# what adding a cell takes: its module, its row in the table, the setting's choices (fields
# imports nothing of the engine), the memory estimate's numbers per unit and the PyTorch
# script (which has no module for them); their formula lines live in a module of their own.
# The older cells are still named in the views that draw their gates (not yet moved).
WHERE = {
    "mingru": {"engine/minimal.py", "engine/cell_table.py", "fields.py", "engine/budget.py",
               "io/export.py", "ui/diagram/formula_min.py"},
    "minlstm": {"engine/minimal.py", "engine/cell_table.py", "fields.py", "engine/budget.py",
                "io/export.py"},
    "gru": {"engine/anatomy.py", "engine/budget.py", "engine/cell_table.py", "engine/inspect.py",
            "fields.py", "io/export.py", "tasks/text_generation.py", "tasks/translation.py",
            "ui/diagram/formula.py", "ui/diagram/widget.py", "ui/words.py",
            "ui/learned/view.py", "ui/plots/hidden.py"},
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
