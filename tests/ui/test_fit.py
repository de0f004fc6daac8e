"""Widgets that shorten their text on a small screen keep the whole text a hover away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QComboBox

from rnn_sandbox.ui.fit import (
    SHORTENS,
    ElidedLabel,
    prose_scrolls_down_only,
    shrinkable,
    text_wrap,
)


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


def test_an_elided_label_draws_its_text_shortened_and_shows_it_whole_on_hover(qtbot):
    """The status bar's metric at 150 % in German: shortened with "…" where the bar has
    no room (its whole wording in the tooltip), whole where it has."""
    label = ElidedLabel(least=40)
    qtbot.addWidget(label)
    label.setText("sentence accuracy 0.53 (baseline 0.5) · token accuracy 0.84")
    whole = label.fontMetrics().horizontalAdvance(label.text())
    assert label.minimumSizeHint().width() == 40 < whole <= label.sizeHint().width()
    label.resize(120, 20)
    shown = label.elided()
    assert shown.endswith("…") and label.fontMetrics().horizontalAdvance(shown) <= 120
    assert label.property(SHORTENS)
    label.resize(whole + 10, 20)
    assert label.elided() == label.text()


def test_prose_wraps_and_scrolls_only_down_and_japanese_breaks_anywhere(qtbot):
    """A lesson in Japanese ran a line a pixel past its column and scrolled sideways."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextOption
    from PySide6.QtWidgets import QTextBrowser

    assert text_wrap("ja") == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert text_wrap("de") == text_wrap("en") == QTextOption.WrapMode.WordWrap
    text = QTextBrowser()
    qtbot.addWidget(text)
    text.setMarkdown("ネットワークは**写像**です。")
    prose_scrolls_down_only(text)
    assert text.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    text.setMarkdown("A setup line:\n\n```\ntask=sine_forecast hidden=8\n```\n")
    prose_scrolls_down_only(text)  # code keeps its lines whole and scrolls
    assert text.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
