"""The baselines of the comparison's metric plots: a dashed line per distinct baseline and
a legend under the plot naming each value, kept in place while seeds come in."""

from __future__ import annotations

from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import Qt

from rnn_sandbox.ui.i18n import baseline_word, tr
from rnn_sandbox.ui.plots.base import THEMES, PlotPanel

LABEL_CHARS = 48  # a legend row longer than this is cut with "…"


class Line(NamedTuple):
    """One baseline to draw: its rule's name, value, colour and the legend's text."""

    name: str
    value: float
    colour: str
    text: str


class Baselines:
    """Draws :class:`Line` s into metric plots.  ``lines`` and ``labels`` are the lists
    it fills (the plots' record of what is drawn, read back by tests and exports)."""

    def __init__(self, panel: PlotPanel, lines: list[pg.InfiniteLine],
                 labels: dict[str, list[tuple[pg.LabelItem, str]]]) -> None:
        self.panel = panel
        self.lines = lines
        self.labels = labels
        self._items: list[tuple[pg.PlotItem, pg.InfiniteLine]] = []
        self._legends: dict[int, pg.LegendItem] = {}  # id(plot) → its legend
        self._shape: object = None  # what the lines were last built for

    def draw(self, planned: dict[str, list[Line]], plots: dict[str, pg.PlotItem]) -> None:
        """``planned[key]``: the lines of the metric plot ``plots[key]``, in legend order."""
        # The same lines in the same plots, only their values moved (a group's mean as its
        # seeds come in): moved in place; a rebuilt legend costs a layout and a repaint.
        shape = (THEMES[self.panel.theme]["fg"],
                 tuple((key, id(plot)) for key, plot in plots.items()),
                 tuple((key, tuple((ln.name, ln.colour, ln.text.partition(" (")[2])
                                   for ln in rows))
                       for key, rows in sorted(planned.items())))
        if shape == self._shape:
            self._move(planned, plots)
            return
        self._shape = shape
        for plot, line in self._items:
            plot.removeItem(line)
        self._items.clear()
        self.lines.clear()
        self.labels.clear()
        for key, plot in plots.items():
            rows = planned.get(key, [])
            legend = self._legend(plot, bool(rows))
            legend.clear()
            legend.setColumnCount(2 if len(rows) > 3 else 1)  # many: fewer rows
            labels = self.labels.setdefault(key, [])
            for ln in rows:
                pen = pg.mkPen(ln.colour, width=1.5, style=Qt.PenStyle.DashLine)
                line = pg.InfiniteLine(pos=ln.value, angle=0, pen=pen)
                line.setToolTip(_tip(ln))
                plot.addItem(line)
                self._items.append((plot, line))
                self.lines.append(line)
                legend.addItem(pg.PlotDataItem(pen=pen), _elide(ln.text))
                labels.append((legend.items[-1][1], ln.text))

    def _move(self, planned: dict[str, list[Line]], plots: dict[str, pg.PlotItem]) -> None:
        moved = iter(self.lines)  # in the order they were made
        for key in plots:
            labels = self.labels.get(key, [])
            for i, ln in enumerate(planned.get(key, [])):
                line = next(moved)
                line.setValue(ln.value)
                line.setToolTip(_tip(ln))
                label = labels[i][0]
                if label.text != _elide(ln.text):
                    label.setText(_elide(ln.text))
                labels[i] = (label, ln.text)

    def _legend(self, plot: pg.PlotItem, shown: bool) -> pg.LegendItem:
        """The plot's legend of baselines, under its x axis (in the plot's layout,
        so it never covers a curve); out of the layout while it has nothing to say."""
        legend = self._legends.get(id(plot))
        theme = THEMES[self.panel.theme]
        if legend is None:
            legend = pg.LegendItem(offset=None, labelTextSize="8pt", verSpacing=0,
                                   horSpacing=12)
            self._legends[id(plot)] = legend
        legend.setLabelTextColor(theme["fg"])
        placed = legend in [plot.layout.itemAt(i) for i in range(plot.layout.count())]
        if shown and not placed:
            plot.layout.addItem(legend, 4, 1)
            plot.layout.setAlignment(legend, Qt.AlignmentFlag.AlignRight)
        elif placed and not shown:
            plot.layout.removeItem(legend)
            legend.setParentItem(None)
            if legend.scene() is not None:
                legend.scene().removeItem(legend)
        legend.setVisible(shown)
        return legend


def _tip(line: Line) -> str:
    return tr("Baseline: {name} = {value:.4g}, what a trivial rule scores").format(
        name=baseline_word(line.name), value=line.value)


def _elide(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"
