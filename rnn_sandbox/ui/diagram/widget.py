"""The diagram widget: a graphics view of the network plus its own small toolbar."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QVBoxLayout, QWidget

from rnn_sandbox.config import ExperimentConfig


class DiagramWidget(QWidget):
    """Draws the configured network neuron by neuron and lets the learner edit it."""

    configEdited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cfg: ExperimentConfig | None = None
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.Antialiasing)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)

    def set_config(self, cfg: ExperimentConfig) -> None:
        self.cfg = cfg.copy()
        self.scene.clear()
        n = cfg.network
        self.scene.addText(f"{n.architecture}: {n.num_layers} layer(s) of {n.hidden_size}")

    def set_context(self, cfg: ExperimentConfig, sample) -> None:
        self.sample = sample

    def show_snapshot(self, snap) -> None:
        self.snapshot = snap

    def export_image(self, path: str) -> None:
        rect = self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(QSize(int(rect.width()), int(rect.height())))
            gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            p = QPainter(gen)
            self.scene.render(p, QRectF(0, 0, rect.width(), rect.height()), rect)
            p.end()
            return
        img = QImage(int(rect.width()), int(rect.height()), QImage.Format_ARGB32)
        img.fill(Qt.white)
        p = QPainter(img)
        self.scene.render(p, QRectF(img.rect()), rect)
        p.end()
        if not img.save(path):
            raise OSError(f"could not write {path}")
