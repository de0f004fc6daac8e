"""The main window driven like a learner would: choose tasks, train, pause, edit, undo."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.latency import LatencyProbe
from rnn_sandbox import io as files
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TASK_TYPES, all_tasks, get_task
from rnn_sandbox.ui.main_window import MainWindow
from rnn_sandbox.ui.menus import FULL_SPEED
from rnn_sandbox.ui.plots import HISTORY_REDRAW_INTERVAL

SCREENSHOTS = Path(__file__).resolve().parents[1] / "_screenshots"
WAIT = 20_000  # ms; generous for a loaded two-core machine


def one_task_per_type() -> list[str]:
    """The first task registered for each task type (every type that exists now)."""
    seen: dict[str, str] = {}
    for task in all_tasks():
        seen.setdefault(task.kind, task.name)
    return [seen[k] for k in TASK_TYPES if k in seen]


def save_screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


def weights(w: MainWindow) -> dict[str, np.ndarray]:
    with w.controller.worker.paused() as exp:
        return exp.network.state_dict()


def trained_steps(w: MainWindow) -> int:
    with w.controller.worker.paused() as exp:
        return exp.trainer.step_count


def wait_idle(qtbot, w: MainWindow) -> None:
    """Pause and deliver every report of the worker to the window."""
    with w.controller.worker.paused():
        pass
    w.controller.training.poll()
    assert not w.controller.worker.outbox and not w.controller.worker.is_running()


# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("task_name", one_task_per_type())
def test_each_task_type_trains_and_draws(qtbot, make_window, task_name):
    w = make_window()
    if task_name != w.controller.config.task.name:
        # The learner's way: select in the tree, press "Use this task".
        w.task_picker.select(task_name)
        assert w.task_picker.text.toPlainText().strip(), "the task's explanation is shown"
        qtbot.mouseClick(w.task_picker.use_button, Qt.MouseButton.LeftButton)
    assert w.controller.config.task.name == task_name
    w.commands.play.trigger()
    assert w.controller.worker.is_running()
    qtbot.waitUntil(
        lambda: w.loss_plot.has_data() and w.loss_plot.val.n >= 1
        and w.hidden_plot.has_data() and w.gradient_plot.has_data()
        and w.prediction_view.has_data() and w.controller.step >= 5,
        timeout=WAIT,
    )
    w.commands.play.trigger()
    assert not w.controller.worker.is_running()
    wait_idle(qtbot, w)
    # What is drawn is the real training: the loss curve holds every step's loss.
    with w.controller.worker.paused() as exp:
        history = exp.trainer.history
        assert w.loss_plot.train.n == len(history)
        assert np.allclose(w.loss_plot.train.y, [h["train_loss"] for h in history])
        names = exp.network.state_names()
    h = w.hidden_plot.current()
    assert h is not None and h.shape[1] == w.controller.config.network.hidden_size
    assert set(w.gradient_plot.latest) == set(names)
    assert w.prediction_view.last_text
    assert w.status_view.labels["step"].text() == f"step {w.controller.step}"
    # The histories over training are redrawn at most ten times a second; let the last
    # catch-up happen so the picture shows the paused state everywhere.
    qtbot.wait(int(2000 * HISTORY_REDRAW_INTERVAL))
    save_screenshot(w, f"main_window_{get_task(task_name).kind}_{task_name}")
    w.close()
    assert w.controller.training.relay.isFinished()


def test_closing_while_training_stops_the_thread(qtbot, make_window):
    w = make_window()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 3, timeout=WAIT)
    assert w.controller.worker.is_running()
    w.close()
    assert w.controller.training.relay.isFinished()


def test_learning_rate_change_takes_effect_at_next_step(qtbot, make_window):
    w = make_window()
    w.controller.step_once()
    qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
    spin = w.settings_panel.controls["training.learning_rate"]
    spin.setValue(0.0005)  # as if typed: one request
    assert w.controller.config.training.learning_rate == 0.0005
    undo = w.controller.undo_stack
    assert undo.count() == 1 and "learning rate" in undo.undoText()
    seen = []
    w.controller.training.progress.connect(lambda p: p.snapshot and seen.append(p.snapshot))
    w.controller.step_once()
    qtbot.waitUntil(lambda: w.controller.step == 2, timeout=WAIT)
    assert seen[-1].step == 2 and seen[-1].learning_rate == 0.0005
    # While running too: the change reaches the very next steps, no rebuild.
    exp_before = w.controller.experiment
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 5, timeout=WAIT)
    spin.setValue(0.002)
    qtbot.waitUntil(lambda: seen[-1].learning_rate == 0.002, timeout=WAIT)
    w.controller.pause()
    assert w.controller.experiment is exp_before
    # Consecutive learning-rate edits are one undo step back to where they started.
    assert w.controller.undo_stack.count() == 1
    w.commands.undo.trigger()
    assert w.controller.config.training.learning_rate == 0.01
    w.commands.redo.trigger()
    assert w.controller.config.training.learning_rate == 0.002
    spin.setValue(0.0005)
    w.controller.step_once()
    qtbot.waitUntil(lambda: seen[-1].learning_rate == 0.0005, timeout=WAIT)


def test_step_advances_exactly_one_batch(qtbot, make_window):
    w = make_window()
    before = weights(w)
    assert trained_steps(w) == 0
    w.commands.step.trigger()
    qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
    wait_idle(qtbot, w)
    assert trained_steps(w) == 1
    after = weights(w)
    assert any(not np.array_equal(before[k], after[k]) for k in before)
    for _ in range(3):
        w.commands.step.trigger()
    qtbot.waitUntil(lambda: w.controller.step == 4, timeout=WAIT)
    wait_idle(qtbot, w)
    assert trained_steps(w) == 4
    assert w.loss_plot.train.n == 4


def test_reset_restores_initial_weights_for_the_seed(qtbot, make_window):
    w = make_window()
    fresh = Experiment(w.controller.config).network.state_dict()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 10, timeout=WAIT)
    w.controller.pause()
    trained = weights(w)
    assert any(not np.allclose(trained[k], fresh[k]) for k in fresh)
    w.commands.reset.trigger()
    now = weights(w)
    for k in fresh:
        np.testing.assert_array_equal(now[k], fresh[k])
    assert trained_steps(w) == 0 and w.controller.step == 0
    assert not w.loss_plot.has_data()


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # expected
def test_exploding_configuration_pauses_with_a_message(qtbot, make_window, small):
    cfg = small(get_task("sine_forecast").default_config())
    cfg.network.init = "spectral"
    cfg.network.spectral_radius = 3.0
    cfg.training.clip_norm = 0.0
    cfg.training.optimizer = "sgd"
    cfg.training.learning_rate = 50.0
    w = make_window(cfg)
    with qtbot.waitSignal(w.controller.training.diverged, timeout=WAIT) as blocker:
        w.controller.play()
    message = blocker.args[0]
    assert "learning rate" in message
    qtbot.waitUntil(lambda: not w.commands.play.isChecked(), timeout=WAIT)
    assert not w.controller.worker.is_running()
    title, text = w.last_message
    assert title == "Training diverged" and "clipping" in text
    assert w.message_box is not None and not w.message_box.isModal()
    for value in weights(w).values():
        assert np.isfinite(value).all()
    w.message_box.close()


def test_invalid_values_are_refused_with_the_reason(qtbot, make_window):
    w = make_window()
    before = w.controller.config.to_dict()
    reason = w.settings_panel.request("network.spectral_radius", 0.0)
    assert reason and "spectral_radius" in reason
    assert w.settings_panel.error_label.isVisibleTo(w.settings_panel)
    assert "spectral_radius" in w.settings_panel.error_label.text()
    assert w.controller.config.to_dict() == before
    assert w.settings_panel.controls["network.spectral_radius"].value() == 1.0
    assert w.controller.undo_stack.count() == 0
    # A valid edit clears the message.
    assert w.settings_panel.request("network.hidden_size", 8) is None
    assert not w.settings_panel.error_label.isVisibleTo(w.settings_panel)


def test_every_cell_of_the_engine_is_offered_and_selectable(qtbot, make_window):
    from rnn_sandbox.config import CELLS

    w = make_window()
    combo = w.settings_panel.controls["network.cell"]
    model = combo.model()
    assert [combo.itemData(i) for i in range(combo.count())] == list(CELLS)
    assert all(model.item(i).isEnabled() for i in range(combo.count()))


def test_structural_change_asks_and_undo_restores_config_and_model(qtbot, make_window):
    w = make_window()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 5, timeout=WAIT)
    w.controller.pause()
    trained = weights(w)
    steps = trained_steps(w)
    old_exp = w.controller.experiment
    asked = []
    w.confirm = lambda title, text: asked.append(text) or False
    reason = w.settings_panel.request("network.hidden_size", 24)
    assert reason == "" and len(asked) == 1 and "Undo" in asked[0]
    assert w.controller.config.network.hidden_size == 16 and w.controller.experiment is old_exp
    assert w.settings_panel.controls["network.hidden_size"].value() == 16
    w.confirm = lambda title, text: True
    assert w.settings_panel.request("network.hidden_size", 24) is None
    assert w.controller.config.network.hidden_size == 24 and trained_steps(w) == 0
    assert weights(w)["weight_hh_l0"].shape == (24, 24)
    w.commands.undo.trigger()
    assert w.controller.config.network.hidden_size == 16
    assert w.settings_panel.controls["network.hidden_size"].value() == 16
    assert trained_steps(w) == steps
    for k, v in weights(w).items():
        np.testing.assert_array_equal(v, trained[k])
    assert w.loss_plot.train.n == steps  # the curve comes back with the model
    w.commands.redo.trigger()
    assert w.controller.config.network.hidden_size == 24
    # A structural change while training pauses, and the Play button says so.
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 2, timeout=WAIT)
    shown_before = w.controller.step
    assert w.settings_panel.request("network.hidden_size", 12) is None
    assert not w.controller.worker.is_running() and not w.commands.play.isChecked()
    assert w.commands.play.text() == "Play"
    # Undo brings back the model as it was trained up to the change, not as it was at
    # the last pause (the training process handed it over before switching).
    w.commands.undo.trigger()
    assert w.controller.config.network.hidden_size == 24
    assert trained_steps(w) >= shown_before > 2


def test_diagram_edits_go_through_the_same_path(qtbot, make_window):
    w = make_window()
    cfg = w.controller.config.copy()
    cfg.network.num_layers = 2
    w.diagram.configEdited.emit(cfg, "Add a layer")
    assert w.controller.config.network.num_layers == 2
    assert w.controller.undo_stack.undoText() == "Add a layer"
    w.controller.undo_stack.undo()
    assert w.controller.config.network.num_layers == 1
    # A refused gesture says why and changes nothing.
    bad = w.controller.config.copy()
    bad.network.num_layers = 7
    w.diagram.configEdited.emit(bad, "Add a layer")
    assert w.controller.config.network.num_layers == 1 and w.controller.undo_stack.count() == 1
    assert "num_layers" in w.settings_panel.error_label.text()


def test_layout_and_settings_are_kept(qtbot, make_window, settings, small):
    cfg = small(get_task("sine_forecast").default_config())
    cfg.network.hidden_size = 12
    w = make_window(cfg)
    w.hidden_dock.close()
    w.commands.dark.trigger()
    w.close()
    assert settings.value("lastConfig")
    w2 = MainWindow(settings=settings)
    qtbot.addWidget(w2)
    w2.show()
    try:
        assert w2.controller.config.network.hidden_size == 12
        assert not w2.hidden_dock.isVisible()
        assert w2.commands.dark.isChecked() and w2.loss_plot.theme == "dark"
        w2.commands.reset_layout.trigger()
        assert all(d.isVisible() for d in w2.docks)
        view_texts = [a.text() for a in w2.menuBar().actions()[3].menu().actions()]
        assert "Hidden states" in view_texts and "Reset layout" in view_texts
    finally:
        w2.shutdown()


def test_save_and_open_round_trip_and_bad_files(qtbot, make_window, tmp_path):
    w = make_window()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 5, timeout=WAIT)
    w.controller.pause()
    assert w.isWindowModified()
    path = tmp_path / "run.rnnx"
    assert w.controller.document.save(path)
    assert not w.isWindowModified() and "run.rnnx" in w.windowTitle()
    saved = weights(w)
    w.controller.new_experiment()
    assert trained_steps(w) == 0
    assert w.controller.document.open_path(path)
    for k, v in weights(w).items():
        np.testing.assert_array_equal(v, saved[k])
    assert str(path) in w.controller.document.recent_files()
    bad = tmp_path / "bad.rnnx"
    bad.write_bytes(b"not an experiment")
    current = w.controller.experiment
    assert not w.controller.document.open_path(bad)
    assert w.controller.experiment is current and w.last_message[0] == "Cannot open the file"
    w.message_box.close()


def test_exports_write_files(qtbot, make_window, tmp_path):
    w = make_window()
    w.controller.play()
    qtbot.waitUntil(
        lambda: w.controller.step > 5 and w.hidden_plot.has_data() and w.gradient_plot.has_data(),
        timeout=WAIT,
    )
    w.controller.pause()
    wait_idle(qtbot, w)
    for name in w.plots:
        if name in ("Attention", "Beam tree", "Accuracy by length"):
            continue  # this network does not attend (tests/ui/test_attention_view.py)
        for suffix in (".png", ".svg", ".csv"):
            out = tmp_path / f"{name}{suffix}"
            w.export_plot(name, out)
            assert out.stat().st_size > (20 if suffix == ".csv" else 200), out
    assert (tmp_path / "Loss.svg").read_text().lstrip().startswith("<?xml")
    assert (tmp_path / "Loss.png").read_bytes()[:4] == b"\x89PNG"
    pred = (tmp_path / "Prediction.csv").read_text().splitlines()
    assert pred[0] == "t,output0,target" and len(pred) == 2
    rows = (tmp_path / "Loss.csv").read_text().splitlines()
    assert rows[0].startswith("step,train_loss") and len(rows) == w.loss_plot.train.n + 1
    w.controller.export_history(tmp_path / "history.csv")
    lines = (tmp_path / "history.csv").read_text().splitlines()
    assert len(lines) == trained_steps(w) + 1


def test_the_window_stays_responsive_while_training(qtbot, make_window, record_property):
    """The event loop keeps turning while the training process trains: no freeze.

    The bounds are far above what a window that only draws needs (a few ms typical, tens
    of ms at worst, see benchmarks/README.md), so a loaded machine passes; a GUI thread
    that trains or waits for the training process does not.
    """
    w = make_window()
    probe = LatencyProbe(5)
    probe.start()
    w.controller.play()
    qtbot.waitUntil(lambda: len(probe.gaps) > 200, timeout=WAIT)
    w.controller.pause()
    probe.stop()
    worst, median = probe.worst_ms(skip=5), probe.median_ms()
    print(f"event loop while training: median gap {median:.1f} ms, worst {worst:.1f} ms "
          f"(timer 5 ms), {w.controller.step} steps")
    record_property("event_loop_worst_ms", round(worst, 1))
    assert w.controller.step > 0
    assert median < 50, f"the event loop turns every {median:.0f} ms while training"
    assert worst < 1000, f"the window froze for {worst:.0f} ms while training"


def test_keyboard_shortcuts(qtbot, make_window):
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=WAIT)
    w.loss_plot.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
    qtbot.keyClick(w, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: w.controller.step == 2, timeout=WAIT)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert w.controller.worker.is_running() and w.commands.play.text() == "Pause"
    qtbot.waitUntil(lambda: w.controller.step > 4, timeout=WAIT)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert not w.controller.worker.is_running() and w.commands.play.text() == "Play"
    qtbot.keyClick(w, Qt.Key.Key_R)
    assert trained_steps(w) == 0
    w.settings_panel.request("network.hidden_size", 8)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.config.network.hidden_size == 16
    qtbot.keyClick(w, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.controller.config.network.hidden_size == 8


def test_app_main_runs_and_quits(qtbot, tmp_path, app_windows, monkeypatch):
    """The entry point builds the window and returns the event loop's exit code; the
    user's settings are redirected to a temporary folder."""
    from rnn_sandbox.ui import app as app_module

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen = app_windows

    def close_soon():
        for x in seen:
            x.close()
        QApplication.instance().exit(0)

    real_exec = QApplication.exec

    def exec_leaving_a_quit(*_):
        code = real_exec()
        # What closing the last window during the loop's last turn leaves: a posted Quit.
        QCoreApplication.postEvent(QApplication.instance(), QEvent(QEvent.Type.Quit))
        return code

    monkeypatch.setattr(QApplication, "exec", exec_leaving_a_quit)
    QTimer.singleShot(300, close_soon)
    assert app_module.main([]) == 0
    assert seen and seen[0].controller.training.relay.isFinished()
    # The process can go on using event loops (the tests do): no quit is left over.
    QCoreApplication.sendPostedEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(3))
    assert loop.exec() == 3
    assert any(tmp_path.rglob("*.conf")) or any(tmp_path.rglob("*.ini"))


