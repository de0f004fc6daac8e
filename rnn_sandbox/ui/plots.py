"""Live plots: loss, hidden states and gradient flow.

Every plot item is created once (or once per network shape) and then updated in place with
``setData``/``setImage``; nothing is recreated per snapshot.  Each panel can export itself
as PNG/SVG (pyqtgraph's exporters, also on right-click) and its data as CSV.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.tasks import Metric

SMOOTHING = 0.95  # weight of the past in the smoothed training loss
# Long histories (loss, gradient norms) change little between two refreshes: they are
# redrawn at most this often while training; the last points follow once it stops.
HISTORY_REDRAW_INTERVAL = 0.1  # seconds
THEMES = {
    "light": {"bg": "w", "fg": "#222222", "grid": 0.25},
    "dark": {"bg": "#1b1d21", "fg": "#d8d8d8", "grid": 0.3},
}
# Colours readable on both backgrounds (Okabe–Ito palette).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]


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


def _no_min_width(label: pg.LabelItem) -> pg.LabelItem:
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


class PlotPanel(QWidget):
    """Common behaviour: a themed ``GraphicsLayoutWidget`` with export to PNG/SVG/CSV,
    and a one-line caption saying how to read it (``CAPTION``; View menu hides them)."""

    CAPTION = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self.CAPTION)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #666666; font-size: 8pt;")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumSize(240, 180)
        self.theme = "light"
        self._plots: list[pg.PlotItem] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(2)

    def visible_now(self) -> bool:
        """Shown and not covered: a panel in a closed or tabbed-away dock need not draw."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _add_plot(self, row: int, col: int = 0, **kwargs) -> pg.PlotItem:
        plot = self.graphics.addPlot(row=row, col=col, **kwargs)
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        # Text is the slowest thing to paint: keep axes and titles as cached pixmaps that
        # are redrawn only when their range changes, not on every refresh.
        for side in ("left", "bottom", "right", "top"):
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        _no_min_width(plot.titleLabel)
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


def _fmt(v: float) -> object:
    return "" if v is None or not np.isfinite(v) else float(v)


