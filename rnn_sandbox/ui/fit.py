"""Widgets that give up width gracefully on a small screen: a drop-down or a label that is
too narrow for its text shows it shortened with "…" and the whole text in its tooltip, so
a 1280×720 projector never cuts a word without a way to read it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

# Marks a widget that may show its text shortened because the whole text is in its tooltip
# (the screen-size tests accept such a widget as readable).
SHORTENS = "shortensWithTooltip"


class _WholeTextTip(QObject):
    """Puts a drop-down's whole current text first in its tooltip when the tooltip is about
    to show, so the tip is right whatever changed the items (even with signals blocked)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.description = combo.toolTip()
        combo.installEventFilter(self)

    def tip(self, combo: QComboBox) -> str:
        text = combo.currentText()
        if text and self.description:
            return f"{text}\n{self.description}"
        return text or self.description

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QComboBox):
            watched.setToolTip(self.tip(watched))
        return False


def shrinkable(combo: QComboBox, min_chars: int = 8) -> QComboBox:
    """Let ``combo`` be narrower than its longest item (Qt then draws the current text
    shortened with "…"), with the whole current text first in its tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
    _WholeTextTip(combo)
    combo.setProperty(SHORTENS, True)
    return combo


def whole_text_tip(combo: QComboBox) -> str:
    """The tooltip ``combo`` shows now (for a drop-down made :func:`shrinkable`)."""
    for child in combo.children():
        if isinstance(child, _WholeTextTip):
            return child.tip(combo)
    return combo.toolTip()


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" when it is too narrow, keeping the
    whole text in the tooltip (unless a tooltip of its own was set)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty(SHORTENS, True)
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


def fit_to_screen(window: QWidget) -> None:
    """A shown window whose frame is larger than its screen's free area is maximized, so a
    first start on a 1280×720 projector shows every edge of it."""
    screen = window.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > free.width() or frame.height() > free.height():
        window.showMaximized()
