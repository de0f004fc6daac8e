"""The network diagram: what it draws for each configuration, editing, live colours,
the step-through against the engine, and screenshots for a person to look at."""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine import Batch, Network, Snapshot
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.fields import limits
from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.diagram.items import BandItem, EllipsisItem, NeuronItem
from rnn_sandbox.ui.diagram.links import BundleItem, ConnectionItem
from rnn_sandbox.ui.diagram.look import level_color
from rnn_sandbox.ui.diagram.model import DIM

SHOTS = Path(__file__).resolve().parents[1] / "_screenshots"
SHOTS.mkdir(exist_ok=True)  # gitignored, so absent in a fresh clone

KINDS = {
    "many_to_one": dict(architecture="many_to_one", loss="mse", input_size=2, output_size=1),
    "many_to_many": dict(architecture="many_to_many", loss="ce", input_size=3, output_size=4),
    "one_to_many": dict(architecture="one_to_many", loss="mse", input_size=2, output_size=2),
    "seq2seq": dict(architecture="seq2seq", loss="ce", input_size=3, output_size=4),
    "ctc": dict(architecture="many_to_many", loss="ctc", input_size=2, output_size=3),
}
T = 5  # input steps of the test samples; seq2seq targets are T - 1 long
CASES = [(k, L, bi) for k in KINDS for L in (1, 2) for bi in (False, True)
         if not (bi and k == "one_to_many")]


def make_cfg(kind: str, hidden: int = 3, layers: int = 1, bi: bool = False) -> ExperimentConfig:
    cfg = ExperimentConfig()
    for key, value in KINDS[kind].items():
        setattr(cfg.network, key, value)
    cfg.network.hidden_size = hidden
    cfg.network.num_layers = layers
    cfg.network.bidirectional = bi
    cfg.task.seq_len = T
    cfg.validate()
    return cfg


def make_sample(cfg: ExperimentConfig, steps: int = T, seed: int = 0) -> Batch:
    n = cfg.network
    rng = np.random.default_rng(seed)
    if n.architecture == "one_to_many":
        return Batch(rng.normal(size=(1, 1, n.input_size)),
                     rng.normal(size=(1, steps, n.output_size)))
    x = rng.normal(size=(1, steps, n.input_size))
    if n.loss == "ctc":
        return Batch(x, np.array([[1, 2]]), None, np.ones((1, 2)))
    if n.architecture == "seq2seq":
        return Batch(x, rng.integers(0, n.output_size, (1, steps - 1)), None,
                     np.ones((1, steps - 1)))
    if n.architecture == "many_to_one":
        return Batch(x, rng.normal(size=(1, n.output_size)))
    return Batch(x, rng.integers(0, n.output_size, (1, steps)))


def show(widget, qtbot, cfg, sample=None):
    widget.set_config(cfg)
    widget.set_context(cfg, sample if sample is not None else make_sample(cfg))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def expected_counts(kind: str, L: int, bi: bool, H: int, I: int, O: int,
                    feedback: bool = True):
    """Neurons and connections of the unrolled picture, written out per task type."""
    D = 2 if bi else 1
    if kind == "seq2seq":
        Ts, Td = T, T - 1
        neurons = Ts * I + Ts * L * D * H + Td * O + Td * L * H + Td * O
        ih = Ts * D * H * I + (L - 1) * Ts * D * H * D * H + Td * H * O + (L - 1) * Td * H * H
        hh = L * D * (Ts - 1) * H * H + L * (Td - 1) * H * H
        head = Td * O * H
        return neurons, ih + hh + head
    steps_with_input = T
    if kind == "one_to_many":
        steps_with_input = T if feedback else 1
    outputs = O if kind == "many_to_one" else T * O
    neurons = steps_with_input * I + T * L * D * H + outputs
    ih = steps_with_input * D * H * I + (L - 1) * T * D * H * D * H
    hh = L * D * (T - 1) * H * H
    head = O * D * H if kind == "many_to_one" else T * O * D * H
    return neurons, ih + hh + head


@pytest.mark.parametrize("kind,layers,bi", CASES)
def test_item_counts_follow_the_configuration(widget, qtbot, kind, layers, bi):
    cfg = make_cfg(kind, hidden=3, layers=layers, bi=bi)
    show(widget, qtbot, cfg)
    n = cfg.network
    neurons, connections = expected_counts(kind, layers, bi, 3, n.input_size, n.output_size)
    sc = widget.scene
    assert len(sc.neurons) == neurons
    assert len(sc.connections) == connections
    assert sum(isinstance(i, NeuronItem) for i in sc.items()) == neurons
    assert sum(isinstance(i, ConnectionItem) for i in sc.items()) == connections
    # Every connection points at a real weight of the engine's network.
    weights = Network(n, seed=0).state_dict()
    for c in sc.connections:
        assert 0 <= c.i < weights[c.param].shape[0] and 0 <= c.j < weights[c.param].shape[1]
    outputs = [it for it in sc.neurons if it.role == "output"]
    if kind == "many_to_one":
        assert {it.t for it in outputs} == {T - 1}
    if kind == "ctc":
        assert all(it.blank == (it.unit == 0) for it in outputs)
        assert "blank" in widget.model.describe(outputs[0])
    if kind == "seq2seq":
        assert any(a.kind == "handover" for a in sc.arrows)


