"""The gradient-flow plot: |dL/dh_t| per time step now and over training, and the gradient
norm of every weight matrix."""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from rnn_sandbox.engine import Anatomy, Snapshot
from rnn_sandbox.engine.minimal import ROWS as MINIMAL_CELLS
from rnn_sandbox.engine.minimal import state_jacobian
from rnn_sandbox.ui import fit
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.plots.base import (
    AXIS_W,
    BAR_W,
    HISTORY_REDRAW_INTERVAL,
    MIN_DATA,
    PALETTE,
    THEMES,
    GrowingSeries,
    PlotPanel,
    StepAxis,
    csv_value,
    no_min_width,
    plots_height,
    safe_log10,
)
from rnn_sandbox.ui.words import engine_title


class GradientHistory:
    """Log-gradient profiles of one state over training, as rows of a NaN-padded array.

    At most ``size`` rows are kept, and they span the whole run: when one more comes,
    every other row is dropped (the first and the newest stay), so a long run is shown
    from its start at a coarser spacing instead of losing its beginning.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.rows = np.full((size + 1, 1), np.nan)
        self.steps = np.zeros(size + 1)
        self.n = 0

    def __len__(self) -> int:
        return self.n

    @property
    def last_step(self) -> float | None:
        return float(self.steps[self.n - 1]) if self.n else None

    def append(self, step: float, row: np.ndarray) -> None:
        if len(row) > self.rows.shape[1]:  # a longer batch: widen with NaN
            wider = np.full((len(self.rows), len(row)), np.nan)
            wider[:, : self.rows.shape[1]] = self.rows
            self.rows = wider
        n = self.n
        self.rows[n, : len(row)] = row
        self.rows[n, len(row) :] = np.nan
        self.steps[n] = step
        n += 1
        if n > self.size:  # size + 1 rows, an odd count when size is even: 0 and n-1 stay
            keep = np.arange(0, n, 2) if n % 2 else np.r_[np.arange(0, n - 1, 2), n - 1]
            k = len(keep)
            self.rows[:k] = self.rows[keep]
            self.steps[:k] = self.steps[keep]
            n = k
        self.n = n

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, rows) of the kept profiles, oldest first."""
        return self.steps[: self.n], self.rows[: self.n]


