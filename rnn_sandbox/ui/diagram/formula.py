"""One neuron's equations at one step, with the numbers in them (no Qt).

``formula(trace, anatomy, state, t, unit, mode)`` writes out what the engine computed for
unit ``unit`` of ``state`` at step ``t`` of the watched sample: going forward its
pre-activation term by term and its activation (the gates of an LSTM or GRU one by one),
going backward dL/dh_t from everything that reads h_t, dL/d(pre-activation) and this step's
share of each weight's gradient.  ``state == "output"`` is the read-out: forward its
value, backward the loss's own derivative.

Every number is shown to 4 significant digits, and each line is worked out from the numbers
shown on it: its result is what a calculator makes of its terms (``Line.recompute()``),
rounded to 4 significant digits, and a later line takes that shown result.  So a learner
can redo every line with a calculator.  The engine computes with every digit, so its own
value of the same quantity (``Line.engine``) may differ in the last shown digit; the panel
gives it beside the result when it does.  Where a subtraction would lose digits (1 − h²
of an h close to 1), the number is shown with as many more digits as the subtraction
loses.  The weight matrices a formula reads come with it (``Formula.matrices``), with the
row (forward) or column (backward) it reads marked.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from rnn_sandbox.engine.anatomy import HEAD_BIAS, HEAD_WEIGHT, Anatomy
from rnn_sandbox.engine.inspect import DirTrace, Trace
from rnn_sandbox.ui.diagram import formula_generic, formula_min
from rnn_sandbox.ui.words import engine_title, tr

OUTPUT = "output"  # the ``state`` of the read-out
# The cells whose forward and backward steps this module walks through term by term;
# formula_min walks the minimal cells', and any other cell of the engine's table gets
# formula_generic's lines (its gates from the table, the rest as the engine computes it).
WALKED = ("rnn", "lstm", "gru")
MORE_DIGITS = 6  # at most this many significant digits for a number a line reads


def r4(v: float, digits: int = 4) -> float:
    """``v`` to 4 (or ``digits``) significant digits, as shown."""
    return float(f"{float(v):.{digits}g}")


def fmt(v: float, digits: int = 4) -> str:
    s = f"{r4(v, digits):.{digits}g}"
    return "0" if s in ("-0", "0") else s


@dataclass
class Factor:
    text: str  # as shown, e.g. "0.1234", "(−0.5)", "(1 − 0.25²)"
    value: float  # what a calculator makes of the text
    # The same factor with at least n significant digits (None: it has no more to show).
    more: Callable[[int], Factor] | None = None


def _shown(v: float, digits: int = 4) -> tuple[str, float]:
    """A number's text as it appears inside an expression (negative ones in brackets, with
    a proper minus sign) and the value of that text."""
    s = fmt(v, digits)
    return (f"(−{s[1:]})" if s.startswith("-") else s), float(s)


def num(v: float, digits: int = 4) -> Factor:
    """A shown number."""
    return Factor(*_shown(v, digits), lambda n: num(v, max(n, digits)))


def const(text: str, v: float) -> Factor:
    return Factor(text, v)


def _digits(exact: float, size: float, at_least: int = 4) -> int:
    """Significant digits its inputs need so that a difference of size ``exact`` between
    numbers of size ``size`` keeps 4 of its own (at most 12)."""
    if exact == 0 or size == 0:
        return at_least
    lost = math.floor(math.log10(abs(size) / abs(exact)))
    return int(min(12, max(at_least, 4 + max(0, lost))))


def one_minus_sq(v: float, at_least: int = 4) -> Factor:
    """(1 − v²) of a shown ``v``."""
    text, s = _shown(v, _digits(1.0 - float(v) ** 2, 1.0, at_least))
    return Factor(f"(1 − {text}²)", 1 - s ** 2, lambda n: one_minus_sq(v, n))


def one_minus(v: float, at_least: int = 4) -> Factor:
    text, s = _shown(v, _digits(1.0 - float(v), 1.0, at_least))
    return Factor(f"(1 − {text})", 1 - s, lambda n: one_minus(v, n))


def sig_slope(v: float) -> list[Factor]:
    """σ′ = s·(1 − s) of a gate value ``s``, as two factors showing ``s`` alike."""
    return [num(v, _digits(1.0 - float(v), 1.0)), one_minus(v)]


def diff(a: float, b: float, at_least: int = 4) -> Factor:
    digits = _digits(float(a) - float(b), max(abs(float(a)), abs(float(b))), at_least)
    (ta, va), (tb, vb) = _shown(a, digits), _shown(b, digits)
    return Factor(f"({ta} − {tb})", va - vb, lambda n: diff(a, b, n))


@dataclass
class Term:
    factors: list[Factor]
    label: str = ""  # what the term is, symbolically: "W_hh[1,0]·dL/dpre_{t+1}[1]"
    source: str = ""  # which path: "output", "next step", "layer above", "engine", ...

    @property
    def value(self) -> float:
        return math.prod(f.value for f in self.factors)

    @property
    def text(self) -> str:
        return "·".join(f.text for f in self.factors)


FUNCS = {
    "": lambda a: a,
    "tanh": math.tanh,
    "relu": lambda a: max(a, 0.0),
    "sigmoid": lambda a: 1.0 / (1.0 + math.exp(-a)),
}


@dataclass
class Line:
    """``lhs = func(Σ terms)`` (``softmax``: e^{term[index]} / Σ e^{term}), with the result
    as shown (the shown terms worked out, to 4 significant digits) and the engine's own
    (unrounded) value of the same quantity."""

    lhs: str
    symbolic: str
    terms: list[Term]
    result: float  # the shown terms worked out, to 4 significant digits
    engine: float | None = None
    func: str = ""
    index: int = 0
    section: str = ""
    key: str = ""  # what it computes: "pre", "h", "dh", "dpre", "i", "dW_hh[0,1]", ...
    note: str = ""

    def recompute(self) -> float:
        """The result a calculator gets from the shown terms (left to right, as written)."""
        if self.func == "softmax":
            zs = [t.value for t in self.terms]
            m = max(zs)
            e = [math.exp(z - m) for z in zs]
            return e[self.index] / sum(e)
        return FUNCS[self.func](sum(t.value for t in self.terms))

    @property
    def differs(self) -> bool:
        """Does the engine's value, from unrounded numbers, show differently?"""
        return self.engine is not None and fmt(self.engine) != fmt(self.result)

    @property
    def scale(self) -> float:
        """Size of the numbers that were added: the precision the display carries."""
        return max(abs(self.result), sum(abs(t.value) for t in self.terms))

    @property
    def numeric(self) -> str:
        if self.func == "softmax":
            zs = ", ".join(t.text for t in self.terms)
            return f"softmax({zs})[{self.index}]"
        body = " + ".join(t.text for t in self.terms) or "0"
        return f"{self.func}({body})" if self.func else body

    @property
    def text(self) -> str:
        parts = [self.lhs, self.symbolic] if self.symbolic else [self.lhs]
        return " = ".join([*parts, self.numeric, fmt(self.result)])


