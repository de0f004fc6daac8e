"""The formula view: every line can be redone with a calculator from the numbers on the
screen and gives the shown result to the shown digits; each is the engine's own value up to
the rounding of what it was worked out from."""

import ast
import math
import re

import numpy as np
import pytest

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.anatomy import anatomy_of
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.inspect import network_from, trace
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.diagram import formula as formula_module
from rnn_sandbox.ui.diagram import formula_min
from rnn_sandbox.ui.diagram.formula import OUTPUT, fmt, formula, r4

# Worked out from numbers rounded to 4 significant digits, a result may drift from the
# engine's by a little (a chain of lines adds up what each rounding leaves).
DRIFT = 1e-2


def tiny():
    cfg = get_task("tiny_bptt").default_config()
    rng = np.random.default_rng(3)
    x = np.round(rng.uniform(-1, 1, (1, cfg.task.seq_len, 2)), 1)
    return cfg, Batch(x, (x[:, 0, 0] - x[:, -1, 1])[:, None])


def traced(cfg, sample, truncation=0):
    net = network_from(cfg.network, cfg.training.seed)
    return trace(net, sample, truncation), anatomy_of(cfg.network)


# -- a calculator for the shown text -----------------------------------------------------------
CALC = {
    "tanh": math.tanh,
    "relu": lambda a: max(a, 0.0),
    "sigmoid": lambda a: 1.0 / (1.0 + math.exp(-a)),
}


def calculate(text: str) -> float:
    """What a calculator makes of a shown expression, left to right as written: ``·``
    multiplies, ``−`` subtracts, ``²`` squares, ``tanh(…)``, ``softmax(a, b)[i]``."""
    expr = text.replace("·", "*").replace("−", "-").replace("²", "**2")
    return _calc(ast.parse(expr, mode="eval").body)


def _calc(n: ast.AST) -> float:
    if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
        return float(n.value)
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
        return -_calc(n.operand)
    if isinstance(n, ast.BinOp):
        a, b = _calc(n.left), _calc(n.right)
        ops = {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}
        if isinstance(n.op, ast.Div):
            return a / b
        if isinstance(n.op, ast.Pow):
            return a ** b
        return ops[type(n.op)]
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in CALC:
        (arg,) = n.args
        return CALC[n.func.id](_calc(arg))
    if (isinstance(n, ast.Subscript) and isinstance(n.value, ast.Call)
            and isinstance(n.value.func, ast.Name) and n.value.func.id == "softmax"):
        zs = [_calc(a) for a in n.value.args]
        top = max(zs)
        e = [math.exp(z - top) for z in zs]
        return e[int(_calc(n.slice))] / sum(e)
    raise AssertionError(f"not a calculator's expression: {ast.dump(n)}")


def same_to_shown_digits(value: float, shown: str) -> bool:
    """``value`` rounded to the significant digits ``shown`` has is ``shown``."""
    mantissa = re.sub(r"e.*$", "", shown).lstrip("-").replace(".", "").lstrip("0")
    digits = max(1, len(mantissa))
    return float(f"{value:.{digits}g}") == float(shown)


def check(f):
    """Each shown result is its shown terms, worked out with a calculator, to the shown
    digits; and the engine's own value, up to the rounding of the shown numbers."""
    assert f.lines
    for ln in f.lines:
        for term in ln.terms:
            for fac in term.factors:
                assert calculate(fac.text) == fac.value, (ln.text, fac.text)
        assert same_to_shown_digits(calculate(ln.numeric), fmt(ln.result)), \
            (ln.text, calculate(ln.numeric))
        assert ln.result == r4(ln.recompute())
        assert ln.text.endswith(f" = {fmt(ln.result)}")
        assert ln.engine == pytest.approx(ln.result, rel=DRIFT, abs=DRIFT * ln.scale), ln.text


def near(a: float, b: float) -> bool:
    return a == pytest.approx(b, rel=DRIFT, abs=1e-6)


