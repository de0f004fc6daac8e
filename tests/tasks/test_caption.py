"""Captions: the words match the scene vector; exact match, word accuracy and holdouts."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.caption import (
    END,
    INPUT_SIZE,
    VOCAB,
    WORD_INDEX,
    caption_words,
    describe_vector,
)

TASK = get_task("caption")


def make(seed=0, **options):
    cfg = TASK.default_config().copy().task
    cfg.options.update(options)
    return TASK.make(cfg, seed)


def test_caption_grammar():
    assert caption_words(0, 0, -1, 1) == ["one", "red", "circle", END]
    assert caption_words(2, 1, 1, 2) == ["two", "big", "blue", "squares", END]


def test_deterministic_shapes_and_masks():
    a, b, c = make(3), make(3), make(4)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.train.y, b.train.y)
    assert not np.array_equal(a.train.x, c.train.x)
    B = len(a.train)
    assert a.train.x.shape == (B, 1, INPUT_SIZE)
    assert a.train.y.shape == a.train.y_mask.shape == (B, 5)
    lengths = a.train.y_mask.sum(1).astype(int)
    assert set(lengths) == {4, 5}
    # Each caption ends with the end token at its last real step, padding after it.
    assert np.all(a.train.y[np.arange(B), lengths - 1] == WORD_INDEX[END])
    assert np.all(np.diff(a.train.y_mask, axis=1) <= 0)
    assert set(make(0, sizes=False).train.y_mask.sum(1).astype(int)) == {4}
    with pytest.raises(TaskError):
        TASK.make(TASK.default_config().task.__class__(name="caption", seq_len=3), 0)


def test_words_describe_the_vector():
    d = make(0)
    for i in range(40):
        desc = describe_vector(d.val.x[i, 0])
        n = int(d.val.y_mask[i].sum())
        words = [VOCAB[k] for k in d.val.y[i, :n]]
        colour = desc.split("colour=")[1].split()[0]
        shape = desc.split("shape=")[1].split()[0]
        count = round(float(desc.split("count=")[1]) * 3)
        assert words[0] == ["one", "two", "three"][count - 1]
        assert colour in words and words[-2].startswith(shape)
        assert words[-2].endswith("s") == (count > 1)


def test_rendering_and_metric():
    d = make(0)
    assert '→ "' in TASK.render_sample(d, 0)
    right = np.eye(len(VOCAB))[d.val.y] * 5.0
    assert TASK.metric(right, d.val).value == 1.0
    text = TASK.render_prediction(d, 0, right[0])
    assert "exact" in text and END not in text.split("network:")[1]
    wrong = right.copy()
    wrong[:, 0] = np.roll(wrong[:, 0], 1, axis=-1)  # a wrong number word
    assert TASK.metric(wrong, d.val).value == 0.0
    assert "wrong" in TASK.render_prediction(d, 0, wrong[0])
    # What comes after the end token does not count.
    after = right.copy()
    L = int(d.val.y_mask[0].sum())
    if L < 5:
        after[0, L:] = np.roll(after[0, L:], 2, axis=-1)
        assert TASK.metric(after[:1], d.val.subset(slice(0, 1))).value == 1.0
    assert TASK.baseline(d).value < 0.1


def test_baseline_is_named_after_the_metric():
    d = make(0)
    right = np.eye(len(VOCAB))[d.val.y]
    assert TASK.metric(right, d.val).name in TASK.baseline(d).name


def test_holdout_keeps_one_colour_shape_pair_out_of_training():
    d = make(0, holdout="blue triangles")

    def pairs(b):
        return {
            (describe_vector(v).split()[0], describe_vector(v).split()[1]) for v in b.x[:, 0]
        }

    assert pairs(d.val) == {("colour=blue", "shape=triangle")}
    assert ("colour=blue", "shape=triangle") not in pairs(d.train)
    assert len(pairs(d.train)) == 11  # every other pair is there
    with pytest.raises(TaskError, match="holdout"):
        make(0, holdout="purple cube")


def test_word_accuracy_counts_single_words():
    d = make(0)
    right = np.eye(len(VOCAB))[d.val.y] * 5.0
    wrong = right.copy()
    wrong[:, 0] = np.roll(wrong[:, 0], 1, axis=-1)  # only the first word is wrong
    (words,) = TASK.extra_metrics(wrong, d.val)
    lengths = d.val.y_mask.sum(1)
    assert words.name == "word accuracy"
    assert words.value == pytest.approx(1.0 - len(lengths) / lengths.sum())


@pytest.mark.parametrize("n,frac", [(4, 0.9), (5, 0.05)])
def test_tiny_datasets_keep_both_splits(n, frac):
    cfg = TASK.default_config().copy().task
    cfg.n_samples, cfg.val_fraction = n, frac
    d = TASK.make(cfg, 0)
    assert len(d.train) >= 1 and len(d.val) >= 1
