"""The training process seen from the window: requests, throttling, single steps, shutdown."""

from __future__ import annotations

import time

import numpy as np
import pytest

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.training import proxy
from rnn_sandbox.ui.worker import (
    EMIT_INTERVAL,
    IDLE_POLL_MS,
    POLL_MS,
    Progress,
    TrainingThread,
    merge,
)

WAIT = 20_000



@pytest.fixture
def thread(qtbot):
    threads: list[TrainingThread] = []

    def make(exp: Experiment) -> TrainingThread:
        t = TrainingThread(exp)
        threads.append(t)
        return t

    yield make
    for t in threads:
        assert t.shutdown()
        assert t.relay.isFinished()


def collect(t: TrainingThread) -> list[Progress]:
    got: list[Progress] = []
    t.progress.connect(got.append)
    return got


def test_runs_throttles_and_stops(qtbot, thread, sine_experiment):
    t = thread(sine_experiment())
    got = collect(t)
    start = time.monotonic()
    t.worker.play()
    qtbot.waitUntil(lambda: sum(len(p.steps) for p in got) >= 200, timeout=WAIT)
    with t.worker.paused() as exp:
        steps = exp.trainer.step_count
    elapsed = time.monotonic() - start
    t.poll()
    seen = np.concatenate([p.steps for p in got])
    # Every step's loss arrives exactly once and in order.
    np.testing.assert_array_equal(seen, np.arange(1, steps + 1))
    snaps = [s for p in got for s in p.snapshots]
    # Heavy parts are collected only for the snapshots that are sent, far fewer than steps.
    assert all(s.hidden is not None for s in snaps)
    assert all(s.grad_h is not None for s in snaps[:-1])
    # The pause ends with a look at the watched sample with the weights as they are now.
    assert snaps[-1].step == steps and np.isnan(snaps[-1].train_loss)
    assert 1 <= len(snaps) < steps / 2
    # Throttled by time: never more than ~30 collected snapshots a second of training.
    assert len(snaps) <= elapsed / EMIT_INTERVAL + 2
    # Validation ran at least once and carries the task metric.
    val = np.concatenate([p.val_losses for p in got])
    assert len(val) >= 1 and np.isfinite(val).all()
    assert any(p.metric_name == "MAE" for p in got)


def test_snapshots_are_copies(qtbot, thread, sine_experiment):
    t = thread(sine_experiment())
    got = collect(t)
    t.worker.step_once()
    qtbot.waitUntil(lambda: any(p.snapshots for p in got), timeout=WAIT)
    snap = got[-1].snapshots[-1]
    kept = {k: v.copy() for k, v in snap.weights.items()}
    t.worker.step_once(3)
    qtbot.waitUntil(lambda: got[-1].snapshots and got[-1].snapshots[-1].step == 4,
                    timeout=WAIT)
    for k, v in snap.weights.items():  # later training did not write into the old one
        np.testing.assert_array_equal(v, kept[k])


def test_single_steps_and_learning_rate(qtbot, thread, sine_experiment):
    t = thread(sine_experiment(learning_rate=0.01))
    got = collect(t)
    t.worker.step_once()
    qtbot.waitUntil(lambda: any(p.snapshots for p in got), timeout=WAIT)
    assert got[-1].snapshots[-1].step == 1
    t.worker.set_learning_rate(0.123)
    t.worker.step_once()
    qtbot.waitUntil(lambda: got[-1].snapshots and got[-1].snapshots[-1].step == 2,
                    timeout=WAIT)
    assert got[-1].snapshots[-1].learning_rate == 0.123
    with t.worker.paused() as exp:
        assert exp.trainer.step_count == 2
        assert exp.trainer.learning_rate == 0.123


def test_watched_sample_can_change_while_paused(qtbot, thread, sine_experiment):
    t = thread(sine_experiment())
    got = collect(t)
    t.worker.set_sample_index(7)
    qtbot.waitUntil(lambda: any(p.snapshots for p in got), timeout=WAIT)
    snap = got[-1].snapshots[-1]
    assert snap.sample_index == 7 and snap.step == 0
    with t.worker.paused() as exp:
        np.testing.assert_array_equal(snap.inputs, exp.trainer.data.val.x[7])


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # expected
def test_divergence_is_reported_and_training_pauses(qtbot, thread, sine_experiment):
    """In the window's language: the training process is started speaking it."""
    from rnn_sandbox import language

    exp = sine_experiment(optimizer="sgd", learning_rate=50.0, clip_norm=0.0)
    exp.config.network.init = "spectral"
    try:
        language.use("de")
        t = thread(exp)
    finally:
        language.use("en")
    with qtbot.waitSignal(t.diverged, timeout=WAIT) as blocker:
        t.worker.play()
    assert "kleinere Lernrate" in blocker.args[0]
    assert not t.worker.is_running()
    with t.worker.paused() as e:
        assert all(np.isfinite(p).all() for p in e.network.params.values())


