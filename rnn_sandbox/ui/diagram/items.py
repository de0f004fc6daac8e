"""Graphics items of the diagram: one class per thing a learner points at.

Items hold only where they are and what they stand for (which neuron, which weight); the
colours come from the shared :class:`~rnn_sandbox.ui.diagram.model.DiagramModel`, which
turns the latest numbers into colour levels once per update.  A snapshot therefore costs one
NumPy pass and a repaint, never a rebuild.

Speed: a repaint must not call Python once per item.  Neurons, gate units and ribbons are
Qt's own shape items whose brush is set only when their colour level changes; the single
lines are batched into one path per colour level for the whole scene
(:class:`~rnn_sandbox.ui.diagram.links.LinkLayer`, with the other links in that module);
the remaining Python-painted items keep a device-coordinate cache and are repainted only
when what they show changes (``look``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from rnn_sandbox.ui.diagram.look import (
    BLANK_PEN,
    BRUSHES,
    BUTTON_FONT,
    CACHE,
    DIM_GATE_PEN,
    DIM_OUTLINE,
    GATE_PEN,
    GATE_R,
    INK,
    LABEL_FONT,
    LUT,
    OUTLINE_PEN,
    PENS,
    SMALL_FONT,
    Cached,
    Pointable,
    R,
    TipMixin,
)
from rnn_sandbox.ui.diagram.model import DIM, LEVELS, DiagramModel
from rnn_sandbox.ui.i18n import tr


class NeuronItem(TipMixin, QGraphicsEllipseItem):
    """One neuron at one time step (``t`` is None in the folded view).

    Drawn by the scene's :class:`NeuronLayer` with all others in one call; the item is
    there to be pointed at and clicked.  ``shown_level`` is the colour level it shows;
    ``col`` is its column in the model's value arrays (the unit, or gate*H + unit).
    """

    RADIUS = R
    KIND = 0  # row of the sprite atlas: 0 neuron, 1 blank (dashed), 2 gate, 3 cell state

    def describe(self) -> str:
        return self.model.describe_neuron(self)

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
        r = self.RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.model = model
        self.role, self.key, self.t, self.unit = role, key, t, unit
        self.col = unit
        self.blank, self.feedback = blank, feedback
        self.kind = 1 if blank else self.KIND
        self.shown_level = 0
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setPos(pos)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if feedback:  # an inner ring: this input is the previous step's output
            inner = QGraphicsEllipseItem(-r + 2.5, -r + 2.5, 2 * r - 5, 2 * r - 5, self)
            inner.setPen(DIM_OUTLINE)
            inner.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_level(self, level: int) -> None:
        self.shown_level = level

    def color(self) -> QColor:
        """The fill colour it shows."""
        return BRUSHES[self.shown_level].color()

    def level(self) -> int:
        return self.model.neuron_level(self)

    def value(self) -> float | None:
        """The number this neuron shows now (activation, or dL/dh in backward mode)."""
        return self.model.neuron_value(self)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.model.neuron_clicked(self)
        event.accept()


def text_item(text: str, font: QFont, parent: QGraphicsItem | None = None,
              colour: QColor | None = None) -> QGraphicsSimpleTextItem:
    """A piece of text of the diagram: every text is one of these (so that its size and
    colour are known), never painted by hand."""
    item = QGraphicsSimpleTextItem(text, parent)
    item.setFont(QFont(font))
    item.setBrush(colour if colour is not None else INK.text)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    return item


class GateItem(NeuronItem):
    """One gate of an expanded gated neuron at one step (role "gate"); ``gate`` is its index
    in PyTorch's order."""

    RADIUS = GATE_R
    KIND = 2

    def __init__(self, model: DiagramModel, role: str, key: str, t: int | None, unit: int,
                 gate: int, hidden: int, letter: str, pos: QPointF) -> None:
        super().__init__(model, role, key, t, unit, pos)
        self.gate = gate
        self.col = gate * hidden + unit if role == "gate" else unit
        self.setZValue(3)
        self.letter = text_item(letter, SMALL_FONT, self, INK.letter)
        br = self.letter.boundingRect()
        self.letter.setPos(-br.width() / 2, -br.height() / 2 - 0.3)
        self.letter.setCacheMode(CACHE)  # a blit instead of laying out text every frame
        self._light = False

    def set_level(self, level: int) -> None:
        self.shown_level = level
        light = level != DIM and abs(level) > 0.6 * LEVELS  # a light letter on strong colour
        if light != self._light:
            self._light = light
            self.letter.setBrush(INK.letter_strong if light else INK.letter)