def test_the_diagrams_own_words_are_in_the_windows_language(widget, qtbot, qapp):
    """The headings of a sequence-to-sequence picture, CTC's blank output and the names of
    the attention's weights (the weight list, the gradient plots) were English in every
    language."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from rnn_sandbox.ui import i18n
    from rnn_sandbox.ui.words import engine_title

    def texts() -> set[str]:
        return {i.text() for i in widget.scene.items() if isinstance(i, QGraphicsSimpleTextItem)}

    i18n.install("de", qapp)
    try:
        show(widget, qtbot, make_cfg("seq2seq"))
        assert {"Encoder", "Decoder"} <= texts() and not {"encoder", "decoder"} & texts()
        show(widget, qtbot, make_cfg("ctc"))
        assert "Blank" in texts() and "blank" not in texts()
        assert engine_title("attn W_a") == "Aufm. W_a"
        i18n.install("pseudo", qapp)
        assert "attn" not in engine_title("attn b_c") and "b_c" in engine_title("attn b_c")
    finally:
        i18n.install(i18n.SOURCE, qapp)
    assert engine_title("attn W_a") == "attn W_a"


def test_one_to_many_feedback_and_zero_input(widget, qtbot):
    cfg = make_cfg("one_to_many", hidden=3)
    show(widget, qtbot, cfg)
    inputs = [it for it in widget.scene.neurons if it.role == "input"]
    assert {it.t for it in inputs} == set(range(T))
    assert sum(a.kind == "feedback" for a in widget.scene.arrows) == T - 1
    cfg.network.feedback = "zero"
    show(widget, qtbot, cfg)
    neurons, conns = expected_counts("one_to_many", 1, False, 3, 2, 2, feedback=False)
    assert len(widget.scene.neurons) == neurons and len(widget.scene.connections) == conns
    assert not any(a.kind == "feedback" for a in widget.scene.arrows)


def test_long_sequences_and_large_layers_are_summarised(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=64, layers=2, bi=True)
    widget.steps_spin.setValue(6)
    show(widget, qtbot, cfg, make_sample(cfg, steps=30))
    sc = widget.scene
    shown = [c.t for c in sc.columns]
    assert shown == [0, 1, 2, 27, 28, 29]
    assert sum(isinstance(i, EllipsisItem) for i in sc.items()) == 1
    assert len(sc.bands) == 6 * 2 * 2  # one band per layer, direction and shown step
    assert not [it for it in sc.neurons if it.role == "hidden"]
    assert len(sc.items()) < 2000  # never thousands of items for one band
    assert all(isinstance(b, BundleItem) for b in sc.bundles) and sc.bundles
    widget.steps_spin.setValue(10)
    assert [c.t for c in widget.scene.columns] == [0, 1, 2, 3, 4, 25, 26, 27, 28, 29]


def test_step_through_shows_the_current_step_of_a_long_sequence(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=3)
    sample = make_sample(cfg, steps=30)
    show(widget, qtbot, cfg, sample)
    ref = engine_reference(cfg, sample)
    assert [c.t for c in widget.scene.columns] == [0, 1, 2, 27, 28, 29]
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.slider.setValue(15)
    shown = [c.t for c in widget.scene.columns]
    assert 15 in shown and shown[0] == 0 and shown[-1] == 29 and len(shown) == 6
    ellipses = sorted(i.hidden_steps for i in widget.scene.items()
                      if isinstance(i, EllipsisItem))
    assert sum(ellipses) == 30 - 6 and len(ellipses) == 2
    assert widget.displayed_value("hidden", "l0", 15, 1) == pytest.approx(
        ref.cache["hidden"]["l0"][0, 15, 1])
    assert any(c.t == 15 and widget.model.column_highlighted(c) for c in widget.scene.columns)
    widget.stepper.mode_buttons["live"].click()
    assert [c.t for c in widget.scene.columns] == [0, 1, 2, 27, 28, 29]


def test_folded_view(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=3, layers=2, bi=True)
    show(widget, qtbot, cfg)
    widget.folded_btn.click()
    sc = widget.scene
    assert len(sc.neurons) == 3 + 2 * 2 * 3 + 4
    assert len(sc.loops) == 2 * 2  # one recurrent loop per layer and direction
    assert len(sc.connections) == 2 * 3 * 3 + 2 * 3 * 6 + 4 * 6
    widget.folded_btn.click()
    assert len(sc.loops) == 0 and len(sc.columns) == T


def click_item(qtbot, widget, item):
    pos = widget.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(widget.view.viewport(), Qt.LeftButton, pos=pos)


def test_neuron_buttons_emit_edited_configs(widget, qtbot):
    cfg = make_cfg("many_to_one", hidden=3, layers=2)
    show(widget, qtbot, cfg)
    edits = []
    widget.configEdited.connect(lambda c, d: edits.append((c, d)))
    click_item(qtbot, widget, widget.scene.buttons["add_neuron_l1"])
    assert len(edits) == 1
    new, text = edits[0]
    assert new.network.hidden_size == 4 and "Add hidden neuron to layer 2" in text
    assert cfg.network.hidden_size == 3 and widget.cfg.network.hidden_size == 3  # a copy
    click_item(qtbot, widget, widget.scene.buttons["remove_neuron_l0"])
    assert edits[-1][0].network.hidden_size == 2
    # Standalone use: applying the edit rebuilds the picture.
    widget.configEdited.connect(lambda c, d: widget.set_config(c))
    click_item(qtbot, widget, widget.scene.buttons["add_neuron_l0"])
    assert len([it for it in widget.scene.neurons if it.role == "hidden"]) == T * 2 * 4


def test_removing_the_last_neuron_is_refused(widget, qtbot):
    show(widget, qtbot, make_cfg("many_to_one", hidden=1))
    edits = []
    widget.configEdited.connect(lambda c, d: edits.append(c))
    click_item(qtbot, widget, widget.scene.buttons["remove_neuron_l0"])
    assert edits == []
    assert "hidden neuron" in widget.message.text()


def test_layer_buttons_and_bidirectional_toggle(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=3)
    show(widget, qtbot, cfg)
    edits = []
    widget.configEdited.connect(lambda c, d: edits.append((c, d)))
    assert not widget.remove_layer_btn.isEnabled()
    widget.add_layer_btn.click()
    assert edits[-1][0].network.num_layers == 2 and edits[-1][1] == "Add layer 2"
    widget.bidir_btn.click()
    assert edits[-1][0].network.bidirectional is True
    assert edits[-1][0].network.num_layers == 1
    assert not widget.bidir_btn.isChecked()  # shows the config until the edit is applied
    widget.set_config(edits[-1][0])
    assert widget.bidir_btn.isChecked()
    assert len([it for it in widget.scene.neurons if it.role == "hidden"]) == T * 2 * 3


def test_bidirectional_refused_for_one_to_many(widget, qtbot):
    show(widget, qtbot, make_cfg("one_to_many"))
    edits = []
    widget.configEdited.connect(lambda c, d: edits.append(c))
    assert not widget.bidir_btn.isEnabled()  # the schema: it does not apply to one-to-many
    widget.bidir_btn.click()
    assert edits == []
    assert not widget.bidir_btn.isChecked()


def test_the_layer_buttons_stop_exactly_at_the_schema_bounds(widget, qtbot):
    lo, hi = limits("network.num_layers")
    show(widget, qtbot, make_cfg("many_to_many", layers=hi - 1))
    assert widget.add_layer_btn.isEnabled() and widget.remove_layer_btn.isEnabled()
    show(widget, qtbot, make_cfg("many_to_many", layers=hi))
    assert not widget.add_layer_btn.isEnabled() and widget.remove_layer_btn.isEnabled()
    show(widget, qtbot, make_cfg("many_to_many", layers=lo))
    assert widget.add_layer_btn.isEnabled() and not widget.remove_layer_btn.isEnabled()


def test_an_edit_is_emitted_for_the_owner_to_decide(widget, qtbot):
    """The diagram does not validate a whole configuration itself: the window's session
    does, and refuses with the reason."""
    show(widget, qtbot, make_cfg("many_to_one", hidden=3))
    edits = []
    widget.configEdited.connect(lambda c, d: edits.append(c))
    bad = widget.cfg.copy()
    bad.network.num_layers = limits("network.num_layers")[1] + 1
    widget._emit_edit(bad, "Add a layer")
    assert edits == [bad]


def engine_reference(cfg, sample):
    net = Network(cfg.network, seed=cfg.training.seed)
    net.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
    return net


@pytest.mark.parametrize("kind,bi", [("many_to_many", True), ("seq2seq", False),
                                     ("many_to_one", False)])
def test_step_through_forward_shows_the_engine_states(widget, qtbot, kind, bi):
    cfg = make_cfg(kind, hidden=3, layers=2, bi=bi)
    sample = make_sample(cfg)
    show(widget, qtbot, cfg, sample)
    ref = engine_reference(cfg, sample)
    widget.stepper.mode_buttons["forward"].click()
    assert widget.model.mode == "forward"
    n = widget.model.total_steps()
    for s in range(n):
        if s:
            widget.stepper.next_btn.click()
        assert widget.stepper.step == s
        for seg in widget.model.segments:
            local = s - seg.offset
            for state in seg.states:
                h = ref.cache["hidden"][state][0]
                reverse = state.endswith("_reverse")
                for t in range(seg.steps):
                    done = (t >= seg.steps - 1 - local) if reverse else (t <= local)
                    for j in range(3):
                        v = widget.displayed_value("hidden", state, t, j)
                        if done and local >= 0:
                            assert v == pytest.approx(h[t, j], abs=1e-12)
                        else:
                            assert v is None
                            assert widget.neuron("hidden", state, t, j).level() == DIM
    # Hovering a neuron gives the numbers of its step.
    item = widget.neuron("hidden", widget.model.segments[0].states[0], 1, 0)
    text = widget.model.describe(item)
    d = widget.trace.layers[item.key]
    for label in ("W_ih x_t", "pre-activation", "b_ih + b_hh"):
        assert label in text
    assert f"{d.pre[1, 0]:+.4g}" in text


@pytest.mark.parametrize("kind,bi", [("many_to_many", True), ("seq2seq", True),
                                     ("many_to_one", False)])
def test_step_through_backward_shows_the_engine_gradients(widget, qtbot, kind, bi):
    cfg = make_cfg(kind, hidden=3, layers=2, bi=bi)
    sample = make_sample(cfg)
    show(widget, qtbot, cfg, sample)
    ref = engine_reference(cfg, sample)
    widget.stepper.mode_buttons["backward"].click()
    n = widget.model.total_steps()
    assert widget.stepper.step == n - 1  # the walk starts at the last step
    seen = 0
    for _ in range(n):
        s = widget.stepper.step
        for seg in widget.model.segments:
            local = s - seg.offset
            for state in seg.states:
                g = ref.cache["grad_h"][state][0]
                reverse = state.endswith("_reverse")
                for t in range(seg.steps):
                    reached = local < seg.steps and (
                        local < 0 or (t <= seg.steps - 1 - local if reverse else t >= local))
                    v = widget.displayed_value("hidden", state, t, 0)
                    if reached:
                        assert v == pytest.approx(g[t, 0], abs=1e-12)
                        seen += 1
                    else:
                        assert v is None
        widget.stepper.next_btn.click()
    assert widget.stepper.step == 0 and seen > 0
    # Connections at a reached step are coloured by that step's share of the gradient.
    state = widget.model.segments[0].states[0]
    d = widget.trace.layers[state]
    conns = [c for c in widget.scene.connections
             if c.param == d.params["weight_hh"] and c.t == 2]
    share = d.grad_step("weight_hh", 2)
    scale = d.grad_step_max("weight_hh")
    for c in conns:
        expect = int(np.rint(np.clip(share[c.i, c.j] / scale, -1, 1) * 20))
        assert c.level() == expect
    tip = widget.model.describe(conns[0])
    assert f"{share[conns[0].i, conns[0].j]:+.4g}" in tip


@pytest.mark.parametrize("cell,gates", [("lstm", 4), ("gru", 3)])
def test_gated_cells_draw_ribbons_and_step_through_their_states(widget, qtbot, cell, gates):
    cfg = make_cfg("many_to_many", hidden=3, layers=2, bi=True)
    cfg.network.cell = cell
    sample = make_sample(cfg)
    show(widget, qtbot, cfg, sample)
    sc = widget.scene
    assert len([it for it in sc.neurons if it.role == "hidden"]) == T * 2 * 2 * 3
    assert sc.gates == []  # collapsed: each hidden neuron shows h_t only
    # Only the read-out is drawn line by line; the gated matrices are ribbons over all gates.
    assert {c.param for c in sc.connections} == {"head.weight"}
    assert len(sc.connections) == T * 4 * 2 * 3
    ribbons = [b for b in sc.bundles if "weight_hh_l0" == b.param]
    assert ribbons and all(b.rows == slice(0, gates * 3) for b in ribbons)
    assert "gate" in widget.model.describe(ribbons[0])
    ref = engine_reference(cfg, sample)
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.last_btn.click()
    for state in ("l0", "l1_reverse"):
        for t in range(T):
            assert widget.displayed_value("hidden", state, t, 2) == pytest.approx(
                ref.cache["hidden"][state][0, t, 2], abs=1e-12)
    tip = widget.model.describe(widget.neuron("hidden", "l0", 1, 0))
    assert "gate" in tip and (("cell state" in tip) == (cell == "lstm"))
    widget.stepper.mode_buttons["backward"].click()
    widget.stepper.last_btn.click()
    assert widget.displayed_value("hidden", "l1", 0, 1) == pytest.approx(
        ref.cache["grad_h"]["l1"][0, 0, 1], abs=1e-12)
    assert "share of the gate weights' gradient" in widget.message.text()
    # Each step's share of a gated matrix colours its ribbon and sums to the engine's gradient.
    d = widget.trace.layers["l0"]
    total = sum(d.grad_step("weight_hh", t) for t in range(T))
    np.testing.assert_allclose(total, ref.loss_and_grads(
        sample.x, sample.y, sample.mask, sample.y_mask)[1]["weight_hh_l0"], atol=1e-10)
    assert "gradient share of step" in widget.model.describe(ribbons[1])
    widget.stepper.mode_buttons["live"].click()
    # The hint names the cell and its gates, as the table lists them.
    hint = {"lstm": "Click any LSTM neuron to open it: gates i f g o below, the cell state c",
            "gru": "Click any GRU neuron to open it: its gates r z n below."}[cell]
    assert hint in widget.message.text()
    click_item(qtbot, widget, widget.neuron("hidden", "l0", 0, 0))
    assert f"{gates} gates" in widget.panel.weights.text()


def gate_items(widget, state, t, unit):
    return {(it.role, getattr(it, "gate", 0)): it for it in widget.scene.gates
            if (it.key, it.t, it.unit) == (state, t, unit)}


@pytest.mark.parametrize("cell,gates", [("lstm", 4), ("gru", 3)])
def test_gated_neuron_expands_to_its_gates_with_the_engine_values(widget, qtbot, cell, gates):
    cfg = make_cfg("many_to_many", hidden=3, layers=2, bi=True)
    cfg.network.cell = cell
    sample = make_sample(cfg)
    show(widget, qtbot, cfg, sample)
    ref = engine_reference(cfg, sample)
    sc = widget.scene
    per_neuron = gates + (cell == "lstm")  # the gates, and the LSTM's cell state c_t
    neurons = len(sc.neurons)
    top = widget.neuron("hidden", "l0", 2, 2).pos().y()
    click_item(qtbot, widget, widget.neuron("hidden", "l0", 2, 1))
    sc = widget.scene
    assert len(sc.neurons) == neurons  # the same neurons, one of them opened at every step
    assert len(sc.gates) == T * per_neuron
    assert {(it.key, it.unit) for it in sc.gates} == {("l0", 1)}
    assert widget.neuron("hidden", "l0", 2, 2).pos().y() > top  # room made below it
    assert widget.panel.isVisible()
    click_item(qtbot, widget, widget.neuron("hidden", "l1_reverse", 1, 0))
    assert len(widget.scene.gates) == 2 * T * per_neuron
    # Forward: at each reached step the gates and c_t are the engine's cached values.
    widget.stepper.mode_buttons["forward"].click()
    for _ in range(2):
        widget.stepper.next_btn.click()  # steps 1..3 done (the reverse layer: none yet)
    H = 3
    for state, unit in (("l0", 1), ("l1_reverse", 0)):
        for t in range(T):
            items = gate_items(widget, state, t, unit)
            reached = t <= 2 if state == "l0" else t >= T - 3
            for (role, g), it in items.items():
                v = widget.model.neuron_value(it)
                if not reached:
                    assert v is None and it.shown_level == DIM
                elif role == "gate":
                    expect = ref.cache["gates"][state][0, t, g * H + unit]
                    assert v == pytest.approx(expect, abs=1e-12)
                    assert it.shown_level == int(np.rint(np.clip(expect, -1, 1) * 20))
                    assert it.color() == level_color(it.shown_level)
                else:
                    assert v == pytest.approx(ref.cache["cell"][state][0, t, unit], abs=1e-12)
    it = gate_items(widget, "l0", 1, 1)[("gate", 1)]
    assert CELL_TABLE[cell].gates[1].name in widget.model.describe(it)  # "forget f"
    assert widget.grab().save(str(SHOTS / f"diagram_{cell}_expanded_forward.png"))
    # Backward: gates show dL/d(pre-activation), the LSTM's square dL/dc_t of the engine.
    widget.stepper.mode_buttons["backward"].click()
    for _ in range(2):
        widget.stepper.next_btn.click()
    d = widget.trace.layers["l0"]
    for t in range(2, T):
        items = gate_items(widget, "l0", t, 1)
        for (role, g), it in items.items():
            v = widget.model.neuron_value(it)
            if role == "cell":
                assert v == pytest.approx(ref.cache["grad_c"]["l0"][0, t, 1], abs=1e-12)
                assert "dL/dc_t" in widget.model.describe(it)
            else:
                assert v == pytest.approx(d.dpre[t, g * H + 1], abs=1e-12)
    assert widget.model.neuron_value(gate_items(widget, "l0", 0, 1)[("gate", 0)]) is None
    tip = widget.model.describe(widget.neuron("hidden", "l0", 3, 1))
    assert ("dL/dc_t" in tip) == (cell == "lstm") and "dL/dh_t" in tip
    assert widget.grab().save(str(SHOTS / f"diagram_{cell}_expanded_backward.png"))
    # Live: the snapshot's gates of the watched sample; a second click closes the neuron.
    widget.stepper.mode_buttons["live"].click()
    snap = Snapshot(step=1, epoch=0, train_loss=1.0, learning_rate=0.1, grad_norm=1.0,
                    hidden={k: v[0] for k, v in ref.cache["hidden"].items()},
                    gates={k: v[0] for k, v in ref.cache["gates"].items()},
                    cell={k: v[0] for k, v in ref.cache.get("cell", {}).items()} or None)
    widget.show_snapshot(snap)
    it = gate_items(widget, "l0", 4, 1)[("gate", 2)]
    assert widget.model.neuron_value(it) == pytest.approx(ref.cache["gates"]["l0"][0, 4, 7])
    assert widget.grab().save(str(SHOTS / f"diagram_{cell}_expanded_live.png"))
    click_item(qtbot, widget, widget.neuron("hidden", "l0", 0, 1))
    assert {(it.key, it.unit) for it in widget.scene.gates} == {("l1_reverse", 0)}
    # Folded, the opened neuron shows its gates at the highlighted step.
    widget.folded_btn.click()
    assert len(widget.scene.gates) == per_neuron
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.slider.setValue(3)  # the folded view shows t=4 (0-based 3), computed
    it = gate_items(widget, "l1_reverse", None, 0)[("gate", 1)]
    assert widget.model.neuron_value(it) == pytest.approx(ref.cache["gates"]["l1_reverse"][0, 3, 3])
    assert widget.grab().save(str(SHOTS / f"diagram_{cell}_expanded_folded.png"))


def test_context_of_another_task_replaces_the_picture(widget, qtbot):
    first = make_cfg("many_to_many", hidden=2)
    show(widget, qtbot, first)
    second = make_cfg("seq2seq", hidden=2)
    second.task.name = "translation"
    sample = make_sample(second, steps=7)
    widget.set_context(second, sample)
    assert widget.sample is sample
    assert [s.steps for s in widget.model.segments] == [7, 6]
    widget.stepper.mode_buttons["forward"].click()
    assert widget.model.mode == "forward" and widget.trace is not None
    # A config of another task alone forgets the old sample (its shapes no longer fit).
    widget.set_config(first)
    assert widget.sample is None and widget.model.segments[0].steps == T


def test_play_walks_on_by_itself(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=2)
    show(widget, qtbot, cfg)
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.speed.setValue(30)
    widget.stepper.play_btn.click()
    qtbot.waitUntil(lambda: widget.stepper.step == T - 1, timeout=3000)
    qtbot.waitUntil(lambda: not widget.stepper.play_btn.isChecked(), timeout=3000)
    widget.stepper.slider.setValue(1)  # jump
    assert widget.model.step == 1


def trained_snapshot(cfg: ExperimentConfig):
    from rnn_sandbox.session import Experiment

    exp = Experiment(cfg)
    exp.trainer.step()
    return exp, exp.trainer.step(collect=True)


def test_live_snapshot_recolours_without_rebuilding(widget, qtbot):
    cfg = ExperimentConfig()
    cfg.task.seq_len, cfg.task.n_samples = 8, 40
    cfg.network.hidden_size = 4
    exp, snap = trained_snapshot(cfg)
    sample = exp.dataset.val.subset(slice(0, 1))
    show(widget, qtbot, exp.config, sample)
    before = list(widget.scene.items())
    widget.show_snapshot(snap)
    assert list(widget.scene.items()) == before
    for t in (0, 7):
        for j in range(4):
            v = widget.displayed_value("hidden", "l0", t, j)
            assert v == pytest.approx(snap.hidden["l0"][t, j])
    x = widget.displayed_value("input", "main", 5, 0)  # steps 3 and 4 are left out
    assert x == pytest.approx(snap.inputs[5, 0])
    conn = next(c for c in widget.scene.connections if c.param == "weight_hh_l0")
    tip = widget.model.describe(conn)
    assert f"{snap.weights['weight_hh_l0'][conn.i, conn.j]:+.4g}" in tip
    assert f"{snap.grads['weight_hh_l0'][conn.i, conn.j]:+.4g}" in tip
    # The step-through uses the snapshot's weights.
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.last_btn.click()
    assert widget.displayed_value("hidden", "l0", 7, 1) == pytest.approx(
        snap.hidden["l0"][7, 1])


def test_snapshots_of_an_older_network_shape_are_ignored(widget, qtbot):
    cfg = ExperimentConfig()
    cfg.task.seq_len, cfg.task.n_samples = 8, 40
    cfg.network.hidden_size = 4
    exp, snap = trained_snapshot(cfg)
    bigger = exp.config.copy()
    bigger.network.hidden_size = 5
    show(widget, qtbot, bigger, exp.dataset.val.subset(slice(0, 1)))
    weights = dict(widget.model.weights)
    widget.show_snapshot(snap)  # still in flight from the 4-neuron network
    assert widget.snapshot is None
    assert all(widget.model.weights[k] is weights[k] for k in weights)
    assert widget.displayed_value("hidden", "l0", 0, 0) is None
    widget.grab()  # paints without errors


@pytest.mark.parametrize("pooling", ["flatten", "mean"])
def test_dense_baseline_has_no_recurrence(widget, qtbot, pooling):
    from rnn_sandbox.session import Experiment

    cfg = ExperimentConfig()
    cfg.task.seq_len, cfg.task.n_samples = 5, 40
    cfg.network.cell, cfg.network.pooling, cfg.network.hidden_size = "dense", pooling, 3
    exp = Experiment(cfg)
    snap = exp.trainer.step(collect=True)
    show(widget, qtbot, exp.config, exp.dataset.val.subset(slice(0, 1)))
    sc = widget.scene
    I, H, O = 1, 3, 1
    mean_inputs = I if pooling == "mean" else 0
    assert len(sc.neurons) == T * I + mean_inputs + H + O
    fc1_lines = I * H if pooling == "mean" else T * I * H
    assert len(sc.connections) == fc1_lines + O * H
    assert not [c for c in sc.connections if "hh" in c.param]
    assert not widget.bidir_btn.isEnabled() and not widget.add_layer_btn.isEnabled()
    widget.show_snapshot(snap)
    assert widget.displayed_value("hidden", "fc1", 0, 2) == pytest.approx(snap.hidden["fc1"][0, 2])
    click_item(qtbot, widget, widget.neuron("hidden", "fc1", 0, 1))
    assert "fc1.weight[1]" in widget.panel.weights.text()
    widget.stepper.mode_buttons["forward"].click()
    assert widget.model.mode == "live" and "no time steps" in widget.message.text()
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"diagram_dense_{pooling}.png"))


def test_every_registered_task_draws_and_steps(widget, qtbot):
    """Real samples of every task: the live view and both walks run, and show the engine's
    numbers for the first hidden neuron."""
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import all_tasks

    widget.show()
    for task in all_tasks():
        cfg = task.default_config()
        cfg.task.n_samples = min(cfg.task.n_samples, 40)
        exp = Experiment(cfg)
        snap = exp.trainer.step(collect=True)
        sample = exp.dataset.val.subset(slice(snap.sample_index, snap.sample_index + 1))
        widget.set_config(exp.config)
        widget.set_context(exp.config, sample)
        widget.show_snapshot(snap)
        assert widget.snapshot is snap, task.name
        state = exp.network.state_names()[0]
        shown_t = next(c.t for c in widget.scene.columns if c.t is not None)
        assert widget.displayed_value("hidden", state, shown_t, 0) == pytest.approx(
            snap.hidden[state][shown_t, 0]), task.name
        if exp.config.network.cell == "dense":
            continue
        for mode in ("forward", "backward"):
            widget.stepper.mode_buttons[mode].click()
            assert widget.model.mode == mode, task.name
            widget.stepper.last_btn.click()
            widget.grab()
        ref = exp.network
        ref.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
        assert widget.displayed_value("hidden", state, shown_t, 0) == pytest.approx(
            ref.cache["grad_h"][state][0, shown_t, 0]), task.name
        widget.stepper.mode_buttons["live"].click()


def test_clicking_a_neuron_opens_its_panel(widget, qtbot):
    cfg = ExperimentConfig()
    cfg.task.seq_len, cfg.task.n_samples = 8, 40
    cfg.network.hidden_size = 4
    exp, snap = trained_snapshot(cfg)
    show(widget, qtbot, exp.config, exp.dataset.val.subset(slice(0, 1)))
    widget.show_snapshot(snap)
    item = widget.neuron("hidden", "l0", 6, 2)
    click_item(qtbot, widget, item)
    assert widget.panel.isVisible()
    assert "layer 1" in widget.panel.title.text() and "neuron 3" in widget.panel.title.text()
    xs, ys = widget.panel.curve.getData()
    np.testing.assert_allclose(ys, snap.hidden["l0"][:, 2])
    assert "weight_hh_l0[2]" in widget.panel.weights.text()
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / "diagram_live_neuron_panel.png"))


def test_band_hover_names_the_unit(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=40)
    show(widget, qtbot, cfg)
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.last_btn.click()
    band = next(b for b in widget.scene.bands if b.key == "l0" and b.t == 2)
    band.unit = band.unit_at(band.height * 0.99)
    assert band.unit == 39
    assert "neuron 40" in widget.model.describe(band)
    assert band.levels() is not None and len(band.levels()) == 40


def test_export_svg_and_png(widget, qtbot, tmp_path):
    show(widget, qtbot, make_cfg("seq2seq", hidden=3, bi=True))
    svg, png = tmp_path / "net.svg", tmp_path / "net.png"
    widget.export_image(str(svg))
    widget.export_image(str(png))
    assert "<svg" in svg.read_text() and "<path" in svg.read_text()
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    assert img.width() > 400 and img.height() > 200
    with pytest.raises(OSError):
        widget.export_image(str(tmp_path / "missing" / "net.png"))


def _picture_of_every_neuron(widget, path) -> None:
    """The exported picture shows the whole network: its size is the scene's (at twice the
    resolution), and each neuron's outline is drawn at its place."""
    from PySide6.QtGui import QColor, QImage

    widget.export_image(str(path))
    img = QImage(str(path))
    rect = widget.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
    assert (img.width(), img.height()) == (int(rect.width()) * 2, int(rect.height()) * 2)
    for n in widget.scene.neurons:
        box = n.sceneBoundingRect().translated(-rect.topLeft())
        c = box.center()
        row = [QColor(img.pixel(int(2 * x), int(2 * c.y())))
               for x in np.linspace(box.left(), box.right(), 40)]
        assert min(p.lightness() for p in row) < 128, (
            f"{n.role} neuron {n.unit} at t={n.t} is not drawn in the picture")


