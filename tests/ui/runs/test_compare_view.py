"""The comparison of runs: overlays of real runs' histories, the gradient at a chosen step,
the settings table, seed bands, exports and the drawing without a window."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from rnn_sandbox.runs import book as runs_module
from rnn_sandbox.runs.book import Run
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.plots.base import PALETTE
from rnn_sandbox.ui.plots.loss import SMOOTHING
from rnn_sandbox.ui.runs.compare_plot import BAND_POINTS, SMOOTH_FROM
from rnn_sandbox.ui.runs.compare_view import (
    EMPTY_TEXT,
    EXPORT_SIZE,
    ComparisonView,
    render_comparison,
)

STEPS = 24
VALIDATE_EVERY = 4


def train(cell: str, name: str, colour: int, seed: int = 0, group: str | None = None,
          steps: int = STEPS) -> Run:
    """A short run of long_memory, validated every few steps (gradients are recorded at
    each validation)."""
    cfg = get_task("long_memory").default_config()
    cfg.task.n_samples = 120
    cfg.network.cell = cell
    cfg.network.hidden_size = 8
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for i in range(1, steps + 1):
        exp.trainer.step(validate=i % VALIDATE_EVERY == 0)
    return Run.of(exp, name, colour, group)


@pytest.fixture(scope="module")
def runs() -> dict[str, Run]:
    out = {"rnn": train("rnn", "simple RNN", 0), "lstm": train("lstm", "LSTM", 1)}
    for s in range(3):
        out[f"seed {s}"] = train("gru", f"seed {s}", 2, seed=s, group="GRU seeds")
    return out


@pytest.fixture
def view(qtbot) -> ComparisonView:
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.show()
    return v


def history(run: Run, key: str, x: str = "step") -> tuple[np.ndarray, np.ndarray]:
    """The run's own rows that have ``key`` (read here, not through runs.curve)."""
    rows = [r for r in run.history if np.isfinite(r[key])]
    return np.array([r[x] for r in rows]), np.array([r[key] for r in rows])


def test_two_cells_are_drawn_together_from_their_own_histories(view, runs):
    rnn, lstm = runs["rnn"], runs["lstm"]
    view.log_check.setChecked(False)
    view.set_runs([rnn, lstm])
    curves = view.overlay.drawn.curves
    assert {k[0] for k in curves} == {"simple RNN", "LSTM"}
    for run in (rnn, lstm):
        for key in ("train_loss", "val_loss", "val_metric"):
            x, y = curves[(run.name, key)].getData()
            hx, hy = history(run, key)
            np.testing.assert_array_equal(x, hx)
            np.testing.assert_array_equal(y, hy)
        assert curves[(run.name, "train_loss")].opts["pen"].color().name() == PALETTE[
            run.colour].lower()
    assert len(history(rnn, "val_metric")[0]) == STEPS // VALIDATE_EVERY
    # Log scale: the same numbers, drawn as their logarithms.
    view.log_check.setChecked(True)
    _, y = view.overlay.drawn.curves[("LSTM", "train_loss")].getData()
    np.testing.assert_allclose(10**y, history(lstm, "train_loss")[1])
    # By wall time: the runs' own seconds.
    view.set_x("seconds")
    x, _ = view.overlay.drawn.curves[("simple RNN", "val_metric")].getData()
    np.testing.assert_array_equal(x, history(rnn, "val_metric", "seconds")[0])
    assert view.overlay.metric_plot.getAxis("bottom").labelText == "wall time (s)"
    # The legend names both in their colours; both share their data's baseline: one grey line.
    text = view.legend.text()
    assert f"color:{PALETTE[0]}'>━ simple RNN" in text and "LSTM" in text
    assert rnn.baseline == lstm.baseline
    assert len(view.overlay.drawn.baselines) == 1
    line = view.overlay.drawn.baselines[0]
    assert line.value() == pytest.approx(rnn.baseline.value)


