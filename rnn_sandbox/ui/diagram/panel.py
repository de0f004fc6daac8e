"""A panel beside the diagram, with a bold title and a close button (the clicked neuron's
history, its formula).  It sits in the diagram widget's side area, never over the drawing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from rnn_sandbox.ui.i18n import tr


class SidePanel(QFrame):
    """``body`` is the layout under the title; hidden until shown.  ``shownChanged`` tells
    the side area to open or close around it."""

    shownChanged = Signal(bool)

    def __init__(self, parent: QWidget, title: str = "") -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(6, 4, 6, 6)
        head = QHBoxLayout()
        self.title = QLabel(title, self)
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(tr("Close"))
        close.clicked.connect(self.hide)
        head.addWidget(close)
        self.body.addLayout(head)
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.shownChanged.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self.shownChanged.emit(False)
