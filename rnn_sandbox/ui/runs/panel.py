"""The Runs panel: every run of the session in a table (colour, shown or hidden, name, what
changed from the run before, steps, final metric, how soon it got there), the current one
marked, and what can be done with them: restore, rename, delete, repeat with N seeds, save.
The seeds of one setup are one row (mean ± spread) that opens to list them, by seed.

The panel decides nothing: it asks the controller's run keeper
(:class:`~rnn_sandbox.ui.runs.keeping.RunKeeper`), which owns the book of runs.  It also
feeds the comparison of the visible runs
(:class:`~rnn_sandbox.ui.runs.compare_view.ComparisonView`, in a dock of its own): at once when the
book changes, and at most once a second while the current run trains, from the history
the training reports (the training process is never asked for a snapshot to draw it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
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

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.runs.book import REACHED_SHARE, Run
from rnn_sandbox.ui.fit import FlowLayout
from rnn_sandbox.ui.i18n import QT_TR_NOOP, baseline_word, tr
from rnn_sandbox.ui.plots import on_screen
from rnn_sandbox.ui.runs.compare_plot import entries_of
from rnn_sandbox.ui.runs.compare_view import PALETTE, ComparisonView
from rnn_sandbox.ui.runs.keeping import RunKeeper, change_text
from rnn_sandbox.wording import printable


class RunsHost(Protocol):
    """What the panel reads of the controller (which imports this package, so the panel
    names no class of it): the runs of the session and the current step."""

    @property
    def runs(self) -> RunKeeper: ...

    @property
    def step(self) -> int: ...


REFRESH_MS = 1000  # the comparison follows the current run at most this often
COALESCE_MS = 60  # requests to redraw the comparison within this time make one drawing
COLUMNS = ["", QT_TR_NOOP("Name"), QT_TR_NOOP("Changed"), QT_TR_NOOP("Steps"),
           QT_TR_NOOP("Metric"), QT_TR_NOOP("Reached")]
SHOWN, NAME, CHANGED, STEPS, METRIC, REACHED = range(6)


def reached_tip() -> str:
    """The Reached column's tooltip."""
    return tr("The step (and seconds) at which the metric had come {share:.0%} of the way "
              "from the baseline to its final value: of two runs that end alike, the one "
              "that got there sooner learned faster").format(share=REACHED_SHARE)


@dataclass(eq=False)
class GroupRow:
    """The row of a group of seeds of one setup; ``runs`` sorted by seed."""

    name: str
    runs: list[Run]

    @property
    def colour(self) -> int:
        return self.runs[0].colour

    @property
    def config(self) -> ExperimentConfig:
        return self.runs[0].config


Row = Run | GroupRow | None  # None: the current run


def colour_of(index: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)])


def swatch(index: int) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(colour_of(index))
    return QIcon(pix)


def _digits(value: float) -> str:
    """Three significant digits, trailing zeros kept ("1.00", "0.521", "312.")."""
    return f"{value:#.3g}".rstrip(".")


def metric_text(run: Run) -> str:
    """The final metric with its baseline: "0.912 (base 0.521)"."""
    value = run.final_metric()
    if value is None or not math.isfinite(value):
        return "—"
    text = _digits(value)
    if run.baseline is not None and math.isfinite(run.baseline.value):
        text = tr("{value} (base {baseline})").format(value=text,
                                                      baseline=_digits(run.baseline.value))
    return text


def group_metric_text(runs: Sequence[Run]) -> str:
    """The seeds' final metric as mean ± std (sample), with their mean baseline."""
    values = [v for r in runs if (v := r.final_metric()) is not None and math.isfinite(v)]
    if not values:
        return "—"
    text = _digits(float(np.mean(values)))
    if len(values) > 1:
        text += f" ± {float(np.std(values, ddof=1)):.2g}"
    bases = [r.baseline.value for r in runs if r.baseline is not None]
    if bases and all(math.isfinite(b) for b in bases):
        text = tr("{value} (base {baseline})").format(
            value=text, baseline=_digits(float(np.mean(bases))))
    return text