def test_a_long_noisy_loss_is_drawn_faint_with_its_trend(view, runs):
    long = train("rnn", "long", 3, steps=SMOOTH_FROM + 10)
    view.log_check.setChecked(False)
    view.set_runs([long, runs["lstm"]])
    drawn = view.overlay.drawn.curves
    x, y = drawn[("long", "train_loss")].getData()  # every batch, as it was
    hx, hy = history(long, "train_loss")
    np.testing.assert_array_equal(y, hy)
    assert drawn[("long", "train_loss")].opts["pen"].color().alpha() < 255
    sx, sy = drawn[("long", "train_loss smoothed")].getData()
    np.testing.assert_array_equal(sx, hx)
    assert sy[0] == pytest.approx(hy[0])  # starts at the data
    # The loss plot's trend: a moving average with the bias from its zero start removed.
    ema = 0.0
    for v in hy:
        ema = SMOOTHING * ema + (1 - SMOOTHING) * v
    assert sy[-1] == pytest.approx(ema / (1 - SMOOTHING ** len(hy)))
    assert np.std(np.diff(sy)) < np.std(np.diff(hy))
    assert ("LSTM", "train_loss smoothed") not in drawn  # few batches: drawn as they are
    assert "its trend" in view.legend.text()


def test_hidden_runs_are_not_drawn(view, runs):
    hidden = dataclasses.replace(runs["lstm"], hidden=True)
    view.set_runs([runs["rnn"], hidden])
    assert {k[0] for k in view.overlay.drawn.curves} == {"simple RNN"}
    assert set(view.overlay.drawn.gradients) == {"simple RNN"}
    assert view.settings_table.columnCount() == 1 and "LSTM" not in view.legend.text()


def test_a_redraw_of_the_same_runs_keeps_the_learners_zoom(view, runs):
    """The window redraws the comparison while the current run trains."""
    view.set_runs([runs["rnn"], runs["lstm"]])
    plot = view.overlay.metric_plot
    plot.setXRange(5, 9, padding=0)
    view.set_runs([runs["rnn"], runs["lstm"]])
    assert plot.viewRange()[0] == pytest.approx([5, 9])
    # The run that trains on is read again (what is kept between redraws is by version).
    rnn = runs["rnn"]
    more = {**rnn.history[-1], "step": STEPS + 1, "train_loss": 0.125}
    grown = dataclasses.replace(rnn, history=[*rnn.history, more])
    view.set_runs([grown, runs["lstm"]])
    x, y = view.overlay.drawn.curves[("simple RNN", "train_loss")].getOriginalDataset()
    assert x[-1] == STEPS + 1 and y[-1] == 0.125
    view.set_runs([runs["rnn"]])  # other runs: fitted to them again
    assert plot.vb.autoRangeEnabled()[0]


def stretched(run: Run, times: int) -> Run:
    """The run's history repeated on later steps: a long history to draw."""
    n = len(run.history)
    rows = [{**row, "step": row["step"] + k * n} for k in range(times) for row in run.history]
    return dataclasses.replace(run, history=rows)


def test_a_long_band_is_drawn_with_fewer_points_covering_the_same_spread(view, runs):
    seeds = [stretched(runs[f"seed {s}"], 30) for s in range(3)]
    view.log_check.setChecked(False)
    view.set_runs(seeds)
    x, mean, low, high = runs_module.band(seeds, "train_loss")
    assert len(x) == 30 * STEPS > BAND_POINTS
    band = view.overlay.drawn.bands[("GRU seeds", "train_loss")]
    _, lo = band.low.getOriginalDataset()
    _, hi = band.high.getOriginalDataset()
    assert len(lo) == len(hi) == BAND_POINTS
    assert lo.min() == low.min() and hi.max() == high.max()
    _, m = view.overlay.drawn.curves[("GRU seeds", "train_loss")].getOriginalDataset()
    np.testing.assert_array_equal(m, mean)  # the mean line keeps every step


def test_the_gradient_plot_shows_the_chosen_steps_profile(view, runs):
    rnn, lstm = runs["rnn"], runs["lstm"]
    view.set_runs([rnn, lstm])
    recorded = [s for s, _ in rnn.gradients]
    assert recorded == list(range(VALIDATE_EVERY, STEPS + 1, VALIDATE_EVERY))
    # The chooser starts at the last step.
    assert view.step_spin.value() == STEPS
    view.step_spin.setValue(2 * VALIDATE_EVERY + 1)  # between two recorded steps
    assert view.step_slider.value() == 2 * VALIDATE_EVERY + 1
    for run in (rnn, lstm):
        step, g = run.gradients[1]  # the one at 2 * VALIDATE_EVERY, at or before the choice
        assert step == 2 * VALIDATE_EVERY
        t, y = view.overlay.drawn.gradients[run.name].getData()
        T = run.config.task.seq_len
        np.testing.assert_array_equal(t, np.arange(1, T + 1))  # time steps from 1
        np.testing.assert_allclose(10**y, g, rtol=1e-12)  # log scale
        assert view.overlay.drawn.gradient_steps[run.name] == step
    assert f"at step {2 * VALIDATE_EVERY}" in view.overlay.grad_plot.titleLabel.text
    # Another step shows another profile.
    view.step_spin.setValue(STEPS)
    _, y = view.overlay.drawn.gradients["LSTM"].getData()
    np.testing.assert_allclose(10**y, lstm.gradients[-1][1], rtol=1e-12)
    assert not np.allclose(lstm.gradients[-1][1], lstm.gradients[1][1])


