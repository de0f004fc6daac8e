"""Graphics items of the diagram: one class per thing a learner points at.

Items hold only where they are and what they stand for (which neuron, which weight); the
colours come from the shared :class:`~rnn_sandbox.ui.diagram.model.DiagramModel`, which
turns the latest numbers into colour levels once per update.  A snapshot therefore costs one
NumPy pass and a repaint, never a rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from rnn_sandbox.ui.diagram.model import DiagramModel

# Colour levels: -LEVELS..LEVELS map to orange (negative) .. white .. blue (positive).
LEVELS = 20
DIM = -10_000  # level of a value not computed yet (step-through) or unknown
NEG = QColor(232, 125, 20)
POS = QColor(30, 100, 190)
NEUTRAL = QColor(250, 250, 250)
DIM_FILL = QColor(236, 236, 236)
OUTLINE = QColor(70, 70, 70)
R = 6.0  # neuron radius


def _blend(a: QColor, b: QColor, f: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * f),
        round(a.green() + (b.green() - a.green()) * f),
        round(a.blue() + (b.blue() - a.blue()) * f),
    )


def level_color(level: int) -> QColor:
    """Colour of a level in -LEVELS..LEVELS (white at zero)."""
    f = min(abs(level), LEVELS) / LEVELS
    return _blend(NEUTRAL, POS if level >= 0 else NEG, f)


_BRUSHES = {lv: QBrush(level_color(lv)) for lv in range(-LEVELS, LEVELS + 1)}
_BRUSHES[DIM] = QBrush(DIM_FILL)
# The same colours as 0xAARRGGBB words, indexed by level + LEVELS (the last one is DIM).
_LUT = np.array(
    [level_color(lv).rgba() for lv in range(-LEVELS, LEVELS + 1)] + [DIM_FILL.rgba()],
    dtype=np.uint32,
)


def _conn_pen(level: int) -> QPen:
    # Opaque colours blended towards the background: antialiased translucent lines cost
    # several times more to draw, and thousands of them are drawn per frame.
    f = min(abs(level), LEVELS) / LEVELS
    c = _blend(QColor(238, 238, 238), POS if level >= 0 else NEG, 0.15 + 0.85 * f)
    pen = QPen(c, 0.4 + 2.6 * f * f)  # only the large weights stand out
    pen.setCosmetic(True)  # stroked in device pixels: cheaper than a scaled outline
    return pen


_PENS = {lv: _conn_pen(lv) for lv in range(-LEVELS, LEVELS + 1)}
_DIM_PEN = QPen(QColor(228, 228, 228), 0.4)
_DIM_PEN.setCosmetic(True)
_PENS[DIM] = _DIM_PEN
_OUTLINE_PEN = QPen(OUTLINE, 1.0)
_DIM_OUTLINE = QPen(QColor(170, 170, 170), 0.8)
_BLANK_PEN = QPen(OUTLINE, 1.2, Qt.DashLine)
_CURRENT_PEN = QPen(QColor(200, 150, 0), 2.2)  # the step being computed
SMALL_FONT = QFont("Sans Serif", 7)
LABEL_FONT = QFont("Sans Serif", 8)


_CURRENT_RECT = QRectF(-R - 3, -R - 3, 2 * R + 6, 2 * R + 6)


class _Pointable(QGraphicsItem):
    """An item with a tooltip computed by the model when the pointer arrives."""

    def __init__(self, model: DiagramModel) -> None:
        super().__init__()
        self.model = model
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.setToolTip(self.model.describe(self))
        super().hoverEnterEvent(event)


class NeuronItem(_Pointable):
    """One neuron at one time step (``t`` is None in the folded view)."""

    def __init__(
        self,
        model: DiagramModel,
        role: str,  # "input", "hidden" or "output"
        key: str,  # state name for hidden ("l0_reverse"), segment for input/output
        t: int | None,
        unit: int,
        pos: QPointF,
        blank: bool = False,
        feedback: bool = False,
    ) -> None:
        super().__init__(model)
        self.role, self.key, self.t, self.unit = role, key, t, unit
        self.blank, self.feedback = blank, feedback
        self.setPos(pos)
        self.setZValue(2)
        self.setCursor(Qt.PointingHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return _CURRENT_RECT

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addEllipse(QRectF(-R, -R, 2 * R, 2 * R))
        return p

    def level(self) -> int:
        return self.model.neuron_level(self)

    def value(self) -> float | None:
        """The number this neuron shows now (activation, or dL/dh in backward mode)."""
        return self.model.neuron_value(self)

    def paint(self, painter, option, widget=None) -> None:
        lv = self.level()
        painter.setBrush(_BRUSHES[lv])
        if self.blank:
            painter.setPen(_BLANK_PEN)
        else:
            painter.setPen(_DIM_OUTLINE if lv == DIM else _OUTLINE_PEN)
        painter.drawEllipse(QRectF(-R, -R, 2 * R, 2 * R))
        if self.model.is_current(self):
            painter.setBrush(Qt.NoBrush)
            painter.setPen(_CURRENT_PEN)
            painter.drawEllipse(QRectF(-R - 1.5, -R - 1.5, 2 * R + 3, 2 * R + 3))
        if self.feedback:
            painter.setPen(_DIM_OUTLINE)
            painter.drawEllipse(QRectF(-R + 2.5, -R + 2.5, 2 * R - 5, 2 * R - 5))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.model.neuron_clicked(self)
        event.accept()


class BandItem(_Pointable):
    """A whole layer (or input/output row) at one step, summarised as a strip of cells.

    Used when a row has more units than can be drawn as separate neurons; hovering a cell
    names the unit and its value.
    """

    WIDTH = 12.0

    def __init__(
        self, model: DiagramModel, role: str, key: str, t: int | None, size: int,
        pos: QPointF, height: float,
    ) -> None:
        super().__init__(model)
        self.role, self.key, self.t, self.size = role, key, t, size
        self.height = height
        self.unit = 0
        self.setPos(pos)
        self.setZValue(2)
        self.setCursor(Qt.PointingHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-self.WIDTH / 2 - 1, -1, self.WIDTH + 2, self.height + 2)

    def unit_at(self, y: float) -> int:
        return max(0, min(self.size - 1, int(y / self.height * self.size)))

    def levels(self):
        return self.model.band_levels(self)

    def paint(self, painter, option, widget=None) -> None:
        lv = self.levels()
        w = self.WIDTH
        rect = QRectF(-w / 2, 0, w, self.height)
        if lv is None:
            painter.setPen(Qt.NoPen)
            painter.setBrush(_BRUSHES[DIM])
            painter.drawRect(rect)
        else:
            # One pixel per unit, stretched: a single image draw whatever the layer's size.
            idx = np.where(lv == DIM, 2 * LEVELS + 1, np.clip(lv, -LEVELS, LEVELS) + LEVELS)
            argb = np.ascontiguousarray(_LUT[idx])
            img = QImage(argb.tobytes(), 1, self.size, 4, QImage.Format_RGB32)
            painter.drawImage(rect, img)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(_OUTLINE_PEN)
        painter.drawRect(QRectF(-w / 2, 0, w, self.height))

    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        self.unit = self.unit_at(event.pos().y())
        self.setToolTip(self.model.describe(self))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.unit = self.unit_at(event.pos().y())
        self.model.neuron_clicked(self)
        event.accept()


class ConnectionItem(_Pointable):
    """One weight ``param[i, j]`` drawn from neuron ``j`` of the source to neuron ``i``.

    ``t`` is the time step of the receiving neuron (None in the folded view); the colour is
    the weight's sign, the thickness its size, or in backward step-through the gradient this
    weight receives at step ``t``.
    """

    def __init__(
        self, model: DiagramModel, param: str, i: int, j: int, t: int | None,
        p1: QPointF, p2: QPointF,
    ) -> None:
        super().__init__(model)
        self.param, self.i, self.j, self.t = param, i, j, t
        self.line = QLineF(p1, p2)
        self._rect = QRectF(p1, p2).normalized().adjusted(-3, -3, 3, 3)
        self._shape: QPainterPath | None = None

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self.line.p1())
            path.lineTo(self.line.p2())
            s = QPainterPathStroker()
            s.setWidth(4)
            self._shape = s.createStroke(path)
        return self._shape

    def level(self) -> int:
        return self.model.connection_level(self)

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(_PENS[self.level()])
        painter.drawLine(self.line)


class LinkBlockItem(QGraphicsItem):
    """Paints the lines of one block of :class:`ConnectionItem` s (one weight matrix
    between two rows at one step) in a few batched calls, strongest on top.

    The connection items stay in the scene for pointing (tooltips); drawing them one call
    each would cost a Python call per line and frame.
    """

    def __init__(self, model: DiagramModel, param: str, t: int | None,
                 conns: list[ConnectionItem]) -> None:
        super().__init__()
        self.model, self.param, self.t = model, param, t
        self.lines = [c.line for c in conns]
        self.i = np.array([c.i for c in conns], dtype=np.intp)
        self.j = np.array([c.j for c in conns], dtype=np.intp)
        rect = QRectF()
        for c in conns:
            rect = rect.united(c.boundingRect())
            c.setFlag(QGraphicsItem.ItemHasNoContents, True)
        self._rect = rect
        self.setZValue(0)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        lev = self.model.link_levels(self.param, self.t)
        # Dense fans: antialiasing costs several times more and is not seen among many lines.
        painter.setRenderHint(QPainter.Antialiasing, len(self.lines) <= 100)
        if isinstance(lev, int):
            painter.setPen(_PENS[lev])
            painter.drawLines(self.lines)
            return
        lv = lev[self.i, self.j]
        for level in sorted(np.unique(lv).tolist(), key=abs):
            painter.setPen(_PENS[level])
            painter.drawLines([self.lines[k] for k in np.flatnonzero(lv == level)])


class BundleItem(_Pointable):
    """All weights between two rows at one step, when one of them is summarised as a band.

    Drawn as a ribbon: its colour says whether the weights are mostly positive, mostly
    negative or mixed (grey), its opacity their size; the tooltip gives the statistics.
    """

    def __init__(
        self, model: DiagramModel, param: str, rows: slice, cols: slice, t: int | None,
        src: tuple[QPointF, QPointF], dst: tuple[QPointF, QPointF],
    ) -> None:
        super().__init__(model)
        self.param, self.rows, self.cols, self.t = param, rows, cols, t
        self.poly = QPolygonF([src[0], dst[0], dst[1], src[1]])
        self.setZValue(0)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.poly.boundingRect().adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addPolygon(self.poly)
        return p

    def paint(self, painter, option, widget=None) -> None:
        lv, strength = self.model.bundle_style(self)
        if lv == DIM:
            c = QColor(200, 200, 200, 40)
        else:
            f = min(abs(lv), LEVELS) / LEVELS
            c = _blend(QColor(140, 140, 150), POS if lv >= 0 else NEG, f)
            c.setAlpha(round(15 + 110 * strength))
        painter.setPen(Qt.NoPen)
        painter.setBrush(QBrush(c))
        painter.setRenderHint(QPainter.Antialiasing, False)  # large translucent areas
        painter.drawPolygon(self.poly)


class NormBarItem(_Pointable):
    """Under a layer at one step, in backward step-through: the size |dL/dh_t| of the
    gradient reaching the layer, on one scale for all steps, so vanishing shows as bars
    shrinking away from the loss."""

    WIDTH = 34.0

    def __init__(self, model: DiagramModel, key: str, t: int, pos: QPointF) -> None:
        super().__init__(model)
        self.key, self.t = key, t
        self.setPos(pos)
        self.setZValue(3)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-self.WIDTH / 2 - 1, -1, self.WIDTH + 2, 7)

    def fraction(self) -> float | None:
        return self.model.grad_norm_fraction(self.key, self.t)

    def paint(self, painter, option, widget=None) -> None:
        f = self.fraction()
        if f is None:
            return
        w = self.WIDTH
        painter.setPen(QPen(QColor(150, 150, 150), 0.6))
        painter.setBrush(QColor(245, 245, 245))
        painter.drawRect(QRectF(-w / 2, 0, w, 5))
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(120, 60, 160))
        painter.drawRect(QRectF(-w / 2, 0, w * f, 5))


class TimeStepColumn(QGraphicsItem):
    """The background of one time step, with its label; highlighted at the current step."""

    def __init__(self, model: DiagramModel, seg: str, t: int | None, rect: QRectF,
                 label: str) -> None:
        super().__init__()
        self.model, self.seg, self.t, self.rect, self.label = model, seg, t, rect, label
        self.setZValue(-2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter, option, widget=None) -> None:
        hi = self.model.column_highlighted(self)
        painter.setPen(QPen(QColor(205, 215, 230) if hi else QColor(232, 232, 232), 1))
        painter.setBrush(QColor(232, 240, 252) if hi else QColor(248, 248, 248))
        painter.setRenderHint(QPainter.Antialiasing, False)  # a large area: fill it plainly
        painter.drawRect(self.rect)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setPen(QColor(60, 60, 60) if hi else QColor(120, 120, 120))
        painter.setFont(LABEL_FONT)
        label = self.label
        if self.t is None and self.seg != "dense":  # folded: values of the current step
            label = f"folded, showing t={self.model.column_focus(self) + 1}"
        painter.drawText(
            QRectF(self.rect.left(), self.rect.top() + 2, self.rect.width(), 14),
            Qt.AlignHCenter | Qt.AlignTop, label,
        )


class LayerLabel(QGraphicsItem):
    """Name of a row (input, a layer and direction, output), right-aligned at ``pos``."""

    def __init__(self, text: str, pos: QPointF, width: float = 110.0, bold: bool = False,
                 align=Qt.AlignRight) -> None:
        super().__init__()
        self.text, self.width, self.align = text, width, align
        self.font = QFont(LABEL_FONT)
        self.font.setBold(bold)
        self.setPos(pos)
        self.setZValue(3)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-self.width, -24, self.width, 48)

    def paint(self, painter, option, widget=None) -> None:
        painter.setFont(self.font)
        painter.setPen(QColor(40, 40, 40))
        painter.drawText(self.boundingRect(), self.align | Qt.AlignVCenter | Qt.TextWordWrap,
                         self.text)


class UnitLabel(LayerLabel):
    """A small name beside one unit (``x1``, ``blank``)."""

    def __init__(self, text: str, pos: QPointF) -> None:
        super().__init__(text, pos, width=44)
        self.font = QFont(SMALL_FONT)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-self.width, -7, self.width, 14)


class EllipsisItem(QGraphicsItem):
    """Stands for the steps left out between the first and the last shown ones."""

    def __init__(self, rect: QRectF, hidden_steps: int) -> None:
        super().__init__()
        self.rect, self.hidden_steps = rect, hidden_steps
        self.setToolTip(f"{hidden_steps} time steps are not drawn (same weights at every step)")
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(QPen(QColor(150, 150, 150), 1.5, Qt.DotLine))
        x = self.rect.center().x()
        painter.drawLine(QPointF(x, self.rect.top() + 24), QPointF(x, self.rect.bottom() - 4))
        painter.setPen(QColor(90, 90, 90))
        painter.setFont(LABEL_FONT)
        painter.drawText(
            QRectF(self.rect.left() - 20, self.rect.top() + 2, self.rect.width() + 40, 30),
            Qt.AlignHCenter | Qt.AlignTop, f"⋯\n{self.hidden_steps} steps",
        )


class ArrowItem(_Pointable):
    """A state or value passed along without a weight: state arrows between steps, the
    encoder's final state handed to the decoder, an output fed back as the next input."""

    def __init__(self, model: DiagramModel, kind: str, p1: QPointF, p2: QPointF,
                 text: str, bend: float = 0.0, bend_x: float = 0.0) -> None:
        super().__init__(model)
        self.kind, self.text = kind, text
        self.path = QPainterPath(p1)
        if bend or bend_x:
            mid = (p1 + p2) / 2 + QPointF(bend_x, bend)
            self.path.quadTo(mid, p2)
        else:
            self.path.lineTo(p2)
        self.p2 = p2
        tangent = QLineF(self.path.pointAtPercent(0.93), p2)
        self.head = _arrow_head(tangent, 6.0)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.path.boundingRect().united(self.head.boundingRect()).adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        s = QPainterPathStroker()
        s.setWidth(6)
        return s.createStroke(self.path)

    def paint(self, painter, option, widget=None) -> None:
        colour = {"handover": QColor(120, 60, 160), "feedback": QColor(40, 140, 80)}.get(
            self.kind, QColor(110, 110, 110))
        style = Qt.DashLine if self.kind == "feedback" else Qt.SolidLine
        width = 2.5 if self.kind == "handover" else 1.3
        painter.setPen(QPen(colour, width, style))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(self.head)


