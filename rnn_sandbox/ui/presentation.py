"""How the window presents itself: light or dark, how large, full screen, with or without
the plots' captions.  For a laptop, a projector at the back of a room, a dim room."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.plots import PlotPanel

MIN_ZOOM, MAX_ZOOM = 0.5, 3.0


class Presentation:
    """The look of ``frame``, its plot ``panels`` and its ``diagram``, and what it is now:
    the theme, the zoom and whether the captions show."""

    def __init__(self, frame: QMainWindow, panels: Sequence[PlotPanel],
                 diagram: DiagramWidget) -> None:
        self.frame = frame
        self.panels = list(panels)
        self.diagram = diagram
        self.base_font = QFont(frame.font())  # what the zoom scales
        self.theme = "light"
        self.zoom = 1.0
        self.captions = True

    def set_captions(self, on: bool) -> None:
        """The line under each plot on how to read it."""
        self.captions = on
        for panel in self.panels:
            panel.caption.setVisible(on)

    def set_theme(self, name: str) -> None:
        """"light" or "dark": the window's palette and every plot (the diagram follows the
        palette by itself)."""
        self.theme = name
        light = QApplication.style().standardPalette()
        self.frame.setPalette(dark_palette() if name == "dark" else light)
        for panel in self.panels:
            panel.set_theme(name)

    def set_zoom(self, factor: float) -> None:
        """Every text, plot and diagram label ``factor`` times its size (0.5 to 3)."""
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, float(factor)))
        font = QFont(self.base_font)
        font.setPointSizeF(self.base_font.pointSizeF() * self.zoom)
        self.frame.setFont(font)
        for child in self.frame.findChildren(QWidget):  # a style sheet stops inheritance
            if child.styleSheet() and "font" not in child.styleSheet():
                child.setFont(font)
        for panel in self.panels:
            panel.set_zoom(self.zoom)
        self.diagram.set_zoom(self.zoom)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.frame.showFullScreen()
        else:
            self.frame.showNormal()


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
