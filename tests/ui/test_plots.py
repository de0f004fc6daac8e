"""The plot panels: items updated in place, clicks, exports and themes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import Metric, all_tasks, get_task
from rnn_sandbox.ui.plots import GradientFlowPlot, HiddenStatePlot, LossPlot
from rnn_sandbox.ui.prediction_view import PredictionView


def trained_snapshots(name: str = "sine_forecast", steps: int = 4) -> tuple[Experiment, list]:
    cfg = get_task(name).default_config()
    cfg.task.n_samples = min(cfg.task.n_samples, 200)
    exp = Experiment(cfg)
    return exp, [exp.trainer.step(collect=True, validate=True) for _ in range(steps)]


def test_loss_plot_updates_the_same_items(qtbot):
    p = LossPlot()
    qtbot.addWidget(p)
    p.show()
    curve, val = p.train_curve, p.val_curve
    p.set_task(Metric("persistence MSE", 0.2, False), "MSE", "MAE")
    p.append(np.arange(1, 4.0), np.array([1.0, 0.5, 0.25]), np.array([3.0]),
             np.array([0.3]), np.array([0.1]))
    assert len(curve.getData()[0]) == 3  # the first points are drawn at once
    p.append(np.array([4.0]), np.array([0.2]), np.zeros(0), np.zeros(0), np.zeros(0))
    assert p.train_curve is curve and p.val_curve is val
    # Points arriving right after a redraw wait a moment, then are drawn all the same.
    qtbot.waitUntil(lambda: len(curve.getData()[0]) == 4, timeout=2000)
    x, y = curve.getData()
    np.testing.assert_array_equal(x, [1, 2, 3, 4])
    np.testing.assert_allclose(10 ** y, [1, 0.5, 0.25, 0.2])  # log scale is on
    # The smoothed curve starts at the data (bias-corrected), never above the first loss.
    assert p.smooth.y[0] == pytest.approx(1.0)
    # The baseline is the loss kind (MSE), drawn dashed on the loss plot.
    assert p.loss_baseline.isVisible() and not p.metric_baseline.isVisible()
    assert p.loss_baseline.value() == pytest.approx(np.log10(0.2))
    p.log_check.setChecked(False)
    assert p.loss_baseline.value() == pytest.approx(0.2)
    header, rows = p.table()
    assert header == ["step", "train_loss", "val_loss", "val_metric"]
    assert rows[2] == [3, 0.25, 0.3, 0.1] and rows[0][2] == ""
    p.set_task(Metric("majority accuracy", 0.5), "CE", "accuracy")
    assert p.metric_baseline.isVisible() and not p.loss_baseline.isVisible()
    assert not p.has_data()


def test_hidden_state_heatmap_and_unit_click(qtbot):
    exp, snaps = trained_snapshots()
    p = HiddenStatePlot()
    qtbot.addWidget(p)
    p.resize(500, 500)
    p.show()
    p.set_network(exp.network.anatomy(), len(exp.dataset.val), "tanh")
    p.update_snapshot(snaps[-1])
    h = snaps[-1].hidden["l0"]
    assert p.image.image.shape == h.shape  # (time, unit)
    # Click in the middle of unit 5's row: its trace is shown.
    qtbot.waitUntil(lambda: p.map_plot.vb.viewRange()[1][1] >= h.shape[1] - 1)
    scene_pos = p.map_plot.vb.mapViewToScene(QPointF(h.shape[0] / 2, 5.0))
    view_pos = p.graphics.mapFromScene(scene_pos)
    qtbot.mouseClick(p.graphics.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    assert p.unit == 5
    np.testing.assert_array_equal(p.trace_curve.getData()[1], h[:, 5])
    seen = []
    p.sampleChanged.connect(seen.append)
    p.sample_spin.setValue(3)
    assert seen == [3]


def test_gradient_flow_history_and_norms(qtbot):
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples = 200
    cfg.network.num_layers = 2
    cfg.network.bidirectional = True
    exp = Experiment(cfg)
    p = GradientFlowPlot()
    qtbot.addWidget(p)
    p.set_network(exp.network.anatomy())
    flow_items = dict(p.flow_curves)
    for _ in range(5):
        p.update_snapshot(exp.trainer.step(collect=True))
    assert p.flow_curves == flow_items  # same items, updated in place
    assert set(p.flow_curves) == {"l0", "l0_reverse", "l1", "l1_reverse"}
    T = cfg.task.seq_len
    # The histories are redrawn a few times a second; the last snapshots follow.
    qtbot.waitUntil(lambda: p.image.image is not None and len(p.image.image) == 5,
                    timeout=2000)
    assert p.image.image.shape == (5, T)  # training step x time step
    last = p.latest["l0"]
    np.testing.assert_allclose(p.flow_curves["l0"].getData()[1], np.log10(last))
    # The per-parameter norms follow Snapshot.grad_norms.
    assert p.norm_series["weight_hh_l0"].n == 5
    assert "bias_hh_l0" not in p.norm_curves
    header, rows = p.table()
    assert len(rows) == T and header[0] == "t"


def test_light_and_dark_themes(qtbot):
    p = LossPlot()
    qtbot.addWidget(p)
    p.set_theme("dark")
    assert p.graphics.backgroundBrush().color().lightness() < 60
    p.set_theme("light")
    assert p.graphics.backgroundBrush().color().lightness() > 200


@pytest.mark.parametrize(
    "name", sorted({t.kind: t.name for t in reversed(all_tasks())}.values())
)
def test_prediction_view_for_each_task_type(qtbot, name):
    exp, snaps = trained_snapshots(name, steps=1)
    v = PredictionView()
    qtbot.addWidget(v)
    v.set_experiment(exp.task, exp.dataset, exp.config.network)
    v.update_snapshot(snaps[-1])
    assert v.last_text == exp.task.render_prediction(exp.dataset, 0, snaps[-1].outputs)
    header, rows = v.table()
    assert rows and header[0] == "t"
    if v.mode in ("class_seq", "ctc"):
        np.testing.assert_allclose(v.probs.sum(axis=1), 1.0, rtol=1e-6)
        np.testing.assert_array_equal(v.image.image, v.probs[:, v.rows])  # the rows shown
        # Likely is dark, unlikely white, on the 0..1 probability scale.
        lut = v.image.getColorMap().getLookupTable(0.0, 1.0, 3).astype(int)
        assert lut[0].sum() > 700 and lut[-1].sum() < 100
        assert tuple(v.image.levels) == (0.0, 1.0)


def test_prediction_classification_bars():
    from rnn_sandbox.config import NetworkConfig
    from rnn_sandbox.engine import Batch, Dataset
    from rnn_sandbox.tasks import Task

    class Fake(Task):
        def render_prediction(self, dataset, index, outputs, split="val"):
            return "fake"

    x = np.zeros((2, 3, 1))
    data = Dataset(Batch(x, np.array([0, 1])), Batch(x, np.array([2, 1])))
    v = PredictionView()
    v.set_experiment(Fake(), data, NetworkConfig(output_size=3, loss="ce"))
    snap = Snapshot(step=1, epoch=0, train_loss=1.0, learning_rate=0.1, grad_norm=1.0,
                    outputs=np.array([0.0, 1.0, 2.0]), inputs=x[0])
    v.update_snapshot(snap)
    assert v.true_bar.opts["x"] == [2]
    p = np.exp([0.0, 1.0, 2.0]) / np.exp([0.0, 1.0, 2.0]).sum()
    np.testing.assert_allclose(v.true_bar.opts["height"], [p[2]])
    np.testing.assert_allclose(v.bars.opts["height"], p[:2])


def test_log_axis_labels_do_not_crowd(qtbot):
    from rnn_sandbox.ui.plots import LogAxis

    axis = LogAxis("left")
    axis.setLogMode(False, True)
    for lo, hi, size in [(-3.2, 0.4, 120), (-0.7, -0.4, 120), (-12.0, 2.0, 80)]:
        (_, values), = axis.logTickValues(lo, hi, size, [])
        assert 2 <= len(values) <= max(2, size // 28), (lo, hi, values)
        assert all(lo <= v <= hi for v in values)
        labels = axis.logTickStrings(values, 1.0, 1.0)
        assert len(set(labels)) == len(labels)
    (_, values), = axis.logTickValues(-3.0, 0.0, 300, [])
    assert axis.logTickStrings(values, 1.0, 1.0)[:3] == ["0.001", "0.002", "0.005"]


def gated_experiment(cell: str) -> Experiment:
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples = 200
    cfg.network.cell = cell
    return Experiment(cfg)


def test_lstm_gates_cell_state_and_cell_gradient(qtbot):
    exp = gated_experiment("lstm")
    hp, gp = HiddenStatePlot(), GradientFlowPlot()
    for w in (hp, gp):
        qtbot.addWidget(w)
        w.show()
    anatomy = exp.network.anatomy()
    hp.set_network(anatomy, len(exp.dataset.val), "tanh")
    gp.set_network(anatomy)
    items = (hp.image, hp.trace_curve, hp.cell_curve, *hp.gate_curves,
             gp.flow_curves["l0"], gp.cell_curves["l0"])
    for _ in range(3):
        snap = exp.trainer.step(collect=True)
        hp.update_snapshot(snap)
        gp.update_snapshot(snap)
    H, T = exp.config.network.hidden_size, exp.config.task.seq_len
    assert (hp.image, hp.trace_curve, hp.cell_curve, *hp.gate_curves,
            gp.flow_curves["l0"], gp.cell_curves["l0"]) == items  # updated in place
    assert hp.kind == "lstm" and hp.view_combo.isVisible() and hp.gate_plot.isVisible()
    views = [hp.view_combo.itemData(i) for i in range(hp.view_combo.count())]
    assert views == ["h", "c", "gate:0", "gate:1", "gate:2", "gate:3"]
    # The forget gate (PyTorch order i, f, g, o) of unit 3 as heatmap and as curve.
    hp.view_combo.setCurrentIndex(views.index("gate:1"))
    forget = snap.gates["l0"][:, H : 2 * H]
    assert hp.image.image.shape == (T, H)
    np.testing.assert_array_equal(hp.image.image, forget)
    assert tuple(hp.image.levels) == (0.0, 1.0)
    hp.select_unit(3)
    np.testing.assert_array_equal(hp.gate_curves[1].getData()[1], forget[:, 3])
    assert all(c.isVisible() for c in hp.gate_curves)  # four gates
    hp.view_combo.setCurrentIndex(views.index("c"))
    np.testing.assert_array_equal(hp.image.image, snap.cell["l0"])
    np.testing.assert_array_equal(hp.cell_curve.getData()[1], snap.cell["l0"][:, 3])
    header, rows = hp.table()
    assert len(rows) == T and len(header) == 1 + 6 * H and header[2 * H + 1] == "i0"
    # |dL/dc_t| is drawn next to |dL/dh_t|, on the same log scale, and offered in the map.
    assert gp.cell_curves["l0"].isVisible()
    np.testing.assert_allclose(gp.cell_curves["l0"].getData()[1], np.log10(snap.grad_c["l0"]))
    gp.layer_combo.setCurrentIndex(gp.layer_combo.findData("l0:c"))
    assert gp.image.image.shape == (3, T)
    np.testing.assert_allclose(gp.image.image[-1], np.log10(snap.grad_c["l0"]))
    assert any(h.startswith("|dL/dc_t|") for h in gp.table()[0])
    # A new experiment of the same kind keeps the chosen view once its gates arrive.
    hp.set_network(anatomy, len(exp.dataset.val), "tanh")
    assert hp.view() == "h" and not hp.view_combo.isVisible()
    hp.update_snapshot(snap)
    assert hp.view() == "c"


@pytest.mark.parametrize("cell", ["gru", "rnn"])
def test_gate_views_follow_the_cell(qtbot, cell):
    exp = gated_experiment(cell)
    hp, gp = HiddenStatePlot(), GradientFlowPlot()
    for w in (hp, gp):
        qtbot.addWidget(w)
        w.show()
    anatomy = exp.network.anatomy()
    hp.set_network(anatomy, len(exp.dataset.val), "tanh")
    gp.set_network(anatomy)
    snap = exp.trainer.step(collect=True)
    hp.update_snapshot(snap)
    gp.update_snapshot(snap)
    # No cell state and no |dL/dc_t| for either; gates for the GRU only.
    assert not hp.cell_curve.isVisible() and not gp.cell_curves["l0"].isVisible()
    assert gp.layer_combo.findData("l0:c") == -1
    if cell == "rnn":
        assert hp.kind is None and not hp.view_combo.isVisible()
        assert not hp.gate_plot.isVisible() and hp.gate_plot not in hp.graphics.ci.items
        return
    assert hp.kind == "gru" and hp.view_combo.isVisible() and hp.gate_plot.isVisible()
    assert [c.isVisible() for c in hp.gate_curves] == [True, True, True, False]
    H = exp.config.network.hidden_size
    hp.view_combo.setCurrentIndex(hp.view_combo.findData("gate:2"))  # candidate n (tanh)
    np.testing.assert_array_equal(hp.image.image, snap.gates["l0"][:, 2 * H :])
    assert tuple(hp.image.levels) == (-1.0, 1.0)
    # The Projector's column (410 px at 150 %): the gates go under the unit's trace, and
    # the panel fits its width instead of scrolling sideways; a wide dock has them beside.
    cells = hp.graphics.ci.layout
    hp.resize(410, 700)
    hp.set_zoom(1.5)
    qtbot.waitUntil(lambda: hp.graphics.width() <= hp.graphics_area().viewport().width())
    assert cells.itemAt(2, 0) is hp.gate_plot
    assert not hp.graphics_area().horizontalScrollBar().isVisible()
    hp.set_zoom(1.0)
    hp.resize(700, 700)
    qtbot.waitUntil(lambda: cells.itemAt(1, 1) is hp.gate_plot)


def test_prediction_view_shows_the_task_extra_metrics(qtbot):
    exp, snaps = trained_snapshots("named_entities", steps=1)
    v = PredictionView()
    qtbot.addWidget(v)
    v.show()
    v.set_experiment(exp.task, exp.dataset, exp.config.network)
    snap = snaps[-1]
    v.update_snapshot(snap)  # no extra metrics on it: nothing shown
    assert not v.extra_label.isVisible()
    val = exp.trainer.data.val
    snap.extra_metrics = exp.task.extra_metrics(exp.trainer.predict(val), val)
    snap.extra_step = snap.step
    v.update_snapshot(snap)
    value = snap.extra_metrics[0].value
    # Beside it, the same number of the baseline's rule (each word's most common tag).
    rule = exp.task.ambiguous_accuracy(exp.task.baseline_outputs(exp.dataset), val)
    assert v.extra_label.isVisible()
    assert v.extra_label.text() == (
        f"Validation (step 1): ambiguous-word accuracy {value:.3g} (baseline {rule:.3g})")
    assert "baseline" in v.extra_label.toolTip() and " by " in v.extra_label.toolTip()
    v.set_experiment(exp.task, exp.dataset, exp.config.network)
    assert not v.extra_label.isVisible()


def test_hidden_loss_panel_draws_when_shown(qtbot):
    p = LossPlot()
    qtbot.addWidget(p)
    p.append(np.arange(1, 4.0), np.array([1.0, 0.5, 0.25]), np.zeros(0), np.zeros(0),
             np.zeros(0))
    assert p.train.n == 3 and p.train_curve.getData()[0] is None  # not shown: not drawn
    p.show()
    qtbot.waitUntil(lambda: p.train_curve.getData()[0] is not None, timeout=2000)
    np.testing.assert_array_equal(p.train_curve.getData()[0], [1, 2, 3])
    # The y axis follows the data in half decades (log scale): all points are in view.
    lo, hi = p.loss_plot.vb.viewRange()[1]
    assert lo <= np.log10(0.25) and hi >= 0.0 and hi - lo <= 2.0


def _prediction_state(v: PredictionView) -> dict:
    """What the prediction view shows besides its data: title, axis labels, named ticks,
    whether it scales itself to the data."""
    axes = {side: v.plot.getAxis(side) for side in ("bottom", "left")}
    return {
        "title": v.plot.titleLabel.text,
        "labels": {s: a.labelText for s, a in axes.items()},
        "ticks": {s: a._tickLevels for s, a in axes.items()},
        "auto": v.plot.getViewBox().autoRangeEnabled(),
    }


def test_the_prediction_view_keeps_nothing_of_the_previous_task(qtbot):
    """Switching through every task and back shows each the way a fresh view shows it."""
    names = [t.name for t in all_tasks() if t.name != "csv_series"]
    snaps = {n: trained_snapshots(n, steps=1) for n in names}
    v = PredictionView()
    qtbot.addWidget(v)
    for name in [*names, *reversed(names)]:
        exp, (snap,) = snaps[name]
        v.set_experiment(exp.task, exp.dataset, exp.config.network)
        v.update_snapshot(snap)
        fresh = PredictionView()
        qtbot.addWidget(fresh)
        fresh.set_experiment(exp.task, exp.dataset, exp.config.network)
        fresh.update_snapshot(snap)
        assert _prediction_state(v) == _prediction_state(fresh), name
        x, y = v.plot.getViewBox().childrenBounds()
        fx, fy = fresh.plot.getViewBox().childrenBounds()
        assert (x, y) == (fx, fy), name


def test_time_steps_are_counted_from_one_as_in_the_diagram(qtbot):
    exp, snaps = trained_snapshots(steps=2)
    hp, gp = HiddenStatePlot(), GradientFlowPlot()
    for p in (hp, gp):
        qtbot.addWidget(p)
        p.set_network(exp.network.anatomy(), *((len(exp.dataset.val), "tanh")
                                               if p is hp else ()))
        p.show()
        p.update_snapshot(snaps[-1])
    T = exp.config.task.seq_len
    t, _ = hp.trace_curve.getData()
    assert (t[0], t[-1]) == (1, T)
    t, _ = gp.flow_curves["l0"].getData()
    assert (t[0], t[-1]) == (1, T)
    rect = hp.image.mapRectToParent(hp.image.boundingRect())
    assert (rect.left(), rect.right()) == (0.5, T + 0.5)  # column t is centred on t


def test_empty_plots_show_round_ranges_with_the_baseline_in_view(qtbot):
    p = LossPlot()
    qtbot.addWidget(p)
    p.set_task(Metric("persistence MSE", 37.0), "MSE", None)  # on the loss plot, log axis
    lo, hi = p.loss_plot.vb.viewRange()[1]
    assert lo <= -2 and hi >= np.log10(37.0) and hi - lo < 6  # 0.01 .. 100
    lo, hi = p.metric_plot.vb.viewRange()[1]
    assert lo <= 0 and 1 <= hi < 1.2
    g = GradientFlowPlot()
    qtbot.addWidget(g)
    g.set_network(Experiment.from_task("tiny_bptt").network.anatomy())
    assert g.flow_plot.vb.viewRange()[0][0] < 1 < 9 < g.flow_plot.vb.viewRange()[0][1]


def test_translation_metric_plot_shows_the_copys_sentence_accuracy(qtbot):
    """The dashed line under *sentence accuracy* is the copy's sentence accuracy (the share
    of sentences copying gets exactly right), not its token accuracy."""
    from rnn_sandbox.ui.controller import ViewData
    from rnn_sandbox.ui.views import LossView

    cfg = get_task("translation").default_config()
    cfg.task.n_samples = 300
    cfg.task.options["target"] = "verb_second"  # the copy gets some sentences right
    exp = Experiment(cfg)
    task, val = exp.task, exp.dataset.val
    p = LossPlot()
    qtbot.addWidget(p)
    p.resize(800, 400)  # room for the baseline's whole label
    p.show()
    LossView(p).show_experiment(ViewData.of(exp, 0))
    copy = task.baseline_outputs(exp.dataset)
    sentences, tokens = task.sentence_accuracy(copy, val), task.token_accuracy(copy, val)
    assert 0 < sentences < tokens
    assert p.metric_baseline.isVisible() and not p.loss_baseline.isVisible()
    assert p.metric_baseline.value() == pytest.approx(sentences)
    assert p.metric_baseline.label.format == f'baseline "copy the source order" {sentences:.3g}'


def test_status_bar_shows_each_number_beside_its_baseline(qtbot):
    """The metric and each further number come with their own baseline and the difference,
    in the command line's words (Score)."""
    from rnn_sandbox.session import Score
    from rnn_sandbox.ui.controller import ViewData
    from rnn_sandbox.ui.views import StatusView
    from rnn_sandbox.ui.worker import Progress

    exp, _ = trained_snapshots("named_entities", steps=2)
    labels = []
    status = StatusView(labels.append, lambda: (2, 0, 30))
    for label in labels:
        qtbot.addWidget(label)
    status.show_experiment(ViewData.of(exp, 0))
    task, val = exp.task, exp.dataset.val
    outputs = exp.trainer.predict(val)
    metric, (extra,) = task.metric(outputs, val), task.extra_metrics(outputs, val)
    status.show_progress(Progress(
        0, None, np.array([2.0]), np.array([0.5]), val_steps=np.array([2.0]),
        val_losses=np.array([0.4]), val_metrics=np.array([metric.value]),
        metric_name=metric.name, extra_metrics=[extra], extra_step=2,
    ))
    token_base, amb_base = task.baselines(exp.dataset)
    assert status.labels["metric"].text() == Score(metric, token_base).short()
    assert status.labels["extra"].text() == Score(extra, amb_base).short()
    assert f"(baseline {amb_base.value:.3g})" in status.labels["extra"].text()
    assert Score(metric, token_base).text() in status.labels["metric"].toolTip()
    assert Score(extra, amb_base).text() in status.labels["extra"].toolTip()
    assert amb_base.name.endswith(": ambiguous-word accuracy")