# ---------------------------------------------------------------------------------------
class LossPlot(PlotPanel):
    """Training and validation loss against step, and the task metric underneath."""

    CAPTION = (
        "Training loss of every batch and its trend; validation loss on data the network "
        "never trains on. Validation rising while training falls means memorising."
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        self.log_check = QCheckBox("Log scale")
        self.log_check.setToolTip("Show the loss on a logarithmic axis")
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(self.set_log)
        self.smooth_check = QCheckBox("Smoothed")
        self.smooth_check.setToolTip("Exponential moving average of the training loss")
        self.smooth_check.setChecked(True)
        self.smooth_check.toggled.connect(lambda _: self._redraw())
        bar.addWidget(self.log_check)
        bar.addWidget(self.smooth_check)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics, 1)
        self._layout.addWidget(self.caption)

        self.loss_plot = self._add_plot(0, title="Loss", axisItems={"left": LogAxis("left")})
        self.loss_plot.setLabel("left", "loss")
        # A key under the plot rather than a legend on top of the curves.
        # (Qt's rich text reads 8-digit colours as #AARRGGBB: give the faint one plainly.)
        key = [("#7fb8d9", "per batch"), (PALETTE[0], "smoothed"),
               (PALETTE[3], "validation"), (PALETTE[7], "- - baseline")]
        self.key = self.graphics.addLabel(
            "&nbsp; ".join(
                f"<span style='color:{c}'>{'' if t.startswith('-') else '━ '}{t}</span>"
                for c, t in key
            ),
            row=1, col=0, size="8pt",
        )
        _no_min_width(self.key)
        self.metric_plot = self._add_plot(2, title="Validation metric")
        self.metric_plot.setLabel("bottom", "training step")
        self.metric_plot.setXLink(self.loss_plot)
        for row, stretch in enumerate((3, 0, 2)):
            self.graphics.ci.layout.setRowStretchFactor(row, stretch)
        for p in (self.loss_plot, self.metric_plot):
            p.setClipToView(True)
            p.setDownsampling(auto=True, mode="peak")
            # Ranges follow the data in steps (follow_steps / follow_values), so the axes
            # are not redrawn for every new point.
            p.enableAutoRange(x=False, y=False)
        self.train_curve = self.loss_plot.plot(
            pen=pg.mkPen(PALETTE[0] + "60", width=1)
        )
        self.smooth_curve = self.loss_plot.plot(pen=pg.mkPen(PALETTE[0], width=2))
        self.val_curve = self.loss_plot.plot(
            pen=pg.mkPen(PALETTE[3], width=2), symbol="o", symbolSize=4,
            symbolBrush=PALETTE[3], symbolPen=None,
        )
        self.metric_curve = self.metric_plot.plot(
            pen=pg.mkPen(PALETTE[2], width=2), symbol="o", symbolSize=4,
            symbolBrush=PALETTE[2], symbolPen=None,
        )
        dash = pg.mkPen(PALETTE[7], width=1.5, style=Qt.PenStyle.DashLine)
        # Labels end at the right edge, just under the line (above it they may leave the plot).
        label_opts = {"position": 0.98, "color": PALETTE[7], "anchors": [(1, 0), (1, 0)]}
        self.loss_baseline = pg.InfiniteLine(angle=0, pen=dash, label="", labelOpts=label_opts)
        self.metric_baseline = pg.InfiniteLine(
            angle=0, pen=dash, label="", labelOpts=label_opts
        )
        # The baselines count for the auto range, so the dashed line is always in view.
        self.loss_plot.addItem(self.loss_baseline)
        self.metric_plot.addItem(self.metric_baseline)
        self.train = GrowingSeries()
        self.smooth = GrowingSeries()
        self.val = GrowingSeries()
        self.metric_series = GrowingSeries()  # not "metric": QWidget.metric() is Qt's
        self._ema = (0.0, 0)
        self.baseline: Metric | None = None
        self.loss_name = "loss"
        # Redraws of the long curves are spaced out (HISTORY_REDRAW_INTERVAL); what was
        # left undrawn follows when the points stop coming or the panel is shown again.
        self._dirty = [False, False]  # train, val
        self._last_draw = 0.0
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.setInterval(int(1500 * HISTORY_REDRAW_INTERVAL))
        self._catch_up.timeout.connect(self._draw_dirty)
        self.set_log(True)
        self.set_task(None, "loss", None)

    def set_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self._place_baselines()
        self._follow_y(force=True)

    def _follow_y(self, force: bool = False) -> None:
        """Move the y ranges only when the data leave them (or fill a small part): the loss
        in half decades (log) or round units, the metric in round units.  The baseline
        counts, so the dashed line is always in view."""
        b = self.baseline
        on_metric = self._baseline_on_metric()
        log = self.log_check.isChecked()
        loss = [self.train.y, self.val.y]
        if b is not None and not on_metric:
            loss.append(np.array([b.value]))
        metric = [self.metric_series.y]
        if b is not None and on_metric:
            metric.append(np.array([b.value]))
        for plot, values in ((self.loss_plot, loss), (self.metric_plot, metric)):
            if plot is self.loss_plot and log:
                values, unit = [_log10(v) for v in values], 0.5
            else:
                unit = _round_unit(values)
            if force:
                plot.setYRange(0, 1e-9, padding=0)  # any range: the data then decide
            self.follow_values(plot, values, unit)

    def set_task(self, baseline: Metric | None, loss_name: str, metric_name: str | None) -> None:
        """Clear, then label for a new experiment; the baseline is drawn dashed."""
        self.loss_name = loss_name
        self.clear()
        self.loss_name = loss_name
        self.baseline = baseline
        self.loss_plot.setTitle(f"Loss ({loss_name})")
        self.metric_plot.setTitle(f"Validation {metric_name}" if metric_name else "Validation")
        self._place_baselines()

    def _baseline_on_metric(self) -> bool:
        """A baseline named after the loss ("persistence MSE") goes on the loss plot;
        any other (an accuracy, an error in the task's units) on the metric plot."""
        b = self.baseline
        if b is None:
            return False
        words = b.name.lower().replace("-", " ").split()
        return self.loss_name.lower() not in words and "loss" not in words

    def _place_baselines(self) -> None:
        b = self.baseline
        on_metric = self._baseline_on_metric()
        self.metric_baseline.setVisible(b is not None and on_metric)
        self.loss_baseline.setVisible(b is not None and not on_metric)
        if b is None:
            return
        line = self.metric_baseline if on_metric else self.loss_baseline
        value = b.value
        if line is self.loss_baseline and self.log_check.isChecked():
            value = np.log10(max(value, 1e-300))
        line.setValue(value)
        line.label.setFormat(f"baseline {b.value:.4g}")
        tip = f"Baseline: {b.name} = {b.value:.4g}, what a trivial rule scores"
        line.setToolTip(tip)
        line.label.setToolTip(tip)

    def clear(self) -> None:
        for s in (self.train, self.smooth, self.val, self.metric_series):
            s.clear()
        self._ema = (0.0, 0)
        self.loss_plot.setXRange(0, 10, padding=0.02)  # an empty plot starts at step 0
        self._redraw()
        self._last_draw = 0.0  # the first points of the new run are drawn at once

    def append(
        self,
        steps: np.ndarray,
        losses: np.ndarray,
        val_steps: np.ndarray,
        val_losses: np.ndarray,
        val_metrics: np.ndarray,
        metric_name: str | None = None,
    ) -> None:
        if len(steps):
            self.train.extend(steps, losses)
            # Exponential moving average with Adam's bias correction, so the first points
            # follow the data instead of creeping up from zero or lagging behind.
            ema = np.empty(len(losses))
            e, n = self._ema
            for i, v in enumerate(losses):  # short arrays: a few points per refresh
                if np.isfinite(v):
                    e, n = SMOOTHING * e + (1 - SMOOTHING) * v, n + 1
                ema[i] = e / (1 - SMOOTHING**n) if n else np.nan
            self._ema = (e, n)
            self.smooth.extend(steps, ema)
        if len(val_steps):
            self.val.extend(val_steps, val_losses)
            self.metric_series.extend(val_steps, val_metrics)
        if metric_name and self.metric_plot.titleLabel.text == "Validation":
            self.metric_plot.setTitle(f"Validation {metric_name}")
            self._place_baselines()
        self._dirty[0] |= len(steps) > 0
        self._dirty[1] |= len(val_steps) > 0
        if not self.visible_now():
            return  # drawn when shown (showEvent)
        if time.monotonic() - self._last_draw >= HISTORY_REDRAW_INTERVAL:
            self._draw_dirty()
        else:
            self._catch_up.start()

    def _draw_dirty(self) -> None:
        if any(self._dirty):
            self._redraw(*self._dirty)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._draw_dirty()

    def _redraw(self, train: bool = True, val: bool = True) -> None:
        """Hand the curves their data; only those that got new points."""
        self._dirty = [False, False]
        self._last_draw = time.monotonic()
        self._catch_up.stop()
        smooth = self.smooth_check.isChecked()
        if train:
            self.train_curve.setData(self.train.x, self.train.y)
            self.smooth_curve.setData(self.smooth.x, self.smooth.y)
        self.smooth_curve.setVisible(smooth)
        self.train_curve.setOpacity(1.0 if not smooth else 0.6)
        if val:
            # Markers help while there are few validation points and only cost afterwards.
            symbol = "o" if self.val.n <= 40 else None
            met = self.metric_series
            ok = np.isfinite(met.y)
            for curve, x, y in ((self.val_curve, self.val.x, self.val.y),
                                (self.metric_curve, met.x[ok], met.y[ok])):
                if curve.opts["symbol"] != symbol:
                    curve.setSymbol(symbol)
                curve.setData(x, y)
        if self.train.n:
            self.follow_steps(self.loss_plot, float(self.train.x[-1]))
        self._follow_y()

    def has_data(self) -> bool:
        return self.train.n > 0

    def table(self) -> tuple[list[str], list[list[object]]]:
        val = dict(zip(self.val.x.tolist(), self.val.y.tolist(), strict=True))
        met = dict(zip(self.metric_series.x.tolist(), self.metric_series.y.tolist(), strict=True))
        rows = [
            [int(s), _fmt(loss), _fmt(val.get(s, np.nan)), _fmt(met.get(s, np.nan))]
            for s, loss in zip(self.train.x.tolist(), self.train.y.tolist(), strict=True)
        ]
        return ["step", "train_loss", "val_loss", "val_metric"], rows


