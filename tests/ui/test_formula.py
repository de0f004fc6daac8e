"""The formula view: every number of one forward and one backward step can be recomputed
with a calculator from the numbers on the screen, and each equals the engine's own."""

import math

import numpy as np
import pytest

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.anatomy import anatomy_of
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.inspect import network_from, trace
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.diagram.formula import OUTPUT, fmt, formula, r4

REL = 1e-3  # display precision: numbers are shown to 4 significant digits


def tiny():
    cfg = get_task("tiny_bptt").default_config()
    rng = np.random.default_rng(3)
    x = np.round(rng.uniform(-1, 1, (1, cfg.task.seq_len, 2)), 1)
    return cfg, Batch(x, (x[:, 0, 0] - x[:, -1, 1])[:, None])


def traced(cfg, sample):
    net = network_from(cfg.network, cfg.training.seed)
    return trace(net, sample), anatomy_of(cfg.network)


def check(f):
    """Each shown result is its shown terms recomputed and the engine's value, rounded."""
    assert f.lines
    for ln in f.lines:
        for term in ln.terms:
            for fac in term.factors:  # a plain number's text is the number itself
                try:
                    shown = float(fac.text.strip("()"))
                except ValueError:
                    continue
                assert shown == fac.value, (ln.text, fac.text)
        assert math.isclose(ln.recompute(), ln.result, rel_tol=0, abs_tol=REL * ln.scale), \
            (ln.text, ln.recompute())
        assert ln.result == r4(ln.engine), ln.text
        assert ln.text.endswith(f"{ln.result:.4g}") or ln.result == 0


@pytest.mark.parametrize("mode", ["forward", "backward"])
@pytest.mark.parametrize("t,unit", [(0, 0), (1, 2), (2, 1), (3, 0)])
def test_tiny_bptt_every_number_recomputes(mode, t, unit):
    tr, a = traced(*tiny())
    f = formula(tr, a, "l0", t, unit, mode)
    check(f)
    d = tr.layers["l0"]
    if mode == "forward":
        assert f.line("pre").result == r4(d.pre[t, unit])
        assert f.line("h").result == r4(d.h[t, unit])
    else:
        assert f.line("dh").result == r4(d.grad_h[t, unit])
        assert f.line("dpre").result == r4(d.dpre[t, unit])
        assert f.line(f"dW_hh[{unit},0]").result == r4(d.grad_step("weight_hh", t)[unit, 0])


def test_the_backward_sum_reads_the_highlighted_column_of_w_hh():
    tr, a = traced(*tiny())
    t, i = 1, 2
    f = formula(tr, a, "l0", t, i, "backward")
    w = tr.weights[a.param_of("l0", "weight_hh")]
    m = next(m for m in f.matrices if m.name == a.param(a.param_of("l0", "weight_hh")).label)
    assert m.highlight_cols == [i]
    rec = [term for term in f.line("dh").terms if term.source == "next step"]
    assert [term.factors[0].value for term in rec] == [r4(v) for v in w[:, i]]
    assert list(m.values[:, i]) == [term.factors[0].value for term in rec]
    d = tr.layers["l0"]
    assert [term.factors[1].value for term in rec] == [r4(v) for v in d.dpre[t + 1]]
    # The last step has no next step: only the output sends a gradient there.
    last = formula(tr, a, "l0", 3, i, "backward").line("dh")
    assert {term.source for term in last.terms} == {"output"}


def test_the_output_neuron_shows_the_loss_derivative():
    tr, a = traced(*tiny())
    f = formula(tr, a, OUTPUT, 3, 0, "backward")
    check(f)
    assert "2·(y − target)/N" in f.line("dy").text
    assert any("Mean squared error" in n for n in f.notes)
    check(formula(tr, a, OUTPUT, 3, 0, "forward"))


def cfg_of(cell, layers=1, bi=False, arch="many_to_many", loss="ce", nonlin="tanh"):
    cfg = ExperimentConfig()
    n = cfg.network
    n.cell, n.num_layers, n.bidirectional = cell, layers, bi
    n.architecture, n.loss, n.nonlinearity = arch, loss, nonlin
    n.input_size, n.output_size, n.hidden_size = 2, 3, 3
    cfg.task.seq_len = 4
    cfg.validate()
    rng = np.random.default_rng(1)
    x = rng.normal(size=(1, 4, 2))
    if arch == "many_to_one":
        return cfg, Batch(x, rng.normal(size=(1, 3)))
    return cfg, Batch(x, rng.integers(0, 3, (1, 4)))


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("mode", ["forward", "backward"])
def test_gated_cells_recompute(cell, mode):
    tr, a = traced(*cfg_of(cell))
    f = formula(tr, a, "l0", 1, 1, mode)
    check(f)
    d = tr.layers["l0"]
    assert f.line("h" if mode == "forward" else "dh").result == r4(
        (d.h if mode == "forward" else d.grad_h)[1, 1])
    if mode == "backward":
        for gi, g in enumerate(a.gates):
            assert f.line(f"da_{g.letter}").result == r4(d.dpre[1, gi * 3 + 1])


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_two_layers_bidirectional(cell):
    tr, a = traced(*cfg_of(cell, layers=2, bi=True))
    for state in ("l0", "l0_reverse", "l1_reverse"):
        for t in (0, 2, 3):
            for mode in ("forward", "backward"):
                f = formula(tr, a, state, t, 0, mode)
                check(f)
                if mode == "backward":  # every path is written out: none left to the engine
                    assert all(term.source != "engine" for term in f.line("dh").terms)
    f = formula(tr, a, "l0", 1, 0, "backward")
    assert any(term.source == "layer above" for term in f.line("dh").terms)
    check(formula(tr, a, OUTPUT, 2, 1, "backward"))