class GradientFlowPlot(PlotPanel):
    """|dL/dh_t| per time step now (and |dL/dc_t| for the LSTM's cell state), as it develops
    over training, and per-parameter norms."""

    HISTORY = 300  # profiles kept for the step × time heatmap (spanning the whole run)
    FEW = 40  # up to this many points, the gradient norms are drawn with markers
    CAPTION = (
        QT_TR_NOOP("How much of the loss's gradient reaches each time step. Falling to the left: "
        "vanishing (early inputs barely learn); rising: exploding (clip or lower the rate). "
        "An LSTM's cell state (dashed) carries it back as far as the forget gates stay open.")
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Heatmap layer:")))
        self.layer_combo = fit.shrinkable(QComboBox())
        self.layer_combo.currentIndexChanged.connect(lambda _: self._redraw_map())
        bar.addWidget(self.layer_combo)
        # minGRU and minLSTM: ∂h_T/∂h_t is exactly the product of their kept fractions (the
        # gates read only x_t); a GRU's gates read h_{t−1} too, so there it is not.
        self.kept_box = QCheckBox(tr("∂h_T/∂h_t as kept fractions"))
        self.kept_box.setToolTip(tr(
            "Instead of the gradient, draw how much of h_t reaches the last state h_T: "
            "the product of the kept fractions of the steps in between, (1 − z) for "
            "minGRU and f/(f+i) for minLSTM, averaged over the units, for the watched "
            "sample. Only for these cells: their gates read only x_t, so nothing else "
            "carries h_t forward."))
        self.kept_box.toggled.connect(lambda _: self._show_kept())
        self.kept_box.hide()
        bar.addStretch(1)
        self._layout.addLayout(bar)
        # A row of its own: beside the heatmap's choice it would widen a laptop's column.
        self._layout.addWidget(self.kept_box)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)

        self.flow_plot = self._add_plot(
            0, title=tr("Gradient at each step |dL/dh<sub>t</sub>|"),
            axisItems={"bottom": StepAxis("bottom")},
        )
        self.flow_plot.setLabel("bottom", tr("time step t"))
        self.flow_plot.setLabel("left", tr("log<sub>10</sub> |dL/dh<sub>t</sub>|"))
        self.flow_plot.addLegend(offset=(-10, 10))
        self.map_plot = self._add_plot(
            1, title=tr("log<sub>10</sub> |dL/dh<sub>t</sub>| over training")
        )
        self.map_plot.setLabel("bottom", tr("training step"))
        self.map_plot.setLabel("left", tr("time step t"))
        self.image = pg.ImageItem(axisOrder="col-major")
        self.map_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-6, 0), colorMap=pg.colormap.get("viridis"), width=12, interactive=False
        )
        self.colorbar.setImageItem(self.image, insert_in=self.map_plot)
        self.norm_plot = self._add_plot(2, title=tr("Gradient norm per weight"))
        self.norm_plot.setLabel("bottom", tr("training step"))
        self.norm_plot.setLabel("left", tr("log<sub>10</sub> ‖∇W‖"))
        for plot in (self.flow_plot, self.norm_plot):
            plot.enableAutoRange(y=False)
        self.flow_plot.enableAutoRange(x=False)
        self.norm_plot.enableAutoRange(x=False)
        self.map_plot.enableAutoRange(x=False, y=False)
        self.norm_plot.setClipToView(True)
        self.norm_plot.setDownsampling(auto=True, mode="peak")
        # A one-line key under the plot: a legend would cover this short plot's curves.
        self.norm_key = no_min_width(self.graphics.addLabel("", row=3, col=0, size="8pt"))
        for r, s in enumerate((1, 1, 1, 0)):  # each plot readable in a laptop's column
            self.graphics.ci.layout.setRowStretchFactor(r, s)
        self.set_min_graphics(AXIS_W + MIN_DATA[0] + BAR_W, plots_height(3, keys=1))
        self.flow_curves: dict[str, pg.PlotDataItem] = {}
        self.cell_curves: dict[str, pg.PlotDataItem] = {}  # |dL/dc_t|, LSTM only
        self.norm_curves: dict[str, pg.PlotDataItem] = {}
        self.norm_series: dict[str, GrowingSeries] = {}
        # ∂h_T/∂h_t of the watched sample per state (minimal cells), drawn instead of
        # |dL/dh_t| while kept_box is ticked; the watched samples' masks give their lengths.
        self.kept_curves: dict[str, pg.PlotDataItem] = {}
        self.latest_kept: dict[str, np.ndarray] | None = None
        self.sample_masks: np.ndarray | None = None
        self.latest: dict[str, np.ndarray] | None = None
        self.latest_c: dict[str, np.ndarray] | None = None
        self.anatomy: Anatomy | None = None
        self._hist: dict[str, GradientHistory] = {}
        self._shown: dict[str, object] = {}
        self._stale = False
        self._norms_drawn = 0.0  # when the norm history was last drawn
        self._norm_catch_up = QTimer(self)
        self._norm_catch_up.setSingleShot(True)
        self._norm_catch_up.setInterval(int(1500 * HISTORY_REDRAW_INTERVAL))
        self._norm_catch_up.timeout.connect(self._draw_history)

    def set_network(self, anatomy: Anatomy) -> None:
        """Curves for a new network shape (the only time items are created).

        The cell-state curves exist for every layer but stay hidden until a snapshot
        brings |dL/dc_t| (an LSTM's, once it has trained a step)."""
        self.anatomy = anatomy
        state_names = anatomy.state_names
        for c in (*self.flow_curves.values(), *self.cell_curves.values(),
                  *self.kept_curves.values()):
            self.flow_plot.removeItem(c)
        for c in self.norm_curves.values():
            self.norm_plot.removeItem(c)
        self.flow_plot.legend.clear()
        self.flow_curves, self.cell_curves, self.kept_curves = {}, {}, {}
        self.norm_curves, self.norm_series = {}, {}
        for i, name in enumerate(state_names):
            colour = PALETTE[i % len(PALETTE)]
            self.flow_curves[name] = self.flow_plot.plot(
                pen=pg.mkPen(colour, width=2), name=engine_title(anatomy.state(name).label)
            )
            cell = self.flow_plot.plot(
                pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine)
            )
            cell.setVisible(False)
            self.cell_curves[name] = cell
            kept = self.flow_plot.plot(
                pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DotLine))
            kept.setVisible(False)
            self.kept_curves[name] = kept
        self.flow_plot.legend.setVisible(len(state_names) > 1)
        kept = anatomy.cell in MINIMAL_CELLS and self.kept_box.isChecked()  # still chosen
        for name in state_names:
            self.flow_curves[name].setVisible(not kept)
            self.kept_curves[name].setVisible(kept)
        key = []
        for i, p in enumerate(anatomy.weights):
            colour = PALETTE[i % len(PALETTE)]
            self.norm_curves[p.name] = self.norm_plot.plot(pen=pg.mkPen(colour, width=1.5))
            self.norm_series[p.name] = GrowingSeries()
            key.append(tr("<span style='color:{colour}'>■ {label}</span>").format(
                colour=colour, label=engine_title(p.label)))
        self.norm_key.setText("&nbsp; ".join(key))
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for s in anatomy.states:
            self.layer_combo.addItem(engine_title(s.label), s.name)
        self.layer_combo.blockSignals(False)
        self.latest = self.latest_c = self.latest_kept = None
        self.kept_box.setVisible(anatomy.cell in MINIMAL_CELLS)
        self._hist = {n: GradientHistory(self.HISTORY) for n in state_names}
        self._shown.clear()
        self._norms_drawn = 0.0
        self._stale = False
        self._set_titles(cell=False)
        self.image.clear()
        # Round ranges before the first step (an empty plot's own would read "0.2 0.4").
        for plot in (self.norm_plot, self.map_plot):
            plot.setXRange(0, 10, padding=0.02)
        self.flow_plot.setXRange(1, 10, padding=0.02)
        self.flow_plot.setYRange(-4, 0, padding=0.05)
        self.norm_plot.setYRange(-2, 1, padding=0.05)
        self.map_plot.setYRange(0.5, 10.5, padding=0)
        self.set_theme(self.theme)

    def kept_shown(self) -> bool:
        """Whether the top plot shows ∂h_T/∂h_t (minimal cells, box ticked)."""
        return self.kept_box.isChecked() and not self.kept_box.isHidden()

    def _set_titles(self, cell: bool) -> None:
        fg = THEMES[self.theme]["fg"]
        if self.kept_shown():
            self.flow_plot.setTitle(
                tr("∂h<sub>T</sub>/∂h<sub>t</sub> = ∏ kept fractions"), color=fg)
            self.flow_plot.setLabel("left", tr("log<sub>10</sub> ∂h<sub>T</sub>/∂h<sub>t</sub>"))
        elif cell:
            self.flow_plot.setTitle(
                tr("Per step: |dL/dh<sub>t</sub>| ━  cell |dL/dc<sub>t</sub>| - -"),
                color=fg)
            self.flow_plot.setLabel("left", tr("log<sub>10</sub> gradient"))
        else:
            self.flow_plot.setTitle(
                tr("Gradient at each step |dL/dh<sub>t</sub>|"), color=fg)
            self.flow_plot.setLabel("left", tr("log<sub>10</sub> |dL/dh<sub>t</sub>|"))

    def _enable_cell(self, names: list[str]) -> None:
        """The first snapshot with |dL/dc_t|: show its curves, offer it in the heatmap."""
        if self.anatomy is None:
            return
        self.layer_combo.blockSignals(True)
        for name in names:
            curve = self.cell_curves.get(name)
            if curve is None:
                continue
            curve.setVisible(True)
            label = engine_title(self.anatomy.state(name).label)
            self.flow_plot.legend.addItem(curve, f"{label} c")
            self.layer_combo.addItem(tr("{label}: cell state c").format(label=label), name + ":c")
            self._hist[name + ":c"] = GradientHistory(self.HISTORY)
        self.layer_combo.blockSignals(False)
        self._set_titles(cell=True)

    def add_norms(self, steps: np.ndarray, norms: Mapping[str, np.ndarray],
                  draw: bool = True) -> None:
        """The gradient norm of each weight at each of ``steps`` (every trained step's);
        with ``draw`` False only the series grow (hidden panel)."""
        if not len(steps):
            return
        for name, series in self.norm_series.items():
            values = norms.get(name)
            if values is not None and len(values) == len(steps):
                series.extend(np.asarray(steps, float), np.asarray(values, float))
        if draw:
            self._draw_history()
        else:
            self._stale = True

    def _last_norm_step(self) -> float | None:
        return max((float(s.x[-1]) for s in self.norm_series.values() if s.n), default=None)

    def update_snapshot(self, snap: Snapshot, draw: bool = True) -> None:
        """Record ``snap``; with ``draw`` False only the history grows (hidden panel).

        A snapshot's gradient norms count for its step unless that step (or a later one)
        has its norms already (from :meth:`add_norms`).  A look at the weights without
        training (a pause, an opened file: ``train_loss`` is NaN) is drawn as the
        gradient now, and enters the histories only at a step they do not reach yet."""
        step = float(snap.step)
        last = self._last_norm_step()
        if snap.grad_norms and (last is None or step > last):
            for name, series in self.norm_series.items():
                if name in snap.grad_norms:
                    series.extend(np.array([step]), np.array([snap.grad_norms[name]]))
        if snap.grad_h is None:
            if draw:
                self._draw_history()
            else:
                self._stale = True
            return
        if snap.gates and self.anatomy is not None and self.anatomy.cell in MINIMAL_CELLS:
            self.latest_kept = self.kept_fractions(snap)
        if snap.grad_c and self.latest_c is None:
            self._enable_cell([n for n in snap.grad_c if n in self.cell_curves])
        self.latest = snap.grad_h
        self.latest_c = snap.grad_c or None
        logs = {name: safe_log10(g) for name, g in snap.grad_h.items()}
        logs_c = {name: safe_log10(g) for name, g in (snap.grad_c or {}).items()}
        for key, lg in [*logs.items(), *((n + ":c", v) for n, v in logs_c.items())]:
            hist = self._hist.get(key)
            if hist is not None and (hist.last_step is None or step > hist.last_step):
                hist.append(step, lg)
        if not draw:
            self._stale = True
            return
        self._stale = False  # everything is drawn now (the histories soon)
        self._draw_flow(logs, logs_c)
        self._draw_history()

    def kept_fractions(self, snap: Snapshot) -> dict[str, np.ndarray]:
        """∂h_T/∂h_t of the watched sample for each state, ``(T,)``, as the mean over the
        units of the product of the kept fractions (NaN on padded steps)."""
        assert self.anatomy is not None and snap.gates is not None
        masks = self.sample_masks
        out = {}
        for name, gates in snap.gates.items():
            info = self.anatomy.state(name)
            length = None
            if (masks is not None and info.part != "decoder"
                    and masks.shape[1] == len(gates) and snap.sample_index < len(masks)):
                length = int(np.count_nonzero(masks[snap.sample_index]))
            jac = state_jacobian(self.anatomy.cell, gates, length, info.reverse)
            out[name] = jac.mean(axis=1)
        return out

    def _show_kept(self) -> None:
        """Switch the top plot between |dL/dh_t| and ∂h_T/∂h_t."""
        kept = self.kept_shown()
        for name, curve in self.flow_curves.items():
            curve.setVisible(not kept)
            self.kept_curves[name].setVisible(kept)
        if kept:
            for curve in self.cell_curves.values():
                curve.setVisible(False)
        self._set_titles(cell=self.latest_c is not None and not kept)
        self._stale = True
        self.catch_up()

    def seed_history(self, name: str, history: list[tuple[int, np.ndarray]]) -> None:
        """Start state ``name``'s heatmap with a run's recorded profiles ``(step, |dL/dh_t|)``
        (``Trainer.gradient_history``: an opened or restored run shows how it trained)."""
        hist = self._hist.get(name)
        if hist is None:
            return
        for step, g in history:
            if hist.last_step is None or step > hist.last_step:
                hist.append(float(step), safe_log10(np.asarray(g, float)))
        self._stale = True

    def catch_up(self) -> None:
        """Draw what came while the panel was out of view (cheap when nothing did)."""
        if not self._stale:
            return
        self._stale = False
        self._draw_norms()
        if self.latest is not None:
            logs = {n: safe_log10(g) for n, g in self.latest.items()}
            logs_c = {n: safe_log10(g) for n, g in (self.latest_c or {}).items()}
            self._draw_flow(logs, logs_c)
        self._redraw_map()

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
            logs.append(safe_log10(series.y))
            curve = self.norm_curves[name]
            # Markers while there are few points: the first step's norms are one point each.
            symbol = "o" if series.n <= self.FEW else None
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)
                curve.setSymbolSize(5)
                colour = curve.opts["pen"].color()
                curve.setSymbolBrush(colour)
                curve.setSymbolPen(colour)
            curve.setData(series.x, logs[-1])
        last = self._last_norm_step()
        if last is not None:
            self.follow_steps(self.norm_plot, last)
            self.follow_values(self.norm_plot, logs, 0.5)

    def _draw_flow(self, logs: dict[str, np.ndarray], logs_c: dict[str, np.ndarray]) -> None:
        """The top plot: |dL/dh_t| (and |dL/dc_t|), or ∂h_T/∂h_t while that is chosen."""
        kept = {n: safe_log10(v) for n, v in (self.latest_kept or {}).items()}
        shown = [*kept.values()] if self.kept_shown() else [*logs.values(), *logs_c.values()]
        T = max((len(v) for v in (*logs.values(), *logs_c.values(), *kept.values())),
                default=0)
        t = np.arange(1, T + 1)  # counted from 1, as the diagram and the lessons count
        for curves, values in ((self.flow_curves, logs), (self.cell_curves, logs_c),
                               (self.kept_curves, kept)):
            for name, lg in values.items():
                curve = curves.get(name)
                if curve is not None:
                    curve.setData(t[: len(lg)], lg, connect="finite")
        if self._shown.get("flow_T") != T:  # the time axis moves only with the length
            self._shown["flow_T"] = T
            self.flow_plot.setXRange(1, max(T, 2), padding=0.02)
        self.follow_values(self.flow_plot, shown, 0.5)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.catch_up()

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
        self.image.setRect(QRectF(x0, 0.5, x1 - x0, T))  # time steps from 1
        if self._shown.get("map_T") != T:
            self._shown["map_T"] = T
            self.map_plot.setYRange(0.5, T + 0.5, padding=0)
        if self._shown.get("map") != name:  # the title names what is shown
            self._shown["map"] = name
            what = "c" if name.endswith(":c") else "h"
            self.map_plot.setTitle(
                tr("log<sub>10</sub> |dL/d{what}<sub>t</sub>| over training").format(what=what),
                color=THEMES[self.theme]["fg"],
            )

    def has_data(self) -> bool:
        return self.latest is not None and self.image.image is not None

    def table(self) -> tuple[list[str], list[list[object]]]:
        if not self.latest:
            return ["t"], []
        cols = [(tr("|dL/dh_t| {n}").format(n=n), v) for n, v in self.latest.items()]
        cols += [(tr("|dL/dc_t| {n}").format(n=n), v) for n, v in (self.latest_c or {}).items()]
        T = max(len(v) for _, v in cols)
        rows = [[t] + [csv_value(v[t]) if t < len(v) else "" for _, v in cols] for t in range(T)]
        return ["t"] + [h for h, _ in cols], rows
