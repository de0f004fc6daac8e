"""The long-range task shows what gated cells are for: LSTM and GRU learn it from every
start."""

import numpy as np
import pytest

from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

TASK = get_task("long_memory")


def test_generator_is_deterministic_and_marks_one_early_step():
    cfg = TASK.default_config().task
    a, b = TASK.make(cfg, 3), TASK.make(cfg, 3)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.val.y, b.val.y)
    assert not np.array_equal(TASK.make(cfg, 4).train.x, a.train.x)
    x = a.train.x
    assert x.shape[1:] == (cfg.seq_len, 5)
    marks = x[..., -1]
    assert np.all(marks.sum(axis=1) == 1)
    assert np.all(marks[:, 10:] == 0)
    # The label is the symbol shown at the marked step.
    marked_symbol = x[marks == 1][:, :4].argmax(axis=1)
    assert np.array_equal(marked_symbol, a.train.y)


def test_rendering_shows_the_marked_symbol():
    ds = TASK.make(TASK.default_config().task, 0)
    text = TASK.render_sample(ds, 0)
    assert "[" in text and "marked" in text
    pred = TASK.render_prediction(ds, 0, np.array([2.0, -1.0]))
    assert "network says A" in pred


def _accuracy(cell: str, steps: int, seed: int) -> float:
    cfg = TASK.default_config()
    cfg.network.cell = cell
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=steps):
        pass
    return exp.trainer.evaluate()[1].value


@pytest.mark.slow
@pytest.mark.learning
def test_gated_cells_remember_from_every_start(seed, record_property):
    # Seeds 0-19: LSTMs are right on every sample by step 200, GRUs by step 500.  (A simple
    # RNN with the same settings learns it from some starts only: no claim to test here;
    # lesson 7 shows the one that holds, a vanishing RNN still guessing after 300 steps.)
    chance = TASK.baseline(TASK.make(TASK.default_config().task, seed)).value
    assert chance < 0.6
    lstm = _accuracy("lstm", 600, seed)
    gru = _accuracy("gru", 600, seed)
    record_property("lstm", lstm)
    record_property("gru", gru)
    assert lstm > 0.95, lstm
    assert gru > 0.95, gru


def test_editing_a_config_never_changes_the_task_defaults():
    cfg = TASK.default_config()
    cfg.task.options["classes"] = 4
    assert TASK.default_config().task.options["classes"] == 2


@pytest.mark.slow
def test_the_simple_rnn_is_a_coin_toss_over_the_first_five_seeds():
    """The task text: at the defaults some starts learn the trick, some stay at chance (the
    first five seeds show both)."""
    cfg = TASK.default_config()
    steps = Experiment(cfg).steps_per_epoch() * cfg.training.epochs
    accuracies = [_accuracy("rnn", steps, seed) for seed in range(5)]
    assert max(accuracies) > 0.95, accuracies
    assert min(accuracies) < 0.6, accuracies


@pytest.mark.slow
@pytest.mark.learning
def test_mingru_remembers_from_every_start(seed, record_property):
    # Seeds 0-4: right on every sample by step 200 (minLSTM too), its update gate starting
    # to keep about 95 % of the state per step (cell_table's start_bias).  Lesson 8 says so.
    accuracy = _accuracy("mingru", 300, seed)
    record_property("mingru", accuracy)
    assert accuracy > 0.95, accuracy
