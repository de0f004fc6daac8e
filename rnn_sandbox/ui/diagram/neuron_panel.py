"""The panel of a clicked neuron in the live view: its incoming weights and its value over
the time steps, beside the diagram."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.anatomy import HEAD_BIAS, HEAD_WEIGHT
from rnn_sandbox.ui.diagram import look
from rnn_sandbox.ui.diagram.model import DiagramModel
from rnn_sandbox.ui.diagram.panel import SidePanel
from rnn_sandbox.ui.i18n import tr


class NeuronPanel(SidePanel):
    """The panel of a clicked neuron: its incoming weights and its values over time."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.weights = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF())  # as large as the window's text
        self.weights.setFont(mono)
        self.weights.setWordWrap(True)
        self.weights.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.weights)
        self.plot = pg.PlotWidget(self, background=look.INK.canvas)
        self.plot.setFixedHeight(130)
        self.plot.setLabel("bottom", tr("time step"))
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(look.INK.pos, width=2),
                                    symbol="o", symbolSize=4, symbolBrush=look.INK.pos)
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(look.INK.current, width=1))
        self.plot.addItem(self.marker)
        self.body.addWidget(self.plot)
        self.body.addStretch(1)
        self.item: Any = None  # the neuron, gate, cell state or band it shows

    def follow_theme(self) -> None:
        """The plot in the diagram's colours (light or dark)."""
        self.plot.setBackground(look.INK.canvas)
        self.curve.setPen(pg.mkPen(look.INK.pos, width=2))
        self.curve.setSymbolBrush(look.INK.pos)
        self.marker.setPen(pg.mkPen(look.INK.current, width=1))

    def fill(self, m: DiagramModel, cfg: ExperimentConfig) -> None:
        """Show ``self.item`` as the model has it now."""
        item = self.item
        if item is None:
            return
        unit = item.unit
        title = m.unit_name("hidden" if item.role in ("gate", "cell") else item.role,
                            item.key, unit)
        if item.role == "cell":
            title += tr(", cell state c_t")
        elif item.role == "gate":
            title += tr(", gate {name}").format(name=m.anatomy.gates[item.gate].name)
        self.title.setText(title)
        self.weights.setText(incoming_text(m, cfg, item))
        series = _series(m, item)
        if series is None:
            self.curve.setData([], [])
        else:
            t = np.arange(1, len(series) + 1)
            ok = ~np.isnan(series)
            self.curve.setData(t[ok], series[ok])
        self.plot.setLabel("left", "dL/dh" if m.mode == "backward" else "value")
        seg = m.segment_of(item.key)
        self.marker.setValue(m.focus_t(seg) + 1)


def _series(m: DiagramModel, item: Any) -> np.ndarray | None:
    """The clicked unit's value over time, as the diagram shows it now."""
    vals = m.series(item.role, item.key)
    if vals is None:
        return None
    return np.asarray(vals[:, item.col], dtype=float)


def incoming_text(m: DiagramModel, cfg: ExperimentConfig, item: Any) -> str:
    """The weights into ``item``'s unit, as lines of text."""
    w = m.weights
    j = item.unit
    n = cfg.network

    def row(name: str) -> str:
        v = w[name][j]
        if len(v) > 12:
            return (tr("{name}[{j}]: {len} weights, mean {mean:+.3f}, largest {value:+.3f}").format(
                name=name, j=j, len=len(v), mean=v.mean(), value=v[np.argmax(np.abs(v))]))
        return f"{name}[{j}]: " + " ".join(f"{x:+.2f}" for x in v)

    def linear(weight: str, bias: str) -> str:
        return "\n".join([row(weight), f"{bias}[{j}]: {w[bias][j]:+.3f}"])

    if item.role == "input":
        return tr("Inputs have no incoming weights; their values come from the task.")
    if item.role == "output":
        return linear(HEAD_WEIGHT, HEAD_BIAS)
    a = m.anatomy
    key = item.key
    if not a.state(key).recurrent:  # the dense layer
        return linear(a.param_of(key, "weight"), a.param_of(key, "bias"))
    names = [nm for kind in ("weight_ih", "weight_hh") if (nm := a.find(key, kind))]
    gates = a.gates
    if gates:  # one row of weights per gate: show how large each gate's are
        H = n.hidden_size
        lines = [tr("{upper} cell: {len} gates, each with its own weights").format(
            upper=n.cell.upper(), len=len(gates))]
        for nm in names:
            parts = [f"{g.letter} {np.sqrt(np.mean(w[nm][gi * H + j] ** 2)):.2f}"
                     for gi, g in enumerate(gates)]
            lines.append(f"{nm}[·{j}] rms: " + ", ".join(parts))
        return "\n".join(lines)
    bias = w[a.param_of(key, "bias_ih")][j] + w[a.param_of(key, "bias_hh")][j]
    lines = [row(nm) for nm in names]
    lines.append(tr("bias b_ih + b_hh: {bias:+.3f}   ({nonlinearity})").format(
        bias=bias, nonlinearity=n.nonlinearity))
    return "\n".join(lines)
