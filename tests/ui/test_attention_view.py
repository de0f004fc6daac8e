"""The Attention dock: the alignment heatmap labelled with the watched sample's words and
replayable over training, its export, writing word by word (candidates, what if, beam
search) and the accuracy by length; a network without attention gets a message."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import Qt

from rnn_sandbox.engine.decode import BeamNode, BeamTree, beam_search
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.tasks.translation import VOCAB
from rnn_sandbox.ui.attention import AttentionPanel, AttentionView, BeamTreePlot
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.worker import Progress


def translation(small, attention: str = "general") -> Experiment:
    cfg = small(get_task("translation").default_config())
    cfg.task.n_samples = 120
    cfg.network.attention = attention
    return Experiment(cfg)


@pytest.fixture
def panel(qtbot):
    p = AttentionPanel()
    qtbot.addWidget(p)
    p.resize(520, 380)
    p.show()
    qtbot.waitExposed(p)
    return p


@dataclass
class Drawn:
    """What a beam tree plot drew: where each node's box sits and what it says, the
    lines between boxes, the boxes filled as the best beam's and bordered as greedy's."""

    boxes: list[tuple[float, float]]
    texts: list[str]
    outside: list[tuple[float, float]]
    edges: set
    best_edges: set
    greedy_edges: set
    best: list[int]
    greedy: list[int]


def drawn(plot: BeamTreePlot) -> Drawn:
    def at(box) -> tuple[float, float]:
        return float(box.pos().x()), float(box.pos().y())

    def segments(kind: str) -> set:
        x, y = plot.lines[kind].xData, plot.lines[kind].yData
        x, y = ([], []) if x is None else (x, y)
        return {((x[k], y[k]), (x[k + 1], y[k + 1])) for k in range(0, len(x), 2)}

    boxes = [plot.boxes[i] for i in range(len(plot.boxes))]
    best_fill = [b.fill.color() == plot.best_fill() for b in boxes]
    dashed = [b.border.style() == Qt.PenStyle.DashLine for b in boxes]
    return Drawn([at(b) for b in boxes], [b.textItem.toPlainText() for b in boxes],
                 [at(b) for _t, b in sorted(plot.outside.items())],
                 segments("plain") | segments("best") | segments("greedy"), segments("best"),
                 segments("greedy"), [i for i, f in enumerate(best_fill) if f],
                 [i for i, g in enumerate(dashed) if g])


def greedy_nodes(tree: BeamTree, words: list[int]) -> list[int]:
    """The tree's nodes that write the greedy sentence from its first word on."""
    out, parent = [], -1
    for t, k in enumerate(words):
        here = [i for i, n in enumerate(tree.nodes)
                if n.step == t and n.parent == parent and n.token == k]
        if not here:
            break
        parent = here[0]
        out.append(parent)
    return out


def export_rows(plot, path) -> list[list[str]]:
    plot.export(path)
    return list(csv.reader(path.open(encoding="utf-8")))


def title_fits(plot) -> str | None:
    """The title a plot panel shows, if it fits its place (else None)."""
    label = plot.plot.titleLabel
    return label.text if label.item.boundingRect().width() <= label.width() else None


def report(view: AttentionView, snap) -> None:
    view.show_progress(Progress(0, snap, np.zeros(0), np.zeros(0), snapshots=[snap],
                                running=False))


