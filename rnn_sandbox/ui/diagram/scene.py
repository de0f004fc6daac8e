"""Where everything goes: the scene built from a configuration.

:class:`DiagramScene` lays the network out from an ``ExperimentConfig``: one column per time
step (or one folded column), rows for the inputs, each layer and direction, and the outputs,
shaped by the task type; the colours come from the :class:`DiagramModel`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from rnn_sandbox.engine.anatomy import DENSE, DENSE_WEIGHT, HEAD_WEIGHT, StateInfo
from rnn_sandbox.engine.timeloop import truncated_here
from rnn_sandbox.ui.diagram.attention_lines import AttentionArcs
from rnn_sandbox.ui.diagram.items import (
    ArrowItem,
    BandItem,
    ButtonItem,
    CellStateItem,
    CutItem,
    EllipsisItem,
    GateItem,
    LayerLabel,
    LoopItem,
    NeuronItem,
    NeuronLayer,
    NormBarItem,
    TimeStepColumn,
    UnitLabel,
    cell_box,
)
from rnn_sandbox.ui.diagram.links import (
    BundleItem,
    ConnectionItem,
    LinkLayer,
    RibbonLayer,
)
from rnn_sandbox.ui.diagram.look import (
    CURRENT_PEN,
    GATE_R,
    R,
)
from rnn_sandbox.ui.diagram.model import DiagramModel
from rnn_sandbox.ui.diagram.segments import (  # noqa: F401 (re-exported for the widget)
    Segment,
    make_segments,
    network_kind,
    shown_steps,
)
from rnn_sandbox.ui.words import engine_title, part_name, tr, units_text

MAX_UNITS = 16  # rows with more units are drawn as a band of cells
# Above this many single lines, links between two hidden rows are drawn as ribbons (the
# neurons stay); a frame must stay well under 16 ms.
MAX_LINES = 4000
PITCH = 16.0  # vertical distance between neurons
EXPANDED_EXTRA = 34.0  # more room under a gated neuron that shows its gates
ROW_GAP = 42.0
STAGGER = 32.0  # horizontal shift between rows, so that links between rows do not overlap
LEFT = 170.0  # room for row labels and buttons (left of the first column's leftmost row)
TOP = 40.0
HANDOVER_GAP = 80.0


def band_height(n: int) -> float:
    return float(min(200, max(60, 3 * n)))


def row_height(n: int) -> float:
    return n * PITCH if n <= MAX_UNITS else band_height(n)


@dataclass
class Row:
    """Vertical slot of one kind of row; shared by the encoder and decoder."""

    slot: str  # "out", "l0", "l0_reverse", ..., "in"
    offset: float  # horizontal shift inside a column
    top: float
    height: float
    expanded: frozenset[int] = field(default_factory=frozenset)  # units showing their gates


def row_offset(slot: str, layers: int, dirs: int, state: StateInfo | None = None) -> float:
    """Shift of a row inside its column (``state``: the layer/direction a hidden row shows).
    Forward layers step to the right, backward ones to the left, so the links into a row
    never run through the neurons of a row between."""
    if state is not None:
        k = state.layer
        return -(k + 1) * STAGGER if state.reverse else (k + 1) * STAGGER
    if slot == "out":
        return 0.0 if dirs == 2 else (layers + 1) * STAGGER
    return 0.0  # the inputs


class DiagramScene(QGraphicsScene):
    """The scene built from a configuration; lists of its items for the widget and tests."""

    def __init__(self, model: DiagramModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.expanded: set[tuple[str, int]] = set()  # (row slot "l0_reverse", unit)
        self._reset_lists()

    def _reset_lists(self) -> None:
        self.neurons: list[NeuronItem] = []
        self.gates: list[GateItem] = []  # gates and cell states of expanded neurons
        self.links = LinkLayer()
        self.ribbons: RibbonLayer | None = None
        # (role, key, items, their index in the NeuronLayer, their steps (-1: folded),
        #  their value columns, levels shown)
        self._groups: list[tuple[str, str, list[NeuronItem], np.ndarray, np.ndarray,
                                 np.ndarray, np.ndarray]] = []
        self.unit_layer: NeuronLayer | None = None
        self._current: tuple = ()
        self.current_marks: QGraphicsPathItem | None = None
        self._looked: list = []
        self.bands: list[BandItem] = []
        self.connections: list[ConnectionItem] = []
        self.bundles: list[BundleItem] = []
        self.columns: list[TimeStepColumn] = []
        self.arrows: list[ArrowItem] = []
        self.loops: list[LoopItem] = []
        self.labels: list[LayerLabel] = []
        self.buttons: dict[str, ButtonItem] = {}
        self.summarise_hidden_links = False
        self.norm_bars: list[NormBarItem] = []
        self.cuts: list[CutItem] = []
        self.attention: list[AttentionArcs] = []  # a decoder that looks back: its α

    # -- building --------------------------------------------------------------------------
    def shown(self, seg: Segment, max_shown: int) -> list[int | None]:
        """The steps of ``seg`` to draw; the step-through's current step is always among
        them."""
        m = self.model
        focus = None if m.mode == "live" else m.focus_t(seg)
        return shown_steps(seg.steps, max_shown, focus)

    def build(
        self,
        folded: bool,
        max_shown: int,
        on_neuron_edit: Callable[[int, int], None] | None = None,
    ) -> None:
        """Rebuild every item from the model's configuration and segments."""
        self.clear()
        self._reset_lists()
        m = self.model
        n = m.cfg.network
        segs = m.segments
        if n.cell == "dense":
            self._build_dense(max_shown, on_neuron_edit)
            return
        L, H, O = n.num_layers, n.hidden_size, n.output_size
        D = max(s.dirs for s in segs)
        # One row per layer/direction of the first stack (the encoder's serve the decoder).
        self.row_states = {s.slot: s for s in m.anatomy.states_of(segs[0].part)}
        # Vertical slots, top to bottom: each layer's backward direction above its forward.
        slots = []
        if any(any(s.outputs) for s in segs):
            slots.append(("out", O))
        slots += [(slot, H) for slot in reversed(self.row_states)]
        slots.append(("in", max(s.in_size for s in segs)))
        rows: dict[str, Row] = {}
        y = TOP
        gated = m.anatomy.gated and H <= MAX_UNITS
        for slot, size in slots:
            h = row_height(size)
            exp: frozenset[int] = frozenset()
            state = self.row_states.get(slot)
            if gated and state is not None:
                exp = frozenset(j for s, j in self.expanded if s == slot and j < size)
                h += EXPANDED_EXTRA * len(exp)
            rows[slot] = Row(slot, row_offset(slot, L, D, state), y, h, exp)
            y += h + ROW_GAP
        bottom = y - ROW_GAP + 14
        self.rows = rows
        cols = sum(1 if folded else len([t for t in self.shown(s, max_shown)
                                         if t is not None]) for s in segs)
        I = max(s.in_size for s in segs)
        lines = cols * (D * H * I + (L - 1) * D * H * D * H + L * D * H * H + O * D * H)
        self.summarise_hidden_links = lines > MAX_LINES
        lo = min(r.offset for r in rows.values())
        hi = max(r.offset for r in rows.values())
        self.col_left, self.col_right = lo - 18, hi + 18
        col_w = hi - lo + 70
        x = LEFT - lo
        self.seg_x: dict[str, list[tuple[int | None, float]]] = {}
        for seg in segs:
            steps = [None] if folded else self.shown(seg, max_shown)
            places = [(t, x + idx * col_w) for idx, t in enumerate(steps)]
            self.seg_x[seg.name] = places
            self._build_segment(seg, places, rows, col_w, bottom, folded)
            x += len(steps) * col_w + HANDOVER_GAP
        if len(segs) == 2:
            self._build_handover(segs, rows, folded)
            if not folded and n.attention != "none":
                self._build_attention(segs, rows)
        self._build_labels(rows, on_neuron_edit, folded)
        self._finish()

    def _finish(self) -> None:
        """Index the items that change colour, for :meth:`recolour`."""
        self.links.finish()
        self.addItem(self.links)
        self.ribbons = RibbonLayer(self.bundles)
        self.addItem(self.ribbons)
        units = self.neurons + self.gates
        self.unit_layer = NeuronLayer(units)
        self.addItem(self.unit_layer)
        groups: dict[tuple[str, str], list[int]] = {}
        for k, it in enumerate(units):
            groups.setdefault((it.role, it.key), []).append(k)
        self._groups = [
            (role, key, [units[k] for k in idx], np.array(idx),
             np.array([-1 if units[k].t is None else units[k].t for k in idx]),
             np.array([units[k].col for k in idx]), np.full(len(idx), 0))
            for (role, key), idx in groups.items()
        ]
        self.current_marks = QGraphicsPathItem()
        self.current_marks.setPen(CURRENT_PEN)
        self.current_marks.setZValue(4)
        self.current_marks.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(self.current_marks)
        self._looked = (self.bands + self.norm_bars + self.columns + self.loops + self.cuts
                        + self.attention)

    # -- colours ---------------------------------------------------------------------------
    def recolour(self) -> None:
        """Bring every item to the model's current numbers, touching only those whose
        colour changed (the caller has run ``model.refresh()``)."""
        m = self.model
        if self.unit_layer is None or self.ribbons is None:
            return  # not built yet
        current = []
        for role, key, items, idx, ts, cols, shown in self._groups:
            new = m.levels_at(role, key, ts, cols)
            changed = np.flatnonzero(new != shown)
            if not len(changed):
                continue
            for k in changed.tolist():
                items[k].set_level(int(new[k]))
            shown[:] = new
            self.unit_layer.set_levels(idx[changed], new[changed])
            if role == "hidden":
                cur = m.current_t(key)
                if cur is not None:
                    current += [items[k] for k in np.flatnonzero(ts == cur)]
        ids = tuple(id(it) for it in current)
        if ids != self._current and self.current_marks is not None:
            self._current = ids
            path = QPainterPath()
            r = R + 1.5
            for it in current:
                p = it.pos()
                path.addEllipse(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
            self.current_marks.setPath(path)
        self.links.refresh(m)
        self.ribbons.refresh()
        for it in self._looked:
            it.refresh_look()

    def _build_dense(self, max_shown: int, on_neuron_edit) -> None:
        """The dense baseline: input columns, then one hidden layer and the read-out."""
        m = self.model
        n = m.cfg.network
        main, dense = m.segments
        H, O, I = n.hidden_size, n.output_size, n.input_size
        rows: dict[str, Row] = {}
        y = TOP
        for slot, size, off in (("out", O, 2 * STAGGER), (DENSE, H, STAGGER), ("in", I, 0.0)):
            h = row_height(size)
            rows[slot] = Row(slot, off, y, h)
            y += h + ROW_GAP
        bottom = y - ROW_GAP + 14
        self.rows = rows
        self.col_left, self.col_right = -18.0, 18.0
        col_w = 70.0
        shown = shown_steps(main.steps, max_shown)
        x = LEFT
        cols = []
        inputs: dict[int, object] = {}
        for t in shown:
            if t is None:
                self.addItem(EllipsisItem(QRectF(x - 18, TOP - 30, 36, bottom - TOP + 30),
                                          main.steps - (len(shown) - 1)))
            else:
                col = TimeStepColumn(m, "main", t, QRectF(x - 18, TOP - 30, 36,
                                                          bottom - TOP + 30), f"t={t + 1}")
                self.addItem(col)
                self.columns.append(col)
                inputs[t] = self._add_units("input", "main", t, I, rows["in"], x)
            cols.append((t, x))
            x += col_w
        xd = x + 90
        self.seg_x = {"main": cols, "dense": [(0, xd)]}
        mean = n.pooling == "mean"
        lines = (1 if mean else len(inputs)) * I * H + O * H
        self.summarise_hidden_links = lines > MAX_LINES
        label = tr("dense: all steps at once (averaged)") if mean else tr(
            "dense: all steps at once")
        col = TimeStepColumn(m, "dense", None, QRectF(xd - 30, TOP - 30, 140, bottom - TOP + 30),
                             label)
        self.addItem(col)
        self.columns.append(col)
        hidden = self._add_units("hidden", DENSE, 0, H, rows[DENSE], xd + STAGGER)
        if mean:
            pooled = self._add_units("input", "mean", 0, I, rows["in"], xd)
            for t, pts in inputs.items():
                a = self._span(pts)[1] + QPointF(6, 0)
                b = self._span(pooled)[1] + QPointF(-8, 0)
                tip = tr("step {n} enters the average of all steps: their order is lost")
                arrow = ArrowItem(m, "state", a, b, tip.format(n=t + 1), bend=30.0)
                self.addItem(arrow)
                self.arrows.append(arrow)
            self._link(DENSE_WEIGHT, pooled, hidden, 0)
        else:
            for t, pts in inputs.items():
                self._link(DENSE_WEIGHT, pts, hidden, 0, t * I)
        out = self._add_units("output", "dense", 0, O, rows["out"], xd + 2 * STAGGER)
        self._link(HEAD_WEIGHT, hidden, out, 0)
        lx = LEFT - 24
        texts = {"out": tr("output y"), "in": tr("input x"),
                 DENSE: tr("dense layer\n{H} neurons\n(no recurrence)").format(H=H)}
        for slot, row in rows.items():
            yy = row.top + row.height / 2
            lab = LayerLabel(texts[slot], QPointF(lx - (24 if slot == "in" else 0), yy),
                             bold=slot == DENSE)
            self.addItem(lab)
            self.labels.append(lab)
        if on_neuron_edit is not None:
            yy = rows[DENSE].top + rows[DENSE].height / 2 + 3
            yy += self.labels[1].caption.boundingRect().height() / 2  # under the dense label
            for dx, sign, sym in ((-52, -1, "−"), (-26, +1, "+")):
                btn = ButtonItem(sym, tr("Add a hidden neuron") if sign > 0 else
                                 tr("Remove a hidden neuron"),
                                 QPointF(lx + dx, yy), partial(on_neuron_edit, sign, 0),
                                 name=f"{'add' if sign > 0 else 'remove'}_neuron_l0")
                self.addItem(btn)
                self.buttons[btn.name] = btn
        self._finish()

    def _unit_points(self, row: Row, size: int, x: float) -> list[QPointF] | tuple:
        """Centres of a row's neurons at column ``x`` or, for a band, (top, height)."""
        if size > MAX_UNITS:
            h = band_height(size)
            return (row.top + (row.height - h) / 2, h)
        pitches = [PITCH + (EXPANDED_EXTRA if j in row.expanded else 0.0) for j in range(size)]
        y = row.top + (row.height - sum(pitches)) / 2
        pts = []
        for p in pitches:
            pts.append(QPointF(x, y + PITCH / 2))
            y += p
        return pts

    def _add_units(self, role, key, t, size, row, x, **kw):
        pts = self._unit_points(row, size, x)
        if isinstance(pts, tuple):
            band = BandItem(self.model, role, key, t, size, QPointF(x, pts[0]), pts[1])
            self.addItem(band)
            self.bands.append(band)
            return (QPointF(x, pts[0]), QPointF(x, pts[0] + pts[1]))
        for j, p in enumerate(pts):
            item = NeuronItem(self.model, role, key, t, j, p, **{
                k: (v(j) if callable(v) else v) for k, v in kw.items()})
            self.addItem(item)
            self.neurons.append(item)
            if role == "hidden" and j in row.expanded:
                self._add_gates(key, t, j, p)
        return pts

    def _add_gates(self, key: str, t: int | None, j: int, p: QPointF) -> None:
        """The gates of an expanded gated neuron: a row of small units under it (LSTM i f g
        o, GRU r z n) and, for the LSTM, the cell state c_t beside it."""
        n = self.model.cfg.network
        letters = [g.letter for g in self.model.anatomy.gates]
        step = 2 * GATE_R + 2.0
        y = p.y() + R + GATE_R + 5
        x0 = p.x() - step * (len(letters) - 1) / 2
        half = step * len(letters) / 2 + 2
        box = cell_box(QRectF(p.x() - half, p.y() - R - 3, 2 * half,
                              y + GATE_R + 3 - (p.y() - R - 3)))
        self.addItem(box)
        for g, letter in enumerate(letters):
            item = GateItem(self.model, "gate", key, t, j, g, n.hidden_size, letter,
                            QPointF(x0 + g * step, y))
            self.addItem(item)
            self.gates.append(item)
        if self.model.anatomy.cell_state:
            item = CellStateItem(self.model, "cell", key, t, j, 0, n.hidden_size, "c",
                                 QPointF(p.x() - R - GATE_R - 5, p.y()))
            self.addItem(item)
            self.gates.append(item)

    def _link(self, param: str, src, dst, t, col_offset: int = 0) -> None:
        """Connect every source unit to every destination unit (weight ``param[i, j]``)."""
        anatomy = self.model.anatomy
        p = anatomy.param(param)
        hidden_to_hidden = p.recurrent_weight and not p.reads_input
        gated = anatomy.gated and p.recurrent_weight
        # A gated cell has one weight per gate behind each line: drawn as a ribbon.
        single = not (self.summarise_hidden_links and hidden_to_hidden) and not gated
        if single and isinstance(src, list) and isinstance(dst, list):
            block = []
            for i, q in enumerate(dst):
                for j, p in enumerate(src):
                    c = ConnectionItem(self.model, param, i, j + col_offset, t, p, q)
                    self.addItem(c)
                    block.append(c)
            self.connections.extend(block)
            self.links.add_block(param, t, block)
            return
        s = self._span(src, narrow=True)
        d = self._span(dst, narrow=True)
        n_src = len(src) if isinstance(src, list) else None
        n_dst = len(dst) if isinstance(dst, list) else None
        w = self.model.weights.get(param)
        rows_n = n_dst if n_dst is not None else (w.shape[0] if w is not None else 0)
        if gated:
            rows_n = anatomy.gate_count * self.model.cfg.network.hidden_size
        cols_n = n_src if n_src is not None else self._band_size(param)
        b = BundleItem(self.model, param, slice(0, rows_n),
                       slice(col_offset, col_offset + cols_n), t, s, d)
        self.addItem(b)
        self.bundles.append(b)

    def _band_size(self, param: str) -> int:
        """Units of the source row of ``param`` when that row is a band."""
        n = self.model.cfg.network
        p = self.model.anatomy.param(param)
        if p.module == DENSE:
            return n.input_size  # dense: one step's inputs (or their average)
        if not p.reads_input:  # W_hh, an upper layer's W_ih, the head: one direction's
            return n.hidden_size
        return n.output_size if p.part == "decoder" else n.input_size

    @staticmethod
    def _span(pts, narrow: bool = False) -> tuple[QPointF, QPointF]:
        """Top and bottom end of a row; ``narrow`` keeps the middle third, so that
        ribbons between rows stay ribbons instead of filling the space between."""
        a, b = (pts[0] + QPointF(0, -4), pts[-1] + QPointF(0, 4)) if isinstance(
            pts, list) else pts
        if narrow:
            third = (b - a) / 3
            return (a + third, b - third)
        return (a, b)

    def _build_segment(self, seg, cols, rows, col_w, bottom, folded) -> None:
        m = self.model
        a = m.anatomy
        n = m.cfg.network
        H, O = n.hidden_size, n.output_size
        blank = m.kind == "ctc"
        pos: dict[tuple[str, int | None], object] = {}
        prev_t: int | None = None
        for k, (t, x) in enumerate(cols):
            if t is None and not folded:
                hidden_steps = cols[k + 1][0] - cols[k - 1][0] - 1
                rect = QRectF(x + self.col_left, TOP - 30, self.col_right - self.col_left,
                              bottom - TOP + 30)
                self.addItem(EllipsisItem(rect, hidden_steps))
                prev_t = None
                continue
            label = tr("folded: any t") if folded else f"t={t + 1}"
            col = TimeStepColumn(m, seg.name, t, QRectF(
                x + self.col_left, TOP - 30, self.col_right - self.col_left, bottom - TOP + 30),
                label)
            self.addItem(col)
            self.columns.append(col)
            # Inputs.
            has_input = folded or seg.inputs[t] is not None
            if has_input:
                r = rows["in"]
                feedback = not folded and seg.inputs[t] == "feedback"
                pos[("in", t)] = self._add_units(
                    "input", seg.name, t, seg.in_size, r, x + r.offset,
                    feedback=feedback)
            # Hidden rows and their links.
            for k in range(seg.layers):
                for d, st in enumerate(a.layer_states(seg.part, k)):
                    state = st.name
                    r = rows[st.slot]
                    pts = self._add_units("hidden", state, t, H, r, x + r.offset)
                    pos[(state, t)] = pts
                    if not folded:
                        bar = NormBarItem(m, state, t, QPointF(x + r.offset,
                                                               r.top + r.height + 1))
                        self.addItem(bar)
                        self.norm_bars.append(bar)
                    p_ih = a.param_of(state, "weight_ih")
                    if k == 0:
                        if has_input:
                            self._link(p_ih, pos[("in", t)], pts, t)
                    else:
                        for dd, s2 in enumerate(a.layer_states(seg.part, k - 1)):
                            below = pos[(s2.name, t)]
                            self._link(p_ih, below, pts, t, dd * H)
                    p_hh = a.find(state, "weight_hh")  # None: the gates read only x_t
                    if folded and p_hh is not None:  # around the frames of opened neurons
                        self._add_loop(p_hh, pts, 26.0 if r.expanded else 0.0)
                    elif not folded and prev_t is not None:
                        if p_hh is not None and d == 0:
                            self._link(p_hh, pos[(state, prev_t)], pts, t)
                        elif p_hh is not None:
                            self._link(p_hh, pts, pos[(state, prev_t)], prev_t)
                        self._state_arrow(r, x - col_w + r.offset, x + r.offset, d == 1, t)
                        if t == prev_t + 1:
                            self._cut(seg, r, x - col_w / 2 + r.offset, t, d == 1)
            # Read-out.
            if (any(seg.outputs) if folded else seg.outputs[t]):
                r = rows["out"]
                out = self._add_units(
                    "output", seg.name, t, O, r, x + r.offset,
                    blank=(lambda j: blank and j == 0))
                pos[("out", t)] = out
                for d, st in enumerate(a.layer_states(seg.part, seg.layers - 1)):
                    state = st.name
                    src_t = t
                    if m.kind == "many_to_one" and d == 1 and not folded:
                        src_t = 0  # the backward direction ends at the first step
                    self._link(HEAD_WEIGHT, pos[(state, src_t)], out, t, d * H)
            # Feedback of the previous output into this step's input.
            if not folded and seg.inputs[t] == "feedback" and ("out", prev_t) in pos:
                src = pos[("out", prev_t)]
                dst = pos[("in", t)]
                self._feedback_arrow(src, dst, t)
            prev_t = t
        if folded and "feedback" in seg.inputs:
            self._feedback_arrow(pos[("out", None)], pos[("in", None)], None, folded=True)

    def _state_arrow(self, row: Row, xa: float, xb: float, reverse: bool, t: int) -> None:
        y = row.top - 9
        p1, p2 = QPointF(xa + 12, y), QPointF(xb - 12, y)
        if reverse:
            p1, p2 = p2, p1
            text = tr("backward direction: the state of step {value} enters step {t}").format(
                value=t + 1, t=t)
        else:
            text = tr("forward direction: the state of step {t} enters step {value}").format(
                t=t, value=t + 1)
        a = ArrowItem(self.model, "state", p1, p2, text)
        self.addItem(a)
        self.arrows.append(a)

    def _cut(self, seg: Segment, row: Row, x: float, t: int, reverse: bool) -> None:
        """Mark where truncated BPTT stops the gradient between steps t-1 and t (t+1 and
        t in the backward direction), as the engine's time loops do."""
        k = self.model.cfg.training.bptt_truncation
        T = seg.steps
        # The step that would pass its gradient on across this gap, and its place in the
        # direction's backward pass.
        sender, p = (t - 1, t - 1) if reverse else (t, T - 1 - t)
        if not truncated_here(k, T, p):
            return
        to = sender + 1 if reverse else sender - 1
        cut = CutItem(self.model, x, row.top - 4, row.top + row.height + 4,
                      tr("Truncated BPTT (every {k} steps): no gradient flows back from step "
                         "{a} to step {b} of this layer").format(k=k, a=sender + 1, b=to + 1))
        self.addItem(cut)
        self.cuts.append(cut)

    def _feedback_arrow(self, src, dst, t, folded: bool = False) -> None:
        a = self._span(src)[1] if not isinstance(src, list) else src[-1]
        b = self._span(dst)[0] if not isinstance(dst, list) else dst[0]
        p1 = a + QPointF(9, 0)
        p2 = b + QPointF(-9, 0)
        text = tr("the output is fed back as the next step's input (the target under teacher "
                  "forcing)")
        bend_x = 0.0
        if folded:  # around the right of the column, back into the input
            p1 = a + QPointF(9, 0)
            p2 = b + QPointF(9, 0)
            bend_x = abs(p1.x() - p2.x()) / 2 + 150  # the curve peaks halfway: ~75 px out
        arrow = ArrowItem(self.model, "feedback", p1, p2, text, bend_x=bend_x)
        self.addItem(arrow)
        self.arrows.append(arrow)

    def _add_loop(self, param: str, pts, shift: float = 0.0) -> None:
        top, bot = self._span(pts)
        loop = LoopItem(self.model, param, top + QPointF(4 + shift, 2),
                        bot + QPointF(4 + shift, -2))
        self.addItem(loop)
        self.loops.append(loop)

    def _build_handover(self, segs, rows, folded) -> None:
        enc, dec = segs
        enc_cols, dec_cols = self.seg_x["encoder"], self.seg_x["decoder"]
        x_last = enc_cols[-1][1]
        x_first = enc_cols[0][1]
        x_dec = dec_cols[0][1]
        for k in range(enc.layers):
            directions = self.model.anatomy.layer_states(enc.part, k)
            r = rows[directions[0].slot]
            y = r.top + r.height / 2
            p2 = QPointF(x_dec + r.offset - 14, y)
            a = ArrowItem(self.model, "handover",
                          QPointF(x_last + r.offset + 14, y), p2,
                          tr("the encoder's final state of layer {value} starts the decoder's "
                             "layer {value}").format(value=k + 1) + (tr(" (the two directions "
                                                                        "are added)")
                                              if enc.dirs == 2 else ""))
            self.addItem(a)
            self.arrows.append(a)
            if enc.dirs == 2:
                rr = rows[directions[1].slot]
                yr = rr.top + rr.height / 2
                start = QPointF(x_first + rr.offset, rr.top - 4)
                if folded:
                    start = QPointF(x_first + rr.offset + 14, yr)
                b = ArrowItem(self.model, "handover", start,
                              QPointF(x_dec + r.offset - 14, y - 6),
                              tr("the backward direction's final state (at the first step) is "
                                 "added to the forward one for decoder layer {value}").format(
                                     value=k + 1),
                              bend=-(rr.top - TOP + 20) if not folded else 0.0)
                self.addItem(b)
                self.arrows.append(b)

    def _build_attention(self, segs, rows) -> None:
        """Arcs from the decoder's top layer at each step to the encoder's at each step."""
        enc, dec = segs
        a = self.model.anatomy
        r_enc = rows[a.layer_states(enc.part, enc.layers - 1)[0].slot]
        r_dec = rows[a.layer_states(dec.part, dec.layers - 1)[0].slot]
        arcs = AttentionArcs(
            self.model,
            [(t, QPointF(x + r_enc.offset, r_enc.top)) for t, x in self.seg_x["encoder"]
             if t is not None],
            {t: QPointF(x + r_dec.offset, r_dec.top) for t, x in self.seg_x["decoder"]
             if t is not None},
            dec.offset)
        self.addItem(arcs)
        self.attention.append(arcs)

    def _build_labels(self, rows, on_neuron_edit, folded) -> None:
        m = self.model
        n = m.cfg.network
        segs = m.segments
        lx = LEFT - 24
        names = {"in": tr("input x"), "out": tr("output y")}
        if m.kind == "seq2seq":
            names = {"in": tr("input x\n(decoder: previous y)"), "out": tr("output y")}
        for slot, row in rows.items():
            y = row.top + row.height / 2
            if slot in names:
                text = names[slot]
            else:
                text = engine_title(self.row_states[slot].layer_title) + "\n" + units_text(
                    n.cell, n.hidden_size)
            # Input and output rows carry unit names (x1, blank) left of their neurons.
            shift = 24 if slot in names else 0
            lab = LayerLabel(text, QPointF(lx - shift, y), bold=slot not in names)
            self.addItem(lab)
            self.labels.append(lab)
            state = self.row_states.get(slot)
            if state is not None and on_neuron_edit is not None and not state.reverse:
                k = state.layer
                below = y + lab.caption.boundingRect().height() / 2 + 3  # under its text
                for dx, sign, sym in ((-52, -1, "−"), (-26, +1, "+")):
                    tip = (tr("Remove a hidden neuron") if sign < 0 else tr("Add a hidden neuron"))
                    tip += tr(" (every layer has the same size)")
                    b = ButtonItem(sym, tip, QPointF(lx + dx, below),
                                   partial(on_neuron_edit, sign, k),
                                   name=f"{'add' if sign > 0 else 'remove'}_neuron_l{k}")
                    self.addItem(b)
                    self.buttons[b.name] = b
        # Unit names beside the first column of the input and output rows.
        for slot, role in (("in", "input"), ("out", "output")):
            if slot not in rows:
                continue
            row = rows[slot]
            size = n.output_size if role == "output" else segs[0].in_size
            if size > MAX_UNITS:
                continue
            seg = segs[-1] if role == "output" else segs[0]
            first_x = self.seg_x[seg.name][0][1] + row.offset
            for j, p in enumerate(self._unit_points(row, size, first_x)):
                if role == "output" and m.kind == "ctc" and j == 0:
                    text = tr("blank", "CTC: the output that writes nothing")
                else:
                    text = f"{'y' if role == 'output' else 'x'}{j + 1}"
                lab = UnitLabel(text, p + QPointF(-9, 0))
                if role == "output" and m.kind == "many_to_one" and not folded:
                    lab = UnitLabel(text, QPointF(self.seg_x[seg.name][-1][1]
                                                  + row.offset - 9, p.y()))
                self.addItem(lab)
        if len(segs) == 2:
            for seg in segs:
                x0 = self.seg_x[seg.name][0][1] + self.col_left
                lab = LayerLabel(part_name(seg.name), QPointF(x0, TOP - 46), bold=True,
                                 align=Qt.AlignmentFlag.AlignLeft)
                self.addItem(lab)
                self.labels.append(lab)
