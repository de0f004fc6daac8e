"""How the diagram's items look: colours of the levels for a light or a dark canvas, pens,
fonts, and the tooltip and repaint behaviour the items share.

The colours live in :data:`INK`, which :func:`set_theme` switches between :data:`LIGHT` and
:data:`DARK`; the brushes, pens and the lookup table made from them are changed in place, so
every item that holds them follows (the widget rebuilds the scene after a switch).  The
fonts are in pixels: at 100 % zoom no text of the diagram is smaller than
:data:`MIN_TEXT_PX`, and :func:`set_text_scale` makes them larger with the window's zoom.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
)

from rnn_sandbox.ui.diagram.model import DIM, LEVELS, DiagramModel


@dataclass
class Palette:
    """Every colour the diagram draws with, for one canvas."""

    canvas: QColor
    neutral: QColor  # a value of zero
    dim_fill: QColor  # not computed yet
    outline: QColor
    dim_outline: QColor
    pos: QColor
    neg: QColor
    line_bg: QColor  # what a line's colour is blended from (its weakest look)
    dim_line: QColor
    column: QColor
    column_edge: QColor
    column_hi: QColor  # the current step's column
    column_hi_edge: QColor
    text: QColor
    text_dim: QColor
    arrow: QColor
    handover: QColor
    feedback: QColor
    ribbon_bg: QColor
    ribbon_mixed: QColor
    button: QColor
    button_hover: QColor
    button_edge: QColor
    box_edge: QColor  # the frame of an opened gated neuron
    box_fill: QColor
    bar_bg: QColor  # |dL/dh_t| bars
    bar: QColor
    bar_edge: QColor
    current: QColor  # the step being computed
    letter: QColor  # a gate's letter on a weak colour
    letter_strong: QColor  # ... on a strong one
    label_box: QColor  # behind the numbers written on neurons and lines


LIGHT = Palette(
    canvas=QColor(255, 255, 255), neutral=QColor(250, 250, 250),
    dim_fill=QColor(236, 236, 236), outline=QColor(70, 70, 70),
    dim_outline=QColor(170, 170, 170), pos=QColor(30, 100, 190), neg=QColor(232, 125, 20),
    line_bg=QColor(238, 238, 238), dim_line=QColor(228, 228, 228),
    column=QColor(248, 248, 248), column_edge=QColor(232, 232, 232),
    column_hi=QColor(232, 240, 252), column_hi_edge=QColor(205, 215, 230),
    text=QColor(40, 40, 40), text_dim=QColor(110, 110, 110), arrow=QColor(110, 110, 110),
    handover=QColor(120, 60, 160), feedback=QColor(40, 140, 80),
    ribbon_bg=QColor(247, 247, 249), ribbon_mixed=QColor(140, 140, 150),
    button=QColor(245, 245, 245), button_hover=QColor(215, 228, 245),
    button_edge=QColor(120, 120, 120), box_edge=QColor(150, 160, 185),
    box_fill=QColor(244, 246, 252), bar_bg=QColor(245, 245, 245), bar=QColor(120, 60, 160),
    bar_edge=QColor(150, 150, 150), current=QColor(200, 150, 0),
    letter=QColor(40, 40, 40), letter_strong=QColor(255, 255, 255),
    label_box=QColor(255, 255, 255, 225),
)
# The window's dark palette (ui/presentation.py): the canvas is its darkest grey; the
# colours of the signs are lighter, so that they stand out from it as much as on white.
DARK = Palette(
    canvas=QColor(30, 31, 35), neutral=QColor(58, 60, 66),
    dim_fill=QColor(44, 46, 51), outline=QColor(200, 200, 200),
    dim_outline=QColor(95, 97, 103), pos=QColor(86, 160, 240), neg=QColor(245, 150, 50),
    line_bg=QColor(52, 54, 60), dim_line=QColor(56, 58, 64),
    column=QColor(38, 40, 45), column_edge=QColor(55, 57, 63),
    column_hi=QColor(38, 55, 82), column_hi_edge=QColor(70, 95, 135),
    text=QColor(225, 225, 225), text_dim=QColor(165, 165, 165), arrow=QColor(165, 165, 165),
    handover=QColor(185, 140, 235), feedback=QColor(95, 205, 135),
    ribbon_bg=QColor(34, 36, 40), ribbon_mixed=QColor(150, 150, 160),
    button=QColor(60, 62, 68), button_hover=QColor(60, 85, 120),
    button_edge=QColor(140, 140, 140), box_edge=QColor(110, 120, 155),
    box_fill=QColor(42, 45, 55), bar_bg=QColor(55, 57, 63), bar=QColor(185, 140, 235),
    bar_edge=QColor(120, 120, 120), current=QColor(235, 185, 40),
    letter=QColor(230, 230, 230), letter_strong=QColor(20, 20, 20),
    label_box=QColor(30, 31, 35, 225),
)
INK = replace(LIGHT)  # the colours in use, switched by set_theme
THEMES = {"light": LIGHT, "dark": DARK}
theme = "light"

R = 6.0  # neuron radius
GATE_R = 8.0  # radius of a gate unit inside an expanded gated neuron (its letter inside)


def blend(a: QColor, b: QColor, f: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * f),
        round(a.green() + (b.green() - a.green()) * f),
        round(a.blue() + (b.blue() - a.blue()) * f),
    )


def level_color(level: int) -> QColor:
    """Colour of a level in -LEVELS..LEVELS (the canvas's neutral at zero)."""
    f = min(abs(level), LEVELS) / LEVELS
    return blend(INK.neutral, INK.pos if level >= 0 else INK.neg, f)


def _conn_colour(level: int) -> tuple[QColor, float]:
    # Opaque colours blended towards the background: antialiased translucent lines cost
    # several times more to draw, and thousands of them are drawn per frame.
    f = min(abs(level), LEVELS) / LEVELS
    c = blend(INK.line_bg, INK.pos if level >= 0 else INK.neg, 0.15 + 0.85 * f)
    return c, 0.4 + 2.6 * f * f  # only the large weights stand out


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
         cosmetic: bool = False) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(cosmetic)  # stroked in device pixels: cheaper than a scaled outline
    return pen


