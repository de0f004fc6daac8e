"""The experiment controller on its own (no window): Play trains the planned epochs of
``Experiment.steps_per_epoch`` and pauses, Step trains one batch, Pause holds, live
settings undo, a declined rebuild changes nothing, and every view is shown each experiment
and each report of the real training process."""

from __future__ import annotations

import numpy as np

from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.controller import ExperimentController, finished_text
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.worker import Progress

WAIT = 30_000  # ms; generous for a loaded two-core machine


def settle(c: ExperimentController) -> None:
    """Every report of the steps trained so far delivered."""
    with c.worker.paused():
        pass
    c.training.poll()


def weights(c: ExperimentController) -> dict[str, np.ndarray]:
    with c.worker.paused() as exp:
        return exp.network.state_dict()


class Recorder:
    """A view that keeps what it was shown."""

    def __init__(self) -> None:
        self.experiments: list[ViewData] = []
        self.reports: list[Progress] = []

    def show_experiment(self, view: ViewData) -> None:
        self.experiments.append(view)

    def show_progress(self, progress: Progress) -> None:
        self.reports.append(progress)


def test_play_trains_the_planned_epochs_and_pauses_by_itself(qtbot, make_controller, small):
    cfg = small(get_task("sine_forecast").default_config())
    cfg.task.n_samples = 120
    cfg.training.batch_size = 25  # not a divisor of the training set: the last is smaller
    cfg.training.epochs = 3
    planned = 3 * Experiment(cfg).steps_per_epoch()
    c = make_controller(cfg)
    assert c.steps_per_epoch == Experiment(cfg).steps_per_epoch() > 1
    assert c.epoch_target() == planned
    running, notes = [], []
    c.runningChanged.connect(running.append)
    c.status.connect(lambda text, ms: notes.append(text))
    c.set_pace(None)  # full speed
    c.play()
    assert running[-1] is True and c.worker.is_running()
    qtbot.waitUntil(lambda: c.step >= planned and not c.worker.is_running(), timeout=WAIT)
    settle(c)
    assert c.step == planned and running[-1] is False
    with c.worker.paused() as exp:
        assert exp.trainer.step_count == planned
    assert finished_text(3, planned) in notes
    # Play after the planned run trains on, until paused.
    c.play()
    qtbot.waitUntil(lambda: c.step > planned + 2, timeout=WAIT)
    c.pause()
    assert not c.worker.is_running() and running[-1] is False


def test_step_trains_one_batch_and_pause_holds(qtbot, make_controller):
    c = make_controller()
    before = weights(c)
    c.step_once()
    qtbot.waitUntil(lambda: c.step == 1, timeout=WAIT)
    settle(c)
    assert c.step == 1 and not c.worker.is_running()
    after = weights(c)
    assert any(not np.array_equal(before[k], after[k]) for k in before)
    c.play()
    qtbot.waitUntil(lambda: c.step > 3, timeout=WAIT)
    c.pause()
    settle(c)
    held = c.step
    with c.worker.paused() as exp:
        assert exp.trainer.step_count == held
    qtbot.wait(200)
    settle(c)
    assert c.step == held  # paused means paused
    # Step while running pauses first, then trains exactly one more batch.
    c.play()
    c.step_once()
    qtbot.waitUntil(lambda: not c.worker.is_running(), timeout=WAIT)
    settle(c)
    stepped = c.step
    qtbot.wait(200)
    settle(c)
    assert c.step == stepped


