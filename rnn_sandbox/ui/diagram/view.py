"""The graphics view of the diagram: zoom with the wheel, pan by dragging, fit to its size
without shrinking the text below a readable size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from rnn_sandbox.ui.diagram import look


class DiagramView(QGraphicsView):
    """Zoom with the wheel, pan by dragging the background.

    Until the learner zooms, the drawing follows the view's size, but never smaller than
    its natural size: its text would fall below a readable size.  What does not fit is
    panned to (the step-through keeps the current step in view); *Fit* shows it all.
    """

    MIN_FIT, MAX_FIT = 1.0, 1.6  # scales the automatic fit keeps to

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(look.INK.canvas)
        self.auto_fit = True  # until the learner zooms, the diagram follows the view's size
        self.fit_all = False  # after *Fit*: all of it, however small
        self.on_resized: Callable[[], None] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()
        if self.on_resized is not None:
            self.on_resized()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self.auto_fit = False
        f = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        s = self.transform().m11() * f
        if 0.1 <= s <= 4.0:
            self.scale(f, f)

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10)
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        s = self.transform().m11()
        lo = 0.1 if self.fit_all else self.MIN_FIT
        if s > self.MAX_FIT or s < lo:
            t = min(self.MAX_FIT, max(lo, s))
            self.resetTransform()
            self.scale(t, t)
            # The top left shows: the first steps, the read-out and the labels.
            vh = self.viewport().height()
            y = rect.top() + vh / (2 * t) if rect.height() * t > vh else rect.center().y()
            self.centerOn(rect.left() + self.viewport().width() / (2 * t), y)
