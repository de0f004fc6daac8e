"""The gradient-sources panel (itemized gradients) and its place in the window."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF

from rnn_sandbox.engine.anatomy import param_name
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.plots import ItemizedPlot


def _snapshots(name: str, steps: int = 2, **network):
    cfg = get_task(name).default_config()
    cfg.task.n_samples = min(cfg.task.n_samples, 200)
    for k, v in network.items():
        setattr(cfg.network, k, v)
    exp = Experiment(cfg)
    exp.trainer.itemize_params = {p.name for p in exp.network.anatomy().weights}
    return exp, [exp.trainer.step(collect=True) for _ in range(steps)]


def _hover(p: ItemizedPlot, t: float, y: float) -> str:
    p._mouse_moved(p.plot.vb.mapViewToScene(QPointF(t, y)))
    return p.hover_text


def test_image_of_log_norms_with_values_on_hover(qtbot):
    exp, snaps = _snapshots("named_entities")  # many-to-many: one loss term per step
    p = ItemizedPlot()
    qtbot.addWidget(p)
    p.resize(500, 400)
    p.show()
    chosen = []
    p.weightChanged.connect(chosen.append)
    p.set_network(exp.network.anatomy())
    assert chosen == [param_name("weight_hh")]  # the first W_hh is offered first
    names = [p.weight_combo.itemData(i) for i in range(p.weight_combo.count())]
    assert names == [w.name for w in exp.network.anatomy().weights]
    p.update_snapshot(snaps[-1])
    values = snaps[-1].itemized[p.chosen]
    T = values.shape[0]
    assert p.image.image.shape == (T, T)  # (input step, output step): col-major
    expected = np.log10(np.where(values > 0, values, np.nan)).T
    np.testing.assert_allclose(p.image.image, expected, equal_nan=True)
    assert np.isnan(p.image.image[np.tril_indices(T, -1)]).all()  # t > s: no contribution
    assert not p.bars.isVisible()
    qtbot.wait(10)
    text = _hover(p, 2, 3)  # input step 2, output step 3 (counted from 1)
    assert "output step 3" in text and "t = 2" in text and f"{values[2, 1]:.3g}" in text
    assert _hover(p, -5, -5) == ""
    # another weight: the window is asked for it
    p.weight_combo.setCurrentIndex(0)
    assert chosen[-1] == names[0] != names[1] and p.values is None
    p.update_snapshot(snaps[-1])
    assert p.values is not None
    header, rows = p.table()
    assert len(rows) == T * T and rows[0][:2] == [1, 1]
    p.grab().save("/tmp/itemized_many_to_many.png")


def test_many_to_one_is_a_bar_per_step(qtbot):
    exp, snaps = _snapshots("sine_forecast", cell="lstm")
    p = ItemizedPlot()
    qtbot.addWidget(p)
    p.resize(500, 350)
    p.show()
    p.set_network(exp.network.anatomy())
    p.update_snapshot(snaps[-1])
    values = snaps[-1].itemized[p.chosen]
    T = exp.config.task.seq_len
    assert values.shape == (1, T)
    assert p.bars.isVisible() and p.image.image is None
    lo = p.bars.opts["y0"]
    heights = np.asarray(p.bars.opts["height"])
    finite = values[0] > 0
    np.testing.assert_allclose(heights[finite] + lo,
                               np.maximum(np.log10(values[0][finite]), lo))
    qtbot.wait(10)
    text = _hover(p, T, lo + 0.1)
    assert "sequence's loss" in text and f"t = {T}" in text
    p.grab().save("/tmp/itemized_many_to_one.png")


def test_a_snapshot_without_the_weight_changes_nothing(qtbot):
    exp, snaps = _snapshots("sine_forecast")
    p = ItemizedPlot()
    qtbot.addWidget(p)
    p.set_network(exp.network.anatomy())
    snaps[-1].itemized = None
    p.update_snapshot(snaps[-1])
    assert not p.has_data()


def test_the_window_asks_for_the_shown_weight_and_draws_it(make_window, qtbot):
    w = make_window()
    w.itemized_dock.raise_()
    qtbot.waitUntil(lambda: w.itemized_plot.isVisible(), timeout=3000)
    w.commands.play.trigger()
    qtbot.waitUntil(lambda: w.itemized_plot.has_data(), timeout=15000)
    w.commands.play.trigger()
    T = w.controller.config.task.seq_len
    assert w.itemized_plot.values.shape == (1, T)  # the sine task is many-to-one
    assert np.isfinite(w.itemized_plot.values).all()
    w.grab().save("/tmp/itemized_window.png")


def test_while_paused_showing_the_panel_draws_at_once(make_window, qtbot):
    w = make_window()
    w.itemized_dock.close()
    qtbot.wait(300)  # the first look at the sample has arrived, without the panel
    w.itemized_plot.clear()
    w.itemized_dock.show()
    qtbot.waitUntil(lambda: w.itemized_plot.has_data(), timeout=15000)
    assert w.itemized_plot.values.shape[0] == 1
