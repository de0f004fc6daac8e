"""The window's training loop on its own, and the state that crosses to its process."""

from __future__ import annotations

import pickle
import threading
from multiprocessing import Pipe

import numpy as np
import pytest

from rnn_sandbox.session import Experiment
from rnn_sandbox.training import messages
from rnn_sandbox.training.loop import MAX_UNDRAWN, StateLink, TrainingLoop, serve


def twin(exp: Experiment) -> Experiment:
    """What the training process holds: an independent copy."""
    return pickle.loads(pickle.dumps(exp))


def run(loop: TrainingLoop, steps: int) -> None:
    while loop.experiment.trainer.step_count < steps:
        loop.advance()


def progress(loop: TrainingLoop) -> list:
    return [v for k, v in loop.outbox if k == "progress"]


# -- the state link ------------------------------------------------------------------------
def test_a_synced_copy_continues_bit_for_bit(sine_experiment):
    straight = sine_experiment()
    for _ in range(10):
        straight.trainer.step()
    window = sine_experiment()
    trainer_side = twin(window)
    for _ in range(5):
        trainer_side.trainer.step()
    StateLink().load(window, StateLink().dump(trainer_side))
    for _ in range(5):
        window.trainer.step()
    assert [h["train_loss"] for h in window.trainer.history] == [
        h["train_loss"] for h in straight.trainer.history]
    for k, v in straight.network.params.items():
        np.testing.assert_array_equal(window.network.params[k], v)


def test_shared_parts_stay_and_only_new_history_travels(sine_experiment):
    window = sine_experiment()
    trainer_side = twin(window)
    task, dataset, data = window.task, window.dataset, window.trainer.data
    history = window.trainer.history
    sender, receiver = StateLink(), StateLink()
    for _ in range(50):
        trainer_side.trainer.step()
    first = sender.dump(trainer_side)
    receiver.load(window, first)
    # The task and the data are the window's own objects, not copies.
    assert window.task is task and window.dataset is dataset
    assert window.trainer.data is data and window.trainer.history is history
    assert window.trainer.metric_fn == task.metric
    assert window.network.cache is None  # the forward pass's cache is left behind
    assert window.trainer.net is window.network  # one network, as before
    assert window.trainer.step_count == 50 and len(history) == 50
    trainer_side.trainer.step()
    blob = sender.dump(trainer_side)
    _, keep, tail = pickle.loads(blob)
    assert keep == 50 and [h["step"] for h in tail] == [51]
    receiver.load(window, blob)
    assert [h["step"] for h in history] == list(range(1, 52))
    assert len(blob) < len(first)
    for sent in (first, blob):  # the data never travels
        assert trainer_side.dataset.train.x.tobytes()[:256] not in sent


def test_a_reset_on_one_side_empties_the_history_on_the_other(sine_experiment):
    window = sine_experiment()
    trainer_side = twin(window)
    to_window, to_trainer = StateLink(), StateLink()
    for _ in range(5):
        trainer_side.trainer.step()
    to_window_recv = StateLink()
    to_window_recv.load(window, to_window.dump(trainer_side))
    window.reset()  # a new trainer with a new, empty history
    to_trainer.load(trainer_side, to_window_recv.dump(window))
    assert trainer_side.trainer.step_count == 0 and trainer_side.trainer.history == []
    for k, v in window.network.params.items():
        np.testing.assert_array_equal(trainer_side.network.params[k], v)


# -- the loop ------------------------------------------------------------------------------
def test_the_loop_reports_every_step_once_and_in_order(sine_experiment):
    loop = TrainingLoop(sine_experiment())
    loop.play()
    run(loop, 40)
    loop.flush()
    steps = np.concatenate([p.steps for p in progress(loop)])
    np.testing.assert_array_equal(steps, np.arange(1, 41))


def test_snapshots_wait_for_the_window_to_draw_them(sine_experiment):
    loop = TrainingLoop(sine_experiment())
    loop.play()
    loop._next_emit = 0.0
    for _ in range(200):
        loop.advance()
        loop._next_emit = 0.0  # always due: only the undrawn ones hold it back
    snaps = [s for p in progress(loop) for s in p.snapshots]
    assert len(snaps) == MAX_UNDRAWN
    loop.drawn(1)
    loop.advance()
    assert len([s for p in progress(loop) for s in p.snapshots]) == MAX_UNDRAWN + 1


