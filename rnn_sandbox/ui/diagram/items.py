"""Graphics items of the diagram: one class per thing a learner points at.

Items hold only where they are and what they stand for (which neuron, which weight); the
colours come from the shared :class:`~rnn_sandbox.ui.diagram.model.DiagramModel`, which
turns the latest numbers into colour levels once per update.  A snapshot therefore costs one
NumPy pass and a repaint, never a rebuild.

Speed: a repaint must not call Python once per item.  Neurons, gate units and ribbons are
Qt's own shape items whose brush is set only when their colour level changes; the single
lines are batched into one path per colour level for the whole scene (:class:`LinkLayer`);
the remaining Python-painted items keep a device-coordinate cache and are repainted only
when what they show changes (``look``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
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
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from rnn_sandbox.ui.diagram.model import DIM, LEVELS, DiagramModel

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
CURRENT_PEN = QPen(QColor(200, 150, 0), 2.2)  # the step being computed
SMALL_FONT = QFont("Sans Serif", 7)
LABEL_FONT = QFont("Sans Serif", 8)


CACHE = QGraphicsItem.DeviceCoordinateCache
GATE_R = 6.0  # radius of a gate unit inside an expanded gated neuron


class _TipMixin:
    """Sets the tooltip, computed by the model, when the pointer arrives."""

    model: DiagramModel

    def describe(self) -> str:
        """The tooltip text: which of the model's descriptions this item gets."""
        return ""

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.setToolTip(self.describe())
        super().hoverEnterEvent(event)


class _Pointable(_TipMixin, QGraphicsItem):
    """A Python-painted item with a model-computed tooltip."""

    def __init__(self, model: DiagramModel) -> None:
        super().__init__()
        self.model = model
        self.setAcceptHoverEvents(True)


class _Cached:
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


class NeuronItem(_TipMixin, QGraphicsEllipseItem):
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
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)
        self.setPos(pos)
        self.setZValue(2)
        self.setCursor(Qt.PointingHandCursor)
        if feedback:  # an inner ring: this input is the previous step's output
            inner = QGraphicsEllipseItem(-r + 2.5, -r + 2.5, 2 * r - 5, 2 * r - 5, self)
            inner.setPen(_DIM_OUTLINE)
            inner.setAcceptedMouseButtons(Qt.NoButton)

    def set_level(self, level: int) -> None:
        self.shown_level = level

    def color(self) -> QColor:
        """The fill colour it shows."""
        return _BRUSHES[self.shown_level].color()

    def level(self) -> int:
        return self.model.neuron_level(self)

    def value(self) -> float | None:
        """The number this neuron shows now (activation, or dL/dh in backward mode)."""
        return self.model.neuron_value(self)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.model.neuron_clicked(self)
        event.accept()


_LETTER_FONT = QFont("Sans Serif")
_LETTER_FONT.setPixelSize(8)


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
        self.letter = QGraphicsSimpleTextItem(letter, self)
        self.letter.setFont(_LETTER_FONT)
        self.letter.setBrush(_DARK)
        br = self.letter.boundingRect()
        self.letter.setPos(-br.width() / 2, -br.height() / 2 - 0.3)
        self.letter.setAcceptedMouseButtons(Qt.NoButton)
        self.letter.setAcceptHoverEvents(False)
        self.letter.setCacheMode(CACHE)  # a blit instead of laying out text every frame
        self._light = False

    def set_level(self, level: int) -> None:
        self.shown_level = level
        light = level != DIM and abs(level) > 0.6 * LEVELS  # a light letter on strong colour
        if light != self._light:
            self._light = light
            self.letter.setBrush(_LIGHT if light else _DARK)


class CellStateItem(GateItem):
    """The LSTM's cell state c_t beside an expanded neuron (role "cell"): a rounded square,
    since it is a memory rather than a unit with an activation function."""

    RADIUS = 6.0
    KIND = 3