def _arrow_head(line: QLineF, size: float) -> QPolygonF:
    u = line.unitVector()
    d = QPointF(u.dx(), u.dy())
    n = QPointF(-d.y(), d.x())
    tip = line.p2()
    return QPolygonF([tip, tip - d * size + n * size * 0.5, tip - d * size - n * size * 0.5])


class LoopItem(_Pointable):
    """The recurrent weights of one layer in the folded view: the loop from the layer's
    output back into itself, one time step later."""

    def __init__(self, model: DiagramModel, param: str, top: QPointF, bottom: QPointF) -> None:
        super().__init__(model)
        self.param = param
        self.t = None
        w = 34.0
        self.path = QPainterPath(top + QPointF(8, 0))
        self.path.cubicTo(top + QPointF(w, -10), bottom + QPointF(w, 10), bottom + QPointF(8, 0))
        self.head = _arrow_head(QLineF(bottom + QPointF(22, 6), bottom + QPointF(8, 0)), 7.0)
        self.label_pos = QPointF(top.x() + w - 2, (top.y() + bottom.y()) / 2)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.path.boundingRect().adjusted(-4, -12, 40, 12)

    def shape(self) -> QPainterPath:
        s = QPainterPathStroker()
        s.setWidth(8)
        return s.createStroke(self.path)

    def paint(self, painter, option, widget=None) -> None:
        lv = self.model.matrix_level(self.param)
        pen = QPen(_PENS[lv].color(), max(1.5, _PENS[lv].widthF()))
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path)
        painter.setBrush(pen.color())
        painter.setPen(Qt.NoPen)
        painter.drawPolygon(self.head)
        painter.setPen(QColor(60, 60, 60))
        painter.setFont(SMALL_FONT)
        painter.drawText(self.label_pos + QPointF(2, 4), "W_hh")


class ButtonItem(QGraphicsItem):
    """A small clickable button inside the diagram (add or remove a neuron)."""

    def __init__(self, text: str, tip: str, pos: QPointF, action: Callable[[], None],
                 name: str = "") -> None:
        super().__init__()
        self.text, self.action, self.name = text, action, name
        self.setToolTip(tip)
        self.setPos(pos)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(4)
        self._hover = False

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, 18, 16)

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        painter.setBrush(QColor(215, 228, 245) if self._hover else QColor(245, 245, 245))
        painter.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(QColor(30, 30, 30))
        f = QFont(LABEL_FONT)
        f.setBold(True)
        painter.setFont(f)
        painter.drawText(self.boundingRect(), Qt.AlignCenter, self.text)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.boundingRect().contains(event.pos()):
            self.action()
