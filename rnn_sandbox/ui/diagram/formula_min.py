"""The formula view's lines for minGRU and minLSTM (:mod:`rnn_sandbox.engine.minimal`):
gates that read only x_t, and a new state linear in h_{t−1}.

Forward: each gate's pre-activation from W_ih and x_t alone, σ for the gates, h̃ as it is,
then h_t = (1 − z)·h_{t−1} + z·h̃ (minLSTM: f/(f + i)·h_{t−1} + i/(f + i)·h̃).  Backward:
dL/dh_t collects the read-out, the layer above and the next step's dL/dh times the fraction
it kept (1 − z, or f/(f + i)), with no W_hh in between; then each gate's dL/da.
"""

from __future__ import annotations

from typing import Any

from rnn_sandbox.engine.anatomy import HEAD_WEIGHT
from rnn_sandbox.ui.diagram.formula import (
    Factor,
    Term,
    _got,
    _shown,
    diff,
    num,
    one_minus,
    sig_slope,
)


def ratio(a: float, b: float, squared: bool = False) -> Factor:
    """a/(a + b), or a/(a + b)² with ``squared``, of shown gate values."""
    (ta, va), (tb, vb) = _shown(a), _shown(b)
    power = "²" if squared else ""
    return Factor(f"{ta}/({ta} + {tb}){power}", va / (va + vb) ** (2 if squared else 1))


def kept(cell: str, gates: dict[str, float]) -> Factor:
    """The fraction of h_{t−1} a step keeps: ∂h_t/∂h_{t−1}."""
    if cell == "mingru":
        return one_minus(gates["z"])
    return ratio(gates["f"], gates["i"])


def _gates(b: Any, d: Any, t: int) -> dict[str, float]:
    H = d.h.shape[1]
    return {g.letter: float(_got(d.gates)[t, gi * H + b.i]) for gi, g in enumerate(b.a.gates)}


def forward(b: Any) -> None:
    state, t, i = b.state, b.t, b.i
    d = b.tr.layers[state]
    H = d.h.shape[1]
    x, hp = d.x[t], d.h_prev[t]
    xin, prev = b.input_name(state), b.prev_name(d)
    b.matrix(b.label(state, "weight_ih"), b.w(state, "weight_ih"), b.gate_rows(H),
             [str(k) for k in range(x.shape[0])], [g * H + i for g in range(len(b.a.gates))])
    b.notes.append(f"The gates read only {xin}, never {prev}: no W_hh. The new state is "
                   f"linear in {prev}, so all steps can be computed at once (a scan).")
    shown: dict[str, float] = {}
    for gi, g in enumerate(b.a.gates):
        row = gi * H + i
        b.section = g.title
        w_ih = b.w(state, "weight_ih")
        terms = [Term([num(w_ih[row, k]), num(x[k])], f"W_ih[{row},{k}]·x[{k}]")
                 for k in range(len(x))] + [Term([num(d.b_ih[row])], f"b_ih[{row}]")]
        sym = f"W_{g.letter}[{i},:]·{xin} + b_{g.letter}[{i}]"
        if g.squash == "sigmoid":
            pre = b.add(f"a_{g.letter}", f"a_{g.letter}", sym, terms, _got(d.gate_pre)[t, row])
            ln = b.add(g.letter, g.letter, f"sigmoid(a_{g.letter})", [Term([num(pre.result)])],
                       _got(d.gates)[t, row], "sigmoid")
        else:
            ln = b.add(g.letter, g.letter, sym, terms, _got(d.gates)[t, row])
        shown[g.letter] = ln.result
    b.section = "new state"
    if d.cell == "mingru":
        b.add("h", "h_t", f"(1 − z)·{prev} + z·h̃",
              [Term([one_minus(shown["z"]), num(hp[i])], f"(1 − z)·{prev}"),
               Term([num(shown["z"]), num(shown["h̃"])], "z·h̃")], d.h[t, i])
    else:
        b.add("h", "h_t", f"f/(f + i)·{prev} + i/(f + i)·h̃",
              [Term([ratio(shown["f"], shown["i"]), num(hp[i])], f"f/(f + i)·{prev}"),
               Term([ratio(shown["i"], shown["f"]), num(shown["h̃"])], "i/(f + i)·h̃")],
              d.h[t, i])


