"""Name tagging: data, rendering, and the gap between one and two reading directions."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.named_entities import AMBIGUOUS, B_PER, I_PER, TAGS, VOCAB, O

TASK = get_task("named_entities")


def make(seed=0, **kw):
    cfg = TASK.default_config().task
    for k, v in kw.items():
        setattr(cfg, k, v)
    return TASK.make(cfg, seed)


def test_generator_is_deterministic_for_a_seed():
    a, b, c = make(3), make(3), make(4)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.val.y, b.val.y)
    assert not np.array_equal(a.train.x, c.train.x)


def test_shapes_masks_and_tags_are_consistent():
    d = make(0)
    for batch in (d.train, d.val):
        B, T, V = batch.x.shape
        assert V == len(VOCAB) and batch.y.shape == (B, T) and batch.mask.shape == (B, T)
        # Masks are a prefix of ones; padding is all-zero input.
        lengths = batch.mask.sum(1).astype(int)
        assert np.all(lengths >= 5)
        for i in range(B):
            L = lengths[i]
            assert np.all(batch.mask[i, :L] == 1) and np.all(batch.mask[i, L:] == 0)
            assert np.all(batch.x[i, L:] == 0)
        # Exactly one-hot on real steps, an I-PER always follows a B-PER.
        real = batch.mask > 0
        assert np.all(batch.x.sum(-1)[real] == 1)
        prev = np.roll(batch.y, 1, axis=1)
        assert np.all(prev[batch.y == I_PER] == B_PER)
    assert len(d.val) == 200 and len(d.train) == 800


def test_ambiguous_words_are_names_about_half_the_time():
    d = make(1)
    pos = TASK.ambiguous_positions(d.train)
    share = (d.train.y[pos] == B_PER).mean()
    assert 0.4 < share < 0.6
    assert set(np.unique(d.train.y[pos])) == {O, B_PER}


def test_rendering_shows_words_and_tags():
    d = make(0)
    text = TASK.render_sample(d, 0)
    words = text.split()
    assert words[-1] in ("!", ".") and len(words) == int(d.val.mask[0].sum())
    # A perfect prediction is reported as such, a wrong one names the right tag.
    perfect = np.eye(len(TAGS))[d.val.y[0]] * 5.0
    assert "all tags right" in TASK.render_prediction(d, 0, perfect)
    wrong = np.eye(len(TAGS))[np.full_like(d.val.y[0], I_PER)] * 5.0
    out = TASK.render_prediction(d, 0, wrong)
    assert "should be O" in out and "tags wrong" in out


def test_metrics_on_known_outputs():
    d = make(0)
    val = d.val
    perfect = np.eye(len(TAGS))[val.y]
    assert TASK.metric(perfect, val).value == 1.0
    assert TASK.ambiguous_accuracy(perfect, val) == 1.0
    all_o = np.eye(len(TAGS))[np.zeros_like(val.y)]
    amb = TASK.ambiguous_positions(val)
    assert TASK.ambiguous_accuracy(all_o, val) == pytest.approx((val.y[amb] == O).mean())
    assert 0.8 < TASK.baseline(d).value < 1.0


def test_too_short_sequences_are_refused():
    with pytest.raises(TaskError, match="seq_len"):
        make(0, seq_len=5)


def _train(bidirectional: bool, seed: int, steps: int = 300):
    cfg = TASK.default_config()
    cfg.network.bidirectional = bidirectional
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=steps):
        pass
    val = exp.dataset.val
    out = exp.network.predict(val.x, val.mask)
    return exp, TASK.metric(out, val).value, TASK.ambiguous_accuracy(out, val)


@pytest.mark.learning
def test_bidirectional_tags_the_ambiguous_word_a_left_to_right_net_cannot(seed, record_property):
    _, acc_uni, amb_uni = _train(False, seed)
    exp, acc_bi, amb_bi = _train(True, seed)
    for name, value in [("acc_uni", acc_uni), ("amb_uni", amb_uni), ("acc_bi", acc_bi),
                        ("amb_bi", amb_bi), ("baseline", TASK.baseline(exp.dataset).value)]:
        record_property(name, value)
    assert amb_bi >= 0.9 and amb_uni <= 0.7
    assert acc_bi > acc_uni
    # The default experiment beats tagging each word on its own.
    assert exp.config.network.bidirectional
    assert acc_bi > TASK.baseline(exp.dataset).value + 0.03
    assert set(AMBIGUOUS) <= set(VOCAB)


def test_extra_metric_reports_the_ambiguous_words():
    d = make(0)
    perfect = np.eye(len(TAGS))[d.val.y]
    (m,) = TASK.extra_metrics(perfect, d.val)
    assert m.name == "ambiguous-word accuracy" and m.value == 1.0
    flipped = perfect.copy()
    amb = TASK.ambiguous_positions(d.val)
    flipped[amb] = np.eye(len(TAGS))[np.where(d.val.y[amb] == O, B_PER, O)]
    assert TASK.extra_metrics(flipped, d.val)[0].value == 0.0
    assert TASK.metric(flipped, d.val).value < 1.0