# ---------------------------------------------------------------------------------------
# Gates of the gated cells, in PyTorch's order of the stacked weight rows:
# (key, name, range) — sigmoid gates open between 0 and 1, the candidates are tanh.
GATES = {
    "lstm": [("i", "input gate", "sigmoid"), ("f", "forget gate", "sigmoid"),
             ("g", "candidate", "tanh"), ("o", "output gate", "sigmoid")],
    "gru": [("r", "reset gate", "sigmoid"), ("z", "update gate", "sigmoid"),
            ("n", "candidate", "tanh")],
}
GATE_MAP = pg.colormap.get("viridis")  # 0 = closed (dark), 1 = open (bright)
STATE_MAP = pg.colormap.get("CET-D1")  # signed values: blue < 0 < red


def cell_kind(snap: Snapshot) -> str | None:
    """"lstm", "gru" or None (a simple RNN), read from the snapshot's gate arrays."""
    if not snap.gates or not snap.hidden:
        return None
    name, g = next(iter(snap.gates.items()))
    h = snap.hidden.get(name)
    if h is None or h.shape[1] == 0:
        return None
    return {4: "lstm", 3: "gru"}.get(g.shape[1] // h.shape[1])


class HiddenStatePlot(PlotPanel):
    """Heatmap of hidden unit × time step for the watched sample; click a unit for its trace.

    For LSTM and GRU networks the heatmap can show any gate or the LSTM's cell state instead
    ("Show"), and a third plot follows every gate of the selected unit over time.
    """

    sampleChanged = Signal(int)
    CAPTION = (
        "Each row is one hidden neuron, each column a time step, colour its value h_t. "
        "Click a row to follow that neuron over time."
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Layer:"))
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip("Layer and direction whose states are shown")
        self.layer_combo.currentIndexChanged.connect(lambda _: self._redraw())
        bar.addWidget(self.layer_combo)
        bar.addSpacing(12)
        self.view_label = QLabel("Show:")
        bar.addWidget(self.view_label)
        self.view_combo = QComboBox()
        self.view_combo.setToolTip(
            "Hidden state, cell state (LSTM) or one gate of the gated cell, per unit and step"
        )
        self.view_combo.currentIndexChanged.connect(lambda _: self._view_chosen())
        bar.addWidget(self.view_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Validation sample:"))
        self.sample_spin = QSpinBox()
        self.sample_spin.setToolTip("Which validation sample is watched while training")
        self.sample_spin.setKeyboardTracking(False)
        self.sample_spin.valueChanged.connect(self.sampleChanged.emit)
        bar.addWidget(self.sample_spin)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics, 1)
        self._layout.addWidget(self.caption)

        self.map_plot = self._add_plot(0, title="Hidden states h<sub>t</sub>", colspan=2)
        self.map_plot.setLabel("bottom", "time step t")
        self.map_plot.setLabel("left", "hidden unit")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.map_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-1, 1), colorMap=STATE_MAP, width=12, interactive=False
        )
        self.colorbar.setImageItem(self.image, insert_in=self.map_plot)
        self.marker = pg.InfiniteLine(angle=0, pen=pg.mkPen("#000000", width=1))
        self.map_plot.addItem(self.marker, ignoreBounds=True)
        self.trace_plot = self._add_plot(1, title="Unit 0 over time")
        self.trace_plot.setLabel("bottom", "time step t")
        self.trace_plot.setLabel("left", "h")
        self.trace_curve = self.trace_plot.plot(pen=pg.mkPen(PALETTE[0], width=2))
        self.cell_curve = self.trace_plot.plot(
            pen=pg.mkPen(PALETTE[3], width=2, style=Qt.PenStyle.DashLine)
        )
        # The gates of the selected unit, one curve per gate (created once, the unused
        # ones hidden); the plot is shown for gated cells only, beside the unit's trace.
        self.gate_plot = self._add_plot(1, 1, title="Gates of unit 0")
        self.gate_plot.setLabel("bottom", "time step t")
        self.gate_plot.setLabel("left", "gate")
        self.gate_plot.setYRange(-1.05, 1.05, padding=0)
        self.gate_plot.enableAutoRange(y=False)
        self.gate_plot.setXLink(self.trace_plot)
        self.gate_curves = [
            self.gate_plot.plot(pen=pg.mkPen(PALETTE[i + 1], width=1.5)) for i in range(4)
        ]
        self.gate_key = _no_min_width(
            self.graphics.addLabel("", row=2, col=0, colspan=2, size="8pt")
        )
        for row, stretch in enumerate((3, 2, 0)):
            self.graphics.ci.layout.setRowStretchFactor(row, stretch)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.unit = 0
        self.hidden: dict[str, np.ndarray] | None = None
        self.gates: dict[str, np.ndarray] | None = None
        self.cell: dict[str, np.ndarray] | None = None
        self.kind: str | None = None  # "lstm", "gru" or None
        self.nonlinearity = "tanh"
        # What was last handed to the items, so unchanged settings are not set again.
        self._shown: dict[str, object] = {}
        self._wanted_view = "h"  # the learner's choice in "Show"
        self._set_kind(None)

    def set_network(self, state_names: list[str], n_val: int, nonlinearity: str) -> None:
        """Layers/directions and the number of validation samples of a new experiment."""
        self.hidden = self.gates = self.cell = None
        self.nonlinearity = nonlinearity
        current = self.layer_combo.currentText()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItems([_state_label(n) for n in state_names])
        for i, n in enumerate(state_names):
            self.layer_combo.setItemData(i, n)
        idx = self.layer_combo.findText(current)
        self.layer_combo.setCurrentIndex(max(idx, 0))
        self.layer_combo.blockSignals(False)
        self.sample_spin.blockSignals(True)
        self.sample_spin.setRange(0, max(0, n_val - 1))
        self.sample_spin.blockSignals(False)
        self._set_kind(None)  # the first snapshot tells whether the cells are gated
        self._redraw()

    def _set_kind(self, kind: str | None) -> None:
        """Offer the views of this kind of cell; a simple RNN has only h_t."""
        self.kind = kind
        key = self._wanted_view  # kept across rebuilds that pass through "no gates yet"
        self.view_combo.blockSignals(True)
        self.view_combo.clear()
        self.view_combo.addItem("hidden state h_t", "h")
        if kind == "lstm":
            self.view_combo.addItem("cell state c_t", "c")
        for i, (letter, name, _) in enumerate(GATES.get(kind, [])):
            self.view_combo.addItem(f"{name} {letter}_t", f"gate:{i}")
        self.view_combo.setCurrentIndex(max(0, self.view_combo.findData(key)))
        self.view_combo.blockSignals(False)
        gated = kind is not None
        self.view_combo.setVisible(gated)
        self.view_label.setVisible(gated)
        self.view_combo.setEnabled(gated)
        # A hidden item still takes its room in the layout: take it out instead.
        # Without gates the unit's trace takes the whole width.
        layout = self.graphics.ci
        if gated != (self.gate_plot in layout.items):
            for item in (self.trace_plot, self.gate_plot, self.gate_key):
                if item in layout.items:
                    layout.removeItem(item)
            layout.addItem(self.trace_plot, row=1, col=0, colspan=1 if gated else 2)
            if gated:
                layout.addItem(self.gate_plot, row=1, col=1)
                layout.addItem(self.gate_key, row=2, col=0, colspan=2)
        self.gate_plot.setVisible(gated)
        self.gate_key.setVisible(gated)
        self.cell_curve.setVisible(kind == "lstm")
        gates = GATES.get(kind, [])
        for i, curve in enumerate(self.gate_curves):
            curve.setVisible(i < len(gates))
            if i >= len(gates):
                curve.setData([], [])
        self.gate_key.setText("&nbsp; ".join(
            f"<span style='color:{PALETTE[i + 1]}'>━ {letter} {name}</span>"
            for i, (letter, name, _) in enumerate(gates)
        ))
        self.trace_plot.setLabel("left", "h, c (dashed)" if kind == "lstm" else "h")
        self._shown.clear()
        self._view_changed(redraw=False)

    def view(self) -> str:
        """The heatmap's content: "h", "c" or "gate:<index>"."""
        return self.view_combo.currentData() or "h"

    def _view_chosen(self) -> None:
        self._wanted_view = self.view()
        self._view_changed()

    def _view_changed(self, redraw: bool = True) -> None:
        key = self.view()
        if key.startswith("gate:"):
            letter, name, kind = GATES[self.kind][int(key[5:])]
            title = f"{name.capitalize()} {letter}<sub>t</sub>"
            title += " (0 closed, 1 open)" if kind == "sigmoid" else ""
            cmap = GATE_MAP if kind == "sigmoid" else STATE_MAP
        elif key == "c":
            title, cmap = "Cell state c<sub>t</sub>", STATE_MAP
        else:
            title, cmap = "Hidden states h<sub>t</sub>", STATE_MAP
        self.map_plot.setTitle(title, color=THEMES[self.theme]["fg"])
        self.colorbar.setColorMap(cmap)
        self._shown.pop("levels", None)
        if redraw:
            self._redraw()

    def update_snapshot(self, snap: Snapshot) -> None:
        if snap.hidden is None:
            return
        self.hidden, self.gates, self.cell = snap.hidden, snap.gates, snap.cell
        kind = cell_kind(snap)
        if kind != self.kind:
            self._set_kind(kind)
        if self.sample_spin.value() != snap.sample_index:
            self.sample_spin.blockSignals(True)
            self.sample_spin.setValue(snap.sample_index)
            self.sample_spin.blockSignals(False)
        self._redraw()

    def current(self) -> np.ndarray | None:
        """Hidden states (time, unit) of the selected layer."""
        if self.hidden is None:
            return None
        name = self.layer_combo.currentData()
        return self.hidden.get(name)

    def gate(self, index: int) -> np.ndarray | None:
        """Activations (time, unit) of gate ``index`` (PyTorch order) of the selected layer."""
        g = (self.gates or {}).get(self.layer_combo.currentData())
        h = self.current()
        if g is None or h is None:
            return None
        H = h.shape[1]
        return g[:, index * H : (index + 1) * H]

    def cell_state(self) -> np.ndarray | None:
        """LSTM cell state (time, unit) of the selected layer."""
        return (self.cell or {}).get(self.layer_combo.currentData())

    def shown_map(self) -> np.ndarray | None:
        """What the heatmap shows now (time, unit)."""
        key = self.view()
        if key == "c":
            return self.cell_state()
        if key.startswith("gate:"):
            return self.gate(int(key[5:]))
        return self.current()

    def _set_once(self, what: str, value: object, apply) -> None:
        """Call ``apply(value)`` only when ``value`` differs from the last one: range and
        title changes make pyqtgraph lay out and repaint axes and labels."""
        if self._shown.get(what) != value:
            self._shown[what] = value
            apply(value)

    def _redraw(self) -> None:
        h = self.current()
        m = self.shown_map()
        if h is None or m is None:
            self.image.clear()
            self.trace_curve.setData([], [])
            self.cell_curve.setData([], [])
            self._shown.clear()
            return
        T, H = m.shape
        key = self.view()
        gate_kind = GATES[self.kind][int(key[5:])][2] if key.startswith("gate:") else None
        if gate_kind == "sigmoid":
            levels = (0.0, 1.0)
        elif gate_kind == "tanh" or (key == "h" and self.nonlinearity == "tanh"):
            levels = (-1.0, 1.0)
        else:  # unbounded (cell state, ReLU): symmetric, in steps so it rarely changes
            top = float(np.nanmax(np.abs(m))) if m.size else 1.0
            top = float(2.0 ** np.ceil(np.log2(max(top, 1e-3))))
            levels = (-top, top)
        self.image.setImage(m, autoLevels=False, levels=levels)
        self._set_once("levels", levels, self.colorbar.setLevels)
        self._set_once("rect", (T, H), lambda s: self.image.setRect(
            QRectF(-0.5, -0.5, s[0], s[1])))
        self.unit = min(self.unit, H - 1)
        self._set_once("unit", self.unit, self._unit_changed)
        t = np.arange(T)
        self.trace_curve.setData(t, h[:, self.unit])
        c = self.cell_state() if self.kind == "lstm" else None
        if c is not None:
            self.cell_curve.setData(t, c[:, self.unit])
        if self.nonlinearity == "tanh" and c is None:  # fixed range: axes are not redrawn
            self._set_once("trace_range", (-1.05, 1.05),
                           lambda r: self.trace_plot.setYRange(*r, padding=0))
        else:
            self._shown.pop("trace_range", None)
            values = [h[:, self.unit]] + ([] if c is None else [c[:, self.unit]])
            self.follow_values(self.trace_plot, values, 0.5)
        if self.kind is not None:
            for i, curve in enumerate(self.gate_curves[: len(GATES[self.kind])]):
                g = self.gate(i)
                if g is not None:
                    curve.setData(t, g[:, self.unit])

    def _unit_changed(self, unit: int) -> None:
        self.marker.setValue(unit)
        fg = THEMES[self.theme]["fg"]
        self.trace_plot.setTitle(f"Unit {unit} over time", color=fg)
        self.gate_plot.setTitle(f"Gates of unit {unit}", color=fg)

    def select_unit(self, unit: int) -> None:
        self.unit = int(unit)
        self._redraw()

    def _clicked(self, event) -> None:
        pos = event.scenePos()
        if not self.map_plot.sceneBoundingRect().contains(pos):
            return
        point = self.map_plot.vb.mapSceneToView(pos)
        h = self.current()
        if h is None:
            return
        unit = int(round(point.y()))
        if 0 <= unit < h.shape[1]:
            self.select_unit(unit)

    def has_data(self) -> bool:
        return self.image.image is not None and self.hidden is not None

    def table(self) -> tuple[list[str], list[list[object]]]:
        """The selected layer's h_t, and for gated cells c_t and every gate, per step."""
        h = self.current()
        if h is None:
            return ["t"], []
        H = h.shape[1]
        cols = [h]
        header = ["t"] + [f"h{j}" for j in range(H)]
        c = self.cell_state()
        if c is not None:
            cols.append(c)
            header += [f"c{j}" for j in range(H)]
        for i, (letter, _, _) in enumerate(GATES.get(self.kind, [])):
            g = self.gate(i)
            if g is not None:
                cols.append(g)
                header += [f"{letter}{j}" for j in range(H)]
        data = np.concatenate(cols, axis=1)
        return header, [[t, *map(float, row)] for t, row in enumerate(data)]


