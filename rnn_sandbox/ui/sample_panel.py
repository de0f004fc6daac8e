"""The Sample panel: the network writes freely after a prompt the learner types.

Shown for tasks whose network writes (``Task.writes``).  The writing itself is the task's
(``Task.writer``: the same code a script calls); this panel only asks for it a few
characters at a time, each turn of the event loop taking at most
:data:`SLICE_SECONDS`, so the window answers while a long text is written.  The weights are
those of the latest snapshot training reported (or the experiment's, before any), so
writing never pauses training.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.engine.inspect import network_from
from rnn_sandbox.tasks import TaskError
from rnn_sandbox.ui.fit import FlowLayout
from rnn_sandbox.ui.i18n import tr

if TYPE_CHECKING:
    from rnn_sandbox.config import NetworkConfig
    from rnn_sandbox.engine import Dataset
    from rnn_sandbox.tasks import Task
    from rnn_sandbox.ui.controller import ViewData
    from rnn_sandbox.ui.worker import Progress

SLICE_SECONDS = 0.015  # writing time per turn of the event loop: the window stays fluid
MAX_LENGTH = 5000


def offer(window: QMainWindow, dock: QDockWidget, beside: QDockWidget, applies: bool) -> None:
    """The Sample dock in a tab beside ``beside`` (which stays in front) while the task
    writes; hidden otherwise."""
    if not applies:
        dock.hide()
        return
    if dock.isHidden():
        front = next((d for d in [beside, *window.tabifiedDockWidgets(beside)]
                      if not d.visibleRegion().isEmpty()), beside)
        # Hidden, it takes no room until it is a tab: shown beside the others first, it
        # would widen the window for a moment (and a window never narrows by itself).
        window.tabifyDockWidget(beside, dock)
        dock.show()
        front.raise_()


class SamplePanel(QWidget):
    """Prompt, temperature, length and seed; Write; the text written."""

    appliesChanged = Signal(bool)  # the task shown writes (True) or not (False)
    finished = Signal(str)  # the whole text, once written

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = QLineEdit()
        self.prompt.setToolTip(tr("What the network reads first; it writes on from there"))
        self.prompt.setMinimumWidth(60)
        self.prompt.returnPressed.connect(self.write)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 3.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(2)
        self.temperature.setValue(0.5)
        self.temperature.setToolTip(
            tr("Below 1: safer, more repetitive; above 1: more adventurous; 0: always the "
            "most likely next character"))
        self.length = QSpinBox()
        self.length.setRange(1, MAX_LENGTH)
        self.length.setValue(300)
        self.length.setToolTip(tr("At most how many characters (or words) the network writes "
                               "after the prompt"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 99_999)
        self.seed.setToolTip(tr("The same seed, prompt, temperature and weights write the same "
                             "text"))
        self.button = QPushButton(tr("Write"))
        self.button.setToolTip(tr("Let the network write with its weights now"))
        self.button.clicked.connect(self.write)
        # Short rows that wrap: the panel shares a laptop's bottom dock with the prediction
        # and must not widen it (the loss beside it needs its room).
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(QLabel(tr("Prompt:")))
        prompt_row.addWidget(self.prompt, 1)
        grid = FlowLayout()
        for label, control in ((tr("Temperature:"), self.temperature), (tr("Seed:"), self.seed),
                               (tr("Length:"), self.length)):
            pair = QWidget()  # a label stays with its box
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(label))
            row.addWidget(control)
            grid.addWidget(pair)
        grid.addWidget(self.button)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._monospace()
        self.output.setPlaceholderText(tr("Type a prompt and press Write."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(prompt_row)
        layout.addLayout(grid)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.status)
        self.task: Task | None = None
        self.dataset: Dataset | None = None
        self.network_config: NetworkConfig | None = None
        self.weights: dict[str, np.ndarray] | None = None  # the latest known
        self.weights_step = 0
        self.applies: bool | None = None
        self.text = ""  # written so far (the prompt first)
        self.prompt_read = ""  # the prompt as the network read it (lower-cased, say)
        self._pieces: Iterator[str] | None = None
        self._left = 0
        self._how = ""  # the weights, temperature and seed of the text shown
        self._written = 0  # pieces (characters, words) written after the prompt
        self.example = ""  # the prompt example of the task shown
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._write_some)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the window's zoom
            self._monospace()

    def _monospace(self) -> None:
        """The written text in a fixed-width font, as large as the panel's own."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF())
        self.output.setFont(font)

    # -- what the controller shows it (a View) --------------------------------------------
    def show_experiment(self, view: ViewData) -> None:
        exp = view.experiment
        self.set_source(exp.task, exp.dataset, view.config.network,
                        exp.network.state_dict(), view.step)

    def show_progress(self, p: Progress) -> None:
        snap = p.snapshot
        if snap is not None and snap.weights is not None:
            self.weights, self.weights_step = snap.weights, snap.step

    def set_source(self, task: Task, dataset: Dataset, network: NetworkConfig,
                   weights: dict[str, np.ndarray] | None, step: int = 0) -> None:
        """The task, its data and the network that writes (its config and weights)."""
        self.stop()
        self.task, self.dataset, self.network_config = task, dataset, network
        self.weights, self.weights_step = weights, step
        applies = bool(task.writes)
        self.setEnabled(applies)
        if task.prompt_example and task.prompt_example != self.example:
            self.example = task.prompt_example  # another task: its own kind of prompt
            self.prompt.setText(task.prompt_example)
            self.output.setPlainText("")
            self.status.setText("")
        if applies != self.applies:
            self.applies = applies
            self.appliesChanged.emit(applies)

    # -- writing --------------------------------------------------------------------------
    def network(self) -> Any:
        """A network with the latest weights, its own copy: training may change them."""
        assert self.network_config is not None
        return network_from(self.network_config, weights=self.weights)

    def write(self) -> bool:
        """Start writing (anew); False, with the reason shown, when it cannot."""
        self.stop()
        if self.task is None or self.dataset is None or not self.applies:
            self.status.setText(tr("This task's network does not write."))
            return False
        try:
            prompt, pieces = self.task.writer(self.network(), self.dataset, self.prompt.text(),
                                              self.temperature.value(), self.seed.value())
        except TaskError as e:
            self.status.setText(tr("Cannot write: {e}").format(e=e))
            self.output.setPlainText("")
            return False
        self.text, self.prompt_read = prompt, prompt
        self._pieces, self._left, self._written = pieces, self.length.value(), 0
        self.output.setPlainText(prompt)
        self._how = tr("the weights of step {step}, temperature {temperature:g}, seed {seed}"
                       ).format(step=self.weights_step, temperature=self.temperature.value(),
                                seed=self.seed.value())
        self.status.setText(tr("Writing with {how}…").format(how=self._how))
        self._timer.start()
        return True

    def writing(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        self._pieces = None

    def _write_some(self) -> None:
        """As many pieces as fit in one slice of time, appended to the text shown."""
        if self._pieces is None:
            self._timer.stop()
            return
        end = time.perf_counter() + SLICE_SECONDS
        new = []
        done = False
        while self._left > 0 and time.perf_counter() < end:
            piece = next(self._pieces, None)
            if piece is None:  # it wrote its end (a caption's end token)
                done = True
                break
            new.append(piece)
            self._left -= 1
        self._written += len(new)
        added = "".join(new)
        self.text += added
        cursor = self.output.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(added)
        if done or self._left <= 0:
            self.stop()
            words = self.task is not None and self.task.writes == "words"
            self.status.setText(
                (tr("Written with {how}: %n word(s) after the prompt.", n=self._written) if words
                 else tr("Written with {how}: %n character(s) after the prompt.",
                         n=self._written)).format(how=self._how))
            self.finished.emit(self.text)