@pytest.mark.parametrize("kind", list(KINDS))
def test_screenshots(widget, qtbot, kind):
    """Each task type unrolled (simple and bidirectional, 2 layers) and folded: the pictures
    are saved for looking at, and show every neuron the configuration implies."""
    SHOTS.mkdir(exist_ok=True)
    for bi in (False, True):
        if bi and kind == "one_to_many":
            continue
        cfg = make_cfg(kind, hidden=4, layers=2, bi=bi)
        show(widget, qtbot, cfg)
        n = cfg.network
        neurons, _ = expected_counts(kind, 2, bi, 4, n.input_size, n.output_size)
        assert len(widget.scene.neurons) == neurons
        name = f"diagram_{kind}_{'bidirectional' if bi else 'simple'}"
        assert widget.grab().save(str(SHOTS / f"{name}.png"))
        _picture_of_every_neuron(widget, SHOTS / f"{name}_export.png")
    unrolled = len(widget.scene.neurons)
    widget.folded_btn.click()
    # Folded: one column for all steps, the recurrence drawn as loops.
    assert {n.t for n in widget.scene.neurons} <= {None, -1}
    assert len(widget.scene.neurons) < unrolled and widget.scene.loops
    assert widget.grab().save(str(SHOTS / f"diagram_{kind}_folded.png"))
    _picture_of_every_neuron(widget, SHOTS / f"diagram_{kind}_folded_export.png")


