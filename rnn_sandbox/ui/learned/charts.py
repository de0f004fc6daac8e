"""The plotted parts of *What it learned*: a unit over a series, the states' projection
with the watched sample's trajectory (RNNVis), and how far back the outputs look
(Distill 2019), each a pyqtgraph plot with a readable least size."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rnn_sandbox.tasks.units import Projection, how_far_back, nearest
from rnn_sandbox.ui.i18n import tr
from rnn_sandbox.ui.plots.base import no_min_width

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#999999"]
STEP_MAP = pg.colormap.get("viridis")
MIN_PLOT = (200, 150)  # the least size: a data area of at least 120 × 80 px


def _plot(title: str, x: str, y: str) -> pg.PlotWidget:
    w = pg.PlotWidget(background="w")
    w.setMinimumSize(*MIN_PLOT)
    item = w.getPlotItem()
    item.setTitle(title, color="#222222", size="9pt")
    no_min_width(item.titleLabel, item.layout)  # a narrow dock wraps a long title
    item.setLabel("bottom", x)
    item.setLabel("left", y)
    item.showGrid(x=True, y=True, alpha=0.25)
    item.setMenuEnabled(False)
    return w


class UnitTrace(pg.PlotWidget):
    """One unit over the watched sample's steps, with the sample's first input behind it
    (scaled to the unit's range): the series version of the coloured text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMinimumSize(*MIN_PLOT)
        item = self.getPlotItem()
        item.setLabel("bottom", tr("step"))
        item.setLabel("left", tr("value"))
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setMenuEnabled(False)
        item.setTitle(" ", color="#222222", size="9pt")
        no_min_width(item.titleLabel, item.layout)
        dashed = pg.mkPen("#999999", width=1.5, style=Qt.PenStyle.DashLine)
        self.input_curve = item.plot(pen=dashed)
        self.unit_curve = item.plot(pen=pg.mkPen(PALETTE[0], width=2))

    def show_unit(self, values: np.ndarray, series: np.ndarray | None, what: str,
                  input_name: str = "") -> None:
        t = np.arange(1, len(values) + 1)
        self.unit_curve.setData(t, values)
        if series is None or not len(series):
            self.input_curve.setData([], [])
            self.getPlotItem().setTitle(what, color="#222222", size="9pt")
            return
        s = np.asarray(series, float)[: len(values)]
        top = float(np.nanmax(np.abs(values))) if len(values) else 1.0
        scale = (top or 1.0) / (float(np.nanmax(np.abs(s))) or 1.0)
        self.input_curve.setData(t[: len(s)], s * scale)
        self.getPlotItem().setTitle(what, color="#222222", size="9pt")


class SpacePlot(QWidget):
    """The probed states on their two principal axes: every real step a dot coloured by
    its step or its sample's class, the watched sample's trajectory as a line from a
    square (first step) to a star (last).  Hovering lists the nearest states
    (``hovered``: a text)."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.widget = _plot(tr("States, first two principal axes"), tr("PC 1"), tr("PC 2"))
        layout.addWidget(self.widget, 1)
        self.key = QLabel()
        self.key.setWordWrap(True)
        layout.addWidget(self.key)
        item = self.widget.getPlotItem()
        self.dots = pg.ScatterPlotItem(size=5, pen=None)
        self.path = pg.PlotDataItem(pen=pg.mkPen("#222222", width=2))
        self.ends = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#222222"), brush="w")
        self.near = pg.ScatterPlotItem(size=12, pen=pg.mkPen("#D55E00", width=2), brush=None)
        for it in (self.dots, self.path, self.ends, self.near):
            item.addItem(it)
        self.proj: Projection | None = None
        self.real: np.ndarray | None = None
        self.tokens: list[list[str]] | None = None
        self.indices: list[int] = []
        self.widget.scene().sigMouseMoved.connect(self._moved)

    def show_projection(self, proj: Projection, mask: np.ndarray, labels: np.ndarray | None,
                        label_names: list[str], by_label: bool,
                        tokens: list[list[str]] | None, indices: list[int]) -> None:
        self.proj, self.real, self.tokens, self.indices = proj, mask, tokens, indices
        real = mask > 0
        xy = proj.coords[real]
        steps = np.nonzero(real)[1]
        # A few brushes shared by all dots: one per class or per sixteenth of the steps
        # (a brush made per dot costs a tenth of a second for a few thousand states).
        if by_label and labels is not None:
            ids = np.broadcast_to(np.asarray(labels)[:, None], real.shape)[real] % len(PALETTE)
            table = [pg.mkBrush(c + "99") for c in PALETTE]
        else:
            top = max(1, int(steps.max(initial=0)))
            ids = np.rint(15 * steps / top).astype(int)
            table = [pg.mkBrush(STEP_MAP.map(k / 15, mode="qcolor")) for k in range(16)]
        self.dots.setData(xy[:, 0], xy[:, 1], brush=[table[int(i)] for i in ids])
        w = proj.coords[0][real[0]]
        self.path.setData(w[:, 0], w[:, 1])
        if len(w):
            self.ends.setData([w[0, 0], w[-1, 0]], [w[0, 1], w[-1, 1]], symbol=["s", "star"])
        share = " + ".join(f"{100 * e:.0f} %" for e in proj.explained)
        if by_label and labels is not None:
            key = tr("Colour: the class, {0}").format(", ".join(
                f'<span style="color:{PALETTE[k % len(PALETTE)]}">■ {html.escape(n)}</span>'
                for k, n in enumerate(label_names)))
        else:
            key = tr("Colour: the step, dark early, yellow late")
        key = tr("The states on their first two principal axes. {0}").format(key)
        self.key.setText(tr("{0}; the watched sample's path from □ to ☆.").format(key))
        self.widget.getPlotItem().setTitle(tr("Principal axes: {0}").format(share),
                                           color="#222222", size="9pt")

    def nearest_text(self, x: float, y: float, k: int = 5) -> str:
        if self.proj is None or self.real is None:
            return ""
        found = nearest(self.proj, self.real, (x, y), k)
        self.near.setData([self.proj.coords[i, t, 0] for i, t in found],
                          [self.proj.coords[i, t, 1] for i, t in found])
        parts = []
        for i, t in found:
            tok = ""
            if self.tokens is not None and t < len(self.tokens[i]):
                tok = f" {self.tokens[i][t]!r}"
            parts.append(tr("sample {0} step {1}").format(self.indices[i], t + 1) + tok)
        return tr("Nearest states: {0}").format("; ".join(parts))

    def _moved(self, pos: QPointF) -> None:
        vb = self.widget.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        self.hovered.emit(self.nearest_text(p.x(), p.y()))


class LookBackPlot(QWidget):
    """How strongly each output step depends on each input step (a heatmap of the norm of
    ∂out_s/∂x_t) and, as curves, the share of the outputs' dependence that lies d steps
    back: the current network's and those of the other runs of the task shown in the
    Runs panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.map = _plot(tr("‖∂ output / ∂ input‖"), tr("input step"),
                         tr("output step"))
        self.image = pg.ImageItem()
        self.map.getPlotItem().addItem(self.image)
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.curves = _plot(tr("How far back"), tr("steps back"),
                            tr("share of the dependence"))
        self.curves.getPlotItem().addLegend(offset=(-4, 4))
        layout.addWidget(self.map, 1)
        layout.addWidget(self.curves, 1)
        self.current = self.curves.getPlotItem().plot(
            pen=pg.mkPen(PALETTE[0], width=2.5), name=tr("this network"))
        self.kept: dict[str, pg.PlotDataItem] = {}  # other runs' curves, by run name
        self.last: np.ndarray | None = None
        self.inputs = "steps"  # what an input step is (tasks.units.Learned.inputs)

    def show_connectivity(self, conn: np.ndarray | None, label: str,
                          inputs: str = "steps") -> None:
        """``conn`` ``(output steps, input steps)``; ``inputs`` says what an input step is
        (:attr:`~rnn_sandbox.tasks.units.Learned.inputs`): an encoder–decoder's curves
        count back from the end of the source."""
        source = inputs == "source"
        if inputs != self.inputs:  # a label set anew lays the plot out again: only on change
            self.inputs = inputs
            self.map.getPlotItem().setLabel("bottom", tr("source step") if source else
                                            tr("input step"))
            self.curves.getPlotItem().setLabel(
                "bottom", tr("steps before the end of the source") if source else
                tr("steps back"))
        if conn is None:
            self.image.clear()
            self.current.setData([], [])
            self.last = None
            return
        c = np.asarray(conn, float)
        self.image.setImage(c.T, autoLevels=True)
        self.image.setRect(0.5, 0.5, c.shape[1], c.shape[0])
        self.last = how_far_back(c, from_end=source)
        self.current.setData(np.arange(len(self.last)), self.last)
        self._rename(self.current, label)

    def show_others(self, others: dict[str, np.ndarray]) -> None:
        """The curves of other runs' networks (run name: their connectivity on the same
        sample), dashed, each in a colour of its own."""
        plot = self.curves.getPlotItem()
        for name in [n for n in self.kept if n not in others]:
            plot.removeItem(self.kept.pop(name))
        for k, (name, conn) in enumerate(others.items()):
            curve = how_far_back(np.asarray(conn, float), from_end=self.inputs == "source")
            if name not in self.kept:
                pen = pg.mkPen(PALETTE[(k + 1) % len(PALETTE)], width=1.5,
                               style=Qt.PenStyle.DashLine)
                self.kept[name] = plot.plot(pen=pen, name=name)
            self.kept[name].setData(np.arange(len(curve)), curve)

    def _rename(self, item: pg.PlotDataItem, label: str) -> None:
        legend = self.curves.getPlotItem().legend
        if legend is None:
            return
        for sample, text in legend.items:
            if sample.item is item and text.text != label:  # a new text lays it out again
                text.setText(label)
