"""Every view shows the current model: after the first step, after training, after a tab
switch, after reopening a file and after a setting changes.

Each test drives the real window (Step, Play, Pause, tabs, files, settings) at a laptop's
1280x720 in its standard layout, where the gradient flow, hidden states and gradient
sources share one column of tabs, and compares what is plotted (curve data, image arrays)
with the engine's numbers for the weights the training process holds.
"""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.engine import itemized_gradients
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.main_window import MainWindow
from rnn_sandbox.ui.views import shown

WAIT = 20_000  # ms; generous for a loaded two-core machine


@pytest.fixture
def laptop(qtbot, settings, small):
    """A main window at 1280x720 in the standard (Laptop) layout, on the sine task."""
    windows: list[MainWindow] = []

    def make(**training) -> MainWindow:
        cfg = small(get_task("sine_forecast").default_config())
        for k, v in training.items():
            setattr(cfg.training, k, v)
        w = MainWindow(config=cfg, settings=settings)
        w.confirm = lambda title, text: True
        w.modal_messages = False
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.shutdown()


def engine_now(w: MainWindow) -> dict:
    """The engine's numbers for the weights the training process holds now (it pauses):
    |dL/dh_t| and the gradient norms on the first batch, with the set truncation; the
    watched sample's hidden states; the chosen weight's itemized gradients."""
    with w.controller.worker.paused() as exp:
        cfg, net, data = exp.config, exp.network, exp.trainer.data
        batch = data.train.subset(slice(0, cfg.training.batch_size))
        k = cfg.training.bptt_truncation
        _, grads = net.loss_and_grads(batch.x, batch.y, batch.mask, batch.y_mask, k)
        grad_h = np.linalg.norm(net.cache["grad_h"]["l0"], axis=2).mean(axis=0)
        sample = data.val.subset(slice(0, 1))
        net.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
        hidden = net.cache["hidden"]["l0"][0].copy()
        chosen = w.itemized_plot.chosen
        itemized = itemized_gradients(net, sample.x, sample.y, sample.mask, sample.y_mask,
                                      params=[chosen], truncation=k)[chosen]
        return {"step": exp.trainer.step_count, "grad_h": grad_h, "hidden": hidden,
                "w_hh": net.params["weight_hh_l0"].copy(),
                "norms": {n: float(np.linalg.norm(g)) for n, g in grads.items()},
                "itemized": itemized, "history": list(exp.trainer.gradient_history)}


def log10(g: np.ndarray) -> np.ndarray:
    """As the plots draw it: steps no gradient reaches are left out (NaN)."""
    return np.log10(np.where(g > 0, g, np.nan))


def flow_shows(w: MainWindow, grad_h: np.ndarray) -> bool:
    y = w.gradient_plot.flow_curves["l0"].getData()[1]
    return (y is not None and len(y) == len(grad_h)
            and np.allclose(y, log10(grad_h), equal_nan=True))


def hidden_shows(w: MainWindow, hidden: np.ndarray) -> bool:
    image = w.hidden_plot.image.image
    return image is not None and image.shape == hidden.shape and np.allclose(image, hidden)


def itemized_shows(w: MainWindow, values: np.ndarray) -> bool:
    v = w.itemized_plot.values
    return v is not None and v.shape == values.shape and np.allclose(v, values)


def eigenvalues_show(w: MainWindow, w_hh: np.ndarray) -> bool:
    """The eigenvalue panel's points are those of ``w_hh``, and its key gives their
    spectral radius."""
    want = np.linalg.eigvals(w_hh)
    x, y = w.eigen_plot.points["weight_hh_l0"].getData()
    if x is None or len(x) != len(want):
        return False
    got = np.sort_complex(x + 1j * y)
    radius = f"{np.abs(want).max():.3f}"
    return np.allclose(got, np.sort_complex(want)) and radius in w.eigen_plot.key.text