def test_app_main_opens_the_file_it_is_given(qtbot, tmp_path, app_windows, small):
    """``rnn-sandbox-gui lesson.rnnx`` starts on that experiment."""
    from rnn_sandbox.ui import app as app_module

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    path = tmp_path / "lesson.rnnx"
    files.save_experiment(path, Experiment(small(get_task("tiny_bptt").default_config())))
    opened = []

    def look_and_close():
        for x in app_windows:
            opened.append((x.controller.document.path, x.controller.config.task.name))
            x.close()
        QApplication.instance().exit(0)

    QTimer.singleShot(300, look_and_close)
    assert app_module.main([str(path)]) == 0
    QCoreApplication.sendPostedEvents()
    assert opened == [(path, "tiny_bptt")]


@pytest.mark.parametrize("cell", ["lstm", "gru", "dense"])
def test_other_cells_train_and_draw(qtbot, make_window, cell):
    w = make_window()
    assert w.settings_panel.request("network.cell", cell) is None
    assert w.controller.config.network.cell == cell
    assert w.settings_panel.controls["network.pooling"].isEnabled() == (cell == "dense")
    w.controller.play()
    qtbot.waitUntil(
        lambda: w.controller.step > 3 and w.hidden_plot.has_data() and w.gradient_plot.has_data(),
        timeout=WAIT,
    )
    w.controller.pause()
    assert np.isfinite(w.loss_plot.train.y).all()