def test_differing_settings_are_highlighted_and_equal_ones_not(view, runs):
    view.set_runs([runs["rnn"], runs["lstm"]])
    marked = view.differing_cells()
    assert marked == {("Cell", "simple RNN"), ("Cell", "LSTM")}
    t = view.settings_table
    rows = {t.verticalHeaderItem(i).text(): i for i in range(t.rowCount())}
    assert t.item(rows["Cell"], 0).text() == "rnn" and t.item(rows["Cell"], 1).text() == "lstm"
    hidden = rows["Hidden size"]
    assert [t.item(hidden, j).text() for j in range(2)] == ["8", "8"]
    assert not t.item(hidden, 0).font().bold()
    assert t.item(hidden, 0).background().style().name == "NoBrush"
    assert t.item(rows["Cell"], 0).background().color().alpha() > 0
    # The differing settings come first, under the results.
    assert rows["Cell"] == 2
    assert t.horizontalHeaderItem(1).text() == "LSTM"
    assert not t.horizontalHeaderItem(1).icon().isNull()  # the colour swatch


def test_a_group_of_seeds_is_a_mean_with_its_band(view, runs):
    seeds = [runs[f"seed {s}"] for s in range(3)]
    view.log_check.setChecked(False)
    view.set_runs([runs["rnn"], *seeds])
    drawn = view.overlay.drawn
    for quantity in ("train_loss", "val_metric"):
        x, mean, low, high = runs_module.band(seeds, quantity)
        band = drawn.bands[("GRU seeds", quantity)]
        for item, values in ((band.low, low), (band.high, high),
                             (drawn.curves[("GRU seeds", quantity)], mean)):
            bx, by = item.getData()
            np.testing.assert_array_equal(bx, x)
            np.testing.assert_allclose(by, values)
        # The mean is the seeds' own mean, the band spreads around it.
        hx, _ = history(seeds[0], quantity)
        values = np.array([history(r, quantity)[1] for r in seeds])
        np.testing.assert_array_equal(x, hx)
        np.testing.assert_allclose(mean, values.mean(axis=0))
        assert np.all(low <= mean) and np.all(high >= mean) and np.any(high > low)
        plot = view.overlay.metric_plot if quantity == "val_metric" else view.overlay.loss_plot
        assert band.fill in plot.items
    # The single seeds are drawn faint under the mean.
    for s in seeds:
        pen = drawn.curves[(s.name, "train_loss")].opts["pen"]
        assert pen.color().alpha() < 255
    assert "GRU seeds: mean ± std of 3 seeds" in view.legend.text()
    # Each seed's data has its own baseline: the group's is their mean, in its colour,
    # beside the single run's in its own.
    lines = {round(line.value(), 9): line.pen.color().name() for line in drawn.baselines}
    group_baseline = np.mean([r.baseline.value for r in seeds])
    assert lines == {round(runs["rnn"].baseline.value, 9): PALETTE[0].lower(),
                     round(group_baseline, 9): PALETTE[2].lower()}
    # The group's gradient: each seed and the mean of their logs.
    assert {"seed 0", "seed 1", "seed 2", "GRU seeds"} <= set(drawn.gradients)
    _, y = drawn.gradients["GRU seeds"].getData()
    logs = np.log10(np.vstack([r.gradients[-1][1] for r in seeds]))
    np.testing.assert_allclose(y, logs.mean(axis=0))