def test_merge_keeps_all_points_and_the_latest_snapshot():
    a = Progress(1, None, np.array([1.0, 2.0]), np.array([0.5, 0.4]))
    snap = Snapshot(step=3, epoch=0, train_loss=0.3, learning_rate=0.1, grad_norm=1.0)
    b = Progress(1, snap, np.array([3.0]), np.array([0.3]), val_steps=np.array([3.0]),
                 val_losses=np.array([0.35]), val_metrics=np.array([0.2]), metric_name="MAE",
                 snapshots=[snap])
    m = merge([a, b])
    np.testing.assert_array_equal(m.steps, [1, 2, 3])
    np.testing.assert_array_equal(m.losses, [0.5, 0.4, 0.3])
    assert m.snapshot is snap and m.snapshots == [snap] and m.metric_name == "MAE"


def test_task_extra_metrics_come_with_the_validation(qtbot, thread, sine_experiment):
    cfg = get_task("named_entities").default_config()
    cfg.task.n_samples = min(cfg.task.n_samples, 300)
    exp = Experiment(cfg)
    t = thread(exp)
    got = collect(t)
    t.worker.step_once()  # a single step validates and collects
    qtbot.waitUntil(lambda: any(p.snapshots for p in got), timeout=WAIT)
    p = merge(got)
    assert p.extra_step == 1 and [m.name for m in p.extra_metrics] == ["ambiguous-word accuracy"]
    snap = p.snapshots[-1]
    assert snap.extra_metrics == p.extra_metrics and snap.extra_step == 1
    with t.worker.paused() as e:  # the same number the task gives on the validation outputs
        val = e.trainer.data.val
        val = val.subset(slice(0, min(len(val), 2000)))
        want = e.task.extra_metrics(e.trainer.predict(val), val)
        assert e.trainer.metric_fn == e.task.metric  # put back after the validation
    assert p.extra_metrics[0].value == pytest.approx(want[0].value)
    # A task without extra metrics sends an empty list.
    t2 = thread(sine_experiment())
    got2 = collect(t2)
    t2.worker.step_once()
    qtbot.waitUntil(lambda: any(q.snapshots for q in got2), timeout=WAIT)
    assert merge(got2).extra_metrics == [] and merge(got2).extra_step == 1


def test_polling_slows_down_when_idle_and_hurries_for_a_request(
        qtbot, thread, sine_experiment):
    t = thread(sine_experiment())
    got = collect(t)
    t.worker.step_once()
    qtbot.waitUntil(lambda: any(p.snapshots for p in got), timeout=WAIT)
    assert t.poll_timer.interval() == POLL_MS
    # Nothing more comes: a laptop's GUI thread need not wake every few milliseconds.
    qtbot.waitUntil(lambda: t.poll_timer.interval() == IDLE_POLL_MS, timeout=WAIT)
    t.worker.step_once()
    assert t.poll_timer.interval() == POLL_MS  # the answer is looked for at once
    qtbot.waitUntil(lambda: got[-1].snapshots and got[-1].snapshots[-1].step == 2,
                    timeout=WAIT)


def test_a_window_that_stops_taking_reports_is_noticed(qtbot, thread, sine_experiment,
                                                      monkeypatch, capfd):
    """Reports that wait because the GUI thread's event loop does not run are said on
    stderr, once, and so is the end of the stall."""
    monkeypatch.setattr(proxy, "STALL_AFTER", 0.3)
    t = thread(sine_experiment())
    t.worker.play()
    deadline = time.monotonic() + WAIT / 1000
    while not t.worker.stalled and time.monotonic() < deadline:
        time.sleep(0.05)  # the event loop does not run: nobody polls
    assert t.worker.stalled
    qtbot.waitUntil(lambda: not t.worker.stalled, timeout=WAIT)  # polling again
    t.worker.pause()
    err = capfd.readouterr().err
    assert err.count("has not taken training reports") == 1
    assert "takes training reports again" in err


def test_a_run_that_ends_at_once_is_shown_stopped(qtbot, thread, sine_experiment,
                                                  monkeypatch):
    """Play, and the loop's report that it stopped (a short run at its end) is queued by the
    relay before the requesting thread goes on: the window must end up showing "stopped",
    so "running" is queued before the request leaves, never after its answer."""
    t = thread(sine_experiment())
    w = t.worker
    send = w._send

    def send_and_answer_at_once(kind, *args):
        request = send(kind, *args)
        if kind == "play":
            w.outbox.append(("running", False))  # as the relay would, from its thread
        return request

    monkeypatch.setattr(w, "_send", send_and_answer_at_once)
    w.play()
    states = [value for kind, value in w.outbox if kind == "running"]
    assert states[-1] is False
    seen: list[bool] = []
    t.runningChanged.connect(seen.append)
    t.poll()
    assert seen and seen[-1] is False
    w.pause()
