"""Order matters: twin posts with the same words, and a dense net that cannot tell them apart."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.engine import Trainer
from rnn_sandbox.engine.dense import DenseNetwork
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.order_matters import CAT, DOG, VOCAB

TASK = get_task("order_matters")


def make(seed=0, **task):
    cfg = TASK.default_config().copy().task
    for k, v in task.items():
        setattr(cfg, k, v)
    return TASK.make(cfg, seed)


def test_deterministic_for_a_seed():
    a, b, c = make(4), make(4), make(5)
    for split in ("train", "val"):
        assert np.array_equal(getattr(a, split).x, getattr(b, split).x)
        assert np.array_equal(getattr(a, split).y, getattr(b, split).y)
    assert not np.array_equal(a.train.x, c.train.x)


def test_twins_share_their_words_and_differ_in_label():
    d = make(0)
    for b in (d.train, d.val):
        assert len(b) % 2 == 0
        tokens = b.x.argmax(-1)
        for i in range(0, len(b), 2):
            L = int(b.mask[i].sum())
            assert b.mask[i + 1].sum() == L
            assert sorted(tokens[i, :L]) == sorted(tokens[i + 1, :L])
            assert b.y[i] != b.y[i + 1]
            # The label is which animal comes first.
            seq = tokens[i, :L]
            first = seq[(seq == CAT) | (seq == DOG)][0]
            assert b.y[i] == (0 if first == CAT else 1)


def test_shapes_and_masks():
    d = make(0, seq_len=9, n_samples=200)
    B, T, V = d.train.x.shape
    assert T == 9 and V == len(VOCAB) and len(d.train) + len(d.val) == 200
    assert d.train.mask.shape == (B, T) and d.train.y.shape == (B,)
    lengths = d.train.mask.sum(1)
    assert lengths.min() >= 4 and lengths.max() == 9
    # Real steps are one-hot, padded steps are zero, and padding only comes at the end.
    assert np.array_equal(d.train.x.sum(-1), d.train.mask)
    assert np.all(np.diff(d.train.mask, axis=1) <= 0)
    with pytest.raises(TaskError):
        make(0, seq_len=3, options={"min_len": 4})


def test_rendering_and_metric():
    d = make(0)
    assert TASK.render_sample(d, 0).count("cat") >= 1
    right = np.eye(2)[d.val.y] * 4.0
    text = TASK.render_prediction(d, 0, right[0])
    assert "right" in text and "dog" in text and "first" in text
    assert "wrong" in TASK.render_prediction(d, 0, -right[0])
    assert TASK.metric(right, d.val).value == 1.0
    assert TASK.metric(-right, d.val).value == 0.0
    assert TASK.baseline(d).value == 0.5  # twins: exactly half of each label
    assert TASK.metric(right, d.val).name in TASK.baseline(d).name


@pytest.mark.learning
def test_rnn_learns_the_order_the_mean_pooled_dense_net_cannot(seed, record_property):
    cfg = TASK.default_config()
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=700):
        pass
    _, rnn_metric = exp.trainer.evaluate()
    record_property("rnn", rnn_metric.value)

    dense = DenseNetwork(cfg.network, seed=seed, pooling="mean")
    trainer = Trainer(dense, exp.dataset, cfg.training, metric_fn=TASK.metric)
    for _ in trainer.run(steps=400):
        pass
    _, dense_metric = trainer.evaluate()
    record_property("dense_mean", dense_metric.value)
    # Flattened, the dense net sees positions (and learns), but only up to its fixed size.
    flat = DenseNetwork(cfg.network, seed=seed, pooling="flatten", seq_len=cfg.task.seq_len)
    trainer = Trainer(flat, exp.dataset, cfg.training, metric_fn=TASK.metric)
    for _ in trainer.run(steps=400):
        pass
    flat_metric = trainer.evaluate()[1].value
    record_property("dense_flatten", flat_metric)
    assert rnn_metric.value > 0.95
    assert dense_metric.value < 0.6
    assert flat_metric > 0.8
    with pytest.raises(ValueError, match="fixed size"):
        flat.forward(np.zeros((1, cfg.task.seq_len + 1, len(VOCAB))))


@pytest.mark.parametrize("n,frac", [(4, 0.9), (5, 0.05)])
def test_tiny_datasets_keep_both_splits(n, frac):
    d = make(0, n_samples=n, val_fraction=frac)
    assert len(d.train) >= 1 and len(d.val) >= 1