class CellStateItem(GateItem):
    """The LSTM's cell state c_t beside an expanded neuron (role "cell"): a rounded square,
    since it is a memory rather than a unit with an activation function."""

    RADIUS = GATE_R
    KIND = 3


class NeuronLayer(QGraphicsItem):
    """Draws every neuron, gate and cell state of the scene in one call: a sprite per
    colour level and kind, rendered once per zoom level, blitted at each unit's place
    (``drawPixmapFragments``).  Hundreds of antialiased circles cost a fraction of a
    millisecond this way instead of a few microseconds each as separate items."""

    KIND_R = (R, R, GATE_R, GATE_R)

    def __init__(self, units: list[NeuronItem]) -> None:
        super().__init__()
        self.units = units
        pos = np.array([[u.pos().x(), u.pos().y()] for u in units], dtype=float).reshape(-1, 2)
        self.xy = pos  # the units' centres
        self.kind = np.array([u.kind for u in units], dtype=np.intp)
        self.level = np.array([u.shown_level for u in units], dtype=np.int64)
        rect = QRectF()
        if len(units):
            lo, hi = pos.min(axis=0) - 10, pos.max(axis=0) + 10
            rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self._rect = rect
        self._atlas: tuple[float, QPixmap, int] | None = None
        self._frags: Any = None  # pyqtgraph's array of pixmap fragments, made once
        self.setZValue(2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def set_levels(self, idx: np.ndarray, levels: np.ndarray) -> None:
        self.level[idx] = levels
        self.update()

    def _sprites(self, scale: float) -> tuple[QPixmap, int]:
        if self._atlas is not None and abs(self._atlas[0] - scale) < 1e-6:
            return self._atlas[1], self._atlas[2]
        cell = int(np.ceil((2 * max(self.KIND_R) + 4) * scale)) + 2
        img = QImage(cell * (2 * LEVELS + 2), cell * 4, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for kind, r in enumerate(self.KIND_R):
            for k in range(2 * LEVELS + 2):
                level = DIM if k == 2 * LEVELS + 1 else k - LEVELS
                dim = level == DIM
                pen = {0: DIM_OUTLINE if dim else OUTLINE_PEN, 1: BLANK_PEN}.get(
                    kind, DIM_GATE_PEN if dim else GATE_PEN)
                pen = QPen(pen)
                pen.setWidthF(pen.widthF() * scale)
                p.setPen(pen)
                p.setBrush(BRUSHES[level])
                c = QPointF((k + 0.5) * cell, (kind + 0.5) * cell)
                rr = r * scale
                box = QRectF(c.x() - rr, c.y() - rr, 2 * rr, 2 * rr)
                if kind == 3:
                    p.drawRoundedRect(box, 1.5 * scale, 1.5 * scale)
                else:
                    p.drawEllipse(box)
        p.end()
        pix = QPixmap.fromImage(img)
        self._atlas = (scale, pix, cell)
        return pix, cell

    def paint(self, painter, option, widget=None) -> None:
        if not len(self.units):
            return
        tr = painter.worldTransform()
        raster = painter.paintEngine() is not None and (
            painter.paintEngine().type() == QPaintEngine.Type.Raster)
        if not raster or tr.isRotating() or abs(tr.m11() - tr.m22()) > 1e-9:
            self._paint_shapes(painter)  # vector output (SVG) or an unusual transform
            return
        from pyqtgraph.Qt.internals import PrimitiveArray

        scale = tr.m11()
        dpr = painter.device().devicePixelRatioF()  # sprites in the screen's own pixels
        pix, cell = self._sprites(scale * dpr)
        col = np.where(self.level == DIM, 2 * LEVELS + 1,
                       np.clip(self.level, -LEVELS, LEVELS) + LEVELS)
        if self._frags is None:
            self._frags = PrimitiveArray(QPainter.PixmapFragment, 10)
        self._frags.resize(len(self.units))
        f = self._frags.ndarray()
        f[:, 0] = self.xy[:, 0] * scale + tr.dx()
        f[:, 1] = self.xy[:, 1] * scale + tr.dy()
        f[:, 2] = col * cell
        f[:, 3] = self.kind * cell
        f[:, 4:6] = cell
        f[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)
        painter.save()
        painter.resetTransform()
        painter.drawPixmapFragments(*self._frags.drawargs(), pix)
        painter.restore()

    def _paint_shapes(self, painter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (x, y), kind, level in zip(self.xy, self.kind, self.level, strict=True):
            r = self.KIND_R[kind]
            dim = level == DIM
            pen = {0: DIM_OUTLINE if dim else OUTLINE_PEN, 1: BLANK_PEN}.get(
                int(kind), DIM_GATE_PEN if dim else GATE_PEN)
            painter.setPen(pen)
            painter.setBrush(BRUSHES[int(level)])
            box = QRectF(x - r, y - r, 2 * r, 2 * r)
            if kind == 3:
                painter.drawRoundedRect(box, 1.5, 1.5)
            else:
                painter.drawEllipse(box)


def cell_box(rect: QRectF) -> QGraphicsRectItem:
    """The faint frame that groups an expanded neuron with its gates."""
    box = QGraphicsRectItem(rect)
    box.setPen(QPen(INK.box_edge, 0.8, Qt.PenStyle.DashLine))
    box.setBrush(INK.box_fill)
    box.setZValue(1)
    box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return box


class BandItem(Cached, Pointable):
    """A whole layer (or input/output row) at one step, summarised as a strip of cells.

    Used when a row has more units than can be drawn as separate neurons; hovering a cell
    names the unit and its value.
    """

    WIDTH = 12.0

    def describe(self) -> str:
        return self.model.describe_neuron(self)

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
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(CACHE)

    @property
    def col(self) -> int:
        return self.unit

    def look(self):
        return self.levels()

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
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BRUSHES[DIM])
            painter.drawRect(rect)
        else:
            # One pixel per unit, stretched: a single image draw whatever the layer's size.
            idx = np.where(lv == DIM, 2 * LEVELS + 1, np.clip(lv, -LEVELS, LEVELS) + LEVELS)
            argb = np.ascontiguousarray(LUT[idx])
            img = QImage(argb.tobytes(), 1, self.size, 4, QImage.Format.Format_RGB32)
            painter.drawImage(rect, img)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(OUTLINE_PEN)
        painter.drawRect(QRectF(-w / 2, 0, w, self.height))

    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        self.unit = self.unit_at(event.pos().y())
        self.setToolTip(self.describe())

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.unit = self.unit_at(event.pos().y())
        self.model.neuron_clicked(self)
        event.accept()


class NormBarItem(Cached, Pointable):
    """Under a layer at one step, in backward step-through: the size |dL/dh_t| of the
    gradient reaching the layer, on one scale for all steps, so vanishing shows as bars
    shrinking away from the loss."""

    WIDTH = 34.0

    def describe(self) -> str:
        return self.model.describe_norm_bar(self)

    def __init__(self, model: DiagramModel, key: str, t: int, pos: QPointF) -> None:
        super().__init__(model)
        self.key, self.t = key, t
        self.setPos(pos)
        self.setZValue(3)
        self.setCacheMode(CACHE)

    def look(self):
        return self.fraction()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-self.WIDTH / 2 - 1, -1, self.WIDTH + 2, 7)

    def fraction(self) -> float | None:
        return self.model.grad_norm_fraction(self.key, self.t)

    def paint(self, painter, option, widget=None) -> None:
        f = self.fraction()
        if f is None:
            return
        w = self.WIDTH
        painter.setPen(QPen(INK.bar_edge, 0.6))
        painter.setBrush(INK.bar_bg)
        painter.drawRect(QRectF(-w / 2, 0, w, 5))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK.bar)
        painter.drawRect(QRectF(-w / 2, 0, w * f, 5))


