"""Gradient sources (after RNNbow): where in time one weight's gradient comes from.

Entry (s, t) is the part of the gradient that output step s's loss term sends to the use
of the weight at input step t (:func:`rnn_sandbox.engine.itemize.itemized_gradients`), for
the watched sample.  Drawn as an image of log10 norms, output steps up, input steps across:
a simple RNN's gradients fade away from the diagonal (vanishing), an LSTM's reach further
back.  A sequence-level loss (many-to-one, CTC) has one term: one bar per input step.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from rnn_sandbox.engine import Anatomy, Snapshot
from rnn_sandbox.ui import fit
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.plots.base import (
    AXIS_W,
    BAR_W,
    MIN_DATA,
    THEMES,
    PlotPanel,
    csv_value,
    no_min_width,
    plots_height,
    safe_log10,
)
from rnn_sandbox.ui.words import engine_title

DECADES = 8  # the colour scale spans at most this many powers of ten below the largest


class ItemizedPlot(PlotPanel):
    """The (output step × input step) matrix of one weight's gradient contributions."""

    CAPTION = (
        QT_TR_NOOP("Which steps a weight learns from: row s, column t is how much output step s's "
        "loss changes the weight where step t uses it. Fading away from the diagonal: "
        "vanishing gradients; an LSTM's cell state reaches further back.")
    )
    # The weight to itemize (its name) changed: the window asks the training for it.
    weightChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Weight:")))
        self.weight_combo = fit.shrinkable(QComboBox())
        self.weight_combo.currentIndexChanged.connect(self._weight_chosen)
        bar.addWidget(self.weight_combo)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)

        self.plot = self._add_plot(
            0, title=tr("log<sub>10</sub> ‖contribution‖ of step t to L<sub>s</sub>")
        )
        self.plot.setLabel("bottom", tr("input step t (where the weight is used)"))
        self.plot.setLabel("left", tr("output step s"))
        self.plot.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-6, 0), colorMap=pg.colormap.get("viridis"), width=12, interactive=False
        )
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush="#0072B2")
        self.plot.addItem(self.bars)
        # Where the encoder ends and the decoder begins (seq2seq).
        self.boundary = pg.InfiniteLine(angle=90, pen=pg.mkPen("#D55E00", width=1.5))
        self.plot.addItem(self.boundary)
        self.boundary.setVisible(False)
        self.hover = no_min_width(self.graphics.addLabel("", row=1, col=0, size="8pt"))
        self.hover_text = ""
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.anatomy: Anatomy | None = None
        self.values: np.ndarray | None = None  # (T_out, T_in) norms of the chosen weight
        self.encoder_steps = 0
        self._shown_shape: tuple[float, ...] | None = None
        self.plot.setXRange(0.5, 10.5, padding=0)
        self.plot.setYRange(0.5, 10.5, padding=0)
        self.set_min_graphics(AXIS_W + MIN_DATA[0] + BAR_W, plots_height(1, keys=1))

    # -- the network and the chosen weight ------------------------------------------------------
    def set_network(self, anatomy: Anatomy, encoder_steps: int = 0) -> None:
        """Offer ``anatomy``'s weights (the first recurrent W_hh chosen) and forget the data.
        ``encoder_steps``: a seq2seq network's source length, marked by a line."""
        self.anatomy = anatomy
        self.encoder_steps = encoder_steps
        self.weight_combo.blockSignals(True)
        self.weight_combo.clear()
        for p in anatomy.weights:
            self.weight_combo.addItem(engine_title(p.label or p.name), p.name)
        first_hh = next((i for i, p in enumerate(anatomy.weights) if p.kind == "weight_hh"), 0)
        self.weight_combo.setCurrentIndex(first_hh)
        self.weight_combo.blockSignals(False)
        self.clear()
        self._shown_shape = None
        self.set_theme(self.theme)
        self.weightChanged.emit(self.chosen or "")

    @property
    def chosen(self) -> str | None:
        """The name of the weight shown."""
        return self.weight_combo.currentData()

    def _weight_chosen(self) -> None:
        self.clear()
        self.weightChanged.emit(self.chosen or "")

    def clear(self) -> None:
        self.values = None
        self.image.clear()
        self.bars.setOpts(x=[], height=[], y0=0)
        self.boundary.setVisible(False)
        self._set_hover("")

    # -- drawing --------------------------------------------------------------------------------
    def update_snapshot(self, snap: Snapshot) -> None:
        """Draw the chosen weight's itemized gradients, if the snapshot has them."""
        if not snap.itemized or self.chosen not in snap.itemized:
            return
        self.show_values(np.asarray(snap.itemized[self.chosen], dtype=float))

    def show_values(self, values: np.ndarray) -> None:
        """Draw ``values`` ``(T_out, T_in)``: an image, or bars when ``T_out`` is 1."""
        self.values = values
        T_out, T_in = values.shape
        logs = safe_log10(values)
        finite = logs[np.isfinite(logs)]
        hi = float(np.ceil(finite.max())) if finite.size else 0.0
        lo = max(float(np.floor(finite.min())) if finite.size else hi - 6, hi - DECADES)
        if hi - lo < 1:
            lo = hi - 1
        fg = THEMES[self.theme]["fg"]
        if T_out == 1:
            self.image.clear()
            self.colorbar.setVisible(False)
            heights = np.where(np.isfinite(logs[0]), np.maximum(logs[0], lo) - lo, 0.0)
            self.bars.setOpts(x=np.arange(1, T_in + 1), height=heights, y0=lo, width=0.8)
            self.bars.setVisible(True)
            if self._shown_shape != (1, T_in, lo, hi):
                self._shown_shape = (1, T_in, lo, hi)
                self.plot.setLabel("left", tr("log<sub>10</sub> ‖contribution‖"))
                self.plot.setTitle(tr("The whole sequence's loss: contribution of step t"),
                                   color=fg)
                self.plot.setXRange(0.5, T_in + 0.5, padding=0)
                self.plot.setYRange(lo, hi, padding=0.02)
        else:
            self.bars.setVisible(False)
            self.colorbar.setVisible(True)
            self.image.setImage(logs.T, autoLevels=False, levels=(lo, hi))
            self.image.setRect(QRectF(0.5, 0.5, T_in, T_out))  # steps counted from 1
            self.colorbar.setLevels((lo, hi))
            if self._shown_shape != (T_out, T_in):
                self._shown_shape = (T_out, T_in)
                self.plot.setLabel("left", tr("output step s"))
                self.plot.setTitle(
                    tr("log<sub>10</sub> ‖contribution‖ of step t to L<sub>s</sub>"), color=fg)
                self.plot.setXRange(0.5, T_in + 0.5, padding=0)
                self.plot.setYRange(0.5, T_out + 0.5, padding=0)
        if 0 < self.encoder_steps < T_in:
            self.boundary.setPos(self.encoder_steps + 0.5)
            self.boundary.setVisible(True)

    # -- hover ----------------------------------------------------------------------------------
    def describe(self, s: int, t: int) -> str:
        """The text for output step ``s`` and input step ``t`` (0-based), or ""."""
        v = self.values
        if v is None or not (0 <= s < v.shape[0] and 0 <= t < v.shape[1]):
            return ""
        where = f"t = {t + 1}"
        if self.encoder_steps and t >= self.encoder_steps:
            where = tr("decoder step {value}").format(value=t + 1 - self.encoder_steps)
        elif self.encoder_steps:
            where = tr("encoder step {value}").format(value=t + 1)
        loss = (tr("the sequence's loss") if v.shape[0] == 1
                else tr("L at output step {step}").format(step=s + 1))
        return tr("{loss}, {where}: ‖contribution‖ = {value:.3g}").format(
            loss=loss, where=where, value=v[s, t])

    def _mouse_moved(self, pos) -> None:
        if self.values is None or not self.plot.sceneBoundingRect().contains(pos):
            self._set_hover("")
            return
        p = self.plot.vb.mapSceneToView(pos)
        t = int(round(p.x())) - 1
        s = 0 if self.values.shape[0] == 1 else int(round(p.y())) - 1
        self._set_hover(self.describe(s, t))

    def _set_hover(self, text: str) -> None:
        self.hover_text = text
        self.hover.setText(text or " ", color=THEMES[self.theme]["fg"])

    # -- export ---------------------------------------------------------------------------------
    def has_data(self) -> bool:
        return self.values is not None

    def table(self) -> tuple[list[str], list[list[object]]]:
        header = [tr("output step s"), tr("input step t"), tr("|contribution| {value}").format(
            value=self.chosen or '')]
        if self.values is None:
            return header, []
        rows = [[s + 1, t + 1, csv_value(float(v))]
                for (s, t), v in np.ndenumerate(self.values)]
        return header, rows