BRUSHES: dict[int, QBrush] = {lv: QBrush() for lv in [*range(-LEVELS, LEVELS + 1), DIM]}
# The same colours as 0xAARRGGBB words, indexed by level + LEVELS (the last one is DIM).
LUT = np.zeros(2 * LEVELS + 2, dtype=np.uint32)
PENS: dict[int, QPen] = {lv: _pen(QColor(), 1.0, cosmetic=True)
                         for lv in [*range(-LEVELS, LEVELS + 1), DIM]}
OUTLINE_PEN = _pen(QColor(), 1.0)
DIM_OUTLINE = _pen(QColor(), 0.8)
BLANK_PEN = _pen(QColor(), 1.2, Qt.PenStyle.DashLine)
CURRENT_PEN = _pen(QColor(), 2.2)  # the step being computed
GATE_PEN = _pen(QColor(), 0.7)
DIM_GATE_PEN = _pen(QColor(), 0.6)


def _paint_tools() -> None:
    """Bring the shared brushes, pens and lookup table to the colours of INK."""
    for lv, brush in BRUSHES.items():
        brush.setStyle(Qt.BrushStyle.SolidPattern)
        brush.setColor(INK.dim_fill if lv == DIM else level_color(lv))
    LUT[:] = [BRUSHES[lv].color().rgba() for lv in range(-LEVELS, LEVELS + 1)] + [
        INK.dim_fill.rgba()]
    for lv, pen in PENS.items():
        colour, width = (INK.dim_line, 0.4) if lv == DIM else _conn_colour(lv)
        pen.setColor(colour)
        pen.setWidthF(width)
    for pen, colour in ((OUTLINE_PEN, INK.outline), (DIM_OUTLINE, INK.dim_outline),
                        (BLANK_PEN, INK.outline), (CURRENT_PEN, INK.current),
                        (GATE_PEN, INK.outline), (DIM_GATE_PEN, INK.dim_outline)):
        pen.setColor(colour)


_paint_tools()


def set_theme(name: str) -> bool:
    """"light" or "dark" (another name counts as light); True if the colours changed."""
    global theme
    name = name if name in THEMES else "light"
    if name == theme:
        return False
    theme = name
    for f in fields(Palette):
        setattr(INK, f.name, getattr(THEMES[name], f.name))
    _paint_tools()
    return True


# -- text ---------------------------------------------------------------------------------------
MIN_TEXT_PX = 11  # no text of the diagram is smaller at 100 % zoom (a laptop's small print)
SMALL_PX, LABEL_PX, BUTTON_PX = 11, 12, 14
SMALL_FONT = QFont("Sans Serif")
LABEL_FONT = QFont("Sans Serif")
BUTTON_FONT = QFont("Sans Serif")
BUTTON_FONT.setBold(True)
text_scale = 1.0


def set_text_scale(factor: float) -> None:
    """Text ``factor`` times its size (the window's zoom); items made from now on use it."""
    global text_scale
    text_scale = factor
    for font, px in ((SMALL_FONT, SMALL_PX), (LABEL_FONT, LABEL_PX), (BUTTON_FONT, BUTTON_PX)):
        font.setPixelSize(max(1, round(px * factor)))


set_text_scale(1.0)


CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


class TipMixin:
    """Sets the tooltip, computed by the model, when the pointer arrives."""

    model: DiagramModel

    def describe(self) -> str:
        """The tooltip text: which of the model's descriptions this item gets."""
        return ""

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.setToolTip(self.describe())  # type: ignore[attr-defined]
        super().hoverEnterEvent(event)  # type: ignore[misc]


class Pointable(TipMixin, QGraphicsItem):
    """A Python-painted item with a model-computed tooltip."""

    def __init__(self, model: DiagramModel) -> None:
        super().__init__()
        self.model = model
        self.setAcceptHoverEvents(True)


class Cached:
    """Python-painted items that change with the model: ``look()`` says what they show, and
    the scene repaints them (through their cache) only when it changes."""

    _shown: object = None

    def look(self) -> object:
        return None

    def refresh_look(self) -> None:
        look = self.look()
        if isinstance(look, np.ndarray):
            look = look.tobytes()
        if look != self._shown:
            self._shown = look
            self.update()  # type: ignore[attr-defined]