@pytest.mark.parametrize("mode", ["forward", "backward"])
@pytest.mark.parametrize("t,unit", [(0, 0), (1, 2), (2, 1), (3, 0)])
def test_tiny_bptt_every_number_recomputes(mode, t, unit):
    tr, a = traced(*tiny())
    f = formula(tr, a, "l0", t, unit, mode)
    check(f)
    d = tr.layers["l0"]
    if mode == "forward":
        assert near(f.line("pre").result, d.pre[t, unit])
        assert near(f.line("h").result, d.h[t, unit])
    else:
        assert near(f.line("dh").result, d.grad_h[t, unit])
        assert near(f.line("dpre").result, d.dpre[t, unit])
        assert near(f.line(f"dW_hh[{unit},0]").result, d.grad_step("weight_hh", t)[unit, 0])


def test_the_backward_sum_reads_the_highlighted_column_of_w_hh():
    tr, a = traced(*tiny())
    t, i = 1, 2
    f = formula(tr, a, "l0", t, i, "backward")
    w = tr.weights[a.param_of("l0", "weight_hh")]
    m = next(m for m in f.matrices if m.name == a.param(a.param_of("l0", "weight_hh")).label)
    assert m.highlight_cols == [i]
    rec = [term for term in f.line("dh").terms if term.source == "next step"]
    # The numbers the sum reads, to at least 4 digits (more where 4 would change the
    # result's 4th digit); the table shows them to 4.
    assert [r4(term.factors[0].value) for term in rec] == [r4(v) for v in w[:, i]]
    assert list(m.values[:, i]) == [r4(term.factors[0].value) for term in rec]
    d = tr.layers["l0"]
    assert [r4(term.factors[1].value) for term in rec] == [r4(v) for v in d.dpre[t + 1]]
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
    assert near(f.line("h" if mode == "forward" else "dh").result,
                (d.h if mode == "forward" else d.grad_h)[1, 1])
    if mode == "backward":
        for gi, g in enumerate(a.gates):
            assert near(f.line(f"da_{g.letter}").result, d.dpre[1, gi * 3 + 1])


@pytest.mark.parametrize("cell", ["mingru", "minlstm"])
@pytest.mark.parametrize("mode", ["forward", "backward"])
def test_minimal_cells_recompute_without_hidden_weights(cell, mode):
    tr, a = traced(*cfg_of(cell, layers=2, bi=True))
    for state in ("l0", "l1_reverse"):
        f = formula(tr, a, state, 1, 1, mode)
        check(f)
        d = tr.layers[state]
        assert near(f.line("h" if mode == "forward" else "dh").result,
                    (d.h if mode == "forward" else d.grad_h)[1, 1])
        assert not any("W_hh" in m.name for m in f.matrices)
        if mode == "backward":
            for gi, g in enumerate(a.gates):
                assert near(f.line(f"da_{g.letter}").result, d.dpre[1, gi * 3 + 1])


@pytest.mark.parametrize("cell", ["lstm", "minlstm"])
def test_a_cell_with_no_walk_through_shows_its_gates_and_the_engines_numbers(cell, monkeypatch):
    """A cell added to the engine's table and nowhere else: its gates are worked out from
    the table's entry (with or without W_hh), the rest is the engine's, and a note says
    which module holds its equations."""
    monkeypatch.setattr(formula_module, "WALKED", ())
    monkeypatch.setattr(formula_min, "CELLS", ())
    tr, a = traced(*cfg_of(cell))
    d = tr.layers["l0"]
    f = formula(tr, a, "l0", 1, 1, "forward")
    check(f)
    for gi, g in enumerate(a.gates):
        assert near(f.line(f"a_{g.letter}").result, d.gate_pre[1, gi * 3 + 1])
        if g.squash != "none":
            assert near(f.line(g.letter).result, d.gates[1, gi * 3 + 1])
    assert near(f.line("h").result, d.h[1, 1])
    assert any("W_hh" in m.name for m in f.matrices) == (cell == "lstm")
    module = "lstm" if cell == "lstm" else "minimal"
    assert any(f"engine/{module}.py" in note for note in f.notes)
    f = formula(tr, a, "l0", 1, 1, "backward")
    check(f)
    assert near(f.line("dh").result, d.grad_h[1, 1])
    for gi, g in enumerate(a.gates):
        row = gi * 3 + 1
        assert near(f.line(f"da_{g.letter}").result, d.dpre[1, row])
        assert near(f.line(f"dW_ih[{row},0]").result, d.grad_step("weight_ih", 1)[row, 0])


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


