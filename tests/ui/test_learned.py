"""What it learned: the panel rebuilds for every task, selects and matches, follows a unit
chosen in the hidden-state heatmap or on the diagram, and stays readable on a laptop."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import all_tasks, get_task
from rnn_sandbox.tasks.units import look_inside
from rnn_sandbox.ui.learned import LearnedPanelView, LearnedView, network_label
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.worker import Progress
from tests.tasks.test_units import marker_copying_experiment


@pytest.fixture
def view(qtbot):
    v = LearnedView()
    qtbot.addWidget(v)
    v.resize(420, 560)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_the_panel_rebuilds_for_every_task_and_draws_other_runs_curves(qtbot, view, small):
    requests = []
    panel = LearnedPanelView(view, lambda: requests.append(1))
    previous = None
    for task in all_tasks():
        cfg = small(task.default_config())
        cfg.network.hidden_size = min(cfg.network.hidden_size, 16)
        exp = Experiment(cfg)
        panel.show_experiment(ViewData.of(exp, 0))
        assert view.learned is None and view.layer_combo.count() == 0
        learned = look_inside(task, exp.network, exp.dataset, samples=4, step=3)
        snap = exp.trainer.step(collect=True)
        snap.learned = learned
        panel.show_progress(Progress(0, snap, np.zeros(0), np.zeros(0), snapshots=[snap]))
        assert view.learned is learned, task.name
        assert view.layer() == learned.names[-1]
        # Each layer by its title ("encoder layer 1 →"), not the engine's name for it.
        title = "encoder layer 1 →" if task.kind == "seq2seq" else "layer 1 →"
        assert view.layer_combo.itemText(0) == title, task.name
        h = learned.states[view.layer()]
        assert view.table.rowCount() == 0  # drawn when its page is shown
        for i in range(view.pages.count()):
            view.page_combo.setCurrentIndex(i)
            assert view.pages.currentIndex() == i
        view.page_combo.setCurrentIndex(0)
        assert view.table.rowCount() == h.shape[2]
        n = int(learned.mask[0].sum())
        if learned.tokens is not None:
            assert not view.text.isHidden() and view.trace.isHidden()
            assert view.text.tokens == learned.tokens[0][:n]
        else:
            assert not view.trace.isHidden() and view.text.isHidden()
            np.testing.assert_allclose(view.trace.unit_curve.getData()[1], h[0, :n, 0])
        assert len(view.space.dots.data) == int(learned.mask.sum())
        # How far back: every task type, a generating one fed as it trains.
        assert learned.no_connectivity == "" and view.back.last is not None, task.name
        conn = learned.connectivity
        assert len(view.back.last) == conn.shape[1] and view.back.last.max() > 0, task.name
        assert view.back.inputs == {"one_to_many": "fed", "seq2seq": "source"}.get(
            cfg.network.architecture, "steps")
        previous = previous or task.name
    assert len(requests) == len(all_tasks())
    # Other runs' networks of the task: a dashed curve each, gone when they are.
    exp = Experiment(small(get_task("sentiment").default_config()))
    panel.show_experiment(ViewData.of(exp, 0))
    snap = exp.trainer.step(collect=True)
    snap.learned = look_inside(exp.task, exp.network, exp.dataset, samples=4)
    snap.learned.others = {"gru": np.ones((1, 16)), "lstm": np.eye(16)[-2:-1]}
    panel.show_progress(Progress(0, snap, np.zeros(0), np.zeros(0), snapshots=[snap]))
    assert list(view.back.kept) == ["gru", "lstm"]
    np.testing.assert_allclose(view.back.kept["gru"].getData()[1], np.full(16, 1 / 16))
    np.testing.assert_allclose(view.back.kept["lstm"].getData()[1][:2], [0, 1])
    assert view.back.last is not None and abs(view.back.last.sum() - 1) < 1e-9
    assert "weights of step 0" in view.back_note.text()
    snap.learned.others = {"lstm": np.eye(16)[-1:]}
    snap.learned.connectivity = None  # the training process is still working it out
    panel.show_progress(Progress(0, snap, np.zeros(0), np.zeros(0), snapshots=[snap]))
    assert list(view.back.kept) == ["lstm"] and view.back.last is None
    assert "being worked out" in view.back_note.text()
    cfg = small(get_task("sentiment").default_config())
    cfg.network.cell = "mingru"
    assert network_label(cfg).startswith("minGRU, ")  # the cell's name, not its setting's
    dense = small(get_task("order_matters").default_config())
    dense.network.cell = "dense"
    panel.show_experiment(ViewData.of(Experiment(dense), 0))
    assert view.learned is None and "no hidden units" in view.summary.text()


def test_select_a_span_and_find_where_the_same_units_are_on(view):
    exp = marker_copying_experiment(unit=5)
    learned = look_inside(exp.task, exp.network, exp.dataset, watched=3)
    view.show_learned(learned)
    view.threshold.setValue(0.9)
    mark = int(exp.dataset.meta["marks"][3])
    view.select_span(mark, mark + 1)
    assert view.chosen_units() == [5]
    assert view.matches.count() == len(learned.indices)
    assert "Units on over steps" in view.on_label.text() and ": 5." in view.on_label.text()
    item = view.matches.item(view.matches.count() - 1)
    sample, start, end = item.data(0x0100)
    view._open_match(item)
    assert view.sample == sample and view.match_text.span == (start, end)
    assert end - start == 1 and start == int(exp.dataset.meta["marks"][learned.indices[sample]])
    view.choose_unit(2)
    assert view.unit == 2 and view.multiples.chosen == 2 and "Unit 2" in view.summary.text()


def test_every_page_is_readable_on_a_laptop_and_a_clicked_unit_is_shown(tmp_path):
    """At 1366×768 in the Laptop layout, for every task type (many-to-one, many-to-many,
    one-to-many, seq2seq): no control or text cut and every plot with a data area of at
    least 120×80 px, on every page (a series: the unit's trace is a plot too); a unit
    clicked in the hidden-state heatmap or on the diagram is the one shown."""
    from tests.ui.test_screens import in_window

    body = """
        sys.path.insert(0, "tests/ui")
        import pyqtgraph as pg
        import screen_probe as sp
        from PySide6.QtWidgets import QScrollArea
        for task in ("sine_forecast", "named_entities", "caption", "translation"):
            if w.controller.config.task.name != task:
                w.choose_task(task)
            w.learned_dock.show()
            w.learned_dock.raise_()
            sp.settle(app, 50)
            sp.step(app, w)
            assert sp.wait_until(app, lambda: w.learned_view.learned is not None, 30)
            for i in range(w.learned_view.pages.count()):
                w.learned_view.page_combo.setCurrentIndex(i)
                sp.settle(app, 40)
                if w.learned_view.showing_look_back():  # asked for, worked out, drawn
                    assert sp.wait_until(app, lambda: w.learned_view.back.last is not None, 30)
                areas = set(sp.plot_areas(w.learned_dock))
                for plot in w.learned_dock.findChildren(pg.GraphicsView):  # scrolled to
                    area = plot.parentWidget()
                    while area is not None and not isinstance(area, QScrollArea):
                        area = area.parentWidget()
                    if plot.isVisible() and area is not None:
                        area.ensureWidgetVisible(plot)
                        sp.settle(app, 20)
                        areas |= set(sp.plot_areas(w.learned_dock))
                print(task, i, sp.problems(app, w, 1.0, root=w.learned_dock), sorted(areas))
            if task == "sine_forecast":
                w.hidden_plot.unitChosen.emit("l0", 3)
                shown = [w.learned_view.unit, w.learned_view.unit_spin.value()]
                neuron = next(n for n in w.diagram.scene.neurons
                              if n.role == "hidden" and n.unit == 2)
                w.diagram._neuron_clicked(neuron)
                print("chosen", shown + [w.learned_view.unit])
    """
    out = in_window(tmp_path, 1366, 768, body)
    lines = out.strip().splitlines()
    assert len(lines) == 21 and "chosen [3, 3, 2]" in lines, out
    pages = [line for line in lines if not line.startswith("chosen")]
    for line in pages:
        assert " [] " in line, line  # no problem found
    assert "sine_forecast 0 [] [(" in out  # the trace's data area, measured
    for task in ("sine_forecast", "named_entities", "caption", "translation"):
        assert any(line.startswith(f"{task} 3 [] [(") for line in pages), out  # projection
        # The two look-back plots, measured: a generating network's too.
        assert sum(line.count("(") for line in pages if line.startswith(f"{task} 4 ")) == 2, out


def test_the_strips_colour_as_the_text_does():
    from rnn_sandbox.ui.learned.strips import colour, colours

    values = np.array([-2.0, -0.5, 0.0, 0.3, 1.0, np.nan])
    rgb = colours(values, (-1.0, 1.0))
    for v, c in zip(values, rgb, strict=True):
        q = colour(float(v), (-1.0, 1.0))
        assert np.abs(c.astype(int) - [q.red(), q.green(), q.blue()]).max() <= 1