def test_autosave_and_recovery(qtbot, make_window, settings):
    w = make_window()
    assert not w.controller.document.autosave()  # nothing trained: nothing to save
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 5, timeout=WAIT)
    assert w.controller.document.autosave()
    assert w.controller.worker.is_running()  # training went on
    w.controller.pause()
    saved_steps = trained_steps(w)
    assert files.find_recovery(w.controller.document.recovery_folder()) is not None
    # A session that ended without closing the window: the next one offers the copy.
    w.shutdown()
    w2 = make_window()
    qtbot.waitUntil(lambda: w2.controller.step > 0, timeout=WAIT)  # offered at once and accepted
    assert 0 < trained_steps(w2) <= saved_steps
    assert w2.isWindowModified()
    w2.close()  # a clean exit removes the copy
    assert files.find_recovery(w2.controller.document.recovery_folder()) is None


def test_lessons_dock_loads_setups_through_the_undo_stack(qtbot, make_window):
    w = make_window()
    assert w.lessons_dock in w.docks
    lesson = w.lessons.current
    assert lesson.setups, "the first lesson offers a setup"
    w.lessons.load_setup(lesson.setups[0].id)
    assert w.controller.config.to_dict() == lesson.setups[0].config().to_dict()
    assert w.controller.undo_stack.undoText() == "Load the lesson's setup"
    w.commands.undo.trigger()
    assert w.controller.config.task.name == "sine_forecast"