def _round_unit(values: list[np.ndarray]) -> float:
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


def _log10(values: np.ndarray) -> np.ndarray:
    """log10 with exact zeros (padding, steps no gradient reaches) left out as NaN."""
    v = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), np.nan)


def _param_label(name: str) -> str:
    """``encoder.weight_hh_l1_reverse`` → ``enc W_hh 2←`` (short, for the key)."""
    prefix, _, rest = name.rpartition(".")
    if rest == "weight" and prefix.endswith("head"):
        return "head"
    short = {"encoder": "enc ", "decoder": "dec ", "": ""}.get(prefix, prefix + " ")
    kind = "W_ih" if "_ih_" in rest else "W_hh" if "_hh_" in rest else rest
    layer = rest.split("_l")[-1].removesuffix("_reverse") if "_l" in rest else ""
    arrow = "←" if rest.endswith("_reverse") else ""
    return f"{short}{kind} {int(layer) + 1}{arrow}" if layer.isdigit() else f"{short}{kind}"


def _state_label(name: str) -> str:
    """``encoder.l1_reverse`` → ``encoder layer 2 (backward)``."""
    prefix, _, rest = name.rpartition(".")
    backward = rest.endswith("_reverse")
    index = rest.removesuffix("_reverse")[1:]
    if not (rest.startswith("l") and index.isdigit()):
        return name  # not a recurrent layer (the dense baseline's "fc1")
    text = f"layer {int(index) + 1}" + (" (backward)" if backward else "")
    return f"{prefix} {text}" if prefix else text