class TimeStepColumn(Cached, QGraphicsItem):
    """The background of one time step, with its label; highlighted at the current step."""

    def __init__(self, model: DiagramModel, seg: str, t: int | None, rect: QRectF,
                 label: str) -> None:
        super().__init__()
        self.model, self.seg, self.t, self.rect, self.label = model, seg, t, rect, label
        self.setZValue(-2)
        self.setCacheMode(CACHE)
        self.caption = text_item(label, LABEL_FONT, self, INK.text_dim)
        self._place_caption()

    def _place_caption(self) -> None:
        br = self.caption.boundingRect()
        self.caption.setPos(self.rect.center().x() - br.width() / 2, self.rect.top() + 2)

    def look(self) -> object:
        folded = self.t is None and self.seg != "dense"
        return (self.model.column_highlighted(self),
                self.model.column_focus(self) if folded else None)

    def refresh_look(self) -> None:
        hi = self.model.column_highlighted(self)
        label = self.label
        if self.t is None and self.seg != "dense":  # folded: values of the current step
            focus = self.model.column_focus(self)
            label = tr("folded, showing t={value}").format(value=focus + 1)
        if label != self.caption.text():
            self.caption.setText(label)
            self._place_caption()
        self.caption.setBrush(INK.text if hi else INK.text_dim)
        super().refresh_look()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        hi = self.model.column_highlighted(self)
        painter.setPen(QPen(INK.column_hi_edge if hi else INK.column_edge, 1))
        painter.setBrush(INK.column_hi if hi else INK.column)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # a large area
        painter.drawRect(self.rect)