def norms_show(w: MainWindow, step: float, norms: dict) -> bool:
    """Every weight's norm curve has ``norms`` at ``step``, drawn."""
    for name, curve in w.gradient_plot.norm_curves.items():
        x, y = curve.getData()
        if x is None or step not in x or not np.isclose(10 ** y[list(x).index(step)],
                                                        norms[name]):
            return False
    return True


def raise_dock(qtbot, w: MainWindow, dock, plot) -> None:
    dock.raise_()
    qtbot.waitUntil(lambda: shown(plot), timeout=WAIT)


def train(qtbot, w: MainWindow, steps: int) -> None:
    c = w.controller
    c.play()
    qtbot.waitUntil(lambda: c.step >= steps, timeout=WAIT)
    c.pause()


# -- from the first step ------------------------------------------------------------------
def test_the_first_step_is_drawn_in_every_view(laptop, qtbot):
    w = laptop()
    c = w.controller
    raise_dock(qtbot, w, w.gradient_dock, w.gradient_plot)
    # Before any step, the gradient flow shows the initial weights' gradient (lesson 7:
    # the gradient of a badly set W_hh can be read before training).
    before = engine_now(w)
    qtbot.waitUntil(lambda: flow_shows(w, before["grad_h"]), timeout=WAIT)
    c.step_once()
    qtbot.waitUntil(lambda: c.step == 1, timeout=WAIT)
    # The engine's own first step on the same settings: the batch's gradient, its norms.
    replay = Experiment(c.config)
    first = replay.trainer.step(collect=True)
    qtbot.waitUntil(lambda: flow_shows(w, first.grad_h["l0"]), timeout=WAIT)
    # The norm of every weight after one Step: one point each, with a marker to be seen.
    qtbot.waitUntil(lambda: norms_show(w, 1.0, first.grad_norms), timeout=WAIT)
    for curve in w.gradient_plot.norm_curves.values():
        assert curve.opts["symbol"] is not None
    # The heatmap over training has the initial look and the first step.
    steps, rows = w.gradient_plot._hist["l0"].view()
    np.testing.assert_array_equal(steps, [0, 1])
    np.testing.assert_allclose(rows[1], np.log10(first.grad_h["l0"]))
    assert w.gradient_plot.image.image is not None
    # The loss of step 1 and the hidden states of the weights after it.
    x, y = w.loss_plot.train_curve.getData()
    np.testing.assert_array_equal(x, [1])
    np.testing.assert_allclose(10 ** y, [first.train_loss])
    assert w.loss_plot.train_curve.opts["symbol"] is not None  # one point: a marker
    now = engine_now(w)
    raise_dock(qtbot, w, w.hidden_dock, w.hidden_plot)
    qtbot.waitUntil(lambda: hidden_shows(w, now["hidden"]), timeout=WAIT)
    raise_dock(qtbot, w, w.itemized_dock, w.itemized_plot)
    qtbot.waitUntil(lambda: itemized_shows(w, now["itemized"]), timeout=WAIT)
    # The eigenvalues of W_hh after the step, not those it started from.
    raise_dock(qtbot, w, w.eigen_dock, w.eigen_plot)
    qtbot.waitUntil(lambda: eigenvalues_show(w, now["w_hh"]), timeout=WAIT)
    assert not np.allclose(np.linalg.eigvals(now["w_hh"]), np.linalg.eigvals(before["w_hh"]))


