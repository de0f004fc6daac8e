"""What every plot panel shares: themes, colours, growing series, export and steady axes."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QLocale, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsGridLayout,
    QGraphicsItem,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.ui.i18n import tr

# Long histories (loss, gradient norms) change little between two refreshes: they are
# redrawn at most this often while training; the last points follow once it stops.
HISTORY_REDRAW_INTERVAL = 0.1  # seconds
THEMES = {
    "light": {"bg": "w", "fg": "#222222", "grid": 0.25},
    "dark": {"bg": "#1b1d21", "fg": "#d8d8d8", "grid": 0.3},
}
# Colours readable on both backgrounds (Okabe–Ito palette).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]
# The least data area a plot gets (pixels at zoom 1): below that a panel scrolls instead
# of squashing its plots (PlotPanel.set_min_graphics).
MIN_DATA = (120, 80)
LABEL_GAP = 10  # pixels at least between two tick labels of an axis
# What a plot needs around its data area (pixels at zoom 1), to size panels from MIN_DATA:
# a title, a bottom axis with its label, a left axis with its label, a colour bar, a key.
TITLE_H, AXIS_H, AXIS_W, BAR_W, KEY_H = 26, 46, 50, 58, 20


def plots_height(rows: int, keys: int = 0, axes: int | None = None) -> int:
    """The least height of ``rows`` plots stacked (``axes`` of them with a labelled
    bottom axis: all by default) and ``keys`` one-line keys."""
    axes = rows if axes is None else axes
    return rows * (TITLE_H + MIN_DATA[1]) + axes * AXIS_H + (rows - axes) * 12 + keys * KEY_H


def short_number(v: float, spacing: float) -> str | None:
    """``2k``, ``1.5k``, ``12M`` for a tick at ``v`` among ticks ``spacing`` apart, or
    ``None`` below a thousand (the usual formatting serves there)."""
    a = abs(v)
    for unit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if a >= unit and spacing > 0:
            places = max(0, int(np.ceil(-np.log10(spacing / unit) - 1e-9)))
            text = f"{v / unit:.{places}f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            return text + suffix
    return None


def in_locale(labels: list[str]) -> list[str]:
    """Tick labels with the decimal point of the window's language (``0,5`` in German)."""
    point = QLocale().decimalPoint()
    return labels if point == "." else [t.replace(".", point) for t in labels]


class ShortAxis(pg.AxisItem):
    """An axis whose tick labels never run together: as few major ticks as leave each
    label its room, only those labelled, and thousands written short (2k, 4k, 1.5M)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setStyle(maxTextLevel=0)  # minor ticks stay as marks and grid, unlabelled

    def _label_room(self, values: list[float], spacing: float) -> float:
        """Pixels along the axis that one label needs, with its gap."""
        metrics = QFontMetrics(self.style["tickFont"] or self.font())
        if self.orientation in ("left", "right"):
            return metrics.height() + LABEL_GAP / 2
        strings = self.tickStrings(values, 1.0, spacing) or ["0"]
        return max(metrics.horizontalAdvance(t) for t in strings) + LABEL_GAP

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 (Qt naming)
        levels = super().tickSpacing(minVal, maxVal, size)
        if not levels or size <= 0 or self.logMode:
            return levels
        span = abs(maxVal - minVal)
        major = levels[0][0]
        for _ in range(30):  # 1, 2, 5 × 10^k upwards until the labels fit
            first = np.ceil(min(minVal, maxVal) / major) * major
            values = list(np.arange(first, max(minVal, maxVal) + major / 2, major)[:60])
            if len(values) <= 1 or len(values) * self._label_room(values, major) <= size:
                break
            mantissa = major / 10 ** np.floor(np.log10(major) + 1e-9)
            major *= 2.5 if round(mantissa) == 2 else 2.0
        if span and major > levels[0][0]:
            minor = major / 5 if round(major / 10 ** np.floor(np.log10(major))) != 2 else major / 4
            return [(major, 0), (minor, 0)]
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        strings = super().tickStrings(values, scale, spacing)
        return in_locale([short_number(v * scale, spacing * scale) or t
                          for v, t in zip(values, strings, strict=True)])


class StepAxis(ShortAxis):
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
        return in_locale([f"{10 ** v * scale:.2g}" for v in values])


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


TITLE_ROW = 30  # px: the height pyqtgraph fixes a plot's title row at (PlotItem.setTitle)


def no_min_width(label: pg.LabelItem, title_row: QGraphicsGridLayout | None = None,
                 ) -> pg.LabelItem:
    """Let a title or key be narrower than its text: pyqtgraph makes a label's text width
    the minimum width of the whole layout, so one long line pushed the plots out of a
    narrow dock.  A line wider than the label wraps onto more lines, centred, instead of
    being cut at both edges (a narrow dock, a long translation); a plot's title row
    (``title_row``: the plot's layout, the title in its row 0) grows to hold them."""
    item = label.item
    doc = item.document()
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)

    def wrap() -> None:
        room = label.rect().width()
        item.setTextWidth(-1)  # the text's own width, on one line
        if not 0 < room < item.boundingRect().width():
            return
        item.setTextWidth(room)
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        centred = QTextBlockFormat()
        centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        cursor.mergeBlockFormat(centred)
        item.setPos(label.rect().left() - item.boundingRect().left(), item.pos().y())

    def update_min() -> None:
        wrap()
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
        if title_row is not None and label.isVisible():
            height = max(TITLE_ROW, math.ceil(bounds.height()))
            label.setMaximumHeight(height)
            title_row.setRowFixedHeight(0, height)

    label.updateMin = update_min
    update_min()
    return label


