"""The *What it learned* panel as the controller sees it (a
:class:`~rnn_sandbox.ui.view_data.View`), and the picture ``rnn-sandbox units --png``
writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.tasks.units import Learned
from rnn_sandbox.ui.i18n import tr
from rnn_sandbox.ui.learned.charts import SpacePlot
from rnn_sandbox.ui.learned.panel import LearnedView
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.views import WhenShown, shown
from rnn_sandbox.ui.worker import Progress


def network_label(config: Any) -> str:
    """A network in a few words, for the look-back curves: "LSTM, 16 units"."""
    n = config.network
    spec = CELL_TABLE.get(n.cell)
    cell = tr(spec.title) if spec is not None else n.cell  # "simple RNN", "minGRU"
    text = tr("{0}, {1} units").format(cell, n.hidden_size)
    return tr("{0}, 2 directions").format(text) if n.bidirectional else text


class LearnedPanelView:
    """Draws the latest :class:`Learned` a snapshot brings while the panel is in view; out
    of view it keeps only the latest and draws it when shown."""

    def __init__(self, view: LearnedView,
                 request: Callable[[], None] = lambda: None) -> None:
        self.view = view
        self.request = request  # asks the training for what the panel shows, if in view
        self.pending: Learned | None = None
        self.exposure = WhenShown(view, self.catch_up)
        self.task = ""
        self.label = ""

    def show_experiment(self, data: ViewData) -> None:
        self.exposure.follow_docks()
        self.task, self.label = data.config.task.name, network_label(data.config)
        self.pending = None
        recurrent = data.config.network.cell != "dense"
        self.view.clear("" if recurrent else tr(
            "This network has no recurrent states: it has no hidden units to show."))
        self.request()  # a new training process forgot the wish

    def show_progress(self, progress: Progress) -> None:
        snaps: list[Snapshot] = list(progress.snapshots) or (
            [progress.snapshot] if progress.snapshot is not None else [])
        learned = next((s.learned for s in reversed(snaps)
                        if getattr(s, "learned", None) is not None), None)
        if learned is None:
            return
        if shown(self.view):
            self.pending = None
            self.view.show_learned(learned, self.label)
        else:
            self.pending = learned

    def catch_up(self) -> None:
        learned, self.pending = self.pending, None
        if learned is not None:
            self.view.show_learned(learned, self.label)


def render_learned(exp: Any, learned: Learned, layer: str, unit: int, path: Path,
                   size: tuple[int, int]) -> Path:
    """The text (or series) coloured by ``unit`` with every unit's strip, beside the
    states' projection, as a PNG of ``size`` pixels (an offscreen application must run)."""
    view = LearnedView()
    view.show_learned(learned, network_label(exp.config))
    view.choose(layer, unit)
    picture = QWidget()
    picture.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    picture.setStyleSheet("background: white;")
    row = QHBoxLayout(picture)
    left = QVBoxLayout()
    for w in (view.summary, view.text_title, view.text, view.trace, view.multiples):
        w.setParent(picture)
        left.addWidget(w)
    view.text.setVisible(learned.tokens is not None)
    view.trace.setVisible(learned.tokens is None)
    left.addStretch(1)
    row.addLayout(left, 1)
    space = SpacePlot(picture)
    labels = learned.labels is not None
    space.show_projection(learned.projections[layer], learned.mask, learned.labels,
                          learned.label_names, labels, learned.tokens, learned.indices)
    row.addWidget(space, 1)
    picture.resize(*size)
    picture.show()
    picture.grab().save(str(path))
    picture.close()
    picture.deleteLater()
    view.deleteLater()
    return path