# ---------------------------------------------------------------------------------------
class GradientHistory:
    """The last ``size`` log-gradient profiles of one state, as rows of a NaN-padded array.

    Rows are written into a buffer twice as long as kept and shifted down only when it is
    full, so a snapshot costs one row copy and the image is a view, not a rebuilt list.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.rows = np.full((2 * size, 1), np.nan)
        self.steps = np.zeros(2 * size)
        self.start = 0
        self.end = 0

    def __len__(self) -> int:
        return self.end - self.start

    def append(self, step: float, row: np.ndarray) -> None:
        if len(row) > self.rows.shape[1]:  # a longer batch: widen with NaN
            wider = np.full((len(self.rows), len(row)), np.nan)
            wider[:, : self.rows.shape[1]] = self.rows
            self.rows = wider
        if self.end == len(self.rows):  # full: keep the newest size - 1 rows at the top
            keep = self.size - 1
            self.rows[:keep] = self.rows[self.end - keep : self.end]
            self.steps[:keep] = self.steps[self.end - keep : self.end]
            self.start, self.end = 0, keep
        self.rows[self.end, : len(row)] = row
        self.rows[self.end, len(row) :] = np.nan
        self.steps[self.end] = step
        self.end += 1
        self.start = max(self.start, self.end - self.size)

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, rows) of the kept profiles, oldest first."""
        return self.steps[self.start : self.end], self.rows[self.start : self.end]


