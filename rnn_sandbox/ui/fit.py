"""Widgets that give up width gracefully on a small screen: a drop-down or a label that is
too narrow for its text shows it shortened with "…" and the whole text in its tooltip, so
a 1280×720 projector never cuts a word without a way to read it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget


def shrinkable(combo: QComboBox, min_chars: int = 8) -> QComboBox:
    """Let ``combo`` be narrower than its longest item (Qt then draws the current text
    shortened with "…"), with the whole current text first in its tooltip."""
    description = combo.toolTip()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())

    def show_whole(_index: int = 0) -> None:
        text = combo.currentText()
        combo.setToolTip(f"{text}\n{description}" if description and text else
                         text or description)

    combo.currentIndexChanged.connect(show_whole)
    show_whole()
    return combo


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" when it is too narrow, keeping the
    whole text in the tooltip (unless a tooltip of its own was set)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 4))
        self._own_tip = ""

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._own_tip = tip
        super().setToolTip(tip)

    def elided(self) -> bool:
        """Whether the text is shown shortened now."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.elided():
            if not self._own_tip:
                super().setToolTip("")
            super().paintEvent(event)
            return
        if not self._own_tip:
            super().setToolTip(self.text())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter.drawText(rect, int(self.alignment()), text)
