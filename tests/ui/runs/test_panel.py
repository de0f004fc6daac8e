"""Runs in the window: every trained run is kept when it is replaced, shown together in the
comparison with its own history, restored to train on bit for bit, renamed, hidden,
deleted, saved and opened; seeds and a lesson's setups train in worker processes while
the window stays responsive."""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from benchmarks.latency import LatencyProbe
from rnn_sandbox import io as files
from rnn_sandbox.lessons import Lesson, get_lesson
from rnn_sandbox.runs import seeds
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import dialogs
from rnn_sandbox.ui.main_window import MainWindow
from rnn_sandbox.ui.runs import keeping

WAIT = 60_000  # ms; generous for a loaded two-core machine (worker processes too)


def train(qtbot, w: MainWindow, n: int) -> None:
    """Train exactly ``n`` batches as Step does, and deliver every report."""
    c = w.controller
    target = c.step + n
    c.worker.step_once(n)
    qtbot.waitUntil(lambda: c.step >= target, timeout=WAIT)
    with c.worker.paused():
        pass
    c.training.poll()


def history(w: MainWindow) -> list[dict[str, float]]:
    with w.controller.worker.paused() as exp:
        return [dict(h) for h in exp.trainer.history]


def weights(w: MainWindow) -> dict[str, np.ndarray]:
    with w.controller.worker.paused() as exp:
        return exp.network.state_dict()


def show_comparison(qtbot, w: MainWindow) -> None:
    w.show_comparison()
    qtbot.waitUntil(lambda: w.runs_panel._stale is False, timeout=WAIT)
    w.runs_panel.flush()


def compared(w: MainWindow) -> list[str]:
    """The names of the runs in the comparison, once the requested drawing is done."""
    w.runs_panel.flush()
    return [r.name for r in w.comparison.runs]


def drawn(w: MainWindow, name: str, quantity: str = "train_loss") -> tuple[np.ndarray, ...]:
    x, y = w.comparison.overlay.drawn.curves[(name, quantity)].getOriginalDataset()
    return np.asarray(x), np.asarray(y)


def small_window(make_window, small, task: str = "sine_forecast") -> MainWindow:
    cfg = small(get_task(task).default_config())
    cfg.task.n_samples = 120
    return make_window(cfg)


# ---------------------------------------------------------------------------------------
def test_a_rebuild_keeps_the_run_and_two_cells_are_compared_with_their_own_histories(
        qtbot, make_window, small):
    w = small_window(make_window, small)
    c = w.controller
    train(qtbot, w, 6)
    rnn_history = history(w)
    assert c.runs.runs == []
    assert c.apply_config({"network.cell": "lstm"}, "Cell: LSTM") is None
    (kept,) = c.runs.runs
    assert kept.name == "sine_forecast" and kept.steps() == 6 and kept.config.network.cell == "rnn"
    assert [h["train_loss"] for h in kept.history] == [h["train_loss"] for h in rnn_history]
    assert c.runs.current_name == "LSTM" and c.runs.current_colour != kept.colour
    # Undo brings the trained RNN back as the current run (not twice), redo keeps it again.
    w.commands.undo.trigger()
    assert c.runs.runs == [] and c.runs.current_name == "sine_forecast"
    w.commands.redo.trigger()
    assert c.runs.runs == [kept] or [r.name for r in c.runs.runs] == ["sine_forecast"]
    assert len(c.runs.runs) == 1 and c.runs.current_name == "LSTM"
    train(qtbot, w, 4)
    lstm_history = history(w)
    # The panel: the kept run, then the current one, with what changed.
    panel = w.runs_panel
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 1).text() == "sine_forecast"
    assert panel.table.item(1, 1).text() == "LSTM"
    assert panel.table.item(1, 2).text() == "cell simple RNN→LSTM"
    show_comparison(qtbot, w)
    assert compared(w) == ["sine_forecast", "LSTM"]
    x, y = drawn(w, "sine_forecast")
    np.testing.assert_array_equal(x, [h["step"] for h in rnn_history])
    np.testing.assert_array_equal(y, [h["train_loss"] for h in rnn_history])
    x, y = drawn(w, "LSTM")
    np.testing.assert_array_equal(x, [h["step"] for h in lstm_history])
    np.testing.assert_array_equal(y, [h["train_loss"] for h in lstm_history])
    assert not np.array_equal(drawn(w, "LSTM")[1], drawn(w, "sine_forecast")[1][:4])
    # The gradient reaching each time step, for the kept run and for the one training.
    assert set(w.comparison.overlay.drawn.gradients) == {"sine_forecast", "LSTM"}
    # By wall time too: the run in training reports the seconds of each of its steps.
    w.comparison.set_x("seconds")
    show_comparison(qtbot, w)
    for name, rows in (("sine_forecast", rnn_history), ("LSTM", lstm_history)):
        x, y = drawn(w, name)
        np.testing.assert_array_equal(x, [h["seconds"] for h in rows])
        assert np.all(np.diff(x) > 0)


