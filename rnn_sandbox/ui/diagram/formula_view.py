"""The formula panel of the step-through and the numbers drawn on the neurons.

Clicking a neuron while walking forward or backward opens :class:`FormulaPanel`: the
neuron's equations at that step with every number to 4 significant digits (built by
:mod:`rnn_sandbox.ui.diagram.formula`), each result worked out from the numbers shown on its
line, and the weight matrices they read as small coloured tables, the row (forward) or
column (backward) read marked.  It follows the step.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QTextBrowser,
    QWidget,
)

from rnn_sandbox.ui.diagram.formula import OUTPUT, Formula, Matrix, fmt, formula
from rnn_sandbox.ui.diagram.formula_attention import with_attention
from rnn_sandbox.ui.diagram.items import text_item
from rnn_sandbox.ui.diagram.look import INK, SMALL_FONT, level_color
from rnn_sandbox.ui.diagram.model import LEVELS
from rnn_sandbox.ui.diagram.panel import SidePanel
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr

HIGHLIGHT = "#ffd84d"


def _cell_colour(v: float, scale: float) -> str:
    level = int(round(np.clip(v / scale, -1, 1) * LEVELS)) if scale > 0 else 0
    c = level_color(level)
    return c.name()


def matrix_html(m: Matrix) -> str:
    scale = float(np.abs(m.values).max(initial=0.0))
    hr, hc = set(m.highlight_rows), set(m.highlight_cols)
    head = "".join(
        f"<th bgcolor={HIGHLIGHT}><font color=#000000>{html.escape(c)}</font></th>"
        if j in hc else f"<th>{html.escape(c)}</th>" for j, c in enumerate(m.cols))
    rows = []
    for i, name in enumerate(m.rows):
        cells = []
        for j in range(m.values.shape[1]):
            v = float(m.values[i, j])
            on = i in hr or j in hc
            bg = HIGHLIGHT if on else _cell_colour(v, scale)
            text = f"<b>{fmt(v)}</b>" if on else fmt(v)
            ink = "#000000" if QColor(bg).lightness() >= 128 else "#ffffff"  # on any theme
            cells.append(f"<td align=right bgcolor={bg}><font color={ink}>{text}</font></td>")
        th = (f"<th bgcolor={HIGHLIGHT}><font color=#000000>{html.escape(name)}</font></th>"
              if i in hr else f"<th>{html.escape(name)}</th>")
        rows.append(f"<tr>{th}{''.join(cells)}</tr>")
    what = (tr("; in yellow the column this step reads") if hc else
            tr("; in yellow the row this step uses") if hr else "")
    caption = tr("<p><b>{name}</b> <small>(rows × columns{what})</small></p>").format(
        name=html.escape(m.name), what=what)
    return (caption + "<table cellspacing=0 cellpadding=2 border=1 style='border-collapse:"
            f"collapse;font-size:small'><tr><th></th>{head}</tr>{''.join(rows)}</table>")


# How to read the numbers; the panel's first line and its tooltip.
HOW_TO_READ = (QT_TR_NOOP("Each result is its line's numbers worked out, to 4 significant digits: "
               "a calculator gives the same. In brackets, where it differs: the network's "
               "own value, computed with every digit."))


def formula_html(f: Formula) -> str:
    # The panel's title names the neuron and the step.
    out = [f"<p><small>{html.escape(HOW_TO_READ)}</small></p>"]
    out += [f"<p><i>{html.escape(n)}</i></p>" for n in f.notes]
    section = None
    for ln in f.lines:
        if ln.section != section:
            section = ln.section
            out.append(f"<h4 style='margin:4px 0 2px 0'>{html.escape(section)}</h4>")
        sym = f" = {html.escape(ln.symbolic)}" if ln.symbolic else ""
        note = f" <small>({html.escape(ln.note)})</small>" if ln.note else ""
        if ln.differs and ln.engine is not None:
            note = tr(" <small>(with every digit: {fmt})</small>").format(fmt=fmt(ln.engine)) + note
        out.append(
            f"<p style='margin:1px 0 3px 8px'><b>{html.escape(ln.lhs)}</b>{sym}<br>"
            f"&nbsp;&nbsp;= <tt>{html.escape(ln.numeric)}</tt><br>"
            f"&nbsp;&nbsp;= <b>{fmt(ln.result)}</b>{note}</p>")
    out += [matrix_html(m) for m in f.matrices]
    return "\n".join(out)


def _right_of(item: QGraphicsEllipseItem, r: QRectF) -> tuple[float, float]:
    return item.rect().right() + 1, -r.height() / 2


def _centred_on(p: QPointF, r: QRectF) -> tuple[float, float]:
    return p.x() - r.width() / 2, p.y() - r.height() / 2


# Numbers on lines only while the drawing shows this many single lines or fewer.
MAX_LINE_NUMBERS = 300


class FormulaPanel(SidePanel):
    """The clicked neuron's equations at the current step."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, tr("Formula"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setToolTip(HOW_TO_READ)
        self.body.addWidget(self.browser)
        self.formula: Formula | None = None
        self.target: tuple[str, str, int, int] | None = None  # role, key, t, unit