# -- after training and after a tab switch ---------------------------------------------------
def test_a_panel_behind_a_tab_catches_up_when_its_tab_is_raised(laptop, qtbot):
    w = laptop()
    raise_dock(qtbot, w, w.itemized_dock, w.itemized_plot)
    assert not shown(w.gradient_plot) and not shown(w.hidden_plot)
    train(qtbot, w, 15)
    now = engine_now(w)
    qtbot.waitUntil(lambda: w.status_view.labels["rate"].text() == "paused", timeout=WAIT)
    # The raised panel shows the paused model ...
    qtbot.waitUntil(lambda: itemized_shows(w, now["itemized"]), timeout=WAIT)
    # ... and the ones behind it drew nothing while hidden.
    assert w.gradient_plot.flow_curves["l0"].getData()[1] is None
    raise_dock(qtbot, w, w.gradient_dock, w.gradient_plot)
    qtbot.waitUntil(lambda: flow_shows(w, now["grad_h"]), timeout=WAIT)
    # Every trained step's gradient norms, drawn: the last one's is the step it paused at.
    steps = w.gradient_plot.norm_series["weight_hh_l0"].x
    np.testing.assert_array_equal(steps[1:], np.arange(1, len(steps)))
    assert w.gradient_plot.norm_curves["weight_hh_l0"].getData()[0][-1] == now["step"]
    # The loss of every step trained, as the engine recorded it.
    with w.controller.worker.paused() as exp:
        history = [(h["step"], h["train_loss"]) for h in exp.trainer.history]
    qtbot.waitUntil(lambda: len(w.loss_plot.train_curve.getData()[0]) == len(history),
                    timeout=WAIT)
    x, y = w.loss_plot.train_curve.getData()
    np.testing.assert_array_equal(x, [s for s, _ in history])
    np.testing.assert_allclose(10 ** y, [v for _, v in history])
    raise_dock(qtbot, w, w.hidden_dock, w.hidden_plot)
    qtbot.waitUntil(lambda: hidden_shows(w, now["hidden"]), timeout=WAIT)
    # Trained further while the sources panel is hidden, it catches up when raised.
    train(qtbot, w, now["step"] + 10)
    later = engine_now(w)
    assert not itemized_shows(w, later["itemized"])
    raise_dock(qtbot, w, w.itemized_dock, w.itemized_plot)
    qtbot.waitUntil(lambda: itemized_shows(w, later["itemized"]), timeout=WAIT)


def test_a_planned_run_ends_showing_its_last_model(laptop, qtbot):
    w = laptop(epochs=1)
    c = w.controller
    raise_dock(qtbot, w, w.hidden_dock, w.hidden_plot)
    c.play()
    qtbot.waitUntil(lambda: c.step == c.steps_per_epoch and not c.worker.is_running(),
                    timeout=WAIT)
    now = engine_now(w)
    assert now["step"] == c.steps_per_epoch
    qtbot.waitUntil(lambda: hidden_shows(w, now["hidden"]), timeout=WAIT)
    raise_dock(qtbot, w, w.gradient_dock, w.gradient_plot)
    qtbot.waitUntil(lambda: flow_shows(w, now["grad_h"]), timeout=WAIT)


# -- after reopening a file ----------------------------------------------------------------
def test_a_reopened_file_is_shown_as_it_was_saved(laptop, qtbot, tmp_path):
    w = laptop()
    raise_dock(qtbot, w, w.gradient_dock, w.gradient_plot)
    train(qtbot, w, 20)
    path = tmp_path / "run.rnnx"
    assert w.controller.document.save(path)
    saved = engine_now(w)
    w.controller.new_experiment()
    qtbot.waitUntil(lambda: w.controller.step == 0, timeout=WAIT)
    assert w.controller.document.open_path(path)
    now = engine_now(w)
    assert now["step"] == saved["step"] and len(now["history"]) > 1
    np.testing.assert_allclose(now["grad_h"], saved["grad_h"])
    qtbot.waitUntil(lambda: flow_shows(w, now["grad_h"]), timeout=WAIT)
    # The heatmap over training: the gradients recorded while the run trained, then now.
    steps, rows = w.gradient_plot._hist["l0"].view()
    recorded = [s for s, _ in now["history"]]
    np.testing.assert_array_equal(steps[: len(recorded)], recorded)
    np.testing.assert_allclose(rows[0, : len(now["history"][0][1])],
                               np.log10(now["history"][0][1]))
    qtbot.waitUntil(lambda: w.gradient_plot.image.image is not None, timeout=WAIT)
    # The norms of the weights as they are: one point, at the step the file was saved.
    qtbot.waitUntil(lambda: norms_show(w, float(now["step"]), now["norms"]), timeout=WAIT)
    x, _ = w.loss_plot.train_curve.getData()
    np.testing.assert_array_equal(x, np.arange(1, now["step"] + 1))
    raise_dock(qtbot, w, w.hidden_dock, w.hidden_plot)
    qtbot.waitUntil(lambda: hidden_shows(w, now["hidden"]), timeout=WAIT)
    raise_dock(qtbot, w, w.itemized_dock, w.itemized_plot)
    qtbot.waitUntil(lambda: itemized_shows(w, now["itemized"]), timeout=WAIT)


