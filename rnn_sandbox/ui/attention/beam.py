"""The tree beam search keeps, drawn: one column per output step, one box per hypothesis
kept there (its word and the word's probability after the words before it), a line from
each box to the one it continues; the sentence beam search chooses in orange, the greedy
sentence marked beside it (a dashed blue border; where greedy decoding leaves the beam,
its words go on in a row of their own under the tree).  Exports like every plot (PNG, SVG,
the nodes as CSV)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSpinBox, QWidget

from rnn_sandbox.engine.decode import BeamTree
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.label_axis import LabelAxis
from rnn_sandbox.ui.plots.base import AXIS_H, AXIS_W, THEMES, PlotPanel, csv_value

BEST = QColor("#E69F00")  # orange: the sentence beam search chooses (as the diagram's arcs)
GREEDY = QColor("#0072B2")  # blue: greedy decoding
PLAIN = QColor("#999999")  # the other hypotheses and their lines
MAX_WIDTH = 8  # the widest beam the panel offers
GAP_X, GAP_Y = 26, 12  # pixels between two boxes side by side, one above the other


@dataclass
class Placement:
    """Where each hypothesis of a tree is drawn, and which paths are marked (no Qt).

    Column = output step.  In each column the hypotheses are ordered by the row of the one
    they continue, then by score, so no two lines cross.  ``greedy_in`` are the tree's
    nodes on the greedy sentence from its first word on; its words after it leaves the
    beam (``greedy_out``, by step) are drawn in the row ``outside_row`` under the tree."""

    rows: dict[int, int] = field(default_factory=dict)  # node → row
    columns: int = 0
    best: list[int] = field(default_factory=list)  # the chosen path, first step first
    greedy_in: list[int] = field(default_factory=list)
    greedy_out: list[int] = field(default_factory=list)  # output steps
    outside_row: int = -1  # -1: greedy stays in the beam

    @property
    def height(self) -> int:
        tree = max(self.rows.values(), default=-1) + 1
        return max(tree, self.outside_row + 1, 1)


def place(tree: BeamTree, greedy: list[int]) -> Placement:
    """The layout of ``tree`` with the greedy sentence ``greedy`` (its words) marked."""
    p = Placement()
    steps = max((n.step for n in tree.nodes), default=-1) + 1
    for t in range(steps):
        kept = tree.at_step(t)
        kept.sort(key=lambda i: (p.rows.get(tree.nodes[i].parent, -1), -tree.nodes[i].score,
                                 i))
        p.rows.update({i: r for r, i in enumerate(kept)})
    p.best = tree.path() if tree.nodes else []
    parent = -1
    for t, word in enumerate(greedy):
        here = [i for i in tree.at_step(t)
                if tree.nodes[i].parent == parent and tree.nodes[i].token == word]
        if not here:
            p.greedy_out = list(range(t, len(greedy)))
            break
        parent = here[0]
        p.greedy_in.append(parent)
    if p.greedy_out:
        p.outside_row = max(p.rows.values(), default=-1) + 1
    p.columns = max(steps, len(greedy), 1)
    return p


class BeamTreePlot(PlotPanel):
    """The beam width, the chosen sentence beside greedy's, and the tree (see the module)."""

    CAPTION = QT_TR_NOOP("Columns: output steps. Boxes: the beginnings the beam kept, each "
                         "with its last word's probability, joined to the one it continues. "
                         "Orange: beam search's sentence; dashed blue: greedy decoding's.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption.setText(tr(self.CAPTION))
        # The width and the sentences on one row: the dock is short on a laptop.
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Beam width:")), 0, Qt.AlignmentFlag.AlignTop)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(1, MAX_WIDTH)
        self.width_spin.setValue(3)
        self.width_spin.setToolTip(tr("How many hypotheses beam search keeps at each step "
                                      "(1: greedy)"))
        bar.addWidget(self.width_spin, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setWordWrap(True)
        bar.addWidget(self.label, 1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)
        self.step_axis = LabelAxis("bottom")
        self.row_axis = LabelAxis("left")
        # No title nor axis name: the caption says what the columns are, and every pixel
        # of height goes to the rows.
        self.plot = self._add_plot(0, axisItems={"bottom": self.step_axis,
                                                 "left": self.row_axis})
        self.row_axis.setStyle(tickLength=0)  # rows are not measured: no ticks
        self.plot.invertY(True)  # the first row on top
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=False)
        # Lines under the boxes: the others, greedy's, then the chosen sentence on top.
        self.lines = {name: pg.PlotDataItem(connect="pairs") for name in
                      ("plain", "greedy", "best")}
        for z, item in enumerate(self.lines.values()):
            item.setZValue(z)
            self.plot.addItem(item)
        self.boxes: dict[int, pg.TextItem] = {}  # tree node → its box
        self.outside: dict[int, pg.TextItem] = {}  # output step → greedy's box off the tree
        self.tree: BeamTree | None = None
        self.greedy: list[tuple[int, float]] = []
        self.placement = Placement()
        self.word: Callable[[int], str] = str

    # -- drawing ---------------------------------------------------------------------------
    def show_tree(self, tree: BeamTree, greedy: list[tuple[int, float]],
                  word: Callable[[int], str]) -> None:
        """Draw ``tree`` beside the greedy sentence ``greedy`` ((word, probability) per
        step); ``word`` names a class."""
        self.tree, self.greedy, self.word = tree, list(greedy), word
        self.placement = place(tree, [k for k, _p in greedy])
        self.draw()

    def clear(self) -> None:
        for box in [*self.boxes.values(), *self.outside.values()]:
            self.plot.removeItem(box)
        self.boxes, self.outside = {}, {}
        for item in self.lines.values():
            item.setData([], [])
        self.label.setText("")
        self.tree = None

    def box_text(self, word: int, p: float) -> str:
        return f"{self.word(word)} {p:.2f}"

    def draw(self) -> None:
        tree, pl = self.tree, self.placement
        if tree is None:
            return
        for box in [*self.boxes.values(), *self.outside.values()]:
            self.plot.removeItem(box)
        self.boxes, self.outside = {}, {}
        colours = THEMES[self.theme]
        best, greedy_in = set(pl.best), set(pl.greedy_in)
        texts = []
        for i, node in enumerate(tree.nodes):
            text = self.box_text(node.token, float(np.exp(node.logp)))
            texts.append(text)
            box = self._box(text, node.step, pl.rows[i], i in best, i in greedy_in,
                            colours)
            box.setToolTip(tr("{0}: probability {1:.3f} after the words before it; log P of "
                              "the sentence so far {2:.2f}").format(
                                  self.word(node.token), float(np.exp(node.logp)), node.score))
            self.boxes[i] = box
        for t in pl.greedy_out:
            k, prob = self.greedy[t]
            texts.append(self.box_text(k, prob))
            box = self._box(texts[-1], t, pl.outside_row, False, True, colours)
            box.setToolTip(tr("greedy decoding writes {0} here (probability {1:.3f}), a "
                              "beginning the beam did not keep").format(self.word(k), prob))
            self.outside[t] = box
        # Lines from each box to the one it continues, by kind.
        pairs: dict[str, list[tuple[float, float, float, float]]] = {
            "plain": [], "greedy": [], "best": []}
        on_greedy = set(zip([-1, *pl.greedy_in], pl.greedy_in, strict=False))
        on_best = set(zip([-1, *pl.best], pl.best, strict=False))
        for i, node in enumerate(tree.nodes):
            if node.parent < 0:
                continue
            kind = ("best" if (node.parent, i) in on_best else
                    "greedy" if (node.parent, i) in on_greedy else "plain")
            pairs[kind].append((node.step - 1, pl.rows[node.parent], node.step, pl.rows[i]))
        prev = (pl.greedy_out[0] - 1, pl.rows[pl.greedy_in[-1]]) if (
            pl.greedy_out and pl.greedy_in) else None
        for t in pl.greedy_out:
            if prev is not None:
                pairs["greedy"].append((prev[0], prev[1], t, pl.outside_row))
            prev = (t, pl.outside_row)
        pens = {"plain": pg.mkPen(PLAIN, width=1),
                "greedy": pg.mkPen(GREEDY, width=2, style=Qt.PenStyle.DashLine),
                "best": pg.mkPen(BEST, width=3)}
        for kind, item in self.lines.items():
            xs = [v for a, _b, c, _d in pairs[kind] for v in (a, c)]
            ys = [v for _a, b, _c, d in pairs[kind] for v in (b, d)]
            item.setData(xs, ys, pen=pens[kind], connect="pairs")
        # Axes: the output steps; the row of greedy's words off the tree named.
        cols, rows = pl.columns, pl.height
        self.step_axis.set_labels([str(t + 1) for t in range(cols)])
        names = [""] * rows
        if pl.outside_row >= 0:
            names[pl.outside_row] = tr("greedy")
        self.row_axis.set_labels(names)
        self.plot.setXRange(-0.5, cols - 0.5, padding=0)
        self.plot.setYRange(-0.5, rows - 0.5, padding=0)
        # Room for every box: the widest word and probability, one line high each row.
        fm = QFontMetricsF(QApplication.font())
        col_w = max((fm.horizontalAdvance(s) for s in texts), default=40) + 8 + GAP_X
        row_h = fm.height() + 8 + GAP_Y
        self.set_min_graphics(int(AXIS_W + cols * col_w), int(AXIS_H + rows * row_h))
        self.label.setText(self.summary())

    def _box(self, text: str, step: int, row: int, best: bool, greedy: bool,
             colours: dict) -> pg.TextItem:
        border = (pg.mkPen(GREEDY, width=2, style=Qt.PenStyle.DashLine) if greedy else
                  pg.mkPen(BEST if best else PLAIN, width=2 if best else 1))
        box = pg.TextItem(text, color=colours["fg"], anchor=(0.5, 0.5), border=border,
                          fill=pg.mkBrush(self.best_fill() if best else colours["bg"]))
        box.setZValue(10)
        box.setPos(step, row)
        self.plot.addItem(box)
        return box

    def best_fill(self) -> QColor:
        """The fill of the chosen sentence's boxes: orange on the theme's background,
        opaque, so the lines end at a box and never cross its words."""
        bg = pg.mkColor(str(THEMES[self.theme]["bg"]))
        return QColor(*(round(0.45 * a + 0.55 * b) for a, b in
                        ((BEST.red(), bg.red()), (BEST.green(), bg.green()),
                         (BEST.blue(), bg.blue()))))

    def summary(self) -> str:
        """The chosen sentence and its log P beside greedy's."""
        tree = self.tree
        if tree is None or not tree.nodes:
            return ""
        beam = " ".join(self.word(k) for k in tree.tokens())
        greedy = float(sum(np.log(max(p, 1e-300)) for _k, p in self.greedy))
        return tr("Beam search, width {0}: {1} (log P {2:.2f}); greedy: log P {3:.2f}").format(
            tree.width, beam, tree.nodes[tree.best].score, greedy)

    def set_theme(self, name: str) -> None:
        super().set_theme(name)
        self.plot.showGrid(x=False, y=False)  # a tree, not a chart
        self.draw()

    # -- export ----------------------------------------------------------------------------
    def table(self) -> tuple[list[str], list[list[object]]]:
        header = [tr("node"), tr("output step"), tr("word"), tr("probability"),
                  tr("log P of the path"), tr("continues node"), tr("chosen"), tr("greedy")]
        tree, pl = self.tree, self.placement
        if tree is None:
            return header, []
        best, greedy = set(pl.best), set(pl.greedy_in)
        return header, [
            [i + 1, n.step + 1, self.word(n.token), csv_value(float(np.exp(n.logp))),
             csv_value(n.score), n.parent + 1 if n.parent >= 0 else "", int(i in best),
             int(i in greedy)] for i, n in enumerate(tree.nodes)]

    def has_data(self) -> bool:
        return self.tree is not None and bool(self.tree.nodes)