def _dh_terms(b: Any, d: Any, t: int) -> list[Term]:
    """Everything that reads h_t[i]: the read-out, the next step (through the fraction it
    keeps, no weights) and the layer above; what is left comes from the engine."""
    tr, state, i = b.tr, b.state, b.i
    col = b.col_of(state, i)
    terms: list[Term] = []
    k = b.head_step(state, t)
    if k is not None:
        wh = tr.weights[HEAD_WEIGHT]
        terms += [Term([num(wh[o, col]), num(tr.d_out[k, o])], f"W_head[{o},{col}]·dL/dy[{o}]",
                       "output") for o in range(wh.shape[0])]
    exact = sum(float(tr.weights[HEAD_WEIGHT][o, col] * tr.d_out[k, o])
                for o in range(tr.d_out.shape[1])) if k is not None else 0.0
    n = b.from_next(d, t)
    if n is not None:
        nx = b.next_name(d)
        fac = kept(d.cell, _gates(b, d, n))
        terms.append(Term([num(d.grad_h[n, i]), fac], f"dL/dh_{{{nx}}}·∂h_{{{nx}}}/∂h_t",
                          "next step"))
        exact += float(d.grad_h[n, i]) * _exact_kept(b, d, n)
    info = b.a.state(state)
    if info.layer + 1 < b.a.num_layers:
        for up in b.a.layer_states(info.part, info.layer + 1):
            w_up, above = b.w(up.name, "weight_ih"), _got(tr.layers[up.name].dpre)[t]
            terms += [Term([num(w_up[row, col]), num(above[row])],
                           f"W_ih({up.title})[{row},{col}]·dL/dpre({up.title})[{row}]",
                           "layer above") for row in range(w_up.shape[0])]
            exact += float(w_up[:, col] @ above)
    rest = float(d.grad_h[t, i]) - exact
    if abs(rest) > 1e-6 * max(1.0, abs(float(d.grad_h[t, i]))):
        terms.append(Term([num(rest)], "from the decoder / other paths (engine)", "engine"))
    return terms


def _exact_kept(b: Any, d: Any, n: int) -> float:
    g = _gates(b, d, n)
    return 1.0 - g["z"] if d.cell == "mingru" else g["f"] / (g["f"] + g["i"])


def backward(b: Any) -> None:
    state, t, i = b.state, b.t, b.i
    d = b.tr.layers[state]
    H = d.h.shape[1]
    b.section = "dL/dh_t: everything that reads h_t"
    dh = b.add("dh", "dL/dh_t", "read-out + next step·(fraction it keeps) + layer above",
               _dh_terms(b, d, t), d.grad_h[t, i])
    b.matrix(b.label(state, "weight_ih"), b.w(state, "weight_ih"), b.gate_rows(H),
             [str(k) for k in range(d.x.shape[1])], [g * H + i for g in range(len(b.a.gates))])
    g = _gates(b, d, t)
    hp = float(d.h_prev[t, i])
    b.section = "dL/d(gate pre-activations)"
    if d.cell == "mingru":
        chain = {
            "z": ("dL/dh_t·(h̃ − h_prev)·z(1 − z)", [num(dh.result), diff(g["h̃"], hp),
                                                    *sig_slope(g["z"])]),
            "h̃": ("dL/dh_t·z", [num(dh.result), num(g["z"])]),
        }
    else:
        chain = {
            "f": ("dL/dh_t·(h_prev − h̃)·i/(f + i)²·f(1 − f)",
                  [num(dh.result), diff(hp, g["h̃"]), ratio(g["i"], g["f"], True),
                   *sig_slope(g["f"])]),
            "i": ("dL/dh_t·(h̃ − h_prev)·f/(f + i)²·i(1 − i)",
                  [num(dh.result), diff(g["h̃"], hp), ratio(g["f"], g["i"], True),
                   *sig_slope(g["i"])]),
            "h̃": ("dL/dh_t·i/(f + i)", [num(dh.result), ratio(g["i"], g["f"])]),
        }
    x = d.x[t]
    for gi, gate in enumerate(b.a.gates):
        row = gi * H + i
        sym, facs = chain[gate.letter]
        da = b.add(f"da_{gate.letter}", f"dL/da_{gate.letter}", sym, [Term(facs)],
                   _got(d.dpre)[t, row]).result
        b.section = f"this step's share of the gradients ({gate.title})"
        gih = _got(d.grad_step("weight_ih", t))
        for k in range(len(x)):
            b.add(f"dW_ih[{row},{k}]", f"ΔdW_ih[{row},{k}]",
                  f"dL/da·{b.input_name(state)}[{k}]", [Term([num(da), num(x[k])])],
                  gih[row, k])
        b.add(f"db_ih[{row}]", f"Δdb_ih[{row}]", "dL/da", [Term([num(da)])],
              _got(d.grad_step("bias_ih", t))[row])
        b.section = "dL/d(gate pre-activations)"