# -- settings the engine cannot honour --------------------------------------------------
def refused(w: MainWindow, key: str, value) -> str:
    """Ask for ``key = value`` through the settings panel; the reason it was refused."""
    before = w.controller.config.to_dict()
    undo = w.controller.undo_stack.count()
    reason = w.settings_panel.request(key, value)
    assert reason, f"{key}={value!r} was accepted"
    assert w.controller.config.to_dict() == before and w.controller.undo_stack.count() == undo
    label = w.settings_panel.error_label
    assert label.isVisibleTo(w.settings_panel) and reason in label.text()
    control = w.settings_panel.controls[key]
    section, name = key.split(".")
    assert control.value() == getattr(getattr(w.controller.config, section), name)  # put back
    return reason


@pytest.mark.parametrize("key, value, says", [
    ("network.hidden_size", 0, "at least one hidden neuron"),
    ("network.num_layers", 0, "1 to 3 layers"),
    ("training.learning_rate", 0.0, "must be positive"),
    ("training.learning_rate", -0.01, "must be positive"),
    ("training.batch_size", 0, "batch_size"),
    ("training.batch_size", 241, "more than the 240 training sequences"),
    ("training.epochs", 0, "epochs"),
    ("task.seq_len", 0, "at least one time step"),
    ("task.n_samples", 3, "at least 4 samples"),
    ("task.n_samples", 1_000_000, "MB of memory"),
])
def test_settings_the_engine_cannot_honour_are_refused(qtbot, make_window, key, value, says):
    w = make_window()  # 300 sine sequences: 240 to train on
    assert says in refused(w, key, value)
    # The same through the control itself, as a learner types or steps it.
    control = w.settings_panel.controls[key]
    if control.minimum() <= value <= control.maximum():
        before = control.value()
        control.setValue(value)
        assert control.value() == before
        assert says in w.settings_panel.error_label.text()
    else:
        assert value < control.minimum()  # cannot even be typed
    # A good value afterwards is taken and clears the message.
    assert w.settings_panel.request("network.hidden_size", 5) is None
    assert not w.settings_panel.error_label.isVisibleTo(w.settings_panel)