def test_a_restored_run_trains_on_bit_for_bit(qtbot, make_window, small):
    w = small_window(make_window, small)
    c = w.controller
    train(qtbot, w, 5)
    with c.worker.paused() as exp:
        reference = files.experiment_from_bytes(files.experiment_to_bytes(exp))
    for _ in range(7):  # the run as if it had never left
        reference.trainer.step()
    assert c.apply_config({"network.hidden_size": 6}, "Hidden size: 6") is None
    train(qtbot, w, 3)
    assert c.runs.current_name == "hidden size 6"
    run = c.runs.runs[0]
    w.runs_panel.select(run)
    assert w.runs_panel.restore_action.isEnabled()
    w.runs_panel.restore_action.trigger()
    assert c.runs.current_name == "sine_forecast" and c.step == 5
    assert [r.name for r in c.runs.runs] == ["hidden size 6"]  # kept in its place
    train(qtbot, w, 7)
    for k, v in weights(w).items():
        np.testing.assert_array_equal(v, reference.network.state_dict()[k], err_msg=k)
    # Undo of the restore: the other run is current again, the restored one kept.
    w.commands.undo.trigger()
    assert c.runs.current_name == "hidden size 6" and c.step == 3
    assert [(r.name, r.steps()) for r in c.runs.runs] == [("sine_forecast", 12)]


def test_rename_hide_and_delete_change_the_book_and_the_view(qtbot, make_window, small):
    w = small_window(make_window, small)
    c, panel = w.controller, w.runs_panel
    train(qtbot, w, 3)
    c.apply_config({"network.cell": "gru"}, "Cell: GRU")
    train(qtbot, w, 3)
    c.apply_config({"network.cell": "lstm"}, "Cell: LSTM")
    train(qtbot, w, 3)
    show_comparison(qtbot, w)
    assert compared(w) == ["sine_forecast", "GRU", "LSTM"]
    # Rename in place (the name cell is editable), refused when the name is taken.
    panel.table.item(0, 1).setText("simple rnn")
    assert [r.name for r in c.runs.runs] == ["simple rnn", "GRU"]
    panel.table.item(1, 1).setText("simple rnn")
    assert [r.name for r in c.runs.runs] == ["simple rnn", "GRU"]
    assert panel.table.item(1, 1).text() == "GRU"
    assert compared(w) == ["simple rnn", "GRU", "LSTM"]
    # Hide: out of the comparison, still in the book.
    panel.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert c.runs.runs[1].hidden
    assert compared(w) == ["simple rnn", "LSTM"]
    panel.table.item(1, 0).setCheckState(Qt.CheckState.Checked)
    assert compared(w) == ["simple rnn", "GRU", "LSTM"]
    # Delete with the Delete key; Undo brings it back in its place.
    panel.select(c.runs.runs[0])
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [r.name for r in c.runs.runs] == ["GRU"]
    assert compared(w) == ["GRU", "LSTM"]
    w.commands.undo.trigger()
    assert [r.name for r in c.runs.runs] == ["simple rnn", "GRU"]
    assert compared(w) == ["simple rnn", "GRU", "LSTM"]