def test_a_live_setting_applies_while_training_and_undoes(qtbot, make_controller):
    c = make_controller()
    c.step_once()
    qtbot.waitUntil(lambda: c.step == 1, timeout=WAIT)
    lr = c.config.training.learning_rate
    live = []
    c.liveChanged.connect(lambda: live.append(c.config.training.learning_rate))
    assert c.apply_config({"training.learning_rate": lr / 2}, "Learning rate") is None
    assert c.apply_config({"training.learning_rate": lr / 4}, "Learning rate") is None
    assert c.undo_stack.count() == 1  # two clicks on one control undo as one change
    assert live == [lr / 2, lr / 4] and c.document.dirty
    c.step_once()  # the trainer takes the new rate before its next step
    qtbot.waitUntil(lambda: c.step == 2, timeout=WAIT)
    with c.worker.paused() as exp:
        assert exp.trainer.learning_rate == lr / 4
        assert exp.trainer.step_count == 2  # the model trained on, not rebuilt
    c.undo_stack.undo()
    assert c.config.training.learning_rate == lr
    c.step_once()
    qtbot.waitUntil(lambda: c.step == 3, timeout=WAIT)
    with c.worker.paused() as exp:
        assert exp.trainer.learning_rate == lr


def test_a_declined_rebuild_changes_nothing(qtbot, make_controller):
    answers, asked = [False], []

    def ask(title: str, text: str) -> bool:
        asked.append(title)
        return answers[-1]

    c = make_controller(ask=ask)
    c.step_once()
    qtbot.waitUntil(lambda: c.step == 1, timeout=WAIT)
    settle(c)
    experiment, trained = c.experiment, weights(c)
    assert c.apply_config({"network.hidden_size": 5}, "Hidden size: 5") == ""
    assert asked == ["Replace the trained model?"]
    assert c.experiment is experiment and c.config.network.hidden_size != 5
    assert c.undo_stack.count() == 0 and c.runs.runs == []
    for k, v in weights(c).items():
        np.testing.assert_array_equal(v, trained[k])
    # Refused settings say why and change nothing either.
    reason = c.apply_config({"network.hidden_size": -3}, "Hidden size: -3")
    assert reason and "hidden_size" in reason.replace(" ", "_")
    answers.append(True)
    assert c.apply_config({"network.hidden_size": 5}, "Hidden size: 5") is None
    assert c.config.network.hidden_size == 5 and c.step == 0
    assert c.undo_stack.undoText() == "Hidden size: 5"


def test_every_view_is_shown_each_experiment_and_each_report(qtbot, make_controller):
    view = Recorder()
    c = make_controller(views=[view])
    (first,) = view.experiments
    assert first.config.to_dict() == c.config.to_dict() and first.step == 0
    assert first.steps_per_epoch == c.experiment.steps_per_epoch()
    c.step_once()
    qtbot.waitUntil(lambda: c.step == 1, timeout=WAIT)
    settle(c)
    steps = [int(s) for p in view.reports for s in p.steps]
    assert steps == [1] and all(p.generation == c.generation for p in view.reports)
    assert c.apply_config({"network.cell": "gru"}, "Cell: GRU") is None
    assert len(view.experiments) == 2
    assert view.experiments[-1].config.network.cell == "gru"
    assert view.experiments[-1].generation == c.generation
    c.undo_stack.undo()  # the trained model comes back, with its step
    assert view.experiments[-1].step == 1 and view.experiments[-1].config.network.cell != "gru"


def test_a_fresh_setup_gives_a_new_network_even_if_only_live_settings_differ(qtbot,
                                                                          make_controller):
    """Loading a lesson's setup again after training starts over, though the setup differs
    from the trained settings only in the epochs (a live setting)."""
    c = make_controller()
    c.step_once()
    qtbot.waitUntil(lambda: c.step >= 1, timeout=20_000)
    setup = c.config.copy()
    setup.training.epochs += 5
    assert c.apply_config(setup, "Load the lesson's setup", fresh=True) is None
    assert c.step == 0 and c.config.training.epochs == setup.training.epochs
    assert len(c.runs.runs) == 1  # the trained model is kept as a run
    again = c.config.copy()
    again.training.epochs += 1
    assert c.apply_config(again, "Set epochs") is None  # not fresh: a live change
    assert c.step == 0 and len(c.runs.runs) == 1