@pytest.mark.parametrize("task, key, value, says", [
    ("csv_series", "task.seq_len", 5000, "too few"),  # longer than the data file
    ("sentiment", "task.seq_len", 3, "seq_len"),  # shorter than a post
])
def test_sequences_that_do_not_fit_the_data_are_refused(qtbot, make_window, task, key, value,
                                                        says, small):
    w = make_window(small(get_task(task).default_config()))
    assert says in refused(w, key, value)


def test_a_refused_edit_leaves_no_traceback_in_the_diagram_either(qtbot, make_window):
    w = make_window()
    cfg = w.controller.config.copy()
    cfg.network.hidden_size = 0  # "remove the last neuron"
    w.diagram.configEdited.emit(cfg, "Remove a neuron")
    assert w.controller.config.network.hidden_size == 16 and w.controller.undo_stack.count() == 0
    assert "hidden neuron" in w.settings_panel.error_label.text()


# -- epochs -------------------------------------------------------------------------------
def test_training_pauses_after_the_set_epochs(qtbot, make_window):
    cfg = get_task("tiny_bptt").default_config()
    cfg.task.n_samples = 40  # 32 to train on, batches of 16: two steps an epoch
    cfg.training.batch_size = 16
    cfg.training.epochs = 3
    w = make_window(cfg)
    assert w.controller.steps_per_epoch == 2
    spin = w.settings_panel.controls["training.epochs"]
    assert spin.value() == 3
    # The training loop itself pauses at the last step of the run: exactly, never late.
    w.commands.pace_box.setCurrentIndex(1)
    w.controller.play()
    qtbot.waitUntil(lambda: not w.controller.worker.is_running(), timeout=WAIT)
    wait_idle(qtbot, w)
    assert trained_steps(w) == 6
    assert not w.commands.play.isChecked() and w.commands.play.text() == "Play"
    assert "Finished: 3 epochs" in w.statusBar().currentMessage()
    assert w.status_view.labels["epoch"].text().endswith("of 3")
    # Play again trains on; raising Epochs while training moves the end of the run.
    w.controller.play()
    assert "past the 3 epochs" in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: w.controller.step > 1, timeout=WAIT)
    assert w.controller.worker.is_running()
    target = w.controller.step // 2 + 10  # epochs of 2 steps: 20 steps ahead
    spin.setValue(target)  # the run now ends there
    qtbot.waitUntil(lambda: not w.controller.worker.is_running(), timeout=WAIT)
    wait_idle(qtbot, w)
    assert trained_steps(w) == 2 * target
    assert f"Finished: {target} epochs" in w.statusBar().currentMessage()