def test_runs_are_saved_and_opened_through_the_file_menu(qtbot, make_window, small, tmp_path,
                                                         monkeypatch):
    w = small_window(make_window, small)
    c = w.controller
    train(qtbot, w, 4)
    c.apply_config({"network.cell": "lstm"}, "Cell: LSTM")
    train(qtbot, w, 3)
    path = tmp_path / "compare"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    w.commands.save_runs.trigger()
    saved = path.with_suffix(".rnns")
    assert saved.exists()
    kept_history = [h["train_loss"] for h in c.runs.runs[0].history]
    other = small_window(make_window, small)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(saved), "")))
    other.commands.open_runs.trigger()
    names = [r.name for r in other.controller.runs.runs]
    assert names == ["sine_forecast (2)", "LSTM"]  # the new window's current is sine_forecast
    assert [h["train_loss"] for h in other.controller.runs.runs[0].history] == kept_history
    assert other.controller.runs.runs[1].steps() == 3
    # Closing asks before the runs go, unless they were saved.
    asked: list[str] = []
    w.confirm = lambda title, text: asked.append(title) or False
    assert w.controller.runs.check_unsaved() and asked == []  # saved: nothing to ask
    other.confirm = lambda title, text: asked.append(title) or False
    assert not other.controller.runs.check_unsaved() and asked == ["Discard the runs?"]
    # A damaged file changes nothing and says why.
    bad = tmp_path / "bad.rnns"
    bad.write_bytes(b"not a runs file")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    other.commands.open_runs.trigger()
    assert [r.name for r in other.controller.runs.runs] == names
    assert other.last_message[0] == "Cannot open the runs"


def test_repeat_with_seeds_delivers_a_group_while_the_window_stays_responsive(
        qtbot, make_window, small, monkeypatch):
    cfg = small(get_task("sine_forecast").default_config())
    cfg.task.n_samples, cfg.training.epochs = 120, 40
    w = make_window(cfg)
    c = w.controller
    monkeypatch.setattr(dialogs, "seed_count", lambda parent: 3)
    qtbot.waitExposed(w)
    qtbot.wait(300)  # the window's first drawing is not what is measured
    w.show_comparison()  # drawn as the seeds come in
    # Receiving a finished seed rebuilds no experiment here: the worker sent the numbers
    # the table and the plots need, and the state stays bytes until the run is restored.
    import rnn_sandbox.io.experiment_file as experiment_file
    import rnn_sandbox.runs.book as book

    decoded: list[str] = []
    for module in (experiment_file, book):
        monkeypatch.setattr(module, "experiment_from_bytes",
                            lambda *a, **k: decoded.append("experiment_from_bytes"))
    real_init = Experiment.__init__
    monkeypatch.setattr(Experiment, "__init__", lambda self, *a, **k: (
        decoded.append("Experiment"), real_init(self, *a, **k))[1])
    probe = LatencyProbe(5)
    probe.start()
    w.commands.seeds.trigger()
    assert c.runs.job is not None and not w.commands.seeds.isEnabled()
    assert w.statusBar().currentMessage().startswith("seeds: 0 of 3 done")
    qtbot.waitUntil(lambda: c.runs.job is None, timeout=WAIT)
    probe.stop()
    assert decoded == []
    group = c.runs.runs
    assert len(group) == 3 and len({r.group for r in group}) == 1 and group[0].group
    assert sorted(r.seed for r in group) == [cfg.training.seed + k for k in range(3)]
    assert len({r.colour for r in group}) == 1 and group[0].colour != c.runs.current_colour
    assert all(r.steps() == seeds.planned_steps(cfg) for r in group)
    assert "3 of 3 done" in w.statusBar().currentMessage()
    # The event loop kept turning while the seeds trained (same bounds as the window's
    # responsiveness test).
    assert len(probe.gaps) > 20
    assert probe.median_ms() < 50 and probe.worst_ms(skip=5) < 1000
    show_comparison(qtbot, w)
    assert (group[0].group, "train_loss") in w.comparison.overlay.drawn.curves


def test_seeds_are_cancelled_by_cancel_and_by_closing_the_window(qtbot, make_window, small,
                                                               monkeypatch):
    cfg = small(get_task("sine_forecast").default_config())
    cfg.task.n_samples = 120
    cfg.training.epochs = 200  # long enough to be cancelled
    w = make_window(cfg)
    monkeypatch.setattr(dialogs, "seed_count", lambda parent: 2)
    monkeypatch.setattr(keeping, "WORKER_NICE", 10)  # the window's own value
    w.commands.seeds.trigger()
    job = w.controller.runs.job
    workers = job.processes_alive()
    if hasattr(os, "getpriority"):  # the workers yield the cores to the window's thread
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert {os.getpriority(os.PRIO_PROCESS, p.pid) for p in workers} == {
            min(19, mine + keeping.WORKER_NICE)}
    assert w.runs_panel.cancel_button.isVisibleTo(w.runs_panel)
    qtbot.mouseClick(w.runs_panel.cancel_button, Qt.MouseButton.LeftButton)
    assert w.controller.runs.job is None and job.cancelled
    assert not any(p.is_alive() for p in workers)
    assert "cancelled" in w.statusBar().currentMessage()
    assert not w.runs_panel.cancel_button.isVisibleTo(w.runs_panel)
    w.commands.seeds.trigger()
    job = w.controller.runs.job
    assert job is not None
    workers = job.processes_alive()
    assert workers and all(p.is_alive() for p in workers)
    w.close()
    assert w.controller.runs.job is None and job.done and job.cancelled
    assert not any(p.is_alive() for p in workers)  # no process left behind


