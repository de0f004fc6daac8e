"""The Runs panel: every run of the session in a table (colour, shown or hidden, name, what
changed from the run before, steps, final metric), the current one marked, and what can be
done with them: restore, rename, delete, repeat with N seeds, save.

The panel decides nothing: it asks the controller's run keeper
(:class:`~rnn_sandbox.ui.runs.keeping.RunKeeper`), which owns the book of runs.  It also
feeds the comparison of the visible runs
(:class:`~rnn_sandbox.ui.runs.compare_view.ComparisonView`, in a dock of its own): at once when the
book changes, and at most once a second while the current run trains, from the history
the training reports (the training process is never asked for a snapshot to draw it).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.runs.book import Run
from rnn_sandbox.ui.controller import ExperimentController
from rnn_sandbox.ui.plots import on_screen
from rnn_sandbox.ui.runs.compare_view import PALETTE, ComparisonView
from rnn_sandbox.ui.runs.keeping import change_text

REFRESH_MS = 1000  # the comparison follows the current run at most this often
COALESCE_MS = 60  # requests to redraw the comparison within this time make one drawing
COLUMNS = ["", "Name", "Changed", "Steps", "Metric"]
SHOWN, NAME, CHANGED, STEPS, METRIC = range(5)


def colour_of(index: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)])


def swatch(index: int) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(colour_of(index))
    return QIcon(pix)


def metric_text(run: Run) -> str:
    value = run.final_metric()
    if value is None or not math.isfinite(value):
        return "—"
    text = f"{value:.3g}"
    if run.baseline is not None and math.isfinite(run.baseline.value):
        text += f" (base {run.baseline.value:.3g})"
    return text


class RunsPanel(QWidget):
    """The table of runs and its commands."""

    seedsRequested = Signal()  # "Repeat with N seeds…": the window asks how many
    saveRequested = Signal()  # "Save runs…": the window asks where

    def __init__(self, controller: ExperimentController, comparison: ComparisonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RunsPanel")
        self.controller = c = controller
        self.comparison = comparison
        comparison.staged = True  # drawn in steps while seeds come in: the window stays live
        self.rows: list[Run | None] = []  # None: the current run
        self._filling = False
        self._drawn_version = -1
        self._row_version = -1
        self._stale = True

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(NAME, 100)
        self.table.setToolTip("Every run of this session: tick to show it in the comparison, "
                              "double-click a name (F2) to rename, Delete to delete")
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._sync_buttons)

        def act(text: str, slot: Callable[[], object], tip: str,
                shortcut: QKeySequence | str | None = None) -> QAction:
            a = QAction(text, self)
            a.setToolTip(tip)
            a.setStatusTip(tip)
            a.triggered.connect(lambda _=False: slot())
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.table.addAction(a)
            return a

        self.restore_action = act("Restore", self.restore_selected,
                                  "Make the selected run the current experiment (it goes on "
                                  "training where it stopped; the current one is kept)")
        self.rename_action = act("Rename", self.rename_selected, "Rename the selected run",
                                 "F2")
        self.delete_action = act("Delete", self.delete_selected,
                                 "Delete the selected runs (Undo brings them back)",
                                 QKeySequence(QKeySequence.StandardKey.Delete))
        self.seeds_action = act("Repeat with N seeds…", self.seedsRequested.emit,
                                "Train the current settings with several seeds at once, "
                                "to see which differences are real")
        self.save_action = act("Save runs…", self.saveRequested.emit,
                               "Save every run in one runs file (.rnns)")
        self.cancel_action = act("Cancel", c.runs.cancel_job, "Stop the runs training now")

        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for i, a in enumerate((self.restore_action, self.rename_action, self.delete_action,
                               self.seeds_action, self.save_action)):
            # Tool buttons: narrower than push buttons, so the side column stays narrow.
            b = QToolButton(self)
            b.setText("Save…" if a is self.save_action else a.text())  # "runs": the panel's
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setToolTip(a.toolTip())
            b.clicked.connect(a.trigger)
            self.buttons[a.text()] = b
            # Three in a row, then the two longer ones: fits the narrow side column.
            row, col, span = ((0, i, 1) if i < 3 else (1, 0, 2) if i == 3 else (1, 2, 1))
            buttons.addWidget(b, row, col, 1, span)
        self.job_label = QLabel(self)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip(self.cancel_action.toolTip())
        self.cancel_button.clicked.connect(self.cancel_action.trigger)
        job = QGridLayout()
        job.setContentsMargins(0, 0, 0, 0)
        job.addWidget(self.job_label, 0, 0)
        job.addWidget(self.cancel_button, 0, 1)
        job.setColumnStretch(0, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addLayout(job)

        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(COALESCE_MS)
        self._redraw.timeout.connect(self._draw_now)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.follow_training)
        self.timer.start()
        c.runs.changed.connect(self.refresh)
        c.runs.jobChanged.connect(self._show_job)
        self.refresh()
        self._show_job()

    # -- what is selected ---------------------------------------------------------------
    def selected(self) -> list[Run | None]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def select(self, run: Run | None) -> None:
        if run in self.rows:
            self.table.selectRow(self.rows.index(run))

    def _sync_buttons(self) -> None:
        chosen = self.selected()
        kept = [r for r in chosen if r is not None]
        self.restore_action.setEnabled(len(kept) == 1 and len(chosen) == 1)
        self.rename_action.setEnabled(len(chosen) == 1)
        self.delete_action.setEnabled(bool(kept))
        for a in (self.restore_action, self.rename_action, self.delete_action):
            self.buttons[a.text()].setEnabled(a.isEnabled())

    # -- commands -----------------------------------------------------------------------
    def restore_selected(self) -> bool:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0] is None:
            return False
        return self.controller.runs.restore_run(chosen[0])

    def rename_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if len(rows) == 1:
            self.table.editItem(self.table.item(rows[0], NAME))

    def delete_selected(self) -> None:
        self.controller.runs.delete_runs([r for r in self.selected() if r is not None])

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addActions([self.restore_action, self.rename_action, self.delete_action])
        menu.addSeparator()
        menu.addActions([self.seeds_action, self.save_action])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.row() >= len(self.rows):
            return
        run = self.rows[item.row()]
        c = self.controller.runs
        if item.column() == SHOWN:
            c.set_run_hidden(run, item.checkState() != Qt.CheckState.Checked)
        elif item.column() == NAME:
            if not c.rename_run(run, item.text()):
                c.status.emit(f"“{item.text().strip()}”: a run has this name already, or it "
                              "is empty.", 8_000)
                self.refresh()

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """The table and the comparison, as the book is now."""
        c = self.controller.runs
        chosen = self.selected() if self.rows else []
        runs: list[Run | None] = list(c.runs)
        if c.has_current_run():
            runs.append(None)
        self.rows = runs
        self._filling = True
        try:
            self.table.setRowCount(len(runs))
            previous = None
            for i, run in enumerate(runs):
                shown = c.current_run() if run is None else run
                self._fill_row(i, shown, previous, current=run is None)
                previous = shown
        finally:
            self._filling = False
        self.table.clearSelection()
        for r in chosen:
            if r in self.rows:
                self.table.selectRow(self.rows.index(r))
        self._sync_buttons()
        self.draw_comparison()

    def _fill_row(self, i: int, run: Run, before: Run | None, current: bool) -> None:
        editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        check = QTableWidgetItem()
        check.setIcon(swatch(run.colour))
        check.setFlags(editable | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Unchecked if run.hidden else Qt.CheckState.Checked)
        check.setToolTip("Shown in the comparison (untick to hide)")
        name = QTableWidgetItem(run.name)
        name.setFlags(editable | Qt.ItemFlag.ItemIsEditable)
        changed = change_text(before.config if before is not None else None, run.config)
        cells = [check, name, QTableWidgetItem(changed), QTableWidgetItem(str(self._steps(run))),
                 QTableWidgetItem(metric_text(run))]
        cells[CHANGED].setToolTip(change_text(before.config if before else None, run.config,
                                              limit=99) or "the first run")
        cells[METRIC].setToolTip(
            f"{run.metric_name or 'metric'} on the validation set at the last step"
            + (f"; {run.baseline.name}: {run.baseline.value:.4g}" if run.baseline else ""))
        group = f" · group {run.group}" if run.group else ""
        if current:
            font = QFont(name.font())
            font.setBold(True)
            name.setFont(font)
            name.setText(run.name)
            name.setToolTip("The current experiment (training in the window)" + group)
        else:
            name.setToolTip(f"Seed {run.seed}{group}")
        for col, cell in enumerate(cells):
            if col not in (SHOWN, NAME):
                cell.setFlags(editable)
            if current:
                cell.setBackground(QBrush(QColor(PALETTE[run.colour % len(PALETTE)]).lighter(
                    185)))
            self.table.setItem(i, col, cell)

    def _steps(self, run: Run) -> int:
        if run.history:
            return int(run.history[-1].get("step", 0))
        return run.steps()

    def follow_training(self) -> None:
        """While the current run trains: its row and its curves, at most once a second."""
        c = self.controller.runs
        if c.history_version != self._row_version and self.rows and self.rows[-1] is None:
            self._row_version = c.history_version
            row = len(self.rows) - 1
            self._filling = True
            try:
                self.table.item(row, STEPS).setText(str(self.controller.step))
                self.table.item(row, METRIC).setText(metric_text(c.current_run()))
            finally:
                self._filling = False
        if self._stale or c.history_version != self._drawn_version:
            self.draw_comparison()

    def draw_comparison(self) -> None:
        """The visible runs in the comparison, soon: requests within ``COALESCE_MS`` (the
        seeds of a job finishing together, a refresh and the training's redraw) make one
        drawing; put off while the comparison is out of view (drawn when it comes back)."""
        self._stale = True
        if on_screen(self.comparison) and not self._redraw.isActive():
            self._redraw.start()

    def flush(self) -> None:
        """Draw a requested comparison now (tests, exports: what is asked is what is
        shown)."""
        if self._redraw.isActive():
            self._redraw.stop()
            self._draw_now()
        self.comparison.finish()

    def _draw_now(self) -> None:
        c = self.controller.runs
        if not on_screen(self.comparison):
            return  # still stale: drawn when it comes back into view
        self._stale = False
        self._drawn_version = c.history_version
        self.comparison.set_runs(c.visible_runs())

    def _show_job(self) -> None:
        c = self.controller.runs
        busy = c.job is not None
        self.job_label.setText(c.job_text() if busy else "")
        self.job_label.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_action.setEnabled(busy)
        self.seeds_action.setEnabled(not busy)
        self.buttons[self.seeds_action.text()].setEnabled(not busy)