def test_epochs_change_live_and_undo_without_a_rebuild(qtbot, make_window):
    w = make_window()
    w.controller.step_once()
    qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
    exp = w.controller.experiment
    spin = w.settings_panel.controls["training.epochs"]
    spin.setValue(50)
    spin.setValue(60)
    assert w.controller.experiment is exp and w.controller.step == 1  # the model is kept
    assert w.controller.config.training.epochs == 60 and exp.config.training.epochs == 60
    assert w.controller.undo_stack.count() == 1  # consecutive edits are one undo step
    w.commands.undo.trigger()
    assert w.controller.config.training.epochs == 100_000 and spin.value() == 100_000
    w.commands.redo.trigger()
    assert spin.value() == 60


# -- the task's extra metrics ---------------------------------------------------------------
def test_extra_metrics_of_the_task_are_shown(qtbot, make_window, small):
    w = make_window(small(get_task("named_entities").default_config()))
    for target in (1, 2, 3):
        w.controller.step_once()
        qtbot.waitUntil(lambda t=target: w.controller.step == t, timeout=WAIT)
    wait_idle(qtbot, w)
    label = w.status_view.labels["extra"].text()
    assert label.startswith("ambiguous-word accuracy ")
    (shown,) = w.status_view.extra_metrics
    # The number is the task's own, on the validation set, from the weights the model has
    # now (a single step validates after its update).
    with w.controller.worker.paused() as exp:
        val = exp.trainer.data.val
        (expected,) = exp.task.extra_metrics(exp.network.predict(val.x, val.mask), val)
    assert shown.name == expected.name and shown.value == pytest.approx(expected.value)
    assert f"{expected.value:.3g}" in label
    # A task without extra metrics shows none, and a new experiment clears the old ones.
    w.choose_task("sine_forecast")
    assert w.status_view.labels["extra"].text() == ""
    w.controller.step_once()
    qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
    assert w.status_view.labels["extra"].text() == ""