def test_the_lesson_comparison_trains_every_setup_of_lesson_5(qtbot, make_window, small,
                                                              monkeypatch):
    original = Lesson.preset

    def quick(self, setup_id=None):
        cfg = original(self, setup_id)
        cfg.task.n_samples, cfg.training.epochs = 80, 1
        return cfg

    monkeypatch.setattr(Lesson, "preset", quick)
    w = small_window(make_window, small)
    c = w.controller
    w.lessons.show_lesson("bidirectional")
    assert w.lessons.compare_btn.isVisibleTo(w.lessons)
    qtbot.mouseClick(w.lessons.compare_btn, Qt.MouseButton.LeftButton)
    lesson = get_lesson("bidirectional")
    assert c.config.task.name == "named_entities" and not c.config.network.bidirectional
    qtbot.waitUntil(lambda: c.runs.job is None, timeout=WAIT)
    assert [r.name for r in c.runs.runs] == [s.label for s in lesson.setups]
    assert [r.config.network.bidirectional for r in c.runs.runs] == [False, True]
    assert all(r.group is None and r.steps() > 0 for r in c.runs.runs)
    show_comparison(qtbot, w)
    assert compared(w)[:2] == [s.label for s in lesson.setups]
    # A lesson of different tasks is a tour, not a comparison: no button.
    w.lessons.show_lesson("task_types")
    assert not w.lessons.compare_btn.isVisibleTo(w.lessons)