def test_screenshot_backward_frame_and_large(widget, qtbot):
    SHOTS.mkdir(exist_ok=True)
    cfg = make_cfg("many_to_many", hidden=5, layers=1)
    show(widget, qtbot, cfg, make_sample(cfg, steps=12))
    widget.steps_spin.setValue(12)
    widget.stepper.mode_buttons["backward"].click()
    for _ in range(6):
        widget.stepper.next_btn.click()
    assert widget.grab().save(str(SHOTS / "diagram_backward_frame.png"))
    # The gradient bars: one scale for the whole sequence, full at the largest step.
    bars = [b.fraction() for b in widget.scene.norm_bars]
    reached = [f for f in bars if f is not None]
    assert len(reached) == 12 - 5 and max(reached) <= 1.0  # steps 6..12 are reached
    norms = np.linalg.norm(widget.trace.layers["l0"].grad_h, axis=1)
    assert reached[0] == pytest.approx(norms[5] / norms.max())
    widget.stepper.mode_buttons["forward"].click()
    for _ in range(5):
        widget.stepper.next_btn.click()
    assert widget.grab().save(str(SHOTS / "diagram_forward_frame.png"))
    cfg = make_cfg("many_to_many", hidden=64, layers=2, bi=True)
    show(widget, qtbot, cfg, make_sample(cfg, steps=20))
    widget.stepper.mode_buttons["backward"].click()
    assert widget.grab().save(str(SHOTS / "diagram_large_backward.png"))


