"""How the diagram's items look: colours of the levels, pens, fonts, and the tooltip and
repaint behaviour the items share."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
)

from rnn_sandbox.ui.diagram.model import DIM, LEVELS, DiagramModel

NEG = QColor(232, 125, 20)
POS = QColor(30, 100, 190)
NEUTRAL = QColor(250, 250, 250)
DIM_FILL = QColor(236, 236, 236)
OUTLINE = QColor(70, 70, 70)
R = 6.0  # neuron radius


def blend(a: QColor, b: QColor, f: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * f),
        round(a.green() + (b.green() - a.green()) * f),
        round(a.blue() + (b.blue() - a.blue()) * f),
    )


def level_color(level: int) -> QColor:
    """Colour of a level in -LEVELS..LEVELS (white at zero)."""
    f = min(abs(level), LEVELS) / LEVELS
    return blend(NEUTRAL, POS if level >= 0 else NEG, f)


BRUSHES = {lv: QBrush(level_color(lv)) for lv in range(-LEVELS, LEVELS + 1)}
BRUSHES[DIM] = QBrush(DIM_FILL)
# The same colours as 0xAARRGGBB words, indexed by level + LEVELS (the last one is DIM).
LUT = np.array(
    [level_color(lv).rgba() for lv in range(-LEVELS, LEVELS + 1)] + [DIM_FILL.rgba()],
    dtype=np.uint32,
)


def _conn_pen(level: int) -> QPen:
    # Opaque colours blended towards the background: antialiased translucent lines cost
    # several times more to draw, and thousands of them are drawn per frame.
    f = min(abs(level), LEVELS) / LEVELS
    c = blend(QColor(238, 238, 238), POS if level >= 0 else NEG, 0.15 + 0.85 * f)
    pen = QPen(c, 0.4 + 2.6 * f * f)  # only the large weights stand out
    pen.setCosmetic(True)  # stroked in device pixels: cheaper than a scaled outline
    return pen


PENS = {lv: _conn_pen(lv) for lv in range(-LEVELS, LEVELS + 1)}
DIM_PEN = QPen(QColor(228, 228, 228), 0.4)
DIM_PEN.setCosmetic(True)
PENS[DIM] = DIM_PEN
OUTLINE_PEN = QPen(OUTLINE, 1.0)
DIM_OUTLINE = QPen(QColor(170, 170, 170), 0.8)
BLANK_PEN = QPen(OUTLINE, 1.2, Qt.DashLine)
CURRENT_PEN = QPen(QColor(200, 150, 0), 2.2)  # the step being computed
SMALL_FONT = QFont("Sans Serif", 7)
LABEL_FONT = QFont("Sans Serif", 8)


def set_text_scale(factor: float) -> None:
    """Labels ``factor`` times their size (UI zoom); items made from now on use it."""
    SMALL_FONT.setPointSizeF(7 * factor)
    LABEL_FONT.setPointSizeF(8 * factor)


CACHE = QGraphicsItem.DeviceCoordinateCache
GATE_R = 6.0  # radius of a gate unit inside an expanded gated neuron


class TipMixin:
    """Sets the tooltip, computed by the model, when the pointer arrives."""

    model: DiagramModel

    def describe(self) -> str:
        """The tooltip text: which of the model's descriptions this item gets."""
        return ""

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.setToolTip(self.describe())
        super().hoverEnterEvent(event)


class Pointable(TipMixin, QGraphicsItem):
    """A Python-painted item with a model-computed tooltip."""

    def __init__(self, model: DiagramModel) -> None:
        super().__init__()
        self.model = model
        self.setAcceptHoverEvents(True)


class Cached:
    """Python-painted items that change with the model: ``look()`` says what they show, and
    the scene repaints them (through their cache) only when it changes."""

    _shown: object = None

    def look(self) -> object:
        return None

    def refresh_look(self) -> None:
        look = self.look()
        if isinstance(look, np.ndarray):
            look = look.tobytes()
        if look != self._shown:
            self._shown = look
            self.update()