def test_relu_and_many_to_one_bidirectional():
    tr, a = traced(*cfg_of("rnn", bi=True, arch="many_to_one", loss="mse", nonlin="relu"))
    for state, t in (("l0", 3), ("l0_reverse", 0), ("l0_reverse", 2)):
        for mode in ("forward", "backward"):
            check(formula(tr, a, state, t, 1, mode))
    f = formula(tr, a, "l0_reverse", 0, 1, "backward")
    assert any(term.source == "output" for term in f.line("dh").terms)
    assert "relu" in formula(tr, a, "l0", 1, 1, "forward").line("h").text


# -- the panel and the numbers on the diagram ------------------------------------------------
from tests.ui.test_diagram import SHOTS, show  # noqa: E402


def test_a_click_in_backward_mode_opens_the_formula_and_it_follows_the_step(widget, qtbot):
    cfg, sample = tiny()
    show(widget, qtbot, cfg, sample)
    widget.stepper.set_mode("backward", emit=True)
    widget.stepper.advance(+1)  # from the last step one step back
    item = widget.neuron("hidden", "l0", 2, 0)
    widget.model.on_click(item)
    panel = widget.formulas.panel
    assert panel.isVisible() and not widget.panel.isVisible()
    text = panel.browser.toPlainText()
    assert "dL/dh_t" in text and "dL/dpre_t" in text and "W_hh" in text
    f = panel.formula
    assert (f.mode, f.state, f.t, f.unit) == ("backward", "l0", 2, 0)
    check(f)
    for ln in f.lines:  # every shown number is in the panel as shown
        assert f"{ln.result:.4g}" in text or ln.result == 0
    html = panel.browser.toHtml()
    assert "#ffd84d" in html  # the column the backward step reads
    widget.grab().save(str(SHOTS / "formula_backward.png"))
    widget.stepper.advance(+1)  # the panel follows the walk to t = 2
    assert panel.formula.t == 1 and panel.isVisible()
    widget.stepper.set_mode("live", emit=True)
    assert not panel.isVisible()


def test_the_output_neuron_and_the_forward_walk(widget, qtbot):
    cfg, sample = tiny()
    show(widget, qtbot, cfg, sample)
    widget.stepper.set_mode("forward", emit=True)
    widget.stepper.set_step(3, emit=True)
    widget.model.on_click(widget.neuron("output", "main", 3, 0))
    f = widget.formulas.panel.formula
    assert f.state == "output" and f.mode == "forward"
    widget.model.on_click(widget.neuron("hidden", "l0", 1, 2))
    assert widget.formulas.panel.formula.line("h").key == "h"
    assert "tanh" in widget.formulas.panel.browser.toPlainText()


def test_live_mode_keeps_the_neuron_panel(widget, qtbot):
    cfg, sample = tiny()
    show(widget, qtbot, cfg, sample)
    widget.model.on_click(widget.neuron("hidden", "l0", 1, 0))
    assert widget.panel.isVisible() and not widget.formulas.panel.isVisible()


def test_the_numbers_toggle_writes_values_on_the_neurons(widget, qtbot):
    cfg, sample = tiny()
    show(widget, qtbot, cfg, sample)
    widget.stepper.set_mode("forward", emit=True)
    widget.stepper.numbers_btn.setChecked(True)
    shown = widget.formulas.texts()
    want = [it for it in widget.scene.neurons if widget.model.neuron_value(it) is not None]
    lines = [c for c in widget.scene.connections if widget.model.connection_value(c) is not None]
    assert want and lines and len(shown) == len(want) + len(lines)
    it = next(it for it in want if it.role == "hidden")
    assert f"{r4(widget.model.neuron_value(it)):.4g}" in shown
    widget.stepper.advance(+1)  # redrawn for the next step: more neurons computed
    assert len(widget.formulas.texts()) > len(shown)
    widget.stepper.numbers_btn.setChecked(False)
    assert widget.formulas.texts() == []


def test_the_numbers_on_the_lines_are_the_weights_and_walking_back_their_step_shares(
        widget, qtbot):
    cfg, sample = tiny()
    show(widget, qtbot, cfg, sample)
    m = widget.model
    widget.stepper.set_mode("forward", emit=True)
    widget.stepper.numbers_btn.setChecked(True)
    widget.stepper.advance(+1)  # step 2: the first recurrent lines are computed
    conn = next(c for c in widget.scene.connections
                if c.param == "weight_hh_l0" and m.connection_value(c) is not None)
    assert m.connection_value(conn) == m.weights["weight_hh_l0"][conn.i, conn.j]
    assert fmt(m.connection_value(conn)) in widget.formulas.texts()
    widget.stepper.set_mode("backward", emit=True)
    widget.stepper.set_step(2, emit=True)
    reached = [c for c in widget.scene.connections if m.connection_value(c) is not None]
    assert reached and len(reached) < len(widget.scene.connections)  # not computed yet: none
    c = next(c for c in reached if c.param == "weight_hh_l0")
    grad, _ = m._step_grad(c.param, c.t)
    assert m.connection_value(c) == grad[c.i, c.j]  # this step's share, not the weight
    assert fmt(m.connection_value(c)) in widget.formulas.texts()
