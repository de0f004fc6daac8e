"""What every plot panel shares: themes, colours, growing series, export and steady axes."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

# Long histories (loss, gradient norms) change little between two refreshes: they are
# redrawn at most this often while training; the last points follow once it stops.
HISTORY_REDRAW_INTERVAL = 0.1  # seconds
THEMES = {
    "light": {"bg": "w", "fg": "#222222", "grid": 0.25},
    "dark": {"bg": "#1b1d21", "fg": "#d8d8d8", "grid": 0.3},
}
# Colours readable on both backgrounds (Okabe–Ito palette).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]


class StepAxis(pg.AxisItem):
    """An axis that counts (time steps): ticks at whole numbers only, never at 1.5."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (Qt naming)
        levels = [(spacing, [v for v in values if float(v).is_integer()])
                  for spacing, values in super().tickValues(minVal, maxVal, size)
                  if spacing >= 1]
        if not any(values for _, values in levels):
            lo, hi = int(np.ceil(minVal)), int(np.floor(maxVal))
            levels = [(1.0, [float(v) for v in range(lo, hi + 1)])]
        return levels


class LogAxis(pg.AxisItem):
    """Log-scale ticks at 1, 2 and 5 × 10^k, thinned so labels never overlap.

    pyqtgraph labels every minor tick of a log axis, which on a short plot prints them on
    top of each other.
    """

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 (Qt naming)
        lo, hi = int(np.floor(minVal)), int(np.ceil(maxVal))
        max_labels = max(2, int(size // 28))
        for mantissas in ((1, 2, 5), (1, 3), (1,)):
            values = [k + np.log10(m) for k in range(lo, hi + 1) for m in mantissas]
            values = [v for v in values if minVal <= v <= maxVal]
            if len(values) <= max_labels:
                break
        if len(values) > max_labels:  # many decades: every n-th power of ten
            n = int(np.ceil(len(values) / max_labels))
            values = values[::n]
        if len(values) < 2:  # less than a decade shown: fall back to linear steps in it
            lin = np.linspace(10**minVal, 10**maxVal, 4)[1:-1]
            values = sorted(set(values) | {float(np.log10(v)) for v in lin if v > 0})
        return [(None, values)]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802
        return [f"{10 ** v * scale:.2g}" for v in values]


def marked_curve(
    plot: pg.PlotItem, colour: str, symbol: str = "o", size: float = 4, outlined: bool = False
) -> pg.PlotDataItem:
    """A line of ``colour`` with a filled marker at every point, so sparse points (one
    validation every few steps, a single forecast) stay visible.  ``outlined`` draws the
    marker's outline too: a cross (``"x"``) has no inside to fill."""
    return plot.plot(
        pen=pg.mkPen(colour, width=2), symbol=symbol, symbolSize=size,
        symbolBrush=colour, symbolPen=colour if outlined else None,
    )


def no_min_width(label: pg.LabelItem) -> pg.LabelItem:
    """Let a title or key be narrower than its text: pyqtgraph makes a label's text width
    the minimum width of the whole layout, so one long line pushed the plots out of a
    narrow dock.  The text is centred and cut at the edges instead."""

    def update_min() -> None:
        bounds = label.itemRect()
        label.setMinimumWidth(0)
        label.setMinimumHeight(bounds.height())
        label._sizeHint = {
            Qt.SizeHint.MinimumSize: (0, bounds.height()),
            Qt.SizeHint.PreferredSize: (0, bounds.height()),
            Qt.SizeHint.MaximumSize: (-1, -1),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        label.updateGeometry()

    label.updateMin = update_min
    update_min()
    return label


class GrowingSeries:
    """An x/y series that grows by appending, with amortised O(1) appends."""

    def __init__(self) -> None:
        self._x = np.zeros(1024)
        self._y = np.zeros(1024)
        self.n = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        k = len(x)
        if self.n + k > len(self._x):
            size = max(2 * len(self._x), self.n + k)
            self._x = np.resize(self._x, size)
            self._y = np.resize(self._y, size)
        self._x[self.n : self.n + k] = x
        self._y[self.n : self.n + k] = y
        self.n += k

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.n]

    def clear(self) -> None:
        self.n = 0


def on_screen(widget: QWidget) -> bool:
    """Whether any of the widget is on the screen (not closed, not in a hidden tab)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class ZoomableGraphics(pg.GraphicsLayoutWidget):
    """A plot area that can draw everything larger (UI zoom): the layout is made for a
    viewport ``zoom`` times smaller and shown scaled up, so fonts, lines and markers grow
    together and the plots keep their proportions."""

    zoom = 1.0

    def set_zoom(self, factor: float) -> None:
        self.zoom = float(factor)
        self.resizeEvent(None)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt's name)
        if self.closed:
            return
        if self.zoom == 1.0:
            self.autoPixelRange = True
            super().resizeEvent(ev)
            return
        size = self.size()
        rect = QRectF(0, 0, size.width() / self.zoom, size.height() / self.zoom)
        pg.GraphicsView.setRange(self, rect, padding=0, disableAutoPixel=True)


class PlotPanel(QWidget):
    """Common behaviour: a themed ``GraphicsLayoutWidget`` with export to PNG/SVG/CSV,
    and a one-line caption saying how to read it (``CAPTION``; View menu hides them)."""

    CAPTION = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self.CAPTION)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #666666; font-size: 8pt;")
        self.graphics = ZoomableGraphics()
        self.graphics.setMinimumSize(240, 180)
        self.theme = "light"
        self._plots: list[pg.PlotItem] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(2)

    def set_zoom(self, factor: float) -> None:
        """Draw the plots and the caption ``factor`` times larger (presentation)."""
        self.graphics.set_zoom(factor)
        self.caption.setStyleSheet(f"color: #666666; font-size: {8 * factor:.1f}pt;")

    def visible_now(self) -> bool:
        """Shown and not covered: a panel in a closed or tabbed-away dock need not draw."""
        return on_screen(self)

    def _add_plot(self, row: int, col: int = 0, **kwargs) -> pg.PlotItem:
        plot = self.graphics.addPlot(row=row, col=col, **kwargs)
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        # Text is the slowest thing to paint: keep axes and titles as cached pixmaps that
        # are redrawn only when their range changes, not on every refresh.
        for side in ("left", "bottom", "right", "top"):
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        no_min_width(plot.titleLabel)
        # The title may use the width above the axis too: narrow panels cut less of it.
        plot.layout.removeItem(plot.titleLabel)
        plot.layout.addItem(plot.titleLabel, 0, 0, 1, 3)
        plot.showGrid(x=True, y=True, alpha=THEMES[self.theme]["grid"])
        self._plots.append(plot)
        return plot

    def set_theme(self, name: str) -> None:
        """"light" or "dark" — applied to the existing items, nothing is rebuilt."""
        self.theme = name
        t = THEMES[name]
        self.graphics.setBackground(t["bg"])
        for plot in self._plots:
            for side in ("left", "bottom", "right", "top"):
                axis = plot.getAxis(side)
                axis.setPen(t["fg"])
                axis.setTextPen(t["fg"])
            plot.titleLabel.setText(plot.titleLabel.text, color=t["fg"])
            plot.showGrid(x=True, y=True, alpha=t["grid"])
            if plot.legend is not None:
                plot.legend.setLabelTextColor(t["fg"])

    def export(self, path: str | Path) -> None:
        """Write the panel as .png or .svg, or its data as .csv (by the file's suffix)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            header, rows = self.table()
            with path.open("w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(header)
                w.writerows(rows)
        elif suffix == ".png":
            exporter = pg_exporters.ImageExporter(self.graphics.scene())
            exporter.export(str(path))
        elif suffix == ".svg":
            # pyqtgraph's SVG exporter cannot parse the paths Qt 6.12 writes; drawing the
            # scene on Qt's SVG generator keeps the vectors and works with every version.
            view = self.graphics
            size = view.viewport().size()
            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(size)
            gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
            gen.setTitle(self.__class__.__name__)
            painter = QPainter(gen)
            try:
                painter.fillRect(QRectF(0, 0, size.width(), size.height()),
                                 view.backgroundBrush())
                view.scene().render(painter, QRectF(0, 0, size.width(), size.height()),
                                    view.mapToScene(view.viewport().rect()).boundingRect())
            finally:
                painter.end()
        else:
            raise ValueError(f"cannot export to '{suffix}': use .png, .svg or .csv")

    def follow_steps(self, plot: pg.PlotItem, last_step: float) -> None:
        """Keep a training-step axis still while it can: grow it by half when the data
        reach its end.  A still axis keeps its cached labels; one that moves with every
        refresh has to be drawn again each time.  (Auto-range is off for x on such
        plots; zooming by hand still works until the next growth.)"""
        lo, hi = plot.vb.viewRange()[0]
        if last_step > hi or hi > 4 * max(last_step, 10) or lo > 1:
            plot.setXRange(0, max(10.0, 1.5 * last_step), padding=0.02)

    def follow_values(self, plot: pg.PlotItem, values: list[np.ndarray], unit: float) -> None:
        """Like :meth:`follow_steps` for a y axis: snap to multiples of ``unit`` and move
        only when the data leave the range or fill less than a third of it."""
        finite = [v[np.isfinite(v)] for v in values]
        finite = [v for v in finite if v.size]
        if not finite:
            return
        lo = min(float(v.min()) for v in finite)
        hi = max(float(v.max()) for v in finite)
        cur_lo, cur_hi = plot.vb.viewRange()[1]
        if lo < cur_lo or hi > cur_hi or (hi - lo) < (cur_hi - cur_lo) / 3:
            new_lo = np.floor(lo / unit) * unit
            new_hi = max(np.ceil(hi / unit) * unit, new_lo + unit)
            plot.setYRange(new_lo, new_hi, padding=0.05)

    def table(self) -> tuple[list[str], list[list[object]]]:
        raise NotImplementedError

    def has_data(self) -> bool:
        raise NotImplementedError


def csv_value(v: float) -> object:
    return "" if v is None or not np.isfinite(v) else float(v)


def round_unit(values: list[np.ndarray]) -> float:
    """A round step (1, 2 or 5 × 10^k) about a third of the values' spread."""
    finite = np.concatenate([np.asarray(v, dtype=float).ravel() for v in values])
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return 1.0
    span = float(finite.max() - finite.min()) or abs(float(finite.max())) or 1.0
    k = np.floor(np.log10(span / 3))
    for m in (1, 2, 5, 10):
        if m * 10**k >= span / 3:
            return float(m * 10**k)
    return float(10 ** (k + 1))


def safe_log10(values: np.ndarray) -> np.ndarray:
    """log10 with exact zeros (padding, steps no gradient reaches) left out as NaN."""
    v = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), np.nan)