class NeuronLayer(QGraphicsItem):
    """Draws every neuron, gate and cell state of the scene in one call: a sprite per
    colour level and kind, rendered once per zoom level, blitted at each unit's place
    (``drawPixmapFragments``).  Hundreds of antialiased circles cost a fraction of a
    millisecond this way instead of a few microseconds each as separate items."""

    KIND_R = (R, R, GATE_R, 6.0)

    def __init__(self, units: list[NeuronItem]) -> None:
        super().__init__()
        self.units = units
        pos = np.array([[u.pos().x(), u.pos().y()] for u in units], dtype=float).reshape(-1, 2)
        self.pos = pos
        self.kind = np.array([u.kind for u in units], dtype=np.intp)
        self.level = np.array([u.shown_level for u in units], dtype=np.int64)
        rect = QRectF()
        if len(units):
            lo, hi = pos.min(axis=0) - 10, pos.max(axis=0) + 10
            rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self._rect = rect
        self._atlas: tuple[float, QPixmap, int] | None = None
        self._frags = None
        self.setZValue(2)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def set_levels(self, idx: np.ndarray, levels: np.ndarray) -> None:
        self.level[idx] = levels
        self.update()

    def _sprites(self, scale: float) -> tuple[QPixmap, int]:
        if self._atlas is not None and abs(self._atlas[0] - scale) < 1e-6:
            return self._atlas[1], self._atlas[2]
        cell = int(np.ceil((2 * R + 4) * scale)) + 2
        img = QImage(cell * (2 * LEVELS + 2), cell * 4, QImage.Format_ARGB32_Premultiplied)
        img.fill(Qt.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        for kind, r in enumerate(self.KIND_R):
            for k in range(2 * LEVELS + 2):
                level = DIM if k == 2 * LEVELS + 1 else k - LEVELS
                dim = level == DIM
                pen = {0: _DIM_OUTLINE if dim else _OUTLINE_PEN, 1: _BLANK_PEN}.get(
                    kind, _DIM_GATE_PEN if dim else _GATE_PEN)
                pen = QPen(pen)
                pen.setWidthF(pen.widthF() * scale)
                p.setPen(pen)
                p.setBrush(_BRUSHES[level])
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
            painter.paintEngine().type() == QPaintEngine.Raster)
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
        f[:, 0] = self.pos[:, 0] * scale + tr.dx()
        f[:, 1] = self.pos[:, 1] * scale + tr.dy()
        f[:, 2] = col * cell
        f[:, 3] = self.kind * cell
        f[:, 4:6] = cell
        f[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)
        painter.save()
        painter.resetTransform()
        painter.drawPixmapFragments(*self._frags.drawargs(), pix)
        painter.restore()

    def _paint_shapes(self, painter) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        for (x, y), kind, level in zip(self.pos, self.kind, self.level, strict=True):
            r = self.KIND_R[kind]
            dim = level == DIM
            pen = {0: _DIM_OUTLINE if dim else _OUTLINE_PEN, 1: _BLANK_PEN}.get(
                int(kind), _DIM_GATE_PEN if dim else _GATE_PEN)
            painter.setPen(pen)
            painter.setBrush(_BRUSHES[int(level)])
            box = QRectF(x - r, y - r, 2 * r, 2 * r)
            if kind == 3:
                painter.drawRoundedRect(box, 1.5, 1.5)
            else:
                painter.drawEllipse(box)


_DARK, _LIGHT = QBrush(QColor(40, 40, 40)), QBrush(QColor(255, 255, 255))
_GATE_PEN = QPen(OUTLINE, 0.7)
_RIBBON_BG = QColor(247, 247, 249)
_DIM_GATE_PEN = QPen(QColor(170, 170, 170), 0.6)


def cell_box(rect: QRectF) -> QGraphicsRectItem:
    """The faint frame that groups an expanded neuron with its gates."""
    box = QGraphicsRectItem(rect)
    box.setPen(QPen(QColor(150, 160, 185), 0.8, Qt.DashLine))
    box.setBrush(QColor(244, 246, 252))
    box.setZValue(1)
    box.setAcceptedMouseButtons(Qt.NoButton)
    return box


class BandItem(_Cached, _Pointable):
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
        self.setCursor(Qt.PointingHandCursor)
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
        self.setToolTip(self.describe())

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

    def describe(self) -> str:
        return self.model.describe_connection(self.param, self.i, self.j, self.t)

    def __init__(
        self, model: DiagramModel, param: str, i: int, j: int, t: int | None,
        p1: QPointF, p2: QPointF,
    ) -> None:
        super().__init__(model)
        self.param, self.i, self.j, self.t = param, i, j, t
        self.line = QLineF(p1, p2)
        self._rect = QRectF(p1, p2).normalized().adjusted(-3, -3, 3, 3)
        self._shape: QPainterPath | None = None
        # Drawn by the scene's LinkLayer; the item is there to be pointed at.
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)

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
        pass  # never called: the item has no contents of its own


