"""How the window presents itself: light or dark, how large, full screen, with or without
the plots' captions.  For a laptop, a projector at the back of a room, a dim room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from rnn_sandbox.ui.main_window import MainWindow


def set_captions(window: MainWindow, on: bool) -> None:
    """The line under each plot on how to read it."""
    for panel in window.panels():
        panel.caption.setVisible(on)


def set_theme(window: MainWindow, name: str) -> None:
    """"light" or "dark": the window's palette and every plot (the diagram follows the
    palette by itself)."""
    window.theme = name
    light = QApplication.style().standardPalette()
    window.setPalette(dark_palette() if name == "dark" else light)
    for panel in window.panels():
        panel.set_theme(name)


def set_zoom(window: MainWindow, factor: float) -> None:
    """Every text, plot and diagram label ``factor`` times its size (0.5 to 3)."""
    window.zoom = min(3.0, max(0.5, float(factor)))
    base = window.base_font
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * window.zoom)
    window.setFont(font)
    for child in window.findChildren(QWidget):  # a style sheet stops font inheritance
        if child.styleSheet() and "font" not in child.styleSheet():
            child.setFont(font)
    for panel in window.panels():
        panel.set_zoom(window.zoom)
    window.diagram.set_zoom(window.zoom)


def set_full_screen(window: MainWindow, on: bool) -> None:
    if on:
        window.showFullScreen()
    else:
        window.showNormal()


def dark_palette() -> QPalette:
    """Light text on dark grey for every widget (the plots have their own dark theme)."""
    p = QPalette()
    dark, darker, text = QColor(45, 47, 52), QColor(30, 31, 35), QColor(220, 220, 220)
    for role, colour in (
        (QPalette.ColorRole.Window, dark), (QPalette.ColorRole.Base, darker),
        (QPalette.ColorRole.AlternateBase, dark), (QPalette.ColorRole.Button, dark),
        (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, darker),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight,
                                                 QColor(0, 114, 178)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150)),
    ):
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
               QColor(120, 120, 120))
    return p