@dataclass
class Matrix:
    """A weight matrix as shown: values to 4 significant digits, the rows or columns the
    formula reads marked."""

    name: str
    values: np.ndarray
    rows: list[str]
    cols: list[str]
    highlight_rows: list[int] = field(default_factory=list)
    highlight_cols: list[int] = field(default_factory=list)


@dataclass
class Formula:
    title: str
    mode: str
    state: str
    t: int
    unit: int
    lines: list[Line]
    matrices: list[Matrix]
    notes: list[str] = field(default_factory=list)

    def line(self, key: str) -> Line:
        return next(ln for ln in self.lines if ln.key == key)


def _got(a: np.ndarray | None) -> np.ndarray:
    """An array the trace has for this cell (the caller knows which cell it is)."""
    if a is None:
        raise ValueError("the trace lacks a value this formula needs")
    return a


def _rounded(w: np.ndarray) -> np.ndarray:
    return np.vectorize(r4, otypes=[float])(np.asarray(w, float))


class _Builder:
    def __init__(self, trace: Trace, anatomy: Anatomy, state: str, t: int, unit: int,
                 mode: str) -> None:
        self.tr, self.a, self.state, self.t, self.i, self.mode = (
            trace, anatomy, state, t, unit, mode)
        self.lines: list[Line] = []
        self.matrices: list[Matrix] = []
        self.notes: list[str] = []
        self.section = ""

    def add(self, key: str, lhs: str, symbolic: str, terms: list[Term], engine: float,
            func: str = "", index: int = 0, note: str = "") -> Line:
        ln = Line(lhs, symbolic, terms, 0.0, float(engine), func, index, self.section,
                  key, note)
        ln.result = r4(ln.recompute())
        # Where the rounded numbers give another 4th digit than the engine, the numbers this
        # line reads show more digits (up to MORE_DIGITS); the results of earlier lines it
        # takes have none to give, so a difference may remain (the panel shows it).
        digits = 4
        while ln.differs and digits < MORE_DIGITS:
            digits += 1
            ln.terms = [Term([f.more(digits) if f.more else f for f in term.factors],
                             term.label, term.source) for term in terms]
            ln.result = r4(ln.recompute())
        if ln.differs:  # more digits did not help: the shorter numbers read better
            ln.terms = terms
            ln.result = r4(ln.recompute())
        self.lines.append(ln)
        return ln

    def matrix(self, name: str, w: np.ndarray, rows: list[str], cols: list[str],
               hrows=(), hcols=()) -> None:
        if any(m.name == name for m in self.matrices):
            return
        self.matrices.append(Matrix(name, _rounded(w), rows, cols, list(hrows), list(hcols)))

    # -- names ------------------------------------------------------------------------------
    def w(self, state: str, kind: str) -> np.ndarray:
        return self.tr.weights[self.a.param_of(state, kind)]

    def label(self, state: str, kind: str) -> str:
        return self.a.param(self.a.param_of(state, kind)).label

    def gate_rows(self, H: int) -> list[str]:
        gates = self.a.gates
        if not gates:
            return [str(j) for j in range(H)]
        return [f"{g.letter}{j}" for g in gates for j in range(H)]

    # -- geometry ---------------------------------------------------------------------------
    def col_of(self, state: str, unit: int) -> int:
        """Column of ``state``'s unit in what the layer above (or the head) reads."""
        info = self.a.state(state)
        dirs = self.a.layer_states(info.part, info.layer)
        H = self.tr.layers[state].h.shape[1]
        return [s.name for s in dirs].index(state) * H + unit

    def next_t(self, d: DirTrace, t: int) -> int | None:
        n = t - 1 if d.reverse else t + 1
        return n if 0 <= n < d.h.shape[0] else None

    def from_next(self, d: DirTrace, t: int) -> int | None:
        """The step whose gradient reaches step ``t`` along the state: the next one, unless
        truncated BPTT cuts there."""
        n = self.next_t(d, t)
        return n if n is not None and d.sends_back(n) else None

    def prev_name(self, d: DirTrace) -> str:
        return "h_{t+1}" if d.reverse else "h_{t−1}"

    def next_name(self, d: DirTrace) -> str:
        return "t−1" if d.reverse else "t+1"

    def input_name(self, state: str) -> str:
        info = self.a.state(state)
        if info.layer == 0:
            return "x_t"
        return f"h^({info.layer})_t"

    def head_step(self, state: str, t: int) -> int | None:
        """Index of the read-out that reads ``state`` at step ``t``, if one does."""
        info = self.a.state(state)
        if info.layer != self.a.num_layers - 1 or info.part != self.a.parts[-1]:
            return None
        T = self.tr.layers[state].h.shape[0]
        if self.tr.architecture == "many_to_one":
            return 0 if t == (0 if info.reverse else T - 1) else None
        hits = np.flatnonzero(self.tr.out_steps == t)
        return int(hits[0]) if len(hits) else None

    # -- forward ----------------------------------------------------------------------------
    def affine(self, state: str, row: int, x: np.ndarray, h_prev: np.ndarray,
               with_hh: bool = True, extra: list[Term] | None = None) -> list[Term]:
        d = self.tr.layers[state]
        w_ih = self.w(state, "weight_ih")
        terms = [Term([num(w_ih[row, k]), num(x[k])], f"W_ih[{row},{k}]·x[{k}]")
                 for k in range(len(x))]
        terms.append(Term([num(d.b_ih[row])], f"b_ih[{row}]"))
        if with_hh:
            w_hh = self.w(state, "weight_hh")
            terms += [Term([num(w_hh[row, j]), num(h_prev[j])], f"W_hh[{row},{j}]·h[{j}]")
                      for j in range(len(h_prev))]
            terms.append(Term([num(d.b_hh[row])], f"b_hh[{row}]"))
        return terms + (extra or [])

    def forward(self) -> None:
        state, t, i = self.state, self.t, self.i
        d = self.tr.layers[state]
        H = d.h.shape[1]
        x, hp = d.x[t], d.h_prev[t]
        xin, prev = self.input_name(state), self.prev_name(d)
        rows = self.gate_rows(H)
        cells = [str(j) for j in range(H)]
        gates = self.a.gates
        hrows = [g * H + i for g in range(len(gates) or 1)]
        self.matrix(self.label(state, "weight_ih"), self.w(state, "weight_ih"), rows,
                    [str(k) for k in range(x.shape[0])], hrows)
        self.matrix(self.label(state, "weight_hh"), self.w(state, "weight_hh"), rows, cells,
                    hrows)
        if d.cell == "rnn":
            self.section = tr("pre-activation")
            pre = self.add("pre", "pre_t", f"W_ih[{i},:]·{xin} + b_ih[{i}] + "
                           f"W_hh[{i},:]·{prev} + b_hh[{i}]",
                           self.affine(state, i, x, hp), _got(d.pre)[t, i])
            self.section = tr("activation")
            act = self.a_nonlin()
            self.add("h", "h_t", f"{act}(pre_t)", [Term([num(pre.result)], "pre_t")],
                     d.h[t, i], act)
            return
        shown: dict[str, float] = {}
        for gi, g in enumerate(gates):
            row = gi * H + i
            self.section = engine_title(g.title)
            if d.cell == "gru" and g.letter == "n":
                hn = self.add("hn", "W_hn·h + b_hn", f"W_hn[{i},:]·{prev} + b_hn[{i}]",
                              [Term([num(self.w(state, "weight_hh")[row, j]), num(hp[j])])
                               for j in range(H)] + [Term([num(d.b_hh[row])], "b_hn")],
                              _got(d.hn)[t, i])
                extra = [Term([num(shown["r"]), num(hn.result)], "r·(W_hn h + b_hn)")]
                terms = self.affine(state, row, x, hp, with_hh=False, extra=extra)
                sym = f"W_in[{i},:]·{xin} + b_in[{i}] + r·(W_hn[{i},:]·{prev} + b_hn[{i}])"
            else:
                terms = self.affine(state, row, x, hp)
                sym = (f"W_i{g.letter}[{i},:]·{xin} + b_i{g.letter}[{i}] + "
                       f"W_h{g.letter}[{i},:]·{prev} + b_h{g.letter}[{i}]")
            pre = self.add(f"a_{g.letter}", f"a_{g.letter}", sym, terms, _got(d.gate_pre)[t, row])
            ln = self.add(g.letter, g.letter, f"{g.squash}(a_{g.letter})",
                          [Term([num(pre.result)])], _got(d.gates)[t, row], g.squash)
            shown[g.letter] = ln.result
        self.section = tr("new state")
        if d.cell == "lstm":
            c = self.add("c", "c_t", f"f·c_prev + i·g ({'c_{t+1}' if d.reverse else 'c_{t−1}'})",
                         [Term([num(shown["f"]), num(_got(d.c_prev)[t, i])], "f·c_prev"),
                          Term([num(shown["i"]), num(shown["g"])], "i·g")], _got(d.c)[t, i])
            tc = self.add("tanh_c", "tanh(c_t)", "", [Term([num(c.result)])],
                          math.tanh(_got(d.c)[t, i]), "tanh")
            self.add("h", "h_t", "o·tanh(c_t)", [Term([num(shown["o"]), num(tc.result)])],
                     d.h[t, i])
        else:
            self.add("h", "h_t", f"(1 − z)·n + z·{prev}",
                     [Term([one_minus(shown["z"]), num(shown["n"])], "(1 − z)·n"),
                      Term([num(shown["z"]), num(hp[i])], "z·h_prev")], d.h[t, i])

    def a_nonlin(self) -> str:
        return "relu" if self._relu() else "tanh"

    def _relu(self) -> bool:
        return self.tr.layers[self.state].nonlinearity == "relu"

    # -- backward ---------------------------------------------------------------------------
    def dh_terms(self, state: str, t: int, i: int) -> list[Term]:
        """Everything that reads h_t[i] and sends its gradient back."""
        trace = self.tr
        d = trace.layers[state]
        terms: list[Term] = []
        col = self.col_of(state, i)
        k = self.head_step(state, t)
        if k is not None:
            wh = trace.weights[HEAD_WEIGHT]
            self.matrix(tr("W (head)"), wh, [str(o) for o in range(wh.shape[0])],
                        [str(j) for j in range(wh.shape[1])], hcols=[col])
            terms += [Term([num(wh[o, col]), num(trace.d_out[k, o])],
                           f"W_head[{o},{col}]·dL/dy[{o}]", "output")
                      for o in range(wh.shape[0])]
        n = self.from_next(d, t)
        H = d.h.shape[1]
        w_hh = self.w(state, "weight_hh")
        self.matrix(self.label(state, "weight_hh"), w_hh, self.gate_rows(H),
                    [str(j) for j in range(H)], hcols=[i])
        if n is not None:
            side = _got(d.dpre_hh if d.dpre_hh is not None else d.dpre)
            nx = self.next_name(d)
            terms += [Term([num(w_hh[row, i]), num(side[n, row])],
                           f"W_hh[{row},{i}]·dL/dpre_{{{nx}}}[{row}]", tr("next step"))
                      for row in range(w_hh.shape[0])]
            if d.cell == "gru":
                terms.append(Term([num(d.grad_h[n, i]), num(_got(d.gates)[n, H + i])],
                                  f"dL/dh_{{{nx}}}·z_{{{nx}}}", tr("next step")))
        info = self.a.state(state)
        if info.layer + 1 < self.a.num_layers:
            for up in self.a.layer_states(info.part, info.layer + 1):
                u = trace.layers[up.name]
                w_up = self.w(up.name, "weight_ih")
                self.matrix(self.label(up.name, "weight_ih"), w_up,
                            self.gate_rows(u.h.shape[1]), [str(j) for j in range(w_up.shape[1])],
                            hcols=[col])
                terms += [Term([num(w_up[row, col]), num(_got(u.dpre)[t, row])],
                               tr("W_ih({title})[{row},{col}]·dL/dpre({title})[{row}]").format(
                                   title=engine_title(up.title), row=row, col=col),
                               tr("layer above"))
                          for row in range(w_up.shape[0])]
        # What no term above covers (the encoder's last state read by the decoder, a
        # truncated or masked step) comes from the engine as it is.
        exact = self._dh_exact(state, t, i)
        rest = float(d.grad_h[t, i]) - exact
        if abs(rest) > 1e-6 * max(1.0, abs(float(d.grad_h[t, i]))):
            terms.append(Term([num(rest)], tr("from the decoder / other paths (engine)"), "engine"))
        return terms

    def _dh_exact(self, state: str, t: int, i: int) -> float:
        trace = self.tr
        d = trace.layers[state]
        col = self.col_of(state, i)
        total = 0.0
        k = self.head_step(state, t)
        if k is not None:
            total += float(trace.weights[HEAD_WEIGHT][:, col] @ trace.d_out[k])
        n = self.from_next(d, t)
        if n is not None:
            side = _got(d.dpre_hh if d.dpre_hh is not None else d.dpre)
            total += float(self.w(state, "weight_hh")[:, i] @ side[n])
            if d.cell == "gru":
                H = d.h.shape[1]
                total += float(d.grad_h[n, i] * _got(d.gates)[n, H + i])
        info = self.a.state(state)
        if info.layer + 1 < self.a.num_layers:
            for up in self.a.layer_states(info.part, info.layer + 1):
                above = _got(trace.layers[up.name].dpre)[t]
                total += float(self.w(up.name, "weight_ih")[:, col] @ above)
        return total

    def shares(self, state: str, t: int, row: int, dpre: float, dpre_hh: float,
               gate: str = "") -> None:
        d = self.tr.layers[state]
        self.section = tr("this step's share of the gradients{value}").format(
            value=' (' + gate + ')' if gate else '')
        x, hp = d.x[t], d.h_prev[t]
        gih = _got(d.grad_step("weight_ih", t))
        ghh = _got(d.grad_step("weight_hh", t))
        for k in range(len(x)):
            self.add(f"dW_ih[{row},{k}]", f"ΔdW_ih[{row},{k}]",
                     f"dL/da·{self.input_name(state)}[{k}]",
                     [Term([num(dpre), num(x[k])])], gih[row, k])
        for j in range(len(hp)):
            self.add(f"dW_hh[{row},{j}]", f"ΔdW_hh[{row},{j}]",
                     f"dL/da·{self.prev_name(d)}[{j}]",
                     [Term([num(dpre_hh), num(hp[j])])], ghh[row, j])
        self.add(f"db_ih[{row}]", f"Δdb_ih[{row}]", "dL/da", [Term([num(dpre)])],
                 _got(d.grad_step("bias_ih", t))[row])
        if dpre_hh != dpre:
            self.add(f"db_hh[{row}]", f"Δdb_hh[{row}]", tr("dL/da (hidden side)"),
                     [Term([num(dpre_hh)])], _got(d.grad_step("bias_hh", t))[row])

    def backward(self) -> None:
        state, t, i = self.state, self.t, self.i
        d = self.tr.layers[state]
        H = d.h.shape[1]
        self.section = tr("dL/dh_t: everything that reads h_t")
        nx = self.next_name(d)
        parts = []
        if self.head_step(state, t) is not None:
            parts.append("Σ_o W_head[o,i]·dL/dy_o")
        n = self.next_t(d, t)
        if n is not None and not d.sends_back(n):
            self.notes.append(
                tr("Truncated BPTT (every {truncation} steps): step {value} passes nothing back "
                   "to step {value2}, so only what reads h_t at this step counts.").format(
                       truncation=d.truncation, value=n + 1, value2=t + 1))
        elif n is not None:
            parts.append(f"Σ_j W_hh[j,i]·dL/dpre_{{{nx},j}}")
            if d.cell == "gru":
                parts.append(f"dL/dh_{{{nx}}}·z_{{{nx}}}")
        if self.a.state(state).layer + 1 < self.a.num_layers:
            parts.append(tr("Σ_j W_ih(above)[j,i]·dL/dpre(above)_{t,j}"))
        dh = self.add("dh", "dL/dh_t", " + ".join(parts) or "0", self.dh_terms(state, t, i),
                      d.grad_h[t, i])
        self.matrix(self.label(state, "weight_ih"), self.w(state, "weight_ih"),
                    self.gate_rows(H), [str(k) for k in range(d.x.shape[1])],
                    [g * H + i for g in range(len(self.a.gates) or 1)])
        if d.cell == "rnn":
            self.section = "dL/dpre_t"
            if self._relu():
                fac = const("1" if d.h[t, i] > 0 else "0", 1.0 if d.h[t, i] > 0 else 0.0)
                sym = "dL/dh_t·relu′(pre_t)"
            else:
                fac, sym = one_minus_sq(d.h[t, i]), "dL/dh_t·(1 − h_t²)"
            dp = self.add("dpre", "dL/dpre_t", sym, [Term([num(dh.result), fac])],
                          _got(d.dpre)[t, i])
            self.shares(state, t, i, dp.result, dp.result)
            return
        gates = {g.letter: float(_got(d.gates)[t, gi * H + i]) for gi, g in enumerate(self.a.gates)}
        if d.cell == "lstm":
            self.section = tr("dL/dc_t: through h_t and along the cell state")
            tc = math.tanh(float(_got(d.c)[t, i]))
            terms = [Term([num(dh.result), num(gates["o"]), one_minus_sq(tc)],
                          "dL/dh_t·o·(1 − tanh²c_t)")]
            n = self.from_next(d, t)
            exact = float(d.grad_h[t, i] * gates["o"] * (1 - tc * tc))
            if n is not None:
                f_next = float(_got(d.gates)[n, H + i])
                terms.append(Term([num(_got(d.grad_c)[n, i]), num(f_next)],
                                  f"dL/dc_{{{nx}}}·f_{{{nx}}}", tr("next step")))
                exact += float(_got(d.grad_c)[n, i]) * f_next
            rest = float(_got(d.grad_c)[t, i]) - exact
            if abs(rest) > 1e-6 * max(1.0, abs(float(_got(d.grad_c)[t, i]))):
                terms.append(Term([num(rest)], tr("from the decoder / other paths (engine)"),
                                  "engine"))
            sym = "dL/dh_t·o·(1 − tanh²(c_t))"
            if n is not None:
                sym += f" + dL/dc_{{{nx}}}·f_{{{nx}}}"
            dc = self.add("dc", "dL/dc_t", sym, terms, _got(d.grad_c)[t, i],
                          note=f"tanh(c_t) = {fmt(tc)}")
            self.section = tr("dL/d(gate pre-activations)")
            chain = {
                "i": ("dL/dc_t·g·i(1 − i)", [num(dc.result), num(gates["g"]),
                                             *sig_slope(gates["i"])]),
                "f": ("dL/dc_t·c_prev·f(1 − f)", [num(dc.result), num(_got(d.c_prev)[t, i]),
                                                  *sig_slope(gates["f"])]),
                "g": ("dL/dc_t·i·(1 − g²)", [num(dc.result), num(gates["i"]),
                                             one_minus_sq(gates["g"])]),
                "o": ("dL/dh_t·tanh(c_t)·o(1 − o)", [num(dh.result), num(tc),
                                                     *sig_slope(gates["o"])]),
            }
            da = {}
            for gi, g in enumerate(self.a.gates):
                sym, facs = chain[g.letter]
                da[g.letter] = self.add(f"da_{g.letter}", f"dL/da_{g.letter}", sym,
                                        [Term(facs)], _got(d.dpre)[t, gi * H + i]).result
            for gi, g in enumerate(self.a.gates):
                self.shares(state, t, gi * H + i, da[g.letter], da[g.letter], engine_title(g.title))
            return
        # GRU
        self.section = tr("dL/d(gate pre-activations)")
        hp = float(d.h_prev[t, i])
        dan = self.add("da_n", "dL/da_n", "dL/dh_t·(1 − z)·(1 − n²)",
                       [Term([num(dh.result), one_minus(gates["z"]),
                              one_minus_sq(gates["n"])])], _got(d.dpre)[t, 2 * H + i])
        self.add("hn", "W_hn·h + b_hn", tr("(from the forward step)"),
                 [Term([num(_got(d.hn)[t, i])])], _got(d.hn)[t, i])
        dar = self.add("da_r", "dL/da_r", "dL/da_n·(W_hn·h + b_hn)·r(1 − r)",
                       [Term([num(dan.result), num(_got(d.hn)[t, i]), *sig_slope(gates["r"])])],
                       _got(d.dpre)[t, i])
        daz = self.add("da_z", "dL/da_z", f"dL/dh_t·({self.prev_name(d)} − n)·z(1 − z)",
                       [Term([num(dh.result), diff(hp, gates["n"]), *sig_slope(gates["z"])])],
                       _got(d.dpre)[t, H + i])
        dan_h = self.add("da_n_hh", "dL/d(W_hn·h + b_hn)", "dL/da_n·r",
                         [Term([num(dan.result), num(gates["r"])])], _got(d.dpre_hh)[t, 2 * H + i])
        self.shares(state, t, i, dar.result, dar.result, tr("reset gate"))
        self.shares(state, t, H + i, daz.result, daz.result, tr("update gate"))
        self.shares(state, t, 2 * H + i, dan.result, dan_h.result, tr("candidate"))

    # -- the read-out -----------------------------------------------------------------------
    def output(self) -> None:
        trace, o = self.tr, self.i
        hits = np.flatnonzero(trace.out_steps == self.t)
        if not len(hits):
            raise ValueError(f"no read-out at step {self.t}")
        k = int(hits[0])
        wh, bh = trace.weights[HEAD_WEIGHT], trace.weights[HEAD_BIAS]
        feat = trace.features[k]
        self.matrix(tr("W (head)"), wh, [str(r) for r in range(wh.shape[0])],
                    [str(j) for j in range(wh.shape[1])], hrows=[o])
        if self.mode == "forward":
            self.section = tr("read-out")
            self.add("y", f"y[{o}]", f"W_head[{o},:]·h + b[{o}]",
                         [Term([num(wh[o, j]), num(feat[j])]) for j in range(len(feat))]
                         + [Term([num(bh[o])], "b")], trace.outputs[k, o])
            if trace.loss_name in ("ce", "ctc"):
                z = trace.outputs[k]
                p = np.exp(z - z.max())
                p /= p.sum()
                self.add("p", f"p[{o}]", f"e^y[{o}] / Σ_c e^y[c]",
                         [Term([num(v)]) for v in z], p[o], "softmax", o)
            return
        self.section = tr("the loss's own derivative")
        d_out = float(trace.d_out[k, o])
        y = float(trace.outputs[k, o])
        N = trace.loss_n
        inv = const(f"(1/{N:g})", 1.0 / N)
        if trace.loss_name == "mse":
            target = float(_got(trace.targets)[k, o])
            self.notes.append(
                tr("Mean squared error: L = (1/N)·Σ (y − target)² over the real steps and "
                   "outputs, N = {N:g}; so dL/dy = 2·(y − target)/N.").format(N=N))
            self.add("dy", f"dL/dy[{o}]", tr("2·(y − target)/N"),
                     [Term([const("2", 2.0), diff(y, target), inv])], d_out,
                     note=tr("y = {fmt}, target = {fmt2}, N = {N:g}").format(
                         fmt=fmt(y), fmt2=fmt(target), N=N))
        elif trace.loss_name == "ce":
            z = trace.outputs[k]
            p = np.exp(z - z.max())
            p /= p.sum()
            label = int(_got(trace.targets)[k])
            self.notes.append(
                tr("Softmax cross-entropy: L = −(1/N)·Σ log p[label] over the real steps, N = "
                   "{N:g}; so dL/dy[c] = (p[c] − [c = label])/N.").format(N=N))
            pl = self.add("p", f"p[{o}]", f"e^y[{o}] / Σ_c e^y[c]", [Term([num(v)]) for v in z],
                          p[o], "softmax", o)
            one = 1.0 if o == label else 0.0
            self.add("dy", f"dL/dy[{o}]", tr("(p[{o}] − [{o} = label {label}])/N").format(
                o=o, label=label),
                     [Term([Factor(f"({fmt(pl.result)} − {one:g})", pl.result - one), inv])],
                     d_out)
        else:
            self.notes.append(tr("CTC: dL/dy sums over every alignment of the target; the "
                              "value is the engine's (no short formula)."))
            self.add("dy", f"dL/dy[{o}]", tr("CTC (engine)"), [Term([num(d_out)])], d_out)
        dy = self.lines[-1].result
        self.section = tr("this step's share of the head's gradients")
        for j in range(len(feat)):
            self.add(f"dW_head[{o},{j}]", f"ΔdW_head[{o},{j}]", f"dL/dy[{o}]·h[{j}]",
                     [Term([num(dy), num(feat[j])])], trace.head_grad_step(k)[o, j])
        self.add(f"db_head[{o}]", f"Δdb_head[{o}]", f"dL/dy[{o}]", [Term([num(dy)])], d_out)