LINE_STEP = 4  # colour levels per drawn line strength


class LinkLayer(QGraphicsItem):
    """Every single line of the scene, drawn as one path per colour level (strongest on
    top): a repaint is one Python call and a few dozen path strokes whatever the number of
    lines, and a new set of colours rebuilds only the paths of the levels that gained or
    lost a line.  Many lines are drawn without antialiasing, which costs several times more
    and is not seen among them."""

    AA_LINES = 400
    AA_FAN = 0

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, int | None, np.ndarray, np.ndarray]] = []
        self._coords: list[np.ndarray] = []
        self.xy = np.zeros((0, 4))
        self.shown = np.zeros(0, dtype=np.int64)
        self.paths: dict[int, QPainterPath] = {}
        self._order: list[int] = []  # levels to draw, strongest last
        self._dirty: set[int] = set()  # levels whose path must be rebuilt
        self._rect = QRectF()
        self.setZValue(0.5)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def add_block(self, param: str, t: int | None, conns: list[ConnectionItem]) -> None:
        i = np.array([c.i for c in conns], dtype=np.intp)
        j = np.array([c.j for c in conns], dtype=np.intp)
        self.blocks.append((param, t, i, j))
        self._coords.append(np.array([[c.line.x1(), c.line.y1(), c.line.x2(), c.line.y2()]
                                      for c in conns], dtype=float).reshape(-1, 4))

    def finish(self) -> None:
        self.xy = np.concatenate(self._coords) if self._coords else np.zeros((0, 4))
        self.shown = np.full(len(self.xy), np.iinfo(np.int64).min)
        # Blocks of one matrix at different steps are the same fan moved sideways.  While
        # they also show the same colours (the weights, live), one picture of the fan is
        # drawn and stamped at every step: a fraction of the line drawing.
        stamps: dict[tuple, list[tuple[int, float]]] = {}
        start = 0
        for (param, _, _, _), xy in zip(self.blocks, self._coords, strict=True):
            n = len(xy)
            if n:
                x0 = float(xy[:, [0, 2]].min())
                rel = np.round(xy - [x0, 0.0, x0, 0.0], 3)
                stamps.setdefault((param, rel.tobytes()), []).append((start, x0))
            start += n
        self.stamps = [(key[0], places) for key, places in stamps.items()]
        self._stamp_pix: dict[int, tuple[tuple, QPixmap, QPointF]] = {}
        self._lines: dict[int, list[QLineF]] = {}
        if len(self.xy):
            lo, hi = self.xy.reshape(-1, 2).min(axis=0), self.xy.reshape(-1, 2).max(axis=0)
            self.prepareGeometryChange()
            self._rect = QRectF(lo[0] - 3, lo[1] - 3, hi[0] - lo[0] + 6, hi[1] - lo[1] + 6)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def levels(self, model: DiagramModel) -> np.ndarray:
        out = []
        for param, t, i, j in self.blocks:
            lev = model.link_levels(param, t)
            out.append(np.full(len(i), lev) if isinstance(lev, int) else lev[i, j])
        return np.concatenate(out).astype(np.int64) if out else np.zeros(0, np.int64)

    def refresh(self, model: DiagramModel) -> None:
        lev = self.levels(model)
        # Lines are drawn in 11 strengths per sign rather than 41: a fan of thin lines shows
        # no finer steps, and each strength is one path to rebuild and stroke.
        new = np.where(lev == DIM, DIM, np.rint(lev / LINE_STEP).astype(np.int64) * LINE_STEP)
        changed = new != self.shown
        if not changed.any():
            return
        self._dirty.update(np.union1d(new[changed], self.shown[changed]).tolist())
        self.shown = new
        self.update()

    def _rebuild_paths(self) -> None:
        """The whole-scene path of every level whose lines changed since the last one."""
        if not self._dirty:
            return
        dirty = np.array(sorted(self._dirty), dtype=np.int64)
        self._dirty.clear()
        new = self.shown
        order = np.argsort(new, kind="stable")
        ranked = new[order]
        starts = np.searchsorted(ranked, dirty, side="left")
        ends = np.searchsorted(ranked, dirty, side="right")
        for level, a, b in zip(dirty.tolist(), starts.tolist(), ends.tolist(), strict=True):
            if a == b or level not in _PENS:
                self.paths.pop(level, None)
                continue
            xy = self.xy[order[a:b]]
            self.paths[level] = _pairs_path(xy[:, [0, 2]].ravel(), xy[:, [1, 3]].ravel())
        self._order = sorted(self.paths, key=lambda lv: -1 if lv == DIM else abs(lv))

    def paint(self, painter, option, widget=None) -> None:
        tr = painter.worldTransform()
        engine = painter.paintEngine()
        if (engine is not None and engine.type() == QPaintEngine.Raster
                and not tr.isRotating() and self._paint_stamps(painter, tr)):
            return
        self._rebuild_paths()
        painter.setRenderHint(QPainter.Antialiasing, len(self.xy) <= self.AA_LINES)
        paths = self.paths
        for level in self._order:
            painter.setPen(_PENS[level])
            painter.drawPath(paths[level])

    def _paint_stamps(self, painter, tr) -> bool:
        """Draw each fan once and stamp it at every step; False if the steps differ."""
        shown = self.shown
        jobs = []
        for g, (_, places) in enumerate(self.stamps):
            first = places[0][0]
            n = self._block_len(first)
            ref = shown[first:first + n]
            if any(not np.array_equal(shown[s:s + n], ref) for s, _ in places[1:]):
                return False
            jobs.append((g, first, n, ref, places))
        dpr = painter.device().devicePixelRatioF()
        painter.save()
        painter.resetTransform()
        for g, first, n, ref, places in jobs:
            # Each fan is drawn once: a small one can afford antialiasing.
            pix, corner = self._stamp(g, first, n, ref, tr, dpr, n <= self.AA_FAN)
            for _, x0 in places:
                p = tr.map(QPointF(x0, 0.0))
                painter.drawPixmap(QPointF(round(p.x() + corner.x()), round(corner.y())), pix)
        painter.restore()
        return True

    def _block_len(self, start: int) -> int:
        if not hasattr(self, "_lens"):
            self._lens = {}
            s = 0
            for xy in self._coords:
                self._lens[s] = len(xy)
                s += len(xy)
        return self._lens[start]

    def _stamp(self, g: int, first: int, n: int, levels: np.ndarray, tr, dpr: float,
               aa: bool):
        """The picture of fan ``g`` at the view's scale (in the screen's pixels), and where
        its corner goes relative to the fan's origin."""
        sx, sy = tr.m11(), tr.m22()
        key = (sx, sy, tr.dy(), dpr, aa, levels.tobytes())
        cached = self._stamp_pix.get(g)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        xy = self.xy[first:first + n]
        x0 = float(xy[:, [0, 2]].min())
        lo = np.array([x0, xy[:, [1, 3]].min()])
        hi = np.array([xy[:, [0, 2]].max(), xy[:, [1, 3]].max()])
        pad = 4
        w = int(np.ceil((hi[0] - lo[0]) * sx * dpr)) + 2 * pad
        h = int(np.ceil((hi[1] - lo[1]) * sy * dpr)) + 2 * pad
        img = QImage(max(w, 1), max(h, 1), QImage.Format_ARGB32_Premultiplied)
        img.fill(Qt.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing, aa)
        p.translate(pad, pad)
        p.scale(sx * dpr, sy * dpr)
        p.translate(-lo[0], -lo[1])
        lines = self._lines.get(g)
        if lines is None:
            lines = self._lines[g] = [QLineF(*row) for row in xy.tolist()]
        order = sorted(set(levels.tolist()), key=lambda lv: -1 if lv == DIM else abs(lv))
        for level in order:
            if level not in _PENS:
                continue
            p.setPen(_PENS[level])
            p.drawLines([lines[k] for k in np.flatnonzero(levels == level).tolist()])
        p.end()
        pix = QPixmap.fromImage(img)
        pix.setDevicePixelRatio(dpr)
        top = lo[1] * sy + tr.dy()
        corner = QPointF(-pad / dpr, top - pad / dpr)  # x relative to the fan's origin
        self._stamp_pix[g] = (key, pix, corner)
        return pix, corner


