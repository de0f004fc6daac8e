"""Writing word by word, shown: the top candidates of each output step with their
probabilities, "what if" (click a candidate: that word is forced there and the network
writes the rest), and beam search of width k beside greedy decoding, its tree drawn by
:class:`~rnn_sandbox.ui.attention.beam.BeamTreePlot` (a tab of its own).  The decoding
itself is the engine's (:mod:`rnn_sandbox.engine.decode`), on the watched sample with the
latest weights."""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.engine.decode import BeamTree, beam_search, what_if
from rnn_sandbox.engine.network import Network
from rnn_sandbox.ui.attention.beam import BeamTreePlot
from rnn_sandbox.ui.i18n import tr

TOP = 3  # candidates shown per output step
FORCED = QColor("#E69F00")


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Written:
    """One decoding of the watched sample: the words, each step's best candidates as
    (word, probability), the attention weights, and the steps that were forced."""

    words: list[int]
    candidates: list[list[tuple[int, float]]]
    alpha: np.ndarray | None
    forced: dict[int, int]


def decode(net: Network, x: np.ndarray, mask: np.ndarray | None, steps: int,
           forced: dict[int, int], end: int | None) -> Written:
    """Greedy decoding of one sample with ``forced`` words, cut after the end word."""
    outs, words, alpha = what_if(net, x, mask, steps, forced)
    probs = softmax(np.asarray(outs[0], float))
    n = steps
    if end is not None and end in words[0]:
        n = int(list(words[0]).index(end)) + 1
    cands = [[(int(k), float(p[k])) for k in np.argsort(-p, kind="stable")[:TOP]]
             for p in probs[:n]]
    return Written([int(w) for w in words[0, :n]], cands,
                   None if alpha is None else alpha[0, :n], dict(forced))


class DecodingPanel(QWidget):
    """The candidates table (a click forces a word), greedy beside what if; beam search
    of the chosen width, drawn in :attr:`beam`."""

    forcedChanged = Signal()  # a word was forced or the forcing undone: the new decoding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.sentence)
        self.table = QTableWidget(0, 1 + TOP)
        self.table.setHorizontalHeaderLabels(
            [tr("written"), *(tr("choice {0}").format(i + 1) for i in range(TOP))])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setToolTip(tr("Click a candidate: the network must write it at that "
                                 "step and writes the rest itself (what if)"))
        self.table.cellClicked.connect(self._clicked)
        layout.addWidget(self.table, 2)
        row = QHBoxLayout()
        self.undo_force = QPushButton(tr("Its own choices"))
        self.undo_force.setToolTip(tr("Forget the forced words: greedy decoding again"))
        self.undo_force.clicked.connect(self.unforce)
        row.addWidget(self.undo_force)
        row.addStretch(1)
        layout.addLayout(row)
        # Beam search has a tab of its own (its tree needs the room); the width and the
        # tree are decoded here with the rest.
        self.beam = BeamTreePlot()
        self.width_spin = self.beam.width_spin
        self.beam_label = self.beam.label
        self.width_spin.valueChanged.connect(lambda _: self.redo())
        self.vocab: list[str] = []
        self.end: int | None = None
        self.net: Network | None = None
        self.src_x: np.ndarray | None = None
        self.src_mask: np.ndarray | None = None
        self.steps = 1
        self.forced: dict[int, int] = {}
        self.written: Written | None = None
        self.greedy: Written | None = None
        self.tree: BeamTree | None = None

    # -- what is decoded -------------------------------------------------------------------
    def set_vocab(self, vocab: list[str]) -> None:
        self.vocab = list(vocab)
        self.end = self.vocab.index("<end>") if "<end>" in self.vocab else None
        self.forced = {}

    def set_sample(self, net: Network, x: np.ndarray, mask: np.ndarray | None,
                   steps: int) -> None:
        """Decode the sample ``x`` (1, T, I) with ``net``'s weights (a new sample or new
        weights; the forced words stay while the sample is the same)."""
        old = self.src_x
        same = old is not None and old.shape == x.shape and np.array_equal(old, x)
        if not same:
            self.forced = {}
        self.net, self.src_x, self.src_mask, self.steps = net, x, mask, max(1, steps)
        self.redo()

    def word(self, k: int) -> str:
        return self.vocab[k] if 0 <= k < len(self.vocab) else str(k)

    def redo(self) -> None:
        if self.net is None or self.src_x is None:
            return
        self.greedy = decode(self.net, self.src_x, self.src_mask, self.steps, {}, self.end)
        self.written = self.greedy if not self.forced else decode(
            self.net, self.src_x, self.src_mask, self.steps, self.forced, self.end)
        self.tree = beam_search(self.net, self.src_x, self.src_mask, self.steps,
                                self.width_spin.value(), self.end)
        self._show()

    def force(self, step: int, word: int) -> None:
        """What if the network wrote ``word`` at output ``step``: decode the rest."""
        # The words forced before it stay; those after it belonged to another sentence.
        self.forced = {t: w for t, w in self.forced.items() if t < step}
        self.forced[step] = word
        self.redo()
        self.forcedChanged.emit()

    def unforce(self) -> None:
        self.forced = {}
        self.redo()
        self.forcedChanged.emit()

    def _clicked(self, row: int, col: int) -> None:
        if self.written is None or col == 0 or row >= len(self.written.candidates):
            return
        cands = self.written.candidates[row]
        if col - 1 < len(cands):
            self.force(row, cands[col - 1][0])

    # -- showing ---------------------------------------------------------------------------
    def sentence_text(self, w: Written) -> str:
        """The words of ``w``, escaped for the label's rich text (``<end>``)."""
        return html.escape(" ".join(self.word(k) for k in w.words))

    def _show(self) -> None:
        w = self.written
        assert w is not None and self.greedy is not None and self.tree is not None
        self.table.setRowCount(len(w.candidates))
        bold = QFont()
        bold.setBold(True)
        for t, cands in enumerate(w.candidates):
            first = QTableWidgetItem(self.word(w.words[t]))
            if t in w.forced:
                first.setBackground(QBrush(FORCED))
                first.setToolTip(tr("forced"))
            self.table.setItem(t, 0, first)
            for c in range(TOP):
                text = ""
                if c < len(cands):
                    k, p = cands[c]
                    text = f"{self.word(k)} {p:.2f}"
                item = QTableWidgetItem(text)
                if c < len(cands) and cands[c][0] == w.words[t]:
                    item.setFont(bold)
                self.table.setItem(t, c + 1, item)
        self.table.setVerticalHeaderLabels([str(t + 1) for t in range(len(w.candidates))])
        parts = [tr("<b>Greedy:</b> {0}").format(self.sentence_text(self.greedy))]
        if w.forced:
            which = ", ".join(tr("{0} at step {1}").format(self.word(k), t + 1)
                              for t, k in sorted(w.forced.items()))
            parts.append(tr("<b>What if</b> ({0}): {1}").format(which, self.sentence_text(w)))
        self.sentence.setText("<br>".join(parts))
        self._show_tree(self.tree)

    def beam_words(self) -> list[int]:
        return [] if self.tree is None else self.tree.tokens()

    def _show_tree(self, tree: BeamTree) -> None:
        greedy = self.greedy
        assert greedy is not None
        self.beam.show_tree(tree, [(k, dict(c)[k]) for c, k in
                                   zip(greedy.candidates, greedy.words, strict=True)],
                            self.word)
