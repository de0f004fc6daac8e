"""Seeds in worker processes: the same numbers as one after another, polling, cancel, errors."""

from __future__ import annotations

import multiprocessing
import os
import time

import numpy as np
import pytest

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.runs.book import Run
from rnn_sandbox.runs.seeds import (
    RunJob,
    RunJobError,
    planned_steps,
    seed_items,
    summary,
    train_run,
    train_seeds,
)
from rnn_sandbox.tasks import get_task


def small(task: str = "tiny_bptt", **training) -> ExperimentConfig:
    cfg = get_task(task).default_config()
    cfg.task.n_samples = 40
    cfg.network.hidden_size = 3
    cfg.training.batch_size = 8
    for key, value in training.items():
        setattr(cfg.training, key, value)
    return cfg


def _weights(run: Run) -> dict[str, np.ndarray]:
    return run.experiment().network.state_dict()


def _numbers(run: Run) -> list[tuple]:
    keys = ("step", "train_loss", "val_loss", "val_metric")
    return [tuple(row[k] for k in keys) for row in run.history]


def test_seeds_in_parallel_give_the_numbers_of_seeds_one_after_another():
    cfg = small(seed=3)
    serial = train_seeds(cfg, [3, 4, 5], processes=1, steps=7)
    parallel = train_seeds(cfg, [3, 4, 5], processes=2, steps=7)
    assert [r.name for r in parallel] == [r.name for r in serial] == ["seed 3", "seed 4",
                                                                       "seed 5"]
    assert [r.seed for r in parallel] == [3, 4, 5] and [r.colour for r in parallel] == [0, 0, 0]
    assert len({r.group for r in parallel + serial}) == 1
    for a, b in zip(serial, parallel, strict=True):
        assert np.array_equal(np.array(_numbers(a)), np.array(_numbers(b)), equal_nan=True)
        wa, wb = _weights(a), _weights(b)
        assert all(np.array_equal(wa[k], wb[k]) for k in wa)
        assert [s for s, _ in a.gradients] == [s for s, _ in b.gradients]
        assert all(np.array_equal(g, h) for (_, g), (_, h) in zip(a.gradients, b.gradients,
                                                                   strict=True))
    # different seeds really are different runs
    assert _numbers(serial[0]) != _numbers(serial[1])


def test_train_run_validates_fifty_times_and_at_the_last_step():
    run = train_run(small(), "one", steps=103)
    validated = [int(r["step"]) for r in run.history if np.isfinite(r["val_metric"])]
    assert validated == [*range(2, 103, 2), 103] and run.steps() == 103
    assert run.final_metric() == run.history[-1]["val_metric"]
    assert planned_steps(small(epochs=3)) == 3 * 4  # 32 training samples, batches of 8


def _until_done(job: RunJob) -> list[Run]:
    got = []
    while not job.done:
        got += job.poll()
        time.sleep(0.02)
    return got + job.poll()


def test_poll_delivers_every_run_once_and_wait_keeps_the_order():
    items = seed_items(small(seed=10), 3)
    assert [name for name, _ in items] == ["seed 10", "seed 11", "seed 12"]
    job = RunJob(items, processes=2, group="g", steps=3)
    job.start()
    got = _until_done(job)
    assert sorted(r.name for r in got) == ["seed 10", "seed 11", "seed 12"]
    assert job.finished == job.total == 3 and job.error is None
    assert job.poll() == [] and all(r.group == "g" for r in got)
    assert [r.name for r in job.wait()] == ["seed 10", "seed 11", "seed 12"]
    assert [r.seed for r in job.wait()] == [10, 11, 12]
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("rnn-sandbox")]


def test_poll_does_not_wait_for_a_run_and_cancel_leaves_no_process():
    job = RunJob([("long", small()), ("longer", small())], processes=2, steps=10**8)
    job.start()
    procs = [proc for proc, _ in job._running.values()]
    assert len(procs) == 2
    for _ in range(3):  # a run of 10⁸ steps is far from done: poll hands back nothing
        assert job.poll() == [] and not job.done and job.finished == 0
    job.cancel()
    assert job.done and job.cancelled and job.error is None
    for proc in procs:
        assert not proc.is_alive() and proc.exitcode is not None
        with pytest.raises(ProcessLookupError):
            os.kill(proc.pid, 0)
    with pytest.raises(RunJobError, match="cancelled"):
        job.wait()


def test_a_run_that_fails_in_its_worker_reports_why():
    bad = get_task("csv_series").default_config()
    bad.task.options["path"] = "/no/such/folder/data.csv"
    job = RunJob([("fine", small()), ("broken", bad)], processes=2, steps=2)
    with pytest.raises(RunJobError, match="broken: .*not found"):
        job.wait()
    assert job.done and "broken" in job.error and not job._running


def test_summary_is_mean_and_spread_of_the_final_metric():
    runs = train_seeds(small(), [0, 1, 2], processes=1, steps=4)
    values = np.array([r.final_metric() for r in runs])
    s = summary(runs)
    assert s["n"] == 3 and s["mean"] == pytest.approx(values.mean())
    assert s["std"] == pytest.approx(values.std(ddof=1)) and s["std"] > 0
    assert (s["min"], s["max"]) == (values.min(), values.max())
    baselines = [r.baseline.value for r in runs]
    assert s["baseline"] == pytest.approx(np.mean(baselines))
    sign = 1 if runs[0].higher_is_better else -1
    assert s["margin"] == pytest.approx(sign * (s["mean"] - s["baseline"]))
    with pytest.raises(ValueError):
        seed_items(small(), 33)


def test_a_worker_that_dies_is_an_error_not_a_hang():
    import signal

    job = RunJob([("killed", small())], processes=1, steps=10**8)
    job.start()
    (proc, _), = job._running.values()
    os.kill(proc.pid, signal.SIGKILL)
    with pytest.raises(RunJobError, match="killed: the worker process ended without a result"):
        job.wait()
    assert job.done and not proc.is_alive()


def test_runs_come_in_the_order_of_the_items_and_cancel_hands_over_those_finished():
    """A quick run after a slow one waits for it: a lesson's setups are listed in their
    order whatever the load; cancelling hands over what finished all the same."""
    slow = small()
    slow.network.hidden_size, slow.training.batch_size = 512, 40
    job = RunJob([("slow", slow), ("quick", small())], processes=2, steps=10**4)
    job.start()
    deadline = time.monotonic() + 120
    while 1 not in job._results and time.monotonic() < deadline:
        assert job.poll() == []  # nothing before the slow one is done
        time.sleep(0.02)
    assert 1 in job._results and 0 not in job._results  # the quick one finished first
    assert job.poll() == []
    job.cancel()
    assert [r.name for r in job.poll()] == ["quick"]
    assert job.poll() == []