def test_a_staged_drawing_ends_as_a_direct_one_and_a_seed_moves_the_baseline_in_place(
        qtbot, view, runs):
    # The window draws one entry per turn of the event loop; what it ends with is what
    # one direct drawing shows.
    seeds = [runs[f"seed {s}"] for s in range(3)]
    view.set_runs([runs["rnn"], *seeds[:2]])
    key = view.overlay.key_of(seeds[0])
    # The group's line is in its colour (the single run's in its own).
    at = [line.pen.color().name() for line in view.overlay.drawn.baselines].index(
        PALETTE[2].lower())
    line = view.overlay.drawn.baselines[at]
    label = view.overlay.drawn.baseline_labels[key][at][0]
    view.staged = True
    view.set_runs([runs["rnn"], *seeds])
    assert view._drawing is not None  # under way, an entry per turn
    qtbot.waitUntil(lambda: view._drawing is None and not view._rest.isActive())
    staged = {k: c.getData()[1].tolist() for k, c in view.overlay.drawn.curves.items()}
    assert "GRU seeds: mean ± std of 3 seeds" in view.legend.text()
    # The third seed moved the group's baseline (their mean): the same line and label.
    drawn = view.overlay.drawn
    assert drawn.baselines[at] is line
    assert drawn.baseline_labels[key][at][0] is label
    mean = np.mean([r.baseline.value for r in seeds])
    assert line.value() == pytest.approx(mean)
    assert label.text == drawn.baseline_labels[key][at][1]
    assert f"{mean:.3g}" in label.text
    view.staged = False
    view.set_runs([runs["lstm"]])
    view.set_runs([runs["rnn"], *seeds])
    assert {k: c.getData()[1].tolist() for k, c in drawn.curves.items()} == staged


def test_on_a_log_axis_a_band_below_zero_reaches_down_to_the_lowest_seed(view, runs):
    low_seed = dataclasses.replace(runs["seed 1"], history=[
        {**row, "train_loss": row["train_loss"] / 100} for row in runs["seed 1"].history])
    pair = [runs["seed 0"], low_seed]
    _, mean, low, _ = runs_module.band(pair, "train_loss")
    assert np.all(low == 0)  # mean - std of losses a hundredfold apart, kept at the floor
    view.set_runs(pair)  # log loss is on
    _, y = view.overlay.drawn.bands[("GRU seeds", "train_loss")].low.getData()
    np.testing.assert_allclose(10**y, history(low_seed, "train_loss")[1])


def test_a_group_of_different_setups_is_drawn_run_by_run(view, runs):
    """Only seeds of one setup make a mean and a spread; a group of setups (a lesson's
    comparison) is drawn as its runs."""
    setups = [dataclasses.replace(runs[k], group="lesson 5") for k in ("rnn", "lstm")]
    view.set_runs(setups)
    assert not view.overlay.drawn.bands
    assert {k[0] for k in view.overlay.drawn.curves} == {"simple RNN", "LSTM"}
    assert "seeds" not in view.legend.text()


def test_exports_reopen(view, runs, tmp_path):
    view.set_runs([runs["rnn"], runs["lstm"]])
    png, svg, csv_file = (tmp_path / f"cmp.{kind}" for kind in ("png", "svg", "csv"))
    view.export(png)
    image = QImage(str(png))
    assert (image.width(), image.height()) == EXPORT_SIZE  # a full page, whatever the dock
    assert _colours(image) > 20  # drawn, not blank
    view.export(svg)
    assert QSvgRenderer(str(svg)).isValid()
    text = svg.read_text(encoding="utf-8")
    assert "<path" in text and "training step" in text  # lines and text stay vectors
    view.export(csv_file)
    table = list(csv.reader(io.StringIO(csv_file.read_text())))
    assert table[0][0] == "step" and "simple RNN train_loss" in table[0]
    assert "LSTM val_metric" in table[0]
    assert len(table) == STEPS + 1
    assert view.table() == (table[0], table[1:])  # the panel's table is what CSV writes
    with pytest.raises(ValueError, match="cannot export"):
        view.export(tmp_path / "cmp.jpg")


def _colours(image: QImage) -> int:
    small = image.scaled(200, 120)
    return len({small.pixel(x, y) for x in range(small.width()) for y in range(small.height())})


def test_empty_state_says_what_to_do(qtbot):
    v = ComparisonView()
    qtbot.addWidget(v)
    v.resize(600, 400)
    v.show()
    assert v.stack.currentWidget() is v.empty
    assert "Train, then change a setting: each run is kept here" in EMPTY_TEXT
    assert not v.step_spin.isEnabled() and not v.has_data()
    with pytest.raises(ValueError, match="no runs"):
        v.export("nothing.png")


