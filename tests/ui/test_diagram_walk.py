"""The step-through walks the model as it is now: after training, after any change of the
model during a walk, and as truncated BPTT takes the gradients."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from rnn_sandbox.engine.inspect import network_from, trace
from rnn_sandbox.lessons import get_lesson
from rnn_sandbox.session import Experiment
from tests.ui.test_diagram import SHOTS, show


def lesson6(truncation: int = 0, seed: int = 0) -> Experiment:
    cfg = get_lesson("bptt").preset()
    cfg.training.bptt_truncation = truncation
    cfg.training.seed = seed
    return Experiment(cfg)


def sample_of(exp: Experiment):
    return exp.dataset.val.subset(slice(0, 1))


def train(exp: Experiment, steps: int):
    for _ in range(steps - 1):
        exp.trainer.step()
    return exp.trainer.step(collect=True)


def reference(exp: Experiment, sample):
    net = network_from(exp.config.network, exp.config.training.seed, exp.network.state_dict())
    return trace(net, sample, exp.config.training.bptt_truncation)


def shown_gradients(widget) -> np.ndarray:
    """dL/dh_t of every neuron as the diagram shows it at the end of the backward walk."""
    widget.stepper.last_btn.click()
    T = widget.model.segments[0].steps
    H = widget.cfg.network.hidden_size
    return np.array([[widget.displayed_value("hidden", "l0", t, j) for j in range(H)]
                     for t in range(T)], dtype=float)


def test_a_walk_after_training_shows_the_trained_weights(widget, qtbot):
    exp = lesson6()
    sample = sample_of(exp)
    show(widget, qtbot, exp.config, sample)
    widget.stepper.mode_buttons["backward"].click()
    before = shown_gradients(widget)
    np.testing.assert_allclose(before, reference(exp, sample).layers["l0"].grad_h)
    widget.stepper.mode_buttons["live"].click()
    snap = train(exp, 300)  # the window shows the snapshots while live
    widget.show_snapshot(snap)
    widget.stepper.mode_buttons["backward"].click()
    after = shown_gradients(widget)
    assert not np.allclose(after, before)
    np.testing.assert_allclose(after, reference(exp, sample).layers["l0"].grad_h)
    # The formula of a neuron reads the same weights.
    widget.model.on_click(widget.neuron("hidden", "l0", 0, 1))
    f = widget.formulas.panel.formula
    assert f.line("dh").engine == pytest.approx(
        reference(exp, sample).layers["l0"].grad_h[0, 1])


def test_a_model_installed_during_a_walk_is_walked_at_once(widget, qtbot):
    """Undo, opening a file, restoring a run or a rebuild install a model with its weights:
    the walk goes on, with those weights."""
    exp = lesson6()
    sample = sample_of(exp)
    show(widget, qtbot, exp.config, sample)
    widget.stepper.mode_buttons["backward"].click()
    other = lesson6(seed=5)
    train(other, 50)
    widget.set_config(other.config, other.network.state_dict())
    widget.set_context(other.config, sample)
    assert widget.stepper.mode == "backward" and widget.model.mode == "backward"
    np.testing.assert_allclose(shown_gradients(widget),
                               reference(other, sample).layers["l0"].grad_h)


def test_the_last_weights_of_a_run_are_walked_when_it_pauses(widget, qtbot):
    exp = lesson6()
    sample = sample_of(exp)
    show(widget, qtbot, exp.config, sample)
    widget.stepper.mode_buttons["backward"].click()
    widget.show_snapshot(train(exp, 5))
    widget.show_snapshot(train(exp, 5))  # at once after the first: no retrace yet
    want = reference(exp, sample).layers["l0"].grad_h
    qtbot.waitUntil(lambda: np.allclose(widget.trace.layers["l0"].grad_h, want), timeout=3000)
    np.testing.assert_allclose(shown_gradients(widget), want)


def test_the_window_walks_the_model_it_installs(make_window, qtbot):
    window = make_window(lesson6().config)
    d = window.diagram
    d.stepper.mode_buttons["backward"].click()
    trained = lesson6()
    train(trained, 100)
    window.controller.replace_with(trained, "a trained model")
    sample = window.controller.watch_sample(0)
    ref = reference(trained, sample)
    qtbot.waitUntil(lambda: d.trace is not None and np.allclose(
        d.trace.layers["l0"].grad_h, ref.layers["l0"].grad_h), timeout=5000)


def test_truncated_bptt_stops_the_backward_walk_at_the_cut(widget, qtbot):
    exp = lesson6(truncation=2)  # many-to-one over 4 steps: chunks (1, 2) and (3, 4)
    sample = sample_of(exp)
    show(widget, qtbot, exp.config, sample)
    widget.stepper.mode_buttons["backward"].click()
    steps = [widget.stepper.step]
    while widget.stepper.advance(+1):
        steps.append(widget.stepper.step)
    assert steps == [3, 2]  # the walk ends where the gradient does
    ref = reference(exp, sample).layers["l0"]
    assert np.all(ref.grad_h[:2] == 0) and np.all(ref.grad_h[2:] != 0)
    np.testing.assert_allclose(widget.trace.layers["l0"].grad_h, ref.grad_h)
    for t in (0, 1):  # never reached: drawn as not computed
        assert widget.displayed_value("hidden", "l0", t, 0) is None
    assert "Truncated BPTT" in widget.message.text()
    widget.stepper.set_step(0, emit=True)  # jumping there shows that nothing arrived
    assert all(widget.displayed_value("hidden", "l0", 0, j) == 0 for j in range(3))
    # Without truncation the walk reaches the first step.
    full = lesson6()
    show(widget, qtbot, full.config, sample)
    widget.stepper.mode_buttons["backward"].click()
    while widget.stepper.advance(+1):
        pass
    assert widget.stepper.step == 0


def test_lesson_six_walked_again_after_training_in_the_window(make_window, qtbot):
    """The learner's report, in the window: walk Backward, back to Live, train, walk
    Backward again: the walk shows the trained model, not the one from before."""
    window = make_window(lesson6().config)
    c, d = window.controller, window.diagram
    qtbot.mouseClick(d.stepper.mode_buttons["backward"], Qt.MouseButton.LeftButton)
    before = shown_gradients(d)
    qtbot.mouseClick(d.stepper.mode_buttons["live"], Qt.MouseButton.LeftButton)
    c.worker.step_once(300)
    qtbot.waitUntil(lambda: c.step >= 300, timeout=20_000)
    with c.worker.paused():  # brings the window's copy of the model up to date
        pass
    qtbot.waitUntil(lambda: d.snapshot is not None and d.snapshot.step >= 300, timeout=5000)
    qtbot.mouseClick(d.stepper.mode_buttons["backward"], Qt.MouseButton.LeftButton)
    after = shown_gradients(d)
    assert not np.allclose(after, before)
    want = reference(c.experiment, d.sample).layers["l0"].grad_h
    np.testing.assert_allclose(after, want, rtol=1e-6, atol=1e-9)


def test_the_cuts_of_truncated_bptt_are_marked_while_walking_backward(widget, qtbot):
    from tests.ui.test_diagram import make_cfg, make_sample

    cfg = make_cfg("many_to_many", bi=True)
    cfg.training.bptt_truncation = 2
    show(widget, qtbot, cfg, make_sample(cfg, steps=6))
    cuts = widget.scene.cuts
    assert cuts and not any(c.isVisible() for c in cuts)  # live: not a matter yet
    widget.stepper.mode_buttons["backward"].click()
    assert all(c.isVisible() for c in cuts)
    # Exactly where the engine's time loops stop the gradient, in each direction.
    want = set()
    for d in widget.trace.layers.values():
        for t in range(6):
            if not d.sends_back(t):
                to = t + 1 if d.reverse else t - 1
                want.add(f"from step {t + 1} to step {to + 1}")
    got = {c.toolTip().split("flows back ")[1].split(" of")[0] for c in cuts}
    assert got == want and len(cuts) == len(want) == 4
    widget.stepper.mode_buttons["forward"].click()
    assert not any(c.isVisible() for c in cuts)
    widget.grab().save(str(SHOTS / "truncation_cuts.png"))
