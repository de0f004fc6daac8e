"""The tiny BPTT task: a target that needs the first step, learnable by 3 hidden neurons."""

import numpy as np
import pytest

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TaskError, get_task

TASK = get_task("tiny_bptt")


def test_default_network_is_the_lesson_size():
    net = TASK.default_config().network
    assert (net.input_size, net.hidden_size, net.output_size) == (2, 3, 1)
    assert net.architecture == "many_to_one" and net.loss == "mse"
    assert TASK.default_config().task.seq_len == 4


def test_target_is_first_a_minus_last_b_and_data_are_seeded():
    cfg = TASK.default_config().task
    ds = TASK.make(cfg, 5)
    x, y = ds.train.x, ds.train.y
    assert x.shape[1:] == (4, 2) and y.shape[1:] == (1,)
    assert np.allclose(y[:, 0], x[:, 0, 0] - x[:, -1, 1])
    assert np.array_equal(TASK.make(cfg, 5).val.x, ds.val.x)
    assert not np.array_equal(TASK.make(cfg, 6).val.x, ds.val.x)
    # The middle steps do not matter: they are distractors the network must ignore.
    assert abs(np.corrcoef(x[:, 1, 0], y[:, 0])[0, 1]) < 0.2


def test_one_step_sequences_are_refused():
    with pytest.raises(TaskError):
        TASK.make(TaskConfig(name="tiny_bptt", seq_len=1), 0)


@pytest.mark.learning
def test_three_hidden_neurons_learn_it_and_beat_the_baseline(seed, record_property):
    cfg = TASK.default_config()
    cfg.training.seed = seed
    exp = Experiment(cfg)
    # The loss against "always 0" scored by the loss, its mean squared error.
    baseline = float(np.mean(exp.dataset.val.y ** 2))
    before = exp.trainer.evaluate()[0]
    for _ in exp.trainer.run(steps=1500):  # seeds 0-19: loss/baseline <= 0.026, MAE <= 0.11
        pass
    loss, metric = exp.trainer.evaluate()
    record_property("loss/baseline", loss / baseline)
    record_property("loss/before", loss / before)
    record_property("mae", metric.value)
    assert loss < 0.05 * baseline, (loss, baseline)
    assert loss < before / 10
    assert metric.name == "MAE" and metric.value < 0.15


def test_rendering_shows_inputs_target_and_error():
    ds = TASK.make(TASK.default_config().task, 0)
    truth = ds.val.y[0, 0]
    text = TASK.render_prediction(ds, 0, np.array([truth + 0.5]))
    assert f"truth {truth:+.3f}" in text and "error +0.500" in text
    assert text.count("(") >= 4  # one (a, b) pair per step