def test_main_window_edit_changes_the_model_and_undo_restores(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from rnn_sandbox.tasks import get_task
    from rnn_sandbox.ui import main_window as mw

    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples, cfg.task.seq_len, cfg.network.hidden_size = 40, 8, 3
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    win = mw.MainWindow(cfg, settings=settings)
    qtbot.addWidget(win)
    win.modal_messages = False
    win.confirm = lambda *a: True
    win.show()
    qtbot.waitExposed(win)
    diagram = win.diagram
    assert isinstance(diagram, DiagramWidget)
    old_net = win.controller.experiment.network
    click_item(qtbot, diagram, diagram.scene.buttons["add_neuron_l0"])
    qtbot.waitUntil(lambda: win.controller.experiment.network is not old_net, timeout=5000)
    assert win.controller.experiment.network.params["weight_hh_l0"].shape == (4, 4)
    assert win.controller.config.network.hidden_size == 4
    steps = len(diagram.scene.columns)  # 6 of the 8 steps are drawn
    assert len([i for i in diagram.scene.neurons if i.role == "hidden"]) == steps * 4
    win.controller.undo_stack.undo()
    assert win.controller.config.network.hidden_size == 3
    assert win.controller.experiment.network.params["weight_hh_l0"].shape == (3, 3)
    assert len([i for i in diagram.scene.neurons if i.role == "hidden"]) == steps * 3
    win.controller.document.dirty = False
    win.close()


def test_hover_tooltip_of_a_connection_is_set(widget, qtbot):
    cfg = make_cfg("many_to_many", hidden=2)
    show(widget, qtbot, cfg)
    conn = next(c for c in widget.scene.connections if c.param == "head.weight")
    mid = conn.line.pointAt(0.5)
    qtbot.mouseMove(widget.view.viewport(), widget.view.mapFromScene(QPointF(mid)))
    qtbot.waitUntil(lambda: any(c.toolTip() for c in widget.scene.connections), timeout=2000)
    tipped = [c for c in widget.scene.connections if c.toolTip()]
    assert all("weight =" in c.toolTip() for c in tipped)
    assert isinstance(widget.scene.bands, list) and not any(
        isinstance(i, BandItem) for i in widget.scene.items())


def test_hover_names_gates_ribbons_and_neurons(widget, qtbot):
    """Units are drawn by one layer item, yet each still answers the pointer by itself."""
    cfg = make_cfg("many_to_many", hidden=3, layers=2)
    cfg.network.cell = "lstm"
    show(widget, qtbot, cfg)
    click_item(qtbot, widget, widget.neuron("hidden", "l1", 2, 0))
    gate = gate_items(widget, "l1", 2, 0)[("gate", 1)]
    ribbon = next(b for b in widget.scene.bundles if b.param == "weight_hh_l0")
    neuron = widget.neuron("hidden", "l0", 3, 2)
    for item, text in ((gate, "forget f"), (ribbon, "weight_hh_l0"), (neuron, "neuron 3")):
        target = item.mapToScene(item.shape().boundingRect().center())
        qtbot.mouseMove(widget.view.viewport(), widget.view.mapFromScene(target))
        qtbot.waitUntil(lambda item=item: bool(item.toolTip()), timeout=2000)
        assert text in item.toolTip()


def test_a_cell_in_the_table_alone_is_drawn_opened_and_explained(widget, qtbot, new_cell):
    """The diagram, its hint, its layer labels and the formula view know a cell from its
    row in the table: its gates, its cell state, its title."""
    cfg = make_cfg("many_to_many", hidden=3)
    cfg.network.cell = new_cell.name
    cfg.validate()
    show(widget, qtbot, cfg)
    assert ("Click any NewCell neuron to open it: gates i f g o below, the cell state c"
            in widget.message.text())
    assert any("3 NewCell cells" in str(lab.text) for lab in widget.scene.labels)
    click_item(qtbot, widget, widget.neuron("hidden", "l0", 1, 1))
    items = gate_items(widget, "l0", 1, 1)
    assert sorted(items) == [("cell", 0), ("gate", 0), ("gate", 1), ("gate", 2), ("gate", 3)]
    widget.stepper.mode_buttons["forward"].click()
    widget.stepper.next_btn.click()
    assert "each NewCell cell sets its gates from x_t and h_(t-1)" in widget.message.text()
    widget.model.on_click(widget.neuron("hidden", "l0", 1, 1))
    f = widget.formulas.panel.formula
    assert f is not None and any("engine/lstm.py" in note for note in f.notes)
    assert f.line("h").engine == pytest.approx(widget.trace.layers["l0"].h[1, 1])