def test_time_step_axes_tick_whole_steps_only(qtbot):
    """Four time steps are counted 1, 2, 3, 4: no tick at 1.5 on a short sequence."""
    from rnn_sandbox.ui.plots.base import StepAxis

    axis = StepAxis("bottom")
    for lo, hi, size in ((0.8, 4.2, 300), (0.5, 2.5, 600), (1, 96, 300)):
        values = [v for _, level in axis.tickValues(lo, hi, size) for v in level]
        assert values and all(float(v).is_integer() for v in values)
        assert all(lo <= v <= hi for v in values)


def test_the_heatmap_over_training_spans_the_whole_run(qtbot):
    """However long the run, the heatmap starts at its first step (a long run is shown at a
    coarser spacing, never cut at the start) and ends at its latest one."""
    from rnn_sandbox.ui.plots import GradientHistory

    hist = GradientHistory(300)
    for step in range(1, 1001):
        hist.append(step, np.full(5, float(step)))
    steps, rows = hist.view()
    assert len(steps) <= 300 and steps[0] == 1 and steps[-1] == 1000
    assert (np.diff(steps) > 0).all() and (rows[:, 0] == steps).all()

    cfg = get_task("sine_forecast").default_config()
    p = GradientFlowPlot()
    qtbot.addWidget(p)
    p.resize(500, 700)
    p.show()
    exp = Experiment(cfg)
    p.set_network(exp.network.anatomy())
    T = cfg.task.seq_len
    for step in range(1, 801):
        snap = Snapshot(step=step, epoch=0, train_loss=1.0, learning_rate=0.1, grad_norm=1.0,
                        grad_h={"l0": np.full(T, 10.0 ** -(step % 3))})
        p.update_snapshot(snap, draw=step == 800)
    qtbot.waitUntil(lambda: p._shown.get("map") is not None, timeout=2000)
    rect = p.image.mapRectToParent(p.image.boundingRect())
    assert rect.left() == pytest.approx(1) and rect.right() == pytest.approx(801)


