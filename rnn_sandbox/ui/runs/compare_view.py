"""The comparison of runs: their loss and validation metric on one plot, the gradient
reaching each time step at a chosen step, and a table of their settings with the
differences marked, so that "simple RNN against LSTM" is seen side by side rather than
one after the other.

:class:`ComparisonView` is the panel; :func:`render_comparison` draws the same picture
without a window (``rnn-sandbox compare --png``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.fields import SETTING
from rnn_sandbox.files import atomic_write
from rnn_sandbox.runs import book as runs_module
from rnn_sandbox.runs.book import Run
from rnn_sandbox.ui import offscreen
from rnn_sandbox.ui.fit import FlowLayout
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.plots.base import KEY_H, MIN_DATA, PALETTE, PlotPanel, plots_height
from rnn_sandbox.ui.runs.compare_export import check_target, png_bytes, svg_bytes
from rnn_sandbox.ui.runs.compare_plot import (
    GREY,
    LEFT_AXIS,
    ComparisonPlots,
    Entry,
    entries_of,
    legend_text,
    run_colour,
)
from rnn_sandbox.wording import printable

__all__ = ["PALETTE", "ComparisonView", "render_comparison"]

EMPTY_TEXT = (
    QT_TR_NOOP("<p><b>No runs to compare yet.</b></p>"
    "<p>Train, then change a setting: each run is kept here, and the runs you show in "
    "the Runs panel are drawn on top of each other, with their settings side by side.</p>")
)
# Differing settings: bold on a tint of the palette's orange, readable light and dark.
DIFFERENT = QColor(230, 159, 0, 70)
EXPORT_SIZE = (1280, 800)  # a picture for a report, whatever the dock's size
PIECE_PAUSE_MS = 16  # between the pieces of a staged drawing (see ComparisonView)
MIN_SIDE, MAX_SIDE = 64, 4096  # what a drawn page may measure a side


class ComparisonView(PlotPanel):
    """The visible runs overlaid: loss (training solid, validation dotted), validation
    metric with each run's baseline dashed, the gradient reaching each time step at a
    chosen training step, and the settings of every run with the differences marked."""

    CAPTION = (
        QT_TR_NOOP("A shaded band is the spread over seeds: a difference smaller than it may be "
                   "luck. "
        "Tick or untick runs in the Runs panel to choose what is compared.")
    )
    # Below this size (at zoom 1) the curves, the gradient and the settings are tabs.
    COMPACT_SIZE = (900, 560)
    TABS = (QT_TR_NOOP("Curves"), QT_TR_NOOP("Gradient"), QT_TR_NOOP("Settings"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs: list[Run] = []
        self.entries: list[Entry] = []
        self.allow_compact = True  # render_comparison draws the whole page at any size
        self.show_equal = True  # settings equal in every run too (below the differing)
        self.compact: bool | None = None
        # The window's view draws in stages, each its own turn of the event loop (curves;
        # then gradient and settings), so that no single turn keeps the window waiting.
        self.staged = False
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(PIECE_PAUSE_MS)
        self._rest.timeout.connect(self._draw_rest)
        # A staged drawing of the curves: one entry per turn of the event loop.  The plots
        # stay live meanwhile (a view that held its updates until the end showed black to
        # a grab or a screen taken while a drawing was restarted again and again).
        self._drawing: Iterator[None] | None = None
        self._next_entry = QTimer(self)
        # A pause between pieces, so that the repaint each piece asks for and whatever
        # else waits (a click, a key, the next training report) go first: with no pause
        # the pieces and their repaints ran back to back and held the window ~70 ms.
        self._next_entry.setInterval(PIECE_PAUSE_MS)
        self._next_entry.timeout.connect(self._draw_entry)

        self._curves_arranged = 0  # how many curves' plots the compact tabs were set for
        self._move_page = QTimer(self)
        self._move_page.setSingleShot(True)
        self._move_page.setInterval(0)
        self._move_page.timeout.connect(self._replace)

        self.bar = QWidget()
        # A row that wraps: in a narrow dock the gradient's step goes to a second row rather
        # than squeezing the other controls below their text.
        bar = FlowLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.x_box = QComboBox()  # short texts: the bar fits a laptop's narrow dock
        self.x_box.addItem(tr("by step"), "step")
        self.x_box.addItem(tr("by time (s)"), "seconds")
        self.x_box.setToolTip(tr("Compare by training step, or by seconds spent training "
                              "(a larger network may learn in fewer steps but more time)"))
        self.x_box.currentIndexChanged.connect(lambda _: self._draw_curves())
        self.log_check = QCheckBox(tr("Log loss"))
        self.log_check.setToolTip(tr("Show the loss on a logarithmic axis"))
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(lambda _: self._draw_curves())
        self.step_label = QLabel(tr("Gradient at"))  # the slider and the step follow it
        self.step_slider = QSlider(Qt.Orientation.Horizontal)
        self.step_slider.setMinimumWidth(60)
        self.step_spin = QSpinBox()
        self.step_spin.setKeyboardTracking(False)
        for w in (self.step_slider, self.step_spin):
            w.setToolTip(tr("The training step whose gradients are shown (each run's nearest "
                         "recorded step at or before it)"))
        self.step_slider.valueChanged.connect(self.step_spin.setValue)
        self.step_spin.valueChanged.connect(self._on_step)
        bar.addWidget(self.x_box)
        bar.addWidget(self.log_check)
        gradient = QWidget()  # the label, the slider and the step, kept together
        gradient.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(gradient)
        row.setContentsMargins(8, 0, 0, 0)
        row.addWidget(self.step_label)
        row.addWidget(self.step_slider, 1)
        row.addWidget(self.step_spin)
        bar.addWidget(gradient)
        self._layout.addWidget(self.bar)
        self.controls = [self.x_box, self.log_check, self.step_label, self.step_slider,
                         self.step_spin]

        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.overlay = ComparisonPlots(self)
        self.plots_page = QWidget()
        page = QVBoxLayout(self.plots_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(2)
        # In a small dock the key of many runs scrolls rather than taking the plots' room.
        self.legend_area = QScrollArea()
        self.legend_area.setWidgetResizable(True)
        self.legend_area.setFrameShape(QFrame.Shape.NoFrame)
        self.legend_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend_area.setWidget(self.legend)
        page.addWidget(self.legend_area)
        page.addWidget(self.graphics, 1)
        self.graphics.installEventFilter(self)

        table = self.settings_table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        table.setToolTip(tr("The settings of each run; those that differ are bold on a tint"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(True)
        self._user_split = False
        self._arranging = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_user_split", True))
        # A small dock: one of curves / gradient / settings at a time, each at full size.
        # When even the curves alone would be squashed (several metrics in a narrow dock),
        # each curve gets a tab of its own: "curve:0" the loss, then one per metric.
        self.tab_bar = QTabBar()
        self.pages: list[str] = list(self.TABS)  # what each tab shows
        for name in self.TABS:
            self.tab_bar.addTab(tr(name))
        self.tab_bar.setDrawBase(False)
        self.tab_bar.setElideMode(Qt.TextElideMode.ElideNone)  # whole names; the row scrolls
        self.tab_bar.setUsesScrollButtons(True)
        self.tab_bar.currentChanged.connect(lambda _: self._show_tab())
        self.tab_pages = QStackedWidget()
        self.tabs = QWidget()
        tabs = QVBoxLayout(self.tabs)
        tabs.setContentsMargins(0, 0, 0, 0)
        tabs.setSpacing(0)
        tabs.addWidget(self.tab_bar)
        tabs.addWidget(self.tab_pages, 1)
        self.empty = QLabel(tr(EMPTY_TEXT))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(16)
        self.stack = QStackedWidget()
        for widget in (self.empty, self.splitter, self.tabs):
            self.stack.addWidget(widget)
        self._layout.addWidget(self.stack, 1)
        self._layout.addWidget(self.caption)
        self._place(compact=True)
        self._follow_last = True  # the step chooser stays at the end as runs grow
        self.set_runs([])
        self.set_theme(self.theme)

    # -- what is shown ---------------------------------------------------------------------
    @property
    def x_axis(self) -> str:
        """"step" or "seconds": what the curves are drawn against."""
        return str(self.x_box.currentData())

    def set_x(self, x: str) -> None:
        """"step" or "seconds" (wall time)."""
        i = self.x_box.findData(x)
        if i < 0:
            raise ValueError(f"x must be 'step' or 'seconds', not {x!r}")
        self.x_box.setCurrentIndex(i)

    def set_runs(self, runs: Sequence[Run]) -> None:
        """Show ``runs`` (the visible runs, in the book's order; hidden ones are left out)
        and keep the chosen x axis, log scale and gradient step."""
        # A group's seeds together where its first stands, by seed (as they are drawn):
        # the settings table and the CSV read in the legend's order.
        self.runs = [r for e in entries_of([r for r in runs if not r.hidden]) for r in e.runs]
        has = bool(self.runs)
        for w in self.controls:
            w.setEnabled(has)
        last = max((r.steps() for r in self.runs), default=0)
        follow = self._follow_last or self.step_spin.value() > last
        for w in (self.step_spin, self.step_slider):
            w.blockSignals(True)
            w.setRange(min(1, last), last)
        if follow:
            self.step_spin.setValue(last)
        self.step_slider.setValue(self.step_spin.value())
        for w in (self.step_spin, self.step_slider):
            w.blockSignals(False)
        self._show_page()
        if self.staged:
            self._stop_drawing()
            self._rest.stop()
            self._drawing = self.overlay.drawing(self.runs, self.x_axis,
                                                 self.log_check.isChecked())
            self._next_entry.start()
        else:
            self._draw_curves()
            self._draw_rest()

    def _draw_entry(self) -> None:
        """The next entry of a staged drawing; at its end the legend, and the
        gradient and settings in the turn after."""
        if self._drawing is None:
            self._next_entry.stop()
            return
        try:
            next(self._drawing)
            if self.overlay.count("curves") != self._curves_arranged:
                self._arrange()  # new metrics: each curve may need a tab of its own now
        except StopIteration:
            # The legend first: its new height lays the page out before the next repaint.
            self._fill_legend()
            self._stop_drawing()
            self._rest.start()

    def _stop_drawing(self) -> None:
        self._next_entry.stop()
        self._drawing = None

    def _draw_rest(self) -> None:
        """The gradient plot and the settings table (after the curves)."""
        self._rest.stop()
        self._draw_gradients()
        self._fill_table()
        self._fit_table()

    def finish(self) -> None:
        """Draw now what a staged :meth:`set_runs` left for the next turns."""
        if self._drawing is not None:
            for _ in self._drawing:
                pass
            self._fill_legend()
            self._stop_drawing()
            self._draw_rest()
        elif self._rest.isActive():
            self._draw_rest()

    def _on_step(self, step: int) -> None:
        self._follow_last = step >= self.step_spin.maximum()
        self.step_slider.blockSignals(True)
        self.step_slider.setValue(step)
        self.step_slider.blockSignals(False)
        self._draw_gradients()

    def _draw_curves(self) -> None:
        self._stop_drawing()  # this drawing replaces a staged one still under way
        self.overlay.draw(self.runs, self.x_axis, self.log_check.isChecked())
        self._fill_legend()

    def _draw_gradients(self) -> None:
        self.overlay.draw_gradients(self.runs, self.step_spin.value())

    def _fill_legend(self) -> None:
        self.entries = self.overlay.entries
        parts = [f"<span style='color:{e.colour}'>{'━ ▒' if e.is_group else '━'} "
                 f"{_escape(printable(legend_text(e)))}</span>" for e in self.entries]
        trend = any(k[1] == "train_loss smoothed" for k in self.overlay.drawn.curves)
        key = "<span style='color:{grey}'>{key}</span>".format(grey=GREY, key=(
            tr("solid: training loss (its trend; faint: each batch) · dotted: validation "
               "loss · dashed: baseline") if trend else
            tr("solid: training loss · dotted: validation loss · dashed: baseline")))
        text = "&nbsp;&nbsp; ".join(parts) + "<br>" + key if parts else ""
        if text != self.legend.text():  # the same text again would lay the page out again
            self.legend.setText(text)
        self._arrange()  # more or fewer metric plots: each may need a tab of its own

    def _fill_table(self) -> None:
        """A column per run (its colour in the header), a row per setting that matters
        for any of them: the differing settings first, bold on a tint; the final metric
        above them.  ``show_equal`` False leaves the equal settings out (a printed page)."""
        t = self.settings_table
        scrolled = (t.verticalScrollBar().value(), t.horizontalScrollBar().value())
        t.clear()
        if not self.runs:
            t.setRowCount(0)
            t.setColumnCount(0)
            return
        all_keys, rows, differing = runs_module.settings_table(self.runs)
        column = {k: i for i, k in enumerate(all_keys)}
        keys = [k for k in all_keys if k in differing or _matters(k, self.runs)]
        equal = [k for k in keys if k not in differing]
        order = [k for k in keys if k in differing] + (equal if self.show_equal else [])
        metric = {r.metric_name for r in self.runs if r.metric_name}
        results = [
            (tr("final {metric}").format(metric=metric.pop()) if len(metric) == 1
             else tr("final metric"),
             [_number(r.final_metric()) for r in self.runs]),
            (tr("steps trained"), [str(r.steps()) for r in self.runs]),
        ]
        notes = [] if self.show_equal or not equal else [
            (tr("%n other setting(s)", n=len(equal)), [tr("equal")] * len(self.runs))]
        t.setColumnCount(len(self.runs))
        t.setRowCount(len(results) + len(order) + len(notes))
        for j, run in enumerate(self.runs):
            head = QTableWidgetItem(printable(run.name))  # names from files: escaped
            head.setIcon(_swatch(run_colour(run)))
            head.setToolTip(tr("{name}: seed {seed}").format(
                name=printable(run.name), seed=run.seed)
                            + (tr(", group {group}").format(group=printable(run.group))
                               if run.group else ""))
            t.setHorizontalHeaderItem(j, head)
        italic = QFont(t.font())
        italic.setItalic(True)
        bold = QFont(t.font())
        bold.setBold(True)
        extra = [(i, label, values) for i, (label, values) in enumerate(results)]
        extra += [(len(results) + len(order) + i, label, values)
                  for i, (label, values) in enumerate(notes)]
        for i, label, values in extra:
            head = QTableWidgetItem(label)
            head.setFont(italic)
            t.setVerticalHeaderItem(i, head)
            for j, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setFont(italic)
                t.setItem(i, j, cell)
        for i, key in enumerate(order, start=len(results)):
            label, tip = _setting_label(key)
            head = QTableWidgetItem(label)
            head.setToolTip(tip)
            diff = key in differing
            if diff:
                head.setFont(bold)
            t.setVerticalHeaderItem(i, head)
            for j, row in enumerate(rows):
                cell = QTableWidgetItem(row[column[key]])
                if diff:
                    cell.setFont(bold)
                    cell.setBackground(DIFFERENT)
                    cell.setToolTip(tr("differs between the runs"))
                t.setItem(i, j, cell)
        t.resizeColumnsToContents()
        t.resizeRowsToContents()
        t.verticalScrollBar().setValue(scrolled[0])  # redrawn while training: stay put
        t.horizontalScrollBar().setValue(scrolled[1])

    def differing_cells(self) -> set[tuple[str, str]]:
        """(setting label, run name) of every cell marked as differing (for tests and
        for reading the table without looking)."""
        out = set()
        t = self.settings_table
        for i in range(t.rowCount()):
            for j in range(t.columnCount()):
                cell = t.item(i, j)
                row, column = t.verticalHeaderItem(i), t.horizontalHeaderItem(j)
                if cell is not None and cell.font().bold() and row and column:
                    out.add((row.text(), column.text()))
        return out

    # -- layout ----------------------------------------------------------------------------
    def _show_page(self) -> None:
        if not self.runs:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.tabs if self.compact else self.splitter)

    def _place(self, compact: bool) -> None:
        """Plots above the settings table on one page, or (small or zoomed dock) curves,
        gradient and settings as tabs, so that none is squashed to a sliver."""
        if compact == self.compact:
            return
        self.compact = compact
        if compact:
            self.tab_pages.addWidget(self.plots_page)
            self.tab_pages.addWidget(self.settings_table)
        else:
            self.splitter.addWidget(self.plots_page)
            self.splitter.addWidget(self.settings_table)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 1)
            self.plots_page.show()  # the stack had hidden the page behind
            self.settings_table.show()
        self._show_page()  # first: the tabs arrange the page they can see
        self._show_tab()

    def page(self) -> str:
        """What the tab in front shows: "Curves", "curve:N", "Gradient" or "Settings"."""
        return self.pages[max(0, self.tab_bar.currentIndex())]

    def _show_tab(self) -> None:
        if self.compact:
            self.tab_pages.setCurrentWidget(self.settings_table if self.page() == "Settings"
                                            else self.plots_page)
        self._arrange()

    def show_tab(self, name: str) -> None:
        """Bring "Curves" (the loss, when each curve has its tab), "curve:N", "Gradient" or
        "Settings" to the front (a small dock)."""
        if name == "Curves" and name not in self.pages:
            name = "curve:0"
        self.tab_bar.setCurrentIndex(self.pages.index(name))

    def _set_pages(self, one_by_one: bool) -> None:
        """The compact tabs: the curves together, or each curve on a tab of its own."""
        names = self.overlay.curve_names()
        pages = ([f"curve:{i}" for i in range(len(names))] if one_by_one else ["Curves"]) \
            + ["Gradient", "Settings"]
        labels = [names[int(p[6:])] if p.startswith("curve:") else tr(p) for p in pages]
        if labels == [self.tab_bar.tabText(i) for i in range(self.tab_bar.count())] \
                and pages == self.pages:
            return
        now = self.page()
        if now == "Curves" and one_by_one:
            now = "curve:0"
        elif now.startswith("curve:"):  # (fewer metrics now: the last of them)
            now = f"curve:{min(int(now[6:]), len(names) - 1)}" if one_by_one else "Curves"
        self.tab_bar.blockSignals(True)
        while self.tab_bar.count():
            self.tab_bar.removeTab(0)
        for label in labels:
            self.tab_bar.addTab(label)
        self.pages = pages
        self.tab_bar.setCurrentIndex(pages.index(now))
        self.tab_bar.blockSignals(False)
        self.tab_pages.setCurrentWidget(self.settings_table if now == "Settings"
                                        else self.plots_page)

    def _arrange(self) -> None:
        # Fitting the table resizes the plots, whose resize arranges again: once is enough
        # (a table whose scroll bar comes and goes would otherwise recurse without end).
        if self._arranging:
            return
        self._arranging = True
        try:
            self._arrange_once()
        finally:
            self._arranging = False

    def _wants_compact(self) -> bool:
        zoom = self.graphics.zoom
        return self.allow_compact and (self.width() / zoom < self.COMPACT_SIZE[0]
                                       or self.height() / zoom < self.COMPACT_SIZE[1])

    def _replace(self) -> None:
        self._place(self._wants_compact())

    def _arrange_once(self) -> None:
        zoom = self.graphics.zoom
        if self._wants_compact() != self.compact:
            # The page moves to or from the tabs after this layout pass, not during it:
            # taking the plots out of the splitter while it lays them out crashed Qt.
            self._move_page.start()
        shown = "all"
        g = self.graphics
        w, h = g.width() / zoom, g.height() / zoom
        if self.compact:
            # The curves together, unless in a column or a row each would be squashed
            # below a readable data area: then each on a tab of its own.
            n = self._curves_arranged = self.overlay.count("curves")
            if g.isVisible():  # (sized by now)
                self._set_pages(n > 1 and h < plots_height(n, axes=1)
                                and w < n * (LEFT_AXIS + MIN_DATA[0]))
            page = self.page()
            shown = "gradient" if page == "Gradient" else page if page.startswith(
                "curve:") else "curves"
        self._fit_legend()
        n = self.overlay.count(shown)
        if shown == "all":
            how = "row" if w > 0.67 * n * h else "grid" if w > 0.4 * n * h else "column"
        else:
            how = "row" if w > 0.6 * n * h else "column"
        across = n if how == "row" else n - 1 if how == "grid" else 1
        self.overlay.arrange(how, narrow=w / across < 400, shown=shown)
        self._fit_table()

    def _fit_legend(self) -> None:
        """The key at its whole height, but in a small dock (tabs) at most what the page
        has beyond a readable plot with a key of baselines under it, and at least two lines
        (it scrolls)."""
        area = self.legend_area
        bar = area.verticalScrollBar().sizeHint().width()
        need = self.legend.heightForWidth(max(1, area.width() - bar)) \
            if self.legend.text() else 0
        cap = max(2 * self.legend.fontMetrics().lineSpacing() + 4,
                  self.plots_page.height() - int((plots_height(1) + 2 * KEY_H)
                                                 * self.graphics.zoom)) if self.compact else need
        height = max(0, min(need, cap))
        if area.height() != height or area.maximumHeight() != height:
            area.setFixedHeight(height)

    def _fit_table(self) -> None:
        """On one page the table takes the height of its rows, at most 40 % of it (unless
        the divider was moved by hand)."""
        if self.compact or self._user_split or not self.runs:
            return
        t = self.settings_table
        rows = sum(t.rowHeight(i) for i in range(t.rowCount()))
        want = t.horizontalHeader().height() + rows + 2 * t.frameWidth() + 2
        if t.horizontalScrollBar().isVisible():
            want += t.horizontalScrollBar().height()
        total = sum(self.splitter.sizes()) or self.splitter.height()
        table = int(min(want, 0.4 * total))
        self.splitter.blockSignals(True)
        self.splitter.setSizes([total - table, table])
        self.splitter.blockSignals(False)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # (Shown again: the curves drawn meanwhile may need a tab each.)
        if watched is self.graphics and event.type() in (QEvent.Type.Resize,
                                                         QEvent.Type.Show):
            self._arrange()
        return False

    def set_zoom(self, factor: float) -> None:
        super().set_zoom(factor)
        self._arrange()

    def set_theme(self, name: str) -> None:
        super().set_theme(name)
        if self.runs:
            self._draw_curves()
            self._draw_gradients()

    # -- reading out -----------------------------------------------------------------------
    def has_data(self) -> bool:
        return bool(self.runs)

    def table(self) -> tuple[list[str], list[list[object]]]:
        """The runs' histories side by side, as the CSV export writes them."""
        rows = list(csv.reader(io.StringIO(runs_module.comparison_csv(self.runs))))
        if not rows:
            return ["step"], []
        data: list[list[object]] = [list(row) for row in rows[1:]]
        return rows[0], data

    def export(self, path: str | Path) -> None:
        """Write the comparison as .png or .svg (a page of ``EXPORT_SIZE`` pixels with
        every plot and the differing settings, drawn as chosen here: x axis, log loss,
        gradient step), or every run's history as .csv (``runs.comparison_csv``).  The
        file appears whole or not at all."""
        path = check_target(path, self.runs)
        if path.suffix.lower() == ".csv":
            data = runs_module.comparison_csv(self.runs).encode("utf-8")
            atomic_write(path, lambda f: f.write(data))
        else:
            render_comparison(self.runs, path, EXPORT_SIZE, self.x_axis,
                              log=self.log_check.isChecked(), step=self.step_spin.value())


def _matters(key: str, runs: Sequence[Run]) -> bool:
    """Whether the setting changes anything for at least one of the runs (a momentum
    with another optimizer does not)."""
    setting = SETTING.get(key)
    if setting is None or setting.enabled_when is None:
        return True
    return any(setting.enabled_when(r.config) for r in runs)


def _setting_label(key: str) -> tuple[str, str]:
    """A row's name and tooltip: the setting's label, or a task option's own name."""
    setting = SETTING.get(key)
    if setting is not None:
        return tr(setting.label), f"{key}: {tr(setting.help)}"
    if key == "task.name":
        return tr("Task"), key
    if key.startswith("task.options."):
        name = key.removeprefix("task.options.").replace("_", " ")
        return tr("{option} (task option)").format(option=name[:1].upper() + name[1:]), key
    return key, key


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.4g}"


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)


