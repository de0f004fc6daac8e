"""A small panel floating over the diagram, with a bold title and a close button (the
clicked neuron's history, its formula)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget


class FloatingPanel(QFrame):
    """``body`` is the layout under the title; hidden until shown."""

    def __init__(self, parent: QWidget, width: int, title: str = "") -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFixedWidth(width)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(6, 4, 6, 6)
        head = QHBoxLayout()
        self.title = QLabel(title, self)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip("Close")
        close.clicked.connect(self.hide)
        head.addWidget(close)
        self.body.addLayout(head)
        self.hide()