def test_a_mingru_step_through_shows_gates_without_hidden_weights(widget, qtbot):
    cfg, sample = tiny()
    cfg.network.cell = "mingru"
    show(widget, qtbot, cfg, sample)
    assert "Click any minGRU neuron to open it: its gates z h̃ below." in widget.message.text()
    for mode in ("forward", "backward"):
        widget.stepper.set_mode(mode, emit=True)
        widget.stepper.advance(+1)
        widget.model.on_click(widget.neuron("hidden", "l0", 1, 0))
        text = widget.formulas.panel.browser.toPlainText()
        assert "W_hh[" not in text and "h̃" in text
        if mode == "forward":
            assert "each minGRU cell sets its gates from x_t alone" in widget.message.text()
        assert ("only x_t" if mode == "forward" else "(1 − ") in text
        check(widget.formulas.panel.formula)
    widget.grab().save(str(SHOTS / "formula_mingru.png"))


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
    # Every neuron's number; a line's where it covers no other number.
    assert want and lines and len(want) < len(shown) <= len(want) + len(lines)
    boxes = [b.sceneBoundingRect() for b in widget.formulas._texts]
    assert not any(a.intersects(b) for k, a in enumerate(boxes) for b in boxes[k + 1:])
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
    conns = [c for c in widget.scene.connections
             if c.param == "weight_hh_l0" and m.connection_value(c) is not None]
    assert all(m.connection_value(c) == m.weights["weight_hh_l0"][c.i, c.j] for c in conns)
    assert any(fmt(m.connection_value(c)) in widget.formulas.texts() for c in conns)
    widget.stepper.set_mode("backward", emit=True)
    widget.stepper.set_step(2, emit=True)
    reached = [c for c in widget.scene.connections if m.connection_value(c) is not None]
    assert reached and len(reached) < len(widget.scene.connections)  # not computed yet: none
    hh = [c for c in reached if c.param == "weight_hh_l0"]
    for c in hh:  # this step's share, not the weight
        assert m.connection_value(c) == m._step_grad(c.param, c.t)[0][c.i, c.j]
    assert any(fmt(m.connection_value(c)) in widget.formulas.texts() for c in hh)


# -- the panel as a learner reads it ---------------------------------------------------------
def panel_lines(text: str) -> list[tuple[str, str]]:
    """(worked-out expression, shown result) of every line of the panel's plain text: a
    line of the form ``  = expression`` followed by ``  = result (remark)``."""
    rows = text.splitlines()
    out = []
    for a, b in zip(rows, rows[1:], strict=False):
        if a.startswith("  = ") and b.startswith("  = "):
            out.append((a[4:], b[4:].split(" ")[0]))
    return out


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("truncation", [0, 2])
def test_every_line_of_the_panel_recomputes_with_a_calculator(widget, qtbot, cell, truncation):
    """For neurons, gates and outputs at several steps, forward and backward: every line the
    panel shows, worked out as shown, gives the shown result to the shown digits."""
    cfg, sample = cfg_of(cell, layers=2)
    cfg.training.bptt_truncation = truncation
    show(widget, qtbot, cfg, sample)
    checked = 0
    for mode in ("forward", "backward"):
        widget.stepper.set_mode(mode, emit=True)
        for step in (0, 1, 3):
            widget.stepper.set_step(step, emit=True)
            for role, key, unit in (("hidden", "l0", 0), ("hidden", "l1", 2),
                                    ("output", "main", 1)):
                item = widget.neuron(role, key, step, unit)
                widget.model.on_click(item)
                panel = widget.formulas.panel
                assert panel.isVisible()
                lines = panel_lines(panel.browser.toPlainText())
                assert len(lines) == len(panel.formula.lines)
                for expr, result in lines:
                    assert same_to_shown_digits(calculate(expr), result), (expr, result)
                checked += len(lines)
                # Truncated every 2 steps, step 3 passes nothing back to step 2.
                cut = truncation and mode == "backward" and step == 1 and role == "hidden"
                assert ("Truncated BPTT" in panel.browser.toPlainText()) == bool(cut)
    assert checked > 50


