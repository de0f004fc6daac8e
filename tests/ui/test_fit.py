"""Widgets that shorten their text on a small screen keep the whole text a hover away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QComboBox

from rnn_sandbox.ui.fit import SHORTENS, shrinkable


def test_a_shrinkable_drop_down_shows_its_whole_current_text_in_the_tooltip(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.setToolTip("The setups of this lesson")
    shrinkable(combo)
    long = "Exploding: radius 2.4, 64 ReLU neurons, no clipping"
    combo.addItems(["short", long])
    combo.blockSignals(True)  # as a panel refilling its items does
    combo.setCurrentIndex(1)
    combo.blockSignals(False)
    combo.resize(120, 30)
    assert combo.minimumSizeHint().width() < combo.fontMetrics().horizontalAdvance(long)
    QApplication.sendEvent(combo, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5),
                                             combo.mapToGlobal(QPoint(5, 5))))
    assert combo.toolTip() == f"{long}\nThe setups of this lesson"
    assert combo.property(SHORTENS)
