"""Live plots: loss, hidden states and gradient flow.

Every plot item is created once (or once per network shape) and then updated in place with
``setData``/``setImage``; nothing is recreated per snapshot.  Each panel can export itself
as PNG/SVG (pyqtgraph's exporters, also on right-click) and its data as CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QRectF, Qt, Signal
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

    def _add_plot(self, row: int, col: int = 0, **kwargs) -> pg.PlotItem:
        plot = self.graphics.addPlot(row=row, col=col, **kwargs)
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        # Text is the slowest thing to paint: keep axes and titles as cached pixmaps that
        # are redrawn only when their range changes, not on every refresh.
        for side in ("left", "bottom", "right", "top"):
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
        self.metric_plot = self._add_plot(2, title="Validation metric")
        self.metric_plot.setLabel("bottom", "training step")
        self.metric_plot.setXLink(self.loss_plot)
        for row, stretch in enumerate((3, 0, 2)):
            self.graphics.ci.layout.setRowStretchFactor(row, stretch)
        for p in (self.loss_plot, self.metric_plot):
            p.setClipToView(True)
            p.setDownsampling(auto=True, mode="peak")
            p.enableAutoRange(x=False)
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
        self.metric = GrowingSeries()
        self._ema = (0.0, 0)
        self.baseline: Metric | None = None
        self.loss_name = "loss"
        self.set_log(True)
        self.set_task(None, "loss", None)

    def set_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self._place_baselines()

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
        for s in (self.train, self.smooth, self.val, self.metric):
            s.clear()
        self._ema = (0.0, 0)
        self.loss_plot.setXRange(0, 10, padding=0.02)  # an empty plot starts at step 0
        self._redraw()

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
            self.metric.extend(val_steps, val_metrics)
        if metric_name and self.metric_plot.titleLabel.text == "Validation":
            self.metric_plot.setTitle(f"Validation {metric_name}")
            self._place_baselines()
        self._redraw(train=len(steps) > 0, val=len(val_steps) > 0)

    def _redraw(self, train: bool = True, val: bool = True) -> None:
        """Hand the curves their data; only those that got new points."""
        smooth = self.smooth_check.isChecked()
        if train:
            self.train_curve.setData(self.train.x, self.train.y)
            self.smooth_curve.setData(self.smooth.x, self.smooth.y)
        self.smooth_curve.setVisible(smooth)
        self.train_curve.setOpacity(1.0 if not smooth else 0.6)
        if val:
            # Markers help while there are few validation points and only cost afterwards.
            symbol = "o" if self.val.n <= 40 else None
            ok = np.isfinite(self.metric.y)
            for curve, x, y in ((self.val_curve, self.val.x, self.val.y),
                                (self.metric_curve, self.metric.x[ok], self.metric.y[ok])):
                if curve.opts["symbol"] != symbol:
                    curve.setSymbol(symbol)
                curve.setData(x, y)
        if self.train.n:
            self.follow_steps(self.loss_plot, float(self.train.x[-1]))

    def has_data(self) -> bool:
        return self.train.n > 0

    def table(self) -> tuple[list[str], list[list[object]]]:
        val = dict(zip(self.val.x.tolist(), self.val.y.tolist(), strict=True))
        met = dict(zip(self.metric.x.tolist(), self.metric.y.tolist(), strict=True))
        rows = [
            [int(s), _fmt(loss), _fmt(val.get(s, np.nan)), _fmt(met.get(s, np.nan))]
            for s, loss in zip(self.train.x.tolist(), self.train.y.tolist(), strict=True)
        ]
        return ["step", "train_loss", "val_loss", "val_metric"], rows


# ---------------------------------------------------------------------------------------
class HiddenStatePlot(PlotPanel):
    """Heatmap of hidden unit × time step for the watched sample; click a unit for its trace."""

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

        self.map_plot = self._add_plot(0, title="Hidden states h<sub>t</sub>")
        self.map_plot.setLabel("bottom", "time step t")
        self.map_plot.setLabel("left", "hidden unit")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.map_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-1, 1), colorMap=pg.colormap.get("CET-D1"), width=12, interactive=False
        )
        self.colorbar.setImageItem(self.image, insert_in=self.map_plot)
        self.marker = pg.InfiniteLine(angle=0, pen=pg.mkPen("#000000", width=1))
        self.map_plot.addItem(self.marker, ignoreBounds=True)
        self.trace_plot = self._add_plot(1, title="Unit 0 over time")
        self.trace_plot.setLabel("bottom", "time step t")
        self.trace_plot.setLabel("left", "h")
        self.trace_curve = self.trace_plot.plot(pen=pg.mkPen(PALETTE[0], width=2))
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 1)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.unit = 0
        self.hidden: dict[str, np.ndarray] | None = None
        self.nonlinearity = "tanh"

    def set_network(self, state_names: list[str], n_val: int, nonlinearity: str) -> None:
        """Layers/directions and the number of validation samples of a new experiment."""
        self.hidden = None
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
        if nonlinearity == "tanh":
            self.colorbar.setLevels((-1.0, 1.0))
        self._redraw()

    def update_snapshot(self, snap: Snapshot) -> None:
        if snap.hidden is None:
            return
        self.hidden = snap.hidden
        if self.sample_spin.value() != snap.sample_index:
            self.sample_spin.blockSignals(True)
            self.sample_spin.setValue(snap.sample_index)
            self.sample_spin.blockSignals(False)
        self._redraw()

    def current(self) -> np.ndarray | None:
        if self.hidden is None:
            return None
        name = self.layer_combo.currentData()
        return self.hidden.get(name)

    def _redraw(self) -> None:
        h = self.current()
        if h is None:
            self.image.clear()
            self.trace_curve.setData([], [])
            return
        T, H = h.shape
        if self.nonlinearity == "tanh":
            levels = (-1.0, 1.0)
        else:
            top = float(np.nanmax(np.abs(h))) or 1.0
            levels = (-top, top)
        self.image.setImage(h, autoLevels=False, levels=levels)
        self.colorbar.setLevels(levels)
        self.image.setRect(QRectF(-0.5, -0.5, T, H))
        self.unit = min(self.unit, H - 1)
        self.marker.setValue(self.unit)
        self.trace_curve.setData(np.arange(T), h[:, self.unit])
        if self.nonlinearity == "tanh":  # a fixed range: the axis need not be redrawn
            self.trace_plot.setYRange(-1.05, 1.05, padding=0)
        else:
            self.trace_plot.enableAutoRange(y=True)
        self.trace_plot.setTitle(f"Unit {self.unit} over time", color=THEMES[self.theme]["fg"])

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
        h = self.current()
        if h is None:
            return ["t"], []
        header = ["t"] + [f"h{j}" for j in range(h.shape[1])]
        return header, [[t, *map(float, row)] for t, row in enumerate(h)]


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
class GradientFlowPlot(PlotPanel):
    """|dL/dh_t| per time step now, as it develops over training, and per-parameter norms."""

    HISTORY = 300  # collected snapshots kept for the step × time heatmap
    CAPTION = (
        "How much of the loss's gradient reaches each time step. Falling to the left: "
        "vanishing (early inputs barely learn); rising: exploding (clip or lower the rate)."
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
        self.norm_plot.enableAutoRange(x=False)
        self.map_plot.enableAutoRange(x=False)
        # A one-line key under the plot: a legend would cover this short plot's curves.
        self.norm_key = self.graphics.addLabel("", row=3, col=0, size="8pt")
        for r, s in enumerate((4, 3, 2, 0)):
            self.graphics.ci.layout.setRowStretchFactor(r, s)
        self.flow_curves: dict[str, pg.PlotDataItem] = {}
        self.norm_curves: dict[str, pg.PlotDataItem] = {}
        self.norm_series: dict[str, GrowingSeries] = {}
        self.latest: dict[str, np.ndarray] | None = None
        self._hist_steps: list[int] = []
        self._hist: dict[str, list[np.ndarray]] = {}

    def set_network(self, state_names: list[str], param_names: list[str]) -> None:
        """Curves for a new network shape (the only time items are created)."""
        for c in self.flow_curves.values():
            self.flow_plot.removeItem(c)
        for c in self.norm_curves.values():
            self.norm_plot.removeItem(c)
        self.flow_plot.legend.clear()
        self.flow_curves, self.norm_curves, self.norm_series = {}, {}, {}
        for i, name in enumerate(state_names):
            self.flow_curves[name] = self.flow_plot.plot(
                pen=pg.mkPen(PALETTE[i % len(PALETTE)], width=2), name=_state_label(name)
            )
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
        self.latest = None
        self._hist_steps = []
        self._hist = {n: [] for n in state_names}
        self.image.clear()
        for plot in (self.norm_plot, self.map_plot):
            plot.setXRange(0, 10, padding=0.02)
        self.set_theme(self.theme)

    def update_snapshot(self, snap: Snapshot, draw: bool = True) -> None:
        """Record ``snap``; with ``draw`` False only the history grows (hidden panel)."""
        for name, series in self.norm_series.items():
            if name in snap.grad_norms:
                series.extend(np.array([snap.step]), np.array([snap.grad_norms[name]]))
                if draw:
                    self.norm_curves[name].setData(series.x, _log10(series.y))
        if draw and self.norm_series:
            self.follow_steps(self.norm_plot, float(snap.step))
            self.follow_values(
                self.norm_plot, [_log10(x.y) for x in self.norm_series.values()], 0.5
            )
        if snap.grad_h is None:
            return
        self.latest = snap.grad_h
        for name, g in snap.grad_h.items():
            curve = self.flow_curves.get(name)
            if curve is not None and draw:
                curve.setData(np.arange(len(g)), _log10(g), connect="finite")
            hist = self._hist.get(name)
            if hist is not None:
                hist.append(_log10(g))
                del hist[: -self.HISTORY]
        self._hist_steps.append(snap.step)
        del self._hist_steps[: -self.HISTORY]
        if draw:
            self._redraw_map()
            self.follow_values(self.flow_plot, [_log10(g) for g in snap.grad_h.values()], 0.5)
            self.follow_steps(self.map_plot, float(snap.step) + 1)
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):  # catch up on what happened while hidden
            self._stale = False
            for name, series in self.norm_series.items():
                self.norm_curves[name].setData(series.x, _log10(series.y))
            for name, g in (self.latest or {}).items():
                if name in self.flow_curves:
                    self.flow_curves[name].setData(np.arange(len(g)), _log10(g),
                                                   connect="finite")
            self._redraw_map()

    def _redraw_map(self) -> None:
        name = self.layer_combo.currentData()
        hist = self._hist.get(name) if name else None
        if not hist:
            self.image.clear()
            return
        T = max(len(g) for g in hist)
        rows = np.full((len(hist), T), np.nan)
        for i, g in enumerate(hist):
            rows[i, : len(g)] = g
        finite = rows[np.isfinite(rows)]
        hi = float(finite.max()) if finite.size else 0.0
        lo = max(float(finite.min()) if finite.size else -6.0, hi - 8.0)
        if hi - lo < 1e-3:
            lo = hi - 1.0
        # Snapshots are spaced by time, not by step: lay them on an even grid of training
        # steps, each column showing the latest snapshot at or before its step.
        steps = np.asarray(self._hist_steps[-len(hist):], dtype=float)
        x0, x1 = steps[0], steps[-1] + 1
        columns = int(min(self.HISTORY, x1 - x0))
        grid = x0 + (np.arange(columns) + 0.5) * (x1 - x0) / columns
        img = rows[np.searchsorted(steps, grid, side="right") - 1]
        self.image.setImage(img, autoLevels=False, levels=(lo, hi))
        self.colorbar.setLevels((lo, hi))
        self.image.setRect(QRectF(x0, -0.5, x1 - x0, T))

    def has_data(self) -> bool:
        return self.latest is not None and self.image.image is not None

    def table(self) -> tuple[list[str], list[list[object]]]:
        if not self.latest:
            return ["t"], []
        names = list(self.latest)
        T = max(len(v) for v in self.latest.values())
        rows = [
            [t] + [_fmt(self.latest[n][t]) if t < len(self.latest[n]) else "" for n in names]
            for t in range(T)
        ]
        return ["t"] + [f"|dL/dh_t| {n}" for n in names], rows