def test_a_pause_shows_the_model_as_it_is_now(sine_experiment):
    loop = TrainingLoop(sine_experiment())
    loop.play()
    run(loop, 30)
    # Steps may have gone out before the pause (every 1/30 s) or with it: all of them are
    # reported, and the last report's snapshot is the model as paused.
    loop.pause()
    steps = np.concatenate([p.steps for p in progress(loop)])
    snap = progress(loop)[-1].snapshot
    assert steps[-1] == 30 and snap.step == 30 and snap.hidden is not None
    for k, v in loop.experiment.network.params.items():
        np.testing.assert_array_equal(snap.weights[k], v)
    loop.outbox.clear()
    loop.pause()  # already paused: nothing new
    assert loop.outbox == []


def test_single_steps_and_a_planned_stop(sine_experiment):
    loop = TrainingLoop(sine_experiment())
    loop.step_once(3)
    while loop.advance() is not None:
        pass
    assert loop.experiment.trainer.step_count == 3
    loop.set_stop_at(10)
    loop.play()
    while loop.advance() is not None:
        pass
    assert loop.experiment.trainer.step_count == 10 and not loop.running
    assert loop.outbox[-1] == ("running", False)
    # However fast the run was, it ends with a validation and a snapshot of its last step.
    last = [p for p in progress(loop) if p.snapshots][-1]
    assert last.snapshot.step == 10 and 10 in np.concatenate(
        [p.val_steps for p in progress(loop)])
    assert loop.experiment.trainer.history[-1]["step"] == 10
    assert np.isfinite(loop.experiment.trainer.history[-1]["val_loss"])


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # expected
def test_divergence_pauses_the_loop_and_says_why(sine_experiment):
    exp = sine_experiment(optimizer="sgd", learning_rate=50.0, clip_norm=0.0)
    loop = TrainingLoop(exp)
    loop.play()
    for _ in range(500):
        if loop.advance() is None:
            break
    kinds = [k for k, _ in loop.outbox]
    assert not loop.running and kinds[-2:] == ["running", "diverged"]
    assert all(np.isfinite(p).all() for p in exp.network.params.values())


# -- the process's side of the pipe ----------------------------------------------------------
def test_serve_answers_requests_and_survives_a_bad_one(sine_experiment):
    """``serve`` runs here in a thread; the window's side is played by the test."""
    exp = sine_experiment()
    requests_in, requests = Pipe(duplex=False)
    reports, reports_out = Pipe(duplex=False)
    server = threading.Thread(
        target=lambda: serve(requests_in, reports_out, pickle.dumps(exp), 7), daemon=True)
    server.start()
    def receive_until(done) -> list:
        got: list = []
        while not got or not done(got):
            assert reports.poll(20), "no answer from the loop"
            got.append(reports.recv())
        return got

    def steps(got: list) -> list:
        return [s for m in got if isinstance(m, messages.Out) for k, p in m.items
                if k == "progress" for s in p.steps]

    try:
        requests.send(messages.request("step_once", 1, 2))
        assert steps(receive_until(lambda got: len(steps(got)) == 2)) == [1, 2]
        requests.send(messages.request("load", 2, b"not a pickle"))  # reported; serves on
        requests.send(messages.request("sync", 3))
        got = receive_until(lambda got: isinstance(got[-1], messages.State))
        errors = [m for m in got if isinstance(m, messages.Failure)]
        assert len(errors) == 1 and errors[0].generation == 7
        assert "Traceback" in errors[0].details
        state = got[-1]
        assert state.generation == 7 and state.seen == 3  # the request answered
        StateLink().load(exp, state.blob)
        assert exp.trainer.step_count == 2
    finally:
        requests.send(messages.request("stop", 4))
        server.join(10)
    assert not server.is_alive()


def test_every_request_is_a_message_the_loop_or_serve_understands():
    """One line in REQUESTS makes the message; a request the window only passes on is a
    method of the loop and of the window's proxy."""
    from rnn_sandbox.training.proxy import TrainingWorker

    for name, names, use in messages.REQUESTS:
        msg = messages.request(name, 5, *range(len(names)))
        assert msg.name == name and msg.id == 5 and msg.args == tuple(range(len(names)))
        assert pickle.loads(pickle.dumps(msg)) == msg
        if use == "forward":
            assert callable(getattr(TrainingLoop, name)) and callable(getattr(TrainingWorker,
                                                                            name))
    with pytest.raises(KeyError):
        messages.request("dance", 1)


