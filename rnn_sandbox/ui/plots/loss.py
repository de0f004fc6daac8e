"""The loss plot: training and validation loss against step, and the task metric."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from rnn_sandbox.tasks import Metric
from rnn_sandbox.ui.i18n import QT_TR_NOOP, baseline_word, tr
from rnn_sandbox.ui.plots.base import (
    AXIS_W,
    HISTORY_REDRAW_INTERVAL,
    MIN_DATA,
    PALETTE,
    GrowingSeries,
    LogAxis,
    PlotPanel,
    csv_value,
    marked_curve,
    no_min_width,
    plots_height,
    round_unit,
    safe_log10,
)

SMOOTHING = 0.95  # weight of the past in the smoothed training loss
FEW = 5  # up to this many training losses, each is marked (one step is no line yet)


class LossPlot(PlotPanel):
    """Training and validation loss against step, and the task metric underneath."""

    CAPTION = (
        QT_TR_NOOP("Training loss of every batch and its trend; validation loss on data the "
                   "network "
        "never trains on. Validation rising while training falls means memorising.")
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        self.log_check = QCheckBox(tr("Log scale"))
        self.log_check.setToolTip(tr("Show the loss on a logarithmic axis"))
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(self.set_log)
        self.smooth_check = QCheckBox(tr("Smoothed"))
        self.smooth_check.setToolTip(tr("Exponential moving average of the training loss"))
        self.smooth_check.setChecked(True)
        self.smooth_check.toggled.connect(lambda _: self._redraw())
        bar.addWidget(self.log_check)
        bar.addWidget(self.smooth_check)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)

        self.loss_plot = self._add_plot(0, title=tr("Loss"), axisItems={"left": LogAxis("left")})
        self.loss_plot.setLabel("left", tr("loss"))
        # A key under the plot rather than a legend on top of the curves.
        # (Qt's rich text reads 8-digit colours as #AARRGGBB: give the faint one plainly.)
        key = [("#7fb8d9", tr("per batch")), (PALETTE[0], tr("smoothed")),
               (PALETTE[3], tr("validation")), (PALETTE[7], tr("- - baseline"))]
        self.key = self.graphics.addLabel(
            "&nbsp; ".join(
                f"<span style='color:{c}'>{'' if t.startswith('-') else '━ '}{t}</span>"
                for c, t in key
            ),
            row=1, col=0, size="8pt",
        )
        no_min_width(self.key)
        self.metric_plot = self._add_plot(2, title=tr("Validation metric"))
        self.metric_plot.setLabel("bottom", tr("training step"))
        self.metric_plot.setXLink(self.loss_plot)
        self._wide: bool | None = None
        self._arrange(wide=False)
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
        self.val_curve = marked_curve(self.loss_plot, PALETTE[3])
        self.metric_curve = marked_curve(self.metric_plot, PALETTE[2])
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
        for plot in (self.loss_plot, self.metric_plot):  # a narrow plot gets the short label
            plot.vb.sigResized.connect(self._label_baseline)
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
        self._catch_up.timeout.connect(self.catch_up)
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
                values, unit = [safe_log10(v) for v in values], 0.5
            else:
                unit = round_unit(values)
            if force:
                plot.setYRange(0, 1e-9, padding=0)  # any range: the data then decide
            self.follow_values(plot, values, unit)

    def _arrange(self, wide: bool) -> None:
        """Loss above the metric in a tall panel, side by side in a wide one (a short
        bottom dock on a laptop would squash two stacked plots to slivers)."""
        if wide == self._wide:
            return
        self._wide = wide
        ci = self.graphics.ci
        for item in (self.loss_plot, self.key, self.metric_plot):
            if item in ci.items:
                ci.removeItem(item)
        if wide:
            ci.addItem(self.loss_plot, row=0, col=0)
            ci.addItem(self.metric_plot, row=0, col=1)
            ci.addItem(self.key, row=1, col=0, colspan=2)
            stretches = (1, 0, 0)
        else:
            ci.addItem(self.loss_plot, row=0, col=0)
            ci.addItem(self.key, row=1, col=0)
            ci.addItem(self.metric_plot, row=2, col=0)
            stretches = (1, 0, 1)  # alike: the least scrolling in a short dock
        for row, stretch in enumerate(stretches):
            ci.layout.setRowStretchFactor(row, stretch)
        self.loss_plot.setLabel("bottom", tr("training step") if wide else None)
        # Stacked, the plots share the metric's step axis: the loss's needs no numbers.
        self.loss_plot.getAxis("bottom").setStyle(showValues=wide)
        self.set_min_graphics(*self.least_size(wide))

    @staticmethod
    def least_size(wide: bool) -> tuple[int, int]:
        """The least size of the plots side by side (``wide``) or stacked."""
        if wide:
            return 2 * (AXIS_W + MIN_DATA[0]) + 10, plots_height(1, keys=1)
        return AXIS_W + MIN_DATA[0], plots_height(2, keys=1, axes=1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Side by side where the panel is wide, or too short for two plots stacked and
        wide enough for two abreast; stacked (scrolling if it must) otherwise."""
        super().resizeEvent(event)
        # Once the layout has sized the plots' area for the panel's new size.
        QTimer.singleShot(0, self, self._rearrange)

    def _rearrange(self) -> None:
        area = self.graphics_area()
        zoom = self.graphics.zoom
        w, h = area.width() / zoom, area.height() / zoom
        room = w >= self.least_size(True)[0]
        self._arrange(wide=room and (w > 1.4 * h or h < self.least_size(False)[1]))

    def set_task(self, baseline: Metric | None, loss_name: str, metric_name: str | None) -> None:
        """Clear, then label for a new experiment; the baseline is drawn dashed."""
        self.loss_name = loss_name
        self.clear()
        self.loss_name = loss_name
        self.baseline = baseline
        self.loss_plot.setTitle(tr("Loss ({loss_name})").format(loss_name=loss_name))
        self.metric_plot.setTitle(tr(metric_name) if metric_name else tr("Validation metric"))
        self._place_baselines()
        self._empty_ranges()

    def _empty_ranges(self) -> None:
        """Round ranges with the baseline in view until the first points come (an empty
        plot's own range would read "1 1" or "8e-10")."""
        log = self.log_check.isChecked()
        loss = [-2.0, 1.0] if log else [0.0, 1.0]
        metric = [0.0, 1.0]
        if self.baseline is not None and np.isfinite(self.baseline.value):
            on_metric = self._baseline_on_metric()
            value = self.baseline.value
            if log and not on_metric:
                value = np.log10(max(value, 1e-300))
            rng = metric if on_metric else loss
            rng[0], rng[1] = min(rng[0], np.floor(value)), max(rng[1], np.ceil(value))
        for plot, (lo, hi) in ((self.loss_plot, loss), (self.metric_plot, metric)):
            plot.setXRange(0, 10, padding=0.02)
            plot.setYRange(lo, hi, padding=0.05)

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
        self._label_baseline()
        tip = tr("Baseline: {name} = {value:.4g}, what a trivial rule scores").format(
            name=baseline_word(b.name), value=b.value)
        line.setToolTip(tip)
        line.label.setToolTip(tip)

    def _label_baseline(self, *_: object) -> None:
        """``baseline "persistence" 0.347`` where it fits in the plot, else ``baseline
        0.347`` (the tooltip names the rule)."""
        b = self.baseline
        if b is None:
            return
        line = self.metric_baseline if self._baseline_on_metric() else self.loss_baseline
        text = tr('baseline "{rule}" {value:.3g}').format(
            rule=tr(b.name.partition(": ")[0] if ": " in b.name else b.name), value=float(b.value))
        room = line.getViewBox().width() if line.getViewBox() is not None else 0
        metrics = QFontMetrics(line.label.textItem.font())
        if room and metrics.horizontalAdvance(text) > 0.95 * room:
            text = tr("baseline {float:.3g}").format(float=float(b.value))
        line.label.setFormat(text)

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
        if metric_name and self.metric_plot.titleLabel.text == "Validation metric":
            self.metric_plot.setTitle(tr(metric_name))
            self._place_baselines()
        self._dirty[0] |= len(steps) > 0
        self._dirty[1] |= len(val_steps) > 0
        if not self.visible_now():
            return  # drawn when shown (showEvent)
        if time.monotonic() - self._last_draw >= HISTORY_REDRAW_INTERVAL:
            self.catch_up()
        else:
            self._catch_up.start()

    def catch_up(self) -> None:
        """Draw the points that came while the panel was out of view or too soon after
        the last redraw."""
        if any(self._dirty):
            self._redraw(*self._dirty)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.catch_up()

    def _redraw(self, train: bool = True, val: bool = True) -> None:
        """Hand the curves their data; only those that got new points."""
        self._dirty = [False, False]
        self._last_draw = time.monotonic()
        self._catch_up.stop()
        smooth = self.smooth_check.isChecked()
        if train:
            # A line needs two points: the first steps' losses are drawn as markers too.
            symbol = "o" if self.train.n <= FEW else None
            if self.train_curve.opts["symbol"] != symbol:
                self.train_curve.setSymbol(symbol)
                self.train_curve.setSymbolSize(5)
                self.train_curve.setSymbolBrush(PALETTE[0])
                self.train_curve.setSymbolPen(None)
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
            [int(s), csv_value(loss), csv_value(val.get(s, np.nan)), csv_value(met.get(s, np.nan))]
            for s, loss in zip(self.train.x.tolist(), self.train.y.tolist(), strict=True)
        ]
        return ["step", "train_loss", "val_loss", "val_metric"], rows