def render_comparison(runs: Sequence[Run], path: str | Path,
                      size: tuple[int, int] = (1280, 800), x: str = "step", *,
                      log: bool = True, step: int | None = None) -> Path:
    """Draw the comparison of ``runs`` (every plot, and the settings that differ, on one
    page of ``size`` pixels) into ``path`` (.png or .svg; .csv writes the histories)
    without a window.  ``log``: the loss on a log axis; ``step``: the training step of
    the gradient plot (the last by default)."""
    w, h = (int(v) for v in size)
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise ValueError(f"the size {w}×{h} is outside {MIN_SIDE}..{MAX_SIDE} pixels a side")
    path = check_target(path, runs)
    app = offscreen.application()
    view = ComparisonView()
    try:
        view.allow_compact = False
        view._place(compact=False)
        view.show_equal = False
        view.caption.hide()
        view.bar.hide()  # the controls mean nothing on paper
        view._layout.setContentsMargins(0, 0, 0, 0)
        paper = view.palette()
        paper.setColor(QPalette.ColorRole.Window, QColor("white"))
        view.setPalette(paper)
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(w, h)
        view.set_x(x)
        view.log_check.setChecked(log)
        view.set_runs(runs)
        if step is not None:
            view.step_spin.setValue(int(step))
        view.show()
        app.processEvents()  # lays the page out at its size
        if path.suffix.lower() == ".csv":
            data = runs_module.comparison_csv(view.runs).encode("utf-8")
        elif path.suffix.lower() == ".png":
            data = png_bytes(view)
        else:
            # Axes and titles are kept as pictures for quick redraws: vectors on paper.
            for plot in view._plots:
                for item in (*(plot.getAxis(s) for s in ("left", "bottom")), plot.titleLabel):
                    item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            data = svg_bytes(view, tr("RNN Sandbox: comparison of runs"))
        return atomic_write(path, lambda f: f.write(data))
    finally:
        view.close()
        view.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