def formula(trace: Trace, anatomy: Anatomy, state: str, t: int, unit: int,
            mode: str) -> Formula:
    """The equations of unit ``unit`` of ``state`` (a state name of ``anatomy``, or
    ``"output"``) at step ``t`` (an index of the trace's arrays), ``mode`` "forward" or
    "backward"."""
    if mode not in ("forward", "backward"):
        raise ValueError(f"mode must be 'forward' or 'backward', not '{mode}'")
    b = _Builder(trace, anatomy, state, t, unit, mode)
    if state == OUTPUT:
        b.output()
        title = tr("output {unit}, step t = {value}").format(unit=unit, value=t + 1)
    else:
        cell = trace.layers[state].cell
        if cell in WALKED:
            walk = b.forward if mode == "forward" else b.backward
            walk()
        else:
            module = formula_min if cell in formula_min.CELLS else formula_generic
            lines = module.forward if mode == "forward" else module.backward
            lines(sys.modules[__name__], b)
        title = tr("{title}, unit {unit}, step t = {value}").format(
            title=engine_title(anatomy.state(state).title), unit=unit, value=t + 1)
    word = "forward" if mode == "forward" else tr("backward (BPTT)")
    return Formula(f"{title}: {word}", mode, state, t, unit, b.lines, b.matrices, b.notes)
