"""Widgets that shorten their text on a small screen keep the whole text a hover away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QComboBox

from rnn_sandbox.ui.fit import SHORTENS, ElidedLabel, shrinkable, whole_text_tip


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
    assert whole_text_tip(combo) == combo.toolTip()
    assert combo.property(SHORTENS)


def test_an_elided_label_shortens_with_the_whole_text_in_its_tooltip(qtbot):
    label = ElidedLabel("trained for 3,200 steps, the validation accuracy is 0.98")
    qtbot.addWidget(label)
    label.resize(80, 20)
    label.show()
    qtbot.waitExposed(label)
    label.grab()  # paints
    assert label.elided() and label.toolTip() == label.text()
    label.resize(2000, 20)
    label.grab()
    assert not label.elided() and label.toolTip() == ""
    label.setToolTip("Own words")
    label.resize(80, 20)
    label.grab()
    assert label.toolTip() == "Own words"
