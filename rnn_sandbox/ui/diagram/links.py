"""The links of the diagram: single weights (batched into one path per colour by
:class:`LinkLayer`) and the ribbons that stand for a block of weights."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPolygonItem

from rnn_sandbox.ui.diagram.look import (
    INK,
    PENS,
    Pointable,
    TipMixin,
    blend,
)
from rnn_sandbox.ui.diagram.model import DIM, LEVELS, DiagramModel


class ConnectionItem(Pointable):
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
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

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
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

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
            if a == b or level not in PENS:
                self.paths.pop(level, None)
                continue
            xy = self.xy[order[a:b]]
            self.paths[level] = _pairs_path(xy[:, [0, 2]].ravel(), xy[:, [1, 3]].ravel())
        self._order = sorted(self.paths, key=lambda lv: -1 if lv == DIM else abs(lv))

    def paint(self, painter, option, widget=None) -> None:
        tr = painter.worldTransform()
        engine = painter.paintEngine()
        if (engine is not None and engine.type() == QPaintEngine.Type.Raster
                and not tr.isRotating() and self._paint_stamps(painter, tr)):
            return
        self._rebuild_paths()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.xy) <= self.AA_LINES)
        paths = self.paths
        for level in self._order:
            painter.setPen(PENS[level])
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
        img = QImage(max(w, 1), max(h, 1), QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, aa)
        p.translate(pad, pad)
        p.scale(sx * dpr, sy * dpr)
        p.translate(-lo[0], -lo[1])
        lines = self._lines.get(g)
        if lines is None:
            lines = self._lines[g] = [QLineF(*row) for row in xy.tolist()]
        order = sorted(set(levels.tolist()), key=lambda lv: -1 if lv == DIM else abs(lv))
        for level in order:
            if level not in PENS:
                continue
            p.setPen(PENS[level])
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
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def refresh(self) -> None:
        changed = [b.refresh_look() for b in self.bundles]
        if any(changed):
            self.update()

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for b in self.bundles:
            painter.setBrush(b.fill)
            painter.drawPolygon(b.poly)


def _pairs_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """One path of separate segments (x[2k], y[2k]) -> (x[2k+1], y[2k+1])."""
    from pyqtgraph.functions import arrayToQPath

    return arrayToQPath(x, y, connect="pairs", finiteCheck=False)


class BundleItem(TipMixin, QGraphicsPolygonItem):
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
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(0)
        # Painted by the scene's RibbonLayer; the item is there to be pointed at.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.shown_style: tuple | None = None
        self.fill = QBrush(Qt.BrushStyle.NoBrush)

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
            c = blend(INK.ribbon_bg, INK.dim_fill, 40 / 255)
        else:
            f = min(abs(lv), LEVELS) / LEVELS
            c = blend(INK.ribbon_bg, blend(INK.ribbon_mixed, INK.pos if lv >= 0 else INK.neg, f),
                       alpha / 255)
        self.fill = QBrush(c)
        self.setBrush(self.fill)
        return True
