"""The numbers behind the diagram: which steps exist, what each neuron and weight shows.

:class:`DiagramModel` holds the weights, the live activations of the watched sample and the
step-through trace, and turns them into colour levels once per update; the items of the
scene ask it for their level, their value and their tooltip.  No Qt drawing here.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.anatomy import HEAD, Anatomy, anatomy_of
from rnn_sandbox.engine.inspect import Trace
from rnn_sandbox.ui.diagram.segments import Segment, network_kind
from rnn_sandbox.ui.words import QT_TR_NOOP, engine_title, tr

# Colour levels: -LEVELS..LEVELS map to orange (negative) .. white .. blue (positive); the
# items turn them into colours.
LEVELS = 20
DIM = -10_000  # level of a value not computed yet (step-through) or unknown

# "forget f", ... per gated cell, in PyTorch's order of the rows.
GATE_ROLES = {  # what each gate does, for the tooltips
    "input i": QT_TR_NOOP("how much of the candidate g enters the cell state"),
    "forget f": QT_TR_NOOP("how much of c_(t-1) the cell keeps"),
    "cell g": QT_TR_NOOP("the candidate value written into the cell state"),
    "output o": QT_TR_NOOP("how much of tanh(c_t) the neuron shows as h_t"),
    "reset r": QT_TR_NOOP("how much of the old state the candidate n sees"),
    "update z": QT_TR_NOOP("how much of h_(t-1) is kept (1 - z of the candidate n is "
                           "taken)"),
    "new n": QT_TR_NOOP("the candidate state"),
}


def _levels(values: np.ndarray, scale: float) -> np.ndarray:
    scale = scale if scale > 0 else 1.0
    v = np.nan_to_num(np.asarray(values, dtype=float) / scale)  # unknown values: marked DIM
    return np.rint(np.clip(v, -1.0, 1.0) * LEVELS).astype(np.int32)


def _top(a: np.ndarray | None) -> float:
    return 1.0 if a is None else float(np.abs(a).max(initial=0.0))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _got(a: np.ndarray | None) -> np.ndarray:
    """An array the trace has for this cell (the caller knows which cell it is)."""
    if a is None:
        raise ValueError("the trace lacks a value for this cell")
    return a


def _fmt(v: float) -> str:
    return f"{v:+.4g}"


class DiagramModel:
    """The numbers behind the diagram and their colour levels.

    ``mode`` is "live" (snapshot values), "forward" or "backward" (step-through, values of
    ``trace``).  ``step`` indexes the whole forward walk over all segments' time steps; in
    live mode it is the highlighted step.
    """

    def __init__(self) -> None:
        self._cfg: ExperimentConfig | None = None
        self._anatomy: Anatomy | None = None  # names and titles of states and parameters
        self.kind = "many_to_one"
        self.segments: list[Segment] = []
        self.weights: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] | None = None
        self.hidden: dict[str, np.ndarray] | None = None
        self.gates: dict[str, np.ndarray] | None = None  # live gate activations (T, G*H)
        self.cells: dict[str, np.ndarray] | None = None  # live LSTM cell states (T, H)
        self.inputs: np.ndarray | None = None
        self.outputs: np.ndarray | None = None
        self.attention: np.ndarray | None = None  # live α (output steps, source steps)
        self.trace: Trace | None = None
        self.mode = "live"
        self.step = 0
        self.on_click: Callable[[object], None] | None = None
        self._seg_of: dict[str, Segment] = {}
        self._wlev: dict[str, np.ndarray] = {}
        self._wscale: dict[str, float] = {}
        self._nval: dict[tuple[str, str], np.ndarray] = {}
        self._nlev: dict[tuple[str, str], np.ndarray] = {}
        self._reached: dict[tuple[str, str], np.ndarray] = {}
        self._step_lev: dict[tuple[str, int], np.ndarray | None] = {}
        self._bundle_cache: dict[tuple, tuple[int, float]] = {}

    # -- configuration -------------------------------------------------------------------
    @property
    def cfg(self) -> ExperimentConfig:
        if self._cfg is None:
            raise RuntimeError("the diagram has no network yet (configure it first)")
        return self._cfg

    @property
    def anatomy(self) -> Anatomy:
        """Names and titles of the network's states and parameters."""
        if self._anatomy is None:
            raise RuntimeError("the diagram has no network yet (configure it first)")
        return self._anatomy

    @property
    def tr(self) -> Trace:
        """The step-through's trace (there is one whenever the mode is not live)."""
        if self.trace is None:
            raise RuntimeError("no step-through trace")
        return self.trace

    def configure(self, cfg: ExperimentConfig, segments: list[Segment]) -> None:
        self._cfg = cfg
        self._anatomy = anatomy_of(cfg.network)
        self.kind = network_kind(cfg)
        self.segments = segments
        self._seg_of = {}
        for seg in segments:
            self._seg_of[seg.name] = seg
            for s in seg.states:
                self._seg_of[s] = seg
        self.step = min(self.step, self.total_steps() - 1)

    def total_steps(self) -> int:
        return sum(s.steps for s in self.segments) or 1

    def segment_of(self, key: str) -> Segment:
        return self._seg_of.get(key) or self._seg_of["dense"]  # "mean": the pooled input

    def local_step(self, seg: Segment) -> int:
        return self.step - seg.offset

    def focus_t(self, seg: Segment) -> int:
        """The time step of ``seg`` the folded view and the highlight show."""
        return int(min(max(self.local_step(seg), 0), seg.steps - 1))

    # -- numbers in ----------------------------------------------------------------------
    def set_weights(self, weights: dict[str, np.ndarray], grads=None) -> None:
        self.weights = weights
        self.grads = grads
        self._wlev, self._wscale = {}, {}
        for k, w in weights.items():
            s = float(np.abs(w).max(initial=0.0))
            self._wscale[k] = s  # levels are worked out when a line asks (link_levels)
        self._bundle_cache.clear()

    def set_live(self, hidden, inputs, outputs, gates=None, cells=None) -> None:
        self.hidden, self.inputs, self.outputs = hidden, inputs, outputs
        self.gates, self.cells = gates, cells

    def clear_live(self) -> None:
        self.hidden = self.inputs = self.outputs = None
        self.gates = self.cells = None
        self.grads = None

    def refresh(self) -> None:
        """Recompute neuron values and levels for the current mode and step."""
        self._nval, self._nlev, self._reached = {}, {}, {}
        self._step_lev = {}
        self._bundle_cache.clear()
        if self.mode != "live" and self.trace is None:
            self.mode = "live"
        for seg in self.segments:
            self._refresh_segment(seg)

    def _put(self, key, values: np.ndarray | None, scale: float, reached=None) -> None:
        if values is None:
            return
        values = np.asarray(values, dtype=float)
        lev = _levels(values, scale)
        if reached is not None:
            lev[~reached] = DIM
            self._reached[key] = reached
        self._nval[key] = values
        self._nlev[key] = lev

    def _reached_steps(self, seg: Segment, reverse: bool) -> np.ndarray:
        T = seg.steps
        t = np.arange(T)
        local = self.local_step(seg)
        if self.mode == "forward":
            if local < 0:
                return np.zeros(T, bool)
            return t >= T - 1 - local if reverse else t <= local
        if local >= T:
            return np.zeros(T, bool)
        return t <= T - 1 - local if reverse else t >= local

    def _refresh_segment(self, seg: Segment) -> None:
        n = self.cfg.network
        T = seg.steps
        act_scale = 1.0 if n.nonlinearity == "tanh" else None
        out_probs = n.loss in ("ce", "ctc")
        if self.mode == "live":
            for s in seg.states:
                h = None if self.hidden is None else self.hidden.get(s)
                if h is not None and h.shape[0] == T:
                    self._put(("hidden", s), h, act_scale or float(np.abs(h).max(initial=0)))
                g = None if self.gates is None else self.gates.get(s)
                if g is not None and g.shape[0] == T:
                    self._put(("gate", s), g, 1.0)  # activations in (0, 1) or (-1, 1)
                c = None if self.cells is None else self.cells.get(s)
                if c is not None and c.shape[0] == T:
                    self._put(("cell", s), c, _top(c))
            if self.inputs is not None and seg.name in ("main", "encoder"):
                x = np.full((T, seg.in_size), np.nan)
                given = np.asarray(self.inputs, float)[:T]
                if given.shape[1] == seg.in_size:
                    x[: given.shape[0]] = given
                    self._put(("input", seg.name), x, float(np.nanmax(np.abs(given))),
                              ~np.isnan(x[:, 0]))
            if self.inputs is not None and seg.name == "dense":
                given = np.asarray(self.inputs, float)
                if given.ndim == 2 and given.shape[1] == seg.in_size:
                    mean = given.mean(axis=0, keepdims=True)
                    self._put(("input", "mean"), mean, float(np.abs(mean).max(initial=0)))
            if self.outputs is not None and any(seg.outputs):
                self._put_outputs(seg, np.asarray(self.outputs, float), out_probs, None)
            return
        trace = self.tr
        fwd = self.mode == "forward"
        for s in seg.states:
            d = trace.layers.get(s)
            if d is None or d.h.shape[0] != T:
                continue
            reached = self._reached_steps(seg, d.reverse)
            if fwd:
                self._put(("hidden", s), d.h, act_scale or float(np.abs(d.h).max()), reached)
                self._put(("gate", s), d.gates, 1.0, reached)
                self._put(("cell", s), d.c, _top(d.c), reached)
            else:
                self._put(("hidden", s), d.grad_h, float(np.abs(d.grad_h).max()), reached)
                if d.gates is not None:  # dL/d(pre-activation) of each gate
                    self._put(("gate", s), d.dpre, _top(d.dpre), reached)
                self._put(("cell", s), d.grad_c, _top(d.grad_c), reached)
        first = trace.layers.get(seg.states[0])
        if first is not None and first.x.shape[0] == T:
            x = first.x.copy()
            has = np.array([kind is not None for kind in seg.inputs])
            self._put(("input", seg.name), x, float(np.abs(x).max(initial=0)), has)
        if any(seg.outputs):
            vals = trace.outputs if fwd else trace.d_out
            done: np.ndarray | None = None  # the steps the walk has reached
            if fwd:
                top = [self._reached_steps(seg, r) for r in ([False, True][: seg.dirs])]
                done = np.logical_and.reduce(top)
                if self.kind == "many_to_one":
                    done = np.full(T, self.local_step(seg) >= T - 1)
            self._put_outputs(seg, vals, out_probs and fwd, done)

    def _put_outputs(self, seg: Segment, vals: np.ndarray, probs: bool, reached) -> None:
        T = seg.steps
        O = self.cfg.network.output_size
        full = np.full((T, O), np.nan)
        if self.kind == "many_to_one":
            full[T - 1] = vals.reshape(-1, O)[-1]
        else:
            vals = vals.reshape(-1, O)[:T]
            full[: vals.shape[0]] = vals
        known = ~np.isnan(full[:, 0])
        shown = _softmax(np.nan_to_num(full)) if probs else full
        scale = 1.0 if probs else float(np.nanmax(np.abs(full))) if known.any() else 1.0
        reached = known if reached is None else (known & reached)
        self._put(("output", seg.name), np.where(known[:, None], shown, 0.0), scale, reached)
        self._nval[("output", seg.name)] = full  # raw logits/values for tooltips
        if probs:
            self._nval[("prob", seg.name)] = shown

    # -- numbers out (items ask) -----------------------------------------------------------
    def _t(self, item) -> int:
        if item.t is not None:
            return item.t
        return self.focus_t(self.segment_of(item.key))

    def neuron_level(self, item) -> int:
        lev = self._nlev.get((item.role, item.key))
        if lev is None:
            return DIM if self.mode != "live" else 0
        return int(lev[self._t(item), item.col])

    def levels_at(self, role: str, key: str, ts: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Colour levels of many units of one row at once: steps ``ts`` (-1: the folded
        view's step), value columns ``cols``."""
        lev = self._nlev.get((role, key))
        if lev is None:
            return np.full(len(ts), DIM if self.mode != "live" else 0)
        if (ts < 0).any():
            ts = np.where(ts < 0, self.focus_t(self.segment_of(key)), ts)
        return lev[ts, cols]

    def current_t(self, key: str) -> int | None:
        """The step of hidden row ``key`` that the step-through computes now."""
        if self.mode == "live":
            return None
        seg = self.segment_of(key)
        local = self.local_step(seg)
        if not 0 <= local < seg.steps:
            return None
        return seg.steps - 1 - local if self.anatomy.state(key).reverse else local

    def neuron_value(self, item) -> float | None:
        key = (item.role, item.key)
        vals = self._nval.get(key)
        if vals is None:
            return None
        t = self._t(item)
        reached = self._reached.get(key)
        if reached is not None and not reached[t]:
            return None
        v = float(vals[t, item.col])
        return None if math.isnan(v) else v

    def series(self, role: str, key: str) -> np.ndarray | None:
        """Values of a row over time ``(T, units)`` as shown now (NaN where unknown)."""
        return self._nval.get((role, key))

    def band_levels(self, item):
        lev = self._nlev.get((item.role, item.key))
        if lev is None:
            return None
        return lev[self._t(item)]

    def _param_dest(self, param: str) -> tuple[str, str]:
        """The row a weight matrix feeds: the read-out, or the state it computes."""
        p = self.anatomy.param(param)
        if p.module == HEAD or p.state is None:
            return ("output", self.segments[-1].name)
        return ("hidden", p.state)

    def _conn_reached(self, param: str, t: int) -> bool:
        r = self._reached.get(self._param_dest(param))
        return True if r is None else bool(r[t])

    def _step_levels(self, param: str, t: int) -> np.ndarray | None:
        """Colour levels of the gradient share ``param`` receives at step ``t``."""
        key = (param, t)
        if key not in self._step_lev:
            g, scale = self._step_grad(param, t)
            self._step_lev[key] = None if g is None else _levels(g, scale)
        return self._step_lev[key]

    def _step_grad(self, param: str, t: int):
        trace = self.tr
        p = self.anatomy.param(param)
        if p.module == HEAD:
            hits = np.nonzero(trace.out_steps == t)[0]
            if self.kind == "many_to_one":
                hits = np.array([0])
            if not len(hits):
                return None, 1.0
            return trace.head_grad_step(int(hits[0])), trace.head_grad_max()
        d = trace.layers.get(p.state or "")
        if d is None:
            return None, 1.0
        return d.grad_step(p.kind, t), d.grad_step_max(p.kind)

    def link_levels(self, param: str, t: int | None) -> np.ndarray | int:
        """Colour levels of every weight of ``param`` into step ``t`` (one int if all
        share it): the weights, or in backward step-through that step's gradient share."""
        if t is None:
            t = self._folded_t(param)
        if self.mode != "live" and t is not None and not self._conn_reached(param, t):
            return DIM
        if self.mode == "backward" and t is not None:
            lev = self._step_levels(param, t)
            return DIM if lev is None else lev
        lev = self._wlev.get(param)
        if lev is None and param in self.weights:
            lev = self._wlev[param] = _levels(self.weights[param], self._wscale[param])
        return 0 if lev is None else lev

    def connection_value(self, item) -> float | None:
        """The number a line stands for now: its weight, or walking backward, this step's
        share of that weight's gradient (``None``: not computed yet)."""
        t = item.t if item.t is not None else self._folded_t(item.param)
        if self.mode != "live" and t is not None and not self._conn_reached(item.param, t):
            return None
        if self.mode == "backward" and t is not None:
            g, _ = self._step_grad(item.param, t)
            return None if g is None else float(g[item.i, item.j])
        w = self.weights.get(item.param)
        return None if w is None else float(w[item.i, item.j])

    def connection_level(self, item) -> int:
        lev = self.link_levels(item.param, item.t)
        return lev if isinstance(lev, int) else int(lev[item.i, item.j])

    def _folded_t(self, param: str) -> int | None:
        if self.mode == "live":
            return None
        key = self._param_dest(param)[1]
        return self.focus_t(self.segment_of(key))

    def bundle_style(self, item) -> tuple[int, float]:
        """(colour level, strength in 0..1) of a ribbon standing for a block of weights.

        The colour is the block's mean relative to its typical size (blue: mostly
        positive, orange: mostly negative, grey: mixed); the strength is its typical size
        (root mean square) relative to the largest weight of the matrix, or in backward
        step-through the size of that step's gradient share.
        """
        t = item.t if item.t is not None else self._folded_t(item.param)
        # Live, a block looks the same at every step: one computation for all its ribbons.
        key = (item.param, item.rows.start, item.cols.start,
               None if self.mode == "live" else t, self.mode)
        if key in self._bundle_cache:
            return self._bundle_cache[key]
        style: tuple[int, float] = (DIM, 0.0)
        if self.mode == "live" or t is None or self._conn_reached(item.param, t):
            if self.mode == "backward" and t is not None:
                g, scale = self._step_grad(item.param, t)
                block = None if g is None else g[item.rows, item.cols]
            else:
                w = self.weights.get(item.param)
                block = None if w is None else w[item.rows, item.cols]
                scale = self._wscale.get(item.param, 1.0)
            if block is not None and block.size:
                # einsum: no copy of the block, and no BLAS threads for one sum of squares
                rms = math.sqrt(float(np.einsum("ij,ij->", block, block)) / block.size)
                mean = float(block.sum()) / block.size
                level = int(round(np.clip(mean / rms if rms > 0 else 0.0, -1, 1) * LEVELS))
                style = (level, min(1.0, 2.0 * rms / scale) if scale > 0 else 0.0)
        self._bundle_cache[key] = style
        return style

    @staticmethod
    def _block_level(block: np.ndarray, scale: float) -> int:
        rms = float(np.sqrt(np.mean(block * block))) if block.size else 0.0
        sign = 1 if block.mean() >= 0 else -1
        return int(sign * round(min(1.0, 2 * rms / (scale or 1.0)) * LEVELS))

    def matrix_level(self, param: str) -> int:
        w = self.weights.get(param)
        if w is None:
            return 0
        return self._block_level(w, self._wscale.get(param, 1.0))

    def column_highlighted(self, col) -> bool:
        seg = self._seg_of.get(col.seg)
        if seg is None or col.t is None:
            return False
        local = self.local_step(seg)
        return 0 <= local < seg.steps and col.t == local

    def grad_norm_fraction(self, key: str, t: int) -> float | None:
        """|dL/dh_t| of layer ``key`` over its largest value in the sequence (backward
        step-through, reached steps only)."""
        if self.mode != "backward" or self.trace is None:
            return None
        reached = self._reached.get(("hidden", key))
        d = self.trace.layers.get(key)
        if d is None or reached is None or not reached[t]:
            return None
        norms = np.linalg.norm(d.grad_h, axis=1)
        top = float(norms.max())
        return float(norms[t]) / top if top > 0 else 0.0

    def column_focus(self, col) -> int:
        return self.focus_t(self._seg_of[col.seg])

    def neuron_clicked(self, item) -> None:
        if self.on_click is not None:
            self.on_click(item)

    # -- tooltips --------------------------------------------------------------------------
    def describe(self, item) -> str:
        """The tooltip of a diagram item: each item knows which description it is."""
        return item.describe()

    def describe_norm_bar(self, item) -> str:
        f = item.fraction()
        if f is None:
            return ""
        norm = float(np.linalg.norm(self.tr.layers[item.key].grad_h[item.t]))
        return tr("{title}, t={t}: |dL/dh_t| = {norm:.3g} ({share:.0f}% of the largest "
                  "step)").format(title=engine_title(self.anatomy.state(item.key).title),
                                  t=item.t + 1, norm=norm, share=100 * f)

    def unit_name(self, role: str, key: str, unit: int) -> str:
        if role == "input" and key == "mean":
            return tr("input {value}, averaged over the steps").format(value=unit + 1)
        if role == "hidden":  # "encoder layer 2 ←", "dense layer"
            return tr("{title}, neuron {value}").format(
                title=engine_title(self.anatomy.state(key).title), value=unit + 1)
        if role == "output":
            if self.kind == "ctc" and unit == 0:
                return tr("output 1 (blank)")
            return tr("output {value}").format(value=unit + 1)
        return tr("input {value}").format(value=unit + 1)

    def _value_line(self, v: float | None, backward: str, forward: str) -> str:
        """A tooltip's value: not there yet, the gradient (stepping backward) or the value
        (``{}`` in the texts is the number)."""
        if v is None:
            return tr("not computed yet") if self.mode != "live" else tr("no value yet")
        return (backward if self.mode == "backward" else forward).format(_fmt(v))

    def describe_gate(self, item) -> str:
        t = self._t(item)
        H = self.cfg.network.hidden_size
        where = tr("{title}, neuron {value}, t={value2}").format(
            title=engine_title(self.anatomy.state(item.key).title), value=item.unit + 1,
                value2=t + 1)
        v = self.neuron_value(item)
        if item.role == "cell":
            lines = [tr("cell state c_t of {where}").format(where=where),
                     tr("the LSTM's memory: c_t = f * c_(t-1) + i * g"),
                     self._value_line(v, tr("dL/dc_t = {} (the gradient's highway through f)"),
                                      "c_t = {}")]
            return "\n".join(lines)
        gate = self.anatomy.gates[item.gate]
        name = engine_title(gate.name)
        lines = [tr("gate {name} of {where}").format(
            name=name, where=where), tr(GATE_ROLES[gate.name])]
        if v is None:
            lines.append(tr("not computed yet") if self.mode != "live" else tr("no value yet"))
        elif self.mode == "backward":
            lines.append(tr("dL/d(pre-activation of {letter}) = {fmt}").format(
                letter=gate.letter, fmt=_fmt(v)))
            d = self.trace.layers.get(item.key) if self.trace is not None else None
            if d is not None and d.gates is not None:
                lines.append(tr("its activation was {fmt}").format(
                    fmt=_fmt(d.gates[t, item.gate * H + item.unit])))
        else:
            squash = "tanh" if gate.squash == "tanh" else "σ"
            lines.append(f"{gate.letter} = {squash}(…) = {_fmt(v)}")
        return "\n".join(lines)

    def describe_neuron(self, item) -> str:
        if item.role in ("gate", "cell"):
            return self.describe_gate(item)
        t = self._t(item)
        lines = [f"{self.unit_name(item.role, item.key, item.unit)} at t={t + 1}"]
        v = self.neuron_value(item)
        j = item.unit
        if item.role == "input":
            seg = self.segment_of(item.key)
            src = seg.inputs[t]
            if src == "feedback":
                lines.append(tr("fed back: the previous step's output (the target in training)"))
            elif src == "start":
                lines.append(tr("start of decoding: a zero vector"))
            elif src is None:
                lines.append(tr("no input at this step (zero vector)"))
            if v is not None:
                lines.append(f"x = {_fmt(v)}")
            return "\n".join(lines)
        if item.role == "output":
            lines.append(self._value_line(v, "dL/dy = {}", tr("value = {}")))
            p = self._nval.get(("prob", item.key))
            if v is not None and self.mode != "backward" and p is not None:
                lines.append(tr("probability = {value:.3f}").format(value=p[t, j]))
            return "\n".join(lines)
        if v is None:
            lines.append(tr("not computed yet") if self.mode != "live" else tr("no activation yet"))
            return "\n".join(lines)
        d = None if self.trace is None else self.trace.layers.get(item.key)
        act = self.cfg.network.nonlinearity
        if self.mode == "forward" and d is not None and d.gates is not None:
            H = d.h.shape[1]
            for g, gate in enumerate(self.anatomy.gates):
                lines.append(tr("gate {name:9s} = {fmt}").format(
                    name=engine_title(gate.name), fmt=_fmt(_got(d.gates)[t, g * H + j])))
            if d.c is not None:
                lines.append(tr("cell state c_t  = {fmt}").format(fmt=_fmt(d.c[t, j])))
            lines.append(f"h_t = {_fmt(d.h[t, j])}")
        elif self.mode == "forward" and d is not None:
            prev = "t+1" if d.reverse else "t-1"
            lines += [
                f"W_ih x_t       = {_fmt(_got(d.ih)[t, j])}",
                f"W_hh h_{prev}  = {_fmt(_got(d.hh)[t, j])}",
                f"b_ih + b_hh    = {_fmt(d.b_ih[j] + d.b_hh[j])}",
                tr("pre-activation = {fmt}").format(fmt=_fmt(_got(d.pre)[t, j])),
                f"h_t = {act}(pre) = {_fmt(d.h[t, j])}",
            ]
        elif self.mode == "backward" and d is not None:
            lines.append(f"dL/dh_t   = {_fmt(d.grad_h[t, j])}")
            if d.grad_c is not None:
                lines.append(tr("dL/dc_t   = {fmt}  (cell state)").format(fmt=_fmt(d.grad_c[t, j])))
            if d.gates is not None:
                H = d.h.shape[1]
                for g, gate in enumerate(self.anatomy.gates):
                    lines.append(f"dL/d(pre {gate.letter}) = "
                                 f"{_fmt(_got(d.dpre)[t, g * H + j])}")
            elif d.dpre is not None:
                lines.append(f"dL/dpre_t = {_fmt(d.dpre[t, j])}")
            lines.append(tr("|dL/dh_t| of the layer = {norm:.3g}").format(
                norm=np.linalg.norm(d.grad_h[t])))
        else:
            lines.append(f"h_t = {_fmt(v)}")
        return "\n".join(lines)

    def describe_connection(self, param: str, i: int, j: int, t) -> str:
        lines = [f"{param}[{i}, {j}]"]
        w = self.weights.get(param)
        if w is not None:
            lines.append(tr("weight = {fmt}").format(fmt=_fmt(float(w[i, j]))))
        if self.grads is not None and param in self.grads:
            lines.append(tr("gradient (last batch) = {fmt}").format(
                fmt=_fmt(float(self.grads[param][i, j]))))
        if self.trace is not None and t is not None and self.mode != "live":
            g, _ = self._step_grad(param, t)
            if g is not None:
                lines.append(tr("gradient share of step t={value} (this sample) = {fmt}").format(
                    value=t + 1, fmt=_fmt(float(g[i, j]))))
            total = self.trace.grads.get(param)
            if total is not None:
                lines.append(tr("gradient over all steps (this sample) = {fmt}").format(
                    fmt=_fmt(float(total[i, j]))))
        return "\n".join(lines)

    def describe_block(self, param: str, rows: slice, cols: slice, t) -> str:
        w = self.weights.get(param)
        if w is None:
            return param
        block = w[rows, cols]
        lines = [
            tr("{param}: {value}×{value2} weights").format(
                param=param, value=block.shape[0], value2=block.shape[1]),
            tr("mean = {fmt}, rms = {float:.4g}, largest |w| = {float2:.4g}").format(
                fmt=_fmt(float(block.mean())), float=float(np.sqrt(np.mean(block ** 2))),
                    float2=float(np.abs(block).max())),
        ]
        gates = self.anatomy.gates
        H = self.cfg.network.hidden_size
        if gates and self.anatomy.param(param).recurrent_weight:
            for g, gate in enumerate(gates):
                part = w[g * H:(g + 1) * H, cols]
                lines.append(tr("  gate {name}: rms {float:.4g}").format(
                    name=engine_title(gate.name), float=float(np.sqrt(np.mean(part ** 2)))))
        if self.grads is not None and param in self.grads:
            lines.append(tr("gradient norm (last batch) = {float:.4g}").format(
                float=float(np.linalg.norm(self.grads[param][rows, cols]))))
        if self.mode == "backward" and self.trace is not None and t is not None:
            g, _ = self._step_grad(param, t)
            if g is not None:
                lines.append(tr("gradient share of step t={value}: norm {float:.4g}").format(
                    value=t + 1, float=float(np.linalg.norm(g[rows, cols]))))
        return "\n".join(lines)

