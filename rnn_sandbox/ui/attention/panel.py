"""The Attention dock: the alignment heatmap (replayable), writing word by word (the top
candidates, what if), the beam search tree and the accuracy by source length; for a network
that does not attend, a message that says how to make it attend.

:class:`AttentionView` is the panel as the controller sees it: every snapshot's α of the
watched sample is kept for the replay (cheap: one small matrix each); the decodings and
the accuracy by length are worked out, with the snapshot's weights, only while the panel
is in view and at most once a second."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.engine.inspect import network_from
from rnn_sandbox.engine.network import Network
from rnn_sandbox.session import Experiment
from rnn_sandbox.ui.attention.decoding import DecodingPanel
from rnn_sandbox.ui.attention.heatmap import Alignment, AlignmentPlot, LengthPlot
from rnn_sandbox.ui.i18n import tr
from rnn_sandbox.ui.plots import on_screen
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.views import WhenShown
from rnn_sandbox.ui.worker import Progress

WORK_INTERVAL = 1.0  # seconds between two decodings while training


def attends(config) -> bool:
    """Whether a network of ``config`` has attention (a seq2seq decoder that looks back)."""
    net = config.network
    return net.architecture == "seq2seq" and net.attention != "none"


def writes_sentences(config) -> bool:
    """Whether a network of ``config`` writes word by word after reading a sequence (its
    decoding and its accuracy by length can be shown, attending or not)."""
    return config.network.architecture == "seq2seq"


class AttentionPanel(QWidget):
    """The three views in tabs; above them, for a network that does not attend, a message
    saying how to make it attend (a sequence-to-sequence network without attention still
    shows its writing and its accuracy by length: the comparison the lesson makes)."""

    appliesChanged = Signal(bool)  # the network shown attends (True) or not

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(tr(
            "This network has no attention: its decoder sees only the encoder's last state. "
            "Set Attention in Settings (a sequence-to-sequence task such as Translation) to "
            "see where each word it writes looks."))
        self.message.setWordWrap(True)
        self.message.setMargin(12)
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.alignment = AlignmentPlot()
        self.decoding = DecodingPanel()
        self.lengths = LengthPlot()
        # Without attention the Alignment tab says how to get it (in the tab: the writing
        # and the accuracy by length keep the dock's height).
        self.no_alignment = QLabel(tr(
            "This network has no attention: its decoder sees only the encoder's last "
            "state. Set Attention in Settings to see where each word it writes looks."))
        self.no_alignment.setWordWrap(True)
        self.no_alignment.setMargin(12)
        self.alignment_page = QStackedWidget()
        self.alignment_page.addWidget(self.alignment)
        self.alignment_page.addWidget(self.no_alignment)
        self.tabs.addTab(self.alignment_page, tr("Alignment"))
        # The writing's tables scroll: their least height must not raise the dock's.
        writing = QScrollArea()
        writing.setWidgetResizable(True)
        writing.setFrameShape(QFrame.Shape.NoFrame)
        writing.setWidget(self.decoding)
        self.tabs.addTab(writing, tr("Writing"))
        self.beam = self.decoding.beam  # the tree needs a tab's room
        self.tabs.addTab(self.beam, tr("Beam"))
        self.tabs.addTab(self.lengths, tr("By length"))
        layout.addWidget(self.tabs, 1)
        self.applies = False
        self.set_applies(False)

    def set_applies(self, applies: bool, writes: bool | None = None) -> None:
        """Whether the network attends, and whether it writes sentences (default: as it
        attends); without attention the alignment's tab holds the message."""
        writes = applies if writes is None else writes
        changed = applies != self.applies
        self.applies = applies
        self.message.setVisible(not writes)
        self.tabs.setVisible(writes)
        self.alignment_page.setCurrentWidget(self.alignment if applies else self.no_alignment)
        if changed:
            # Attending: its alignment; not: its accuracy by length, what attention changes.
            self.tabs.setCurrentWidget(self.alignment_page if applies else self.lengths)
        if changed:
            self.appliesChanged.emit(applies)