def test_layout_follows_the_dock_and_the_zoom(qtbot, runs):
    v = ComparisonView()
    qtbot.addWidget(v)
    v.set_runs([runs["rnn"], runs["lstm"]])
    v.resize(600, 400)
    v.show()
    qtbot.waitUntil(lambda: v.compact)  # a small dock: curves, gradient, settings as tabs
    assert v.stack.currentWidget() is v.tabs and v.tab_bar.isVisible()
    o = v.overlay
    assert o.shown() == [o.loss_plot, o.metric_plot]
    assert "↑" in o.metric_plot.titleLabel.text  # short titles in narrow plots
    v.show_tab("Gradient")
    assert o.shown() == [o.grad_plot] and v.tab_pages.currentWidget() is v.plots_page
    v.show_tab("Settings")
    assert v.tab_pages.currentWidget() is v.settings_table
    v.show_tab("Curves")
    v.resize(1280, 800)
    qtbot.waitUntil(lambda: not v.compact)
    assert v.stack.currentWidget() is v.splitter
    assert o.shown() == [o.loss_plot, o.metric_plot, o.grad_plot]
    assert v.splitter.sizes()[1] > 0  # the table has room on the page
    v.set_zoom(1.5)  # the same pixels hold less
    qtbot.waitUntil(lambda: v.compact)


