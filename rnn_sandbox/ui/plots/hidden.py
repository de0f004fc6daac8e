"""The hidden-state plot: unit × time heatmap of the watched sample, one unit's trace, and
for gated cells any gate or the LSTM's cell state."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from rnn_sandbox.engine import Anatomy, Snapshot
from rnn_sandbox.engine.anatomy import Gate
from rnn_sandbox.ui import fit
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.label_axis import LabelAxis
from rnn_sandbox.ui.plots.base import (
    AXIS_W,
    BAR_W,
    MIN_DATA,
    PALETTE,
    THEMES,
    PlotPanel,
    StepAxis,
    no_min_width,
    plots_height,
)
from rnn_sandbox.ui.words import engine_title

GATE_MAP = pg.colormap.get("viridis")  # 0 = closed (dark), 1 = open (bright)
STATE_MAP = pg.colormap.get("CET-D1")  # signed values: blue < 0 < red


class HiddenStatePlot(PlotPanel):
    """Heatmap of hidden unit × time step for the watched sample; click a unit for its trace.

    For LSTM and GRU networks the heatmap can show any gate or the LSTM's cell state instead
    ("Show"), and a third plot follows every gate of the selected unit over time.
    """

    sampleChanged = Signal(int)
    unitChosen = Signal(str, int)  # a click on a row: the layer's state name, the unit
    CAPTION = (
        QT_TR_NOOP("Each row is one hidden neuron, each column a time step, colour its value h_t. "
        "Click a row to follow that neuron over time.")
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Layer:")))
        self.layer_combo = fit.shrinkable(QComboBox())
        self.layer_combo.setToolTip(tr("Layer and direction whose states are shown"))
        self.layer_combo.currentIndexChanged.connect(lambda _: self._redraw())
        bar.addWidget(self.layer_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(tr("Validation sample:")))
        self.sample_spin = QSpinBox()
        self.sample_spin.setToolTip(tr("Which validation sample is watched while training"))
        self.sample_spin.setKeyboardTracking(False)
        self.sample_spin.valueChanged.connect(self.sampleChanged.emit)
        bar.addWidget(self.sample_spin)
        bar.addStretch(1)
        # The gated cells' choice of what the heatmap shows, on a row of its own: one row
        # of all three would be too wide for a laptop's side column.
        self.view_row = QWidget()
        views = QHBoxLayout(self.view_row)
        views.setContentsMargins(0, 0, 0, 0)
        self.view_label = QLabel(tr("Show:"))
        views.addWidget(self.view_label)
        self.view_combo = fit.shrinkable(QComboBox())
        self.view_combo.setToolTip(
            tr("Hidden state, cell state (LSTM) or one gate of the gated cell, per unit and step")
        )
        self.view_combo.currentIndexChanged.connect(lambda _: self._view_chosen())
        views.addWidget(self.view_combo, 1)
        views.addStretch(1)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.view_row)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)

        # Time steps named by the sample's characters or words, when it has them.
        self.step_axis = LabelAxis("bottom")
        self.map_plot = self._add_plot(0, title=tr("Hidden states h<sub>t</sub>"), colspan=2,
                                       axisItems={"bottom": self.step_axis})
        self.map_plot.setLabel("bottom", tr("time step t"))
        self.map_plot.setLabel("left", tr("hidden unit"))
        self.image = pg.ImageItem(axisOrder="col-major")
        self.map_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-1, 1), colorMap=STATE_MAP, width=12, interactive=False
        )
        self.colorbar.setImageItem(self.image, insert_in=self.map_plot)
        self.marker = pg.InfiniteLine(angle=0, pen=pg.mkPen("#000000", width=1))
        self.map_plot.addItem(self.marker, ignoreBounds=True)
        self.trace_plot = self._add_plot(1, title=tr("Unit 0 over time"),
                                         axisItems={"bottom": StepAxis("bottom")})
        self.trace_plot.setLabel("bottom", tr("time step t"))
        self.trace_plot.setLabel("left", "h")
        self.trace_curve = self.trace_plot.plot(pen=pg.mkPen(PALETTE[0], width=2))
        self.cell_curve = self.trace_plot.plot(
            pen=pg.mkPen(PALETTE[3], width=2, style=Qt.PenStyle.DashLine)
        )
        # The gates of the selected unit, one curve per gate (created once, the unused
        # ones hidden); the plot is shown for gated cells only, beside the unit's trace.
        self.gate_plot = self._add_plot(1, 1, title=tr("Gates of unit 0"),
                                        axisItems={"bottom": StepAxis("bottom")})
        self.gate_plot.setLabel("bottom", tr("time step t"))
        self.gate_plot.setLabel("left", tr("gate"))
        self.gate_plot.setYRange(-1.05, 1.05, padding=0)
        self.gate_plot.enableAutoRange(y=False)
        self.gate_plot.setXLink(self.trace_plot)
        self.gate_curves = [
            self.gate_plot.plot(pen=pg.mkPen(PALETTE[i + 1], width=1.5)) for i in range(4)
        ]
        self.gate_key = no_min_width(
            self.graphics.addLabel("", row=2, col=0, colspan=2, size="8pt")
        )
        for row, stretch in enumerate((3, 2, 0)):
            self.graphics.ci.layout.setRowStretchFactor(row, stretch)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.unit = 0
        self.hidden: dict[str, np.ndarray] | None = None
        self.gates: dict[str, np.ndarray] | None = None
        self.cell: dict[str, np.ndarray] | None = None
        self.kind: str | None = None  # the gated cell whose gates are shown, or None
        self.anatomy: Anatomy | None = None
        # The names of a sample's steps by stack (``Task.step_labels``), set with the task.
        self.step_names: Callable[[int], dict[str, list[str]]] | None = None
        self.nonlinearity = "tanh"
        # What was last handed to the items, so unchanged settings are not set again.
        self._shown: dict[str, object] = {}
        self._wanted_view = "h"  # the learner's choice in "Show"
        self._placed: tuple[bool, bool] | None = None  # (gated, trace beside its gates)
        self._set_kind(None)

    def set_network(self, anatomy: Anatomy, n_val: int, nonlinearity: str) -> None:
        """Layers/directions, cell and number of validation samples of a new experiment."""
        self.hidden = self.gates = self.cell = None
        self.anatomy = anatomy
        self.nonlinearity = nonlinearity
        current = self.layer_combo.currentText()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for s in anatomy.states:
            self.layer_combo.addItem(engine_title(s.label), s.name)
        idx = self.layer_combo.findText(current)
        self.layer_combo.setCurrentIndex(max(idx, 0))
        self.layer_combo.blockSignals(False)
        self.sample_spin.blockSignals(True)
        self.sample_spin.setRange(0, max(0, n_val - 1))
        self.sample_spin.blockSignals(False)
        self._set_kind(None)  # the gates are offered once a snapshot brings them
        self._redraw()

    def _set_kind(self, kind: str | None) -> None:
        """Offer the views of this kind of cell; a simple RNN has only h_t."""
        self.kind = kind
        key = self._wanted_view  # kept across rebuilds that pass through "no gates yet"
        self.view_combo.blockSignals(True)
        self.view_combo.clear()
        self.view_combo.addItem(tr("hidden state h_t"), "h")
        if self.has_c:
            self.view_combo.addItem(tr("cell state c_t"), "c")
        for i, g in enumerate(self._gates()):
            self.view_combo.addItem(f"{engine_title(g.title)} {g.letter}_t", f"gate:{i}")
        self.view_combo.setCurrentIndex(max(0, self.view_combo.findData(key)))
        self.view_combo.blockSignals(False)
        gated = kind is not None
        self.view_row.setVisible(gated)
        self.view_combo.setVisible(gated)
        self.view_label.setVisible(gated)
        self.view_combo.setEnabled(gated)
        self._place_plots()
        self.cell_curve.setVisible(self.has_c)
        gates = self._gates()
        for i, curve in enumerate(self.gate_curves):
            curve.setVisible(i < len(gates))
            if i >= len(gates):
                curve.setData([], [])
        self.gate_key.setText("&nbsp; ".join(
            f"<span style='color:{PALETTE[i + 1]}'>━ {g.letter} {engine_title(g.title)}</span>"
            for i, g in enumerate(gates)
        ))
        self.trace_plot.setLabel("left", tr("h, c (dashed)") if self.has_c else "h")
        self._shown.clear()
        self._view_changed(redraw=False)

    @property
    def has_c(self) -> bool:
        """Whether the cell shown has a cell state c beside h (an LSTM's)."""
        return self.kind is not None and self.anatomy is not None and self.anatomy.cell_state

    def _side_by_side(self) -> bool:
        """Whether the unit's trace and its gates fit side by side, each with a readable
        data area: a narrow or zoomed dock (the Projector's column) stacks them instead,
        so the heatmap fits the dock's width rather than scrolling sideways."""
        room = (self.width() - self.SCROLL_BAR) / self.graphics.zoom
        return room >= 2 * (AXIS_W + MIN_DATA[0])

    SCROLL_BAR = 20  # px kept for a vertical scroll bar when the plots are stacked

    def _place_plots(self) -> None:
        """The unit's trace across the width (no gates), beside its gates or above them."""
        gated = self.kind is not None
        beside = gated and self._side_by_side()
        # A hidden item still takes its room in the layout: take it out instead.
        layout = self.graphics.ci
        place = (gated, beside)
        if place != self._placed:
            self._placed = place
            for item in (self.trace_plot, self.gate_plot, self.gate_key):
                if item in layout.items:
                    layout.removeItem(item)
            layout.addItem(self.trace_plot, row=1, col=0, colspan=1 if beside else 2)
            if gated:
                layout.addItem(self.gate_plot, row=1 if beside else 2, col=1 if beside else 0,
                               colspan=1 if beside else 2)
                layout.addItem(self.gate_key, row=2 if beside else 3, col=0, colspan=2)
            for row, stretch in enumerate((3, 2, 0 if beside or not gated else 2, 0)):
                layout.layout.setRowStretchFactor(row, stretch)
        self.gate_plot.setVisible(gated)
        self.gate_key.setVisible(gated)
        # Every plot keeps a readable data area; the unit's trace and its gates side by
        # side need the width of two, one above the other the height of three.
        width = 2 * (AXIS_W + MIN_DATA[0]) if beside else AXIS_W + MIN_DATA[0] + BAR_W
        rows = 3 if gated and not beside else 2
        if (width, plots_height(rows, keys=int(gated))) != self._min_graphics:
            self.set_min_graphics(width, plots_height(rows, keys=int(gated)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.kind is not None:
            self._place_plots()

    def set_zoom(self, factor: float) -> None:
        super().set_zoom(factor)
        self._place_plots()

    def _gates(self) -> tuple[Gate, ...]:
        """The gates shown now, in PyTorch's order (none for a simple RNN)."""
        return self.anatomy.gates if self.kind is not None and self.anatomy else ()

    def view(self) -> str:
        """The heatmap's content: "h", "c" or "gate:<index>"."""
        return self.view_combo.currentData() or "h"

    def _view_chosen(self) -> None:
        self._wanted_view = self.view()
        self._view_changed()

    def _view_changed(self, redraw: bool = True) -> None:
        key = self.view()
        if key.startswith("gate:"):
            g = self._gates()[int(key[5:])]
            title = tr("{capitalize} {letter}<sub>t</sub>").format(
                capitalize=engine_title(g.title).capitalize(), letter=g.letter)
            title += tr(" (0 closed, 1 open)") if g.squash == "sigmoid" else ""
            cmap = GATE_MAP if g.squash == "sigmoid" else STATE_MAP
        elif key == "c":
            title, cmap = tr("Cell state c<sub>t</sub>"), STATE_MAP
        else:
            title, cmap = tr("Hidden states h<sub>t</sub>"), STATE_MAP
        self.map_plot.setTitle(title, color=THEMES[self.theme]["fg"])
        self.colorbar.setColorMap(cmap)
        self._shown.pop("levels", None)
        if redraw:
            self._redraw()

    def update_snapshot(self, snap: Snapshot) -> None:
        if snap.hidden is None:
            return
        self.hidden, self.gates, self.cell = snap.hidden, snap.gates, snap.cell
        a = self.anatomy
        kind = a.cell if a is not None and a.gated and snap.gates else None
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
        gate_kind = self._gates()[int(key[5:])].squash if key.startswith("gate:") else None
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
        # Time steps are counted from 1, as the diagram and the lessons count them.
        self._set_once("rect", (T, H), lambda s: self.image.setRect(
            QRectF(0.5, -0.5, s[0], s[1])))
        self.step_axis.set_labels(self._names(), first=1)
        self.unit = min(self.unit, H - 1)
        self._set_once("unit", self.unit, self._unit_changed)
        t = np.arange(1, T + 1)
        self.trace_curve.setData(t, h[:, self.unit])
        c = self.cell_state() if self.has_c else None
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
            for i, curve in enumerate(self.gate_curves[: len(self._gates())]):
                g = self.gate(i)
                if g is not None:
                    curve.setData(t, g[:, self.unit])

    def _names(self) -> list[str] | None:
        """The watched sample's steps in the shown layer's stack, named."""
        state = next((s for s in self.anatomy.states
                      if s.name == self.layer_combo.currentData()), None) if self.anatomy else None
        if self.step_names is None or state is None:
            return None
        return self.step_names(self.sample_spin.value()).get(state.part) or None

    def _unit_changed(self, unit: int) -> None:
        self.marker.setValue(unit)
        fg = THEMES[self.theme]["fg"]
        self.trace_plot.setTitle(tr("Unit {unit} over time").format(unit=unit), color=fg)
        self.gate_plot.setTitle(tr("Gates of unit {unit}").format(unit=unit), color=fg)

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
            self.unitChosen.emit(str(self.layer_combo.currentData()), unit)

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
        for i, gate in enumerate(self._gates()):
            g = self.gate(i)
            if g is not None:
                cols.append(g)
                header += [f"{gate.letter}{j}" for j in range(H)]
        data = np.concatenate(cols, axis=1)
        return header, [[t, *map(float, row)] for t, row in enumerate(data)]
