"""A sample's steps as text coloured by one unit (Karpathy et al. 2015) and every unit as a
small strip of colours: painted widgets whose height follows their width."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from rnn_sandbox.ui.i18n import tr

NEWLINE = "⏎"
PAD, GAP, LINE_GAP = 2, 4, 3  # pixels around a token, between words, between lines


def colour(value: float, levels: tuple[float, float]) -> QColor:
    """Blue below 0, white at 0, red above, full at the levels' ends (the hidden-state
    heatmap's reading); NaN is grey."""
    if not np.isfinite(value):
        return QColor(220, 220, 220)
    top = max(abs(levels[0]), abs(levels[1]), 1e-12)
    a = float(np.clip(value / top, -1.0, 1.0))
    if a >= 0:
        return QColor(255, int(255 * (1 - 0.8 * a)), int(255 * (1 - 0.85 * a)))
    a = -a
    return QColor(int(255 * (1 - 0.85 * a)), int(255 * (1 - 0.6 * a)), 255)


def colours(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """:func:`colour` of every value at once, as RGB bytes ``(..., 3)``."""
    top = max(abs(levels[0]), abs(levels[1]), 1e-12)
    v = np.asarray(values, float)
    a = np.clip(np.nan_to_num(v / top), -1.0, 1.0)
    pos, neg = np.maximum(a, 0.0), np.maximum(-a, 0.0)
    rgb = np.stack([255 * (1 - 0.85 * neg), 255 * (1 - 0.8 * pos - 0.6 * neg),
                    255 * (1 - 0.85 * pos)], axis=-1)
    rgb[~np.isfinite(v)] = 220
    return np.ascontiguousarray(np.rint(rgb).astype(np.uint8))


def levels_of(values: np.ndarray) -> tuple[float, float]:
    """Symmetric levels: ±1 for values within it (tanh, gates), else ±the largest."""
    top = float(np.nanmax(np.abs(values))) if np.size(values) else 1.0
    top = top if np.isfinite(top) else 1.0
    return (-1.0, 1.0) if top <= 1.0 else (-top, top)


class TextStrip(QWidget):
    """The tokens of one sample, wrapped into lines, each on the colour of a unit's value
    at its step.  Dragging over tokens selects a span (``spanSelected(start, end)``, end
    excluded); a highlighted span is framed."""

    spanSelected = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tokens: list[str] = []
        self.values = np.zeros(0)
        self.levels = (-1.0, 1.0)
        self.span: tuple[int, int] | None = None
        self.what = ""  # named in the tooltip: "unit 3"
        self._boxes: list[QRect] = []
        self._press: int | None = None
        self._laid_width = -1
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(80)

    def show_values(self, tokens: Sequence[str], values: np.ndarray,
                    levels: tuple[float, float] | None = None, what: str = "") -> None:
        self.tokens = [str(t) for t in tokens]
        self.values = np.asarray(values, float)[: len(self.tokens)]
        self.levels = levels if levels is not None else levels_of(self.values)
        self.what = what
        self._laid_width = -1
        self._lay_out()
        self.update()

    def set_span(self, span: tuple[int, int] | None) -> None:
        self.span = span
        self.update()

    # -- layout ------------------------------------------------------------------------
    def _chars(self) -> bool:
        return all(len(t) == 1 for t in self.tokens)

    def _lay_out(self) -> None:
        width = max(40, self.width())
        fm = QFontMetrics(self.font())
        h = fm.height() + 2 * PAD
        gap = 0 if self._chars() else GAP
        x = y = 0
        boxes = []
        for tok in self.tokens:
            w = max(fm.horizontalAdvance(tok), fm.horizontalAdvance(" ")) + 2 * PAD
            if x > 0 and x + w > width:
                x, y = 0, y + h + LINE_GAP
            boxes.append(QRect(x, y, w, h))
            x += w + gap
            if tok == NEWLINE:
                x, y = 0, y + h + LINE_GAP
        self._boxes = boxes
        self._laid_width = self.width()
        need = (boxes[-1].bottom() + 1 if boxes else h) + 2
        if self.minimumHeight() != need or self.maximumHeight() != need:
            self.setFixedHeight(need)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.size().width() != self._laid_width:
            self._lay_out()
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(320, self.height() or 40)

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self._laid_width != self.width():
            self._lay_out()
        p = QPainter(self)
        p.setPen(QPen(QColor(30, 30, 30)))
        for i, (tok, box) in enumerate(zip(self.tokens, self._boxes, strict=False)):
            v = self.values[i] if i < len(self.values) else np.nan
            p.fillRect(box, colour(float(v), self.levels))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, tok)
        if self.span is not None and self._boxes:
            a, b = self.span
            p.setPen(QPen(QColor(20, 20, 20), 2))
            for box in self._boxes[max(0, a): max(0, min(b, len(self._boxes)))]:
                p.drawLine(box.bottomLeft(), box.bottomRight())
        p.end()

    # -- mouse -------------------------------------------------------------------------
    def token_at(self, pos: QPoint) -> int | None:
        for i, box in enumerate(self._boxes):
            if box.adjusted(0, 0, GAP, LINE_GAP).contains(pos):
                return i
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._press = self.token_at(event.position().toPoint())
        if self._press is not None:
            self.set_span((self._press, self._press + 1))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        i = self.token_at(event.position().toPoint())
        if self._press is not None and i is not None:
            self.set_span((min(self._press, i), max(self._press, i) + 1))
        elif i is not None and i < len(self.values):
            QToolTip.showText(event.globalPosition().toPoint(),
                              tr("step {0}: {1}, {2} = {3}").format(
                                  i + 1, repr(self.tokens[i]), self.what,
                                  f"{self.values[i]:+.2f}"), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._press is not None and self.span is not None:
            self.spanSelected.emit(*self.span)
        self._press = None


class SmallMultiples(QWidget):
    """Every unit as a small strip of colours over the sample's steps, in a grid; a click
    chooses a unit (``unitChosen``)."""

    unitChosen = Signal(int)
    CELL_H = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states = np.zeros((0, 0))  # (steps, units)
        self.levels = (-1.0, 1.0)
        self.chosen = 0
        self._laid_width = -1
        self._rgb = np.zeros((0, 0, 3), np.uint8)
        self._image = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(80)

    def show_states(self, states: np.ndarray, chosen: int) -> None:
        self.states = np.asarray(states, float)
        self.levels = levels_of(self.states)
        self.chosen = chosen
        # One image row per unit, coloured once: a repaint only scales rows into place.
        if self.states.ndim == 2 and self.states.size:
            self._rgb = colours(self.states.T, self.levels)  # (units, steps, 3)
            units, T = self._rgb.shape[:2]
            self._image = QImage(self._rgb.data, T, units, 3 * T, QImage.Format.Format_RGB888)
        self._lay_out()
        self.update()

    def _cell(self) -> tuple[int, int, int]:
        """Cell width, label width and columns for the current width."""
        T = max(1, self.states.shape[0])
        label = QFontMetrics(self.font()).horizontalAdvance("000") + 4
        strip = int(np.clip(2 * T, 40, 120))
        cols = max(1, (max(80, self.width()) + 6) // (label + strip + 6))
        return strip, label, cols

    def _lay_out(self) -> None:
        strip, label, cols = self._cell()
        units = self.states.shape[1] if self.states.ndim == 2 else 0
        rows = -(-units // cols) if units else 1
        row_h = max(self.CELL_H, QFontMetrics(self.font()).height()) + 3
        self._laid_width = self.width()
        self.setFixedHeight(rows * row_h + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.size().width() != self._laid_width:
            self._lay_out()
        super().resizeEvent(event)

    def _rect(self, unit: int) -> QRect:
        strip, label, cols = self._cell()
        row_h = max(self.CELL_H, QFontMetrics(self.font()).height()) + 3
        r, c = divmod(unit, cols)
        return QRect(c * (label + strip + 6), r * row_h, label + strip, row_h - 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.states.ndim != 2 or self.states.size == 0:
            return
        strip, label, _ = self._cell()
        p = QPainter(self)
        T, units = self.states.shape
        for u in range(units):
            box = self._rect(u)
            p.setPen(QColor(90, 90, 90))
            p.drawText(QRect(box.left(), box.top(), label - 2, box.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(u))
            x0 = box.left() + label
            p.drawImage(QRect(x0, box.top() + 1, strip, box.height() - 2), self._image,
                        QRect(0, u, T, 1))
            if u == self.chosen:
                p.setPen(QPen(QColor(20, 20, 20), 2))
                p.drawRect(QRect(x0 - 1, box.top(), strip + 1, box.height()))
        p.end()

    def unit_at(self, pos: QPoint) -> int | None:
        units = self.states.shape[1] if self.states.ndim == 2 else 0
        for u in range(units):
            if self._rect(u).contains(pos):
                return u
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        u = self.unit_at(event.position().toPoint())
        if u is not None:
            self.unitChosen.emit(u)