# -- after a setting changes ---------------------------------------------------------------
def test_a_new_truncation_is_shown_at_once(laptop, qtbot):
    w = laptop()
    raise_dock(qtbot, w, w.itemized_dock, w.itemized_plot)
    train(qtbot, w, 5)
    full = engine_now(w)
    assert w.controller.apply_config({"training.bptt_truncation": 4}, "truncation") is None
    qtbot.waitUntil(lambda: w.controller.config.training.bptt_truncation == 4, timeout=WAIT)
    cut = engine_now(w)
    assert cut["step"] == 0
    assert not w.loss_plot.has_data()  # a new network: the loss starts over
    # Gradient sources: only the uses of W_hh in the last chunk of at most 4 steps send
    # the loss's gradient; with full BPTT every step did (but the first, where W_hh meets
    # the zero initial state).
    qtbot.waitUntil(lambda: itemized_shows(w, cut["itemized"]), timeout=WAIT)
    T = w.controller.config.task.seq_len
    values = w.itemized_plot.values[0]
    reached = np.flatnonzero(values)
    assert 0 < len(reached) <= 4 and reached[-1] == T - 1 and (full["itemized"][0, 1:] > 0).all()
    raise_dock(qtbot, w, w.gradient_dock, w.gradient_plot)
    qtbot.waitUntil(lambda: flow_shows(w, cut["grad_h"]), timeout=WAIT)
    # The norms are those of its initial weights, with the truncation.
    qtbot.waitUntil(lambda: norms_show(w, 0.0, cut["norms"]), timeout=WAIT)
    assert len(w.gradient_plot.norm_series["weight_hh_l0"].x) == 1
    # Steps no gradient reaches are left out of the log plot (NaN), not drawn at -inf.
    y = w.gradient_plot.flow_curves["l0"].getData()[1]
    assert np.isnan(y[: reached[0]]).all() and np.isfinite(y[reached]).all()
    raise_dock(qtbot, w, w.hidden_dock, w.hidden_plot)
    qtbot.waitUntil(lambda: hidden_shows(w, cut["hidden"]), timeout=WAIT)


def test_the_loss_behind_a_tab_catches_up(laptop, qtbot):

    w = laptop()
    w.arrange("Focus on gradients")  # the loss shares a tab with the prediction
    raise_dock(qtbot, w, w.prediction_dock, w.prediction_view)
    assert not shown(w.loss_plot)
    train(qtbot, w, 12)
    with w.controller.worker.paused() as exp:
        losses = [h["train_loss"] for h in exp.trainer.history]
    # kept while hidden, not drawn
    qtbot.waitUntil(lambda: w.loss_plot.train.n == len(losses), timeout=WAIT)
    # The data set on the curve (what is displayed may be thinned to the view's range).
    def drawn() -> tuple:
        return w.loss_plot.train_curve.getOriginalDataset()

    assert drawn()[0] is None or len(drawn()[0]) < len(losses)
    raise_dock(qtbot, w, w.loss_dock, w.loss_plot)
    qtbot.waitUntil(lambda: drawn()[0] is not None and len(drawn()[0]) == len(losses),
                    timeout=WAIT)
    np.testing.assert_allclose(drawn()[1], losses)