def test_seeds_of_one_setup_are_one_row_that_opens_to_the_seeds_in_order(qtbot, make_window,
                                                                        small):
    from rnn_sandbox.ui.runs.keeping import change_text
    from rnn_sandbox.ui.runs.panel import CHANGED, METRIC, NAME, REACHED, SHOWN, GroupRow

    w = small_window(make_window, small)
    c, panel, table = w.controller, w.runs_panel, w.runs_panel.table
    train(qtbot, w, 3)
    c.apply_config({"network.hidden_size": 6}, "Hidden size: 6")  # the RNN is kept
    (first,) = c.runs.runs
    cfg = c.config.copy()
    base = cfg.training.seed
    group = "hidden size 6 × 3 seeds"
    # They arrive as they finish, not in the order of their seeds; their seeds are not
    # the first run's.
    arrived = seeds.train_seeds(cfg, [base + 7, base + 5, base + 6], processes=1, steps=4,
                                group=group)
    c.runs.add_runs(arrived)

    def names() -> list[str]:
        return [table.item(i, NAME).text() for i in range(table.rowCount())]

    assert names() == ["sine_forecast", f"▸ {group}", "hidden size 6"]
    row = panel.rows[1]
    assert isinstance(row, GroupRow) and [r.seed for r in row.runs] == [base + 5, base + 6,
                                                                        base + 7]
    # "Changed" says how the group differs from the run before it, not which seeds it has.
    assert "seed" in change_text(first.config, arrived[0].config)  # what a run row would say
    assert table.item(1, CHANGED).text() == f"hidden size {first.config.network.hidden_size}→6"
    assert table.item(2, CHANGED).text() == "same settings"  # the current run after it
    finals = [r.final_metric() for r in arrived]
    assert table.item(1, METRIC).text().startswith(
        f"{np.mean(finals):#.3g} ± {np.std(finals, ddof=1):.2g}".replace(". ", " "))
    assert table.item(1, REACHED).text().startswith("≈ step ")
    # A click on the group's name lists its seeds, sorted by seed; another folds them.
    rect = table.visualItemRect(table.item(1, NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert names() == ["sine_forecast", f"▾ {group}",
                       *(f"    seed {base + k}" for k in (5, 6, 7)), "hidden size 6"]
    assert [table.item(i, CHANGED).text() for i in (2, 3, 4)] == [f"seed {base + k}"
                                                                  for k in (5, 6, 7)]
    assert table.item(5, CHANGED).text() == "same settings"
    assert table.item(2, REACHED).text().startswith("step ")
    # Unticking the group hides all its seeds from the comparison.
    show_comparison(qtbot, w)
    table.item(1, SHOWN).setCheckState(Qt.CheckState.Unchecked)
    assert all(r.hidden for r in arrived)
    assert compared(w) == ["sine_forecast", "hidden size 6"]
    table.item(1, SHOWN).setCheckState(Qt.CheckState.Checked)
    assert not any(r.hidden for r in arrived)
    show_comparison(qtbot, w)
    assert (group, "val_metric") in w.comparison.overlay.drawn.curves
    (entry,) = [e for e in w.comparison.entries if e.is_group]
    assert [r.seed for r in entry.runs] == [base + 5, base + 6, base + 7]
    assert compared(w) == ["sine_forecast", *(f"seed {base + k}" for k in (5, 6, 7)),
                           "hidden size 6"]  # the settings table and the CSV: by seed too
    # The current run has not validated yet: it joins the MAE's plot, not one of its own.
    assert c.runs.current_run().metric_name is None
    assert list(w.comparison.overlay.metric_plots) == ["MAE"]
    if os.environ.get("RNN_SANDBOX_SHOTS"):
        w.grab().save(os.environ["RNN_SANDBOX_SHOTS"] + "/runs-group.png")
    # Selecting the group selects its seeds: Delete removes them together.
    panel.set_expanded(group, False)
    assert names() == ["sine_forecast", f"▸ {group}", "hidden size 6"]
    table.selectRow(1)
    assert panel.selected() == row.runs and not panel.restore_action.isEnabled()
    panel.delete_selected()
    assert c.runs.runs == [first]


def test_finishing_seeds_make_one_drawing_that_keeps_what_was_drawn(qtbot, make_window, small,
                                                                   monkeypatch):
    w = small_window(make_window, small)
    c, panel = w.controller, w.runs_panel
    show_comparison(qtbot, w)
    cfg = c.config.copy()
    done = seeds.train_seeds(cfg, [cfg.training.seed + k for k in range(4)], processes=1,
                             steps=4, group="g")
    drawings: list[int] = []
    real = w.comparison.set_runs
    monkeypatch.setattr(w.comparison, "set_runs",
                        lambda runs: (drawings.append(len(runs)), real(runs))[1])
    for run in done[:3]:  # three seeds finish within one look at the job
        c.runs.add_runs([run])
    assert drawings == []  # not yet: requests are gathered first
    qtbot.waitUntil(lambda: not panel._stale, timeout=WAIT)
    assert drawings == [4]  # one drawing of the three seeds and the current run
    panel.flush()
    curves = w.comparison.overlay.drawn.curves
    before = {k: curves[k] for k in curves if k[0] in ("seed 0", "seed 1", "seed 2")}
    assert len(before) >= 9
    c.runs.add_runs([done[3]])
    qtbot.waitUntil(lambda: not panel._stale, timeout=WAIT)
    panel.flush()
    # The seeds drawn before are the same items, untouched; only the new seed and the
    # group's mean and band follow.
    curves = w.comparison.overlay.drawn.curves
    assert all(curves[k] is item for k, item in before.items())
    assert ("seed 3", "train_loss") in curves and ("g", "train_loss") in curves


def test_two_runs_that_end_alike_read_apart_in_the_table():
    from dataclasses import replace

    from rnn_sandbox.ui.runs.panel import group_metric_text, metric_text, reached_text

    cfg = get_task("long_memory").default_config()
    cfg.task.n_samples, cfg.network.hidden_size = 40, 3
    run = seeds.train_run(cfg, "run", steps=6)
    assert run.baseline is not None

    def ending_at_one(metric: list[float], seconds_per_step: float) -> object:
        rows = [{**row, "val_metric": v, "seconds": seconds_per_step * row["step"]}
                for row, v in zip(run.history, metric, strict=True)]
        return replace(run, history=rows, baseline=replace(run.baseline, value=0.521))

    fast = ending_at_one([0.6, 1.0, 1.0, 1.0, 1.0, 1.0], 0.1)
    slow = ending_at_one([0.55, 0.6, 0.7, 0.8, 0.9, 1.0], 0.3)
    assert metric_text(fast) == metric_text(slow) == "1.00 (base 0.521)"
    assert reached_text([fast]) == "step 2 · 0.2 s"
    assert reached_text([slow]) == "step 6 · 1.8 s"
    assert reached_text([fast, slow]) == "≈ step 4 · 1.0 s"
    assert group_metric_text([fast, slow]) == "1.00 ± 0 (base 0.521)"
