"""The diagram of a decoder that looks back: from the decoder step in focus an arc to every
encoder step, as wide as its α, live and in the step-through."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.engine.inspect import network_from, trace
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.diagram.attention_lines import arc_width
from tests.ui.test_diagram import show


def test_the_arcs_follow_alpha_live_and_in_the_step_through(widget, qtbot, small):
    cfg = small(get_task("translation").default_config())
    cfg.task.n_samples = 60
    cfg.network.attention = "additive"
    exp = Experiment(cfg)
    sample = exp.dataset.val.subset(slice(0, 1))
    show(widget, qtbot, cfg, sample)
    widget.set_config(cfg, exp.network.state_dict())
    (arcs,) = widget.scene.attention
    for _ in range(3):
        exp.trainer.step()
    snap = exp.trainer.step(collect=True)
    widget.show_snapshot(snap)

    def widths() -> np.ndarray:
        return np.array([arcs.arcs[s].pen().widthF() for s, _p in arcs.encoder])

    # Live: the decoder step in focus (the first) looks at each source step with snap's α.
    assert arcs.isVisible() and arcs.focus == 0
    shown = [s for s, _p in arcs.encoder]
    np.testing.assert_allclose(widths(), [arc_width(snap.attention[0, s]) for s in shown],
                               rtol=1e-6)
    # The widest arc goes to the step with the largest α.
    assert shown[int(widths().argmax())] == int(snap.attention[0, shown].argmax())
    # Live, the slider on decoder step 3: the arcs leave it with its own row of α.
    dec = widget.model.segments[1]
    widget.stepper.set_step(dec.offset + 2, emit=True)
    assert arcs.focus == 2 and arcs.isVisible()
    np.testing.assert_allclose(widths(), [arc_width(snap.attention[2, s]) for s in shown],
                               rtol=1e-6)
    # Step-through: walking the encoder, no decoder step looks yet; at decoder step 2 the
    # arcs are the traced α of that step.
    widget.stepper.set_mode("forward", emit=True)
    widget.stepper.set_step(0, emit=True)
    assert not arcs.isVisible()
    widget.stepper.set_step(dec.offset + 1, emit=True)
    ref = trace(network_from(cfg.network, weights=snap.weights), sample)
    assert ref.attention is not None and arcs.isVisible() and arcs.focus == 1
    np.testing.assert_allclose(widths(), [arc_width(ref.attention[1, s]) for s in shown],
                               rtol=1e-4)
    assert widget.model.trace is not None
    np.testing.assert_allclose(widget.model.trace.attention, ref.attention, atol=1e-6)


def test_a_network_without_attention_draws_no_arcs(widget, qtbot, small):
    cfg = small(get_task("translation").default_config())
    cfg.network.attention = "none"
    show(widget, qtbot, cfg)
    assert widget.scene.attention == []


@pytest.mark.parametrize("alpha", [0.0, 0.25, 1.0])
def test_an_arc_is_wider_the_more_attention(alpha):
    assert arc_width(alpha) == pytest.approx(0.3 + 9.0 * alpha)
