"""What every task promises: its default run, as ``rnn-sandbox train --task NAME`` trains
it, beats the task's baseline on the main metric by the task's stated ``margin``."""

from __future__ import annotations

import pytest

from rnn_sandbox.cli.reports import steps_for_epochs, train_steps
from rnn_sandbox.session import Experiment, Score
from rnn_sandbox.tasks import all_tasks, get_task

# Text generation's default run is trained once, in test_text_generation.py, which holds
# it to the same promise and checks what it writes on the way.
NAMES = [t.name for t in all_tasks() if t.name != "text_generation"]


@pytest.mark.learning
@pytest.mark.parametrize("name", NAMES)
def test_default_run_beats_the_baseline_by_the_tasks_margin(name, seed, record_property):
    task = get_task(name)
    assert task.margin > 0, f"{name} states no margin"
    cfg = task.default_config()
    cfg.training.seed = seed
    exp = Experiment(cfg)
    train_steps(exp, steps_for_epochs(exp, cfg.training.epochs), quiet=True)
    val = exp.dataset.val
    metric = task.metric(exp.trainer.predict(val), val)
    baseline = task.baseline(exp.dataset)
    better_by = Score(metric, baseline).margin
    record_property("metric", metric.value)
    record_property("baseline", baseline.value)
    record_property("better_by", better_by)
    assert better_by >= task.margin, (metric, baseline, task.margin)
