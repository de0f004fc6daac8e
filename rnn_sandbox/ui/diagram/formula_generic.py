"""The formula view's lines for a cell it has no walk-through of (a cell added to the engine's
table, :mod:`rnn_sandbox.engine.cell_table`, and nowhere else).

What the table says of every cell is enough for its gates: each pre-activation from W_ih
and x_t (and W_hh and h_{t−1} where the gates read it), squashed as the gate's entry says.
How the gates make the new state, and what flows back, is the cell's own module's: those
lines show the engine's numbers, and the notes say where to read the equations.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.ui.diagram.formula_min import input_shares
from rnn_sandbox.ui.words import engine_title, tr

# Like formula_min, the formula view's helpers come in as ``f``, the module .formula itself.


def _note(b: Any, cell: Any) -> None:
    b.notes.append(tr("The {cell}'s new state and its gradients are shown as the engine "
                      "computes them; its equations are in its module, "
                      "rnn_sandbox/engine/{module}.py.").format(
                          cell=cell.title, module=cell.forward.__module__.rsplit(".", 1)[-1]))


def forward(f: ModuleType, b: Any) -> None:
    state, t, i = b.state, b.t, b.i
    d = b.tr.layers[state]
    cell = CELL_TABLE[d.cell]
    H = d.h.shape[1]
    x, hp = d.x[t], d.h_prev[t]
    xin, prev = b.input_name(state), b.prev_name(d)
    rows = [g * H + i for g in range(len(b.a.gates))]
    b.matrix(b.label(state, "weight_ih"), b.w(state, "weight_ih"), b.gate_rows(H),
             [str(k) for k in range(x.shape[0])], rows)
    if cell.gates_read_h:
        b.matrix(b.label(state, "weight_hh"), b.w(state, "weight_hh"), b.gate_rows(H),
                 [str(j) for j in range(H)], rows)
    for gi, g in enumerate(b.a.gates):
        row = gi * H + i
        b.section = engine_title(g.title)
        sym = f"W_i{g.letter}[{i},:]·{xin} + b_i{g.letter}[{i}]"
        if cell.gates_read_h:
            sym += f" + W_h{g.letter}[{i},:]·{prev} + b_h{g.letter}[{i}]"
        terms = b.affine(state, row, x, hp, with_hh=cell.gates_read_h)
        pre = b.add(f"a_{g.letter}", f"a_{g.letter}", sym, terms, f._got(d.gate_pre)[t, row])
        if g.squash != "none":
            b.add(g.letter, g.letter, f"{g.squash}(a_{g.letter})", [f.Term([f.num(pre.result)])],
                  f._got(d.gates)[t, row], g.squash)
    b.section = tr("new state")
    b.add("h", "h_t", tr("from the gates and {prev} (engine)").format(prev=prev),
          [f.Term([f.num(d.h[t, i])], tr("engine"), "engine")], d.h[t, i])
    _note(b, cell)


def backward(f: ModuleType, b: Any) -> None:
    state, t, i = b.state, b.t, b.i
    d = b.tr.layers[state]
    cell = CELL_TABLE[d.cell]
    H = d.h.shape[1]
    b.section = tr("dL/dh_t: everything that reads h_t")
    b.add("dh", "dL/dh_t", tr("read-out + next step + layer above (engine)"),
          [f.Term([f.num(d.grad_h[t, i])], tr("engine"), "engine")], d.grad_h[t, i])
    b.matrix(b.label(state, "weight_ih"), b.w(state, "weight_ih"), b.gate_rows(H),
             [str(k) for k in range(d.x.shape[1])], [g * H + i for g in range(len(b.a.gates))])
    hh = f._got(d.dpre_hh if d.dpre_hh is not None else d.dpre)
    for gi, gate in enumerate(b.a.gates):
        row = gi * H + i
        b.section = tr("dL/d(gate pre-activations)")
        da = f._got(d.dpre)[t, row]
        b.add(f"da_{gate.letter}", f"dL/da_{gate.letter}", tr("(engine)"),
              [f.Term([f.num(da)], tr("engine"), "engine")], da)
        if cell.gates_read_h:
            b.shares(state, t, row, float(da), float(hh[t, row]), engine_title(gate.title))
        else:
            input_shares(f, b, d, t, row, float(da), gate)
    _note(b, cell)