def reached_text(runs: Sequence[Run]) -> str:
    """When the run got (near) where it ended: "step 340 · 4.2 s"; for seeds, the mean
    over them ("≈ step 340 · 4.2 s")."""
    found = [r for run in runs if (r := run.reached()) is not None]
    if not found:
        return "—"
    step = float(np.mean([s for s, _ in found]))
    times = [t for _, t in found if t is not None]
    text = ("≈ " if len(runs) > 1 else "") + tr("step {step:.0f}").format(step=step)
    if len(times) == len(found):
        text += f" · {float(np.mean(times)):.1f} s"
    return text


def group_change_text(before: ExperimentConfig | None, after: ExperimentConfig,
                      limit: int = 3) -> str:
    """What differs from the row before when one of the two is a group of seeds: the
    settings, never the seed (a group spans seeds: that difference is its noise)."""
    if before is None:
        return ""
    same_seed = before.copy()
    same_seed.training.seed = after.training.seed
    return change_text(same_seed, after, limit) or "same settings"


def steps_text(runs: Sequence[Run]) -> str:
    steps = sorted({r.steps() for r in runs})
    return str(steps[0]) if len(steps) == 1 else f"{steps[0]}–{steps[-1]}"


class RunsPanel(QWidget):
    """The table of runs and its commands."""

    seedsRequested = Signal()  # "Repeat with N seeds…": the window asks how many
    saveRequested = Signal()  # "Save runs…": the window asks where

    def __init__(self, controller: RunsHost, comparison: ComparisonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RunsPanel")
        self.controller = c = controller
        self.comparison = comparison
        comparison.staged = True  # drawn in steps while seeds come in: the window stays live
        self.rows: list[Row] = []
        self.expanded: set[str] = set()  # groups whose seeds are listed
        self._filling = False
        self._drawn_version = -1
        self._row_version = -1
        self._stale = True

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([tr(c) if c else c for c in COLUMNS])
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
        self.table.setToolTip(tr("Every run of this session: tick to show it in the "
                                 "comparison, double-click a name (F2) to rename, Delete to "
                                 "delete"))
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellClicked.connect(self._clicked)
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

        self.restore_action = act(tr("Restore"), self.restore_selected,
                                  tr("Make the selected run the current experiment (it goes "
                                     "on training where it stopped; the current one is kept)"))
        self.rename_action = act(tr("Rename"), self.rename_selected,
                                 tr("Rename the selected run"), "F2")
        self.delete_action = act(tr("Delete"), self.delete_selected,
                                 tr("Delete the selected runs (Undo brings them back)"),
                                 QKeySequence(QKeySequence.StandardKey.Delete))
        self.seeds_action = act(tr("Repeat with N seeds…"), self.seedsRequested.emit,
                                tr("Train the current settings with several seeds at once, "
                                   "to see which differences are real"))
        self.save_action = act(tr("Save runs…"), self.saveRequested.emit,
                               tr("Save every run in one runs file (.rnns)"))
        self.cancel_action = act(tr("Cancel"), c.runs.cancel_job,
                                 tr("Stop the runs training now"))

        # The buttons wrap onto more rows in a narrow dock: as one wide grid their German
        # texts kept the dock beside the loss at 213 px on a 1280 px screen, too narrow for
        # What it learned.
        buttons = FlowLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for key, a in (("Restore", self.restore_action),
                       ("Rename", self.rename_action),
                       ("Delete", self.delete_action),
                       ("Repeat with N seeds…", self.seeds_action),
                       ("Save runs…", self.save_action)):
            # Tool buttons: narrower than push buttons, so the side column stays narrow.
            b = QToolButton(self)
            b.setText(tr("Save…") if a is self.save_action else a.text())  # "runs": the panel's
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setToolTip(a.toolTip())
            b.clicked.connect(a.trigger)
            self.buttons[key] = b  # by its English name, whatever the language
            buttons.addWidget(b)
        self.job_label = QLabel(self)
        self.cancel_button = QPushButton(tr("Cancel"), self)
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
        """The selected runs (a group's row stands for its seeds; None: the current run)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out: list[Run | None] = []
        for r in rows:
            if r < len(self.rows):
                row = self.rows[r]
                for run in row.runs if isinstance(row, GroupRow) else [row]:
                    if run not in out:
                        out.append(run)
        return out

    def select(self, run: Run | None) -> None:
        if run in self.rows:
            self.table.selectRow(self.rows.index(run))

    def group_rows(self) -> list[GroupRow]:
        return [r for r in self.rows if isinstance(r, GroupRow)]

    def set_expanded(self, group: str, expanded: bool) -> None:
        """List a group's seeds under its row, or fold them away."""
        if expanded:
            self.expanded.add(group)
        else:
            self.expanded.discard(group)
        self.refresh()

    def _clicked(self, row: int, column: int) -> None:
        """A click on a group's name opens or closes it."""
        target = self.rows[row] if row < len(self.rows) else None
        if isinstance(target, GroupRow) and column == NAME:
            self.set_expanded(target.name, target.name not in self.expanded)

    def _sync_buttons(self) -> None:
        chosen = self.selected()
        kept = [r for r in chosen if r is not None]
        self.restore_action.setEnabled(len(kept) == 1 and len(chosen) == 1)
        self.rename_action.setEnabled(len(chosen) == 1)
        self.delete_action.setEnabled(bool(kept))
        for key, a in (("Restore", self.restore_action), ("Rename", self.rename_action),
                       ("Delete", self.delete_action)):
            self.buttons[key].setEnabled(a.isEnabled())

    # -- commands -----------------------------------------------------------------------
    def restore_selected(self) -> bool:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0] is None:
            return False
        return self.controller.runs.restore_run(chosen[0])

    def rename_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        item = self.table.item(rows[0], NAME) if len(rows) == 1 else None
        if item is not None and not isinstance(self.rows[rows[0]], GroupRow):
            self.table.editItem(item)

    def delete_selected(self) -> None:
        self.controller.runs.delete_runs([r for r in self.selected() if r is not None])

    def _context_menu(self, pos: QPoint) -> None:
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
        if isinstance(run, GroupRow):
            if item.column() == SHOWN:  # the whole group in or out of the comparison
                hidden = item.checkState() == Qt.CheckState.Unchecked
                for member in run.runs:
                    c.set_run_hidden(member, hidden)
            return
        if item.column() == SHOWN:
            c.set_run_hidden(run, item.checkState() != Qt.CheckState.Checked)
        elif item.column() == NAME:
            if not c.rename_run(run, item.text()):
                c.status.emit(tr("“{name}”: a run has this name already, or it is empty."
                                 ).format(name=item.text().strip()), 8_000)
                self.refresh()

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """The table and the comparison, as the book is now: a group of seeds of one
        setup is one row, followed by its seeds (sorted by seed) when opened."""
        c = self.controller.runs
        chosen = self.selected() if self.rows else []
        rows: list[Row] = []
        for entry in entries_of(c.runs):
            if entry.is_group:
                group = GroupRow(entry.name, sorted(entry.runs, key=lambda r: r.seed))
                rows.append(group)
                if group.name in self.expanded:
                    rows.extend(group.runs)
            else:
                rows.extend(entry.runs)
        if c.has_current_run():
            rows.append(None)
        self.rows = rows
        self._filling = True
        try:
            self.table.setRowCount(len(rows))
            previous: Run | GroupRow | None = None  # the row above at the top level
            for i, row in enumerate(rows):
                if isinstance(row, GroupRow):
                    self._fill_group(i, row, previous)
                    previous = row
                    continue
                shown = c.current_run() if row is None else row
                member = shown.group is not None and any(
                    isinstance(g, GroupRow) and shown in g.runs for g in rows)
                self._fill_row(i, shown, None if member else previous, current=row is None,
                               member=member)
                if not member:
                    previous = shown
        finally:
            self._filling = False
        self.table.clearSelection()
        for r in chosen:
            if r in self.rows:
                self.table.selectRow(self.rows.index(r))
        self._sync_buttons()
        self.draw_comparison()

    def _changed(self, before: Run | GroupRow | None,
                 after: Run | GroupRow) -> tuple[str, str]:
        """The Changed cell's text and tooltip."""
        config = before.config if before is not None else None
        if isinstance(before, GroupRow) or isinstance(after, GroupRow):
            return (group_change_text(config, after.config),
                    group_change_text(config, after.config, limit=99) or "the first run")
        return (change_text(config, after.config),
                change_text(config, after.config, limit=99) or "the first run")

    def _fill_group(self, i: int, group: GroupRow, before: Run | GroupRow | None) -> None:
        enabled = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        hidden = [r.hidden for r in group.runs]
        check = QTableWidgetItem()
        check.setIcon(swatch(group.colour))
        check.setFlags(enabled | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Unchecked if all(hidden) else
                            Qt.CheckState.Checked if not any(hidden)
                            else Qt.CheckState.PartiallyChecked)
        check.setToolTip(tr("The group is shown in the comparison (untick to hide its seeds)"))
        opened = group.name in self.expanded
        name = QTableWidgetItem(f"{'▾' if opened else '▸'} {group.name}")
        seeds = sorted(r.seed for r in group.runs)
        listed = ", ".join(map(str, seeds))
        name.setToolTip(
            tr("%n seed(s) of one setup (seeds {seeds}): click to fold them away",
               n=len(seeds)).format(seeds=listed) if opened else
            tr("%n seed(s) of one setup (seeds {seeds}): click to list them",
               n=len(seeds)).format(seeds=listed))
        changed, tip = self._changed(before, group)
        cells = [check, name, QTableWidgetItem(changed), QTableWidgetItem(
            steps_text(group.runs)), QTableWidgetItem(group_metric_text(group.runs)),
            QTableWidgetItem(reached_text(group.runs))]
        cells[CHANGED].setToolTip(tip)
        metric = tr(group.runs[0].metric_name or "metric")
        cells[METRIC].setToolTip(tr("{metric} at the last step: mean ± standard deviation "
                                    "over the %n seed(s)", n=len(seeds)).format(metric=metric))
        cells[REACHED].setToolTip(tr("{tip} (the mean over the seeds)").format(tip=reached_tip()))
        for col, cell in enumerate(cells):
            if col != SHOWN:
                cell.setFlags(enabled)
            self.table.setItem(i, col, cell)

    def _fill_row(self, i: int, run: Run, before: Run | GroupRow | None, current: bool,
                  member: bool = False) -> None:
        editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        check = QTableWidgetItem()
        check.setIcon(swatch(run.colour))
        check.setFlags(editable | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Unchecked if run.hidden else Qt.CheckState.Checked)
        check.setToolTip(tr("Shown in the comparison (untick to hide it)"))
        name = QTableWidgetItem(("    " if member else "") + printable(run.name))  # a file's
        name.setFlags(editable | (Qt.ItemFlag.NoItemFlags if member
                                  else Qt.ItemFlag.ItemIsEditable))
        if member:
            changed = tr("seed {seed}").format(seed=run.seed)
            tip = tr("One seed of the group above")
        else:
            changed, tip = self._changed(before, run)
        cells = [check, name, QTableWidgetItem(changed), QTableWidgetItem(str(self._steps(run))),
                 QTableWidgetItem(metric_text(run)), QTableWidgetItem(reached_text([run]))]
        cells[CHANGED].setToolTip(tip)
        metric = tr(run.metric_name or "metric")
        cells[METRIC].setToolTip(
            tr("{metric} on the validation set at the last step; {baseline}: {value:.4g}"
               ).format(metric=metric, baseline=baseline_word(run.baseline.name),
                        value=run.baseline.value)
            if run.baseline else
            tr("{metric} on the validation set at the last step").format(metric=metric))
        cells[REACHED].setToolTip(reached_tip())
        if current:
            font = QFont(name.font())
            font.setBold(True)
            name.setFont(font)
            name.setToolTip(tr("The current experiment (training in the window) · group {group}"
                               ).format(group=run.group) if run.group else
                            tr("The current experiment (training in the window)"))
        else:
            name.setToolTip(tr("Seed {seed} · group {group}").format(seed=run.seed,
                                                                    group=run.group)
                            if run.group else tr("Seed {seed}").format(seed=run.seed))
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
                current = c.current_run()
                for column, text in ((STEPS, str(self.controller.step)),
                                     (METRIC, metric_text(current)),
                                     (REACHED, reached_text([current]))):
                    cell = self.table.item(row, column)
                    if cell is not None:
                        cell.setText(text)
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
        self.buttons["Repeat with N seeds…"].setEnabled(not busy)