def test_a_series_keeps_a_bounded_number_of_points_over_its_whole_span():
    """A run of any length is drawn from at most ``limit`` points: past it every other
    point goes, the first and the newest stay, and two series fed alike stay aligned."""
    from rnn_sandbox.ui.plots.base import GrowingSeries

    a, b = GrowingSeries(limit=100), GrowingSeries(limit=100)
    for start in range(1, 10_001, 7):
        steps = np.arange(start, start + 7, dtype=float)
        a.extend(steps, steps * 2)
        b.extend(steps, -steps)
    assert a.n <= 100 and a.n == b.n and a.n > 40
    assert a.x[0] == 1 and a.x[-1] == 10_003 and (np.diff(a.x) > 0).all()
    np.testing.assert_array_equal(a.y, 2 * a.x)
    np.testing.assert_array_equal(b.x, a.x)
    big = GrowingSeries(limit=10)
    big.extend(np.arange(50.0), np.arange(50.0))  # more than the limit at once: the newest
    assert big.n == 10 and big.x[-1] == 49


def test_the_gradient_flow_shows_a_minimal_cells_state_jacobian(qtbot):
    """minGRU (both directions): ticked, the top plot draws log10 of ∂h_T/∂h_t averaged over
    the units, from the watched sample's gates (the product of its (1 − z)); a GRU offers
    no such box."""
    from rnn_sandbox.engine import minimal

    exp = gated_experiment("mingru")
    exp.config.network.bidirectional = True
    exp = Experiment(exp.config)
    gp = GradientFlowPlot()
    qtbot.addWidget(gp)
    gp.show()
    gp.set_network(exp.network.anatomy())
    gp.sample_masks = exp.dataset.val.mask
    snap = exp.trainer.step(collect=True)
    gp.update_snapshot(snap)
    assert gp.kept_box.isVisible() and not gp.kept_shown()
    gradient = gp.flow_curves["l0"].getData()[1].copy()
    gp.kept_box.setChecked(True)
    assert gp.kept_curves["l0"].isVisible() and not gp.flow_curves["l0"].isVisible()
    sample = exp.dataset.val.subset(slice(snap.sample_index, snap.sample_index + 1))
    x = np.swapaxes(sample.x, 0, 1)  # time-major, as the engine computes the gates
    for name, reverse in (("l0", False), ("l0_reverse", True)):
        suffix = "_l0_reverse" if reverse else "_l0"
        gates = minimal.gates_of("mingru", x, snap.weights["weight_ih" + suffix],
                                 snap.weights["bias_ih" + suffix])[:, 0]
        z = gates[:, : exp.config.network.hidden_size]
        kept = np.cumprod((1 - z)[::-1], axis=0)[::-1]  # a_{T−1} ⋯ a_t, then shift by one
        want = np.vstack([kept[1:], np.ones((1, z.shape[1]))]) if not reverse else np.vstack(
            [np.ones((1, z.shape[1])), np.cumprod(1 - z, axis=0)[:-1]])
        t, y = gp.kept_curves[name].getData()
        np.testing.assert_array_equal(t, np.arange(1, len(z) + 1))
        np.testing.assert_allclose(y, np.log10(want.mean(axis=1)), rtol=1e-10, atol=1e-12)
    assert "∂h" in gp.flow_plot.titleLabel.text
    gp.kept_box.setChecked(False)  # back to the gradient, as it was
    np.testing.assert_array_equal(gp.flow_curves["l0"].getData()[1], gradient)
    assert gp.flow_curves["l0"].isVisible() and not gp.kept_curves["l0"].isVisible()
    gp.kept_box.setChecked(True)
    gp.set_network(gated_experiment("gru").network.anatomy())
    assert not gp.kept_box.isVisible() and not gp.kept_shown()
    assert gp.flow_curves["l0"].isVisible() and not gp.kept_curves["l0"].isVisible()
    gp.set_network(exp.network.anatomy())  # a minGRU again: the choice still holds
    assert gp.kept_shown() and "∂h" in gp.flow_plot.titleLabel.text
    assert gp.kept_curves["l0"].isVisible() and not gp.flow_curves["l0"].isVisible()