def test_every_steps_gradient_norms_travel_with_its_loss(sine_experiment):
    loop = TrainingLoop(sine_experiment())
    twin_exp = twin(loop.experiment)
    loop.play()
    run(loop, 25)
    loop.flush()
    reports = progress(loop)
    steps = np.concatenate([p.steps for p in reports])
    norms = {k: np.concatenate([p.grad_norms[k] for p in reports])
             for k in reports[0].grad_norms}
    expected = [twin_exp.trainer.step().grad_norms for _ in range(25)]
    assert set(norms) == set(expected[0]) and len(steps) == 25
    for k, v in norms.items():
        np.testing.assert_allclose(v, [e[k] for e in expected])
    from rnn_sandbox.training.loop import merge
    merged = merge(reports)
    np.testing.assert_allclose(merged.grad_norms["weight_hh_l0"], norms["weight_hh_l0"])


@pytest.mark.parametrize("truncation", [0, 3])
def test_a_look_is_the_gradient_of_the_weights_now(sine_experiment, truncation):
    """After a pause (and a planned stop) the snapshot carries the gradients the weights
    get now on the first batch, with the set truncation, not those of an earlier step."""
    loop = TrainingLoop(sine_experiment(bptt_truncation=truncation))
    loop.play()
    run(loop, 12)
    loop.outbox.clear()
    loop.pause()
    snap = progress(loop)[-1].snapshot
    assert snap.step == 12 and not np.isfinite(snap.train_loss)
    exp = loop.experiment
    batch = exp.trainer.data.train.subset(slice(0, exp.config.training.batch_size))
    _, grads = exp.network.loss_and_grads(batch.x, batch.y, batch.mask, batch.y_mask,
                                          truncation)
    g = np.linalg.norm(exp.network.cache["grad_h"]["l0"], axis=2).mean(axis=0)
    np.testing.assert_allclose(snap.grad_h["l0"], g)
    for k, v in grads.items():
        assert snap.grad_norms[k] == pytest.approx(np.linalg.norm(v))
    loop.outbox.clear()
    loop.set_stop_at(15)
    loop.play()
    while loop.advance() is not None:
        pass
    assert loop.outbox[-1] == ("running", False)
    look = progress(loop)[-1].snapshot
    assert look.step == 15 and look.grad_h is not None and look.hidden is not None


def test_what_the_units_learned_rides_on_snapshots_only_when_asked_and_rarely(sine_experiment):
    loop = TrainingLoop(sine_experiment())
    loop.play()
    loop._next_emit = 0.0
    loop.advance()
    assert all(s.learned is None for p in progress(loop) for s in p.snapshots)
    loop.set_learned(True)
    for _ in range(6):  # collected every step, looked inside once: at most once a second
        loop.drawn(5)
        loop._next_emit = 0.0
        loop.advance()
    snaps = [s for p in progress(loop) for s in p.snapshots]
    looked = [s for s in snaps if s.learned is not None]
    assert len(snaps) == 7 and len(looked) == 1
    learned = looked[0].learned
    assert learned.step == looked[0].step and learned.indices[0] == 0
    assert learned.states["l0"].shape[2] == loop.experiment.config.network.hidden_size
    loop.outbox.clear()
    loop.pause()  # a pause looks again at once, as at the weights now
    assert progress(loop)[-1].snapshot.learned.step == loop.experiment.trainer.step_count
    loop.set_learned(False)
    loop.outbox.clear()
    loop.set_sample_index(2)
    loop.advance()
    assert progress(loop)[-1].snapshot.learned is None


def test_a_thinned_history_travels_whole_and_stays_bounded(tiny):
    """A long run's history is thinned in place (bounded memory); the other side then gets
    all of it again, not a tail that would no longer fit its copy."""
    from rnn_sandbox.session import Experiment

    window = Experiment(tiny.config())
    trainer_side = twin(window)
    trainer_side.trainer.history_limit = 40
    sender, receiver = StateLink(), StateLink()
    for _ in trainer_side.trainer.run(steps=30, validate_every=5):
        pass
    receiver.load(window, sender.dump(trainer_side))
    for _ in trainer_side.trainer.run(steps=200, validate_every=5):  # thinned here
        pass
    assert trainer_side.trainer.history_thinned > 0
    receiver.load(window, sender.dump(trainer_side))
    got, sent = window.trainer.history, trainer_side.trainer.history
    assert [(r["step"], r["train_loss"]) for r in got] == [
        (r["step"], r["train_loss"]) for r in sent]
    assert len(got) <= 40 and got[-1]["step"] == 230