def test_render_comparison_needs_no_window(runs, tmp_path):
    """From a process that has no QApplication and no display, as the command line."""
    script = tmp_path / "render.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parents[2])!r})
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_compare_view import train
        from rnn_sandbox.ui.runs.compare_view import render_comparison
        runs = [train("rnn", "a", 0), train("lstm", "b", 1)]
        for name in ("out.png", "out.svg"):
            print(render_comparison(runs, name, size=(800, 500)))
        from PySide6.QtWidgets import QApplication
        print("platform", QApplication.instance().platformName())
    """))
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["OPENBLAS_NUM_THREADS"] = "1"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "platform offscreen" in done.stdout
    assert "propagateSizeHints" not in done.stderr  # no platform chatter on a command line
    image = QImage(str(tmp_path / "out.png"))
    assert (image.width(), image.height()) == (800, 500) and _colours(image) > 20
    assert QSvgRenderer(str(tmp_path / "out.svg")).isValid()
    # In this process too (an application exists), and the size is checked.
    path = render_comparison([runs["rnn"]], tmp_path / "one.png", size=(640, 400))
    assert QImage(str(path)).width() == 640
    with pytest.raises(ValueError, match="pixels"):
        render_comparison([runs["rnn"]], tmp_path / "x.png", size=(10, 10))


def trained_sine(name: str, colour: int, seed: int = 0) -> Run:
    """A short sine_forecast run: its metric is an MAE, lower is better."""
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples = 60
    cfg.network.hidden_size = 4
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for i in range(1, 9):
        exp.trainer.step(validate=i % 4 == 0)
    return Run.of(exp, name, colour)


def label_boxes(view: ComparisonView, key: str) -> list:
    return [label.sceneBoundingRect() for label, _ in view.overlay.drawn.baseline_labels[key]]


def test_two_metrics_get_an_axis_each_and_readable_baselines(qtbot, view, runs):
    mae = trained_sine("sine", 3)
    assert mae.metric_name == "MAE" and runs["rnn"].metric_name == "accuracy"
    view.set_runs([runs["rnn"], mae, runs["lstm"]])
    qtbot.wait(50)  # laid out
    o = view.overlay
    assert list(o.metric_plots) == ["accuracy", "MAE"]
    accuracy, error = o.metric_plots["accuracy"], o.metric_plots["MAE"]
    assert accuracy is not error and o.shown() == [o.loss_plot, accuracy, error, o.grad_plot]
    # Each metric's curves in its own plot, none in the other's.
    assert o.drawn.curves[("simple RNN", "val_metric")] in accuracy.items
    assert o.drawn.curves[("LSTM", "val_metric")] in accuracy.items
    assert o.drawn.curves[("sine", "val_metric")] in error.items
    assert o.drawn.curves[("sine", "val_metric")] not in accuracy.items
    assert not [c for (_, q), c in o.drawn.curves.items() if q == "val_metric"
                and c in accuracy.items and c in error.items]
    assert "accuracy" in accuracy.titleLabel.text and "MAE" in error.titleLabel.text
    assert "lower is better" in error.titleLabel.text or "↓" in error.titleLabel.text
    # Each axis spans its own metric's values.
    qtbot.wait(50)
    worst_error = np.nanmax([r["val_metric"] for r in mae.history])
    assert accuracy.viewRange()[1][1] <= 1.1 and error.viewRange()[1][1] >= worst_error
    # One label per distinct baseline, in the plot of its metric, no two overlapping.
    texts = [t for _, t in o.drawn.baseline_labels["accuracy"]]
    assert len(texts) == len({(r.baseline.value) for r in (runs["rnn"], runs["lstm"])})
    assert [t for _, t in o.drawn.baseline_labels["MAE"]] == [
        f"baseline {mae.baseline.value:.3g}"]
    for key in ("accuracy", "MAE"):
        boxes = label_boxes(view, key)
        assert all(b.width() > 0 for b in boxes)
        assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    if os.environ.get("RNN_SANDBOX_SHOTS"):
        view.grab().save(os.environ["RNN_SANDBOX_SHOTS"] + "/two-metrics.png")
    # A narrow, short dock (Focus on gradients' column on a laptop): three curves in a
    # column would be slivers, so each curve has a tab of its own, at a readable size.
    view.resize(360, 420)
    qtbot.waitUntil(lambda: view.pages[:3] == ["curve:0", "curve:1", "curve:2"])
    assert [view.tab_bar.tabText(i) for i in range(5)] == [
        "Loss", "accuracy", "MAE", "Gradient", "Settings"]
    assert o.shown() == [o.loss_plot]
    view.show_tab("curve:2")
    assert o.shown() == [error]
    qtbot.waitUntil(lambda: error.vb.height() >= 80 and error.vb.width() >= 120)
    # Shorter still: the key of the runs scrolls (two lines shown), the plot keeps its room.
    view.resize(360, 330)
    lines = 2 * view.legend.fontMetrics().lineSpacing() + 4
    qtbot.waitUntil(lambda: view.legend_area.height() == lines)
    assert view.legend.heightForWidth(view.legend_area.width()) > lines
    qtbot.waitUntil(lambda: error.vb.height() >= 80)
    # Back to one metric: one metric plot again.
    view.set_runs([runs["rnn"], runs["lstm"]])
    assert list(o.metric_plots) == ["accuracy"] and error not in o.shown()
    assert view.page() == "curve:1" or view.page() == "Curves"
    view.resize(1280, 800)  # room for every plot on one page
    qtbot.waitUntil(lambda: not view.compact)
    assert o.shown() == [o.loss_plot, accuracy, o.grad_plot]


def test_many_different_baselines_stay_readable(qtbot, view, runs):
    # Seeds of their own data each have a baseline of their own: six lines, six labels.
    singles = [dataclasses.replace(runs[f"seed {s % 3}"], name=f"run {s}", group=None,
                                   baseline=dataclasses.replace(
                                       runs["rnn"].baseline, value=0.5 + 0.001 * s))
               for s in range(6)]
    view.set_runs(singles)
    qtbot.wait(50)
    labels = view.overlay.drawn.baseline_labels["accuracy"]
    assert len(labels) == 6 and len(view.overlay.drawn.baselines) == 6
    boxes = label_boxes(view, "accuracy")
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all(f"(run {s})" in text for s, (_, text) in enumerate(labels))
    if os.environ.get("RNN_SANDBOX_SHOTS"):
        view.grab().save(os.environ["RNN_SANDBOX_SHOTS"] + "/six-baselines.png")


def test_names_read_from_files_are_shown_escaped(view, runs):
    from dataclasses import replace

    hostile = replace(runs["lstm"], name="LSTM\x1b]0;t\x07\nrow\ud800")
    view.set_runs([runs["rnn"], hostile])
    head = view.settings_table.horizontalHeaderItem(1)
    assert head.text() == "LSTM\\x1b]0;t\\x07\\nrow\\ud800"
    assert head.toolTip().startswith("LSTM\\x1b]0;t\\x07\\nrow\\ud800: seed")
    assert "LSTM\\x1b]0;t\\x07\\nrow\\ud800" in view.legend.text()
