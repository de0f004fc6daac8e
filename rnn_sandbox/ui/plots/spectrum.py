"""The eigenvalues of a simple RNN's W_hh on the complex plane, with the unit circle and the
spectral radius of each layer and direction, as training changes them.

The numbers come from :func:`rnn_sandbox.engine.spectrum.recurrent_spectra`; this panel
only draws them.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from rnn_sandbox.engine import Anatomy
from rnn_sandbox.engine.spectrum import Spectrum, has_spectra, recurrent_spectra
from rnn_sandbox.ui.i18n import QT_TR_NOOP, number, tr
from rnn_sandbox.ui.plots.base import (
    AXIS_W,
    MIN_DATA,
    PALETTE,
    THEMES,
    PlotPanel,
    csv_value,
    no_min_width,
    plots_height,
)

SYMBOLS = ("o", "t", "s", "d", "+", "x", "star", "h")
# Eigenvalues of large matrices take long (a 1024 × 1024 W_hh a good part of a second): the
# panel spends at most this share of the window's time on them and draws the latest
# weights once the pause is over.
SHARE = 0.1


class EigenvaluePlot(PlotPanel):
    """Each W_hh's eigenvalues as points on the complex plane, the unit circle, and the
    spectral radius written under the plot."""

    CAPTION = QT_TR_NOOP(
        "A simple RNN multiplies its state, and the error travelling back, by W_hh at every "
        "step. Eigenvalues inside the unit circle shrink what they meet (vanishing), outside "
        "it they let it grow (exploding); the spectral radius ρ is the largest |λ|.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # For a cell without a square W_hh: what is shown instead, and why.
        self.notice = QLabel(tr(
            "Eigenvalues are shown for the simple RNN. An LSTM's or a GRU's W_hh stacks one "
            "block per gate, and minGRU and minLSTM have none: their gates read only x_t."))
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._layout.addWidget(self.notice)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)
        self.plot = self._add_plot(0, title=tr("Eigenvalues λ of W<sub>hh</sub>"))
        self.plot.setLabel("bottom", tr("real part"))
        self.plot.setLabel("left", tr("imaginary part"))
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        angle = np.linspace(0, 2 * np.pi, 241)
        self.circle = pg.PlotCurveItem(
            np.cos(angle), np.sin(angle),
            pen=pg.mkPen("#888888", width=1.5, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.circle)
        self.key = no_min_width(self.graphics.addLabel("", row=1, col=0, size="8pt"))
        self.set_min_graphics(AXIS_W + max(MIN_DATA[0], MIN_DATA[1]) + 10,
                              plots_height(1, keys=1) + max(0, MIN_DATA[0] - MIN_DATA[1]))
        self.anatomy: Anatomy | None = None
        self.spectra: list[Spectrum] = []
        self.points: dict[str, pg.ScatterPlotItem] = {}
        self._extent = 0.0
        self._show_range(1.0)
        self._cost = 0.0  # seconds the last eigenvalues took
        self._done = 0.0  # when they were drawn
        self._pending: Mapping[str, np.ndarray] | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._draw_pending)

    def set_network(self, anatomy: Anatomy) -> None:
        """Points for each W_hh of ``anatomy`` (the only time items are created)."""
        self.anatomy = anatomy
        self._pending = None
        self._later.stop()
        self._cost = self._done = 0.0
        for item in self.points.values():
            self.plot.removeItem(item)
        self.points = {}
        self.spectra = []
        if has_spectra(anatomy):
            hh = [p for p in anatomy.params if p.kind == "weight_hh"]
            for i, p in enumerate(hh):
                colour = PALETTE[i % len(PALETTE)]
                item = pg.ScatterPlotItem(size=8, symbol=SYMBOLS[i % len(SYMBOLS)],
                                          pen=pg.mkPen(colour), brush=pg.mkBrush(colour))
                self.plot.addItem(item)
                self.points[p.name] = item
        self._extent = 0.0
        self._show_range(1.0)
        self.notice.setVisible(not has_spectra(anatomy))
        self._write_key()

    def show_weights(self, weights: Mapping[str, np.ndarray]) -> None:
        """Draw the eigenvalues of the W_hh in ``weights`` (a snapshot's copies): now, or
        once :data:`SHARE` allows (the latest weights given by then)."""
        if self.anatomy is None or not self.points:
            return
        wait = self._done + self._cost / SHARE - time.monotonic()
        if wait > 0:
            self._pending = weights
            if not self._later.isActive():
                self._later.start(int(wait * 1000) + 1)
            return
        self._pending = None
        started = time.monotonic()
        self.spectra = recurrent_spectra(self.anatomy, weights)
        self._done = time.monotonic()
        self._cost = self._done - started
        for s in self.spectra:
            item = self.points.get(s.name)
            if item is not None:
                eig = s.eigenvalues[np.isfinite(s.eigenvalues)]
                item.setData(eig.real, eig.imag)
        radii = [s.radius for s in self.spectra if np.isfinite(s.radius)]
        self._show_range(max(radii, default=1.0))
        self._write_key()

    def _draw_pending(self) -> None:
        weights, self._pending = self._pending, None
        if weights is not None:
            self._cost = 0.0  # its turn has come
            self.show_weights(weights)

    def _show_range(self, radius: float) -> None:
        """Axes that hold the unit circle and every point; they grow at once and shrink
        only when the points need less than half of them (no jumping at every step)."""
        need = max(1.0, radius) * 1.1
        if need > self._extent or need < self._extent / 2:
            self._extent = need
            self.plot.setXRange(-need, need, padding=0)
            self.plot.setYRange(-need, need, padding=0)

    def _write_key(self) -> None:
        parts = []
        for i, s in enumerate(self.spectra):
            colour = PALETTE[i % len(PALETTE)]
            parts.append(tr("<span style='color:{colour}'>■</span> {label}: ρ = {radius}")
                         .format(colour=colour, label=s.label, radius=number(s.radius, 3)))
        # One to a line: a narrow column holds each whole.
        self.key.setText("<br>".join(parts) or " ", color=THEMES[self.theme]["fg"])

    def set_theme(self, name: str) -> None:
        super().set_theme(name)
        if hasattr(self, "key"):
            self._write_key()

    def has_data(self) -> bool:
        return bool(self.spectra)

    def table(self) -> tuple[list[str], list[list[object]]]:
        header = [tr("weight"), tr("real part"), tr("imaginary part"), "|λ|"]
        rows = [[s.name, csv_value(float(v.real)), csv_value(float(v.imag)),
                 csv_value(float(abs(v)))] for s in self.spectra for v in s.eigenvalues]
        return header, rows