# -- room to read them -------------------------------------------------------------------
@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_every_plot_has_room_at_a_laptops_size(laptop, qtbot, cell):
    """At 1280x720 every plot's data area is at least 120x80 px (a dock too short for its
    plots scrolls), and no two tick labels of an axis run together."""
    from rnn_sandbox.ui.plots.base import MIN_DATA

    w = laptop()
    if cell != "rnn":
        assert w.controller.apply_config({"network.cell": cell}, "cell") is None
    train(qtbot, w, 30)
    panels = {w.loss_dock: w.loss_plot, w.gradient_dock: w.gradient_plot,
              w.hidden_dock: w.hidden_plot, w.itemized_dock: w.itemized_plot,
              w.eigen_dock: w.eigen_plot}
    for dock, panel in panels.items():
        raise_dock(qtbot, w, dock, panel)

        def roomy(panel=panel) -> bool:
            plots = [p for p in panel._plots if p.isVisible() and p in panel.graphics.ci.items]
            return all(p.vb.width() >= MIN_DATA[0] and p.vb.height() >= MIN_DATA[1]
                       for p in plots)

        qtbot.waitUntil(roomy, timeout=WAIT)
        for plot in panel._plots:
            if plot.isVisible():
                for side in ("left", "bottom"):
                    assert_labels_apart(plot.getAxis(side))
        if panel is w.eigen_plot:  # an LSTM has no square W_hh: the panel says so
            assert panel.notice.isVisible() == (cell != "rnn")
            assert bool(panel.points) == (cell == "rnn")
            if cell == "rnn":  # those of the weights 30 steps of Play made
                w_hh = engine_now(w)["w_hh"]
                qtbot.waitUntil(lambda w_hh=w_hh: eigenvalues_show(w, w_hh), timeout=WAIT)
            w.grab().save(f"/tmp/views-1280x720-{cell}-eigenvalues.png")
    assert (w.width(), w.height()) == (1280, 720)
    w.grab().save(f"/tmp/views-1280x720-{cell}.png")


def assert_labels_apart(axis) -> None:
    """The labels the axis draws now do not overlap."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return
    rects = sorted((r for r, _, _ in specs[2]), key=lambda r: (r.left(), r.top()))
    for a, b in zip(rects, rects[1:], strict=False):
        if axis.orientation in ("top", "bottom"):
            assert a.right() <= b.left(), (axis.orientation, rects)
        else:
            assert not a.intersects(b), (axis.orientation, rects)


def test_tick_labels_are_short_and_apart(qtbot):
    from rnn_sandbox.ui.plots.base import ShortAxis, short_number

    assert [short_number(v, 2000) for v in (0, 2000, 4000, 12000)] == [None, "2k", "4k", "12k"]
    assert short_number(1500, 500) == "1.5k" and short_number(2.5e6, 5e5) == "2.5M"
    axis = ShortAxis("bottom")
    for size in (100, 150, 300):
        levels = axis.tickSpacing(0, 9000, size)
        major = levels[0][0]
        values = np.arange(0, 9001, major)
        assert len(values) * axis._label_room(list(values), major) <= size
        assert all(len(t) <= 3 for t in axis.tickStrings(list(values), 1.0, major))


def test_the_prediction_behind_a_tab_catches_up(laptop, qtbot):
    w = laptop()
    raise_dock(qtbot, w, w.runs_dock, w.runs_dock.widget())
    assert not shown(w.prediction_view)
    train(qtbot, w, 10)
    with w.controller.worker.paused() as exp:
        sample = exp.trainer.data.val.subset(slice(0, 1))
        outputs = exp.trainer.predict(sample)[0]
    raise_dock(qtbot, w, w.prediction_dock, w.prediction_view)
    qtbot.waitUntil(lambda: w.prediction_view.outputs is not None
                    and np.allclose(w.prediction_view.outputs, outputs), timeout=WAIT)