class RibbonLayer(QGraphicsItem):
    """Paints every :class:`BundleItem` ribbon in one call, opaque and without
    antialiasing (translucent or antialiased large areas cost several times more); the
    bundles are there to be pointed at."""

    def __init__(self, bundles: list[BundleItem]) -> None:
        super().__init__()
        self.bundles = bundles
        rect = QRectF()
        for b in bundles:
            rect = rect.united(b.poly.boundingRect())
        self._rect = rect.adjusted(-1, -1, 1, 1)
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def refresh(self) -> None:
        changed = [b.refresh_look() for b in self.bundles]
        if any(changed):
            self.update()

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing, False)
        painter.setPen(Qt.NoPen)
        for b in self.bundles:
            painter.setBrush(b.fill)
            painter.drawPolygon(b.poly)


def _pairs_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """One path of separate segments (x[2k], y[2k]) -> (x[2k+1], y[2k+1])."""
    from pyqtgraph.functions import arrayToQPath

    return arrayToQPath(x, y, connect="pairs", finiteCheck=False)


class BundleItem(_TipMixin, QGraphicsPolygonItem):
    """All weights between two rows at one step, when one of them is summarised as a band.

    Drawn as a ribbon: its colour says whether the weights are mostly positive, mostly
    negative or mixed (grey), its strength their size; the tooltip gives the statistics.
    """

    def describe(self) -> str:
        return self.model.describe_block(self.param, self.rows, self.cols, self.t)

    def __init__(
        self, model: DiagramModel, param: str, rows: slice, cols: slice, t: int | None,
        src: tuple[QPointF, QPointF], dst: tuple[QPointF, QPointF],
    ) -> None:
        self.poly = QPolygonF([src[0], dst[0], dst[1], src[1]])
        super().__init__(self.poly)
        self.model = model
        self.param, self.rows, self.cols, self.t = param, rows, cols, t
        self.setAcceptHoverEvents(True)
        self.setPen(Qt.NoPen)
        self.setZValue(0)
        # Painted by the scene's RibbonLayer; the item is there to be pointed at.
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)
        self.shown_style: tuple | None = None
        self.fill = QBrush(Qt.NoBrush)

    def refresh_look(self) -> bool:
        """Take the model's colour; True if it changed."""
        lv, strength = self.model.bundle_style(self)
        alpha = round(15 + 110 * strength)
        if (lv, alpha) == self.shown_style:
            return False
        self.shown_style = (lv, alpha)
        # The colour as it would look at that opacity over the background, but opaque: an
        # opaque fill costs a quarter of a translucent one.
        if lv == DIM:
            c = _blend(_RIBBON_BG, QColor(200, 200, 200), 40 / 255)
        else:
            f = min(abs(lv), LEVELS) / LEVELS
            c = _blend(_RIBBON_BG, _blend(QColor(140, 140, 150), POS if lv >= 0 else NEG, f),
                       alpha / 255)
        self.fill = QBrush(c)
        self.setBrush(self.fill)
        return True