@pytest.mark.parametrize("score", ["dot", "general", "additive"])
def test_the_attention_lines_recompute_from_the_shown_terms(score):
    """A read-out of a decoder that looks back: its scores, α, context and h̃ lines each
    give the shown result from the shown terms, and the engine's own values."""
    from rnn_sandbox.ui.diagram.formula_attention import with_attention

    cfg = get_task("translation").default_config()
    cfg.task.n_samples = 40
    cfg.network.hidden_size = 6
    cfg.network.attention = score
    from rnn_sandbox.session import Experiment

    exp = Experiment(cfg)
    sample = exp.dataset.val.subset(slice(0, 1))
    tr = trace(exp.network, sample)
    a = anatomy_of(cfg.network)
    f = with_attention(formula(tr, a, OUTPUT, 1, 2, "forward"), tr, a, score)
    check(f)
    S = int(sample.mask.sum())
    keys = [ln.key for ln in f.lines]
    assert keys[:2 * S] == [f"e[{j}]" for j in range(S)] + [f"alpha[{j}]" for j in range(S)]
    assert sum(k.startswith("c[") for k in keys) == 6
    assert sum(k.startswith("h~[") for k in keys) == 6
    np.testing.assert_allclose([f.line(f"alpha[{j}]").result for j in range(S)],
                               tr.attention[1, :S], rtol=DRIFT, atol=1e-3)
    # The head reads h̃ as the last attention lines show it.
    np.testing.assert_allclose([f.line(f"h~[{i}]").result for i in range(6)],
                               tr.features[1], rtol=DRIFT, atol=1e-3)
    assert f.line("y").section == "read-out"
    # Backward, or without attention, the formula is left as it was.
    g = formula(tr, a, OUTPUT, 1, 2, "backward")
    assert with_attention(g, tr, a, score).lines == g.lines


def test_the_panel_of_an_attending_read_out_recomputes_with_a_calculator(widget, qtbot):
    """Clicked in the forward walk, a written word's output neuron shows the attention
    lines (scores, softmax, context, h̃) in the panel, each redone with a calculator."""
    cfg = get_task("translation").default_config()
    cfg.task.n_samples = 40
    cfg.network.hidden_size = 4
    cfg.network.attention = "general"
    from rnn_sandbox.session import Experiment

    exp = Experiment(cfg)
    sample = exp.dataset.val.subset(slice(0, 1))
    show(widget, qtbot, cfg, sample)
    widget.stepper.set_mode("forward", emit=True)
    dec = widget.model.segments[1]
    widget.stepper.set_step(dec.offset + 1, emit=True)
    widget.model.on_click(widget.neuron("output", dec.name, 1, 3))
    panel = widget.formulas.panel
    assert panel.isVisible()
    text = panel.browser.toPlainText()
    assert "softmax" in text and "tanh" in text
    lines = panel_lines(text)
    assert len(lines) == len(panel.formula.lines)
    S = int(sample.mask.sum())
    assert len(lines) > 2 * S + 2 * 4
    for expr, result in lines:
        assert same_to_shown_digits(calculate(expr), result), (expr, result)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "mingru", "generic"])
def test_every_heading_and_note_of_the_formulas_speaks_the_windows_language(cell, monkeypatch):
    """In the pseudo-language every section heading and note is wrapped: none was left in
    English (the equations themselves are symbols)."""
    from rnn_sandbox.ui import i18n, words

    def pseudo(text, disambiguation=None, n=-1):
        return i18n.pseudo(text.replace("%n", str(n)) if n >= 0 else text)

    monkeypatch.setattr(words, "_translate", pseudo)
    if cell == "generic":
        monkeypatch.setattr(formula_module, "WALKED", ())
        monkeypatch.setattr(formula_min, "CELLS", ())
    tr, a = traced(*cfg_of("lstm" if cell == "generic" else cell, layers=2))
    shown = []
    for mode in ("forward", "backward"):
        for state in ("l0", OUTPUT):
            f = formula(tr, a, state, 1, 1, mode)
            shown += [("section", ln.section) for ln in f.lines if ln.section]
            shown += [("note", note) for note in f.notes]
            shown += [("line", ln.symbolic) for ln in f.lines]
            shown += [("term", t.label) for ln in f.lines for t in ln.terms if t.label]
    def words(text):  # symbols (dL/dpre_t, W_ih) and functions are no words
        return [w for w in re.split(r"[\s(),·+]+", text) if "/" not in w and "_" not in w
                and w not in ("tanh", "relu", "sigmoid", "softmax")]

    english = sorted({(kind, text) for kind, text in shown if not text.startswith("[")
                      and any(re.fullmatch(r"[A-Za-z-]{3,}\W*", w) for w in words(text))})
    assert english == [], english
