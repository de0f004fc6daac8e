"""Every recurrent cell is one row of the cell table, and where a cell's name is written."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import numpy as np

from rnn_sandbox.config import ExperimentConfig, NetworkConfig
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.anatomy import anatomy_of
from rnn_sandbox.engine.budget import cache_per_unit, estimate
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.engine.gradcheck import gradcheck
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
        assert name in CHOICE_LABELS and cache_per_unit(name) > 0
        net = Network(NetworkConfig(input_size=2, output_size=1, hidden_size=3, cell=name))
        kinds = {k.rsplit("_l", 1)[0] for k in net.params if not k.startswith("head")}
        assert kinds == set(cell.kinds), name
        assert net.params["weight_ih_l0"].shape[0] == 3 * cell.rows
        # The exported script builds the module the cell names: PyTorch's, or its own.
        script = torch_script(net.config)
        assert f"\nMODULE = {cell.torch}\n" in script, name
        assert cell.torch.startswith("nn.") or f"\nclass {cell.torch}(nn.Module)" in script


def test_a_cell_in_the_table_and_the_choices_alone_builds_trains_and_exports(new_cell):
    cfg = ExperimentConfig()
    n = cfg.network
    n.cell, n.num_layers, n.bidirectional = new_cell.name, 2, True
    n.input_size, n.output_size, n.hidden_size = 2, 1, 3
    cfg.validate()
    net = Network(n, seed=4)
    twin = Network(dataclasses.replace(n, cell="lstm"), seed=4)  # the module it runs
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 5, 2)), rng.normal(size=(2, 1))
    loss, grads = net.loss_and_grads(x, y)
    twin_loss, twin_grads = twin.loss_and_grads(x, y)
    assert loss == twin_loss and grads.keys() == twin_grads.keys()
    assert all(np.array_equal(grads[k], twin_grads[k]) for k in grads)
    assert gradcheck(net, x, y, max_entries=4).worst < 1e-6
    a = anatomy_of(n)
    assert [g.letter for g in a.gates] == ["i", "f", "g", "o"] and a.cell_state
    assert estimate(cfg).cache == estimate(ExperimentConfig.from_dict(
        {**cfg.to_dict(), "network": {**cfg.to_dict()["network"], "cell": "lstm"}})).cache
    assert "\nMODULE = nn.LSTM\n" in torch_script(n)
    assert ExperimentConfig.from_dict(cfg.to_dict()).network.cell == new_cell.name