# -- pace -----------------------------------------------------------------------------------
def test_a_run_goes_at_a_pace_a_class_can_watch_and_full_speed_is_one_click(qtbot,
                                                                           make_window):
    from rnn_sandbox.ui.controller import WATCH, WATCH_SECONDS


    cfg = get_task("sine_forecast").default_config()  # its own planned run
    w = make_window(cfg)
    c = w.controller
    assert c.pace == WATCH and w.commands.pace_box.currentIndex() == 0
    run = c.epoch_target()
    pace = c.steps_per_second()
    assert pace == pytest.approx(max(1.0, run / WATCH_SECONDS))
    assert run / pace == pytest.approx(min(WATCH_SECONDS, run))  # about half a minute
    # The loop keeps to it (a limit: a slow machine may be slower, never faster).
    start = time.monotonic()
    c.play()
    qtbot.wait(1500)
    c.pause()
    elapsed = time.monotonic() - start
    wait_idle(qtbot, w)
    assert 0 < trained_steps(w) <= pace * elapsed + 3
    # Full speed is one click away, and one click back.
    w.commands.full_speed.trigger()
    assert c.pace is None and c.steps_per_second() is None
    assert w.commands.pace_box.currentIndex() == FULL_SPEED
    w.commands.full_speed.trigger()
    assert c.pace == WATCH and not w.commands.full_speed.isChecked()
    # The watching pace follows the length of the run.
    assert w.settings_panel.request("training.epochs", 2 * cfg.training.epochs) is None
    assert c.steps_per_second() == pytest.approx(max(1.0, 2 * run / WATCH_SECONDS))


def test_the_status_bar_says_true_things_after_undo_and_past_the_planned_run(qtbot,
                                                                            make_window):
    cfg = get_task("tiny_bptt").default_config()
    cfg.task.n_samples = 40  # 32 to train on, batches of 16: two steps an epoch
    cfg.training.batch_size = 16
    cfg.training.epochs = 1
    w = make_window(cfg)
    c, labels = w.controller, w.status_view.labels
    w.commands.pace_box.setCurrentIndex(FULL_SPEED)
    c.play()
    qtbot.waitUntil(lambda: not c.worker.is_running(), timeout=WAIT)
    wait_idle(qtbot, w)
    assert labels["epoch"].text() == "epoch 1 of 1" and labels["metric"].text()
    c.play()  # trains on past the planned run
    qtbot.waitUntil(lambda: c.step > 6, timeout=WAIT)
    c.pause()
    wait_idle(qtbot, w)
    assert "(past the 1 set)" in labels["epoch"].text()
    metric, val = labels["metric"].text(), labels["val"].text()
    # A rebuild and its undo: the trained run's last numbers are back at once.
    assert w.settings_panel.request("network.hidden_size", 5) is None
    assert labels["metric"].text() == "" and labels["train"].text() == "train loss —"
    c.undo_stack.undo()
    assert labels["metric"].text() == metric and labels["val"].text() == val
    assert "(past the 1 set)" in labels["epoch"].text()