class AttentionView:
    """Shows an experiment and its progress in an :class:`AttentionPanel`."""

    def __init__(self, panel: AttentionPanel) -> None:
        self.panel = panel
        self.exp: Experiment | None = None
        self.pending: Snapshot | None = None
        self.last_work = 0.0
        panel.tabs.currentChanged.connect(lambda _: self.catch_up())
        self.exposure = WhenShown(panel, self.catch_up)

    def show_experiment(self, view: ViewData) -> None:
        exp = view.experiment
        on, writes = attends(view.config), writes_sentences(view.config)
        self.panel.set_applies(on, writes)
        self.exposure.follow_docks()
        self.panel.alignment.clear()
        self.panel.lengths.show_rows([], 0)
        self.pending = None
        self.exp = exp if writes else None
        if not writes:
            return
        vocab = exp.dataset.meta.get("vocab")
        self.panel.decoding.set_vocab(list(vocab) if isinstance(vocab, list | tuple) else [])
        self.panel.decoding.src_x = None
        index = 0
        sample = exp.dataset.val.subset(slice(index, index + 1))
        outputs, alpha = exp.network.generate_with_attention(
            sample.x, sample.mask, steps=sample.y.shape[1])
        if on and alpha is not None:
            self.panel.alignment.add(self.frame(view.step, index, outputs[0], alpha[0]))
            self.panel.alignment.draw()
        self.work(exp.network, index, view.step)

    def frame(self, step: int, index: int, outputs: np.ndarray, alpha: np.ndarray) -> Alignment:
        """α of sample ``index`` with its words: the rows the words written (up to the end
        word), the columns the source words."""
        assert self.exp is not None
        task, data = self.exp.task, self.exp.dataset
        source = task.step_labels(data, index).get("encoder")
        written = task.written_tokens(data, outputs) if hasattr(task, "written_tokens") else []
        rows = len(written) if written else len(alpha)
        cols = len(source) if source else alpha.shape[1]
        a = np.asarray(alpha, float)[:rows, :cols]
        return Alignment(step, a, list(written) or [str(t + 1) for t in range(rows)],
                         list(source) if source else [str(j + 1) for j in range(cols)])

    def show_progress(self, p: Progress) -> None:
        if self.exp is None:
            return
        snaps = [s for s in (p.snapshots or ([p.snapshot] if p.snapshot else []))
                 if s.weights is not None and s.outputs is not None]
        if not snaps:
            return
        for s in snaps:  # every one, shown or not: the replay needs them all
            if s.attention is not None and s.outputs is not None:
                self.panel.alignment.add(
                    self.frame(s.step, s.sample_index, s.outputs, s.attention))
        self.pending = snaps[-1]
        if on_screen(self.panel):
            self.panel.alignment.draw()
            if not p.running or time.monotonic() - self.last_work >= WORK_INTERVAL:
                self.catch_up()

    def catch_up(self) -> None:
        """The decodings and the accuracy by length from the latest weights, when seen."""
        snap = self.pending
        if snap is None or self.exp is None or snap.weights is None:
            return
        if not on_screen(self.panel):
            return
        self.pending = None
        self.panel.alignment.draw()
        net = network_from(self.exp.config.network, weights=snap.weights)
        self.work(net, snap.sample_index, snap.step)

    def work(self, net: Network, index: int, step: int) -> None:
        """Decode the watched sample (candidates, what if, beam) and measure the accuracy
        by source length on the validation set, with ``net``."""
        assert self.exp is not None
        self.last_work = time.monotonic()
        val = self.exp.dataset.val
        i = min(index, len(val) - 1)
        sample = val.subset(slice(i, i + 1))
        self.panel.decoding.set_sample(net, sample.x, sample.mask, sample.y.shape[1])
        by_length = getattr(self.exp.task, "accuracy_by_length", None)
        if by_length is not None:
            outputs = net.generate(val.x, val.mask, steps=val.y.shape[1])
            self.panel.lengths.show_rows(by_length(outputs, val), step)
