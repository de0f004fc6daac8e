"""The prediction panel speaks the task's language: wrong words marked, steps and classes
named by their characters or words (readable, never overlapping), colours for each theme."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.tasks.translation import VERBS, VOCAB, WORD_INDEX
from rnn_sandbox.ui.label_axis import LabelAxis
from rnn_sandbox.ui.plots import THEMES, HiddenStatePlot
from rnn_sandbox.ui.prediction_view import (
    HEAT,
    TRUE_COLOUR,
    WRONG_COLOUR,
    PredictionView,
)


def experiment(name: str) -> Experiment:
    cfg = get_task(name).default_config()
    cfg.task.n_samples = min(cfg.task.n_samples, 300)
    return Experiment(cfg)


def snapshot(outputs: np.ndarray, index: int = 0) -> Snapshot:
    return Snapshot(step=1, epoch=0, train_loss=1.0, learning_rate=0.01, grad_norm=1.0,
                    outputs=outputs, sample_index=index)


@pytest.fixture
def view(qtbot):
    v = PredictionView()
    qtbot.addWidget(v)
    v.resize(640, 420)
    v.show()
    return v


def sentence(words: list[str]) -> np.ndarray:
    """Decoder scores that write ``words``."""
    out = np.full((6, len(VOCAB)), -2.0)
    for t, w in enumerate(words):
        out[t, WORD_INDEX[w]] = 3.0
    return out


def expected_words(exp: Experiment, index: int = 0) -> list[str]:
    return exp.task.step_labels(exp.dataset, index)["outputs"]


def test_translation_marks_the_wrong_word_in_colour(view):
    exp = experiment("translation")
    view.set_experiment(exp.task, exp.dataset, exp.config.network)
    true = expected_words(exp)
    verb = next(i for i, w in enumerate(true) if w in VERBS)
    other = next(v for v in VERBS if v != true[verb])
    written = [*true[:verb], other, *true[verb + 1:]]
    view.update_snapshot(snapshot(sentence(written)))
    assert view.marked() == ["✗" + other]
    (sel,) = view.text.extraSelections()
    assert sel.format.foreground().color() == QColor(WRONG_COLOUR["light"])
    assert "order right, 1 word wrong" in view.last_text
    assert f"\n  word {verb + 1}: '{other}' should be '{true[verb]}'" in view.last_text
    # All right: nothing marked.
    view.update_snapshot(snapshot(sentence(true)))
    assert view.marked() == [] and "all right" in view.last_text
    # The other theme colours the marks its own way.
    view.update_snapshot(snapshot(sentence(written)))
    view.set_theme("dark")
    (sel,) = view.text.extraSelections()
    assert sel.format.foreground().color() == QColor(WRONG_COLOUR["dark"])


def test_translation_rows_are_the_classes_that_matter_named_readably(view):
    exp = experiment("translation")
    view.set_experiment(exp.task, exp.dataset, exp.config.network)
    true = expected_words(exp)
    written = ["anna" if true[0] == "ben" else "ben", *true[1:]]  # the first word wrong
    view.update_snapshot(snapshot(sentence(written)))
    names = view.class_axis.labels
    assert names is not None and set(true) | set(written) <= set(names)
    assert len(names) < len(VOCAB)  # not every word of the vocabulary: the likeliest
    assert names == [VOCAB[c] for c in view.rows] and view.rows == sorted(view.rows)
    # Every row's name is drawn: rows fill the height and only as many as fit.
    lo, hi = view.plot.vb.viewRange()[1]
    assert view.class_axis.shown(lo, hi, view.plot.vb.height()) == names
    # The output steps are named by the expected words.
    assert view.step_axis.labels == true
    # The boxes and crosses sit on the rows of the true and the chosen words.
    _, box_rows = view.truth_curve.getData()
    _, cross_rows = view.pred_curve.getData()
    assert [names[int(r)] for r in box_rows] == true
    assert [names[int(r)] for r in cross_rows][: len(written)] == written


def test_text_generation_names_steps_and_classes_by_characters(view):
    exp = experiment("text_generation")
    view.set_experiment(exp.task, exp.dataset, exp.config.network)
    exp.trainer.sample_index = 2
    snap = snapshot(None, 2)
    exp.trainer.watch(snap)
    view.update_snapshot(snap)
    steps = view.step_axis.labels
    vocab = exp.dataset.meta["vocab"]
    truth = "".join(vocab[int(i)] for i in exp.dataset.val.y[2])
    assert steps == [{" ": "␣", "\n": "⏎"}.get(c, c) for c in truth]
    assert all(len(s) == 1 for s in steps) and all(len(s) == 1 for s in view.class_axis.labels)
    # Drawn names never overlap: at most one name per its width (every k-th one).
    lo, hi = view.plot.vb.viewRange()[0]
    width = view.plot.vb.width()
    shown = view.step_axis.shown(lo, hi, width)
    k = view.step_axis.every
    assert shown == steps[::k]
    assert k * width / (hi - lo) >= view.step_axis.extent()


def test_names_thin_out_when_crowded_and_never_overlap(qtbot):
    axis = LabelAxis("bottom")
    names = [chr(ord("a") + i % 26) for i in range(200)]
    axis.set_labels(names)
    for size in (2000, 600, 150):
        shown = axis.shown(-0.5, 199.5, size)
        k = axis.every
        assert shown == names[::k]
        assert k * size / 200 >= axis.extent() and (k == 1 or (k - 1) * size / 200 < axis.extent())
    assert axis.every > 1  # 200 names in 150 px
    axis.set_labels(None)  # plain numbers again
    assert axis.shown(0, 10, 300) and all(s.replace(".", "").isdigit() for s in
                                          axis.shown(0, 10, 300))


def test_dark_theme_boxes_and_probabilities_read_on_its_background(view):
    exp = experiment("named_entities")
    view.set_experiment(exp.task, exp.dataset, exp.config.network)
    view.set_theme("dark")
    bg = QColor(THEMES["dark"]["bg"])
    lut = view.image.getColorMap().getLookupTable(0.0, 1.0, 2).astype(int)
    assert tuple(lut[0][:3]) == HEAT["dark"][0] == (bg.red(), bg.green(), bg.blue())
    assert lut[-1][:3].sum() > 600  # certain is bright: no white blocks on a dark panel
    box = view.truth_curve.opts["symbolPen"].color()
    assert box == QColor(TRUE_COLOUR["dark"])
    assert abs(box.lightness() - bg.lightness()) > 100
    brush = view.truth_curve.opts["symbolBrush"]
    assert brush.style() == Qt.BrushStyle.NoBrush  # a box: the cell shows through
    assert view.truth_curve.opts["pen"].style() == Qt.PenStyle.NoPen  # no class-to-class line
    view.set_theme("light")
    assert view.truth_curve.opts["symbolPen"].color() == QColor(TRUE_COLOUR["light"])
    lut = view.image.getColorMap().getLookupTable(0.0, 1.0, 2).astype(int)
    assert lut[0][:3].sum() > 700 and lut[-1][:3].sum() < 100


def test_the_hidden_states_time_axis_names_the_characters_read(qtbot):
    exp = experiment("text_generation")
    plot = HiddenStatePlot()
    qtbot.addWidget(plot)
    plot.resize(640, 420)
    plot.show()
    plot.step_names = lambda i: exp.task.step_labels(exp.dataset, i)
    plot.set_network(exp.network.anatomy(), len(exp.dataset.val), "tanh")
    snap = snapshot(None)
    exp.trainer.watch(snap)
    plot.update_snapshot(snap)
    vocab = exp.dataset.meta["vocab"]
    val = exp.dataset.val
    read = vocab[int(val.x[0, 0].argmax())] + "".join(vocab[int(i)] for i in val.y[0, :-1])
    assert plot.step_axis.labels == [{" ": "␣", "\n": "⏎"}.get(c, c) for c in read]
    assert plot.step_axis.first == 1  # steps are counted from 1 there


@pytest.mark.parametrize("name", ["caption", "named_entities"])
def test_word_tasks_name_their_output_steps_by_words(view, name):
    """A caption's steps by the words it should write, a tagged sentence's by the words it
    tags (the task's own vocabulary, no code of its own)."""
    exp = experiment(name)
    view.set_experiment(exp.task, exp.dataset, exp.config.network)
    snap = snapshot(None)
    exp.trainer.watch(snap)
    view.update_snapshot(snap)
    val, vocab = exp.dataset.val, exp.dataset.meta["vocab"]
    if name == "caption":
        n = int(val.y_mask[0].sum())
        words = [vocab[int(i)] for i in val.y[0, :n]]
    else:
        n = int(val.mask[0].sum())
        words = [vocab[int(i)] for i in val.x[0, :n].argmax(-1)]
    assert view.step_axis.labels == [w if len(w) <= 8 else w[:7] + "…" for w in words]


def test_classes_that_are_words_are_named_in_the_learners_language(view):
    from PySide6.QtWidgets import QApplication

    from rnn_sandbox.ui import i18n

    exp = experiment("sentiment")
    i18n.install("de", QApplication.instance())
    try:
        view.set_experiment(exp.task, exp.dataset, exp.config.network)
        exp.trainer.sample_index = 0
        snap = snapshot(None, 0)
        exp.trainer.watch(snap)
        view.update_snapshot(snap)
        labels = view.step_axis.labels  # a bar per class along the bottom
    finally:
        i18n.install("en", QApplication.instance())
    assert labels == ["negativ", "positiv"]