class FormulaView:
    """The formula panel and the numbers on the neurons of a :class:`DiagramWidget`."""

    def __init__(self, widget) -> None:
        self.w = widget
        self.panel = FormulaPanel(widget)
        self.numbers = False
        self._texts: list[QGraphicsRectItem] = []  # a white label with the number in it

    # -- the panel --------------------------------------------------------------------------
    def open_for(self, item) -> bool:
        """Show the formula of ``item`` (a neuron, gate or cell state) at its step; False
        when there is none (an input, the live view)."""
        m = self.w.model
        if m.mode == "live" or m.trace is None:
            return False
        role = item.role
        if role in ("gate", "cell"):
            role = "hidden"
        if role not in ("hidden", "output") or (role == "hidden"
                                                and not m.anatomy.state(item.key).recurrent):
            return False
        t = item.t if item.t is not None else (
            m.current_t(item.key) if role == "hidden" else m.focus_t(m.segment_of(item.key)))
        if t is None:
            return False
        self.panel.target = (role, item.key, int(t), int(item.unit))
        if not self._fill():
            return False
        self.w.show_side(self.panel)
        return True

    def _fill(self) -> bool:
        if self.panel.target is None:
            return False
        role, key, t, unit = self.panel.target
        m = self.w.model
        state = OUTPUT if role == "output" else key
        try:
            f = with_attention(formula(m.trace, m.anatomy, state, t, unit, m.mode), m.trace,
                               m.anatomy, m.cfg.network.attention)
        except (ValueError, KeyError, IndexError):
            return False
        self.panel.formula = f
        self.panel.title.setText(tr("Formula: ") + f.title)
        bar = self.panel.browser.verticalScrollBar()
        pos = bar.value()
        self.panel.browser.setHtml(formula_html(f))
        bar.setValue(pos)
        return True

    def refresh(self) -> None:
        """After a step, a mode change or a rebuild: follow the step, redraw the numbers."""
        m = self.w.model
        if m.mode == "live" or m.trace is None:
            self.panel.hide()
        elif self.panel.isVisible() and self.panel.target is not None:
            role, key, t, unit = self.panel.target
            if role == "hidden":
                now = m.current_t(key)
            else:
                now = m.focus_t(m.segment_of(key))
            if now is not None:
                self.panel.target = (role, key, int(now), unit)
            if not self._fill():
                self.panel.hide()
        self.draw_numbers()

    # -- numbers on the neurons ---------------------------------------------------------------
    def set_numbers(self, on: bool) -> None:
        self.numbers = on
        self.draw_numbers()

    def draw_numbers(self) -> None:
        for it in self._texts:
            if shiboken6.isValid(it) and it.scene() is not None:
                it.scene().removeItem(it)
        self._texts = []
        m = self.w.model
        if not self.numbers or m.mode == "live":
            return
        font = SMALL_FONT
        placed: list[QRectF] = []
        for item in self.w.scene.neurons:
            # Right of the neuron, above the lines that pass there.
            box = self._label(item, m.neuron_value(item), font, partial(_right_of, item))
            if box is not None:
                placed.append(box.sceneBoundingRect())
        lines = self.w.scene.connections
        if len(lines) <= MAX_LINE_NUMBERS:  # more would be a wall of digits
            for c in lines:
                # Each line's weight, or walking backward this step's share of its
                # gradient, at its middle; not where it would cover another number (where
                # lines meet: hovering a line gives its number).
                mid = c.line.pointAt(0.5)
                box = self._label(c, m.connection_value(c), font, partial(_centred_on, mid))
                if box is None:
                    continue
                rect = box.sceneBoundingRect()
                if any(rect.intersects(o) for o in placed):
                    self.w.scene.removeItem(box)
                    self._texts.pop()
                else:
                    placed.append(rect)

    def _label(self, item: QGraphicsItem, value: float | None, font: QFont,
               where: Callable[[QRectF], tuple[float, float]]) -> QGraphicsRectItem | None:
        """``value`` on a small label on ``item`` (nothing while not computed)."""
        if value is None:
            return None
        box = QGraphicsRectItem(item)
        box.setPen(QPen(Qt.PenStyle.NoPen))
        box.setBrush(INK.label_box)
        box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        text = text_item(fmt(value), font, box)
        r = text.boundingRect()
        box.setRect(0, 0, r.width() + 2, r.height())
        text.setPos(1, 0)
        box.setPos(*where(r))
        box.setZValue(5)
        self._texts.append(box)
        return box

    def texts(self) -> list[str]:
        """The numbers drawn now (for tests)."""
        return [t.text() for b in self._texts if shiboken6.isValid(b)
                for t in b.childItems() if isinstance(t, QGraphicsSimpleTextItem)]