def idle(loop: TrainingLoop) -> None:
    """Advance until nothing is left to do (the look back worked out, its look sent)."""
    for _ in range(10_000):
        if loop.advance() is None:
            return
    raise AssertionError("the loop never ran out of work")


def test_the_look_back_of_other_runs_networks_comes_with_the_look_inside(sine_experiment):
    """Runs of every cell, and of a generating task, each computed once per watched
    sample (a kept run's weights do not change), a piece at a time between steps."""
    from rnn_sandbox.io import experiment_to_bytes
    from rnn_sandbox.tasks import get_task
    from rnn_sandbox.tasks.units import watched_connectivity

    exp = sine_experiment()
    others = {}
    for cell in ("rnn", "gru", "lstm", "mingru", "minlstm"):
        cfg = exp.config.copy()
        cfg.network.cell = cell
        others[cell] = Experiment(cfg)
    elsewhere = Experiment(get_task("long_memory").default_config())  # other inputs
    loop = TrainingLoop(exp)
    offered = [(cell, experiment_to_bytes(e)) for cell, e in others.items()]
    loop.set_look_back_runs([*offered, ("broken", b"not a file"),
                             ("letters", experiment_to_bytes(elsewhere))])
    assert [name for name, _ in loop._look_back_runs] == [*others, "letters"]
    loop.set_learned(True)
    loop.step_once()
    loop.advance()
    assert progress(loop)[-1].snapshot.learned.connectivity is None
    assert not loop._look_back_jobs  # its page is not in view: nothing worked out
    loop.set_look_back(True)
    loop.set_sample_index(0)  # the window's way to ask for a fresh look while paused
    loop.advance()
    first = progress(loop)[-1].snapshot.learned
    assert first.connectivity is None and first.others == {}  # being worked out
    idle(loop)  # paused: worked out at once, then shown
    learned = progress(loop)[-1].snapshot.learned
    assert list(learned.others) == list(others)  # the letters' network reads other inputs
    i = learned.indices[0]
    sample = exp.trainer.data.val.subset(slice(i, i + 1))
    np.testing.assert_allclose(learned.connectivity, watched_connectivity(exp.network, sample))
    assert learned.connectivity_step == exp.trainer.step_count == 1
    for cell, other in others.items():
        np.testing.assert_allclose(learned.others[cell],
                                   watched_connectivity(other.network, sample), err_msg=cell)
        assert learned.others[cell].shape == (1, sample.x.shape[1])
    loop.set_look_back_runs(offered[:2])  # offered again, the Runs panel having changed
    loop.step_once()
    idle(loop)
    again = progress(loop)[-1].snapshot.learned
    assert list(again.others) == ["rnn", "gru"] and again.others["gru"] is learned.others["gru"]
    assert again.connectivity_step == 2  # this network's, worked out again for new weights
    # A generating task: a one-to-many run's outputs against the inputs it is fed; while
    # training, the pieces take turns with the steps.
    cfg = get_task("caption").default_config()
    cfg.task.n_samples = 60
    words = Experiment(cfg)
    cfg.network.cell = "minlstm"
    loop = TrainingLoop(words)
    loop.set_look_back_runs([("minlstm", experiment_to_bytes(Experiment(cfg)))])
    loop.set_learned(True)
    loop.set_look_back(True)
    loop.play()
    while not any(s.learned is not None and s.learned.connectivity is not None
                  for p in progress(loop) for s in p.snapshots):
        loop.drawn(5)
        loop._next_learned = 0.0
        loop.advance()
    loop.pause()
    idle(loop)
    learned = progress(loop)[-1].snapshot.learned
    assert learned.inputs == "fed" and learned.connectivity.shape[0] > 1
    assert learned.others["minlstm"].shape == learned.connectivity.shape
    assert learned.connectivity_step == words.trainer.step_count