class LayerLabel(QGraphicsItem):
    """Name of a row (input, a layer and direction, output), right-aligned (or ``align``)
    at ``pos`` and centred on it vertically."""

    def __init__(self, text: str, pos: QPointF, bold: bool = False,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignRight,
                 font: QFont = LABEL_FONT) -> None:
        super().__init__()
        self.text = text
        self.setPos(pos)
        self.setZValue(3)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        f = QFont(font)
        f.setBold(bold)
        self.caption = text_item(text, f, self)
        br = self.caption.boundingRect()
        x = -br.width() if align == Qt.AlignmentFlag.AlignRight else 0.0
        self.caption.setPos(x, -br.height() / 2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.childrenBoundingRect()

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        pass  # the text is its child


class UnitLabel(LayerLabel):
    """A small name beside one unit (``x1``, ``blank``)."""

    def __init__(self, text: str, pos: QPointF) -> None:
        super().__init__(text, pos, font=SMALL_FONT)


class EllipsisItem(QGraphicsItem):
    """Stands for the steps left out between the first and the last shown ones."""

    def __init__(self, rect: QRectF, hidden_steps: int) -> None:
        super().__init__()
        self.rect, self.hidden_steps = rect, hidden_steps
        self.setToolTip(tr("%n time step(s) are not drawn (same weights at every step)",
                           n=hidden_steps))
        self.setZValue(-1)
        self.setCacheMode(CACHE)
        self.caption = text_item(tr("⋯\n{hidden_steps} steps").format(
            hidden_steps=hidden_steps), LABEL_FONT, self, INK.text_dim)
        br = self.caption.boundingRect()
        self.caption.setPos(rect.center().x() - br.width() / 2, rect.top() + 2)
        self._line_top = rect.top() + 4 + br.height()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        painter.setPen(QPen(INK.text_dim, 1.5, Qt.PenStyle.DotLine))
        x = self.rect.center().x()
        painter.drawLine(QPointF(x, self._line_top), QPointF(x, self.rect.bottom() - 4))


class CutItem(QGraphicsItem):
    """Where truncated BPTT cuts the gradient's way back between two steps of a layer:
    shown while walking backward."""

    def __init__(self, model: DiagramModel, x: float, top: float, bottom: float,
                 tip: str) -> None:
        super().__init__()
        self.model = model
        self.setPos(x, top)
        self.height = bottom - top
        self.setToolTip(tip)
        self.setZValue(4)
        self.caption = text_item("cut", SMALL_FONT, self, INK.neg)
        br = self.caption.boundingRect()
        self.caption.setPos(-br.width() / 2, -br.height() - 1)
        self.setVisible(False)

    def refresh_look(self) -> None:
        self.setVisible(self.model.mode == "backward")

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-3, 0, 6, self.height)

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        painter.setPen(QPen(INK.neg, 2.0, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(0, 0), QPointF(0, self.height))


class ArrowItem(Pointable):
    """A state or value passed along without a weight: state arrows between steps, the
    encoder's final state handed to the decoder, an output fed back as the next input."""

    def describe(self) -> str:
        return self.text

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
        self.setCacheMode(CACHE)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.path.boundingRect().united(self.head.boundingRect()).adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        s = QPainterPathStroker()
        s.setWidth(6)
        return s.createStroke(self.path)

    def paint(self, painter, option, widget=None) -> None:
        colour = {"handover": INK.handover, "feedback": INK.feedback}.get(self.kind, INK.arrow)
        style = Qt.PenStyle.DashLine if self.kind == "feedback" else Qt.PenStyle.SolidLine
        width = 2.5 if self.kind == "handover" else 1.3
        painter.setPen(QPen(colour, width, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(self.head)


def _arrow_head(line: QLineF, size: float) -> QPolygonF:
    u = line.unitVector()
    d = QPointF(u.dx(), u.dy())
    n = QPointF(-d.y(), d.x())
    tip = line.p2()
    return QPolygonF([tip, tip - d * size + n * size * 0.5, tip - d * size - n * size * 0.5])


class LoopItem(Cached, Pointable):
    """The recurrent weights of one layer in the folded view: the loop from the layer's
    output back into itself, one time step later."""

    def describe(self) -> str:
        return self.model.describe_block(self.param, slice(None), slice(None), None)

    def __init__(self, model: DiagramModel, param: str, top: QPointF, bottom: QPointF) -> None:
        super().__init__(model)
        self.param = param
        self.t = None
        w = 34.0
        self.path = QPainterPath(top + QPointF(8, 0))
        self.path.cubicTo(top + QPointF(w, -10), bottom + QPointF(w, 10), bottom + QPointF(8, 0))
        self.head = _arrow_head(QLineF(bottom + QPointF(22, 6), bottom + QPointF(8, 0)), 7.0)
        self.setZValue(1)
        self.setCacheMode(CACHE)
        self.caption = text_item("W_hh", SMALL_FONT, self, INK.text_dim)
        br = self.caption.boundingRect()
        self.caption.setPos(top.x() + w, (top.y() + bottom.y()) / 2 - br.height() / 2)

    def look(self):
        return self.model.matrix_level(self.param)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.path.boundingRect().adjusted(-4, -12, 40, 12)

    def shape(self) -> QPainterPath:
        s = QPainterPathStroker()
        s.setWidth(8)
        return s.createStroke(self.path)

    def paint(self, painter, option, widget=None) -> None:
        lv = self.model.matrix_level(self.param)
        pen = QPen(PENS[lv].color(), max(1.5, PENS[lv].widthF()))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setBrush(pen.color())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(self.head)


class ButtonItem(QGraphicsItem):
    """A small clickable button inside the diagram (add or remove a neuron)."""

    def __init__(self, text: str, tip: str, pos: QPointF, action: Callable[[], None],
                 name: str = "") -> None:
        super().__init__()
        self.text, self.action, self.name = text, action, name
        self.setToolTip(tip)
        self.setPos(pos)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(4)
        self._hover = False
        self.setCacheMode(CACHE)
        self.caption = text_item(text, BUTTON_FONT, self)
        br = self.caption.boundingRect()
        # As large as its text asks, never smaller than a finger's worth of a mouse.
        self._rect = QRectF(0, 0, max(22.0, br.width() + 10), max(20.0, br.height() + 2))
        self.caption.setPos((self._rect.width() - br.width()) / 2,
                            (self._rect.height() - br.height()) / 2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        painter.setPen(QPen(INK.button_edge, 1))
        painter.setBrush(INK.button_hover if self._hover else INK.button)
        painter.drawRoundedRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._rect.contains(event.pos()):
            self.action()
