"""Sentiment: labels follow the scoring rule, masks match the posts, and an RNN learns it."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.sentiment import INTENSIFIERS, NEGATIVE, POSITIVE, VOCAB, make_post

TASK = get_task("sentiment")


def make(seed=0, **task):
    cfg = TASK.default_config().copy().task
    for k, v in task.items():
        setattr(cfg, k, v)
    return TASK.make(cfg, seed)


def score(words):
    """An independent reading of the rule: each opinion word, flipped by a 'not' and
    doubled by an intensifier earlier in its clause."""
    total, negated, strength = 0, False, 1
    for w in words:
        if w in ("and", "but", ","):
            negated, strength = False, 1
        elif w == "not":
            negated = True
        elif w in INTENSIFIERS:
            strength = 2
        elif w in POSITIVE or w in NEGATIVE:
            s = strength * (1 if w in POSITIVE else -1)
            total += -s if negated else s
    return total


def test_labels_follow_the_rule():
    rng = np.random.default_rng(0)
    seen = set()
    for _ in range(500):
        words, label = make_post(rng)
        assert score(words) != 0 and label == int(score(words) > 0)
        seen.add(" ".join(words))
    assert "not good" in seen or "not bad" in seen  # negation does occur


def test_deterministic_shapes_and_masks():
    a, b, c = make(1), make(1), make(2)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.val.y, b.val.y)
    assert not np.array_equal(a.train.x, c.train.x)
    B, T, V = a.train.x.shape
    assert V == len(VOCAB) and T == 16 and a.train.y.shape == (B,)
    assert np.array_equal(a.train.x.sum(-1), a.train.mask)  # one word per real step
    assert np.all(np.diff(a.train.mask, axis=1) <= 0)  # padding only at the end
    assert len(set(a.train.mask.sum(1))) > 5  # lengths vary
    # The data reproduce the rule from the one-hot inputs alone.
    for i in range(50):
        n = int(a.val.mask[i].sum())
        words = [VOCAB[k] for k in a.val.x[i, :n].argmax(-1)]
        assert a.val.y[i] == int(score(words) > 0)
    with pytest.raises(TaskError):
        make(0, seq_len=11)
    assert make(0, seq_len=12, n_samples=300).train.mask.sum(1).max() <= 12


def test_rendering_and_metric():
    d = make(0)
    assert TASK.render_sample(d, 0).endswith(("positive", "negative"))
    right = np.eye(2)[d.val.y] * 3.0
    assert TASK.metric(right, d.val).value == 1.0
    assert "right" in TASK.render_prediction(d, 0, right[0])
    assert "wrong" in TASK.render_prediction(d, 0, -right[0])
    assert 0.5 <= TASK.baseline(d).value < 0.6
    assert TASK.metric(right, d.val).name in TASK.baseline(d).name


def test_accuracy_on_negated_posts():
    d = make(0)
    v = d.val
    negated = v.x[:, :, VOCAB.index("not")].any(axis=1)
    assert 0.2 < negated.mean() < 0.9
    # A model that is right exactly on the posts without "not".
    logits = np.eye(2)[np.where(negated, 1 - v.y, v.y)]
    (extra,) = TASK.extra_metrics(logits, v)
    assert extra.name == 'accuracy on posts with "not"' and extra.value == 0.0
    assert TASK.metric(logits, v).value == pytest.approx(1 - negated.mean())


@pytest.mark.parametrize("n,frac", [(4, 0.9), (5, 0.05)])
def test_tiny_datasets_keep_both_splits(n, frac):
    d = make(0, n_samples=n, val_fraction=frac)
    assert len(d.train) >= 1 and len(d.val) >= 1
