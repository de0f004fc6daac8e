"""The formula view's lines for minGRU and minLSTM (:mod:`rnn_sandbox.engine.minimal`):
gates that read only x_t, and a new state linear in h_{t−1}.

Forward: each gate's pre-activation from W_ih and x_t alone, σ for the gates, h̃ as it is,
then h_t = (1 − z)·h_{t−1} + z·h̃ (minLSTM: f/(f + i)·h_{t−1} + i/(f + i)·h̃).  Backward:
dL/dh_t collects the read-out, the layer above and the next step's dL/dh times the fraction
it kept (1 − z, or f/(f + i)), with no W_hh in between; then each gate's dL/da.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from rnn_sandbox.engine.anatomy import HEAD_WEIGHT
from rnn_sandbox.ui.words import engine_title, tr

CELLS = ("mingru", "minlstm")  # the cells these lines walk through

# The formula view's helpers (Term, num, …) come in as ``f``, the module
# :mod:`.formula` itself, which calls these functions: no import circle.


def ratio(f: ModuleType, a: float, b: float, squared: bool = False) -> Any:
    """a/(a + b), or a/(a + b)² with ``squared``, of shown gate values."""
    (ta, va), (tb, vb) = f._shown(a), f._shown(b)
    power = "²" if squared else ""
    return f.Factor(f"{ta}/({ta} + {tb}){power}", va / (va + vb) ** (2 if squared else 1))


def kept(f: ModuleType, cell: str, gates: dict[str, float]) -> Any:
    """The fraction of h_{t−1} a step keeps: ∂h_t/∂h_{t−1}."""
    if cell == "mingru":
        return f.one_minus(gates["z"])
    return ratio(f, gates["f"], gates["i"])


def _gates(f: ModuleType, b: Any, d: Any, t: int) -> dict[str, float]:
    H = d.h.shape[1]
    return {g.letter: float(f._got(d.gates)[t, gi * H + b.i]) for gi, g in enumerate(b.a.gates)}


def forward(f: ModuleType, b: Any) -> None:
    state, t, i = b.state, b.t, b.i
    d = b.tr.layers[state]
    H = d.h.shape[1]
    x, hp = d.x[t], d.h_prev[t]
    xin, prev = b.input_name(state), b.prev_name(d)
    b.matrix(b.label(state, "weight_ih"), b.w(state, "weight_ih"), b.gate_rows(H),
             [str(k) for k in range(x.shape[0])], [g * H + i for g in range(len(b.a.gates))])
    b.notes.append(tr("The gates read only {xin}, never {prev}: no W_hh. The new state is linear "
                      "in {prev}, so all steps can be computed at once (a scan).").format(
                          xin=xin, prev=prev))
    shown: dict[str, float] = {}
    for gi, g in enumerate(b.a.gates):
        row = gi * H + i
        b.section = engine_title(g.title)
        w_ih = b.w(state, "weight_ih")
        terms = [f.Term([f.num(w_ih[row, k]), f.num(x[k])], f"W_ih[{row},{k}]·x[{k}]")
                 for k in range(len(x))] + [f.Term([f.num(d.b_ih[row])], f"b_ih[{row}]")]
        sym = f"W_{g.letter}[{i},:]·{xin} + b_{g.letter}[{i}]"
        if g.squash == "sigmoid":
            pre = b.add(f"a_{g.letter}", f"a_{g.letter}", sym, terms, f._got(d.gate_pre)[t, row])
            ln = b.add(g.letter, g.letter, f"sigmoid(a_{g.letter})", [f.Term([f.num(pre.result)])],
                       f._got(d.gates)[t, row], "sigmoid")
        else:
            ln = b.add(g.letter, g.letter, sym, terms, f._got(d.gates)[t, row])
        shown[g.letter] = ln.result
    b.section = tr("new state")
    if d.cell == "mingru":
        b.add("h", "h_t", f"(1 − z)·{prev} + z·h̃",
              [f.Term([f.one_minus(shown["z"]), f.num(hp[i])], f"(1 − z)·{prev}"),
               f.Term([f.num(shown["z"]), f.num(shown["h̃"])], "z·h̃")], d.h[t, i])
    else:
        b.add("h", "h_t", f"f/(f + i)·{prev} + i/(f + i)·h̃",
              [f.Term([ratio(f, shown["f"], shown["i"]), f.num(hp[i])], f"f/(f + i)·{prev}"),
               f.Term([ratio(f, shown["i"], shown["f"]), f.num(shown["h̃"])], "i/(f + i)·h̃")],
              d.h[t, i])


def _dh_terms(f: ModuleType, b: Any, d: Any, t: int) -> list[Any]:
    """Everything that reads h_t[i]: the read-out, the next step (through the fraction it
    keeps, no weights) and the layer above; what is left comes from the engine."""
    trace, state, i = b.tr, b.state, b.i
    col = b.col_of(state, i)
    terms: list[Any] = []
    k = b.head_step(state, t)
    if k is not None:
        wh = trace.weights[HEAD_WEIGHT]
        terms += [f.Term([f.num(wh[o, col]), f.num(trace.d_out[k, o])],
                         f"W_head[{o},{col}]·dL/dy[{o}]", "output") for o in range(wh.shape[0])]
    exact = sum(float(trace.weights[HEAD_WEIGHT][o, col] * trace.d_out[k, o])
                for o in range(trace.d_out.shape[1])) if k is not None else 0.0
    n = b.from_next(d, t)
    if n is not None:
        nx = b.next_name(d)
        fac = kept(f, d.cell, _gates(f, b, d, n))
        terms.append(f.Term([f.num(d.grad_h[n, i]), fac], f"dL/dh_{{{nx}}}·∂h_{{{nx}}}/∂h_t",
                          tr("next step")))
        exact += float(d.grad_h[n, i]) * _exact_kept(f, b, d, n)
    info = b.a.state(state)
    if info.layer + 1 < b.a.num_layers:
        for up in b.a.layer_states(info.part, info.layer + 1):
            w_up, above = b.w(up.name, "weight_ih"), f._got(trace.layers[up.name].dpre)[t]
            terms += [f.Term([f.num(w_up[row, col]), f.num(above[row])],
                           tr("W_ih({title})[{row},{col}]·dL/dpre({title})[{row}]").format(
                               title=up.title, row=row, col=col),
                           tr("layer above")) for row in range(w_up.shape[0])]
            exact += float(w_up[:, col] @ above)
    rest = float(d.grad_h[t, i]) - exact
    if abs(rest) > 1e-6 * max(1.0, abs(float(d.grad_h[t, i]))):
        terms.append(f.Term([f.num(rest)], tr("from the decoder / other paths (engine)"), "engine"))
    return terms


def _exact_kept(f: ModuleType, b: Any, d: Any, n: int) -> float:
    g = _gates(f, b, d, n)
    return 1.0 - g["z"] if d.cell == "mingru" else g["f"] / (g["f"] + g["i"])


def input_shares(f: ModuleType, b: Any, d: Any, t: int, row: int, da: float, gate: Any) -> None:
    """This step's share of the gradients of W_ih and b_ih in ``row``, for a cell whose
    gates read only x_t."""
    b.section = tr("this step's share of the gradients ({title})").format(
        title=engine_title(gate.title))
    x = d.x[t]
    gih = f._got(d.grad_step("weight_ih", t))
    for k in range(len(x)):
        b.add(f"dW_ih[{row},{k}]", f"ΔdW_ih[{row},{k}]", f"dL/da·{b.input_name(b.state)}[{k}]",
              [f.Term([f.num(da), f.num(x[k])])], gih[row, k])
    b.add(f"db_ih[{row}]", f"Δdb_ih[{row}]", "dL/da", [f.Term([f.num(da)])],
          f._got(d.grad_step("bias_ih", t))[row])


def backward(f: ModuleType, b: Any) -> None:
    state, t, i = b.state, b.t, b.i
    d = b.tr.layers[state]
    H = d.h.shape[1]
    b.section = tr("dL/dh_t: everything that reads h_t")
    dh = b.add("dh", "dL/dh_t", tr("read-out + next step·(fraction it keeps) + layer above"),
               _dh_terms(f, b, d, t), d.grad_h[t, i])
    b.matrix(b.label(state, "weight_ih"), b.w(state, "weight_ih"), b.gate_rows(H),
             [str(k) for k in range(d.x.shape[1])], [g * H + i for g in range(len(b.a.gates))])
    g = _gates(f, b, d, t)
    hp = float(d.h_prev[t, i])
    b.section = tr("dL/d(gate pre-activations)")
    if d.cell == "mingru":
        chain = {
            "z": ("dL/dh_t·(h̃ − h_prev)·z(1 − z)", [f.num(dh.result), f.diff(g["h̃"], hp),
                                                    *f.sig_slope(g["z"])]),
            "h̃": ("dL/dh_t·z", [f.num(dh.result), f.num(g["z"])]),
        }
    else:
        chain = {
            "f": ("dL/dh_t·(h_prev − h̃)·i/(f + i)²·f(1 − f)",
                  [f.num(dh.result), f.diff(hp, g["h̃"]), ratio(f, g["i"], g["f"], True),
                   *f.sig_slope(g["f"])]),
            "i": ("dL/dh_t·(h̃ − h_prev)·f/(f + i)²·i(1 − i)",
                  [f.num(dh.result), f.diff(g["h̃"], hp), ratio(f, g["f"], g["i"], True),
                   *f.sig_slope(g["i"])]),
            "h̃": ("dL/dh_t·i/(f + i)", [f.num(dh.result), ratio(f, g["i"], g["f"])]),
        }
    for gi, gate in enumerate(b.a.gates):
        row = gi * H + i
        sym, facs = chain[gate.letter]
        da = b.add(f"da_{gate.letter}", f"dL/da_{gate.letter}", sym, [f.Term(facs)],
                   f._got(d.dpre)[t, row]).result
        input_shares(f, b, d, t, row, da, gate)
        b.section = tr("dL/d(gate pre-activations)")