def test_the_heatmap_is_the_watched_samples_alpha_labelled_with_its_words_and_replays(
        qtbot, panel, small, tmp_path):
    exp = translation(small)
    view = AttentionView(panel)
    view.show_experiment(ViewData.of(exp, 0))
    plot = panel.alignment
    assert panel.applies and not panel.tabs.isHidden() and panel.message.isHidden()
    assert panel.alignment_page.currentWidget() is plot
    snaps = []
    for _ in range(2):
        for _ in range(5):
            exp.trainer.step()
        snaps.append(exp.trainer.step(collect=True))
        report(view, snaps[-1])
    assert [f.step for f in plot.frames] == [0, *(s.step for s in snaps)]
    # Live: the latest snapshot, its rows the words written, its columns the source words.
    snap = snaps[-1]
    labels = exp.task.step_labels(exp.dataset, snap.sample_index)
    written = exp.task.written_tokens(exp.dataset, snap.outputs)
    frame = plot.shown_frame()
    assert frame is plot.frames[-1]
    assert plot.source_axis.labels == labels["encoder"]
    assert plot.written_axis.labels == written
    np.testing.assert_allclose(plot.image.image,
                               snap.attention[: len(written), : len(labels["encoder"])])
    np.testing.assert_allclose(plot.image.image.sum(axis=1), 1.0, atol=1e-5)
    # Replay: the slider's first position shows the untrained network's weights.
    plot.slider.setValue(0)
    assert not plot.live and plot.step_label.text().endswith(" 0")
    before = plot.frames[0].alpha
    np.testing.assert_allclose(plot.image.image, before)
    report(view, exp.trainer.step(collect=True))  # replaying, a new frame does not jump
    assert plot.slider.value() == 0 and len(plot.frames) == 4
    plot.slider.setValue(plot.slider.maximum())
    assert plot.live
    # At 520 × 380 the heatmap's data area is at least 120 × 80 px, its colour bar beside
    # it, its whole title above; as narrow as the Attention dock was in German at 1280 ×
    # 720 the bar makes way, and the heatmap keeps its width without scrolling sideways,
    # under a shorter title that fits (the whole one in the tooltip); wide again, as before.
    area = plot.graphics_area()

    def fits(bar: bool) -> bool:
        whole = title_fits(plot) == plot.titles[0]
        return (plot.bar_shown == bar and plot.colorbar.isVisible() == bar and whole == bar
                and plot.plot.vb.width() >= 120 and plot.plot.vb.height() >= 80
                and not area.horizontalScrollBar().isVisible()
                and (plot.titles[0] in plot.graphics.toolTip()) != whole)

    qtbot.waitUntil(lambda: fits(bar=True))
    panel.resize(232, 380)
    qtbot.waitUntil(lambda: fits(bar=False))
    panel.resize(520, 380)
    qtbot.waitUntil(lambda: fits(bar=True))
    # Exports open: the CSV is the shown matrix with its words; PNG and SVG are images.
    plot.export(tmp_path / "a.csv")
    rows = list(csv.reader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert rows[0][1:] == plot.frames[-1].source
    assert [r[0] for r in rows[1:]] == plot.frames[-1].written
    np.testing.assert_allclose(np.array(rows[1:])[:, 1:].astype(float),
                               plot.frames[-1].alpha, atol=1e-6)
    plot.export(tmp_path / "a.png")
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    plot.export(tmp_path / "a.svg")
    assert "<svg" in (tmp_path / "a.svg").read_text(encoding="utf-8")


def test_candidates_what_if_and_beam_come_from_the_engine_on_the_watched_sample(
        qtbot, panel, small, tmp_path):
    exp = translation(small)
    view = AttentionView(panel)
    view.show_experiment(ViewData.of(exp, 0))
    dec = panel.decoding
    sample = exp.dataset.val.subset(slice(0, 1))
    steps = sample.y.shape[1]
    # Greedy: each row's word is its first candidate; probabilities fall along the row.
    greedy = exp.network.generate(sample.x, sample.mask, steps=steps)[0].argmax(-1)
    w = dec.written
    assert w is not None and w.words == [int(k) for k in greedy[: len(w.words)]]
    assert dec.table.rowCount() == len(w.words)
    for t, cands in enumerate(w.candidates):
        assert cands[0][0] == w.words[t]
        ps = [p for _, p in cands]
        assert ps == sorted(ps, reverse=True) and 0 < sum(ps) <= 1 + 1e-6
        assert dec.table.item(t, 1).text() == f"{VOCAB[cands[0][0]]} {cands[0][1]:.2f}"
    # What if: a click on the second candidate of the first step forces it there.
    second = w.candidates[0][1][0]
    dec.table.cellClicked.emit(0, 2)
    assert dec.written.forced == {0: second} and dec.written.words[0] == second
    assert "What if" in dec.sentence.text()
    dec.unforce()
    assert dec.written is dec.greedy
    # Beam search of the chosen width, its tree drawn: a box per hypothesis the engine kept
    # (its word and probability) in its step's column, a line to the one it continues, the
    # best beam highlighted, greedy's words marked.
    end = VOCAB.index("<end>")
    for width in (2, 1):
        dec.width_spin.setValue(width)
        tree = beam_search(exp.network, sample.x, sample.mask, steps, width, end)
        assert dec.beam_words() == tree.tokens()
        assert " ".join(VOCAB[k] for k in tree.tokens()) in dec.beam_label.text()
        d = drawn(panel.beam)
        assert len(d.boxes) == len(tree.nodes) and d.texts == [
            f"{VOCAB[n.token]} {np.exp(n.logp):.2f}" for n in tree.nodes]
        assert [x for x, _y in d.boxes] == [n.step for n in tree.nodes]
        for t in range(tree.nodes[-1].step + 1):  # each kept one a row of its own
            assert sorted(d.boxes[i][1] for i in tree.at_step(t)) == list(
                range(len(tree.at_step(t))))
        assert d.edges == {(d.boxes[n.parent], d.boxes[i]) for i, n in enumerate(tree.nodes)
                           if n.parent >= 0}
        assert d.best == tree.path() and d.best_edges == {
            (d.boxes[a], d.boxes[b]) for a, b in pairwise(tree.path())}
        assert d.greedy == greedy_nodes(tree, dec.greedy.words)
        if width == 1:  # width 1 is greedy: every box is greedy's, none outside the tree
            assert d.greedy == list(range(len(tree.nodes))) and not d.outside
            assert tree.tokens() == dec.greedy.words
    rows = export_rows(panel.beam, tmp_path / "beam.csv")
    assert [r[2] for r in rows[1:]] == [VOCAB[n.token] for n in tree.nodes]
    # The accuracy by length is the task's own table, drawn as bars.
    outputs = exp.network.generate(exp.dataset.val.x, exp.dataset.val.mask,
                                   steps=exp.dataset.val.y.shape[1])
    assert panel.lengths.rows == exp.task.accuracy_by_length(outputs, exp.dataset.val)


def test_greedy_words_the_beam_dropped_go_on_in_a_row_under_the_tree(qtbot):
    # Width 2: "a" (0.5) and "b" (0.4) first; after them "b c" (0.36) and "b e" (0.2)
    # beat greedy's "a d" (0.15), which goes on with "e".
    log = np.log
    tree = BeamTree(2, [BeamNode(0, 0, log(.5), log(.5), -1, False),
                        BeamNode(0, 1, log(.4), log(.4), -1, False),
                        BeamNode(1, 2, log(.9), log(.36), 1, False),
                        BeamNode(1, 4, log(.5), log(.2), 1, False)], best=2)
    plot = BeamTreePlot()
    qtbot.addWidget(plot)
    plot.show_tree(tree, [(0, .5), (3, .3), (4, .6)], "abcde".__getitem__)
    d = drawn(plot)
    assert d.texts == ["a 0.50", "b 0.40", "c 0.90", "e 0.50"]
    assert d.boxes == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert d.best == [1, 2] and d.best_edges == {((0, 1), (1, 0))}
    # Greedy's first word is in the tree; "d" and "e" follow in a third row, dashed.
    assert d.greedy == [0] and d.outside == [(1, 2), (2, 2)]
    assert [plot.outside[t].textItem.toPlainText() for t in (1, 2)] == ["d 0.30", "e 0.60"]
    assert d.greedy_edges == {((0, 0), (1, 2)), ((1, 2), (2, 2))}
    assert plot.row_axis.labels == ["", "", "greedy"]
    assert plot.step_axis.labels == ["1", "2", "3"]


def test_a_network_without_attention_says_how_to_get_it(qtbot, panel, small):
    seen = []
    panel.appliesChanged.connect(seen.append)
    view = AttentionView(panel)
    view.show_experiment(ViewData.of(translation(small), 0))
    exp = translation(small, "none")
    view.show_experiment(ViewData.of(exp, 0))
    assert seen == [True, False]
    assert panel.alignment_page.currentWidget() is panel.no_alignment
    assert "Attention" in panel.no_alignment.text()
    # Its sentences are still written word by word and measured by length: only the
    # alignment is replaced by the message.
    assert not panel.tabs.isHidden() and panel.message.isHidden()
    assert panel.tabs.currentWidget() is panel.lengths and panel.lengths.rows
    assert panel.decoding.written is not None and not panel.alignment.frames
    snap = exp.trainer.step(collect=True)
    report(view, snap)
    assert not panel.alignment.frames and panel.lengths.step == snap.step
    # Its title names the step; in a narrow dock a shorter one fits, the whole as tooltip.
    lengths = panel.lengths
    qtbot.waitUntil(lambda: title_fits(lengths) == lengths.titles[0])
    assert str(snap.step) in lengths.titles[0]
    panel.resize(232, 380)
    qtbot.waitUntil(lambda: title_fits(lengths) in lengths.titles[1:]
                    and lengths.graphics.toolTip() == lengths.titles[0])
    # A task that writes no sentence shows only the message.
    view.show_experiment(ViewData.of(Experiment(small(get_task("sentiment").default_config())),
                                     0))
    assert panel.tabs.isHidden() and not panel.message.isHidden()