class NormBarItem(_Cached, _Pointable):
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
        painter.setPen(QPen(QColor(150, 150, 150), 0.6))
        painter.setBrush(QColor(245, 245, 245))
        painter.drawRect(QRectF(-w / 2, 0, w, 5))
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(120, 60, 160))
        painter.drawRect(QRectF(-w / 2, 0, w * f, 5))


class TimeStepColumn(_Cached, QGraphicsItem):
    """The background of one time step, with its label; highlighted at the current step."""

    def __init__(self, model: DiagramModel, seg: str, t: int | None, rect: QRectF,
                 label: str) -> None:
        super().__init__()
        self.model, self.seg, self.t, self.rect, self.label = model, seg, t, rect, label
        self.setZValue(-2)
        self.setCacheMode(CACHE)

    def look(self):
        folded = self.t is None and self.seg != "dense"
        return (self.model.column_highlighted(self),
                self.model.column_focus(self) if folded else None)

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
        self.setCacheMode(CACHE)

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
        self.setCacheMode(CACHE)

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


class LoopItem(_Cached, _Pointable):
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
        self.label_pos = QPointF(top.x() + w - 2, (top.y() + bottom.y()) / 2)
        self.setZValue(1)
        self.setCacheMode(CACHE)

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
        self.setCacheMode(CACHE)

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