# Points a plotted series keeps (16 bytes each): far more than a plot has pixels across.
MAX_SERIES_POINTS = 200_000


class GrowingSeries:
    """An x/y series that grows by appending, with amortised O(1) appends.  Past ``limit``
    points every other point is dropped (the last kept), so a run of any length is drawn
    over its whole span in bounded memory; series that grow together thin together."""

    def __init__(self, limit: int = MAX_SERIES_POINTS) -> None:
        self._x = np.zeros(1024)
        self._y = np.zeros(1024)
        self.n = 0
        self.limit = max(int(limit), 2)

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        x, y = x[-self.limit:], y[-self.limit:]
        k = len(x)
        while self.n + k > self.limit and self.n > 1:
            keep = np.r_[np.arange(0, self.n - 1, 2), self.n - 1]
            self._x[: len(keep)] = self._x[keep]
            self._y[: len(keep)] = self._y[keep]
            self.n = len(keep)
        if self.n + k > self.limit:  # at most one point left: room for the newest
            self.n = 0
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
        self.caption = QLabel(tr(self.CAPTION))
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #666666; font-size: 8pt;")
        self.graphics = ZoomableGraphics()
        self._min_graphics = (240, 180)
        self._extra = (0, 0)  # what the data areas needed beyond the estimate
        self._fit_due = False
        self.graphics.setMinimumSize(*self._min_graphics)
        self._area: QScrollArea | None = None
        self.theme = "light"
        self._plots: list[pg.PlotItem] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(2)

    def graphics_area(self) -> QScrollArea:
        """The plots in a scroll area: a dock too small for them scrolls, and every plot
        keeps a readable data area (:meth:`set_min_graphics`)."""
        if self._area is None:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(self.graphics)
            self._area = area
        return self._area

    def set_min_graphics(self, width: int, height: int) -> None:
        """The least size of the plots (at zoom 1; larger when zoomed), from an estimate
        of what surrounds their data areas; :meth:`_fit_data_areas` adds what the fonts
        of this machine need beyond it."""
        self._min_graphics = (width, height)
        self._extra = (0, 0)
        self._apply_min()

    def _apply_min(self) -> None:
        zoom = self.graphics.zoom
        (w, h), (dw, dh) = self._min_graphics, self._extra
        self.graphics.setMinimumSize(int((w + dw) * zoom), int((h + dh) * zoom))

    def _schedule_fit(self, *_: object) -> None:
        if not self._fit_due:
            self._fit_due = True
            QTimer.singleShot(0, self, self._fit_data_areas)

    def _fit_data_areas(self) -> None:
        """Give every plot whose data area is smaller than :data:`MIN_DATA` what it lacks:
        as its own least size (the layout takes it from the roomier plots) and, when the
        plots are at their least size already, as more of it (the panel scrolls).  A few
        rounds at most: each round's layout is measured again."""
        self._fit_due = False
        if not on_screen(self) or self.graphics.zoom != 1.0:
            return
        plots = [p for p in self._plots if p.isVisible() and p in self.graphics.ci.items]
        short_w = short_h = 0.0
        for p in plots:
            lack_w = MIN_DATA[0] - p.vb.width()
            lack_h = MIN_DATA[1] - p.vb.height()
            if lack_w > 0:
                p.setMinimumWidth(p.size().width() + np.ceil(lack_w + 0.5))
            if lack_h > 0:
                p.setMinimumHeight(p.size().height() + np.ceil(lack_h + 0.5))
            short_w, short_h = max(short_w, lack_w), max(short_h, lack_h)
        if short_w <= 0 and short_h <= 0:
            return
        dw, dh = self._extra
        if dw + dh > 2000:  # never without bound
            return
        view = self.graphics
        full_w = view.width() <= view.minimumWidth() + 1
        full_h = view.height() <= view.minimumHeight() + 1
        grow_w = 2 * int(np.ceil(short_w + 0.5)) if short_w > 0 and full_w else 0
        grow_h = 2 * int(np.ceil(short_h + 0.5)) if short_h > 0 and full_h else 0
        self._extra = (dw + grow_w, dh + grow_h)
        self._apply_min()

    def set_zoom(self, factor: float) -> None:
        """Draw the plots and the caption ``factor`` times larger (presentation)."""
        self.graphics.set_zoom(factor)
        self.set_min_graphics(*self._min_graphics)
        self.caption.setStyleSheet(f"color: #666666; font-size: {8 * factor:.1f}pt;")

    def visible_now(self) -> bool:
        """Shown and not covered: a panel in a closed or tabbed-away dock need not draw."""
        return on_screen(self)

    def _add_plot(self, row: int, col: int = 0, **kwargs) -> pg.PlotItem:
        axes = kwargs.pop("axisItems", None) or {}
        for side in ("left", "bottom"):
            axes.setdefault(side, ShortAxis(side))
        plot = self.graphics.addPlot(row=row, col=col, axisItems=axes, **kwargs)
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        # Text is the slowest thing to paint: keep axes and titles as cached pixmaps that
        # are redrawn only when their range changes, not on every refresh.
        for side in ("left", "bottom", "right", "top"):
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        no_min_width(plot.titleLabel, plot.layout)
        plot.vb.sigResized.connect(self._schedule_fit)
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