def test_the_eigenvalues_of_a_large_w_hh_wait_their_turn_and_show_the_latest(qtbot):
    """Eigenvalues take the window's time (a big W_hh long): weights that come too soon
    after the last drawing are drawn when their turn comes, the latest of them."""
    from rnn_sandbox.config import NetworkConfig
    from rnn_sandbox.engine import Network
    from rnn_sandbox.ui.plots import EigenvaluePlot

    net = Network(NetworkConfig(cell="rnn", hidden_size=6), seed=0)
    p = EigenvaluePlot()
    qtbot.addWidget(p)
    p.set_network(net.anatomy())
    first = net.state_dict()
    p.show_weights(first)
    p._cost = 0.01  # as if that took 10 ms: the next may come 0.1 s later
    later = [{k: v * s for k, v in first.items()} for s in (2.0, 3.0)]
    for weights in later:
        p.show_weights(weights)
    x, y = p.points["weight_hh_l0"].getData()
    assert np.allclose(np.sort_complex(x + 1j * y), np.sort_complex(
        np.linalg.eigvals(first["weight_hh_l0"])))
    want = np.sort_complex(np.linalg.eigvals(later[-1]["weight_hh_l0"]))

    def latest() -> bool:
        x, y = p.points["weight_hh_l0"].getData()
        return np.allclose(np.sort_complex(x + 1j * y), want)

    qtbot.waitUntil(latest, timeout=2000)
    assert p.spectra[0].radius == pytest.approx(np.abs(want).max())
