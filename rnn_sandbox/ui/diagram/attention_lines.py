"""Attention on the diagram: from the decoder step in focus, an arc to every encoder step,
as wide as the weight α that step gets (live: the watched sample as it was written; in the
step-through: the traced sample's α at the decoder step being walked)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from rnn_sandbox.ui.diagram.model import DiagramModel
from rnn_sandbox.ui.i18n import tr

MAX_WIDTH = 9.0  # pixels of the arc of a step that gets all the attention (α = 1)
COLOUR = QColor("#E69F00")  # orange: readable on the light and the dark canvas


def arc_width(alpha: float) -> float:
    """The pen width of an arc for weight ``alpha`` (0 … 1): thin but visible at 0."""
    return 0.3 + MAX_WIDTH * float(np.clip(alpha, 0.0, 1.0))


class AttentionArcs(QGraphicsItem):
    """The arcs of one decoder row to one encoder row; ``refresh_look`` follows the model."""

    def __init__(self, model: DiagramModel, encoder: list[tuple[int, QPointF]],
                 decoder: dict[int, QPointF], decoder_offset: int) -> None:
        super().__init__()
        self.model = model
        self.encoder = encoder  # (encoder step, where its top state is drawn)
        self.decoder = decoder  # decoder step → where its top state is drawn
        self.offset = decoder_offset  # the decoder's first step in the whole walk
        self.arcs: dict[int, QGraphicsPathItem] = {}
        for t, _p in encoder:
            arc = QGraphicsPathItem(self)
            arc.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.arcs[t] = arc
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.focus: int | None = None  # the decoder step the arcs leave from
        self.alpha: np.ndarray | None = None  # its weights over the encoder steps

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:  # the arcs paint themselves
        return

    def weights(self) -> tuple[int | None, np.ndarray | None]:
        """The decoder step in focus and its α over the source steps, or nothing to draw."""
        m = self.model
        if m.mode == "live":
            alpha = getattr(m, "attention", None)
            step = m.step - self.offset
        else:
            trace = m.trace
            alpha = None if trace is None else trace.attention
            step = m.step - self.offset
            if step < 0:  # walking the encoder: no decoder step is looking yet
                return None, None
        if alpha is None or not len(alpha):
            return None, None
        t = int(min(max(step, 0), len(alpha) - 1))
        return t, np.asarray(alpha[t], float)

    def refresh_look(self) -> None:
        t, alpha = self.weights()
        start = None if t is None else self.decoder.get(t)
        self.focus, self.alpha = (t, alpha) if start is not None else (None, None)
        self.setVisible(start is not None)
        if t is None or start is None or alpha is None:
            return
        colour = QColor(COLOUR)
        for s, end in self.encoder:
            arc = self.arcs[s]
            a = float(alpha[s]) if s < len(alpha) else 0.0
            lift = 24 + 0.18 * abs(start.x() - end.x())  # far steps arc higher
            path = QPainterPath(start)
            path.cubicTo(QPointF(start.x(), start.y() - lift), QPointF(end.x(), end.y() - lift),
                         end)
            arc.setPath(path)
            colour.setAlphaF(0.35 + 0.6 * min(1.0, 2 * a))
            pen = QPen(colour, arc_width(a))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            arc.setPen(pen)
            arc.setToolTip(tr("α = {0:.3f}: how much decoder step {1} looks at source step "
                              "{2}").format(a, t + 1, s + 1))