class GradientFlowPlot(PlotPanel):
    """|dL/dh_t| per time step now (and |dL/dc_t| for the LSTM's cell state), as it develops
    over training, and per-parameter norms."""

    HISTORY = 300  # collected snapshots kept for the step × time heatmap
    CAPTION = (
        "How much of the loss's gradient reaches each time step. Falling to the left: "
        "vanishing (early inputs barely learn); rising: exploding (clip or lower the rate). "
        "An LSTM's cell state (dashed) carries it back as far as the forget gates stay open."
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Heatmap layer:"))
        self.layer_combo = QComboBox()
        self.layer_combo.currentIndexChanged.connect(lambda _: self._redraw_map())
        bar.addWidget(self.layer_combo)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics, 1)
        self._layout.addWidget(self.caption)

        self.flow_plot = self._add_plot(
            0, title="Gradient reaching each time step |dL/dh<sub>t</sub>|"
        )
        self.flow_plot.setLabel("bottom", "time step t")
        self.flow_plot.setLabel("left", "log<sub>10</sub> |dL/dh<sub>t</sub>|")
        self.flow_plot.addLegend(offset=(-10, 10))
        self.map_plot = self._add_plot(
            1, title="log<sub>10</sub> |dL/dh<sub>t</sub>| over training"
        )
        self.map_plot.setLabel("bottom", "training step")
        self.map_plot.setLabel("left", "time step t")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.map_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-6, 0), colorMap=pg.colormap.get("viridis"), width=12, interactive=False
        )
        self.colorbar.setImageItem(self.image, insert_in=self.map_plot)
        self.norm_plot = self._add_plot(2, title="Gradient norm per weight matrix")
        self.norm_plot.setLabel("bottom", "training step")
        self.norm_plot.setLabel("left", "log<sub>10</sub> ‖∇W‖")
        for plot in (self.flow_plot, self.norm_plot):
            plot.enableAutoRange(y=False)
        self.flow_plot.enableAutoRange(x=False)
        self.norm_plot.enableAutoRange(x=False)
        self.map_plot.enableAutoRange(x=False, y=False)
        self.norm_plot.setClipToView(True)
        self.norm_plot.setDownsampling(auto=True, mode="peak")
        # A one-line key under the plot: a legend would cover this short plot's curves.
        self.norm_key = _no_min_width(self.graphics.addLabel("", row=3, col=0, size="8pt"))
        for r, s in enumerate((4, 3, 2, 0)):
            self.graphics.ci.layout.setRowStretchFactor(r, s)
        self.flow_curves: dict[str, pg.PlotDataItem] = {}
        self.cell_curves: dict[str, pg.PlotDataItem] = {}  # |dL/dc_t|, LSTM only
        self.norm_curves: dict[str, pg.PlotDataItem] = {}
        self.norm_series: dict[str, GrowingSeries] = {}
        self.latest: dict[str, np.ndarray] | None = None
        self.latest_c: dict[str, np.ndarray] | None = None
        self._hist: dict[str, GradientHistory] = {}
        self._shown: dict[str, object] = {}
        self._stale = False
        self._norms_drawn = 0.0  # when the norm history was last drawn
        self._norm_catch_up = QTimer(self)
        self._norm_catch_up.setSingleShot(True)
        self._norm_catch_up.setInterval(int(1500 * HISTORY_REDRAW_INTERVAL))
        self._norm_catch_up.timeout.connect(self._draw_history)

    def set_network(self, state_names: list[str], param_names: list[str]) -> None:
        """Curves for a new network shape (the only time items are created).

        The cell-state curves exist for every layer but stay hidden until a snapshot
        brings |dL/dc_t| (the call does not say whether the cells are LSTMs)."""
        for c in (*self.flow_curves.values(), *self.cell_curves.values()):
            self.flow_plot.removeItem(c)
        for c in self.norm_curves.values():
            self.norm_plot.removeItem(c)
        self.flow_plot.legend.clear()
        self.flow_curves, self.cell_curves = {}, {}
        self.norm_curves, self.norm_series = {}, {}
        for i, name in enumerate(state_names):
            colour = PALETTE[i % len(PALETTE)]
            self.flow_curves[name] = self.flow_plot.plot(
                pen=pg.mkPen(colour, width=2), name=_state_label(name)
            )
            cell = self.flow_plot.plot(
                pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine)
            )
            cell.setVisible(False)
            self.cell_curves[name] = cell
        self.flow_plot.legend.setVisible(len(state_names) > 1)
        weights = [p for p in param_names if "weight" in p]
        key = []
        for i, name in enumerate(weights):
            colour = PALETTE[i % len(PALETTE)]
            self.norm_curves[name] = self.norm_plot.plot(pen=pg.mkPen(colour, width=1.5))
            self.norm_series[name] = GrowingSeries()
            key.append(f"<span style='color:{colour}'>■ {_param_label(name)}</span>")
        self.norm_key.setText("&nbsp; ".join(key))
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for n in state_names:
            self.layer_combo.addItem(_state_label(n), n)
        self.layer_combo.blockSignals(False)
        self.latest = self.latest_c = None
        self._hist = {n: GradientHistory(self.HISTORY) for n in state_names}
        self._shown.clear()
        self._norms_drawn = 0.0
        self._set_titles(cell=False)
        self.image.clear()
        for plot in (self.norm_plot, self.map_plot):
            plot.setXRange(0, 10, padding=0.02)
        self.set_theme(self.theme)

    def _set_titles(self, cell: bool) -> None:
        fg = THEMES[self.theme]["fg"]
        if cell:
            self.flow_plot.setTitle(
                "Gradient per step: |dL/dh<sub>t</sub>| ━ and cell |dL/dc<sub>t</sub>| - -",
                color=fg)
            self.flow_plot.setLabel("left", "log<sub>10</sub> gradient")
        else:
            self.flow_plot.setTitle(
                "Gradient reaching each time step |dL/dh<sub>t</sub>|", color=fg)
            self.flow_plot.setLabel("left", "log<sub>10</sub> |dL/dh<sub>t</sub>|")

    def _enable_cell(self, names: list[str]) -> None:
        """The first snapshot with |dL/dc_t|: show its curves, offer it in the heatmap."""
        self.layer_combo.blockSignals(True)
        for name in names:
            curve = self.cell_curves.get(name)
            if curve is None:
                continue
            curve.setVisible(True)
            self.flow_plot.legend.addItem(curve, f"{_state_label(name)} c")
            self.layer_combo.addItem(f"{_state_label(name)}: cell state c", name + ":c")
            self._hist[name + ":c"] = GradientHistory(self.HISTORY)
        self.layer_combo.blockSignals(False)
        self._set_titles(cell=True)

    def update_snapshot(self, snap: Snapshot, draw: bool = True) -> None:
        """Record ``snap``; with ``draw`` False only the history grows (hidden panel)."""
        step = np.array([snap.step], dtype=float)
        for name, series in self.norm_series.items():
            if name in snap.grad_norms:
                series.extend(step, np.array([snap.grad_norms[name]]))
        if snap.grad_h is None:
            if draw:
                self._draw_history()
            return
        if snap.grad_c and self.latest_c is None:
            self._enable_cell([n for n in snap.grad_c if n in self.cell_curves])
        self.latest = snap.grad_h
        self.latest_c = snap.grad_c or None
        logs = {name: _log10(g) for name, g in snap.grad_h.items()}
        logs_c = {name: _log10(g) for name, g in (snap.grad_c or {}).items()}
        for name, lg in logs.items():
            if name in self._hist:
                self._hist[name].append(snap.step, lg)
        for name, lg in logs_c.items():
            if name + ":c" in self._hist:
                self._hist[name + ":c"].append(snap.step, lg)
        if not draw:
            self._stale = True
            return
        self._draw_flow(logs, logs_c)
        self.follow_values(self.flow_plot, [*logs.values(), *logs_c.values()], 0.5)
        self._draw_history()

    def _draw_history(self) -> None:
        """The histories (map over training, norms) at most every HISTORY_REDRAW_INTERVAL;
        a timer draws what is left once the snapshots stop coming."""
        if time.monotonic() - self._norms_drawn >= HISTORY_REDRAW_INTERVAL:
            self._draw_norms()
            self._redraw_map()
        else:
            self._norm_catch_up.start()

    def _draw_norms(self) -> None:
        self._norms_drawn = time.monotonic()
        self._norm_catch_up.stop()
        logs = []
        for name, series in self.norm_series.items():
            logs.append(_log10(series.y))
            self.norm_curves[name].setData(series.x, logs[-1])
        last = max((float(x.x[-1]) for x in self.norm_series.values() if x.n), default=None)
        if last is not None:
            self.follow_steps(self.norm_plot, last)
            self.follow_values(self.norm_plot, logs, 0.5)

    def _draw_flow(self, logs: dict[str, np.ndarray], logs_c: dict[str, np.ndarray]) -> None:
        T = max((len(v) for v in (*logs.values(), *logs_c.values())), default=0)
        t = np.arange(T)
        for curves, values in ((self.flow_curves, logs), (self.cell_curves, logs_c)):
            for name, lg in values.items():
                curve = curves.get(name)
                if curve is not None:
                    curve.setData(t[: len(lg)], lg, connect="finite")
        if self._shown.get("flow_T") != T:  # the time axis moves only with the length
            self._shown["flow_T"] = T
            self.flow_plot.setXRange(0, max(T - 1, 1), padding=0.02)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:  # catch up on what happened while hidden
            self._stale = False
            self._draw_norms()
            self._draw_flow({n: _log10(g) for n, g in (self.latest or {}).items()},
                            {n: _log10(g) for n, g in (self.latest_c or {}).items()})
            self._redraw_map()

    def _redraw_map(self) -> None:
        name = self.layer_combo.currentData()
        hist = self._hist.get(name) if name else None
        if hist is None or not len(hist):
            self.image.clear()
            self._shown.pop("map", None)
            return
        steps, rows = hist.view()
        finite = rows[np.isfinite(rows)]
        hi = float(finite.max()) if finite.size else 0.0
        lo = max(float(finite.min()) if finite.size else -6.0, hi - 8.0)
        if hi - lo < 1e-3:
            lo = hi - 1.0
        # Whole decades, so the colour scale (and its bar) rarely changes.
        levels = (float(np.floor(lo)), float(np.ceil(hi)))
        # Snapshots are spaced by time, not by step: lay them on an even grid of training
        # steps, each column showing the latest snapshot at or before its step.
        x0, x1 = steps[0], steps[-1] + 1
        self.follow_steps(self.map_plot, float(x1))
        columns = int(min(self.HISTORY, x1 - x0))
        grid = x0 + (np.arange(columns) + 0.5) * (x1 - x0) / columns
        img = rows[np.searchsorted(steps, grid, side="right") - 1]
        T = rows.shape[1]
        self.image.setImage(img, autoLevels=False, levels=levels)
        if self._shown.get("levels") != levels:
            self._shown["levels"] = levels
            self.colorbar.setLevels(levels)
        self.image.setRect(QRectF(x0, -0.5, x1 - x0, T))
        if self._shown.get("map_T") != T:
            self._shown["map_T"] = T
            self.map_plot.setYRange(-0.5, T - 0.5, padding=0)
        if self._shown.get("map") != name:  # the title names what is shown
            self._shown["map"] = name
            what = "c" if name.endswith(":c") else "h"
            self.map_plot.setTitle(
                f"log<sub>10</sub> |dL/d{what}<sub>t</sub>| over training",
                color=THEMES[self.theme]["fg"],
            )

    def has_data(self) -> bool:
        return self.latest is not None and self.image.image is not None

    def table(self) -> tuple[list[str], list[list[object]]]:
        if not self.latest:
            return ["t"], []
        cols = [(f"|dL/dh_t| {n}", v) for n, v in self.latest.items()]
        cols += [(f"|dL/dc_t| {n}", v) for n, v in (self.latest_c or {}).items()]
        T = max(len(v) for _, v in cols)
        rows = [[t] + [_fmt(v[t]) if t < len(v) else "" for _, v in cols] for t in range(T)]
        return ["t"] + [h for h, _ in cols], rows
